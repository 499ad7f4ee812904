# The user guide's "Pipelining and $AWSHistory" and paging sections: $AWSHistory, -Select,
# -MaxKey/-Marker paging by hand, and binding pipeline input by property name.
Set-DefaultAWSRegion -Region us-east-1

New-S3Bucket -BucketName test | Out-Null
foreach ($i in 1..12) { Write-S3Object -BucketName test -Key ("key{0:D2}" -f $i) -Content "item $i" }

# Page to completion by default
$c = Get-S3Object -BucketName test
"All keys: $($c.Count)"
"Emitted: $($AWSHistory.LastCommand.EmittedObjectsCount)"

# Page by hand: -MaxKey makes one call; the last response says whether there is more
$c = Get-S3Object -BucketName test -MaxKey 5
"First page: $($c.Count)"
while ($AWSHistory.LastServiceResponse -ne $null -and $AWSHistory.LastServiceResponse.IsTruncated) {
  $c = Get-S3Object -BucketName test -MaxKey 5 -Marker $AWSHistory.LastServiceResponse.NextMarker
  "Next page: $($c.Count) starting at $($c[0].Key)"
}

# -Select: a response member, the whole response, or a parameter
Get-S3Object -BucketName test -MaxKey 2 -Select S3Objects.Key
(Get-S3Object -BucketName test -MaxKey 2 -Select *).IsTruncated
Get-S3BucketLocation -BucketName test -Select ^BucketName

# Pipe by property name: objects with BucketName and Key bind to Get-S3ObjectMetadata's parameters
[pscustomobject]@{ BucketName = 'test'; Key = 'key03' } | Get-S3ObjectMetadata | Select-Object -ExpandProperty ContentLength

# The history of the commands just run
$AWSHistory.Commands.Count
$AWSHistory.LastCommand.CmdletName
