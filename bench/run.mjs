// `npm run bench`: every benchmark, one table per issue. Benchmarks, not tests: medians of several runs, measured
// side by side in one run, with the targets printed next to the figures.
// It measures a private copy of dist/ (others may rebuild dist/ meanwhile) and one moto_server it starts and stops.
// Usage: npm run build && npm run bench [-- --runs N] [-- --dist DIR] [-- --only 2,3,4,5]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { argValue, benchRoot, moto, repo, runs } from './lib.mjs';

const only = new Set(argValue('--only', '2,3,4,5').split(','));
const root = benchRoot();
const scripts = [
  ['2', 'issue2.mjs', false],
  ['3', 'issue3.mjs', false],
  ['4', 'aws-bench.mjs', true],
  ['5', 'issue5.mjs', true],
].filter(([issue]) => only.has(issue));
if (scripts.some(([, , needsMoto]) => needsMoto)) await moto();
console.log(`awsh benchmarks: ${runs} runs per case, build copied to ${root}, moto at ${process.env.AWSH_BENCH_ENDPOINT ?? '(not needed)'}`);

let failed = 0;
for (const [issue, file] of scripts) {
  const t = Date.now();
  // Children inherit AWSH_BENCH_ROOT and AWSH_BENCH_ENDPOINT, so they reuse this build copy and this moto.
  const r = spawnSync(process.execPath, [join(repo, 'bench', file), '--runs', String(runs)], { stdio: 'inherit', cwd: repo, env: process.env, timeout: 900_000 });
  if (r.status !== 0) {
    failed++;
    console.log(`issue ${issue} (${file}) FAILED: exit ${r.status ?? r.signal}`);
  } else console.log(`(issue ${issue} took ${((Date.now() - t) / 1000).toFixed(0)} s)`);
}
process.exitCode = failed ? 1 : 0;
