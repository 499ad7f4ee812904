// Embedding benchmarks: per-call overhead of `shell.invoke('1')` on a warm shell, and the time to complete
// `Get-S3<Tab>` (first call, which loads the AWS command table, and warm), and of an AWS enum value. Medians of several runs.
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

// AWS enum values (`New-EC2Instance -InstanceType t2.mi<Tab>`): the first call in a fresh process loads the AWS
// commands, parses the EC2 parameter table and imports + parses the EC2 enum table; warm calls reuse all three.
import { spawnSync } from 'node:child_process';
const enumLine = 'New-EC2Instance -InstanceType t2.mi';
const firstEnum = [];
for (let r = 0; r < runs; r++) {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
    import { createShell } from ${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)};
    const t = performance.now();
    const c = await createShell().complete(${JSON.stringify(enumLine)}, ${enumLine.length});
    if (c.matches[0] !== 't2.micro') throw new Error('enum completion failed');
    console.log(performance.now() - t);`], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  firstEnum.push(Number(child.stdout.trim()));
}
const warmEnum = [];
for (let r = 0; r < runs * 3; r++) {
  const t = performance.now();
  const c = await shell.complete(enumLine, enumLine.length);
  if (r > 0) warmEnum.push(performance.now() - t);
  if (c.matches[0] !== 't2.micro') throw new Error('enum completion failed');
}
console.log(`complete('${enumLine}') first call in a process ${median(firstEnum).toFixed(1).padStart(8)} ms`);
console.log(`complete('${enumLine}') warm  ${median(warmEnum).toFixed(1).padStart(8)} ms   (target < 50 ms)`);
