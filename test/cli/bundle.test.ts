// The built CLI (bin/awsh.js → dist/boot.cjs → dist/cli.cjs, AWS cmdlets in dist/aws.cjs): start-up loads no
// AWS code, V8 accepts the code caches the build wrote, and the AWS bundle shares the CLI's runtime.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'awsh.js');
const watcher = join(import.meta.dirname, 'fixtures', 'watch-loading.cjs');
const env = { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' };

function run(script: string) {
  const r = spawnSync(process.execPath, ['-r', watcher, bin, '-NoProfile', '-c', script], { encoding: 'utf8', env });
  const marker = r.stderr.lastIndexOf('LOADING ');
  const loading = JSON.parse(r.stderr.slice(marker + 8)) as { read: string[]; caches: { file: string; rejected: boolean }[] };
  return { stdout: r.stdout, status: r.status, ...loading };
}

describe('CLI bundles', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first.');
  });

  it('starts without reading any AWS code, using the CLI code cache', () => {
    const r = run('1+1');
    expect(r.stdout).toBe('2\n');
    expect(r.read.some((f) => f.endsWith('aws.cjs') || f.includes('@aws-sdk'))).toBe(false);
    expect(r.caches).toEqual([{ file: join(root, 'dist', 'cli.cjs'), rejected: false }]);
  });

  it('loads the AWS bundle, with its own cache, on the first AWS command', () => {
    const r = run('$null = Get-AWSRegion; (Get-Command -Name Get-S3Bucket -CommandType Cmdlet).Source');
    expect(r.stdout).toBe('AWS.Tools.S3\n');
    expect(r.caches.map((c) => [c.file.split('/').pop(), c.rejected])).toEqual([['cli.cjs', false], ['aws.cjs', false]]);
  });

  it('loads the built-ins that start-up leaves out from extras.cjs, only when a script uses one', () => {
    expect(run('1').caches.map((c) => c.file.split('/').pop())).toEqual(['cli.cjs']);
    const r = run("Join-Path a b; 'x' | ConvertTo-Json; (1, 2 | Measure-Object).Count");
    expect(r.stdout).toBe('a/b\n"x"\n2\n');
    expect(r.caches.map((c) => [c.file.split('/').pop(), c.rejected])).toEqual([['cli.cjs', false], ['extras.cjs', false]]);
  });

  it('Get-Command with a plain name loads only what that name needs', () => {
    const r = run('(Get-Command Join-Path).Name; (Get-Command node).CommandType');
    expect(r.stdout).toBe('Join-Path\nApplication\n');
    expect(r.caches.map((c) => c.file.split('/').pop())).toEqual(['cli.cjs', 'extras.cjs']);
  });


  // Import-Module (extras.cjs) loads the EC2 model types from aws.cjs: lazy bundles reach one another too.
  it('AWS cmdlets share the runtime of the CLI bundle (one type system, one object model)', () => {
    const r = run("Import-Module AWS.Tools.EC2; $c = New-Object Amazon.EC2.Model.IpPermission; $c.IpProtocol = 'tcp'; $c -is [Amazon.EC2.Model.IpPermission]; $c.GetType().FullName; [pscustomobject]@{ A = 1 } -is [psobject]");
    expect(r.stdout).toBe('True\nAmazon.EC2.Model.IpPermission\nTrue\n');
  });
});
