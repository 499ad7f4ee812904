# Run once by scripts/build.mjs: the functions this compiles go into the CLI's V8 code caches (dist/*.cache).
# Keep it to the start-up path (a bigger cache costs every start), plus loading the lazy bundles (AWS cmdlets,
# extras.cjs for the built-ins that load on first use); the build runs it with -NoExit, so the REPL's start-up
# is in the cache too.
1 + 1 | Out-Null
$null = Get-AWSRegion
$null = Join-Path a b
