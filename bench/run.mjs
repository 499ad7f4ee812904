// Benchmarks (not tests): medians of several runs, measured side by side in one run.
// Usage: npm run build && npm run bench [-- --runs N]
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
function timeCommand(cmd, args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  }
  return median(times);
}
const awsh = (script) => timeCommand(process.execPath, ['bin/awsh.js', '-NoProfile', '-c', script]);
const row = (name, ms, base, baseName) =>
  console.log(`${name.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms${base ? `   ${(ms / base).toFixed(2)}x ${baseName}` : ''}`);

console.log(`median of ${runs} runs`);
const nodeStart = timeCommand(process.execPath, ['-e', '0']);
row('node -e 0', nodeStart);
const oneplus = awsh('1+1');
row("awsh -c '1+1'", oneplus, nodeStart, 'node -e 0');

const jsLoop = timeCommand(process.execPath, ['-e', 'let s=0; for (let i=1;i<=1e6;i++) s+=i*2; console.log(s)']);
row('plain JS loop, 1e6 items', jsLoop, nodeStart, 'node -e 0');
const cases = [
  ['1..1000000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum', '1..1000000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum | Out-Null'],
  ['1..1000000 | Where-Object { $_ % 3 -eq 0 } | Measure-Object', '1..1000000 | Where-Object { $_ % 3 -eq 0 } | Measure-Object | Out-Null'],
  ['foreach ($i in 1..1000000) { $s += $i }', '$s = 0; foreach ($i in 1..1000000) { $s += $i }; $s | Out-Null'],
  ['sort + group 100,000 objects', '$o = foreach ($i in 1..100000) { [pscustomobject]@{ K = $i % 100; V = $i } }; $o | Sort-Object V -Descending | Out-Null; $o | Group-Object K | Out-Null'],
];
for (const [name, script] of cases) {
  const ms = awsh(script);
  row(name, ms - oneplus, null);
  console.log(`${''.padEnd(58)} (${ms.toFixed(1)} ms total, startup subtracted above; ${(ms / jsLoop).toFixed(1)}x plain JS loop process)`);
}

// Parser throughput on a generated 10,000-line script.
const { parse } = await import('../dist/index.js').then(() => import('../dist/parser-bench.js')).catch(() => ({ parse: null }));
if (parse) {
  const lines = [];
  for (let i = 0; i < 10000; i++) lines.push(i % 4 === 0 ? `if ($x -gt ${i}) { Write-Output "v$i" } else { $y = @{ a = ${i}; b = 'x' } }` : i % 4 === 1 ? `Get-Item -Path ./f${i}.txt | Where-Object { $_.Length -gt 10 }` : i % 4 === 2 ? `$list += [math]::Round(${i} / 3, 2)` : `function f${i}($a, [int]$b = 2) { return $a + $b }`);
  const text = lines.join('\n');
  parse(text);
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    parse(text);
    ts.push(performance.now() - t);
  }
  const ms = median(ts);
  row('parse 10,000-line script', ms, null);
  console.log(`${''.padEnd(58)} ${Math.round(10000 / (ms / 1000)).toLocaleString('en-US')} lines/s`);
}
