# Run once by scripts/build.mjs: the functions this compiles go into the CLI's V8 code caches (dist/*.cache).
# Keep it to the start-up path (a bigger cache costs every start) plus loading the AWS cmdlets for aws.cjs.
1 + 1 | Out-Null
$null = Get-AWSRegion
