// main() against a tiny fake Shell (the real one is covered by the end-to-end tests).
import { Readable } from 'node:stream';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { ExecuteResult, InvokeOptions, ShellHost, ShellOptions } from '../../src/api-types.js';
import { ErrorRecord, PSException } from '../../src/runtime/errors.js';
import { tempDir } from '../temp-dir.js';

const executed: { script: string; options?: InvokeOptions }[] = [];
const variables = new Map<string, unknown>();

/** Statements separated by `;`: `out X`, `host X`, `warn X`, `verbose X`, `fail X`, `throw X`, `exit N`, `args`. */
let lastEnv: Record<string, string | undefined> | undefined;

function fakeShell(options: ShellOptions) {
  lastEnv = options.env;
  const host = options.host as ShellHost;
  const done = (r: Partial<ExecuteResult>): ExecuteResult => ({ output: [], terminatingError: null, exitCode: null, success: true, ...r });
  return {
    async execute(script: string, o?: InvokeOptions): Promise<ExecuteResult> {
      executed.push({ script, options: o });
      let success = true;
      for (const stmt of script.split(';')) {
        const [cmd = '', ...rest] = stmt.trim().split(' ');
        const arg = rest.join(' ');
        success = true;
        if (cmd === 'out') o?.onOutput?.(arg);
        else if (cmd === 'args') o?.onOutput?.(JSON.stringify(o.args ?? null));
        else if (cmd === 'host') host.writeHost?.(arg, { noNewline: false });
        else if (cmd === 'warn') host.warning?.(arg);
        else if (cmd === 'verbose') host.verbose?.(arg);
        else if (cmd === 'fail') {
          host.error?.(new ErrorRecord(new PSException(arg), 'Fail', 'NotSpecified', null));
          success = false;
        } else if (cmd === 'throw') {
          const rec = new ErrorRecord(new PSException(arg), arg, 'OperationStopped', arg);
          host.error?.(rec);
          return done({ terminatingError: rec, success: false });
        } else if (cmd === 'exit') return done({ exitCode: Number(arg) });
      }
      return done({ success });
    },
    createOutDefault: () => ({ write: (v: unknown) => `${String(v)}\n`, flush: () => '' }),
    formatError: (r: ErrorRecord) => `ERR ${r.Exception.Message}`,
    setVariable: (n: string, v: unknown) => variables.set(n, v),
    getVariable: (n: string) => variables.get(n),
    prompt: async () => 'PS /> ',
    checkSyntax: (t: string) => ({ ok: true, incomplete: t.trimEnd().endsWith('{'), errors: [] }),
  };
}

vi.mock('../../src/index.js', () => ({ version: '9.9.9', createShell: (o: ShellOptions) => fakeShell(o) }));
const { main } = await import('../../src/cli/main.js');

async function runMain(argv: string[], opts: { stdin?: string; env?: Record<string, string>; tty?: boolean; cwd?: string } = {}) {
  let stdout = '';
  let stderr = '';
  executed.length = 0;
  const home = tempDir('awsh-home-');
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from(opts.stdin !== undefined ? [opts.stdin] : []),
    env: { HOME: home, ...opts.env },
    cwd: opts.cwd ?? process.cwd(),
    isTTY: opts.tty ?? false,
  });
  return { code, stdout, stderr, home };
}

describe('main with -Command', () => {
  it('prints output objects to stdout and exits 0', async () => {
    const r = await runMain(['-nop', '-c', 'out', 'hello']);
    expect(r).toMatchObject({ code: 0, stdout: 'hello\n', stderr: '' });
    expect(executed[0]!.script).toBe('out hello');
  });

  it('exits 1 after a terminating error, with the error on stderr', async () => {
    const r = await runMain(['-nop', '-c', 'throw boom']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ERR boom\n');
    expect(r.stdout).toBe('');
  });

  it('exits 1 when the last command failed, 0 when a later one succeeded', async () => {
    expect((await runMain(['-nop', '-c', 'fail x'])).code).toBe(1);
    expect((await runMain(['-nop', '-c', 'fail x; out y'])).code).toBe(0);
  });

  it('exits with N after exit N', async () => {
    expect((await runMain(['-nop', '-c', 'exit 7'])).code).toBe(7);
  });

  it('sends Write-Host to stdout and WARNING/VERBOSE to stderr without colour when not a terminal', async () => {
    const r = await runMain(['-nop', '-c', 'host hi; warn careful; verbose detail']);
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toBe('WARNING: careful\nVERBOSE: detail\n');
  });

  it('reads the script from stdin for -Command - and when stdin is not a terminal', async () => {
    expect((await runMain(['-nop', '-Command', '-'], { stdin: 'out piped' })).stdout).toBe('piped\n');
    expect((await runMain(['-nop'], { stdin: 'out piped2' })).stdout).toBe('piped2\n');
  });
});

describe('main start-up environment', () => {
  it('sets $env:PSModulePath when it is not set, as pwsh does, and keeps a given one', async () => {
    const r = await runMain(['-nop', '-c', 'out x']);
    expect(lastEnv?.PSModulePath).toBe(`${join(r.home, '.local', 'share', 'powershell', 'Modules')}:/usr/local/share/powershell/Modules`);
    await runMain(['-nop', '-c', 'out x'], { env: { PSModulePath: '/mine' } });
    expect(lastEnv?.PSModulePath).toBe('/mine');
  });
});

describe('main with a script file', () => {
  it('runs the file with its absolute path and arguments; non-terminating errors keep exit 0', async () => {
    const dir = tempDir('awsh-cli-');
    writeFileSync(join(dir, 's.ps1'), 'args; fail x');
    const r = await runMain(['-nop', 's.ps1', 'a1', '-Name', 'v'], { cwd: dir });
    expect(r.stdout).toBe('["a1","-Name","v"]\n');
    expect(r.code).toBe(0);
    expect(executed[0]!.options?.path).toBe(join(dir, 's.ps1'));
    const f = await runMain(['-nop', '-File', join(dir, 's.ps1')]);
    expect(f.stdout).toBe('[]\n');
  });

  it('reports a missing script file with exit code 64', async () => {
    const r = await runMain(['-nop', '/no/such/file.ps1']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("The argument '/no/such/file.ps1' is not recognized as the name of a script file.");
  });
});

describe('main options', () => {
  it('prints the version and the help text', async () => {
    expect(await runMain(['-Version'])).toMatchObject({ code: 0, stdout: 'awsh 9.9.9\n' });
    const help = await runMain(['-?']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: awsh');
  });

  it('rejects an unknown switch with exit code 64 and the usage', async () => {
    const r = await runMain(['-Bogus']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("The argument '-Bogus' is not recognized");
    expect(r.stderr).toContain('Usage: awsh');
  });

  it('runs the profile first unless -NoProfile, and sets $PROFILE', async () => {
    const home = tempDir('awsh-home-');
    mkdirSync(join(home, '.config', 'awsh'), { recursive: true });
    writeFileSync(join(home, '.config', 'awsh', 'profile.ps1'), 'out from-profile');
    const r = await runMain(['-c', 'out main'], { env: { HOME: home } });
    expect(r.stdout).toBe('from-profile\nmain\n');
    expect(variables.get('PROFILE')).toBe(join(home, '.config', 'awsh', 'profile.ps1'));
    const n = await runMain(['-NoProfile', '-c', 'out main'], { env: { HOME: home } });
    expect(n.stdout).toBe('main\n');
  });
});
