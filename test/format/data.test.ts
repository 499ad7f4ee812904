import { describe, expect, test } from 'vitest';
import { PSObject, PSHashtable, PSOrderedHashtable } from '../../src/runtime/values/objects.js';
import { PSDouble } from '../../src/runtime/values/numbers.js';
import { makeDate } from '../../src/runtime/types/index.js';
import { toJson, fromJson } from '../../src/runtime/format/json.js';
import { csvHeader, csvRow, csvToObjects, type ToCsvOptions } from '../../src/runtime/format/csv.js';
import { cmdlets as dataCmdlets } from '../../src/cmdlets/core/data-cmdlets.js';

const o = (e: Record<string, unknown>) => PSObject.fromEntries(Object.entries(e));
const opts = { depth: 2, compress: false, enumsAsStrings: false };

describe('ConvertTo-Json', () => {
  test('2-space indentation, "key": value, arrays', () => {
    expect(toJson(o({ a: 1, b: 'x', c: [1, 2], d: null, e: true }), opts)).toBe(
      '{\n  "a": 1,\n  "b": "x",\n  "c": [\n    1,\n    2\n  ],\n  "d": null,\n  "e": true\n}',
    );
    expect(toJson(o({ a: [], b: o({}) }), opts)).toBe('{\n  "a": [],\n  "b": {}\n}');
  });
  test('-Compress, doubles keep .0, escaping', () => {
    expect(toJson(o({ a: new PSDouble(1), b: 1.5, s: 'q"\\\n\t<é>' }), { ...opts, compress: true })).toBe('{"a":1.0,"b":1.5,"s":"q\\"\\\\\\n\\t<é>"}');
  });
  test('depth truncation writes the string form and warns once', () => {
    const warn: string[] = [];
    const v = o({ a: o({ b: o({ c: o({ d: 1 }) }) }) });
    expect(toJson(v, { ...opts, compress: true, onTruncated: () => warn.push('w') })).toBe('{"a":{"b":{"c":"@{d=1}"}}}');
    expect(warn).toEqual(['w']);
  });
  test('dates by kind', () => {
    expect(toJson(makeDate(Date.UTC(2024, 0, 15, 10, 30), 'Utc'), opts)).toBe('"2024-01-15T10:30:00Z"');
    const h = new PSHashtable(true);
    h.set('k', 'v');
    expect(toJson(h, { ...opts, compress: true })).toBe('{"k":"v"}');
  });
});

describe('ConvertFrom-Json', () => {
  test('objects keep property order; integers are Int64, reals Double', () => {
    const v = fromJson('{"b": 1, "a": [1.5, "x", null], "c": {"d": true}}', { asHashtable: false, depth: 1024 }) as PSObject;
    expect([...v.properties()].map((m) => m.name)).toEqual(['b', 'a', 'c']);
    expect(v.getMember('b')!.value).toBe(1n);
    expect(v.getMember('a')!.value).toEqual([1.5, 'x', null]);
  });
  test('-AsHashtable gives an OrderedHashtable (a Hashtable keeping key order); ISO dates become DateTime', () => {
    const h = fromJson('{"z":1,"a":"2024-01-15T10:30:00Z"}', { asHashtable: true, depth: 1024 }) as PSHashtable;
    expect(h).toBeInstanceOf(PSOrderedHashtable);
    expect([...h.keys()]).toEqual(['z', 'a']);
    expect((h.get('a') as Date).toISOString()).toBe('2024-01-15T10:30:00.000Z');
  });
  test('invalid JSON throws', () => {
    expect(() => fromJson('{"a":', { asHashtable: false, depth: 1024 })).toThrow();
  });
});

describe('CSV', () => {
  const csv: ToCsvOptions = { delimiter: ',', useQuotes: 'Always', includeTypeInformation: false };
  test('quotes everything by default; AsNeeded / Never', () => {
    const x = o({ a: 'x,y', b: 'say "hi"', c: null });
    expect(csvHeader(['a', 'b', 'c'], csv)).toBe('"a","b","c"');
    expect(csvRow(x, ['a', 'b', 'c'], csv)).toBe('"x,y","say ""hi""",');
    expect(csvRow(x, ['a', 'b', 'c'], { ...csv, useQuotes: 'AsNeeded' })).toBe('"x,y","say ""hi""",');
    expect(csvRow(o({ a: 1 }), ['a'], { ...csv, useQuotes: 'Never' })).toBe('1');
  });
  test('round trip through ConvertFrom-Csv', () => {
    const text = [csvHeader(['a', 'b'], csv), csvRow(o({ a: 'x,y', b: 'l1\nl2' }), ['a', 'b'], csv)].join('\n');
    const back = csvToObjects(text, ',');
    expect(back.length).toBe(1);
    expect(back[0]!.getMember('a')!.value).toBe('x,y');
    expect(back[0]!.getMember('b')!.value).toBe('l1\nl2');
  });
  test('-Header and #TYPE', () => {
    const objs = csvToObjects('#TYPE Foo\n1;2\n', ';', ['p', 'q']);
    // pwsh names the objects `Foo` then `CSV:Foo` (and nothing else).
    expect(objs[0]!.typeNames).toEqual(['Foo', 'CSV:Foo']);
    expect(objs[0]!.getMember('q')!.value).toBe('2');
  });
});

describe('data cmdlets', () => {
  function run(name: string, params: Record<string, unknown>, inputs: unknown[]) {
    const decl = dataCmdlets.find((c) => c.name === name)!;
    const out: unknown[] = [];
    const warnings: string[] = [];
    const ctx: any = {
      params: { ...params },
      state: decl.init?.(),
      isBound: (n: string) => n in ctx.params,
      expectingInput: true,
      write: (v: unknown, e?: boolean) => void (e && Array.isArray(v) ? out.push(...v) : out.push(v)),
      writeWarning: (m: string) => warnings.push(m),
      throwTerminating: (e: { message: string }) => {
        throw new Error(e.message);
      },
    };
    decl.begin?.(ctx);
    for (const i of inputs) {
      ctx.params.InputObject = i;
      decl.process?.(ctx);
    }
    decl.end?.(ctx);
    return { out, warnings };
  }
  test('ConvertTo-Json collects pipeline input into an array; warns on depth', () => {
    expect(run('ConvertTo-Json', { Compress: true }, [1, 2]).out).toEqual(['[1,2]']);
    expect(run('ConvertTo-Json', { Compress: true, AsArray: true }, [1]).out).toEqual(['[1]']);
    const r = run('ConvertTo-Json', { Depth: 0, Compress: true }, [o({ a: o({ b: 1 }) })]);
    expect(r.out).toEqual(['{"a":"@{b=1}"}']);
    expect(r.warnings).toEqual(['Resulting JSON is truncated as serialization has exceeded the set depth of 0.']);
  });
  test('ConvertFrom-Json enumerates arrays unless -NoEnumerate', () => {
    expect(run('ConvertFrom-Json', {}, ['[1,', '2]']).out).toEqual([1n, 2n]);
    expect(run('ConvertFrom-Json', { NoEnumerate: true }, ['[1,2]']).out).toEqual([[1n, 2n]]);
  });
  test('ConvertTo-Csv writes the header once', () => {
    expect(run('ConvertTo-Csv', {}, [o({ a: 1, b: 2 }), o({ a: 3, b: 4 })]).out).toEqual(['"a","b"', '"1","2"', '"3","4"']);
  });
});
