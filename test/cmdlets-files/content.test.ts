import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { run, makeTempDir, errorOf } from './helpers.js';
import { PSObject } from '../../src/runtime/values/objects.js';
import { PSNumber } from '../../src/runtime/values/numbers.js';

let dir: string;
const p = (n: string) => path.join(dir, n);
beforeEach(() => {
  dir = makeTempDir();
  fs.writeFileSync(p('lines.txt'), 'one\ntwo\r\nthree\nfour\n');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Get-Content', () => {
  it('emits lines; -Raw the whole text', async () => {
    expect((await run('Get-Content', { Path: ['lines.txt'] }, dir)).output).toEqual(['one', 'two', 'three', 'four']);
    expect((await run('Get-Content', { Path: ['lines.txt'], Raw: true }, dir)).output).toEqual(['one\ntwo\r\nthree\nfour\n']);
  });
  it('-TotalCount and -Tail', async () => {
    expect((await run('Get-Content', { Path: ['lines.txt'], TotalCount: 2 }, dir)).output).toEqual(['one', 'two']);
    expect((await run('Get-Content', { Path: ['lines.txt'], Tail: 1 }, dir)).output).toEqual(['four']);
  });
  it('-Delimiter splits on the delimiter and trims it (pwsh 6+)', async () => {
    fs.writeFileSync(p('d.txt'), 'a,b,c');
    expect((await run('Get-Content', { Path: ['d.txt'], Delimiter: ',' }, dir)).output).toEqual(['a', 'b', 'c']);
  });
  it('-AsByteStream gives bytes', async () => {
    fs.writeFileSync(p('b.bin'), Buffer.from([1, 255]));
    const r = await run('Get-Content', { Path: ['b.bin'], AsByteStream: true }, dir);
    expect(r.output).toEqual([new PSNumber('Byte', 1), new PSNumber('Byte', 255)]);
  });
  it('strips a BOM and reads UTF-16', async () => {
    fs.writeFileSync(p('u.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hé\n', 'utf16le')]));
    expect((await run('Get-Content', { Path: ['u.txt'] }, dir)).output).toEqual(['hé']);
  });
  it('missing file and directory errors', async () => {
    let r = await run('Get-Content', { Path: ['nope.txt'] }, dir);
    expect(errorOf(r.errors[0]).message).toBe(`Cannot find path '${dir}/nope.txt' because it does not exist.`);
    fs.mkdirSync(p('dd'));
    r = await run('Get-Content', { Path: ['dd'] }, dir);
    expect(errorOf(r.errors[0]).message).toBe(`Unable to get content because it is a directory: '${dir}/dd'. Please use 'Get-ChildItem' instead.`);
  });
});

describe('Set-Content / Add-Content / Clear-Content', () => {
  it('writes lines with newlines; -NoNewline concatenates', async () => {
    await run('Set-Content', { Path: ['s.txt'], Value: ['a', 1] }, dir);
    expect(fs.readFileSync(p('s.txt'), 'utf8')).toBe('a\n1\n');
    await run('Set-Content', { Path: ['s.txt'], Value: ['x', 'y'], NoNewline: true }, dir);
    expect(fs.readFileSync(p('s.txt'), 'utf8')).toBe('xy');
  });
  it('takes pipeline values', async () => {
    await run('Set-Content', { Path: ['s.txt'] }, dir, { input: ['p', 'q'], pipelineParam: 'Value' });
    expect(fs.readFileSync(p('s.txt'), 'utf8')).toBe('p\nq\n');
  });
  it('Add-Content appends (without BOM), Clear-Content empties', async () => {
    fs.writeFileSync(p('a.txt'), 'first');
    await run('Add-Content', { Path: ['a.txt'], Value: ['second'] }, dir);
    expect(fs.readFileSync(p('a.txt'), 'utf8')).toBe('firstsecond\n');
    await run('Clear-Content', { Path: ['a.txt'] }, dir);
    expect(fs.readFileSync(p('a.txt'), 'utf8')).toBe('');
  });
  it('encodings: utf8BOM, unicode, ascii', async () => {
    await run('Set-Content', { Path: ['e.txt'], Value: ['é'], Encoding: 'utf8BOM' }, dir);
    expect([...fs.readFileSync(p('e.txt'))]).toEqual([0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0x0a]);
    await run('Set-Content', { Path: ['e.txt'], Value: ['a'], Encoding: 'unicode' }, dir);
    expect([...fs.readFileSync(p('e.txt'))]).toEqual([0xff, 0xfe, 0x61, 0, 0x0a, 0]);
    await run('Set-Content', { Path: ['e.txt'], Value: ['é'], Encoding: 'ascii' }, dir);
    expect(fs.readFileSync(p('e.txt'), 'latin1')).toBe('?\n');
  });
  it('a missing directory is an error and leaves nothing behind', async () => {
    const r = await run('Set-Content', { Path: ['no/dir.txt'], Value: ['x'] }, dir);
    expect(errorOf(r.errors[0]).message).toBe(`Could not find a part of the path '${dir}/no/dir.txt'.`);
  });
  it('writes through a temp file and a rename (no partial file, no temp left over)', async () => {
    fs.writeFileSync(p('keep.txt'), 'old');
    const before = fs.statSync(p('keep.txt')).ino;
    await run('Set-Content', { Path: ['keep.txt'], Value: ['new'] }, dir);
    expect(fs.statSync(p('keep.txt')).ino).not.toBe(before);
    expect(fs.readFileSync(p('keep.txt'), 'utf8')).toBe('new\n');
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
  it('a failed write keeps the old file intact', async () => {
    fs.writeFileSync(p('keep.txt'), 'old');
    fs.chmodSync(dir, 0o500);
    try {
      if (process.getuid && process.getuid() === 0) return; // root ignores permissions
      const r = await run('Set-Content', { Path: ['keep.txt'], Value: ['new'] }, dir);
      expect(r.errors.length).toBe(1);
      expect(fs.readFileSync(p('keep.txt'), 'utf8')).toBe('old');
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  });
});

describe('Out-File', () => {
  it('writes the formatted text of objects', async () => {
    const o = PSObject.fromEntries([['Name', 'x'], ['Value', 1]]);
    await run('Out-File', { FilePath: 'o.txt' }, dir, { input: [o] });
    const text = fs.readFileSync(p('o.txt'), 'utf8');
    expect(text.split('\n').map((l) => l.trimEnd())).toEqual(['', 'Name Value', '---- -----', 'x        1', '', '']);
  });
  it('strings, -Append, -NoNewline, -Encoding unicode', async () => {
    await run('Out-File', { FilePath: 'o.txt' }, dir, { input: ['a', 'b'] });
    expect(fs.readFileSync(p('o.txt'), 'utf8')).toBe('a\nb\n');
    await run('Out-File', { FilePath: 'o.txt', Append: true }, dir, { input: ['c'] });
    expect(fs.readFileSync(p('o.txt'), 'utf8')).toBe('a\nb\nc\n');
    await run('Out-File', { FilePath: 'n.txt', NoNewline: true }, dir, { input: ['a', 'b'] });
    expect(fs.readFileSync(p('n.txt'), 'utf8')).toBe('ab');
    await run('Out-File', { FilePath: 'u.txt', Encoding: 'unicode' }, dir, { input: ['a'] });
    expect([...fs.readFileSync(p('u.txt'))]).toEqual([0xff, 0xfe, 0x61, 0, 0x0a, 0]);
  });
  it('-NoClobber refuses an existing file', async () => {
    fs.writeFileSync(p('x.txt'), 'keep');
    await expect(run('Out-File', { FilePath: 'x.txt', NoClobber: true }, dir, { input: ['a'] })).rejects.toThrow(`The file '${dir}/x.txt' already exists.`);
    expect(fs.readFileSync(p('x.txt'), 'utf8')).toBe('keep');
  });
});
