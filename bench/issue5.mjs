// Issue 5 benchmarks against a local moto server:
//  - Get-S3Object over 5,000 keys piped to Measure-Object vs the raw SDK paginator loop (paginateListObjectsV2, the
//    issue's baseline) and a raw ListObjects marker loop (the operation Get-S3Object calls, as AWS Tools' does), both
//    touching every item: as whole processes and in-process (warm), each interleaved in one run;
//  - memory as the key count grows (1,000 / 5,000 / 20,000 keys): the peak live heap (sampled after a forced GC) and
//    peak RSS of each process, and the growth per 1,000 keys, to show that nothing already passed downstream is kept;
//  - import time of the EC2 cmdlets: the first EC2 cmdlet (Get-EC2Region) in a fresh process vs a plain Node script
//    making the same DescribeRegions call.
// Note: moto serves a ListObjects (V1) page more slowly than a V2 page and it is ~30% more XML (V1 lists each
// object's Owner), so the ratio against the V2 paginator includes that; the marker loop row is the same-operation one.
// Usage: npm run build && node bench/issue5.mjs [--runs N] [--dist DIR]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { awshBin, benchEnv, fmtMs, importDist, median, moto, probeLive, ratio, repo, resetMoto, runs, table, timeInterleaved, verdict } from './lib.mjs';

const endpoint = await moto();
await resetMoto(endpoint);
const env = benchEnv({ AWS_ENDPOINT_URL: endpoint });
Object.assign(process.env, env); // for the in-process shell and SDK client below
const require = createRequire(join(repo, 'package.json'));
const s3 = require('@aws-sdk/client-s3');
const client = new s3.S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1' });

// ---- seed three buckets: 1,000, 5,000 and 20,000 keys (8 PUTs in flight; moto is single-process Python) ----
const t0 = Date.now();
const step = (what) => process.stderr.write(`  [issue 5 +${((Date.now() - t0) / 1000).toFixed(0)} s] ${what}\n`);
const sizes = { 'bench-1k': 1000, 'bench-5k': 5000, 'bench-20k': 20000 };
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
for await (const page of paginateListObjectsV2({ client }, { Bucket: process.argv[2] })) for (const o of page.Contents ?? []) if (o.Key) n++;
console.log(n);\n`);
const markerScript = join(dir, 'marker.mjs');
writeFileSync(markerScript, `${sdkImport('S3Client, ListObjectsCommand')}
const client = new S3Client({ forcePathStyle: true });
let n = 0;
let Marker;
for (;;) {
  const r = await client.send(new ListObjectsCommand({ Bucket: process.argv[2], Marker }));
  for (const o of r.Contents ?? []) if (o.Key) n++;
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

// ---- the same in-process, warm (no start-up, SDK clients already made), interleaved; wall and this process's CPU ----
step('timing in-process');
const { createShell } = await importDist('index.js');
const shell = createShell({ host: {} });
const inCases = {
  awsh: async () => {
    const r = await shell.execute(`$null = ${listAwsh('bench-5k')}`);
    if (r.terminatingError) throw new Error(String(r.terminatingError.Exception?.Message));
  },
  paginator: async () => {
    let n = 0;
    for await (const page of s3.paginateListObjectsV2({ client }, { Bucket: 'bench-5k' })) for (const o of page.Contents ?? []) if (o.Key) n++;
    return n;
  },
  marker: async () => {
    let n = 0;
    let Marker;
    for (;;) {
      const r = await client.send(new s3.ListObjectsCommand({ Bucket: 'bench-5k', Marker }));
      for (const o of r.Contents ?? []) if (o.Key) n++;
      if (!r.IsTruncated) break;
      Marker = r.NextMarker ?? r.Contents.at(-1).Key;
    }
    return n;
  },
};
const inRuns = Object.fromEntries(Object.keys(inCases).map((k) => [k, { ms: [], cpu: [] }]));
for (let i = 0; i <= runs; i++) {
  for (const [k, fn] of Object.entries(inCases)) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    await fn();
    const ms = performance.now() - t;
    const c = process.cpuUsage(c0);
    if (i > 0) inRuns[k].ms.push(ms), inRuns[k].cpu.push((c.user + c.system) / 1000); // round 0 warms up
  }
}
const inMed = Object.fromEntries(Object.entries(inRuns).map(([k, v]) => [k, { ms: median(v.ms), cpu: median(v.cpu) }]));

// ---- memory: 1,000 / 5,000 / 20,000 keys, one probed process each: peak live heap and peak RSS ----
step('memory probes');
const mem = {};
for (const bucket of Object.keys(sizes)) {
  mem[`awsh ${bucket}`] = probeLive(awshArgs(listAwsh(bucket)), env);
  mem[`sdk ${bucket}`] = probeLive([paginatorScript, bucket], env);
}

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
const cpuR = (x, y) => `cpu ${ratio(x.cpu, y.cpu)}`;
table(`Issue 5 - Get-S3Object over 5,000 keys against moto (median of ${runs}, interleaved; keys counted ${counts})`,
  ['case', 'wall', 'cpu', 'awsh / this', 'target'], [
    ['awsh Get-S3Object | Measure-Object (process)', fmtMs(A.ms), fmtMs(A.cpu), '', ''],
    ['SDK paginateListObjectsV2 loop (process)', fmtMs(P.ms), fmtMs(P.cpu), `${ratio(A.ms, P.ms)} (${cpuR(A, P)})`, `<= 1.15: ${verdict(A.ms / P.ms <= 1.15)}`],
    ['SDK ListObjects marker loop (process)', fmtMs(M.ms), fmtMs(M.cpu), `${ratio(A.ms, M.ms)} (${cpuR(A, M)})`, ''],
    ['in-process warm: awsh', fmtMs(inMed.awsh.ms), fmtMs(inMed.awsh.cpu), '', ''],
    ['in-process warm: SDK paginateListObjectsV2 loop', fmtMs(inMed.paginator.ms), fmtMs(inMed.paginator.cpu), `${ratio(inMed.awsh.ms, inMed.paginator.ms)} (${cpuR(inMed.awsh, inMed.paginator)})`, `<= 1.15: ${verdict(inMed.awsh.ms / inMed.paginator.ms <= 1.15)}`],
    ['in-process warm: SDK ListObjects marker loop', fmtMs(inMed.marker.ms), fmtMs(inMed.marker.cpu), `${ratio(inMed.awsh.ms, inMed.marker.ms)} (${cpuR(inMed.awsh, inMed.marker)})`, ''],
  ]);
const mb = (x) => `${x.toFixed(1)} MB`;
const perK = (k, key, from, to) => ((mem[`${k} ${to}`][key] - mem[`${k} ${from}`][key]) / ((sizes[to] - sizes[from]) / 1000)) * 1024;
const memRow = (k, label) => [label, ...Object.keys(sizes).map((b) => `${mb(mem[`${k} ${b}`].heapMB)} / ${mb(mem[`${k} ${b}`].rssMB)}`),
  `${perK(k, 'heapMB', 'bench-1k', 'bench-5k').toFixed(0)} / ${perK(k, 'heapMB', 'bench-5k', 'bench-20k').toFixed(0)} KB`];
table('Issue 5 - memory as the key count grows (one process each; peak live heap after GC / peak RSS)',
  ['case', '1,000 keys', '5,000 keys', '20,000 keys', 'live heap per 1,000 more keys: 1k->5k / 5k->20k'], [
    memRow('awsh', 'awsh Get-S3Object | Measure-Object'),
    memRow('sdk', 'SDK paginateListObjectsV2 loop'),
  ]);
console.log('Flat = the 5k->20k growth per 1,000 keys is ~0 (a page is 1,000 keys; sampling every 40 ms catches a page in');
console.log("flight more often in longer runs). awsh's 1k->5k growth is $AWSHistory: as AWS Tools' does, it keeps the last 5");
console.log('service responses of the command (MaxServiceCallHistory), i.e. up to 5 pages, and no more.');

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
