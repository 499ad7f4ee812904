import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createShell } from '../../src/index.js';
import { tempDir } from '../temp-dir.js';

function moduleDir(): string {
  const dir = tempDir('awsh-mod-');
  mkdirSync(join(dir, 'MyMod'));
  writeFileSync(join(dir, 'MyMod', 'MyMod.psm1'), [
    '$script:counter = 10',
    'function Get-Counter { $script:counter }',
    'function Add-Counter { param([int]$By = 1) $script:counter += $By; helper }',
    'function helper { "helped $script:counter" }',
    'Export-ModuleMember -Function Get-Counter, Add-Counter',
  ].join('\n'));
  writeFileSync(join(dir, 'MyMod', 'MyMod.psd1'), "@{ RootModule = 'MyMod.psm1'; ModuleVersion = '1.2.3'; FunctionsToExport = @('Get-Counter', 'Add-Counter') }");
  return dir;
}

describe('script modules', () => {
  it('runs a module in its own scope and exports only its public functions', async () => {
    const dir = moduleDir();
    const shell = createShell({ cwd: dir });
    const out = await shell.invoke('Import-Module ./MyMod; Get-Counter; Add-Counter -By 5; Get-Counter; $null -eq $counter; Test-Path function:helper; (Get-Module MyMod).Version');
    expect(out).toEqual([10, 'helped 15', 15, true, false, '1.2.3']);
  });
  it('finds modules on PSModulePath and removes them', async () => {
    const dir = moduleDir();
    const shell = createShell({ env: { PSModulePath: dir, HOME: dir } });
    expect(await shell.invoke('Import-Module MyMod; Get-Counter; Remove-Module MyMod; Test-Path function:Get-Counter')).toEqual([10, false]);
  });
  it('imports the built-in modules and reports a missing one', async () => {
    const errors: string[] = [];
    const shell = createShell({ host: { error: (r) => errors.push(r.FullyQualifiedErrorId) } });
    expect(await shell.invoke('Import-Module Pester; Import-Module Microsoft.PowerShell.Utility; Import-Module AWS.Tools.S3; "ok"')).toEqual(['ok']);
    await shell.execute('Import-Module NoSuchModule');
    expect(errors).toEqual(['Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand']);
  });
  it('lists imported built-in modules with Get-Module, ordered by name, until removed', async () => {
    const shell = createShell();
    expect(await shell.invoke('Get-Module AWS.Tools.S3 | Select-Object -ExpandProperty Name')).toEqual([]);
    const out = await shell.invoke('Import-Module AWS.Tools.S3; Get-Module AWS.Tools.S3 | Select-Object -ExpandProperty Name; Get-Module | ForEach-Object { "$($_.Name) $($_.ModuleType)" }');
    expect(out).toEqual(['AWS.Tools.S3', 'AWS.Tools.Common Binary', 'AWS.Tools.S3 Binary']);
    expect(await shell.invoke('Remove-Module AWS.Tools.S3; (Get-Module).Name')).toEqual(['AWS.Tools.Common']);
  });
  it('creates dynamic modules with New-Module', async () => {
    const shell = createShell();
    expect(await shell.invoke('$null = New-Module -ScriptBlock { $x = 3; function Get-X { $x * 2 } }; Get-X')).toEqual([6]);
  });
});

describe('AWS module housekeeping', () => {
  it('explains that AWS.Tools modules ship with awsh, and succeeds', async () => {
    let host = '';
    const shell = createShell({ host: { writeHost: (t) => (host += t + '\n') } });
    const r = await shell.execute('Install-AWSToolsModule AWS.Tools.EC2; Update-AWSToolsModule');
    expect(r.success).toBe(true);
    expect(host).toContain('AWS.Tools.EC2: AWS.Tools modules ship with awsh');
  });
  it('searches command names with Select-String, as the guide does', async () => {
    const shell = createShell();
    const out = (await shell.invoke('Get-Command | Select-String region | ForEach-Object { $_.Line }')) as string[];
    expect(out).toContain('Get-DefaultAWSRegion');
    expect(out.every((l) => /region/i.test(l))).toBe(true);
  });
});
