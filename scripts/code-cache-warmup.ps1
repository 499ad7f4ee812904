# Run once by scripts/build.mjs: the functions this compiles go into the CLI's V8 code cache (dist/*.cache).
# Keep it to what most scripts do, so the cache stays small.
param([int]$Count = 3)
$items = 1..$Count | ForEach-Object { [pscustomobject]@{ Name = "item$_"; Size = $_ * 10 } }
$items | Where-Object { $_.Size -gt 10 } | Sort-Object Size -Descending | Select-Object -First 2 | Format-Table | Out-String | Out-Null
foreach ($i in $items) { if ($i.Name -like 'item*') { $total += $i.Size } }
"Total: $total" | Out-Null
$null = Get-Command Get-S3Bucket
