// Issue 5 benchmarks against a local moto server:
//  - Get-S3Object over 5,000 keys vs the raw SDK paginator loop (ListObjectsV2) and a raw ListObjects marker loop
//    (the operation Get-S3Object calls), as whole processes interleaved in one run and in-process (warm);
//  - memory at 1,000 vs 5,000 keys: peak RSS and peak JS heap of each process, to show it stays flat;
//  - import time of the EC2 cmdlets: the first EC2 cmdlet (Get-EC2Region) in a fresh process vs a plain Node script
//    making the same DescribeRegions call.
// Usage: npm run build && node bench/issue5.mjs [--runs N] [--dist DIR]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { awshBin, benchEnv, fmtMs, importDist, moto, probe, ratio, repo, resetMoto, runs, table, timeFn, timeInterleaved, verdict } from './lib.mjs';

const endpoint = await moto();
await resetMoto(endpoint);
const env = benchEnv({ AWS_ENDPOINT_URL: endpoint });
Object.assign(process.env, env); // for the in-process shell and SDK client below
const require = createRequire(join(repo, 'package.json'));
const s3 = require('@aws-sdk/client-s3');
const client = new s3.S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1' });

// ---- seed two buckets: 1,000 and 5,000 keys (8 PUTs in flight; moto is single-process Python) ----
const t0 = Date.now();
const step = (what) => process.stderr.write(`  [issue 5 +${((Date.now() - t0) / 1000).toFixed(0)} s] ${what}\n`);
const sizes = { 'bench-1k': 1000, 'bench-5k': 5000 };
for (const [bucket, n] of Object.entries(sizes)) {
  step(`seeding ${bucket}`);
  await client.send(new s3.CreateBucketCommand({ Bucket: bucket }));
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < n) {
      const i = next++;
      await client.send(new s3.PutObjectCommand({ Bucket: bucket, Key: `dir${i % 10}/key-${String(i).padStart(5, '0')}.txt`, Body: Buffer.alloc(1 + (i % 100), 120) }));
    }
  }));
}

const dir = mkdtempSync(join(tmpdir(), 'awsh-bench-i5-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const sdkImport = (cls) => `import { ${cls} } from '${repo}/node_modules/@aws-sdk/client-s3/dist-cjs/index.js';`;
const paginatorScript = join(dir, 'paginator.mjs');
writeFileSync(paginatorScript, `${sdkImport('S3Client, paginateListObjectsV2')}
const client = new S3Client({ forcePathStyle: true });
let n = 0;
for await (const page of paginateListObjectsV2({ client }, { Bucket: process.argv[2] })) n += page.Contents?.length ?? 0;
console.log(n);\n`);
const markerScript = join(dir, 'marker.mjs');
writeFileSync(markerScript, `${sdkImport('S3Client, ListObjectsCommand')}
const client = new S3Client({ forcePathStyle: true });
let n = 0;
let Marker;
for (;;) {
  const r = await client.send(new ListObjectsCommand({ Bucket: process.argv[2], Marker }));
  n += r.Contents?.length ?? 0;
  if (!r.IsTruncated) break;
  Marker = r.NextMarker ?? r.Contents.at(-1).Key;
}
console.log(n);\n`);
const ec2Script = join(dir, 'ec2.mjs');
writeFileSync(ec2Script, `import { EC2Client, DescribeRegionsCommand } from '${repo}/node_modules/@aws-sdk/client-ec2/dist-cjs/index.js';
const r = await new EC2Client({}).send(new DescribeRegionsCommand({}));
console.log(r.Regions.length);\n`);
const awshArgs = (script) => [awshBin(), '-NoProfile', '-NonInteractive', '-c', script];
const awsh = (script) => [process.execPath, awshArgs(script)];
const listAwsh = (bucket) => `(Get-S3Object -BucketName ${bucket} | Measure-Object).Count`;

// ---- Get-S3Object 5,000 keys: whole processes, interleaved ----
step('timing processes');
const t = timeInterleaved({
  'awsh Get-S3Object | Measure-Object': awsh(listAwsh('bench-5k')),
  'SDK paginateListObjectsV2 loop': [process.execPath, [paginatorScript, 'bench-5k']],
  'SDK ListObjects marker loop': [process.execPath, [markerScript, 'bench-5k']],
}, { env });
const counts = Object.values(t).map((x) => x.stdout.trim()).join('/');

// ---- the same in-process, warm (no start-up, SDK clients already made) ----
step('timing in-process');
const { createShell } = await importDist('index.js');
const shell = createShell({ host: {} });
const inAwsh = await timeFn(async () => {
  const r = await shell.execute(`$null = ${listAwsh('bench-5k')}`);
  if (r.terminatingError) throw new Error(String(r.terminatingError.Exception?.Message));
});
const inSdk = await timeFn(async () => {
  let n = 0;
  for await (const page of s3.paginateListObjectsV2({ client }, { Bucket: 'bench-5k' })) n += page.Contents?.length ?? 0;
  return n;
});

// ---- memory: 1,000 vs 5,000 keys, one probed process each (peak RSS and peak heap) ----
step('memory probes');
const mem = {};
for (const bucket of Object.keys(sizes)) {
  mem[`awsh ${bucket}`] = probe(awshArgs(listAwsh(bucket)), env);
  mem[`sdk ${bucket}`] = probe([paginatorScript, bucket], env);
}
const memCell = (k) => `${mem[k].rssMB.toFixed(0)} / ${mem[k].heapMB.toFixed(0)} MB`;

// ---- first EC2 cmdlet in a fresh process ----
step('EC2 start-up');
const e = timeInterleaved({
  'node -e 0': [process.execPath, ['-e', '0']],
  "awsh -c '1+1'": awsh('1+1'),
  'plain Node SDK script, DescribeRegions': [process.execPath, [ec2Script]],
  "awsh -c 'Get-EC2Region'": awsh('(Get-EC2Region).Count'),
}, { env });

const A = t['awsh Get-S3Object | Measure-Object'];
const P = t['SDK paginateListObjectsV2 loop'];
const M = t['SDK ListObjects marker loop'];
table(`Issue 5 - Get-S3Object over 5,000 keys against moto (median of ${runs}; keys counted ${counts})`,
  ['case', 'wall', 'cpu', 'ratio awsh/this', 'peak RSS / heap 1k', 'peak RSS / heap 5k'], [
    ['awsh Get-S3Object | Measure-Object (process)', fmtMs(A.ms), fmtMs(A.cpu), '', memCell('awsh bench-1k'), memCell('awsh bench-5k')],
    ['SDK paginateListObjectsV2 loop (process)', fmtMs(P.ms), fmtMs(P.cpu), `${ratio(A.ms, P.ms)} (target <= 1.15: ${verdict(A.ms / P.ms <= 1.15)})`, memCell('sdk bench-1k'), memCell('sdk bench-5k')],
    ['SDK ListObjects marker loop (process)', fmtMs(M.ms), fmtMs(M.cpu), ratio(A.ms, M.ms), '', ''],
    ['in-process warm: awsh vs paginateListObjectsV2', fmtMs(inAwsh), '', `${ratio(inAwsh, inSdk)} (SDK ${fmtMs(inSdk)})`, '', ''],
  ]);
const growth = (k) => mem[`${k} bench-5k`].rssMB - mem[`${k} bench-1k`].rssMB;
console.log(`RSS growth 1k -> 5k keys: awsh ${growth('awsh').toFixed(0)} MB, SDK loop ${growth('sdk').toFixed(0)} MB (flat = within a few MB).`);

const n0 = e['node -e 0'];
const one = e["awsh -c '1+1'"];
const sdkE = e['plain Node SDK script, DescribeRegions'];
const awE = e["awsh -c 'Get-EC2Region'"];
table(`Issue 5 - first EC2 cmdlet in a fresh process (median of ${runs}, interleaved)`, ['case', 'wall', 'cpu', 'ratio', 'AWS part (minus its base)'], [
  ['node -e 0', fmtMs(n0.ms), fmtMs(n0.cpu), '', ''],
  ["awsh -c '1+1'", fmtMs(one.ms), fmtMs(one.cpu), '', ''],
  ['plain Node SDK script, DescribeRegions', fmtMs(sdkE.ms), fmtMs(sdkE.cpu), '', `${fmtMs(sdkE.ms - n0.ms)} over node -e 0`],
  ["awsh -c '(Get-EC2Region).Count'", fmtMs(awE.ms), fmtMs(awE.cpu), `${ratio(awE.ms, sdkE.ms)} (cpu ${ratio(awE.cpu, sdkE.cpu)}) plain SDK`, `${fmtMs(awE.ms - one.ms)} over awsh 1+1`],
]);
console.log(`regions counted: awsh ${awE.stdout.trim()}, SDK ${sdkE.stdout.trim()}; no target given for the EC2 import time.`);
client.destroy();
