// End to end through createShell: my modules are registered on the shell until they are in the core index.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createShell } from '../../src/index.js';
import type { ErrorRecord, Shell } from '../../src/api-types.js';
import { makeTempDir } from './helpers.js';
import { cmdlets as fileCmdlets } from '../../src/cmdlets/core/file-cmdlets.js';
import { cmdlets as pathCmdlets } from '../../src/cmdlets/core/path-cmdlets.js';
import { cmdlets as contentCmdlets } from '../../src/cmdlets/core/content-cmdlets.js';
import { cmdlets as selectString } from '../../src/cmdlets/core/select-string.js';
import { cmdlets as objectCmdlets } from '../../src/cmdlets/core/object-cmdlets.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sh(script: string): Promise<{ output: unknown[]; text: string; errors: ErrorRecord[]; shell: Shell }> {
  const errors: ErrorRecord[] = [];
  const shell = createShell({ cwd: dir, host: { error: (r) => errors.push(r) } } as never);
  for (const d of [...fileCmdlets, ...pathCmdlets, ...contentCmdlets, ...selectString, ...objectCmdlets]) {
    if (!shell.session?.getCmdletDecl?.(d.name)) shell.registerCmdlet(d);
  }
  const r = await shell.execute(script);
  const text = shell.format(r.output).split('\n').map((l) => l.trimEnd()).join('\n').replace(/^\n+|\n+$/g, '');
  return { output: r.output, text, errors, shell };
}

describe('file cmdlets end to end', () => {
  it('writes, reads and searches files', async () => {
    const r = await sh(`Set-Content -Path t.txt -Value 'one','two','three'
$lines = Get-Content t.txt
$lines.Count
(Get-Content t.txt -Raw).Length
Select-String -Path t.txt -Pattern 't' | ForEach-Object { $_.LineNumber }`);
    expect(r.errors.map((e) => e.Exception.Message)).toEqual([]);
    expect(r.output).toEqual([3, 14, 2, 3]);
  });
  it('Get-ChildItem objects in a pipeline', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'aaa');
    fs.writeFileSync(path.join(dir, 'b.log'), 'b');
    const r = await sh(`Get-ChildItem -Filter *.txt | ForEach-Object { "$($_.Name) $($_.Length) $($_.Extension)" }
(Get-ChildItem).Count
Test-Path (Join-Path $PWD.Path "a.txt")`);
    expect(r.errors.map((e) => e.Exception.Message)).toEqual([]);
    expect(r.output).toEqual(['a.txt 3 .txt', 2, true]);
  });
  it('objects: New-Object, Add-Member, Get-Member', async () => {
    const r = await sh(`$o = New-Object PSObject -Property @{ A = 1 }
$o | Add-Member -NotePropertyName B -NotePropertyValue 'x'
$o | Add-Member -MemberType ScriptMethod -Name Twice -Value { $this.A * 2 }
$o.B
$o.Twice()
($o | Get-Member -MemberType NoteProperty).Name`);
    expect(r.errors.map((e) => e.Exception.Message)).toEqual([]);
    expect(r.output).toEqual(['x', 2, 'A', 'B']);
  });
  it('Get-ChildItem output shows the Unix directory table', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'aaa');
    const r = await sh('Get-ChildItem');
    expect(r.text.split('\n')[0]).toBe(`    Directory: ${dir}`);
    expect(r.text).toMatch(/UnixMode +User Group +LastWriteTime +Size Name/);
  });
  it('Out-File writes what the console shows; Select-String on piped files', async () => {
    const r = await sh(`[pscustomobject]@{ N = 1 } | Out-File o.txt
Get-ChildItem o.txt | Select-String 'N' | ForEach-Object { $_.Line }`);
    expect(r.errors.map((e) => e.Exception.Message)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'o.txt'), 'utf8')).toBe('\nN\n-\n1\n\n');
    expect(r.output).toEqual(['N']);
  });
  it('errors carry pwsh ids', async () => {
    const r = await sh(`Get-Content nope.txt`);
    expect(r.errors[0].FullyQualifiedErrorId).toBe('PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand');
  });
});

describe('pipelines of file objects', () => {
  it('Get-ChildItem | Get-Content / Select-String / Remove-Item', async () => {
    fs.writeFileSync(path.join(dir, 'a.txt'), 'x1\ny2\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'x3\n');
    const r = await sh(`Get-ChildItem *.txt | Get-Content
'abc','xyz' | Select-String b | ForEach-Object Line
(Get-ChildItem *.txt | Select-String x).Count
Get-ChildItem *.txt | Remove-Item
(Get-ChildItem).Count`);
    expect(r.errors.map((e) => e.Exception.Message)).toEqual([]);
    expect(r.output).toEqual(['x1', 'y2', 'x3', 'abc', 2, 0]);
  });
});
