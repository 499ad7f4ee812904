// Valid snippets used by the fuzz and speed tests.
export const CORPUS: string[] = [
  'Get-S3Object -BucketName my-bucket -Key a/b.txt | Where-Object { $_.Size -gt 1kb } | Select-Object -First 5',
  '$x = 1 + 2 * 3; $y = "a $x b $($x + 1)"',
  'if ($a -eq 1) { "one" } elseif ($a -ceq 2) { "two" } else { "other" }',
  'foreach ($i in 1..10) { if ($i % 2) { continue }; $i }',
  'for ($i = 0; $i -lt 5; $i++) { Write-Output $i }',
  'switch -regex ($x) { "^a" { 1 } {$_ -gt 5} { 2 } default { 3 } }',
  'function Get-Thing { [CmdletBinding()] param([Parameter(Mandatory)][string]$Name, [int]$N = 2) process { $Name * $N } }',
  'try { throw "x" } catch [System.Exception] { $_.Exception.Message } finally { "done" }',
  '$h = @{ a = 1; "b" = @(1, 2); c = @{ d = $true } }; $h.c.d',
  "[System.Collections.Generic.List[string]]::new(); [math]::Round(1.5); [int]::MaxValue",
  "@'\nhere $x\n'@ + @\"\nthere $x\n\"@",
  '$a = 1, 2, 3; $a[0]; $a[-1]; $a[1..2]; $a?.Count; ${a}?[0]',
  'Get-Item .\\x.ps1 2>&1 > out.txt; & $sb -Arg:1 @splat; . ./lib.ps1',
  '$s -split "," -join ";" -replace "a", "b"; -not $x; !$y; -bnot 5',
  'do { $n-- } while ($n -gt 0); $x ??= 5; $z = $x ? "y" : "n"',
  'a && b || c; $x = Get-Date | ForEach-Object { $_.Year }',
  ':outer while ($true) { break outer }',
  'trap { continue }; data { "x" }; exit 0',
  '# comment\n<# block #>\n"a`tb`n" `\n  | Out-Null',
];

/** A deterministic pseudo-random generator (so failures are reproducible). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A long script made of corpus snippets, one statement per line. */
export function generateScript(lines: number): string {
  const out: string[] = [];
  const simple = [
    '$x = $x + 1',
    'Write-Output "value: $x" -NoNewline',
    'if ($x -gt 5) { $y = $x * 2 } else { $y = 0 }',
    'Get-ChildItem -Path C:\\temp -Filter *.txt | Where-Object { $_.Length -gt 100 }',
    '$h = @{ Name = "a"; Value = 42 }',
    'foreach ($i in 1..3) { $total += $i }',
    '[int]$n = [math]::Floor($x / 2)',
    '# a comment line',
    '$list.Add($item.Name.ToUpper())',
    'Set-Variable -Name foo -Value (Get-Date).Year',
  ];
  for (let i = 0; i < lines; i++) out.push(simple[i % simple.length]!);
  return out.join('\n');
}
