// The embedding API as a Node program uses it: values across the boundary, streams, prompts, isolation,
// serialization, cancellation (AWS calls included), $AWSHistory and completion.
import { createServer, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShell, ShellError } from '../../src/index.js';
import type { ErrorRecord, ProgressRecord } from '../../src/api-types.js';
import { tempDir } from '../temp-dir.js';

describe('values crossing the boundary', () => {
  it('returns PSCustomObjects as plain objects with ordered properties and JS numbers', async () => {
    const shell = createShell();
    const [o] = (await shell.invoke(
      "[pscustomobject]@{ Z = 1; A = [long]2; D = [decimal]2.5; F = [double]3; H = @{ k = 'v' }; T = [datetime]'2020-01-02'; B = [byte[]](1, 2); C = [char]'q'; L = @(1, 'a') }",
    )) as Record<string, unknown>[];
    expect(Object.keys(o!)).toEqual(['Z', 'A', 'D', 'F', 'H', 'T', 'B', 'C', 'L']);
    expect(o).toMatchObject({ Z: 1, A: 2, D: 2.5, F: 3, H: { k: 'v' }, C: 'q', L: [1, 'a'] });
    expect(o!.T).toBeInstanceOf(Date);
    expect(Buffer.isBuffer(o!.B)).toBe(true);
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
  });
  it('keeps a bigint only when a number would lose digits, and passes raw values on request', async () => {
    const shell = createShell();
    expect(await shell.invoke('[long]9007199254740993')).toEqual([9007199254740993n]);
    const [raw] = await shell.invoke('[pscustomobject]@{ a = 1 }', { raw: true });
    expect((raw as object).constructor.name).toBe('PSObject');
  });
  it('takes JS objects, arrays, Dates and Buffers in', async () => {
    const shell = createShell();
    const out = await shell.invoke('$x.name; $x.when.Year; $x.buf.Length; $x.list.Count', {
      variables: { x: { name: 'n', when: new Date(Date.UTC(2021, 5, 1)), buf: Buffer.from('abc'), list: [1, 2, 3] } },
    });
    expect(out).toEqual(['n', 2021, 3, 3]);
    expect(await shell.invoke('process { $_.k * 2 }', { input: [{ k: 1 }, { k: 2 }] })).toEqual([2, 4]);
    expect(await shell.invoke('$input | Measure-Object | ForEach-Object Count', { input: (async function* () { yield 1; yield 2; })() })).toEqual([2]);
    // `$input` is a one-shot enumerator at the top level too, as in pwsh.
    expect(await shell.invoke('$input | ForEach-Object { $_ }; @($input).Count; $null = $input.Reset(); @($input).Count', { input: ['a', 'b'] })).toEqual(['a', 'b', 0, 2]);
  });
});

describe('invocation', () => {
  it('streams with for-await and rejects with a ShellError carrying the ErrorRecord', async () => {
    const shell = createShell();
    const seen: unknown[] = [];
    for await (const x of shell.invoke('1..3')) seen.push(x);
    expect(seen).toEqual([1, 2, 3]);
    const err = await Promise.resolve(shell.invoke("throw 'bad'")).catch((e) => e);
    expect(err).toBeInstanceOf(ShellError);
    expect(err.errorRecord.FullyQualifiedErrorId).toBe('bad');
    expect(err.errorRecord.InvocationInfo.PositionMessage).toContain('At line:1 char:1');
  });
  it('keeps session state across calls and runs calls on one shell one at a time', async () => {
    const shell = createShell();
    await shell.invoke('$n = 0; function Bump { $global:n++; $global:n }');
    const all = await Promise.all([1, 2, 3, 4].map(() => shell.invoke('Start-Sleep -Milliseconds 5; Bump')));
    expect(all).toEqual([[1], [2], [3], [4]]);
    expect(shell.getVariable('n')).toBe(4);
  });
  it('isolates separate shells', async () => {
    const a = createShell();
    const b = createShell();
    await a.invoke('$secret = 42; function Only-A { 1 }; Set-Location /');
    expect(await b.invoke('$secret')).toEqual([null]);
    expect((await b.execute('Only-A')).success).toBe(false);
    expect(a.cwd).toBe('/');
    expect(b.cwd).not.toBe('/');
  });
  it('runs files with arguments bound to param()', async () => {
    const dir = tempDir('awsh-emb-');
    writeFileSync(join(dir, 'job.ps1'), 'param([int]$Count, $Label = "x") 1..$Count | ForEach-Object { "$Label$_" }');
    const shell = createShell({ cwd: dir });
    expect(await shell.invokeFile('job.ps1', ['-Count', 2, '-Label', 'n'])).toEqual(['n1', 'n2']);
  });
  it('uses the cwd and env options', async () => {
    const dir = tempDir('awsh-emb-');
    const shell = createShell({ cwd: dir, env: { GREETING: 'hi' } });
    expect(await shell.invoke('$env:GREETING; $env:PATH; (Get-Location).Path')).toEqual(['hi', null, dir]);
  });
  it('formats objects as text with the CLI engine', async () => {
    const shell = createShell();
    const objs = await shell.invoke("[pscustomobject]@{ Name = 'a'; Size = 1 }", { raw: true });
    expect(shell.format(objs)).toMatch(/Name Size\n---- ----\na\s+1/);
  });
});

describe('streams and the host', () => {
  it('delivers errors, warnings, verbose, information and progress as structured records', async () => {
    const errors: ErrorRecord[] = [];
    const got: string[] = [];
    const progress: ProgressRecord[] = [];
    const shell = createShell({
      host: {
        error: (r) => errors.push(r),
        warning: (m) => got.push(`W:${m}`),
        verbose: (m) => got.push(`V:${m}`),
        information: (r) => got.push(`I:${r.MessageData}`),
        progress: (p) => progress.push(p),
      },
    });
    await shell.execute("Write-Warning w; Write-Verbose v -Verbose; Write-Information i -InformationAction Continue; Write-Progress -Activity A -PercentComplete 50; Get-Item /nope");
    expect(got).toEqual(['W:w', 'V:v', 'I:i']);
    expect(progress[0]).toMatchObject({ Activity: 'A', PercentComplete: 50, RecordType: 'Processing' });
    expect(errors[0]!.FullyQualifiedErrorId).toBe('PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand');
    expect(errors[0]!.TargetObject).toBe('/nope');
    expect(errors[0]!.InvocationInfo.PositionMessage).toMatch(/At line:1 char:\d+/);
  });
  it('fails prompts with a clear error without a host, and asks the host when there is one', async () => {
    const errors: ErrorRecord[] = [];
    const bare = createShell({ host: { error: (r) => errors.push(r) } });
    await bare.execute("Read-Host 'Name'");
    expect(errors[0]!.FullyQualifiedErrorId).toBe('System.Management.Automation.PSInvalidOperationException,Microsoft.PowerShell.Commands.ReadHostCommand');
    const prompts: string[] = [];
    const shell = createShell({ host: { readLine: async (p, o) => (prompts.push(`${p}|${!!o?.secret}`), 'typed') } });
    expect(await shell.invoke("Read-Host 'Name'")).toEqual(['typed']);
    expect(await shell.invoke("(Read-Host 'Pin' -AsSecureString).Length")).toEqual([5]);
    expect(prompts).toEqual(['Name: |false', 'Pin: |true']);
  });
});

describe('cancellation', () => {
  it('stops a running pipeline on abort', async () => {
    const shell = createShell();
    const c = new AbortController();
    setTimeout(() => c.abort(), 50);
    const t = Date.now();
    const r = await shell.execute('while ($true) { Start-Sleep -Milliseconds 1 }', { signal: c.signal });
    expect(Date.now() - t).toBeLessThan(1000);
    expect(r.success).toBe(false);
    expect(await shell.invoke('1')).toEqual([1]);
  });
  it('aborts an AWS call in flight', async () => {
    // An endpoint that never answers.
    const sockets = new Set<import('node:net').Socket>();
    const server: Server = createServer(() => {});
    server.on('connection', (s) => sockets.add(s));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
    const port = (server.address() as import('node:net').AddressInfo).port;
    try {
      process.env.AWS_ACCESS_KEY_ID ??= 'testing';
      process.env.AWS_SECRET_ACCESS_KEY ??= 'testing';
      const shell = createShell({ aws: { region: 'us-east-1', endpoint: `http://127.0.0.1:${port}` } });
      const c = new AbortController();
      const t = Date.now();
      setTimeout(() => c.abort(), 300);
      await shell.execute('Get-S3Bucket', { signal: c.signal });
      expect(Date.now() - t).toBeLessThan(2000);
      expect(shell.getAwsHistory()).toMatchObject({ Commands: expect.any(Array) });
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  });
});

describe('completion', () => {
  it('completes commands, parameters, variables, members and paths', async () => {
    const dir = tempDir('awsh-emb-');
    writeFileSync(join(dir, 'report.txt'), '');
    const shell = createShell({ cwd: dir });
    await shell.invoke("$inv = [pscustomobject]@{ Items = @([pscustomobject]@{ InstanceId = 'i-1' }) }");
    const c = async (line: string) => (await shell.complete(line, line.length)).matches;
    expect(await c('Get-S3Buck')).toContain('Get-S3Bucket');
    expect(await c('Get-S3Bucket -Buc')).toEqual(['-BucketRegion']);
    expect(await c('Get-ChildItem -Rec')).toEqual(['-Recurse']);
    expect(await c('$in')).toContain('$inv');
    expect(await c('$inv.Items.Inst')).toEqual(['$inv.Items.InstanceId']);
    expect(await c('Get-Content rep')).toEqual(['report.txt']);
    expect(await c('Get-S3Bucket -Region eu-west-')).toEqual(['eu-west-1', 'eu-west-2', 'eu-west-3']);
  });
});

describe('session history', () => {
  it('records scripts run with addToHistory, as the interactive host does, and only those', async () => {
    const shell = createShell();
    await shell.execute('6 * 7', { addToHistory: true });
    await shell.execute('"not recorded"');
    await shell.execute('throw "boom"', { addToHistory: true });
    const r = await shell.execute('Get-History | ForEach-Object { "$($_.Id) $($_.CommandLine) $($_.ExecutionStatus)" }');
    expect(r.output).toEqual(['1 6 * 7 Completed', '2 throw "boom" Failed']);
  });

  it('records the command Invoke-History ran in place of Invoke-History', async () => {
    const shell = createShell();
    await shell.execute('6 * 7', { addToHistory: true });
    const run = await shell.execute('r 1 6>$null', { addToHistory: true });
    expect(run.output).toEqual([42]);
    const r = await shell.execute('(Get-History).CommandLine');
    expect(r.output).toEqual(['6 * 7', '6 * 7']);
  });
});
