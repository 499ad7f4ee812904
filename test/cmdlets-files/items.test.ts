import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, makeTempDir, errorOf } from './helpers.js';
import { getMember } from '../../src/runtime/types/index.js';
import { invokeMethod } from '../../src/runtime/types/methods.js';
import { toStr } from '../../src/runtime/values/convert.js';
import { typeNamesOf } from '../../src/runtime/types/index.js';
import { formatForDisplay } from '../../src/runtime/format/index.js';
import { DictionaryEntry } from '../../src/runtime/types/index.js';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
  fs.writeFileSync(path.join(dir, 'b.txt'), 'hello\n');
  fs.writeFileSync(path.join(dir, 'a.log'), 'x');
  fs.writeFileSync(path.join(dir, '.hidden'), 'h');
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub', 'c.txt'), 'c');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const names = (out: unknown[]) => out.map((o) => getMember(o, 'Name'));

describe('Get-ChildItem', () => {
  it('lists directories first, then files, without hidden entries', async () => {
    const r = await run('Get-ChildItem', {}, dir);
    expect(names(r.output)).toEqual(['sub', 'a.log', 'b.txt']);
  });
  it('-Force shows dot files', async () => {
    const r = await run('Get-ChildItem', { Force: true }, dir);
    expect(names(r.output)).toContain('.hidden');
  });
  it('-Recurse walks subdirectories; -Name gives relative paths', async () => {
    const r = await run('Get-ChildItem', { Recurse: true, Name: true }, dir);
    expect(r.output).toEqual(['sub', 'a.log', 'b.txt', 'sub/c.txt']);
  });
  it('-Filter, -Include, -Exclude, -File, -Directory', async () => {
    expect(names((await run('Get-ChildItem', { Filter: '*.txt', Recurse: true }, dir)).output)).toEqual(['b.txt', 'c.txt']);
    expect(names((await run('Get-ChildItem', { Include: ['*.log'] }, dir)).output)).toEqual(['a.log']);
    expect(names((await run('Get-ChildItem', { Exclude: ['*.log'] }, dir)).output)).toEqual(['sub', 'b.txt']);
    expect(names((await run('Get-ChildItem', { File: true }, dir)).output)).toEqual(['a.log', 'b.txt']);
    expect(names((await run('Get-ChildItem', { Directory: true }, dir)).output)).toEqual(['sub']);
  });
  it('-Depth limits recursion', async () => {
    fs.mkdirSync(path.join(dir, 'sub', 'deep'));
    fs.writeFileSync(path.join(dir, 'sub', 'deep', 'd.txt'), 'd');
    const r = await run('Get-ChildItem', { Depth: 1, Name: true }, dir);
    expect(r.output).toContain('sub/deep');
    expect(r.output).not.toContain('sub/deep/d.txt');
  });
  it('wildcard paths match names case-insensitively', async () => {
    const r = await run('Get-ChildItem', { Path: ['*.TXT'] }, dir);
    expect(names(r.output)).toEqual(['b.txt']);
  });
  it('a missing path is a PathNotFound error', async () => {
    const r = await run('Get-ChildItem', { Path: ['nope'] }, dir);
    expect(r.output).toEqual([]);
    const e = errorOf(r.errors[0]);
    expect(e.message).toBe(`Cannot find path '${dir}/nope' because it does not exist.`);
    expect(e.errorId).toBe('PathNotFound');
    expect(e.category).toBe('ObjectNotFound');
    expect(e.exceptionType).toBe('System.Management.Automation.ItemNotFoundException');
  });
});

describe('FileInfo / DirectoryInfo', () => {
  it('has the .NET properties', async () => {
    const [f] = (await run('Get-Item', { Path: ['b.txt'] }, dir)).output;
    expect(getMember(f, 'FullName')).toBe(path.join(dir, 'b.txt'));
    expect(getMember(f, 'Extension')).toBe('.txt');
    expect(getMember(f, 'BaseName')).toBe('b');
    expect(getMember(f, 'Length')).toBe(6n);
    expect(getMember(f, 'DirectoryName')).toBe(dir);
    expect(getMember(getMember(f, 'Directory'), 'Name')).toBe(path.basename(dir));
    expect(getMember(f, 'LastWriteTime')).toBeInstanceOf(Date);
    expect(getMember(f, 'Mode')).toBe('-----');
    expect(getMember(f, 'UnixMode')).toMatch(/^-rw/);
    expect(getMember(f, 'PSIsContainer')).toBe(false);
    expect(typeNamesOf(f)[0]).toBe('System.IO.FileInfo');
    expect(toStr(f)).toBe(path.join(dir, 'b.txt'));
    expect(invokeMethod(f, 'ToString', [])).toBe(path.join(dir, 'b.txt'));
  });
  it('directories are DirectoryInfo with Parent', async () => {
    const [d] = (await run('Get-Item', { Path: ['sub'] }, dir)).output;
    expect(typeNamesOf(d)[0]).toBe('System.IO.DirectoryInfo');
    expect(getMember(d, 'Mode')).toBe('d----');
    expect(getMember(getMember(d, 'Parent'), 'FullName')).toBe(dir);
    expect(getMember(d, 'Length')).toBe(1); // pwsh's intrinsic Length of a scalar
  });
  it('shows pwsh 7.4 Unix directory table', async () => {
    const r = await run('Get-ChildItem', { Path: ['sub'] }, dir);
    const text = formatForDisplay(r.output, 120);
    const lines = text.split('\n').map((l) => l.trimEnd());
    expect(lines).toContain(`    Directory: ${dir}/sub`);
    expect(lines.some((l) => /^UnixMode\s+User Group\s+LastWriteTime\s+Size Name$/.test(l))).toBe(true);
    expect(lines.some((l) => /^-rw-r--r--.* c\.txt$/.test(l) || /^-rw-.* c\.txt$/.test(l))).toBe(true);
  });
});

describe('New-Item / Remove-Item', () => {
  it('creates files with a value and directories with parents', async () => {
    const r = await run('New-Item', { Path: ['n.txt'], Value: 'abc' }, dir);
    expect(fs.readFileSync(path.join(dir, 'n.txt'), 'utf8')).toBe('abc');
    expect(getMember(r.output[0], 'Name')).toBe('n.txt');
    await run('New-Item', { Path: ['x/y/z'], ItemType: 'Directory' }, dir);
    expect(fs.statSync(path.join(dir, 'x/y/z')).isDirectory()).toBe(true);
    await run('New-Item', { Path: ['.'], Name: 'named.txt', ItemType: 'file' }, dir);
    expect(fs.existsSync(path.join(dir, 'named.txt'))).toBe(true);
  });
  it('existing items are errors unless -Force', async () => {
    let r = await run('New-Item', { Path: ['b.txt'] }, dir);
    expect(errorOf(r.errors[0]).message).toBe(`The file '${dir}/b.txt' already exists.`);
    expect(errorOf(r.errors[0]).errorId).toBe('NewItemIOError');
    r = await run('New-Item', { Path: ['sub'], ItemType: 'Directory' }, dir);
    expect(errorOf(r.errors[0]).message).toBe(`An item with the specified name ${dir}/sub already exists.`);
    expect(errorOf(r.errors[0]).errorId).toBe('DirectoryExist');
    r = await run('New-Item', { Path: ['b.txt'], Force: true, Value: 'new' }, dir);
    expect(r.errors).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe('new');
  });
  it('removes files, wildcards and directories with -Recurse', async () => {
    await run('Remove-Item', { Path: ['*.log'] }, dir);
    expect(fs.existsSync(path.join(dir, 'a.log'))).toBe(false);
    await run('Remove-Item', { Path: ['sub'], Recurse: true }, dir);
    expect(fs.existsSync(path.join(dir, 'sub'))).toBe(false);
  });
  it('a missing path is PathNotFound; a non-empty directory without -Recurse fails', async () => {
    const r = await run('Remove-Item', { Path: ['nope.txt'] }, dir);
    expect(errorOf(r.errors[0]).errorId).toBe('PathNotFound');
    await expect(run('Remove-Item', { Path: ['sub'] }, dir)).rejects.toThrow(/NonInteractive/);
    expect(fs.existsSync(path.join(dir, 'sub', 'c.txt'))).toBe(true);
  });
});

describe('Copy-Item / Move-Item / Rename-Item', () => {
  it('copies files and directories', async () => {
    await run('Copy-Item', { Path: ['b.txt'], Destination: 'copy.txt' }, dir);
    expect(fs.readFileSync(path.join(dir, 'copy.txt'), 'utf8')).toBe('hello\n');
    await run('Copy-Item', { Path: ['b.txt'], Destination: 'sub' }, dir);
    expect(fs.existsSync(path.join(dir, 'sub', 'b.txt'))).toBe(true);
    await run('Copy-Item', { Path: ['sub'], Destination: 'sub2', Recurse: true }, dir);
    expect(fs.existsSync(path.join(dir, 'sub2', 'c.txt'))).toBe(true);
    await run('Copy-Item', { Path: ['sub'], Destination: 'sub3' }, dir);
    expect(fs.readdirSync(path.join(dir, 'sub3'))).toEqual([]);
  });
  it('moves and renames', async () => {
    await run('Move-Item', { Path: ['a.log'], Destination: 'sub' }, dir);
    expect(fs.existsSync(path.join(dir, 'sub', 'a.log'))).toBe(true);
    let r = await run('Move-Item', { Path: ['b.txt'], Destination: 'sub/c.txt' }, dir);
    expect(errorOf(r.errors[0]).message).toBe('Cannot create a file when that file already exists.');
    r = await run('Rename-Item', { Path: 'b.txt', NewName: 'renamed.txt', PassThru: true }, dir);
    expect(getMember(r.output[0], 'Name')).toBe('renamed.txt');
    expect(fs.existsSync(path.join(dir, 'renamed.txt'))).toBe(true);
    fs.writeFileSync(path.join(dir, 'other.txt'), '');
    r = await run('Rename-Item', { Path: 'renamed.txt', NewName: 'other.txt' }, dir);
    expect(errorOf(r.errors[0]).errorId).toBe('RenameItemIOError');
  });
});

describe('env: drive', () => {
  const session = () => ({ env: { B: '2', A: '1' } as Record<string, string | undefined> });
  it('Get-ChildItem env: lists sorted DictionaryEntry items', async () => {
    const s = session();
    const r = await run('Get-ChildItem', { Path: ['env:'] }, dir, { session: s as never });
    expect(r.output.map((e) => (e as DictionaryEntry).Key)).toEqual(['A', 'B']);
  });
  it('Get-Item, Test-Path, Set-Item, New-Item, Remove-Item', async () => {
    const s = session();
    expect((await run('Get-Item', { Path: ['env:A'] }, dir, { session: s as never })).output.map((e) => (e as DictionaryEntry).Value)).toEqual(['1']);
    expect((await run('Test-Path', { Path: ['env:A'] }, dir, { session: s as never })).output).toEqual([true]);
    expect((await run('Test-Path', { Path: ['env:Z'] }, dir, { session: s as never })).output).toEqual([false]);
    await run('Set-Item', { Path: ['env:C'], Value: '3' }, dir, { session: s as never });
    expect(s.env.C).toBe('3');
    await run('New-Item', { Path: ['env:D'], Value: '4' }, dir, { session: s as never });
    expect(s.env.D).toBe('4');
    await run('Remove-Item', { Path: ['env:A'] }, dir, { session: s as never });
    expect(s.env.A).toBeUndefined();
    const r = await run('Get-Item', { Path: ['env:A'] }, dir, { session: s as never });
    expect(errorOf(r.errors[0]).errorId).toBe('PathNotFound');
  });
});
