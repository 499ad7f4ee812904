import { describe, expect, test } from 'vitest';
import { PSObject, PSHashtable } from '../../src/runtime/values/objects.js';
import { PSDouble } from '../../src/runtime/values/numbers.js';
import { outString, createOutDefault, formatTable, formatList, formatWide, registerView, FormattedText } from '../../src/runtime/format/index.js';

const o = (e: Record<string, unknown>) => PSObject.fromEntries(Object.entries(e));
const text = (lines: string[]) => lines.join('\n');

describe('tables', () => {
  test('widths from data, numbers right-aligned with their header', () => {
    expect(outString([o({ a: 'abc', b: 123 })])).toBe('\na     b\n-     -\nabc 123\n\n');
    expect(outString([o({ a: 123, b: 'abc' })])).toBe('\n  a b\n  - -\n123 abc\n\n');
  });
  test('rows share the header; widths from all buffered rows', () => {
    expect(outString([o({ abc: '1234', bcd: '123' }), o({ abc: '1', bcd: '1234' })])).toBe('\nabc  bcd\n---  ---\n1234 123\n1    1234\n\n');
  });
  test('later objects of another shape use the first columns (pwsh behaviour)', () => {
    expect(outString([o({ a: 1 }), o({ b: 2 })])).toBe('\na\n-\n1\n\n\n');
  });
  test('scalars print on their own line, also between rows', () => {
    expect(outString(['x', o({ a: 1 }), 'y'])).toBe('x\n\na\n-\n1\ny\n\n');
  });
  test('truncation with an ellipsis at the screen width', () => {
    const lines = outString([o({ n: 'ab', v: 'x'.repeat(30) })], 20, true) as string[];
    expect(lines).toEqual(['', 'n  v', '-  -', 'ab ' + 'x'.repeat(16) + '\u2026', '']);
  });
  test('multi-line values show their first line with an ellipsis; -Wrap shows all', () => {
    expect(text(formatTable([o({ A: 1, Name: 'This\nIs' })]))).toBe('\nA Name\n- ----\n1 This\u2026\n');
    expect(text(formatTable([o({ A: 1, B: 2, Name: 'This\nIs some random\nmultiline content' })], { wrap: true }))).toBe(
      '\nA B Name\n- - ----\n1 2 This\n    Is some random\n    multiline content\n',
    );
  });
  test('cell values: collections, nulls, nested objects, doubles with 2 decimals', () => {
    expect(outString([o({ a: [1, 2, 3, 4, 5], b: 1.5, c: null, d: o({ p: 1, q: 'x' }) })])).toBe(
      '\na                b c d\n-                - - -\n{1, 2, 3, 4\u2026} 1.50   @{p=1; q=x}\n\n',
    );
    expect(outString([o({ d: new PSDouble(2) })])).toBe('\n   d\n   -\n2.00\n\n');
  });
  test('hashtables: Name column 30 wide', () => {
    const h = new PSHashtable();
    h.set('a', 1);
    h.set('bb', 'x');
    expect(outString([h])).toBe('\nName                           Value\n----                           -----\na                              1\nbb                             x\n\n');
  });
  test('calculated columns: width, alignment, label', () => {
    const lines = formatTable([o({ one: 1 })], { properties: [{ label: 'one', property: 'one', width: 10, alignment: 'Center' }] });
    expect(text(lines)).toBe('\n   one\n   ---\n    1\n');
  });
  test('-HideTableHeaders and -GroupBy', () => {
    expect(text(formatTable([o({ a: 1, b: 2 })], { hideTableHeaders: true }))).toBe('\n1 2\n');
    const lines = formatTable([o({ k: 'x', v: 1 }), o({ k: 'y', v: 2 })], { groupBy: { label: 'k', property: 'k' }, properties: [{ label: 'v', property: 'v' }] });
    expect(text(lines)).toBe('\n   k: x\n\nv\n-\n1\n\n   k: y\n\nv\n-\n2\n');
  });
});

describe('lists', () => {
  test('5+ properties show as a list with padded names', () => {
    expect(outString([o({ a: 1, bb: 2, c: 3, d: 4, eeeee: 5 }), o({ x: 1, y: 2, z: 3, w: 4, v: 5 })])).toBe(
      '\na     : 1\nbb    : 2\nc     : 3\nd     : 4\neeeee : 5\n\nx : 1\ny : 2\nz : 3\nw : 4\nv : 5\n\n',
    );
  });
  test('Format-List wraps long values under the value column', () => {
    expect(formatList([o({ ab: 'x'.repeat(12) })], { width: 12 })).toEqual(['', 'ab : xxxxxxx', '     xxxxx', '']);
  });
  test('multi-line values are indented', () => {
    expect(formatList([o({ a: 'l1\nl2', bbb: 1 })])).toEqual(['', 'a   : l1', '      l2', 'bbb : 1', '']);
  });
});

describe('wide', () => {
  test('two columns by default, -Column', () => {
    const items = ['a', 'b', 'c'].map((n) => o({ Name: n }));
    expect(formatWide(items, { width: 21 })).toEqual(['', 'a          b', 'c', '']);
    expect(formatWide(items, { width: 20, columns: 3 })).toEqual(['', 'a      b      c', '']);
  });
});

describe('views', () => {
  test('a registered table view is used for its type', () => {
    registerView('Test.Bucket', { table: { columns: [{ label: 'CreationDate', width: 12 }, { label: 'BucketName' }] } });
    const b = new PSObject(['Test.Bucket', 'System.Object']);
    b.setProperty('BucketName', 'bkt');
    b.setProperty('CreationDate', 'today');
    b.setProperty('Other', 1);
    expect(outString([b])).toBe('\nCreationDate BucketName\n------------ ----------\ntoday        bkt\n\n');
  });
  test('an object the current view does not apply to is shown out of band as a list', () => {
    const b = new PSObject(['Test.Bucket', 'System.Object']);
    b.setProperty('BucketName', 'bkt');
    b.setProperty('CreationDate', 'd');
    expect(outString([b, o({ x: 1 })])).toBe('\nCreationDate BucketName\n------------ ----------\nd            bkt\n\nx : 1\n\n\n');
  });
  test('DateTime shows the long date and time', () => {
    const d = new Date(2024, 0, 15, 10, 30, 0);
    expect(outString([d])).toBe('\nMonday, January 15, 2024 10:30:00 AM\n\n');
  });
  test('GroupInfo view', () => {
    const g = new PSObject(['Microsoft.PowerShell.Commands.GroupInfo', 'System.Object']);
    g.setProperty('Count', 2);
    g.setProperty('Name', 'a');
    g.setProperty('Group', ['a', 'a']);
    expect((outString([g], 50, true) as string[]).slice(1, 4)).toEqual([
      'Count Name                      Group',
      '----- ----                      -----',
      '    2 a                         {a, a}',
    ]);
  });
});

describe('Out-Default streaming', () => {
  test('tables are buffered until flush; console width is one less', () => {
    const od = createOutDefault(21);
    expect(od.write('hi')).toBe('hi\n');
    expect(od.write(o({ n: 'ab', v: 'x'.repeat(30) }))).toBe('\n');
    expect(od.flush()).toBe('n  v\n-  -\nab ' + 'x'.repeat(16) + '\u2026\n\n');
  });
  test('FormattedText renders at the output width', () => {
    const ft = new FormattedText((w) => [`width ${w}`]);
    expect(outString([ft], 80)).toBe('width 80\n');
  });
});
