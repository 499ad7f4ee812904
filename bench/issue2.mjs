// Issue 2 benchmarks: start-up, pipeline throughput, the foreach loop, sort/group, and parser throughput.
// Each awsh case is timed twice: as a whole `awsh -c` process (minus the awsh start-up measured in the same
// interleaved rounds) and in-process through createShell().execute; both sit next to an equivalent plain JS loop.
// Usage: node bench/issue2.mjs [--runs N] [--dist DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { awshBin, importDist, ratio, runs, table, timeFn, timeInterleaved, verdict, fmtMs } from './lib.mjs';

const node = process.execPath;
const awsh = (script) => [node, [awshBin(), '-NoProfile', '-NonInteractive', '-c', script]];

// Each case: the awsh script, an equivalent plain JS function (same work), the target on the awsh time in seconds.
const sortSetup = '$o = foreach ($i in 1..100000) { [pscustomobject]@{ K = $i % 100; V = $i } }';
const cases = [
  {
    name: '1..1000000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum',
    script: '1..1000000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum | Out-Null',
    js: () => { let s = 0; for (let i = 1; i <= 1e6; i++) s += i * 2; return s; },
    target: 1.5,
  },
  {
    name: '1..1000000 | Where-Object { $_ % 3 -eq 0 } | Measure-Object',
    script: '1..1000000 | Where-Object { $_ % 3 -eq 0 } | Measure-Object | Out-Null',
    js: () => { let c = 0; for (let i = 1; i <= 1e6; i++) if (i % 3 === 0) c++; return c; },
  },
  {
    name: 'foreach ($i in 1..1000000) { $s += $i }',
    script: '$s = 0; foreach ($i in 1..1000000) { $s += $i }; $s | Out-Null',
    js: () => { let s = 0; for (let i = 1; i <= 1e6; i++) s += i; return s; },
    target: 0.3,
  },
  {
    name: 'sort + group 100,000 objects (incl. creating them)',
    script: `${sortSetup}; $o | Sort-Object V -Descending | Out-Null; $o | Group-Object K | Out-Null`,
    js: () => {
      const o = [];
      for (let i = 1; i <= 100000; i++) o.push({ K: i % 100, V: i });
      [...o].sort((a, b) => b.V - a.V);
      const g = new Map();
      for (const x of o) (g.get(x.K) ?? g.set(x.K, []).get(x.K)).push(x);
      return g.size;
    },
  },
];

// The parser is measured first, on a fresh heap: after the in-process cases the heap is full of their old objects,
// and the parse figure then depends on that garbage-collector state more than on the parser.
// ---- parser throughput: real scripts, and dense generated lines vs V8 compiling the same in JS ----
const { parse } = await importDist('parser-bench.js');
// Real scripts: this repository's own .ps1 files (examples and Pester suites), whole, repeated to 10,000 lines.
const repo = join(import.meta.dirname, '..');
const scriptFiles = ['examples', 'test/pester'].flatMap((d) =>
  readdirSync(join(repo, d)).filter((f) => f.endsWith('.ps1')).sort().map((f) => readFileSync(join(repo, d, f), 'utf8')));
let realText = '';
for (let n = 0, i = 0; n < 10000; i++) {
  const t = scriptFiles[i % scriptFiles.length];
  realText += t + '\n';
  n += t.split('\n').length;
}
let realLines = 1;
for (let i = 0; i < realText.length; i++) if (realText.charCodeAt(i) === 10) realLines++;
const parseErrors = (text) => parse(text).errors.length;
// Real scripts first: the dense case's large ASTs would otherwise leave the old generation for these runs to collect.
const realMs = await timeFn(() => parse(realText), { n: runs * 4, warmup: 3 });
// The dense case's texts are built only now: 20,000 strings made before the real-script runs sat in the young
// generation through their first collections and left those runs at twice their time.
const psLines = [];
const jsLines = [];
for (let i = 0; i < 10000; i++) {
  switch (i % 5) {
    case 0: psLines.push(`if ($x -gt ${i}) { Write-Output "v$i $($x.Name)" } else { $y = @{ a = ${i}; b = 'x' } }`); jsLines.push(`if (x > ${i}) { out(\`v${i} \${x.Name}\`) } else { y = { a: ${i}, b: 'x' } }`); break;
    case 1: psLines.push(`Get-Item -Path ./f${i}.txt | Where-Object { $_.Length -gt 10 } | Select-Object -First 2`); jsLines.push(`getItem('./f${i}.txt').filter((f) => f.length > 10).slice(0, 2)`); break;
    case 2: psLines.push(`$list += [math]::Round(${i} / 3, 2) # comment`); jsLines.push(`list.push(Math.round(${i} / 3 * 100) / 100) // comment`); break;
    case 3: psLines.push(`function f${i}($a, [int]$b = 2) { return $a + $b }`); jsLines.push(`function f${i}(a, b = 2) { return a + b }`); break;
    default: psLines.push(`foreach ($k in 1..${i}) { $total += $k * 2 }`); jsLines.push(`for (const k of range(1, ${i})) { total += k * 2 }`);
  }
}
const psText = psLines.join('\n');
const jsText = jsLines.join('\n');
const parseMs = await timeFn(() => parse(psText), { n: runs * 2, warmup: 2 });
// new Function parses the whole body eagerly enough to reject syntax errors; a fresh suffix defeats V8's cache.
let k = 0;
const v8Ms = await timeFn(() => new Function(`${jsText}\n//${k++}`), { n: runs * 2 });

// ---- whole processes, interleaved so background load hits every command alike ----
const procCases = {
  'node -e 0': [node, ['-e', '0']],
  "awsh -c '1+1'": awsh('1+1'),
  'plain JS loop process (1e6)': [node, ['-e', 'let s=0; for (let i=1;i<=1e6;i++) s+=i*2; console.log(s)']],
};
cases.forEach((c, i) => (procCases[`case${i}`] = awsh(c.script)));
const proc = timeInterleaved(procCases);
const start = proc["awsh -c '1+1'"];

// ---- in-process: createShell().execute from the private build, after one warm-up run ----
const { createShell } = await importDist('index.js');
const inProc = [];
for (const c of cases) {
  const shell = createShell({ host: {} });
  const awshMs = await timeFn(async () => {
    const r = await shell.execute(c.script);
    if (r.terminatingError) throw new Error(`${c.name}: ${r.terminatingError.Exception?.Message ?? r.terminatingError}`);
  });
  const jsMs = await timeFn(c.js, { n: runs * 3, warmup: 0 });
  inProc.push({ awshMs, jsMs });
}

// ---- table ----
const n0 = proc['node -e 0'];
const st = proc["awsh -c '1+1'"];
const loop = proc['plain JS loop process (1e6)'];
const both = (p) => [fmtMs(p.ms), fmtMs(p.cpu)];
const rows = [
  ['node -e 0', ...both(n0), '', '', '', ''],
  ["awsh -c '1+1'", ...both(st), '', '', `${ratio(st.ms, n0.ms)} wall, ${ratio(st.cpu, n0.cpu)} cpu vs node -e 0`, `<= 1.6x: ${verdict(st.ms / n0.ms <= 1.6)}`],
  ['plain JS loop 1e6, one process', ...both(loop), '', '', `${ratio(loop.ms, n0.ms)} wall vs node -e 0`, ''],
];
cases.forEach((c, i) => {
  const p = proc[`case${i}`];
  const net = p.ms - st.ms;
  const { awshMs, jsMs } = inProc[i];
  rows.push([
    c.name,
    ...both(p),
    fmtMs(net),
    fmtMs(awshMs),
    `${fmtMs(jsMs)} (awsh ${(awshMs / jsMs).toFixed(0)}x)`,
    c.target ? `< ${c.target} s: ${verdict(Math.max(net, awshMs) < c.target * 1000)}` : 'no target',
  ]);
});
const lps = Math.round(10000 / (parseMs / 1000));
const realLps = Math.round(realLines / (realMs / 1000));
const errorNote = (n) => (n ? ` (${n} parse errors!)` : '');
rows.push([
  `parse ${realLines.toLocaleString('en-US')} lines of real scripts (examples/, test/pester/)`,
  '', '', '',
  `${fmtMs(realMs)} = ${realLps.toLocaleString('en-US')} lines/s`,
  '',
  `>= 200,000 lines/s: ${verdict(realLps >= 200000)}${errorNote(parseErrors(realText))}`,
]);
rows.push([
  'parse 10,000 dense generated lines (~70 chars, ~20 nodes each)',
  '', '', '',
  `${fmtMs(parseMs)} = ${lps.toLocaleString('en-US')} lines/s`,
  `V8 compile ${fmtMs(v8Ms)} (awsh ${(parseMs / v8Ms).toFixed(0)}x)`,
  `stress case, no target${errorNote(parseErrors(psText))}`,
]);
table(`Issue 2 - language core (median of ${runs}, process rows interleaved; node ${process.version})`,
  ['case', 'wall', 'cpu', 'wall-1+1', 'in-process', 'plain JS, same work', 'target'], rows);
console.log('wall/cpu = whole `awsh -c` process (cpu = user+sys); wall-1+1 = minus awsh start-up; in-process = warm');
console.log('createShell().execute. Time targets are judged on the larger of wall-1+1 and in-process.');
