import { describe, it, expect } from 'vitest';
import { runCmdlet, TerminatingError } from './fake-context.js';
import { PSObject, PSHashtable } from '../../src/runtime/values/objects.js';
import { forEachObject } from '../../src/cmdlets/core/foreach-object.js';
import { whereObject } from '../../src/cmdlets/core/where-object.js';
import { selectObject } from '../../src/cmdlets/core/select-object.js';
import { sortObject } from '../../src/cmdlets/core/sort-object.js';
import { groupObject } from '../../src/cmdlets/core/group-object.js';
import { measureObject } from '../../src/cmdlets/core/measure-object.js';
import { compareObject } from '../../src/cmdlets/core/compare-object.js';
import { getUnique } from '../../src/cmdlets/core/get-unique.js';
import { toJsNumber } from '../../src/runtime/values/numbers.js';

const obj = (props: Record<string, unknown>) => PSObject.fromEntries(Object.entries(props));
const prop = (o: unknown, name: string) => (o as PSObject).getMember(name)?.value;
const ht = (props: Record<string, unknown>) => {
  const h = new PSHashtable();
  for (const [k, v] of Object.entries(props)) h.set(k, v);
  return h;
};

describe('ForEach-Object', () => {
  it('runs -Process per item with $_ and streams output', async () => {
    const r = await runCmdlet(forEachObject, { Process: [(x: unknown) => (x as number) * 2] }, { input: [1, 2, 3] });
    expect(r.output).toEqual([2, 4, 6]);
  });
  it('treats the first of two unnamed blocks as Begin and the last of three as End', async () => {
    const log: string[] = [];
    const r = await runCmdlet(
      forEachObject,
      { Process: [() => void log.push('b')], RemainingScripts: [(x: unknown) => x, () => 'end'] },
      { input: [1, 2] },
    );
    expect(log).toEqual(['b']);
    expect(r.output).toEqual([1, 2, 'end']);
  });
  it('runs once with no input when first in the pipeline', async () => {
    const r = await runCmdlet(forEachObject, { Process: [() => 'hi'] });
    expect(r.output).toEqual(['hi']);
  });
  it('-MemberName reads a property and unrolls collections', async () => {
    const r = await runCmdlet(forEachObject, { MemberName: 'Name' }, { input: [obj({ Name: 'a' }), obj({ Name: ['b', 'c'] })] });
    expect(r.output).toEqual(['a', 'b', 'c']);
  });
  it('-MemberName on a hashtable reads the key; $null input writes $null', async () => {
    const r = await runCmdlet(forEachObject, { MemberName: 'k' }, { input: [ht({ k: 5 }), null] });
    expect(r.output).toEqual([5, null]);
  });
});

describe('Where-Object', () => {
  const items = [obj({ Name: 'Alpha', N: 1 }), obj({ Name: 'beta', N: 5 }), obj({ Name: 'Gamma', N: 0 })];
  it('filters with a script block', async () => {
    const r = await runCmdlet(whereObject, { FilterScript: (x: unknown) => toJsNumber(prop(x, 'N')) > 0 }, { input: items });
    expect(r.output.map((o) => prop(o, 'Name'))).toEqual(['Alpha', 'beta']);
  });
  it('simplified syntax: Name -eq value (case-insensitive) and -CEQ', async () => {
    const r = await runCmdlet(whereObject, { Property: 'Name', EQ: true, Value: 'BETA' }, { input: items });
    expect(r.output).toHaveLength(1);
    const c = await runCmdlet(whereObject, { Property: 'Name', CEQ: true, Value: 'BETA' }, { input: items });
    expect(c.output).toHaveLength(0);
  });
  it('simplified syntax: -Like, -GT, -Match, -In, -Not', async () => {
    expect((await runCmdlet(whereObject, { Property: 'Name', Like: true, Value: '*a' }, { input: items })).output).toHaveLength(3);
    expect((await runCmdlet(whereObject, { Property: 'N', GT: true, Value: 1 }, { input: items })).output).toHaveLength(1);
    expect((await runCmdlet(whereObject, { Property: 'Name', Match: true, Value: '^g' }, { input: items })).output).toHaveLength(1);
    expect((await runCmdlet(whereObject, { Property: 'N', In: true, Value: [0, 1] }, { input: items })).output).toHaveLength(2);
    expect((await runCmdlet(whereObject, { Property: 'N', Not: true }, { input: items })).output).toHaveLength(1);
  });
  it('`Where-Object Name` alone tests the property for truth', async () => {
    const r = await runCmdlet(whereObject, { Property: 'N' }, { input: items });
    expect(r.output).toHaveLength(2);
  });
  it('an operator without -Value is a terminating error', async () => {
    await expect(runCmdlet(whereObject, { Property: 'N', GT: true }, { input: items })).rejects.toThrow(/requires both the -Property and -Value/);
  });
  it('-Property and -Value without an operator is an error', async () => {
    const e = await runCmdlet(whereObject, { Property: 'N', Value: 1 }, { input: items }).catch((x) => x);
    expect(e).toBeInstanceOf(TerminatingError);
    expect((e as TerminatingError).details).toMatchObject({ errorId: 'OperatorNotSpecified' });
  });
});

describe('Select-Object', () => {
  const items = [obj({ Name: 'a', Size: 1, Extra: true }), obj({ Name: 'b', Size: 2, Extra: false })];
  it('selects properties into Selected.* PSCustomObjects', async () => {
    const r = await runCmdlet(selectObject, { Property: ['Name'] }, { input: items });
    const o = r.output[0] as PSObject;
    expect([...o.properties()].map((m) => m.name)).toEqual(['Name']);
    expect(o.typeNames[0]).toBe('Selected.System.Management.Automation.PSCustomObject');
  });
  it('supports wildcards, calculated properties and missing names', async () => {
    const calc = ht({ n: 'Double', e: (x: unknown) => toJsNumber(prop(x, 'Size')) * 2 });
    const r = await runCmdlet(selectObject, { Property: ['N*', calc, 'Missing'] }, { input: items });
    const o = r.output[1] as PSObject;
    expect([...o.properties()].map((m) => [m.name, m.value])).toEqual([['Name', 'b'], ['Double', 4], ['Missing', null]]);
  });
  it('calculated property with a string expression and Label key', async () => {
    const r = await runCmdlet(selectObject, { Property: [ht({ Label: 'N', Expression: 'Name' })] }, { input: items });
    expect(prop(r.output[0], 'N')).toBe('a');
  });
  it('-ExcludeProperty alone implies *', async () => {
    const r = await runCmdlet(selectObject, { ExcludeProperty: ['Extra'] }, { input: items });
    expect([...(r.output[0] as PSObject).properties()].map((m) => m.name)).toEqual(['Name', 'Size']);
  });
  it('-ExpandProperty enumerates the value; missing property is an error', async () => {
    const r = await runCmdlet(selectObject, { ExpandProperty: 'L' }, { input: [obj({ L: [1, 2] }), obj({ X: 1 })] });
    expect(r.output).toEqual([1, 2]);
    expect(r.errors[0]).toMatchObject({ errorId: 'ExpandPropertyNotFound', message: 'Property "L" cannot be found.' });
  });
  it('-First stops upstream once satisfied', async () => {
    const r = await runCmdlet(selectObject, { First: 2 }, { input: [1, 2, 3, 4, 5] });
    expect(r.output).toEqual([1, 2]);
    expect(r.stopped).toBe(true);
    expect(r.consumed).toBe(2);
  });
  it('-Last, -Skip, -First with -Last, -SkipLast, -Index', async () => {
    expect((await runCmdlet(selectObject, { Last: 2 }, { input: [1, 2, 3, 4, 5] })).output).toEqual([4, 5]);
    expect((await runCmdlet(selectObject, { Skip: 3 }, { input: [1, 2, 3, 4, 5] })).output).toEqual([4, 5]);
    expect((await runCmdlet(selectObject, { First: 2, Last: 2 }, { input: [1, 2, 3, 4, 5] })).output).toEqual([1, 2, 4, 5]);
    expect((await runCmdlet(selectObject, { SkipLast: 2 }, { input: [1, 2, 3, 4, 5] })).output).toEqual([1, 2, 3]);
    expect((await runCmdlet(selectObject, { Index: [3, 1] }, { input: [10, 11, 12, 13, 14] })).output).toEqual([11, 13]);
    expect((await runCmdlet(selectObject, { SkipIndex: [0] }, { input: [10, 11, 12] })).output).toEqual([11, 12]);
  });
  it('-Unique keeps first occurrences (case-sensitive)', async () => {
    const r = await runCmdlet(selectObject, { Unique: true }, { input: ['a', 'A', 'a', 'b'] });
    expect(r.output).toEqual(['a', 'A', 'b']);
  });
  it('skips $null input', async () => {
    expect((await runCmdlet(selectObject, {}, { input: [null, 1] })).output).toEqual([1]);
  });
});

describe('Sort-Object', () => {
  it('sorts values, -Descending, -Unique (case-insensitive)', async () => {
    expect((await runCmdlet(sortObject, {}, { input: [3, 1, 2] })).output).toEqual([1, 2, 3]);
    expect((await runCmdlet(sortObject, { Descending: true }, { input: [3, 1, 2] })).output).toEqual([3, 2, 1]);
    expect((await runCmdlet(sortObject, { Unique: true }, { input: ['b', 'a', 'B'] })).output).toEqual(['a', 'b']);
  });
  it('sorts by several keys with per-key direction, stably', async () => {
    const items = [obj({ A: 1, B: 'x', I: 0 }), obj({ A: 2, B: 'y', I: 1 }), obj({ A: 1, B: 'z', I: 2 }), obj({ A: 1, B: 'z', I: 3 })];
    const r = await runCmdlet(sortObject, { Property: ['A', ht({ Expression: 'B', Descending: true })] }, { input: items });
    expect(r.output.map((o) => prop(o, 'I'))).toEqual([2, 3, 0, 1]);
  });
  it('sorts by a script block, -Top and -Bottom', async () => {
    const r = await runCmdlet(sortObject, { Property: [(x: unknown) => -(x as number)] }, { input: [1, 3, 2] });
    expect(r.output).toEqual([3, 2, 1]);
    expect((await runCmdlet(sortObject, { Top: 2 }, { input: [5, 1, 4, 2] })).output).toEqual([1, 2]);
    expect((await runCmdlet(sortObject, { Bottom: 2 }, { input: [5, 1, 4, 2] })).output).toEqual([4, 5]);
  });
});

describe('Group-Object', () => {
  it('groups by property into sorted GroupInfo objects', async () => {
    const items = [obj({ K: 'b' }), obj({ K: 'a' }), obj({ K: 'B' })];
    const r = await runCmdlet(groupObject, { Property: ['K'] }, { input: items });
    expect(r.output.map((g) => [prop(g, 'Name'), prop(g, 'Count')])).toEqual([['a', 1], ['b', 2]]);
    expect((r.output[0] as PSObject).typeNames[0]).toBe('Microsoft.PowerShell.Commands.GroupInfo');
    expect(prop(r.output[1], 'Values')).toEqual(['b']);
  });
  it('-NoElement, -AsHashTable, -CaseSensitive', async () => {
    const ne = await runCmdlet(groupObject, { NoElement: true }, { input: [1, 1, 2] });
    expect(prop(ne.output[0], 'Group')).toEqual([]);
    const h = await runCmdlet(groupObject, { AsHashTable: true }, { input: ['x', 'y', 'x'] });
    expect((h.output[0] as PSHashtable).get('x')).toEqual(['x', 'x']);
    const cs = await runCmdlet(groupObject, { CaseSensitive: true }, { input: ['a', 'A'] });
    expect(cs.output).toHaveLength(2);
  });
  it('-AsString without -AsHashTable is an error', async () => {
    await expect(runCmdlet(groupObject, { AsString: true }, { input: [1] })).rejects.toThrow(/AsHashTable/);
  });
});

describe('Measure-Object', () => {
  it('counts and leaves unrequested statistics null', async () => {
    const r = await runCmdlet(measureObject, {}, { input: [1, 2, 3] });
    const m = r.output[0] as PSObject;
    expect(prop(m, 'Count')).toBe(3);
    expect(prop(m, 'Sum')).toBeNull();
    expect(m.typeNames[0]).toBe('Microsoft.PowerShell.Commands.GenericMeasureInfo');
  });
  it('-Sum -Average -Maximum -Minimum -StandardDeviation', async () => {
    const r = await runCmdlet(measureObject, { AllStats: true }, { input: [2, 4, 4, 4, 5, 5, 7, 9] });
    const m = r.output[0];
    expect(toJsNumber(prop(m, 'Sum'))).toBe(40);
    expect(toJsNumber(prop(m, 'Average'))).toBe(5);
    expect(toJsNumber(prop(m, 'Maximum'))).toBe(9);
    expect(toJsNumber(prop(m, 'Minimum'))).toBe(2);
    expect(toJsNumber(prop(m, 'StandardDeviation'))).toBeCloseTo(2.138, 3);
  });
  it('-Property measures each property', async () => {
    const r = await runCmdlet(measureObject, { Property: ['Size'], Sum: true }, { input: [obj({ Size: 1 }), obj({ Size: 2 })] });
    expect(prop(r.output[0], 'Property')).toBe('Size');
    expect(toJsNumber(prop(r.output[0], 'Sum'))).toBe(3);
  });
  it('-Sum on text writes NonNumericInputObject', async () => {
    const r = await runCmdlet(measureObject, { Sum: true }, { input: ['abc'] });
    expect(r.errors[0]).toMatchObject({ errorId: 'NonNumericInputObject', message: 'Input object "abc" is not numeric.' });
  });
  it('-Maximum of strings gives GenericObjectMeasureInfo', async () => {
    const r = await runCmdlet(measureObject, { Maximum: true }, { input: ['apple', 'pear'] });
    expect((r.output[0] as PSObject).typeNames[0]).toBe('Microsoft.PowerShell.Commands.GenericObjectMeasureInfo');
    expect(prop(r.output[0], 'Maximum')).toBe('pear');
  });
  it('-Line -Word -Character', async () => {
    const r = await runCmdlet(measureObject, { Line: true, Word: true, Character: true }, { input: ['one two\nthree', 'x'] });
    const m = r.output[0];
    expect([prop(m, 'Lines'), prop(m, 'Words'), prop(m, 'Characters')]).toEqual([3, 4, 14]);
  });
});

describe('Compare-Object', () => {
  it('reports differences with side indicators', async () => {
    const r = await runCmdlet(compareObject, { ReferenceObject: [1, 2, 3], DifferenceObject: [2, 3, 4] }, { input: undefined });
    expect(r.output.map((o) => [prop(o, 'InputObject'), prop(o, 'SideIndicator')])).toEqual([[4, '=>'], [1, '<=']]);
  });
  it('-IncludeEqual and -ExcludeDifferent', async () => {
    const r = await runCmdlet(compareObject, { ReferenceObject: ['a'], DifferenceObject: ['A', 'b'], IncludeEqual: true });
    expect(r.output.map((o) => prop(o, 'SideIndicator'))).toEqual(['==', '=>']);
    const x = await runCmdlet(compareObject, { ReferenceObject: ['a'], DifferenceObject: ['A', 'b'], ExcludeDifferent: true });
    expect(x.output.map((o) => prop(o, 'SideIndicator'))).toEqual(['==']);
  });
});

describe('Get-Unique', () => {
  it('drops adjacent duplicates (case-sensitive by default)', async () => {
    expect((await runCmdlet(getUnique, {}, { input: [1, 1, 2, 1] })).output).toEqual([1, 2, 1]);
    expect((await runCmdlet(getUnique, { AsString: true }, { input: ['a', 'A', 'A'] })).output).toEqual(['a', 'A']);
  });
});
