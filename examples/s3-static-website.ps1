# The user guide's "Amazon S3 and Tools for Windows PowerShell" walkthrough: host a static website.
# Assumes default credentials; sets the session's default region as the guide does.
# Run against moto: AWS_ENDPOINT_URL=http://127.0.0.1:5000 awsh examples/s3-static-website.ps1
Set-DefaultAWSRegion -Region us-west-2

# Create an Amazon S3 bucket and verify its region
New-S3Bucket -BucketName website-example -Region us-west-2
Get-S3BucketLocation -BucketName website-example

# Configure the bucket as a website
Write-S3BucketWebsite -BucketName website-example -WebsiteConfiguration_IndexDocumentSuffix index.html -WebsiteConfiguration_ErrorDocument error.html

# Create the two files using here-strings and the Set-Content cmdlet
$index_html = @"
<html>
  <body>
    <p>
      Hello, World!
    </p>
  </body>
</html>
"@
$index_html | Set-Content index.html
$error_html = @"
<html>
  <body>
    <p>
      This is an error page.
    </p>
  </body>
</html>
"@
$error_html | Set-Content error.html

# Upload the files to Amazon S3 using a foreach loop
foreach ($f in "index.html", "error.html") {
  Write-S3Object -BucketName website-example -File $f -Key $f -CannedACLName public-read
}

# Verify that the files were uploaded
Get-S3BucketWebsite -BucketName website-example

# Upload in-line text content: a single line, then a here-string
Write-S3Object website-example -Key myobject.txt -Content "file content"
$x = @"
line 1
line 2
line 3
"@
Write-S3Object website-example -Key notes.txt -Content $x

# List the objects, then read one back to a local file
Get-S3Object -BucketName website-example | Select-Object Key, Size
Read-S3Object -BucketName website-example -Key notes.txt -File downloaded-notes.txt | Select-Object Name, Length

# Delete the objects, then the bucket and whatever is left in it
foreach ( $obj in "index.html", "error.html" ) {
  Remove-S3Object -BucketName website-example -Key $obj -Force
}
Remove-S3Bucket -BucketName website-example -DeleteBucketContent -Force
