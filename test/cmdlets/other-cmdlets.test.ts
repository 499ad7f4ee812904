import { describe, it, expect } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCmdlet } from './fake-context.js';
import { PSObject, PSHashtable } from '../../src/runtime/values/objects.js';
import { ErrorRecord } from '../../src/runtime/errors.js';
import { writeOutput, writeHost, writeError, writeWarning, writeInformation, writeProgress } from '../../src/cmdlets/core/write-cmdlets.js';
import { getVariable, setVariable, newVariable, removeVariable, clearVariable } from '../../src/cmdlets/core/variable-cmdlets.js';
import { getCommand, getAlias, newAlias, setAlias, invokeCommand, invokeExpression } from '../../src/cmdlets/core/command-cmdlets.js';
import { getHelp, syntaxLine } from '../../src/cmdlets/core/help.js';
import { getRandom, getDate, joinString, newGuid, startSleep, formatUFormat } from '../../src/cmdlets/core/utility-cmdlets.js';
import { getLocation, setLocation, pushLocation, popLocation } from '../../src/cmdlets/core/location-cmdlets.js';
import { teeObject } from '../../src/cmdlets/core/tee-object.js';
import { coreCmdlets, defaultAliases, lazyCommandSets } from '../../src/cmdlets/core/index.js';
import { selectObject } from '../../src/cmdlets/core/select-object.js';
import { whereObject } from '../../src/cmdlets/core/where-object.js';
import { tempDir } from '../temp-dir.js';

const prop = (o: unknown, name: string) => (o as PSObject).getMember(name)?.value;

describe('Write-*', () => {
  it('Write-Output enumerates unless -NoEnumerate', async () => {
    expect((await runCmdlet(writeOutput, { InputObject: [1, 2] })).output).toEqual([1, 2]);
    expect((await runCmdlet(writeOutput, { InputObject: [1, 2], NoEnumerate: true })).output).toEqual([[1, 2]]);
  });
  it('Write-Host joins and flattens with the separator', async () => {
    const r = await runCmdlet(writeHost, { Object: ['a', [1, 2]], Separator: '-', NoNewline: true });
    expect(r.host[0].text).toBe('a-1-2');
    expect(r.host[0].options).toMatchObject({ noNewline: true });
    expect((await runCmdlet(writeHost, {})).host[0].text).toBe('');
  });
  it('Write-Error builds a WriteErrorException record', async () => {
    const r = await runCmdlet(writeError, { Message: 'boom' });
    const rec = r.errors[0] as ErrorRecord;
    expect(rec).toBeInstanceOf(ErrorRecord);
    expect(rec.FullyQualifiedErrorId).toBe('Microsoft.PowerShell.Commands.WriteErrorException');
    expect(rec.Exception.Message).toBe('boom');
    expect(rec.CategoryInfo.Category).toBe('NotSpecified');
    expect(rec.CategoryInfo.Activity).toBe('Write-Error');
  });
  it('Write-Error -ErrorId -Category -TargetObject', async () => {
    const r = await runCmdlet(writeError, { Message: 'm', ErrorId: 'MyId', Category: 'InvalidData', TargetObject: 5 });
    const rec = r.errors[0] as ErrorRecord;
    expect(rec.FullyQualifiedErrorId).toBe('MyId');
    expect(rec.CategoryInfo.Category).toBe('InvalidData');
    expect(rec.TargetObject).toBe(5);
  });
  it('Write-Warning / Write-Information / Write-Progress', async () => {
    expect((await runCmdlet(writeWarning, { Message: 'w' })).warnings).toEqual(['w']);
    expect((await runCmdlet(writeInformation, { MessageData: 'i', Tags: ['t'] })).information).toEqual([{ data: 'i', tags: ['t'] }]);
    expect((await runCmdlet(writeProgress, { Activity: 'A', PercentComplete: 50 })).progress[0]).toMatchObject({ activity: 'A', percentComplete: 50 });
  });
});

describe('variables', () => {
  it('Get-Variable by name, wildcard and -ValueOnly; not found error', async () => {
    const vars = { apple: 1, apricot: 2, banana: 3 };
    const r = await runCmdlet(getVariable, { Name: ['ap*'] }, { variables: vars });
    expect(r.output.map((v) => prop(v, 'Name'))).toEqual(['apple', 'apricot']);
    expect((r.output[0] as PSObject).typeNames[0]).toBe('System.Management.Automation.PSVariable');
    expect((await runCmdlet(getVariable, { Name: ['banana'], ValueOnly: true }, { variables: vars })).output).toEqual([3]);
    const nf = await runCmdlet(getVariable, { Name: ['nope'] }, { variables: vars });
    expect(nf.errors[0]).toMatchObject({ errorId: 'VariableNotFound', message: "Cannot find a variable with the name 'nope'.", category: 'ObjectNotFound' });
  });
  it('Set-Variable collects pipeline input', async () => {
    const r = await runCmdlet(setVariable, { Name: ['x'] }, { input: [1, 2], pipelineParam: 'Value' });
    expect(r.variables.get('x')).toEqual([1, 2]);
  });
  it('New-Variable fails when it exists; Remove/Clear', async () => {
    const r = await runCmdlet(newVariable, { Name: 'a', Value: 1 }, { variables: { a: 0 } });
    expect(r.errors[0]).toMatchObject({ errorId: 'VariableAlreadyExists', message: "A variable with name 'a' already exists." });
    expect((await runCmdlet(removeVariable, { Name: ['a'] }, { variables: { a: 0 } })).variables.has('a')).toBe(false);
    expect((await runCmdlet(clearVariable, { Name: ['a'] }, { variables: { a: 5 } })).variables.get('a')).toBeNull();
  });
});

describe('commands and aliases', () => {
  it('Get-Command with an unknown name writes CommandNotFoundException', async () => {
    const r = await runCmdlet(getCommand, { Name: ['nosuch'] });
    expect(r.errors[0]).toMatchObject({ errorId: 'CommandNotFoundException' });
  });
  it('Get-Command lists matching commands as CommandInfo objects', async () => {
    const cmd = { Name: 'Get-Foo', CommandType: 'Cmdlet' as const, ModuleName: 'M', Source: 'M', Version: '', Definition: '', ResolvedCommand: null, Parameters: [] };
    const r = await runCmdlet(getCommand, { Name: ['get-f*'] }, { session: { getCommands: () => [cmd] } });
    expect(prop(r.output[0], 'Name')).toBe('Get-Foo');
    expect((r.output[0] as PSObject).typeNames[0]).toBe('System.Management.Automation.CmdletInfo');
    const v = await runCmdlet(getCommand, { Verb: ['Get'] }, { session: { getCommands: () => [cmd] } });
    expect(v.output).toHaveLength(1);
  });
  it('New-Alias refuses an existing alias; Set-Alias replaces; Get-Alias errors', async () => {
    const aliases = new Map<string, string>([['x', 'Get-Foo']]);
    const session = {
      getCommands: () => [...aliases].map(([n, d]) => ({ Name: n, CommandType: 'Alias' as const, ModuleName: '', Source: '', Version: '', Definition: d, ResolvedCommand: null, Parameters: [] })),
      setAlias: (n: string, t: string) => void aliases.set(n, t),
    };
    const r = await runCmdlet(newAlias, { Name: 'x', Value: 'Get-Bar' }, { session });
    expect(r.errors[0]).toMatchObject({ errorId: 'AliasAlreadyExists' });
    await runCmdlet(setAlias, { Name: 'x', Value: 'Get-Bar' }, { session });
    expect(aliases.get('x')).toBe('Get-Bar');
    const g = await runCmdlet(getAlias, { Name: ['x'] }, { session });
    expect(prop(g.output[0], 'DisplayName')).toBe('x -> Get-Bar');
    const nf = await runCmdlet(getAlias, { Name: ['zz'] }, { session });
    expect(nf.errors[0]).toMatchObject({ message: "This command cannot find a matching alias because an alias with the name 'zz' does not exist." });
  });
  it('Invoke-Command runs once with $input and -ArgumentList', async () => {
    const r = await runCmdlet(invokeCommand, { ScriptBlock: (_: unknown, args: unknown[]) => args, ArgumentList: [7] }, { input: [1, 2] });
    expect(r.output).toEqual([7]);
    expect(r.variables.get('input')).toEqual([1, 2]);
  });
  it('Invoke-Expression forwards to the session', async () => {
    const r = await runCmdlet(invokeExpression, { Command: '1+1' }, { session: { invokeExpression: (t: string, out?: (v: unknown) => void) => void out!(t + '!') } });
    expect(r.output).toEqual(['1+1!']);
  });
});

describe('Get-Help', () => {
  it('builds syntax lines like pwsh', () => {
    expect(syntaxLine(whereObject, 'ScriptBlockSet')).toBe('Where-Object [-FilterScript] <scriptblock> [-InputObject <psobject>] [<CommonParameters>]');
    expect(syntaxLine(selectObject, 'IndexParameter')).toBe('Select-Object [-InputObject <psobject>] [-Index <int[]>] [-Unique] [-CaseInsensitive] [-Wait] [<CommonParameters>]');
  });
  it('prints NAME, SYNOPSIS, SYNTAX for a cmdlet', async () => {
    const r = await runCmdlet(getHelp, { Name: 'Where-Object' }, { session: { getCmdletDecl: (n: string) => (n === 'Where-Object' ? whereObject : null) } });
    const text = r.output[0] as string;
    expect(text).toContain('NAME\n    Where-Object');
    expect(text).toContain('SYNTAX\n    Where-Object [-Property] <string> [[-Value] <Object>] [-InputObject <psobject>] [-EQ] [<CommonParameters>]');
    expect(text).toContain('Where-Object [-Property] <string> [[-Value] <Object>] -CEQ [-InputObject <psobject>] [<CommonParameters>]');
    const full = await runCmdlet(getHelp, { Name: 'Where-Object', Full: true }, { session: { getCmdletDecl: () => whereObject } });
    expect(full.output[0]).toContain('Aliases                      IEQ');
  });
});

describe('utilities', () => {
  it('Get-Random -SetSeed repeats; range and errors', async () => {
    const a = await runCmdlet(getRandom, { SetSeed: 42, Maximum: 100, Count: 3 });
    const b = await runCmdlet(getRandom, { SetSeed: 42, Maximum: 100, Count: 3 });
    expect(a.output).toEqual(b.output);
    for (const n of a.output) expect(n as number).toBeLessThan(100);
    await expect(runCmdlet(getRandom, { Minimum: 5, Maximum: 5 })).rejects.toThrow('The Minimum value (5) cannot be greater than or equal to the Maximum value (5).');
    const pick = await runCmdlet(getRandom, { Count: 2 }, { input: ['a', 'b', 'c'], parameterSet: 'RandomListItemParameterSet' });
    expect(new Set(pick.output).size).toBe(2);
  });
  it('Get-Date -UFormat and -Date', async () => {
    const d = new Date(2024, 0, 5, 13, 4, 9);
    expect(formatUFormat(d, '%Y-%m-%d %H:%M:%S %a %j')).toBe('2024-01-05 13:04:09 Fri 005');
    const r = await runCmdlet(getDate, { Date: d, Year: 2020 });
    expect((r.output[0] as Date).getFullYear()).toBe(2020);
  });
  it('Join-String with property, separator, quotes and prefix', async () => {
    const r = await runCmdlet(joinString, { Separator: ', ', SingleQuote: true, OutputPrefix: '[', OutputSuffix: ']' }, { input: [['a'], ['b']] });
    expect(r.output).toEqual(["['a', 'b']"]);
  });
  it('New-Guid produces a GUID; Start-Sleep waits and is abortable', async () => {
    const g = await runCmdlet(newGuid, {});
    expect(String((g.output[0] as { value: string }).value)).toMatch(/^[0-9a-f-]{36}$/);
    const ac = new AbortController();
    const t = Date.now();
    setTimeout(() => ac.abort(), 20);
    await runCmdlet(startSleep, { Seconds: 5 }, { signal: ac.signal });
    expect(Date.now() - t).toBeLessThan(1000);
  });
  it('Tee-Object -Variable passes objects on and stores them', async () => {
    const r = await runCmdlet(teeObject, { Variable: 'v' }, { input: [1, 2] });
    expect(r.output).toEqual([1, 2]);
    expect(r.variables.get('v')).toEqual([1, 2]);
  });
});

describe('locations', () => {
  it('Set-Location, Get-Location, cd -, Push/Pop-Location', async () => {
    // Set-Location checks that the folder exists: real folders a, b, c.
    const root = tempDir('awsh-loc-');
    const [a, b, c] = ['a', 'b', 'c'].map((n) => join(root, n));
    for (const d of [a, b, c]) mkdirSync(d);
    const cwd = { path: a };
    const session = { setLocation: (p: string) => void (cwd.path = p) };
    // Share one session object across runs so the location stacks persist.
    const shared = { ...session } as never;
    const run = (decl: Parameters<typeof runCmdlet>[0], params: Record<string, unknown>) => runCmdlet(decl, params, { session: shared, cwd: cwd.path });
    await run(setLocation, { Path: b });
    expect(cwd.path).toBe(b);
    const g = await run(getLocation, {});
    expect((g.output[0] as { Path: string }).Path).toBe(b);
    expect(String(g.output[0])).toBe(b);
    await run(pushLocation, { Path: c });
    expect(cwd.path).toBe(c);
    await run(popLocation, {});
    expect(cwd.path).toBe(b);
    rmSync(root, { recursive: true, force: true });
  });
});

describe('index', () => {
  it('registers every core cmdlet once and the default aliases', () => {
    const names = [...coreCmdlets.map((c) => c.name), ...lazyCommandSets.flatMap((s) => s.names)].map((n) => n.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const n of ['foreach-object', 'where-object', 'select-object', 'sort-object', 'get-help', 'set-location', 'join-string']) expect(names).toContain(n);
    expect(defaultAliases['%']).toBe('ForEach-Object');
    expect(defaultAliases['?']).toBe('Where-Object');
    expect(defaultAliases.ls).toBe('Get-ChildItem');
    expect(defaultAliases.sort).toBe('Sort-Object');
    expect(defaultAliases.cp).toBeUndefined(); // Linux pwsh leaves cp/mv/rm/ps to the native tools
  });
  it('hashtables as pipeline values are not enumerated by Select-Object -First', async () => {
    const h = new PSHashtable();
    h.set('a', 1);
    expect((await runCmdlet(selectObject, { First: 1 }, { input: [h] })).output).toEqual([h]);
  });
});
