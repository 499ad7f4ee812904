import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, makeTempDir, errorOf } from './helpers.js';
import { getMember, typeNamesOf } from '../../src/runtime/types/index.js';
import { PSObject, PSHashtable } from '../../src/runtime/values/objects.js';
import { toStr } from '../../src/runtime/values/convert.js';
import { invokeMethod } from '../../src/runtime/types/methods.js';
import { formatForDisplay } from '../../src/runtime/format/index.js';
import type { MatchInfo } from '../../src/cmdlets/core/select-string.js';
import type { MemberDefinition } from '../../src/cmdlets/core/object-cmdlets.js';

let dir: string;
const p = (n: string) => path.join(dir, n);
beforeEach(() => {
  dir = makeTempDir();
  fs.writeFileSync(p('a.txt'), 'alpha\nbeta\ngamma\ndelta\n');
  fs.writeFileSync(p('b.txt'), 'BETA\n');
  fs.mkdirSync(p('sub'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Test-Path / Resolve-Path', () => {
  it('-PathType, wildcards, -IsValid', async () => {
    const t = async (params: Record<string, unknown>) => (await run('Test-Path', params, dir)).output[0];
    expect(await t({ Path: ['a.txt'] })).toBe(true);
    expect(await t({ Path: ['nope'] })).toBe(false);
    expect(await t({ Path: ['a.txt'], PathType: 'Container' })).toBe(false);
    expect(await t({ Path: ['sub'], PathType: 'Container' })).toBe(true);
    expect(await t({ Path: ['sub'], PathType: 'Leaf' })).toBe(false);
    expect(await t({ Path: ['*.txt'] })).toBe(true);
    expect(await t({ Path: ['*.md'] })).toBe(false);
    expect(await t({ Path: ['no/such/file'], IsValid: true })).toBe(true);
  });
  it('Resolve-Path gives PathInfo; -Relative; missing path error', async () => {
    let r = await run('Resolve-Path', { Path: ['*.txt'] }, dir);
    expect(r.output.map((o) => getMember(o, 'Path'))).toEqual([p('a.txt'), p('b.txt')]);
    r = await run('Resolve-Path', { Path: ['a.txt'], Relative: true }, dir);
    expect(r.output).toEqual(['./a.txt']);
    r = await run('Resolve-Path', { Path: ['zz'] }, dir);
    expect(errorOf(r.errors[0]).errorId).toBe('PathNotFound');
  });
});

describe('Join-Path / Split-Path', () => {
  it('joins with one separator', async () => {
    expect((await run('Join-Path', { Path: ['a/'], ChildPath: '/b' }, dir)).output).toEqual(['a/b']);
    expect((await run('Join-Path', { Path: ['a', 'x'], ChildPath: 'b', AdditionalChildPath: ['c', 'd'] }, dir)).output).toEqual(['a/b/c/d', 'x/b/c/d']);
  });
  it('splits', async () => {
    const s = async (params: Record<string, unknown>) => (await run('Split-Path', { Path: ['/usr/lib/file.tar.gz'], ...params }, dir)).output[0];
    expect(await s({})).toBe('/usr/lib');
    expect(await s({ Leaf: true })).toBe('file.tar.gz');
    expect(await s({ LeafBase: true })).toBe('file.tar');
    expect(await s({ Extension: true })).toBe('.gz');
    expect(await s({ IsAbsolute: true })).toBe(true);
    expect((await run('Split-Path', { Path: ['/usr'] }, dir)).output).toEqual(['/']);
    expect((await run('Split-Path', { Path: ['file.txt'] }, dir)).output).toEqual(['']);
    const r = await run('Split-Path', { Path: ['/usr'], Qualifier: true }, dir);
    expect(errorOf(r.errors[0]).errorId).toBe('ParsePathFormatError');
  });
});

describe('Select-String', () => {
  it('matches pipeline strings into MatchInfo', async () => {
    const r = await run('Select-String', { Pattern: ['b.t'] }, dir, { input: ['alpha', 'beta', 'BETA'], parameterSet: 'Object' });
    const m = r.output as MatchInfo[];
    expect(m.map((x) => x.Line)).toEqual(['beta', 'BETA']);
    expect(m.map((x) => x.LineNumber)).toEqual([2, 3]);
    expect(m[0].Filename).toBe('InputStream');
    expect(getMember(m[0].Matches[0], 'Value')).toBe('bet');
    expect(toStr(m[0])).toBe('beta');
    expect(typeNamesOf(m[0])[0]).toBe('Microsoft.PowerShell.Commands.MatchInfo');
  });
  it('-CaseSensitive, -NotMatch, -SimpleMatch, -AllMatches, -Raw, -Quiet', async () => {
    const sel = async (params: Record<string, unknown>, input: unknown[]) => (await run('Select-String', params, dir, { input, parameterSet: 'Object' })).output;
    expect((await sel({ Pattern: ['beta'], CaseSensitive: true }, ['beta', 'BETA'])).length).toBe(1);
    expect((await sel({ Pattern: ['beta'], NotMatch: true, Raw: true }, ['beta', 'x']))).toEqual(['x']);
    expect((await sel({ Pattern: ['a.b'], SimpleMatch: true, Raw: true }, ['a.b', 'axb']))).toEqual(['a.b']);
    const all = (await sel({ Pattern: ['a'], AllMatches: true }, ['banana'])) as MatchInfo[];
    expect(all[0].Matches.map((m) => m.Index)).toEqual([1, 3, 5]);
    // Piped text that never matches: no output (pwsh writes False only for searched files).
    expect(await sel({ Pattern: ['zz'], Quiet: true }, ['a'])).toEqual([]);
    expect(await sel({ Pattern: ['a'], Quiet: true }, ['a', 'a'])).toEqual([true]);
  });
  it('searches files with wildcards and shows path:line:text', async () => {
    const r = await run('Select-String', { Pattern: ['beta'], Path: ['*.txt'] }, dir);
    const m = r.output as MatchInfo[];
    expect(m.map((x) => [x.Filename, x.LineNumber, x.Line])).toEqual([['a.txt', 2, 'beta'], ['b.txt', 1, 'BETA']]);
    expect(m[0].Path).toBe(p('a.txt'));
    expect(toStr(m[0])).toBe('a.txt:2:beta');
    expect(formatForDisplay(m, 120)).toContain('a.txt:2:beta\nb.txt:1:BETA');
  });
  it('-Context gives pre/post lines and > markers', async () => {
    const r = await run('Select-String', { Pattern: ['gamma'], Path: ['a.txt'], Context: [1, 1] }, dir);
    const m = r.output[0] as MatchInfo;
    expect(m.Context!.PreContext).toEqual(['beta']);
    expect(m.Context!.PostContext).toEqual(['delta']);
    expect(toStr(m)).toBe('  a.txt:2:beta\n> a.txt:3:gamma\n  a.txt:4:delta');
  });
  it('-List stops at the first match per file', async () => {
    const r = await run('Select-String', { Pattern: ['a'], Path: ['a.txt'], List: true }, dir);
    expect(r.output.length).toBe(1);
  });
});

describe('New-Object / Add-Member / Get-Member', () => {
  it('New-Object PSObject -Property', async () => {
    const h = new PSHashtable();
    h.set('A', 1);
    h.set('B', 'x');
    const r = await run('New-Object', { TypeName: 'PSObject', Property: h }, dir);
    const o = r.output[0] as PSObject;
    expect(o).toBeInstanceOf(PSObject);
    expect(getMember(o, 'a')).toBe(1);
    expect(getMember(o, 'B')).toBe('x');
  });
  it('New-Object with an unknown type is TypeNotFound', async () => {
    await expect(run('New-Object', { TypeName: 'No.Such.Type' }, dir)).rejects.toThrow(
      'Cannot find type [No.Such.Type]: verify that the assembly containing this type is loaded.',
    );
  });
  it('Add-Member NoteProperty / ScriptMethod-like / -NotePropertyMembers / -PassThru / -Force', async () => {
    const o = new PSObject();
    await run('Add-Member', { InputObject: o, MemberType: 'NoteProperty', Name: 'n', Value: 5 }, dir);
    expect(getMember(o, 'n')).toBe(5);
    await run('Add-Member', { InputObject: o, NotePropertyName: 'm', NotePropertyValue: 'v' }, dir);
    expect(getMember(o, 'm')).toBe('v');
    const h = new PSHashtable();
    h.set('p', 1);
    h.set('q', 2);
    const r = await run('Add-Member', { InputObject: o, NotePropertyMembers: h, PassThru: true }, dir);
    expect(r.output[0]).toBe(o);
    expect([...o.properties()].map((m) => m.name)).toEqual(['n', 'm', 'p', 'q']);
    await run('Add-Member', { InputObject: o, MemberType: 'AliasProperty', Name: 'nn', Value: 'n' }, dir);
    expect(getMember(o, 'nn')).toBe(5);
    let e = await run('Add-Member', { InputObject: o, NotePropertyName: 'n', NotePropertyValue: 1 }, dir);
    expect(errorOf(e.errors[0]).errorId).toBe('MemberAlreadyExists');
    e = await run('Add-Member', { InputObject: o, NotePropertyName: 'n', NotePropertyValue: 9, Force: true }, dir);
    expect(getMember(o, 'n')).toBe(9);
    await run('Add-Member', { InputObject: o, TypeName: 'My.Type' }, dir);
    expect(typeNamesOf(o)[0]).toBe('My.Type');
  });
  it('Add-Member on a non-PSObject wraps it (with -PassThru)', async () => {
    const r = await run('Add-Member', { InputObject: 'abc', NotePropertyName: 'x', NotePropertyValue: 1, PassThru: true }, dir);
    const w = r.output[0] as PSObject;
    expect(getMember(w, 'x')).toBe(1);
    expect(getMember(w, 'Length')).toBe(3);
    expect(toStr(w)).toBe('abc');
    expect(invokeMethod(w, 'ToUpper', [])).toBe('ABC');
  });
  it('Get-Member lists a PSCustomObject like pwsh', async () => {
    const o = PSObject.fromEntries([['a', 1], ['s', 'x'], ['arr', [1, 2]], ['n', null]]);
    const r = await run('Get-Member', {}, dir, { input: [o] });
    const defs = r.output as MemberDefinition[];
    expect(defs.map((d) => [d.Name, d.MemberType, d.Definition])).toEqual([
      ['Equals', 'Method', 'bool Equals(System.Object obj)'],
      ['GetHashCode', 'Method', 'int GetHashCode()'],
      ['GetType', 'Method', 'type GetType()'],
      ['ToString', 'Method', 'string ToString()'],
      ['a', 'NoteProperty', 'int a=1'],
      ['arr', 'NoteProperty', 'Object[] arr=System.Object[]'],
      ['n', 'NoteProperty', 'object n=null'],
      ['s', 'NoteProperty', 'string s=x'],
    ]);
    const text = formatForDisplay(defs, 120).split('\n').map((l) => l.trimEnd());
    expect(text).toContain('   TypeName: System.Management.Automation.PSCustomObject');
    expect(text).toContain('a           NoteProperty int a=1');
  });
  it('Get-Member -MemberType and -Name filter; types are listed once', async () => {
    const o1 = PSObject.fromEntries([['a', 1], ['b', 2]]);
    const o2 = PSObject.fromEntries([['a', 1], ['b', 2]]);
    let r = await run('Get-Member', { MemberType: ['NoteProperty'] }, dir, { input: [o1, o2] });
    expect((r.output as MemberDefinition[]).map((d) => d.Name)).toEqual(['a', 'b']);
    r = await run('Get-Member', { Name: ['b*'] }, dir, { input: [o1] });
    expect((r.output as MemberDefinition[]).map((d) => d.Name)).toEqual(['b']);
  });
});
