// End to end: spawns bin/awsh.js (needs `npm run build` first; CI builds before testing).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin', 'awsh.js');
const home = tempDir('awsh-e2e-home-');

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` before the CLI end-to-end tests.');
});

function awsh(args: string[], options: { input?: string; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, HOME: home, NO_COLOR: '1' },
    timeout: 20000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function script(name: string, text: string): string {
  const dir = tempDir('awsh-e2e-');
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('awsh -Command', () => {
  it('prints results and exits 0', () => {
    expect(awsh(['-NoProfile', '-c', "'hello';", '1 + 1'])).toEqual({ code: 0, stdout: 'hello\n2\n', stderr: '' });
  });

  it('gives what was piped into it to $input, line by line', () => {
    expect(awsh(['-NoProfile', '-c', '$input | ForEach-Object { "<$_>" }; @($input).Count'], { input: 'a\nb c\n' }).stdout).toBe('<a>\n<b c>\n0\n');
    const file = script('lines.ps1', '$input | Measure-Object | ForEach-Object Count');
    expect(awsh(['-NoProfile', '-File', file], { input: 'x\ny\nz' }).stdout).toBe('3\n');
  });

  it('keeps the order of output and errors written to one pipe or file', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" -NoProfile -c "'one'; Write-Warning two; 'three'; Write-Error four; 'five'" 2>&1`], { encoding: 'utf8', env: { ...process.env, HOME: home } });
    expect(r.stdout.split('\n').filter((l) => /one|two|three|four|five/.test(l)).map((l) => l.trim())).toEqual(['one', 'WARNING: two', 'three', 'Write-Error: four', 'five']);
  });

  it("shows a thrown error in ConciseView (pwsh 7's default) on stderr and exits 1", () => {
    const r = awsh(['-nop', '-c', 'throw "boom"']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Exception: boom\n');
  });

  it('shows the line of an error after the first line of a command, and NormalView when $ErrorView asks for it', () => {
    const r = awsh(['-nop', '-c', '"a"\nGet-Item /nope-awsh']);
    expect(r.stderr).toBe(
      ['Get-Item: ', 'Line |', '   2 |  Get-Item /nope-awsh', '     |  ~~~~~~~~~~~~~~~~~~~', "     | Cannot find path '/nope-awsh' because it does not exist.", ''].join('\n'),
    );
    const n = awsh(['-nop', '-c', '$ErrorView = "NormalView"; throw "boom"']);
    expect(n.stderr).toBe(
      [
        'boom',
        'At line:1 char:28',
        '+ $ErrorView = "NormalView"; throw "boom"',
        '+                            ~~~~~~~~~~~~',
        '    + CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException',
        '    + FullyQualifiedErrorId : boom',
        '',
      ].join('\n'),
    );
  });

  it("reports Write-Error inside a function at the function's call, named after it (pwsh's Write-Error uses its caller's $MyInvocation)", () => {
    expect(awsh(['-nop', '-c', 'function Get-Thing { Write-Error "no thing" }; Get-Thing']).stderr).toBe('Get-Thing: no thing\n');
    const path = script('w.ps1', 'function Get-Thing {\n  Write-Error "no thing"\n}\n"a"\nGet-Thing\n');
    expect(awsh(['-nop', path]).stderr).toBe(
      [`Get-Thing: ${path}:5`, 'Line |', '   5 |  Get-Thing', '     |  ~~~~~~~~~', '     | no thing', ''].join('\n'),
    );
  });

  it('names errors without a command by their category, else by the exception type (ConciseView)', () => {
    expect(awsh(['-nop', '-c', '[int]::Parse("x")']).stderr).toBe(
      `MethodInvocationException: Exception calling "Parse" with "1" argument(s): "The input string 'x' was not in a correct format."\n`,
    );
    expect(awsh(['-nop', '-c', '$null.Foo()']).stderr).toBe('InvalidOperation: You cannot call a method on a null-valued expression.\n');
    expect(awsh(['-nop', '-c', 'Get-NoSuchThing']).stderr).toMatch(/^Get-NoSuchThing: The term 'Get-NoSuchThing' is not recognized/);
  });

  it('exits with the code given to exit', () => {
    expect(awsh(['-nop', '-c', "'a'; exit 7; 'b'"])).toMatchObject({ code: 7, stdout: 'a\n' });
  });

  it('exits 1 when the last command failed, and 0 when a later one succeeded', () => {
    expect(awsh(['-nop', '-c', 'Write-Error "bad"']).code).toBe(1);
    const r = awsh(['-nop', '-c', 'Write-Error "bad"; "ok"']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok\n');
    expect(r.stderr).toContain('bad');
  });

  it('reports a parse error with its position first and exits 1', () => {
    const r = awsh(['-nop', '-c', '$x = (1 +']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      ['ParserError: ', 'Line |', '   1 |  $x = (1 +', '     |           ~', "     | You must provide a value expression following the '+' operator.", ''].join('\n'),
    );
  });

  it('writes Write-Host to stdout and warnings to stderr', () => {
    const r = awsh(['-nop', '-c', 'Write-Host "to host"; Write-Warning "careful"']);
    expect(r.stdout).toBe('to host\n');
    expect(r.stderr).toBe('WARNING: careful\n');
    expect(r.code).toBe(0);
  });

  it('runs a script piped to stdin', () => {
    expect(awsh(['-nop'], { input: '$a = 20\n$a + 1\n' })).toMatchObject({ code: 0, stdout: '21\n' });
    expect(awsh(['-nop', '-Command', '-'], { input: '"from stdin"' })).toMatchObject({ stdout: 'from stdin\n' });
  });
});

describe('awsh script files', () => {
  it('binds positional and named arguments to param()', () => {
    const path = script('p.ps1', 'param($Name, [int]$Count = 1)\n"$Name x $Count"\n');
    expect(awsh(['-nop', path, 'World', '-Count', '3'])).toMatchObject({ code: 0, stdout: 'World x 3\n' });
    expect(awsh(['-nop', '-File', path, '-Name', 'Bob'])).toMatchObject({ code: 0, stdout: 'Bob x 1\n' });
  });

  it('passes unbound arguments in $args', () => {
    const path = script('a.ps1', '$args.Count\n$args[1]\n');
    expect(awsh(['-nop', path, 'one', 'two'])).toMatchObject({ code: 0, stdout: '2\ntwo\n' });
  });

  it('exits 0 after non-terminating errors, 1 after a terminating one, N after exit N', () => {
    expect(awsh(['-nop', script('e.ps1', 'Write-Error "soft"\n')]).code).toBe(0);
    const t = awsh(['-nop', script('t.ps1', '"before"\nthrow "hard"\n"after"\n')]);
    expect(t).toMatchObject({ code: 1, stdout: 'before\n' });
    expect(t.stderr).toMatch(/^Exception: .*t\.ps1:2\nLine \|\n   2 \|  throw "hard"\n     \|  ~~~~~~~~~~~~\n     \| hard\n$/);
    expect(awsh(['-nop', script('x.ps1', 'exit 42\n')]).code).toBe(42);
  });

  it('runs a script with a #!/usr/bin/env awsh line directly', () => {
    const binDir = tempDir('awsh-bin-');
    symlinkSync(bin, join(binDir, 'awsh'));
    const path = script('run-me', '#!/usr/bin/env awsh\n"shebang ok $($args[0])"\n');
    chmodSync(path, 0o755);
    const r = spawnSync(path, ['arg1'], {
      encoding: 'utf8',
      env: { ...process.env, HOME: home, PATH: `${binDir}:${process.env.PATH}` },
      timeout: 20000,
    });
    expect(r.stdout).toBe('shebang ok arg1\n');
    expect(r.status).toBe(0);
  });
});

describe('awsh options', () => {
  it('prints the version', () => {
    const r = awsh(['-Version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^awsh \d+\.\d+\.\d+/);
  });

  it('prints the usage for -Help, -? and -h', () => {
    for (const flag of ['-Help', '-?', '-h']) {
      const r = awsh([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: awsh');
    }
  });

  it('rejects unknown switches with exit code 64', () => {
    const r = awsh(['-Bogus']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("The argument '-Bogus' is not recognized as the name of a script file.");
  });
});
