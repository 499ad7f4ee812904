import { beforeAll, describe, expect, it } from 'vitest';
import { PSRuntimeError } from '../../src/runtime/errors.js';
import { PSException } from '../../src/runtime/errors.js';
import { ScriptBlock, setScriptBlockInvoker } from '../../src/runtime/interpreter/scriptblock.js';
import { PSChar, PSDecimal, PSDouble, PSNumber } from '../../src/runtime/values/numbers.js';
import { PSHashtable, PSObject } from '../../src/runtime/values/objects.js';
import {
  PSDictionary, PSList, PSReference, TYPE_NAME, TimeSpan, asType, convertTo, dateKind, getEnumerable, getMember,
  getStaticMember, hasMember, invokeMethod, invokeStaticMethod, isInstanceOf, makeDate, newObject, registerType,
  resolveType, setMember, subtractDateTime, typeNamesOf, typeOf, PSType, dateFromParts,
} from '../../src/runtime/types/index.js';

const fns = new WeakMap<ScriptBlock, (o: { thisValue?: unknown; dollarUnder?: unknown; args?: unknown[] }) => unknown>();
function sb(fn: (o: { thisValue?: unknown; dollarUnder?: unknown; args?: unknown[] }) => unknown): ScriptBlock {
  const s = new ScriptBlock({ kind: 'ScriptBlock', source: { text: '{}', path: null }, start: 0, end: 2 } as never);
  fns.set(s, fn);
  return s;
}
beforeAll(() => {
  setScriptBlockInvoker((s, o) => {
    const r = fns.get(s)!(o);
    return r === undefined ? [] : [r];
  });
});

function T(name: string): PSType {
  const t = resolveType(name);
  if (!t) throw new Error('no type ' + name);
  return t;
}
function err(fn: () => unknown): { message: string; id: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof PSRuntimeError) return { message: e.errorRecord.Exception.Message, id: e.errorRecord.FullyQualifiedErrorId };
    throw e;
  }
  throw new Error('expected an error');
}
function ht(entries: [string, unknown][], ordered = false): PSHashtable {
  const h = new PSHashtable(ordered);
  for (const [k, v] of entries) h.set(k, v);
  return h;
}

describe('resolveType', () => {
  it('resolves accelerators and full names case-insensitively', () => {
    expect(T('int').FullName).toBe('System.Int32');
    expect(T('INT32')).toBe(T('System.Int32'));
    expect(T('long').FullName).toBe('System.Int64');
    expect(T('string').Name).toBe('String');
    expect(T('hashtable').FullName).toBe('System.Collections.Hashtable');
    expect(T('pscustomobject').FullName).toBe('System.Management.Automation.PSObject');
    expect(T('regex').FullName).toBe('System.Text.RegularExpressions.Regex');
    expect(T('datetime').Namespace).toBe('System');
    expect(T('bigint').FullName).toBe('System.Numerics.BigInteger');
    expect(T('ordered').FullName).toBe('System.Collections.Specialized.OrderedDictionary');
  });
  it('implies System.', () => {
    expect(T('collections.arraylist').FullName).toBe('System.Collections.ArrayList');
    expect(T('Text.StringBuilder').FullName).toBe('System.Text.StringBuilder');
    expect(T('IO.Path').FullName).toBe('System.IO.Path');
  });
  it('resolves generics and arrays', () => {
    const l = T('collections.generic.list[string]');
    expect(l.Name).toBe('List`1');
    expect(l.genericArgs![0]).toBe(T('string'));
    expect(l.toString()).toBe('System.Collections.Generic.List[string]');
    expect(T('System.Collections.Generic.Dictionary[string,int]').genericArgs!.map((x) => x.Name)).toEqual(['String', 'Int32']);
    expect(T('int[]').FullName).toBe('System.Int32[]');
    expect(T('int[]').IsArray).toBe(true);
    expect(T('int[]').elementType).toBe(T('int'));
    expect(T('string[]')).toBe(T('System.String[]'));
  });
  it('returns null for unknown names and singletons for known ones', () => {
    expect(resolveType('Foo.Bar')).toBeNull();
    expect(resolveType('List[Nope]')).toBeNull();
    expect(T('int')).toBe(T('int'));
  });
  it('string conversion of a type uses the accelerator', () => {
    expect(String(T('int'))).toBe('int');
    expect(T('int').ToString()).toBe('System.Int32');
    expect(T('int').BaseType!.FullName).toBe('System.ValueType');
    expect(T('int[]').BaseType!.FullName).toBe('System.Array');
  });
});

describe('typeOf / typeNamesOf', () => {
  it('maps values to .NET types', () => {
    expect(typeOf(1).FullName).toBe('System.Int32');
    expect(typeOf(1.5).Name).toBe('Double');
    expect(typeOf(new PSDouble(1)).Name).toBe('Double');
    expect(typeOf(1n).Name).toBe('Int64');
    expect(typeOf(new PSDecimal(1n, 0)).Name).toBe('Decimal');
    expect(typeOf(new PSNumber('Byte', 1)).Name).toBe('Byte');
    expect(typeOf('a').Name).toBe('String');
    expect(typeOf(true).Name).toBe('Boolean');
    expect(typeOf(new PSChar(65)).Name).toBe('Char');
    expect(typeOf([1, 2]).FullName).toBe('System.Object[]');
    expect(typeOf(new PSHashtable()).FullName).toBe('System.Collections.Hashtable');
    expect(typeOf(new PSHashtable(true)).FullName).toBe('System.Collections.Specialized.OrderedDictionary');
    expect(typeOf(new PSObject()).FullName).toBe('System.Management.Automation.PSCustomObject');
    expect(typeOf(new Date()).FullName).toBe('System.DateTime');
    expect(typeOf({}).FullName).toBe('System.Object');
    expect(typeOf(new PSException('x', 'System.ArgumentException')).FullName).toBe('System.ArgumentException');
    expect(typeOf(T('int')).FullName).toBe('System.RuntimeType');
    expect(typeOf(new Uint8Array(2)).FullName).toBe('System.Byte[]');
  });
  it('honours TYPE_NAME tags', () => {
    const o = { Name: 'b', [TYPE_NAME]: 'Amazon.S3.Model.S3Bucket' };
    expect(typeOf(o).FullName).toBe('Amazon.S3.Model.S3Bucket');
    expect(typeNamesOf(o)).toEqual(['Amazon.S3.Model.S3Bucket', 'System.Object']);
  });
  it('lists type names', () => {
    expect(typeNamesOf(1)).toEqual(['System.Int32', 'System.ValueType', 'System.Object']);
    expect(typeNamesOf('a')).toEqual(['System.String', 'System.Object']);
    expect(typeNamesOf([1])).toEqual(['System.Object[]', 'System.Array', 'System.Object']);
    expect(typeNamesOf(new PSObject())).toEqual(['System.Management.Automation.PSCustomObject', 'System.Object']);
  });
});

describe('convertTo numbers', () => {
  const int = () => T('int');
  it('rounds half to even', () => {
    expect(convertTo(2.5, int())).toBe(2);
    expect(convertTo(3.5, int())).toBe(4);
    expect(convertTo(-2.5, int())).toBe(-2);
    expect(convertTo(2.6, int())).toBe(3);
    expect(convertTo(PSDecimal.parse('2.5'), int())).toBe(2);
  });
  it('parses strings', () => {
    expect(convertTo('12', int())).toBe(12);
    expect(convertTo(' 12 ', int())).toBe(12);
    expect(convertTo('0x10', int())).toBe(16);
    expect(convertTo('1kb', int())).toBe(1024);
    expect(convertTo('1.5', int())).toBe(2);
    expect(convertTo('', int())).toBe(0);
    expect(convertTo('1e3', int())).toBe(1000);
    expect(convertTo('3.14', T('double'))).toBe(3.14);
    expect(convertTo('5', T('double'))).toEqual(new PSDouble(5));
    expect(convertTo('5', T('long'))).toBe(5n);
    expect((convertTo('1.10', T('decimal')) as PSDecimal).toString()).toBe('1.10');
  });
  it('reports bad strings', () => {
    const e = err(() => convertTo('abc', int()));
    expect(e.message).toBe(`Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`);
    expect(e.id).toBe('InvalidCastFromStringToInteger');
    expect(err(() => convertTo('abc', T('double'))).id).toBe('InvalidCastFromStringToDoubleOrSingle');
  });
  it('reports overflow', () => {
    const e = err(() => convertTo(300, T('byte')));
    expect(e.message).toBe('Cannot convert value "300" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."');
    expect(e.id).toBe('InvalidCastIConvertible');
    expect(err(() => convertTo('99999999999', int())).message).toContain('Value was either too large or too small for an Int32.');
    expect(err(() => convertTo(-1, T('uint32'))).message).toContain('for a UInt32.');
  });
  it('converts bool, char, null', () => {
    expect(convertTo(true, int())).toBe(1);
    expect(convertTo(new PSChar(65), int())).toBe(65);
    expect(convertTo(null, int())).toBe(0);
    expect(convertTo(null, T('string'))).toBe('');
    expect(convertTo(null, T('bool'))).toBe(false);
    expect(convertTo(null, T('hashtable'))).toBeNull();
    expect(convertTo(5, T('byte'))).toEqual(new PSNumber('Byte', 5));
    expect(convertTo(1.5, T('single'))).toEqual(new PSNumber('Single', 1.5));
    expect(convertTo(1, T('decimal'))).toEqual(new PSDecimal(1n, 0));
  });
  it('fails for incompatible objects', () => {
    const e = err(() => convertTo(new PSHashtable(), int()));
    expect(e.message).toBe('Cannot convert the "System.Collections.Hashtable" value of type "System.Collections.Hashtable" to type "System.Int32".');
    expect(e.id).toBe('ConvertToFinalInvalidCastException');
  });
});

describe('convertTo other types', () => {
  it('string and bool', () => {
    expect(convertTo(12, T('string'))).toBe('12');
    expect(convertTo('false', T('bool'))).toBe(true);
    expect(convertTo('', T('bool'))).toBe(false);
    expect(convertTo(0, T('bool'))).toBe(false);
  });
  it('char', () => {
    expect(convertTo('a', T('char'))).toEqual(new PSChar(97));
    expect(convertTo(65, T('char'))).toEqual(new PSChar(65));
    expect(err(() => convertTo('ab', T('char'))).message).toContain('String must be exactly one character long.');
  });
  it('arrays', () => {
    expect(convertTo(1, T('array'))).toEqual([1]);
    expect(convertTo(1, T('object[]'))).toEqual([1]);
    const ints = convertTo(['1', 2.5], T('int[]')) as unknown[];
    expect(ints).toEqual([1, 2]);
    expect(typeOf(ints).FullName).toBe('System.Int32[]');
    expect(isInstanceOf(ints, T('int[]'))).toBe(true);
    expect((convertTo('ab', T('char[]')) as PSChar[]).map(String)).toEqual(['a', 'b']);
    expect(convertTo('ab', T('string[]'))).toEqual(['ab']);
  });
  it('hashtable to pscustomobject keeps order', () => {
    const o = convertTo(ht([['b', 1], ['a', 2]]), T('pscustomobject')) as PSObject;
    expect(o).toBeInstanceOf(PSObject);
    expect([...o.properties()].map((m) => m.name)).toEqual(['b', 'a']);
  });
  it('datetime and timespan', () => {
    const d = convertTo('2024-01-15', T('datetime')) as Date;
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2024, 0, 15]);
    expect(dateKind(d)).toBe('Unspecified');
    const d2 = convertTo('01/15/2024 10:30:00', T('datetime')) as Date;
    expect([d2.getMonth(), d2.getDate(), d2.getHours(), d2.getMinutes()]).toEqual([0, 15, 10, 30]);
    expect(err(() => convertTo('abc', T('datetime'))).message).toBe(`Cannot convert value "abc" to type "System.DateTime". Error: "String 'abc' was not recognized as a valid DateTime."`);
    expect(String(convertTo('01:02:03', T('timespan')))).toBe('01:02:03');
    expect(String(convertTo('1.02:03:04', T('timespan')))).toBe('1.02:03:04');
  });
  it('version, guid, uri, regex, type, scriptblock', () => {
    expect(String(convertTo('1.2.3', T('version')))).toBe('1.2.3');
    expect(String(convertTo('6F9619FF-8B86-D011-B42D-00C04FC964FF', T('guid')))).toBe('6f9619ff-8b86-d011-b42d-00c04fc964ff');
    expect(err(() => convertTo('x', T('guid'))).message).toContain('Unrecognized Guid format.');
    expect(getMember(convertTo('https://example.com:8080/a?b=1', T('uri')), 'Port')).toBe(8080);
    expect(typeOf(convertTo('a+', T('regex'))).Name).toBe('Regex');
    expect(convertTo('int', T('type'))).toBe(T('int'));
    expect(err(() => convertTo('nope', T('type'))).id).toBe('InvalidCastFromStringToType');
    expect(err(() => convertTo('1+1', T('scriptblock'))).message).toBe('Cannot convert the "1+1" value of type "System.String" to type "System.Management.Automation.ScriptBlock".');
  });
  it('enums', () => {
    expect(String(convertTo('monday', T('System.DayOfWeek')))).toBe('Monday');
    expect(String(convertTo(2, T('System.DayOfWeek')))).toBe('Tuesday');
    expect(String(convertTo('IgnoreCase, Multiline', T('System.Text.RegularExpressions.RegexOptions')))).toBe('IgnoreCase, Multiline');
    expect(Number(convertTo('IgnoreCase,Multiline', T('System.Text.RegularExpressions.RegexOptions')))).toBe(3);
    const e = err(() => convertTo('Funday', T('System.DayOfWeek')));
    expect(e.message).toBe('Cannot convert value "Funday" to type "System.DayOfWeek". Error: "Unable to match the identifier name Funday to a valid enumerator name. Specify one of the following enumerator names and try again:\nSunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday"');
  });
  it('generic collections', () => {
    const l = convertTo([1, '2'], T('System.Collections.Generic.List[int]')) as PSList;
    expect(l).toBeInstanceOf(PSList);
    expect([...l]).toEqual([1, 2]);
    expect(typeOf(l).toString()).toBe('System.Collections.Generic.List[int]');
    const d = convertTo(ht([['a', '1']]), T('System.Collections.Generic.Dictionary[string,int]')) as PSDictionary;
    expect(d.get('a')).toBe(1);
    expect(d.has('A')).toBe(false);
    const s = convertTo([1, 1, 2], T('System.Collections.Generic.HashSet[int]'));
    expect(getMember(s, 'Count')).toBe(2);
  });
  it('exceptions from strings', () => {
    const e = convertTo('boom', T('System.Exception')) as PSException;
    expect(e).toBeInstanceOf(PSException);
    expect(e.Message).toBe('boom');
  });
  it('registered types from hashtables', () => {
    registerType({ fullName: 'Amazon.EC2.Model.Filter', properties: [{ name: 'Name', type: 'string' }, { name: 'Values', type: 'string[]' }] });
    const f = convertTo(ht([['name', 'tag:Env'], ['values', 'prod']]), T('Amazon.EC2.Model.Filter')) as Record<string | symbol, unknown>;
    expect(f.Name).toBe('tag:Env');
    expect(f.Values).toEqual(['prod']);
    expect(typeOf(f).FullName).toBe('Amazon.EC2.Model.Filter');
    expect(err(() => convertTo(ht([['Nope', 1]]), T('Amazon.EC2.Model.Filter'))).message).toContain("The property 'Nope' was not found");
  });
});

describe('-is / -as', () => {
  it('matches pwsh', () => {
    expect(isInstanceOf(1, T('int'))).toBe(true);
    expect(isInstanceOf(1, T('double'))).toBe(false);
    expect(isInstanceOf(1.0, T('double'))).toBe(false); // 1.0 literal is a PSDouble box
    expect(isInstanceOf(new PSDouble(1), T('double'))).toBe(true);
    expect(isInstanceOf('a', T('string'))).toBe(true);
    expect(isInstanceOf([], T('array'))).toBe(true);
    expect(isInstanceOf([], T('object[]'))).toBe(true);
    expect(isInstanceOf(null, T('object'))).toBe(false);
    expect(isInstanceOf(new PSObject(), T('psobject'))).toBe(true);
    expect(isInstanceOf(new PSObject(), T('pscustomobject'))).toBe(true);
    expect(isInstanceOf(1, T('psobject'))).toBe(false);
    expect(isInstanceOf(1, T('ValueType'))).toBe(true);
    expect(isInstanceOf(new PSHashtable(), T('System.Collections.IDictionary'))).toBe(true);
    expect(isInstanceOf([1], T('System.Collections.IEnumerable'))).toBe(true);
    expect(isInstanceOf(new PSException('x', 'System.ArgumentNullException'), T('System.ArgumentException'))).toBe(true);
    expect(isInstanceOf(new PSException('x', 'System.ArgumentNullException'), T('System.Exception'))).toBe(true);
    expect(isInstanceOf(new PSException('x', 'System.FormatException'), T('System.ArgumentException'))).toBe(false);
    expect(isInstanceOf(PSList.create(null), T('array'))).toBe(false);
    expect(isInstanceOf(PSList.create(null), T('System.Collections.ArrayList'))).toBe(true);
  });
  it('-as returns null on failure', () => {
    expect(asType('12', T('int'))).toBe(12);
    expect(asType('abc', T('int'))).toBeNull();
    expect(asType('x', T('datetime'))).toBeNull();
  });
});

describe('getMember', () => {
  it('PSObject note/script/alias properties', () => {
    const o = PSObject.fromEntries([['Name', 'x'], ['N', 2]]);
    o.addMember({ name: 'Double', memberType: 'ScriptProperty', value: sb((x) => (getMember(x.thisValue, 'n') as number) * 2) });
    o.addMember({ name: 'Nm', memberType: 'AliasProperty', value: 'Name' });
    expect(getMember(o, 'name')).toBe('x');
    expect(getMember(o, 'DOUBLE')).toBe(4);
    expect(getMember(o, 'nm')).toBe('x');
    expect(getMember(o, 'missing')).toBeNull();
    expect(hasMember(o, 'Name')).toBe(true);
    expect(hasMember(o, 'missing')).toBe(false);
  });
  it('hashtables: keys first, then properties', () => {
    const h = ht([['a', 1], ['Count', 'key']]);
    expect(getMember(h, 'A')).toBe(1);
    expect(getMember(h, 'Count')).toBe('key');
    expect(getMember(ht([['a', 1]]), 'Count')).toBe(1);
    expect(getMember(ht([['a', 1], ['b', 2]]), 'Keys')).toEqual(['a', 'b']);
  });
  it('arrays and member enumeration', () => {
    expect(getMember([1, 2, 3], 'Count')).toBe(3);
    expect(getMember([1, 2, 3], 'Length')).toBe(3);
    expect(getMember([ht([['a', 1]]), ht([['a', 2]]), null], 'a')).toEqual([1, 2]);
    expect(getMember([ht([['a', [1, 2]]]), ht([['a', 3]])], 'a')).toEqual([1, 2, 3]);
    expect(getMember([ht([['a', 1]])], 'a')).toBe(1);
    expect(getMember([1, 2], 'Foo')).toBeNull();
    expect(getMember(['ab', 'c'], 'Length')).toBe(2);
  });
  it('scalars, strings, null', () => {
    expect(getMember('abc', 'length')).toBe(3);
    expect(getMember(5, 'Count')).toBe(1);
    expect(getMember(null, 'Count')).toBe(0);
    expect(getMember(null, 'Foo')).toBeNull();
  });
  it('dates and timespans', () => {
    const d = dateFromParts(2024, 1, 15, 10, 30, 45, 0);
    expect(getMember(d, 'Year')).toBe(2024);
    expect(getMember(d, 'month')).toBe(1);
    expect(getMember(d, 'Day')).toBe(15);
    expect(getMember(d, 'Hour')).toBe(10);
    expect(String(getMember(d, 'DayOfWeek'))).toBe('Monday');
    expect(getMember(d, 'DayOfYear')).toBe(15);
    expect(String(getMember(d, 'TimeOfDay'))).toBe('10:30:45');
    expect(String(getMember(d, 'Kind'))).toBe('Unspecified');
    const ts = TimeSpan.fromParts(1, 2, 3, 4);
    expect(getMember(ts, 'Days')).toBe(1);
    expect(getMember(ts, 'hours')).toBe(2);
    expect(getMember(ts, 'TotalHours')).toBeCloseTo(26.0511, 3);
  });
  it('plain objects case-insensitively', () => {
    const o = { BucketName: 'b', Nested: { X: 1 }, Missing: undefined };
    expect(getMember(o, 'bucketname')).toBe('b');
    expect(getMember(getMember(o, 'nested'), 'x')).toBe(1);
    expect(getMember(o, 'missing')).toBeNull();
  });
  it('exceptions and PSObject intrinsic', () => {
    const e = new PSException('bad', 'System.ArgumentException', new PSException('inner'));
    expect(getMember(e, 'message')).toBe('bad');
    expect(getMember(getMember(e, 'InnerException'), 'Message')).toBe('inner');
    const o = PSObject.fromEntries([['a', 1], ['b', 'x']]);
    const props = getMember(getMember(o, 'PSObject'), 'Properties') as unknown[];
    expect(getMember(props, 'Name')).toEqual(['a', 'b']);
    expect(getMember(props[0], 'Value')).toBe(1);
    expect(getMember(props[0], 'MemberType')).toBe('NoteProperty');
    expect(getMember(props[1], 'TypeNameOfValue')).toBe('System.String');
    expect([...(getMember(getMember(o, 'psobject'), 'TypeNames') as string[])]).toEqual(['System.Management.Automation.PSCustomObject', 'System.Object']);
    expect(getMember(1, 'pstypenames')).toEqual(['System.Int32', 'System.ValueType', 'System.Object']);
    expect(getMember(getMember(5, 'PSObject'), 'BaseObject')).toBe(5);
  });
  it('type objects', () => {
    expect(getMember(T('int'), 'Name')).toBe('Int32');
    expect(getMember(T('int'), 'FullName')).toBe('System.Int32');
    expect(getMember(typeOf(1), 'name')).toBe('Int32');
  });
});

describe('setMember', () => {
  it('PSObject, hashtable, plain objects', () => {
    const o = PSObject.fromEntries([['a', 1]]);
    setMember(o, 'A', 5);
    expect(getMember(o, 'a')).toBe(5);
    expect(err(() => setMember(o, 'zz', 1)).message).toBe("The property 'zz' cannot be found on this object. Verify that the property exists and can be set.");
    const h = new PSHashtable();
    setMember(h, 'k', 1);
    expect(h.get('K')).toBe(1);
    const p = { Name: 'x' };
    setMember(p, 'name', 'y');
    expect(p.Name).toBe('y');
    expect(err(() => setMember(null, 'x', 1)).id).toBe('PropertyNotFound');
    expect(err(() => setMember(5, 'x', 1)).id).toBe('PropertyNotFound');
  });
  it('script property setter', () => {
    const o = PSObject.fromEntries([['v', 1]]);
    o.addMember({ name: 'P', memberType: 'ScriptProperty', value: sb(() => 1), setter: sb((x) => setMember(x.thisValue, 'v', x.args![0])) });
    setMember(o, 'p', 9);
    expect(getMember(o, 'v')).toBe(9);
  });
  it('reference Value', () => {
    const r = new PSReference(1);
    setMember(r, 'Value', 2);
    expect(r.Value).toBe(2);
  });
});

describe('string methods', () => {
  const m = (s: string, name: string, ...args: unknown[]) => invokeMethod(s, name, args);
  it('split', () => {
    expect(m('a,b,c', 'Split', ',')).toEqual(['a', 'b', 'c']);
    expect(m('a,,b', 'split', ',')).toEqual(['a', '', 'b']);
    expect(m('a,,b', 'Split', ',', 'RemoveEmptyEntries')).toEqual(['a', 'b']);
    expect(m('a,b;c', 'Split', [new PSChar(44), new PSChar(59)])).toEqual(['a', 'b', 'c']);
    expect(m('a b  c', 'Split')).toEqual(['a', 'b', '', 'c']);
    expect(m('a,b,c', 'Split', ',', 2)).toEqual(['a', 'b,c']);
    expect(m('a::b', 'Split', '::')).toEqual(['a', 'b']);
    expect(typeOf(m('a', 'Split', ',')).FullName).toBe('System.String[]');
  });
  it('substring and errors', () => {
    expect(m('hello', 'Substring', 1)).toBe('ello');
    expect(m('hello', 'substring', 1, 3)).toBe('ell');
    const e = err(() => m('abc', 'Substring', 5));
    expect(e.message).toBe(`Exception calling "Substring" with "1" argument(s): "startIndex cannot be larger than length of string. (Parameter 'startIndex')"`);
    expect(e.id).toBe('ArgumentOutOfRangeException');
    expect(err(() => m('abc', 'Substring', 1, 1, 1)).message).toBe('Cannot find an overload for "Substring" and the argument count: "3".');
    expect(err(() => m('abc', 'Substring', 1, 1, 1)).id).toBe('MethodCountCouldNotFindBest');
  });
  it('search and compare', () => {
    expect(m('hello', 'IndexOf', 'l')).toBe(2);
    expect(m('hello', 'IndexOf', new PSChar(108))).toBe(2);
    expect(m('hello', 'IndexOf', 'l', 3)).toBe(3);
    expect(m('hello', 'IndexOf', 'L')).toBe(-1);
    expect(m('hello', 'IndexOf', 'L', 'OrdinalIgnoreCase')).toBe(2);
    expect(m('hello', 'LastIndexOf', 'l')).toBe(3);
    expect(m('hello', 'StartsWith', 'he')).toBe(true);
    expect(m('hello', 'StartsWith', 'HE')).toBe(false);
    expect(m('hello', 'StartsWith', 'HE', 'OrdinalIgnoreCase')).toBe(true);
    expect(m('hello', 'EndsWith', 'lo')).toBe(true);
    expect(m('hello', 'Contains', 'ell')).toBe(true);
    expect(m('hello', 'Contains', 'ELL')).toBe(false);
    expect(m('a', 'Equals', 'a')).toBe(true);
    expect(m('a', 'Equals', 'A')).toBe(false);
    expect(m('a', 'CompareTo', 'b')).toBe(-1);
  });
  it('transform', () => {
    expect(m('Hello', 'Replace', 'l', 'L')).toBe('HeLLo');
    expect(m('Hello', 'Replace', 'L', 'x')).toBe('Hello');
    expect(m('  x  ', 'Trim')).toBe('x');
    expect(m('xxaxx', 'Trim', 'x')).toBe('a');
    expect(m('  x  ', 'TrimStart')).toBe('x  ');
    expect(m('abc..', 'TrimEnd', '.')).toBe('abc');
    expect(m('5', 'PadLeft', 3, '0')).toBe('005');
    expect(m('5', 'PadRight', 3)).toBe('5  ');
    expect(m('abc', 'ToUpper')).toBe('ABC');
    expect(m('ABC', 'tolower')).toBe('abc');
    expect(m('abc', 'Insert', 1, 'X')).toBe('aXbc');
    expect(m('abcdef', 'Remove', 2)).toBe('ab');
    expect(m('abcdef', 'Remove', 1, 2)).toBe('adef');
    expect((m('ab', 'ToCharArray') as PSChar[]).map(String)).toEqual(['a', 'b']);
    expect(m('abc', 'ToString')).toBe('abc');
    expect(m('abc', 'GetType')).toBe(T('string'));
  });
  it('unknown methods and null', () => {
    const e = err(() => m('abc', 'Foo'));
    expect(e.message).toBe("Method invocation failed because [System.String] does not contain a method named 'Foo'.");
    expect(e.id).toBe('MethodNotFound');
    const n = err(() => invokeMethod(null, 'Foo', []));
    expect(n.message).toBe('You cannot call a method on a null-valued expression.');
    expect(n.id).toBe('InvokeMethodOnNull');
  });
});

describe('number, date, timespan methods', () => {
  it('numbers', () => {
    expect(invokeMethod(5, 'ToString', [])).toBe('5');
    expect(invokeMethod(5, 'CompareTo', [3])).toBe(1);
    expect(invokeMethod(5, 'Equals', [5])).toBe(true);
    expect(invokeMethod(5, 'Equals', [5n])).toBe(false);
    expect(invokeMethod(5, 'GetType', [])).toBe(T('int'));
  });
  it('dates', () => {
    const d = dateFromParts(2024, 1, 31, 10, 0, 0);
    expect(getMember(invokeMethod(d, 'AddDays', [1]), 'Day')).toBe(1);
    expect(getMember(invokeMethod(d, 'AddMonths', [1]), 'Day')).toBe(29);
    expect(getMember(invokeMethod(d, 'AddYears', [1]), 'Year')).toBe(2025);
    expect(getMember(invokeMethod(d, 'AddHours', [-11]), 'Day')).toBe(30);
    expect(invokeMethod(d, 'ToString', ['yyyy-MM-dd HH:mm'])).toBe('2024-01-31 10:00');
    expect(invokeMethod(d, 'ToString', ['dddd, MMMM d'])).toBe('Wednesday, January 31');
    expect(invokeMethod(d, 'ToShortDateString', [])).toBe('1/31/2024');
    expect(invokeMethod(d, 'ToString', ['s'])).toBe('2024-01-31T10:00:00');
    const diff = invokeMethod(d, 'Subtract', [dateFromParts(2024, 1, 30, 8, 0, 0)]) as TimeSpan;
    expect(String(diff)).toBe('1.02:00:00');
    expect(dateKind(invokeMethod(d, 'ToUniversalTime', []) as Date)).toBe('Utc');
    expect(invokeMethod(makeDate(Date.UTC(2024, 0, 1, 5), 'Utc'), 'ToString', ['HH'])).toBe('05');
  });
  it('date arithmetic helpers', () => {
    const a = dateFromParts(2024, 1, 2);
    const b = dateFromParts(2024, 1, 1);
    expect(String(subtractDateTime(a, b))).toBe('1.00:00:00');
  });
  it('timespans', () => {
    expect(String(TimeSpan.fromParts(0, 1, 2, 3))).toBe('01:02:03');
    expect(String(new TimeSpan(15000000))).toBe('00:00:01.5000000');
    expect(String(TimeSpan.fromParts(0, 0, 0, -5))).toBe('-00:00:05');
    const t = TimeSpan.fromParts(0, 1, 0, 0);
    expect(String(invokeMethod(t, 'Add', [TimeSpan.fromParts(0, 0, 30, 0)]))).toBe('01:30:00');
    expect(invokeMethod(t, 'ToString', ['hh\\:mm'])).toBe('01:00');
  });
});

describe('collection methods', () => {
  it('arrays', () => {
    expect(invokeMethod([1, 2], 'Contains', [1])).toBe(true);
    expect(invokeMethod([1, 2], 'Contains', ['1'])).toBe(false);
    expect(invokeMethod(['a', 'b'], 'IndexOf', ['b'])).toBe(1);
    const c = invokeMethod([1, 2], 'Clone', []) as unknown[];
    expect(c).toEqual([1, 2]);
    const e = err(() => invokeMethod([1], 'Add', [2]));
    expect(e.message).toBe('Exception calling "Add" with "1" argument(s): "Collection was of a fixed size."');
    expect(e.id).toBe('NotSupportedException');
  });
  it('Where and ForEach magic methods', () => {
    // The results are Collection<psobject> (a PSList); compared here as plain arrays, nested ones too.
    const plain = (v: unknown): unknown => (Array.isArray(v) ? [...v].map(plain) : v);
    expect(invokeMethod([1, 2, 3], 'Where', [sb(() => true)])).toBeInstanceOf(PSList);
    const gt1 = sb((o) => (o.dollarUnder as number) > 1);
    expect(plain(invokeMethod([1, 2, 3], 'Where', [gt1]))).toEqual([2, 3]);
    expect(plain(invokeMethod([1, 2, 3], 'where', [gt1, 'First']))).toEqual([2]);
    expect(plain(invokeMethod([1, 2, 3], 'Where', [gt1, 'Last']))).toEqual([3]);
    expect(plain(invokeMethod([1, 2, 3], 'Where', [gt1, 'Split']))).toEqual([[2, 3], [1]]);
    expect(plain(invokeMethod([1, 2, 3], 'Where', [gt1, 'SkipUntil']))).toEqual([2, 3]);
    expect(plain(invokeMethod([1, 2, 3], 'Where', [gt1, 'Until']))).toEqual([1]);
    expect(plain(invokeMethod([1, 2], 'ForEach', [sb((o) => (o.dollarUnder as number) * 2)]))).toEqual([2, 4]);
    expect(plain(invokeMethod(['a', 'bb'], 'ForEach', ['Length']))).toEqual([1, 2]);
    expect(plain(invokeMethod(['a', 'b'], 'ForEach', ['ToUpper']))).toEqual(['A', 'B']);
    expect(plain(invokeMethod(['1', '2'], 'ForEach', [T('int')]))).toEqual([1, 2]);
    expect(plain(invokeMethod(5, 'ForEach', [sb((o) => o.dollarUnder)]))).toEqual([5]);
  });
  it('ArrayList and List[T]', () => {
    const al = newObject('System.Collections.ArrayList', []) as PSList;
    expect(invokeMethod(al, 'Add', ['a'])).toBe(0);
    expect(invokeMethod(al, 'add', ['b'])).toBe(1);
    expect(getMember(al, 'Count')).toBe(2);
    const l = invokeStaticMethod(T('System.Collections.Generic.List[int]'), 'new', []) as PSList;
    expect(invokeMethod(l, 'Add', ['5'])).toBeNull();
    invokeMethod(l, 'AddRange', [[3, 1]]);
    expect([...l]).toEqual([5, 3, 1]);
    invokeMethod(l, 'Sort', []);
    expect([...l]).toEqual([1, 3, 5]);
    invokeMethod(l, 'Reverse', []);
    expect([...l]).toEqual([5, 3, 1]);
    expect(invokeMethod(l, 'Remove', [3])).toBe(true);
    invokeMethod(l, 'RemoveAt', [0]);
    invokeMethod(l, 'Insert', [0, 9]);
    expect([...l]).toEqual([9, 1]);
    expect(invokeMethod(l, 'Contains', [9])).toBe(true);
    expect(invokeMethod(l, 'IndexOf', [1])).toBe(1);
    expect(typeOf(invokeMethod(l, 'ToArray', [])).FullName).toBe('System.Int32[]');
    expect(err(() => invokeMethod(l, 'Add', ['x'])).message).toContain('Cannot convert argument');
    invokeMethod(l, 'Clear', []);
    expect(getMember(l, 'Count')).toBe(0);
    expect(getEnumerable(l)).toBe(l);
  });
  it('hashtables', () => {
    const h = ht([['a', 1]]);
    invokeMethod(h, 'Add', ['b', 2]);
    expect(h.get('b')).toBe(2);
    const e = err(() => invokeMethod(h, 'Add', ['A', 3]));
    expect(e.message).toBe(`Exception calling "Add" with "2" argument(s): "Item has already been added. Key in dictionary: 'a'  Key being added: 'A'"`);
    expect(e.id).toBe('ArgumentException');
    expect(invokeMethod(h, 'ContainsKey', ['B'])).toBe(true);
    expect(invokeMethod(h, 'ContainsValue', [2])).toBe(true);
    invokeMethod(h, 'Remove', ['a']);
    expect(h.has('a')).toBe(false);
    // An enumerator object: enumerating it gives the DictionaryEntry items.
    const entries = Array.from(invokeMethod(h, 'GetEnumerator', []) as Iterable<unknown>);
    expect(getMember(entries[0], 'Key')).toBe('b');
    expect(getMember(entries[0], 'Value')).toBe(2);
    expect(getMember(entries[0], 'Name')).toBe('b');
    const c = invokeMethod(h, 'Clone', []) as PSHashtable;
    expect(c).not.toBe(h);
    expect(c.get('b')).toBe(2);
    expect(getEnumerable(h)).toBeNull();
  });
  it('Dictionary, HashSet, Queue, Stack', () => {
    const d = invokeStaticMethod(T('System.Collections.Generic.Dictionary[string,int]'), 'new', []) as PSDictionary;
    invokeMethod(d, 'Add', ['k', '1']);
    expect(d.get('k')).toBe(1);
    expect(err(() => invokeMethod(d, 'Add', ['k', 2])).message).toContain('An item with the same key has already been added. Key: k');
    const ref = new PSReference(null);
    expect(invokeMethod(d, 'TryGetValue', ['k', ref])).toBe(true);
    expect(ref.Value).toBe(1);
    expect(invokeMethod(d, 'ContainsKey', ['K'])).toBe(false);
    const ci = invokeStaticMethod(T('System.Collections.Generic.Dictionary[string,int]'), 'new', [getStaticMember(T('StringComparer'), 'OrdinalIgnoreCase')]) as PSDictionary;
    invokeMethod(ci, 'Add', ['k', 1]);
    expect(invokeMethod(ci, 'ContainsKey', ['K'])).toBe(true);
    const s = newObject('System.Collections.Generic.HashSet[string]', []);
    expect(invokeMethod(s, 'Add', ['a'])).toBe(true);
    expect(invokeMethod(s, 'Add', ['a'])).toBe(false);
    expect(invokeMethod(s, 'Add', ['A'])).toBe(true);
    expect(getMember(s, 'Count')).toBe(2);
    const q = newObject('System.Collections.Generic.Queue[int]', []);
    invokeMethod(q, 'Enqueue', [1]);
    invokeMethod(q, 'Enqueue', [2]);
    expect(invokeMethod(q, 'Peek', [])).toBe(1);
    expect(invokeMethod(q, 'Dequeue', [])).toBe(1);
    expect(getMember(q, 'Count')).toBe(1);
    const st = newObject('System.Collections.Stack', []);
    invokeMethod(st, 'Push', [1]);
    invokeMethod(st, 'Push', [2]);
    expect([...getEnumerable(st)!]).toEqual([2, 1]);
    expect(invokeMethod(st, 'Pop', [])).toBe(2);
    invokeMethod(st, 'Pop', []);
    expect(err(() => invokeMethod(st, 'Pop', [])).message).toBe('Exception calling "Pop" with "0" argument(s): "Stack empty."');
  });
  it('StringBuilder', () => {
    const b = newObject('System.Text.StringBuilder', []);
    expect(invokeMethod(b, 'Append', ['a'])).toBe(b);
    invokeMethod(b, 'AppendLine', ['b']);
    invokeMethod(b, 'AppendFormat', ['{0}-{1}', 1, 2]);
    expect(invokeMethod(b, 'ToString', [])).toBe('ab\n1-2');
    expect(getMember(b, 'Length')).toBe(6);
    invokeMethod(b, 'Replace', ['1', 'X']);
    invokeMethod(b, 'Insert', [0, '>']);
    expect(String(b)).toBe('>ab\nX-2');
  });
});

describe('PSObject and script block methods', () => {
  it('ScriptMethod and ToString', () => {
    const o = PSObject.fromEntries([['n', 2]]);
    o.addMember({ name: 'Twice', memberType: 'ScriptMethod', value: sb((x) => (getMember(x.thisValue, 'n') as number) * (x.args![0] as number)) });
    expect(invokeMethod(o, 'twice', [3])).toBe(6);
    expect(invokeMethod(o, 'GetType', [])).toBe(T('System.Management.Automation.PSCustomObject'));
    expect(err(() => invokeMethod(o, 'Nope', [])).message).toBe("Method invocation failed because [System.Management.Automation.PSCustomObject] does not contain a method named 'Nope'.");
  });
  it('ScriptBlock.Invoke', () => {
    const s = sb((x) => (x.args![0] as number) + 1);
    expect(invokeMethod(s, 'Invoke', [1])).toEqual([2]);
    expect(invokeMethod(s, 'InvokeReturnAsIs', [1])).toBe(2);
  });
});

describe('static members', () => {
  const S = (t: string, n: string, ...a: unknown[]) => invokeStaticMethod(T(t), n, a);
  it('math', () => {
    expect(S('math', 'Round', 2.5)).toEqual(new PSDouble(2));
    expect(S('math', 'Round', 3.5)).toEqual(new PSDouble(4));
    // .NET scales in binary: 2.345 * 100 is 234.50000000000003.
    expect(S('math', 'Round', 2.345, 2)).toBe(2.35);
    expect(S('math', 'Round', 2.5, getStaticMember(T('MidpointRounding'), 'AwayFromZero'))).toEqual(new PSDouble(3));
    expect(S('math', 'Abs', -3)).toBe(3);
    expect(S('math', 'Max', 3, 7)).toBe(7);
    expect(S('math', 'Min', 3, 7)).toBe(3);
    expect(S('math', 'Pow', 2, 10)).toEqual(new PSDouble(1024));
    expect(S('math', 'Sqrt', 2)).toBeCloseTo(1.41421356, 6);
    expect(S('math', 'Floor', 2.7)).toEqual(new PSDouble(2));
    expect(S('math', 'Ceiling', 2.1)).toEqual(new PSDouble(3));
    expect(S('math', 'Log', 8, 2)).toEqual(new PSDouble(3));
    expect(getStaticMember(T('math'), 'PI')).toBe(Math.PI);
    expect(S('math', 'Truncate', -2.7)).toEqual(new PSDouble(-2));
  });
  it('numeric statics', () => {
    expect(getStaticMember(T('int'), 'MaxValue')).toBe(2147483647);
    expect(getStaticMember(T('long'), 'MinValue')).toBe(-9223372036854775808n);
    expect(S('int', 'Parse', '42')).toBe(42);
    const e = err(() => S('int', 'Parse', 'x'));
    expect(e.message).toBe(`Exception calling "Parse" with "1" argument(s): "The input string 'x' was not in a correct format."`);
    expect(e.id).toBe('FormatException');
    const r = new PSReference(null);
    expect(S('int', 'TryParse', '12', r)).toBe(true);
    expect(r.Value).toBe(12);
    expect(S('int', 'TryParse', 'zz', r)).toBe(false);
    expect(r.Value).toBe(0);
    expect(S('double', 'Parse', '1.5')).toBe(1.5);
  });
  it('string and char statics', () => {
    expect(S('string', 'Join', ',', ['a', 'b'])).toBe('a,b');
    expect(S('string', 'Join', '-', 'a', 'b', 'c')).toBe('a-b-c');
    expect(S('string', 'IsNullOrEmpty', '')).toBe(true);
    expect(S('string', 'IsNullOrEmpty', null)).toBe(true);
    expect(S('string', 'IsNullOrWhiteSpace', ' ')).toBe(true);
    expect(S('string', 'IsNullOrWhiteSpace', 'a')).toBe(false);
    expect(S('string', 'Concat', 'a', 'b')).toBe('ab');
    expect(getStaticMember(T('string'), 'Empty')).toBe('');
    expect(S('string', 'Equals', 'a', 'A')).toBe(false);
    expect(S('char', 'IsDigit', new PSChar(53))).toBe(true);
    expect(S('char', 'IsLetter', new PSChar(53))).toBe(false);
    expect(S('char', 'IsUpper', 'A')).toBe(true);
    expect(String(S('char', 'ToUpper', new PSChar(97)))).toBe('A');
  });
  it('regex statics', () => {
    expect(S('regex', 'IsMatch', 'abc', 'b')).toBe(true);
    expect(S('regex', 'IsMatch', 'abc', 'B')).toBe(false);
    expect(S('regex', 'Replace', 'a1b2', '\\d', '#')).toBe('a#b#');
    expect(S('regex', 'Replace', 'john smith', '(\\w+) (\\w+)', '$2 $1')).toBe('smith john');
    expect(S('regex', 'Split', 'a1b2c', '\\d')).toEqual(['a', 'b', 'c']);
    expect(S('regex', 'Escape', 'a.b*c')).toBe('a\\.b\\*c');
    expect(S('regex', 'Unescape', 'a\\.b')).toBe('a.b');
    expect(getMember(S('regex', 'Match', 'abc123', '\\d+'), 'Value')).toBe('123');
    expect((S('regex', 'Matches', 'a1b22', '\\d+') as unknown[]).length).toBe(2);
    const r = invokeStaticMethod(T('regex'), 'new', ['^A', getStaticMember(T('System.Text.RegularExpressions.RegexOptions'), 'IgnoreCase')]);
    expect(invokeMethod(r, 'IsMatch', ['abc'])).toBe(true);
  });
  it('datetime, timespan, guid', () => {
    expect(dateKind(getStaticMember(T('datetime'), 'UtcNow') as Date)).toBe('Utc');
    expect(dateKind(getStaticMember(T('datetime'), 'Now') as Date)).toBe('Local');
    expect(S('datetime', 'DaysInMonth', 2024, 2)).toBe(29);
    expect(S('datetime', 'IsLeapYear', 2023)).toBe(false);
    expect(getMember(S('datetime', 'ParseExact', '15/01/2024', 'dd/MM/yyyy', null), 'Month')).toBe(1);
    expect(String(S('timespan', 'FromMinutes', 90))).toBe('01:30:00');
    expect(String(S('timespan', 'FromSeconds', 1.5))).toBe('00:00:01.5000000');
    expect(String(getStaticMember(T('timespan'), 'Zero'))).toBe('00:00:00');
    expect(String(S('guid', 'NewGuid'))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(String(getStaticMember(T('guid'), 'Empty'))).toBe('00000000-0000-0000-0000-000000000000');
    const d = invokeStaticMethod(T('datetime'), 'new', [2024, 2, 3, 4, 5, 6]) as Date;
    expect(getMember(d, 'Minute')).toBe(5);
    expect(err(() => invokeStaticMethod(T('datetime'), 'new', [2024, 13, 1])).message).toBe('Exception calling ".ctor" with "3" argument(s): "Year, Month, and Day parameters describe an un-representable DateTime."');
  });
  it('convert and encoding', () => {
    const bytes = invokeMethod(getStaticMember(T('System.Text.Encoding'), 'UTF8'), 'GetBytes', ['hi']);
    expect(S('convert', 'ToBase64String', bytes)).toBe('aGk=');
    const back = S('convert', 'FromBase64String', 'aGk=');
    expect(invokeMethod(getStaticMember(T('Text.Encoding'), 'UTF8'), 'GetString', [back])).toBe('hi');
    expect(S('convert', 'ToInt32', 'ff', 16)).toBe(255);
    expect(S('convert', 'ToString', 255, 2)).toBe('11111111');
    expect(S('convert', 'ToInt32', 2.5)).toBe(2);
    expect(S('convert', 'ToBoolean', 'true')).toBe(true);
    expect([...(getEnumerable(bytes) as Iterable<unknown>)].map(Number)).toEqual([104, 105]);
  });
  it('path and environment', () => {
    expect(S('System.IO.Path', 'Combine', 'a', 'b', 'c.txt')).toBe('a/b/c.txt');
    expect(S('IO.Path', 'GetFileName', '/x/y/z.txt')).toBe('z.txt');
    expect(S('IO.Path', 'GetExtension', '/x/y/z.tar.gz')).toBe('.gz');
    expect(S('IO.Path', 'GetFileNameWithoutExtension', '/x/z.txt')).toBe('z');
    expect(S('IO.Path', 'GetDirectoryName', '/x/y/z.txt')).toBe('/x/y');
    process.env.AWSH_TYPES_TEST = 'v';
    expect(S('Environment', 'GetEnvironmentVariable', 'AWSH_TYPES_TEST')).toBe('v');
    S('Environment', 'SetEnvironmentVariable', 'AWSH_TYPES_TEST', null);
    expect(process.env.AWSH_TYPES_TEST).toBeUndefined();
    expect(getStaticMember(T('Environment'), 'NewLine')).toBe('\n');
  });
  it('enums and arrays', () => {
    expect(String(getStaticMember(T('DayOfWeek'), 'friday'))).toBe('Friday');
    expect(Number(getStaticMember(T('StringSplitOptions'), 'RemoveEmptyEntries'))).toBe(1);
    const arr = [3, 1, 2];
    expect(S('array', 'IndexOf', arr, 1)).toBe(1);
    S('array', 'Sort', arr);
    expect(arr).toEqual([1, 2, 3]);
    S('array', 'Reverse', arr);
    expect(arr).toEqual([3, 2, 1]);
  });
  it('exceptions and New-Object', () => {
    const e = invokeStaticMethod(T('System.Exception'), 'new', ['msg']) as PSException;
    expect(e).toBeInstanceOf(PSException);
    expect(e.Message).toBe('msg');
    const a = newObject('System.ArgumentException', ['bad']) as PSException;
    expect(a.typeName).toBe('System.ArgumentException');
    expect(isInstanceOf(a, T('System.SystemException'))).toBe(true);
    expect(String(newObject('version', ['1.2']))).toBe('1.2');
    expect(err(() => newObject('Nope.Type', [])).id).toBe('TypeNotFound');
    expect(err(() => newObject('Nope.Type', [])).message).toBe('Unable to find type [Nope.Type].');
  });
});

describe('System.Enum statics', () => {
  it('lists names', () => {
    expect(invokeStaticMethod(T('System.Enum'), 'GetNames', [T('DayOfWeek')])).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    expect(String(invokeStaticMethod(T('enum'), 'Parse', [T('DayOfWeek'), 'sunday']))).toBe('Sunday');
  });
});

describe('StringBuilder.Length', () => {
  it('can be set to truncate', () => {
    const b = newObject('System.Text.StringBuilder', ['abc']);
    setMember(b, 'Length', 1);
    expect(String(b)).toBe('a');
  });
});
