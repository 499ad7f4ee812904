# awsh demo: PowerShell language features and AWS cmdlets against a local endpoint.
$names = 'alpha', 'beta', 'gamma'
"Creating $($names.Count) buckets"
foreach ($n in $names) {
    New-S3Bucket -BucketName "awsh-demo-$n" | Out-Null
}
Get-S3Bucket | Where-Object BucketName -like 'awsh-demo-*' | Sort-Object BucketName | Select-Object -ExpandProperty BucketName

$squares = 1..5 | ForEach-Object { $_ * $_ }
"Sum of squares: $(($squares | Measure-Object -Sum).Sum)"

$summary = [pscustomobject]@{ Buckets = (Get-S3Bucket).Count; Caller = (Get-STSCallerIdentity).Account }
$summary

foreach ($n in $names) { Remove-S3Bucket -BucketName "awsh-demo-$n" -Force }
"Buckets left: $((Get-S3Bucket | Where-Object BucketName -like 'awsh-demo-*' | Measure-Object).Count)"
