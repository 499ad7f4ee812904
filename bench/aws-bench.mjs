// Issue 4 benchmarks against a local moto server, side by side in one run (interleaved rounds, medians):
// awsh -c 'Get-S3Bucket' vs a plain Node script calling ListBuckets vs `aws s3api list-buckets`; awsh -c '1+1'
// vs node -e 0, plus a probe that 1+1 loads no AWS module at all.
// Usage: npm run build && node bench/aws-bench.mjs [--runs N] [--dist DIR]   (starts moto itself unless
// AWSH_BENCH_ENDPOINT is set)
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awshBin, benchEnv, fmtMs, moto, probe, ratio, repo, resetMoto, runs, table, timeInterleaved, timeOnce, verdict } from './lib.mjs';

const endpoint = await moto();
await resetMoto(endpoint);
const env = benchEnv({ AWS_ENDPOINT_URL: endpoint });
const dir = mkdtempSync(join(tmpdir(), 'awsh-bench-aws-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const plain = join(dir, 'plain-list-buckets.mjs');
writeFileSync(plain, `import { S3Client, ListBucketsCommand } from '${repo}/node_modules/@aws-sdk/client-s3/dist-cjs/index.js';
const c = new S3Client({ forcePathStyle: true });
const r = await c.send(new ListBucketsCommand({}));
for (const b of r.Buckets ?? []) console.log(b.CreationDate.toISOString(), b.Name);\n`);
const awsh = (script) => [process.execPath, [awshBin(), '-NoProfile', '-NonInteractive', '-c', script]];
timeOnce(...awsh('1..5 | % { New-S3Bucket -BucketName "bench-$_" } | Out-Null'), { env });

const cases = {
  'node -e 0': [process.execPath, ['-e', '0']],
  "awsh -c '1+1'": awsh('1+1'),
  'plain Node SDK script, ListBuckets': [process.execPath, [plain]],
  "awsh -c 'Get-S3Bucket'": awsh('Get-S3Bucket'),
  'aws s3api list-buckets': ['aws', ['--endpoint-url', endpoint, 's3api', 'list-buckets']],
};
const t = timeInterleaved(cases, { env });
const got = t["awsh -c 'Get-S3Bucket'"].stdout.match(/bench-\d/g)?.length ?? 0;
const mods11 = probe([awshBin(), '-NoProfile', '-c', '1+1'], env).awsModules;
const modsS3 = probe([awshBin(), '-NoProfile', '-c', 'Get-S3Bucket'], env).awsModules;

const awshS3 = t["awsh -c 'Get-S3Bucket'"];
const sdk = t['plain Node SDK script, ListBuckets'];
const cli = t['aws s3api list-buckets'];
const one = t["awsh -c '1+1'"];
const n0 = t['node -e 0'];
const r1 = (x, b) => `${ratio(x.ms, b.ms)} (cpu ${ratio(x.cpu, b.cpu)})`;
table(`Issue 4 - AWS start-up against moto (median of ${runs}, interleaved; whole processes)`, ['case', 'wall', 'cpu', 'ratio', 'target'], [
  ['node -e 0', fmtMs(n0.ms), fmtMs(n0.cpu), '', ''],
  ["awsh -c '1+1'", fmtMs(one.ms), fmtMs(one.cpu), `${r1(one, n0)} node -e 0`, `no AWS module loaded: ${mods11 === 0 ? 'yes' : `NO (${mods11})`}`],
  ['plain Node SDK script, ListBuckets', fmtMs(sdk.ms), fmtMs(sdk.cpu), '', ''],
  ["awsh -c 'Get-S3Bucket'", fmtMs(awshS3.ms), fmtMs(awshS3.cpu), `${r1(awshS3, sdk)} plain SDK`, `<= 1.3x: ${verdict(awshS3.ms / sdk.ms <= 1.3)}`],
  ['aws s3api list-buckets', fmtMs(cli.ms), fmtMs(cli.cpu), `${r1(cli, awshS3)} awsh`, `>= 2x: ${verdict(cli.ms / awshS3.ms >= 2)}`],
]);
console.log(`Get-S3Bucket listed ${got}/5 buckets; it loaded ${modsS3} AWS SDK/smithy modules. "Not slower than before" has`);
console.log('no stored pre-issue figure: shown instead as the 1+1 ratio (same as the issue 2 table) and zero AWS modules.');
