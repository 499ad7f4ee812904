// The Node programs in examples/embedding run as real child processes (against moto for AWS), as a user would run them.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createShell } from '../../src/index.js';

const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'examples', 'embedding');
const run = promisify(execFile);
const bucket = `emb-example-${process.pid}`;
const env = () => ({
  ...process.env,
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
});

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build` first.');
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' });
  const shell = createShell({ aws: { region: 'us-east-1' } });
  await shell.invoke(`
    New-S3Bucket -BucketName ${bucket} | Out-Null
    Write-S3Object -BucketName ${bucket} -Key small.txt -Content 'tiny'
    Write-S3Object -BucketName ${bucket} -Key big.txt -Content ('x' * 5000)
    Write-S3Object -BucketName ${bucket} -Key logs/a.log -Content ('y' * 300)
  `);
});

describe('examples/embedding', () => {
  it('s3-filter-server.mjs: runs a one-line filter over an S3 listing, in restricted mode', async () => {
    const child = spawn(process.execPath, [join(dir, 's3-filter-server.mjs')], { env: { ...env(), PORT: '0' } });
    try {
      const base = await new Promise<string>((ok, fail) => {
        child.stdout.on('data', (d: Buffer) => {
          const m = /http:\/\/127\.0\.0\.1:(\d+)/.exec(String(d));
          if (m) ok(`http://127.0.0.1:${m[1]}`);
        });
        child.once('exit', (code) => fail(new Error(`server exited ${code}`)));
      });
      const get = async (filter: string) => {
        const r = await fetch(`${base}/objects?bucket=${bucket}&filter=${encodeURIComponent(filter)}`);
        return { status: r.status, body: (await r.json()) as any };
      };
      const ok = await get('Where-Object Size -gt 100 | Sort-Object Key | Select-Object Key, Size');
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual([{ Key: 'big.txt', Size: 5000 }, { Key: 'logs/a.log', Size: 300 }]);
      // Objects come out as plain JSON with their properties in order.
      const keys = await get("ForEach-Object { [pscustomobject]@{ K = $_.Key; Kb = [math]::Round($_.Size / 1024, 1) } } | Select-Object -First 1");
      expect(Object.keys(keys.body[0])).toEqual(['K', 'Kb']);
      const denied = await get('ForEach-Object { Remove-S3Object -BucketName $_.BucketName -Key $_.Key -Force }');
      expect(denied.status).toBe(400);
      expect(denied.body.errorId).toBe('CommandNotAllowed');
      const env = await get('ForEach-Object { $env:AWS_SECRET_ACCESS_KEY }');
      expect(JSON.stringify(env.body)).not.toContain('testing');
      const files = await get("ForEach-Object { Get-Content /etc/passwd }");
      expect(files.body.errorId).toBe('CommandNotAllowed');
      const loop = await get('ForEach-Object { while ($true) {} }');
      expect(loop.body.errorId).toBe('RestrictedLimitExceeded');
    } finally {
      child.kill();
    }
  });

  it('job-runner.mjs: streams output objects as JSON lines and events on stderr', async () => {
    const { stdout, stderr } = await run(process.execPath, [join(dir, 'job-runner.mjs'), join(dir, 'jobs', 'inventory.ps1'), '-Prefix', bucket], { env: env() });
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([{ Bucket: bucket, Objects: 3, Bytes: 5304 }]);
    const events = stderr.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(events.find((e) => e.stream === 'progress')).toMatchObject({ activity: 'Inventory', percent: 100 });
    expect(events.find((e) => e.stream === 'warning')).toEqual({ stream: 'warning', message: 'inventory finished: 1 bucket(s)' });
    expect(events.at(-1)).toEqual({ stream: 'done', objects: 1 });
  });

  it('job-runner.mjs: reports a failing job with its error id and exit code 1', async () => {
    const bad = join(root, 'test', 'embedding', 'fixtures', 'failing-job.ps1');
    const r = await run(process.execPath, [join(dir, 'job-runner.mjs'), bad], { env: env() }).catch((e) => e);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n').map((l: string) => JSON.parse(l))).toEqual([1]);
    const events = r.stderr.trim().split('\n').filter((l: string) => l.startsWith('{')).map((l: string) => JSON.parse(l));
    expect(events.at(-1)).toMatchObject({ stream: 'failed', errorId: 'job failed', message: 'job failed' });
  });

  it('custom-cmdlet.mjs: a JS cmdlet binds, validates, errors and shows in Get-Help/Get-Command like a built-in', async () => {
    const { stdout } = await run(process.execPath, [join(dir, 'custom-cmdlet.mjs')], { env: env() });
    const lines = stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual(['Hello, Ada!', 'Bonjour, Grace!', 'Bonjour, Linus!', 'Hello, Alan! Hello, Alan!']);
    expect(stdout).toContain("error NobodyToGreet,Microsoft.PowerShell.Commands.GetGreetingCommand: Cannot greet 'nobody'.");
    expect(stdout).toMatch(/error ParameterArgumentValidationError,.*The argument "R2-D2" does not match the "\^\[A-Za-z\]\+\$" pattern/);
    expect(stdout).toMatch(/error ParameterArgumentValidationError,.*The argument "xx" does not belong to the set "en,fr,de"/);
    expect(stdout).toContain('command Get-Greeting Cmdlet Example.Greetings');
    expect(stdout).toContain('Get-Greeting [-Name] <string[]> [-Language <string>] [-Repeat <int>] [<CommonParameters>]');
  });
});
