# A sample job: counts objects per bucket and reports each bucket as it is done.
param([string]$Prefix = '')
$buckets = Get-S3Bucket | Where-Object BucketName -like "$Prefix*"
$i = 0
foreach ($b in $buckets) {
    $i++
    Write-Progress -Activity 'Inventory' -Status $b.BucketName -PercentComplete (100 * $i / @($buckets).Count)
    $objects = @(Get-S3Object -BucketName $b.BucketName)
    [pscustomobject]@{
        Bucket  = $b.BucketName
        Objects = $objects.Count
        Bytes   = ($objects | Measure-Object -Property Size -Sum).Sum
    }
}
Write-Warning "inventory finished: $i bucket(s)"
