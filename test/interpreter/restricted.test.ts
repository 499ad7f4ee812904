import { describe, it, expect } from 'vitest';
import { writeFileSync, symlinkSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createShell } from '../../src/index.js';
import type { ErrorRecord } from '../../src/api-types.js';
import { tempDir } from '../temp-dir.js';

function restrictedShell(extra: Record<string, unknown> = {}) {
  const root = tempDir('awsh-r-');
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data', 'a.txt'), 'inside');
  const errors: ErrorRecord[] = [];
  const shell = createShell({
    host: { error: (r) => errors.push(r) },
    restricted: {
      commands: ['Write-Output', 'ForEach-Object', 'Where-Object', 'Get-Content', 'Measure-Object', 'Select-Object'],
      fileSystemRoot: root,
      maxRunTimeMs: 500,
      maxOutputObjects: 1000,
      maxMemoryObjects: 100000,
      ...extra,
    },
  });
  return { shell, errors, root };
}

describe('restricted mode', () => {
  it('runs allowed commands', async () => {
    const { shell } = restrictedShell();
    expect(await shell.invoke('1..3 | ForEach-Object { $_ * 2 }')).toEqual([2, 4, 6]);
  });
  it('blocks commands outside the allow-list, also through aliases and Invoke-Expression', async () => {
    const { shell, errors } = restrictedShell();
    // Native commands aren't even found: the restricted environment has no PATH.
    for (const s of ['Get-ChildItem /', 'ls', 'Invoke-Expression "1"', "Set-Alias x Get-ChildItem; x", '/usr/bin/env']) {
      errors.length = 0;
      const r = await shell.execute(s);
      expect(r.output).toEqual([]);
      expect(errors.map((e) => e.FullyQualifiedErrorId).join()).toMatch(/CommandNotAllowed|PathNotAllowed/);
    }
    expect(await shell.invoke('Write-Output ok')).toEqual(['ok']);
  });
  it('keeps file access inside the root, symbolic links included', async () => {
    const { shell, errors, root } = restrictedShell();
    expect(await shell.invoke('Get-Content ./data/a.txt')).toEqual(['inside']);
    symlinkSync('/etc', join(root, 'etc-link'));
    for (const p of ['/etc/passwd', '../../etc/passwd', './etc-link/passwd', '~/.bashrc']) {
      errors.length = 0;
      await shell.execute(`Get-Content '${p}'`);
      expect(errors[0]?.FullyQualifiedErrorId ?? '').toMatch(/PathNotAllowed/);
    }
  });
  it('hides the environment and blocks .NET escape hatches', async () => {
    const { shell, errors } = restrictedShell();
    expect(await shell.invoke('$env:PATH')).toEqual([null]);
    await shell.execute('[System.IO.File]::ReadAllText("/etc/passwd")');
    expect(errors[0].FullyQualifiedErrorId).toMatch(/TypeNotAllowed/);
  });
  it('stops runaway scripts with a clear error and stays usable', async () => {
    const { shell, errors } = restrictedShell();
    for (const s of ['while ($true) {}', 'function f { f }; f', '1..1000000000', '1..5000 | ForEach-Object { $_ }']) {
      errors.length = 0;
      const r = await shell.execute(s);
      expect(r.terminatingError ?? errors[0]).toBeTruthy();
    }
    expect(await shell.invoke('Write-Output still-ok')).toEqual(['still-ok']);
  });
  it('passes host objects in as data only', async () => {
    const { shell } = restrictedShell();
    const hostObj = { name: 'x', run: () => 'host code ran' };
    const out = await shell.invoke('$o.run; $o.name', { variables: { o: hostObj } });
    expect(out).toEqual([null, 'x']);
  });
});
