// Attack suite for restricted mode: every script tries to escape one boundary (commands, files, environment,
// .NET types, host JS objects, limits). Each must fail with a clear error (FullyQualifiedErrorId), leak nothing,
// and leave the shell usable.
import { describe, it, expect, beforeAll } from 'vitest';
import { writeFileSync, symlinkSync, mkdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createShell } from '../../src/index.js';
import type { ErrorRecord, Shell } from '../../src/api-types.js';
import { tempDir } from '../temp-dir.js';

const allowed = [
  'Write-Output', 'ForEach-Object', 'Where-Object', 'Get-Content', 'Set-Content', 'Select-Object', 'Measure-Object',
  'Get-ChildItem', 'Set-Location', 'Test-Path', 'New-Item', 'Start-Sleep', 'Set-StrictMode',
];

let root = '';
let outside = '';
beforeAll(() => {
  root = tempDir('awsh-attack-');
  outside = tempDir('awsh-outside-');
  writeFileSync(join(outside, 'secret.txt'), 'TOP-SECRET');
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data', 'a.txt'), 'inside');
  writeFileSync(join(root, 'evil.ps1'), 'Remove-Item ./data/a.txt');
  symlinkSync(outside, join(root, 'dir-link'));
  symlinkSync(join(outside, 'secret.txt'), join(root, 'file-link'));
});

/** Host objects handed to scripts; calling any of their functions sets `pwned`. */
let pwned = false;
class HostService {
  token = 'visible-data';
  leak(): string {
    pwned = true;
    return 'host code ran';
  }
}
function hostVariables() {
  const o = { name: 'x', run: () => ((pwned = true), 'host code ran'), nested: { fn: () => (pwned = true) } };
  return { o, svc: new HostService(), arr: [o], f: o.run };
}

interface Attack {
  script: string;
  /** The FullyQualifiedErrorId expected (first error or terminating error). */
  id: RegExp;
  /** Extra allowed commands for this attack. */
  allow?: string[];
  /** Text that must not appear in the output (a leak). */
  noLeak?: string;
}

async function attack(a: Attack): Promise<{ ids: string[]; messages: string[]; output: unknown[]; shell: Shell; elapsed: number }> {
  const errors: ErrorRecord[] = [];
  const shell = createShell({
    host: { error: (r) => errors.push(r) },
    restricted: {
      commands: [...allowed, ...(a.allow ?? [])],
      fileSystemRoot: root,
      maxRunTimeMs: 400,
      maxOutputObjects: 1000,
      maxMemoryObjects: 100000,
    },
  });
  pwned = false;
  const t = Date.now();
  const r = await shell.execute(a.script, { variables: hostVariables() });
  const elapsed = Date.now() - t;
  const ids = [...errors.map((e) => e.FullyQualifiedErrorId), r.terminatingError?.FullyQualifiedErrorId].filter((x): x is string => !!x);
  const messages = [...errors, r.terminatingError].filter((e): e is ErrorRecord => !!e).map((e) => e.Exception.Message);
  return { ids, messages, output: r.output, shell, elapsed };
}

async function expectBlocked(a: Attack): Promise<void> {
  const { ids, messages, output, shell, elapsed } = await attack(a);
  expect(ids.length, `no error for: ${a.script}; output ${JSON.stringify(output).slice(0, 200)}`).toBeGreaterThan(0);
  expect(ids[0], messages[0]).toMatch(a.id);
  expect(pwned).toBe(false);
  const text = JSON.stringify(output);
  expect(text).not.toContain('TOP-SECRET');
  expect(text).not.toContain('root:');
  if (a.noLeak) expect(text).not.toContain(a.noLeak);
  expect(elapsed).toBeLessThan(5000);
  expect(existsSync(join(root, 'data', 'a.txt'))).toBe(true);
  // The same shell is still healthy. (A script may redefine commands for later runs on its shell, as in a runspace,
  // so the check uses an expression.)
  expect(await shell.invoke("'ok' + 1")).toEqual(['ok1']);
}

const notAllowed = /^CommandNotAllowed$/;
const pathDenied = /^PathNotAllowed$/;
const typeDenied = /^(TypeNotAllowed|TypeNotFound)$/;
const limit = /^RestrictedLimitExceeded$/;
const strict = 'Set-StrictMode -Version Latest; ';

const commandAttacks: Attack[] = [
  { script: 'Remove-Item ./data/a.txt', id: notAllowed },
  { script: "Invoke-Expression 'Remove-Item ./data/a.txt'", id: notAllowed },
  { script: "iex 'Remove-Item ./data/a.txt'", id: notAllowed },
  { script: 'Set-Alias x Remove-Item; x ./data/a.txt', id: notAllowed },
  { script: 'Set-Alias x Remove-Item; x ./data/a.txt', id: notAllowed, allow: ['Set-Alias'] },
  { script: 'New-Alias Write-Output Remove-Item; Write-Output ./data/a.txt', id: notAllowed, allow: ['New-Alias'] },
  { script: "& 'Remove-Item' ./data/a.txt", id: notAllowed },
  { script: "& ('Remove-' + 'Item') ./data/a.txt", id: notAllowed },
  { script: "$c = 'Remove-Item'; & $c ./data/a.txt", id: notAllowed },
  { script: ". 'Remove-Item' ./data/a.txt", id: notAllowed },
  { script: 'Microsoft.PowerShell.Management\\Remove-Item ./data/a.txt', id: notAllowed },
  { script: 'Get-Command Remove-Item | ForEach-Object { & $_ ./data/a.txt }', id: notAllowed, allow: ['Get-Command'] },
  { script: '& { Remove-Item ./data/a.txt }', id: notAllowed },
  { script: '{ Remove-Item ./data/a.txt }.Invoke()', id: notAllowed },
  { script: "[scriptblock]::Create('Remove-Item ./data/a.txt').Invoke()", id: /^(CommandNotAllowed|MethodNotFound)$/ },
  { script: "$ExecutionContext.InvokeCommand.InvokeScript('Remove-Item ./data/a.txt')", id: /^(CommandNotAllowed|MethodNotFound|InvokeMethodOnNull)$/ },
  { script: 'function Write-Output { Remove-Item ./data/a.txt }; Write-Output x', id: notAllowed },
  { script: './evil.ps1', id: notAllowed },
  { script: '. ./evil.ps1', id: notAllowed },
  { script: '& ./evil.ps1', id: notAllowed },
  { script: "& '/bin/sh' -c 'echo pwned'", id: /^(CommandNotAllowed|PathNotAllowed)$/, noLeak: 'pwned' },
  { script: 'sh -c "echo pwned"', id: /^(CommandNotAllowed|CommandNotFoundException)$/, noLeak: 'pwned' },
  { script: 'New-Object System.Net.WebClient', id: notAllowed },
  { script: 'Get-ChildItem / | Remove-Item', id: /^(CommandNotAllowed|PathNotAllowed)$/ },
];

const fileAttacks: Attack[] = [
  { script: 'Get-Content /etc/passwd', id: pathDenied },
  { script: `Get-Content '${'../'.repeat(8)}etc/passwd'`, id: pathDenied },
  { script: 'Get-Content ./data/../../../../etc/passwd', id: pathDenied },
  { script: 'Get-Content ./dir-link/secret.txt', id: pathDenied },
  { script: 'Get-Content ./file-link', id: pathDenied },
  { script: 'Get-Content ~/.bashrc', id: pathDenied },
  { script: 'Get-Content -LiteralPath /etc/hostname', id: pathDenied },
  { script: 'Get-Content /et*/pass*', id: pathDenied },
  { script: "Get-Content 'Microsoft.PowerShell.Core\\FileSystem::/etc/passwd'", id: pathDenied },
  { script: "Get-Content '\\etc\\passwd'", id: pathDenied },
  { script: "Set-Content /tmp/awsh-attack-write.txt 'pwned'", id: pathDenied },
  { script: "'pwned' > /tmp/awsh-attack-redirect.txt", id: pathDenied },
  { script: "'pwned' >> ../awsh-attack-append.txt", id: pathDenied },
  { script: 'Get-ChildItem /', id: pathDenied },
  { script: 'Get-ChildItem ./dir-link', id: pathDenied },
  { script: 'Get-ChildItem -Recurse -Path ./dir-link', id: pathDenied },
  { script: 'Set-Location ..', id: pathDenied },
  { script: 'Set-Location /; Get-Content etc/passwd', id: pathDenied },
  { script: 'Test-Path /etc/passwd', id: pathDenied },
  { script: 'New-Item -ItemType SymbolicLink -Path ./made-link -Target /etc | Out-Null; Get-Content ./made-link/passwd', id: /^(PathNotAllowed|CommandNotAllowed)$/ },
];

const environmentAttacks: Attack[] = [
  { script: "[Environment]::GetEnvironmentVariable('PATH')", id: typeDenied },
  { script: '[System.Environment]::GetEnvironmentVariables()', id: typeDenied },
  { script: 'Get-ChildItem env:', id: /^(PathNotFound|PathNotAllowed|DriveNotFound)/ },
  { script: 'Get-Content env:HOME', id: /^(PathNotFound|PathNotAllowed|DriveNotFound)/ },
  { script: strict + "if ($null -eq $env:PATH) { throw 'EnvHidden' }", id: /^EnvHidden$/ },
];

const dotnetAttacks: Attack[] = [
  { script: "[System.IO.File]::ReadAllText('/etc/passwd')", id: typeDenied },
  { script: "[IO.File]::WriteAllText('/tmp/awsh-attack-net.txt', 'x')", id: typeDenied },
  { script: "[System.IO.Directory]::GetFiles('/')", id: typeDenied },
  { script: "[System.IO.StreamReader]::new('/etc/passwd').ReadToEnd()", id: typeDenied },
  { script: "[System.IO.FileInfo]::new('/etc/passwd').OpenText()", id: typeDenied },
  { script: "[System.Diagnostics.Process]::Start('sh')", id: typeDenied },
  { script: "[type]'System.IO.File'", id: typeDenied },
  { script: "[System.Type]::GetType('System.IO.File')", id: typeDenied },
  { script: "[psobject].Assembly.GetType('System.IO.File')", id: /^(InvokeMethodOnNull|TypeNotAllowed|MethodNotFound)$/ },
  { script: '[AppDomain]::CurrentDomain', id: typeDenied },
  { script: '[Activator]::CreateInstance([string])', id: typeDenied },
  { script: "[System.Reflection.Assembly]::LoadFile('/tmp/x.dll')", id: typeDenied },
  { script: "Add-Type -TypeDefinition 'public class A {}'", id: /^(CommandNotAllowed|CommandNotFoundException)$/ },
];

const hostObjectAttacks: Attack[] = [
  { script: '$o.run()', id: /^MethodNotFound$/ },
  { script: '$o.nested.fn()', id: /^MethodNotFound$/ },
  { script: '$svc.leak()', id: /^MethodNotFound$/ },
  { script: '$arr[0].run()', id: /^MethodNotFound$/ },
  { script: '$o.psobject.BaseObject.run()', id: /^MethodNotFound$/ },
  { script: '$f.Invoke()', id: /^InvokeMethodOnNull$/ },
  { script: '& $f', id: /^(CommandNotFoundException|BadExpression)/ },
  { script: strict + '$o.constructor', id: /^PropertyNotFoundStrict$/ },
  { script: strict + '$o.__proto__', id: /^PropertyNotFoundStrict$/ },
  { script: strict + "$o.('__pro' + 'to__').constructor", id: /^(PropertyNotFoundStrict|InvokeMethodOnNull)$/ },
  { script: strict + '$o.run.constructor', id: /^PropertyNotFoundStrict$/ },
  { script: strict + "'x'.constructor", id: /^PropertyNotFoundStrict$/ },
  { script: strict + '@{}.prototype', id: /^PropertyNotFoundStrict$/ },
  { script: strict + '$svc.leak', id: /^PropertyNotFoundStrict$/ },
];

const limitAttacks: Attack[] = [
  { script: 'while ($true) {}', id: limit },
  { script: 'for (;;) { $i++ }', id: limit },
  { script: 'do { $x = 1 } until ($false)', id: limit },
  // Under vitest's deeper JS stack the engine's stack can run out before awsh's call-depth limit (needs item 7).
  { script: 'function f { f }; f', id: /^(CallDepthOverflow|System\.Exception)$/ },
  { script: 'function g($n) { g ($n + 1) }; g 1', id: /^(CallDepthOverflow|System\.Exception)$/ },
  { script: '1..1000000000', id: limit },
  { script: '1..1000000000 | ForEach-Object { $_ }', id: limit },
  { script: "'{0}' -f (1..1000000000)", id: limit },
  { script: "while ($true) { 'flood' }", id: limit },
  { script: '1..5000 | ForEach-Object { $_ }', id: limit },
  { script: 'Start-Sleep -Seconds 30', id: limit },
  { script: '$a = @(); while ($true) { $a += 1 }', id: limit },
  { script: "'x' * 1e9", id: /^(RestrictedLimitExceeded|System\.Exception|System\.OutOfMemoryException)$/ },
  { script: "[string]::new('x', 1000000000)", id: /^(RestrictedLimitExceeded|System\.Exception|System\.OutOfMemoryException)$/ },
  { script: '(' .repeat(3000) + '1' + ')'.repeat(3000), id: /^ScriptTooComplicated$/ },
  { script: '& { '.repeat(2000) + '1' + ' }'.repeat(2000), id: /^ScriptTooComplicated$/ },
];

describe('restricted mode attack suite', () => {
  it('has at least 40 attacks', () => {
    const n = commandAttacks.length + fileAttacks.length + environmentAttacks.length + dotnetAttacks.length + hostObjectAttacks.length + limitAttacks.length;
    expect(n).toBeGreaterThanOrEqual(40);
  });

  describe('commands outside the allow-list', () => {
    for (const a of commandAttacks) it(a.script, () => expectBlocked(a));
  });
  describe('files outside fileSystemRoot', () => {
    for (const a of fileAttacks) it(a.script, () => expectBlocked(a));
    it('leaves no file outside the root', () => {
      for (const f of ['/tmp/awsh-attack-write.txt', '/tmp/awsh-attack-redirect.txt', '/tmp/awsh-attack-net.txt']) expect(existsSync(f)).toBe(false);
      expect(readFileSync(join(outside, 'secret.txt'), 'utf8')).toBe('TOP-SECRET');
    });
  });
  describe('the process environment', () => {
    for (const a of environmentAttacks) it(a.script, () => expectBlocked(a));
    it('sees an empty $env: drive', async () => {
      const { output } = await attack({ script: '$env:PATH; $env:HOME; ${env:AWS_SECRET_ACCESS_KEY}', id: /x/ });
      expect(output).toEqual([null, null, null]);
    });
  });
  describe('.NET types that reach outside the interpreter', () => {
    for (const a of dotnetAttacks) it(a.script, () => expectBlocked(a));
  });
  describe('host JS objects passed in', () => {
    for (const a of hostObjectAttacks) it(a.script, () => expectBlocked(a));
    it('passes data through', async () => {
      const { output } = await attack({ script: '$o.name; $svc.token', id: /x/ });
      expect(output).toEqual(['x', 'visible-data']);
    });
    it('drops functions in pipeline input', async () => {
      const shell = createShell({ restricted: { commands: ['ForEach-Object'] } });
      pwned = false;
      const errors: string[] = [];
      const shell2 = createShell({ host: { error: (r) => errors.push(r.FullyQualifiedErrorId) }, restricted: { commands: ['ForEach-Object'] } });
      await shell2.execute('$input | ForEach-Object { $_.run() }', { input: [hostVariables().o] });
      expect(errors).toEqual(['MethodNotFound']);
      expect(pwned).toBe(false);
      expect(await shell.invoke('$input | ForEach-Object { $_.name }', { input: [hostVariables().o] })).toEqual(['x']);
    });
  });
  describe('run-time and size limits', () => {
    for (const a of limitAttacks) it(a.script.length > 60 ? a.script.slice(0, 60) + '…' : a.script, () => expectBlocked(a));
    // Repetition and concatenation are size-checked before anything is built (V8 would abort the process).
    for (const script of ['@(1) * 1e9', ',1 * 100000000', "'x' * 100000000", '$a = 1..50000; while ($true) { $a = $a + $a }']) {
      it(script, () => expectBlocked({ script, id: limit }));
    }
  });
});
