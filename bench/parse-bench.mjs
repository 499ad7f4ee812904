// Parser benchmark: construction time and lines/s on a generated 10,000-line script.
// Usage: node bench/parse-bench.mjs   (bundles src/parser with esbuild into a temp file first)
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(mkdtempSync(join(tmpdir(), 'awsh-parse-bench-')), 'parser.mjs');
await build({ entryPoints: [join(root, 'src/parser/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });

const t0 = performance.now();
const { parse } = await import(pathToFileURL(out).href);
const tLoad = performance.now() - t0;
const t1 = performance.now();
parse('1');
const tFirst = performance.now() - t1;

const lines = [
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
const n = 10_000;
const src = Array.from({ length: n }, (_, i) => lines[i % lines.length]).join('\n');
for (let i = 0; i < 3; i++) parse(src);
const runs = 10;
const t2 = performance.now();
for (let i = 0; i < runs; i++) parse(src);
const ms = (performance.now() - t2) / runs;
console.log(`module load: ${tLoad.toFixed(1)} ms; parser construction + first parse: ${tFirst.toFixed(1)} ms`);
console.log(`parse: ${n} lines in ${ms.toFixed(1)} ms = ${Math.round(n / (ms / 1000))} lines/s`);
