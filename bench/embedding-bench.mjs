// Embedding benchmarks: per-call overhead of `shell.invoke('1')` on a warm shell, and the time to complete
// `Get-S3<Tab>` (first call, which loads the AWS command table, and warm). Medians of several runs.
// Usage: npm run build && node bench/embedding-bench.mjs [--runs N]
import { createShell } from '../dist/index.js';
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const shell = createShell();
for (let i = 0; i < 5000; i++) await shell.invoke('1');
const perCall = [];
for (let r = 0; r < runs; r++) {
  const n = 5000;
  const t = performance.now();
  for (let i = 0; i < n; i++) await shell.invoke('1');
  perCall.push(((performance.now() - t) / n) * 1000);
}
console.log(`shell.invoke('1') warm, per call          ${median(perCall).toFixed(1).padStart(8)} µs   (target < 50 µs)`);

const cold = [];
for (let r = 0; r < runs; r++) {
  const s = createShell();
  const t = performance.now();
  await s.complete('Get-S3', 6);
  cold.push(performance.now() - t);
}
const warm = [];
for (let r = 0; r < runs * 3; r++) {
  const t = performance.now();
  const c = await shell.complete('Get-S3', 6);
  warm.push(performance.now() - t);
  if (!c.matches.includes('Get-S3Bucket')) throw new Error('completion failed');
}
console.log(`complete('Get-S3') first call (loads AWS)  ${median(cold).toFixed(1).padStart(8)} ms`);
console.log(`complete('Get-S3') warm                    ${median(warm).toFixed(1).padStart(8)} ms   (target < 50 ms)`);
