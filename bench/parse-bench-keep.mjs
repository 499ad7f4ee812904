// Parser benchmark: construction time and lines/s on a generated 10,000-line script.
// Usage: node bench/parse-bench.mjs [runs]   (bundles src/parser with esbuild into a temp file first)
// The machine may be shared and noisy: reports best and median of many runs, for wall time and for CPU time
// (process.cpuUsage: user+system of this process, so time spent waiting for a CPU is not counted).
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
for (let i = 0; i < 5; i++) parse(src);
const runs = Number(process.argv[2]) || 30;
const wall = [];
const cpu = [];
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  globalThis.keep = parse(src);
  const w = performance.now() - w0;
  const c = process.cpuUsage(c0);
  wall.push(w);
  cpu.push((c.user + c.system) / 1000);
}
const best = (a) => Math.min(...a);
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const rate = (ms) => Math.round(n / (ms / 1000));
console.log(`module load: ${tLoad.toFixed(1)} ms; parser construction + first parse: ${tFirst.toFixed(1)} ms`);
console.log(`parse ${n} lines x ${runs} runs: wall best ${best(wall).toFixed(1)} ms = ${rate(best(wall))} lines/s, median ${median(wall).toFixed(1)} ms = ${rate(median(wall))} lines/s`);
console.log(`  cpu best ${best(cpu).toFixed(1)} ms = ${rate(best(cpu))} lines/s, median ${median(cpu).toFixed(1)} ms = ${rate(median(cpu))} lines/s`);
