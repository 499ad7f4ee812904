// AWS benchmarks against a local moto server (started here), side by side in one run, medians of several runs:
// awsh -c 'Get-S3Bucket' vs a plain Node script calling ListBuckets vs `aws s3api list-buckets`; awsh -c '1+1'.
// Usage: npm run build && node bench/aws-bench.mjs [--runs N]
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const port = await new Promise((resolve) => {
  const srv = createServer();
  srv.listen(0, '127.0.0.1', () => {
    const p = srv.address().port;
    srv.close(() => resolve(p));
  });
});
const moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
const endpoint = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' })).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}
const env = { ...process.env, AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const dir = mkdtempSync(join(tmpdir(), 'awsh-bench-'));
const plain = join(dir, 'plain.mjs');
writeFileSync(plain, `import { S3Client, ListBucketsCommand } from '${process.cwd()}/node_modules/@aws-sdk/client-s3/dist-cjs/index.js';
const c = new S3Client({ forcePathStyle: true });
const r = await c.send(new ListBucketsCommand({}));
for (const b of r.Buckets ?? []) console.log(b.Name);\n`);
spawnSync(process.execPath, ['bin/awsh.js', '-c', "1..5 | % { New-S3Bucket -BucketName \"bench-$_\" } | Out-Null"], { env });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(cmd, args) {
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
    ts.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  }
  return median(ts);
}
const cases = {
  'node -e 0': () => time(process.execPath, ['-e', '0']),
  "awsh -c '1+1'": () => time(process.execPath, ['bin/awsh.js', '-c', '1+1']),
  'plain Node SDK ListBuckets': () => time(process.execPath, [plain]),
  "awsh -c 'Get-S3Bucket'": () => time(process.execPath, ['bin/awsh.js', '-c', 'Get-S3Bucket']),
  'aws s3api list-buckets': () => time('aws', ['--endpoint-url', endpoint, 's3api', 'list-buckets']),
};
const results = {};
console.log(`median of ${runs} runs`);
for (const [name, fn] of Object.entries(cases)) {
  results[name] = fn();
  console.log(`${name.padEnd(32)} ${results[name].toFixed(0).padStart(6)} ms`);
}
const r = (a, b) => (results[a] / results[b]).toFixed(2);
console.log(`awsh Get-S3Bucket / plain Node SDK: ${r("awsh -c 'Get-S3Bucket'", 'plain Node SDK ListBuckets')}x (target <= 1.3)`);
console.log(`aws CLI / awsh Get-S3Bucket: ${r('aws s3api list-buckets', "awsh -c 'Get-S3Bucket'")}x faster (target >= 2)`);
console.log(`awsh 1+1 / node -e 0: ${r("awsh -c '1+1'", 'node -e 0')}x (target <= 1.6)`);
moto.kill();
