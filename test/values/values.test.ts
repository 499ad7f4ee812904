import { describe, expect, it } from 'vitest';
import { ScriptBlock } from '../../src/runtime/interpreter/scriptblock.js';
import { formatDouble, parseNumber, toBool, toNumber, toStr } from '../../src/runtime/values/convert.js';
import { formatComposite, formatValue } from '../../src/runtime/values/format.js';
import { PSChar, PSDecimal, PSDouble, PSNumber, numericTypeOf } from '../../src/runtime/values/numbers.js';
import { PSHashtable, PSObject } from '../../src/runtime/values/objects.js';
import {
  add, binaryOp, bitNot, compare, divide, equals, join, like, modulo, multiply, negate, range, rangeIterator,
  split, subtract, unarySplit, type OperatorEnv,
} from '../../src/runtime/values/operators.js';
import { makeMatchObject, matchesTable, toJsRegExp } from '../../src/runtime/values/regex.js';
import { escapeWildcard, isWildcardPattern, wildcardToRegExp } from '../../src/runtime/values/wildcard.js';
import { PSRuntimeError } from '../../src/runtime/errors.js';

function env(): OperatorEnv & { matches: PSHashtable | null | undefined } {
  const e = {
    matches: undefined as PSHashtable | null | undefined,
    setMatches(m: PSHashtable | null) {
      e.matches = m;
    },
    ofs: () => ' ',
    invokeScriptBlock: (sb: unknown, du: unknown) => (sb as (x: unknown) => unknown)(du),
  };
  return e;
}
const op = (o: Parameters<typeof binaryOp>[0], l: unknown, r: unknown, cs = false) => binaryOp(o, l, r, cs, env());
const errId = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof PSRuntimeError) return e.errorRecord.FullyQualifiedErrorId + '|' + e.message;
    throw e;
  }
  return 'no error';
};
const t = (v: unknown) => numericTypeOf(v);

describe('toBool', () => {
  it.each([
    [null, false], [true, true], [false, false], [0, false], [1, true], [-1, true], ['', false], ['False', true],
    ['0', true], [[], false], [[0], false], [[1], true], [[0, 0], true], [[[]], false], [[['x']], true],
    [new PSHashtable(), true], [new PSObject(), true], [new PSDouble(0), false], [0.5, true], [0n, false], [2n, true],
    [PSDecimal.parse('0.0'), false], [new PSChar(0), false], [new PSChar(65), true], [NaN, false],
  ])('toBool #%# → %s', (v, want) => expect(toBool(v)).toBe(want));
});

describe('toStr / formatDouble', () => {
  it.each([
    [0.1 + 0.2, '0.30000000000000004'], [1e15, '1E+15'], [1e14, '100000000000000'], [1e-5, '1E-05'], [0.0001, '0.0001'],
    [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'], [2147483648, '2147483648'], [1.5, '1.5'],
    [-2.25, '-2.25'], [12345678901234567890, '1.2345678901234567E+19'], [1.7976931348623157e308, '1.7976931348623157E+308'],
    [5e-324, '5E-324'], [123.456, '123.456'], [1234567890123456.7, '1234567890123456.8'],
  ])('formatDouble(%s) = %s', (n, s) => expect(formatDouble(n)).toBe(s));
  it('converts scalars', () => {
    expect(toStr(null)).toBe('');
    expect(toStr(true)).toBe('True');
    expect(toStr(false)).toBe('False');
    expect(toStr(42)).toBe('42');
    expect(toStr(10n)).toBe('10');
    expect(toStr(new PSDouble(3))).toBe('3');
    expect(toStr(PSDecimal.parse('1.10'))).toBe('1.10');
    expect(toStr(new PSChar(97))).toBe('a');
    expect(toStr(new PSNumber('Single', 0.1))).toBe('0.1');
    expect(toStr(new PSNumber('Byte', 7))).toBe('7');
  });
  it('joins arrays with ofs', () => {
    expect(toStr([1, 2, 3])).toBe('1 2 3');
    expect(toStr([1, [2, 3]], ',')).toBe('1,System.Object[]');
    expect(toStr([1, null, 'a'], '-')).toBe('1--a');
  });
  it('converts objects', () => {
    const h = new PSHashtable();
    expect(toStr(h)).toBe('System.Collections.Hashtable');
    expect(toStr(new PSHashtable(true))).toBe('System.Collections.Specialized.OrderedDictionary');
    expect(toStr(PSObject.fromEntries([['a', 1], ['b', 'x']]))).toBe('@{a=1; b=x}');
    expect(toStr(new Date(2024, 0, 5, 13, 4, 9))).toBe('01/05/2024 13:04:09');
    expect(toStr({ toString: () => 'custom' })).toBe('custom');
    expect(toStr({ a: 1 })).toBe('@{a=1}');
  });
});

describe('parseNumber / toNumber', () => {
  it('parses numeric strings like literals', () => {
    expect(parseNumber('  12 ')).toBe(12);
    expect(parseNumber('0x1F')).toBe(31);
    expect(parseNumber('0xFFFFFFFF')).toBe(-1);
    expect(parseNumber('0x100000000')).toBe(4294967296n);
    expect(parseNumber('1e3')).toEqual(new PSDouble(1000));
    expect(parseNumber('1.5')).toBe(1.5);
    expect(parseNumber('')).toBe(0);
    expect(parseNumber('1kb')).toBe(1024);
    expect(parseNumber('1.5kb')).toEqual(new PSDouble(1536));
    expect(t(parseNumber('1.5kb'))).toBe('Double');
    expect(parseNumber('-5')).toBe(-5);
    expect(parseNumber('+5')).toBe(5);
    expect(parseNumber('3000000000')).toBe(3000000000n);
    expect(t(parseNumber('10l'))).toBe('Int64');
    expect(toStr(parseNumber('1.10d'))).toBe('1.10');
    expect(parseNumber('0b101')).toBe(5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber('12abc')).toBeNull();
  });
  it('toNumber', () => {
    expect(toNumber(null)).toBe(0);
    expect(toNumber(true)).toBe(1);
    expect(toNumber(new PSChar(65))).toBe(65);
    expect(toNumber('7')).toBe(7);
    expect(errId(() => toNumber('abc'))).toBe(
      `InvalidCastFromStringToInteger|Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."`,
    );
  });
});

describe('arithmetic', () => {
  it('left operand decides', () => {
    expect(add('1', 2)).toBe('12');
    expect(add(1, '2')).toBe(3);
    expect(add(1, '2.5')).toBe(3.5);
    expect(add([1, 2], 3)).toEqual([1, 2, 3]);
    expect(add([1], [2, 3])).toEqual([1, 2, 3]);
    expect(add(null, 5)).toBe(5);
    expect(add(null, 'a')).toBe('a');
    expect(add('a', [1, 2])).toBe('a1 2');
    expect(add('a', null)).toBe('a');
    expect(add(true, 1)).toBe(2);
    expect(add([1], null)).toEqual([1, null]);
  });
  it('widens on overflow', () => {
    const r = add(2147483647, 1);
    expect(r).toBe(2147483648);
    expect(t(r)).toBe('Double');
    expect(t(add(2n, 1))).toBe('Int64');
    expect(add(2n, 1)).toBe(3n);
    expect(t(add(9223372036854775807n, 1))).toBe('Double');
    expect(t(add(1, 1.5))).toBe('Double');
    expect(add(1.5, 1.5)).toEqual(new PSDouble(3));
    expect(t(multiply(65536, 65536))).toBe('Double');
    expect(t(subtract(-2147483648, 1))).toBe('Double');
  });
  it('divides', () => {
    expect(divide(6, 3)).toBe(2);
    expect(t(divide(6, 3))).toBe('Int32');
    expect(divide(5, 2)).toBe(2.5);
    expect(divide(10n, 5n)).toBe(2n);
    expect(divide(new PSDouble(6), 3)).toEqual(new PSDouble(2));
    expect(errId(() => divide(1, 0))).toBe('RuntimeException|Attempted to divide by zero.');
    expect(errId(() => modulo(1, 0))).toBe('RuntimeException|Attempted to divide by zero.');
    // Double division is IEEE (DoubleOps.Divide): no error.
    expect(divide(1.5, 0)).toBe(Infinity);
    expect(Number.isNaN(modulo(1.5, 0) as number)).toBe(true);
    expect(modulo(7, 3)).toBe(1);
    expect(modulo(-7, 3)).toBe(-1);
    expect(modulo(7.5, 2)).toBe(1.5);
    expect(subtract('5', 2)).toBe(3);
    expect(subtract(5, '')).toBe(5);
    expect(divide('10', '4')).toBe(2.5);
  });
  it('catches the inner DivideByZeroException', () => {
    try {
      divide(1, 0);
    } catch (e) {
      expect((e as PSRuntimeError).errorRecord.Exception.InnerException?.typeName).toBe('System.DivideByZeroException');
    }
  });
  it('decimal is exact', () => {
    expect(toStr(add(PSDecimal.parse('1.10'), 1))).toBe('2.10');
    expect(toStr(add(PSDecimal.parse('0.1'), PSDecimal.parse('0.2')))).toBe('0.3');
    expect(toStr(multiply(PSDecimal.parse('1.5'), PSDecimal.parse('2.0')))).toBe('3.00');
    expect(toStr(divide(PSDecimal.parse('10'), PSDecimal.parse('4')))).toBe('2.5');
    expect(toStr(divide(PSDecimal.parse('1'), PSDecimal.parse('3')))).toBe('0.3333333333333333333333333333');
    expect(t(add(PSDecimal.parse('1'), 1.5))).toBe('Decimal');
  });
  it('repeats strings and arrays', () => {
    expect(multiply('ab', 3)).toBe('ababab');
    expect(multiply('ab', 0)).toBe('');
    expect(multiply([1, 2], 2)).toEqual([1, 2, 1, 2]);
    expect(multiply('x', '2')).toBe('xx');
  });
  it('merges hashtables', () => {
    const a = new PSHashtable();
    a.set('a', 1);
    const b = new PSHashtable();
    b.set('b', 2);
    const c = add(a, b) as PSHashtable;
    expect([...c.keys()]).toEqual(['a', 'b']);
    expect(a.size).toBe(1);
    const d = new PSHashtable();
    d.set('A', 3);
    expect(errId(() => add(a, d))).toBe("System.ArgumentException|Item has already been added. Key in dictionary: 'a'  Key being added: 'A'");
    expect(errId(() => add(a, 1))).toBe('AddHashTableToNonHashTable|A hash table can only be added to another hash table.');
  });
  it('rejects arrays in subtraction', () => {
    expect(errId(() => subtract([1], 1))).toBe(
      "MethodNotFound|Method invocation failed because [System.Object[]] does not contain a method named 'op_Subtraction'.",
    );
  });
  it('negates', () => {
    expect(negate(5)).toBe(-5);
    expect(negate(0)).toBe(0);
    expect(Object.is(negate(0), -0)).toBe(false);
    expect(t(negate(-2147483648))).toBe('Double');
    expect(negate('3')).toBe(-3);
    expect(negate(5n)).toBe(-5n);
  });
  it('bitwise', () => {
    expect(op('-band', 6, 3)).toBe(2);
    expect(op('-bor', 6, 3)).toBe(7);
    expect(op('-bxor', 6, 3)).toBe(5);
    expect(op('-shl', 1, 4)).toBe(16);
    expect(op('-shr', -16, 2)).toBe(-4);
    expect(bitNot(5)).toBe(-6);
    expect(op('-band', 0xffn, 0x0f)).toBe(0x0fn);
    expect(op('-xor', true, false)).toBe(true);
    expect(op('-xor', 1, 1)).toBe(false);
  });
});

describe('comparison', () => {
  it('equality converts right to left type', () => {
    expect(equals(1, '01')).toBe(true);
    expect(equals('1.0', 1)).toBe(false);
    expect(equals(null, 0)).toBe(false);
    expect(equals(0, null)).toBe(false);
    expect(equals(null, null)).toBe(true);
    expect(equals('abc', 'ABC')).toBe(true);
    expect(equals('abc', 'ABC', true)).toBe(false);
    expect(equals(1, 1.0)).toBe(true);
    expect(equals(1, new PSDouble(1))).toBe(true);
    expect(equals(1, 1.5)).toBe(false);
    expect(equals(1n, 1)).toBe(true);
    expect(equals(true, 'false')).toBe(true);
    expect(equals(false, 0)).toBe(true);
    expect(equals(1, 'abc')).toBe(false);
    expect(equals(new PSChar(97), 'A')).toBe(true);
    expect(equals(new PSChar(97), 'A', true)).toBe(false);
    expect(equals(NaN, NaN)).toBe(true);
    expect(equals(PSDecimal.parse('1.10'), 1.1)).toBe(true);
    expect(equals(2, '1.5')).toBe(true);
    const o = new PSObject();
    expect(equals(o, o)).toBe(true);
    expect(equals(o, new PSObject())).toBe(false);
  });
  it('array on the left filters', () => {
    expect(op('-eq', [1, 2, 3, 2], 2)).toEqual([2, 2]);
    expect(op('-eq', [1, 2], 3)).toEqual([]);
    expect(op('-ne', [1, 2, 3], 2)).toEqual([1, 3]);
    expect(op('-gt', [1, 2, 3], 1)).toEqual([2, 3]);
    expect(op('-eq', [1, null], null)).toEqual([null]);
  });
  it('ordering', () => {
    expect(compare('a', 'B')).toBeLessThan(0);
    expect(compare('B', 'a')).toBeGreaterThan(0);
    expect(compare('a', 'A')).toBe(0);
    expect(compare('a', 'A', true)).toBeLessThan(0);
    expect(compare(null, 1)).toBeLessThan(0);
    expect(compare(null, -1)).toBeGreaterThan(0);
    expect(compare(1, null)).toBeGreaterThan(0);
    expect(compare(null, 'a')).toBeLessThan(0);
    expect(compare(2, '10')).toBeLessThan(0);
    expect(compare('2', 10)).toBeGreaterThan(0);
    expect(compare(2n, 3)).toBeLessThan(0);
    expect(op('-gt', 5, 3)).toBe(true);
    expect(op('-le', 3, 3)).toBe(true);
    expect(op('-lt', 'abc', 'abd')).toBe(true);
    expect(compare(new Date(2020, 1, 1), new Date(2021, 1, 1))).toBeLessThan(0);
    expect(errId(() => compare(1, 'abc'))).toMatch(/^ComparisonFailure\|Cannot compare "1" to "abc"/);
  });
  it('containment', () => {
    expect(op('-contains', ['1', '2'], 1)).toBe(true);
    expect(op('-contains', [1, 2], 3)).toBe(false);
    expect(op('-notcontains', [1, 2], 3)).toBe(true);
    expect(op('-in', 'B', ['a', 'b'])).toBe(true);
    expect(op('-in', 'B', ['a', 'b'], true)).toBe(false);
    expect(op('-notin', 3, [1, 2])).toBe(true);
    expect(op('-contains', 'abc', 'ABC')).toBe(true);
  });
});

describe('wildcards', () => {
  it('-like', () => {
    expect(like('hello', 'h*o')).toBe(true);
    expect(like('Hello', 'h?llo')).toBe(true);
    expect(like('Hello', 'h?llo', true)).toBe(false);
    expect(like('b', '[a-c]')).toBe(true);
    expect(like('d', '[a-c]')).toBe(false);
    expect(like('a*c', 'a`*c')).toBe(true);
    expect(like('abc', 'a`*c')).toBe(false);
    expect(like('a.c', 'a.c')).toBe(true);
    expect(like('abc', 'a.c')).toBe(false);
    expect(like('x\ny', 'x*y')).toBe(true);
    expect(like('(a)', '(a)')).toBe(true);
    expect(op('-like', ['apple', 'banana', 'avocado'], 'a*')).toEqual(['apple', 'avocado']);
    expect(op('-notlike', 'abc', 'x*')).toBe(true);
    expect(like(12, '1*')).toBe(true);
    expect(errId(() => like('a', '[abc'))).toMatch(/The specified wildcard character pattern is not valid: \[abc/);
  });
  it('helpers', () => {
    expect(isWildcardPattern('a*')).toBe(true);
    expect(isWildcardPattern('a`*')).toBe(false);
    expect(isWildcardPattern('abc')).toBe(false);
    expect(escapeWildcard('a*[b]')).toBe('a`*`[b`]');
    expect(wildcardToRegExp('a*', false)).toBe(wildcardToRegExp('a*', false));
  });
});

describe('regex and -match', () => {
  it('scalar sets $Matches', () => {
    const e = env();
    expect(binaryOp('-match', 'abc123', '(\\d)(\\d)', false, e)).toBe(true);
    expect(e.matches!.get(0)).toBe('12');
    expect(e.matches!.get(1)).toBe('1');
    expect(e.matches!.get(2)).toBe('2');
    expect([...e.matches!.keys()]).toEqual([2, 1, 0]);
  });
  it('named groups', () => {
    const e = env();
    binaryOp('-match', 'John Smith', '(?<first>\\w+) (?<last>\\w+)', false, e);
    expect(e.matches!.get('first')).toBe('John');
    expect(e.matches!.get('LAST')).toBe('Smith');
    expect(e.matches!.has(1)).toBe(false);
    binaryOp('-match', 'ab', "(?'x'a)(b)", false, e);
    expect(e.matches!.get('x')).toBe('a');
    expect(e.matches!.get(1)).toBe('b');
  });
  it('no match leaves $Matches', () => {
    const e = env();
    expect(binaryOp('-match', 'abc', 'x', false, e)).toBe(false);
    expect(e.matches).toBeUndefined();
    expect(binaryOp('-notmatch', 'abc', 'b', false, e)).toBe(false);
    expect(e.matches!.get(0)).toBe('b');
  });
  it('case and arrays', () => {
    expect(op('-match', 'ABC', 'b')).toBe(true);
    expect(op('-match', 'ABC', 'b', true)).toBe(false);
    const e = env();
    expect(binaryOp('-match', ['a1', 'b', 'c2'], '\\d', false, e)).toEqual(['a1', 'c2']);
    expect(e.matches).toBeUndefined();
    expect(op('-notmatch', ['a1', 'b'], '\\d')).toEqual(['b']);
  });
  it('translates .NET syntax', () => {
    expect(toJsRegExp('(?i)abc', { ignoreCase: false }).test('ABC')).toBe(true);
    expect(toJsRegExp('\\Aab\\z', { ignoreCase: false }).test('ab')).toBe(true);
    expect(toJsRegExp('\\Aab\\z', { ignoreCase: false }).test('ab\n')).toBe(false);
    expect(toJsRegExp('ab$', { ignoreCase: false }).test('ab\n')).toBe(true);
    expect(toJsRegExp('a.b', { ignoreCase: false }).test('a\nb')).toBe(false);
    expect(toJsRegExp('(?s)a.b', { ignoreCase: false }).test('a\nb')).toBe(true);
    expect(toJsRegExp('^b', { ignoreCase: false, multiline: true }).test('a\nb')).toBe(true);
    expect(toJsRegExp('(?x) a b # comment', { ignoreCase: false }).test('ab')).toBe(true);
    expect(toJsRegExp('a\\-b', { ignoreCase: false }).test('a-b')).toBe(true);
    expect(toJsRegExp('\\p{Lu}', { ignoreCase: false }).test('É')).toBe(true);
    expect(errId(() => toJsRegExp('(', { ignoreCase: false }))).toBe('InvalidRegularExpression|The regular expression pattern ( is not valid.');
  });
  it('match objects', () => {
    const re = toJsRegExp('(?<y>\\d{4})-(\\d\\d)', { ignoreCase: true, indices: true });
    const m = re.exec('on 2024-05 ok')!;
    const mo = makeMatchObject(m, 'on 2024-05 ok', re);
    expect(mo.Value).toBe('2024-05');
    expect(mo.Index).toBe(3);
    expect(mo.Length).toBe(7);
    expect(mo.Success).toBe(true);
    expect(mo.Groups.Count).toBe(3);
    expect(mo.Groups.get(1).Value).toBe('05');
    expect(mo.Groups.get(1).Index).toBe(8);
    expect(mo.Groups.get('y').Value).toBe('2024');
    expect(mo.Groups.get(2).Name).toBe('y');
    expect(mo.Groups.get('nope').Success).toBe(false);
    expect(String(mo)).toBe('2024-05');
    const tbl = matchesTable(m, re);
    expect(tbl.get('y')).toBe('2024');
    expect(tbl.get(1)).toBe('05');
  });
});

describe('-replace', () => {
  it('substitutions', () => {
    expect(op('-replace', 'hello world', ['o', '0'])).toBe('hell0 w0rld');
    expect(op('-replace', 'Hello', ['h', 'J'])).toBe('Jello');
    expect(op('-replace', 'Hello', ['h', 'J'], true)).toBe('Hello');
    expect(op('-replace', 'abc', 'b')).toBe('ac');
    expect(op('-replace', 'John Smith', ['(\\w+) (\\w+)', '$2, $1'])).toBe('Smith, John');
    expect(op('-replace', 'John Smith', ['(?<f>\\w+) (?<l>\\w+)', '${l} ${f}'])).toBe('Smith John');
    expect(op('-replace', 'abc', ['b', '[$&]'])).toBe('a[b]c');
    expect(op('-replace', 'abc', ['b', '$$'])).toBe('a$c');
    expect(op('-replace', 'abc', ['b', '$0$0'])).toBe('abbc');
    expect(op('-replace', 'abc', ['b', '$5'])).toBe('a$5c');
    expect(op('-replace', 'abc', ['', '-'])).toBe('-a-b-c-');
    expect(op('-replace', ['ab', 'cb'], ['b', 'x'])).toEqual(['ax', 'cx']);
    expect(op('-replace', 12, ['1', 'x'])).toBe('x2');
    expect(op('-replace', null, ['a', 'b'])).toBe('');
    expect(errId(() => op('-replace', 'a', ['a', 'b', 'c']))).toBe(
      'BadReplaceArgument|The -replace operator allows only two elements to follow it, not 3.',
    );
  });
  it('script block replacement', () => {
    // A real ScriptBlock (operators recognise the class); the test env runs it as a JS function.
    const sb = new ScriptBlock({} as never);
    const e = env();
    e.invokeScriptBlock = (s, du) => (s === sb ? (du as { Value: string }).Value.toUpperCase() : null);
    expect(binaryOp('-replace', 'abc', ['[ac]', sb], false, e)).toBe('AbC');
  });
});

describe('-split / -join', () => {
  it('splits by regex', () => {
    expect(split('a,b,,c', ',', false)).toEqual(['a', 'b', '', 'c']);
    expect(split('a1b2c', '\\d', false)).toEqual(['a', 'b', 'c']);
    expect(split('a1b2c', '(\\d)', false)).toEqual(['a', '1', 'b', '2', 'c']);
    expect(split('a.b', '.', false)).toEqual(['', '', '', '']);
    expect(split('a.b', ['.', 0, 'SimpleMatch'], false)).toEqual(['a', 'b']);
    expect(split('a,b,c,d', [',', 2], false)).toEqual(['a', 'b,c,d']);
    expect(split('a,b,c,d', [',', -2], false)).toEqual(['a,b,c', 'd']);
    expect(split('aXbxc', 'x', false)).toEqual(['a', 'b', 'c']);
    expect(split('aXbxc', 'x', true)).toEqual(['aXb', 'c']);
    expect(split('abc', '', false)).toEqual(['', 'a', 'b', 'c', '']);
    expect(split(['a b', 'c d'], ' ', false)).toEqual(['a', 'b', 'c', 'd']);
    expect(split('a\nb', ['^b', 0, 'Multiline'], false)).toEqual(['a\n', '']);
    expect(errId(() => split('a', ['a', 0, 'Bogus'], false))).toMatch(/^InvalidCastFromStringToEnum\|/);
  });
  it('unary split', () => {
    expect(unarySplit('  a  b\tc ')).toEqual(['a', 'b', 'c']);
  });
  it('joins', () => {
    expect(join([1, 2, 3], ',')).toBe('1,2,3');
    expect(join([1, null, 3], '-')).toBe('1--3');
    expect(join('abc', ',')).toBe('abc');
    expect(join(['a', 'b'])).toBe('ab');
    expect(join(null, ',')).toBe('');
    expect(op('-join', [1.5, true], '|')).toBe('1.5|True');
  });
});

describe('ranges', () => {
  it('numbers and chars', () => {
    expect(range(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(range(3, 1)).toEqual([3, 2, 1]);
    expect(range(-1, 1)).toEqual([-1, 0, 1]);
    expect(range('1', '3')).toEqual([1, 2, 3]);
    expect(range(1.5, 3)).toEqual([2, 3]);
    expect(range('a', 'e').map(String)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(range('c', 'a').map(String)).toEqual(['c', 'b', 'a']);
    expect([...rangeIterator(1, 3)]).toEqual([1, 2, 3]);
    expect(op('..', 2, 2)).toEqual([2]);
  });
});

describe('-f and formatting', () => {
  it('composite', () => {
    expect(op('-f', '{0} is {1}', ['x', 5])).toBe('x is 5');
    expect(op('-f', '{0}', 'a')).toBe('a');
    expect(formatComposite('[{0,5}]', [42])).toBe('[   42]');
    expect(formatComposite('[{0,-5}]', [42])).toBe('[42   ]');
    expect(formatComposite('{{{0}}}', [1])).toBe('{1}');
    expect(formatComposite('{0:N2}', [1234.567])).toBe('1,234.57');
    expect(formatComposite('{0,10:N1}', [1234.56])).toBe('   1,234.6');
    expect(formatComposite('{0}', [null])).toBe('');
    expect(formatComposite('{0}', [[1, 2]])).toBe('System.Object[]');
    expect(formatComposite('{0}', [true])).toBe('True');
    expect(errId(() => formatComposite('{1}', [1]))).toBe(
      'FormatError|Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..',
    );
    expect(errId(() => formatComposite('{0', [1]))).toMatch(/^FormatError\|Error formatting a string: Input string was not in a correct format/);
  });
  it.each([
    [1234.5678, 'N', '1,234.57'], [1234.5678, 'N0', '1,235'], [0.125, 'F2', '0.13'], [2.5, 'F0', '3'], [-2.5, 'F0', '-3'],
    [1.005, 'F2', '1.00'], [42, 'D5', '00042'], [-42, 'D5', '-00042'], [255, 'X', 'FF'], [255, 'x4', '00ff'], [-1, 'X', 'FFFFFFFF'],
    [1234.5, 'C', '$1,234.50'], [-5, 'C', '-$5.00'], [0.1234, 'P', '12.34%'], [0.5, 'P0', '50%'], [1234.5678, 'E', '1.234568E+003'],
    [1234.5678, 'e2', '1.23e+003'], [1234.5678, 'G3', '1.23E+03'], [0.1 + 0.2, 'R', '0.30000000000000004'], [42, 'G', '42'],
    [1234.5678, '0.00', '1234.57'], [1234567, '#,##0', '1,234,567'], [1.5, '0.##', '1.5'], [7, '000', '007'], [0.256, '#.#%', '25.6%'],
    [-3, '0;(0)', '(3)'], [0, '0;-0;zero', 'zero'], [1234567, '#,##0,,', '1'], [5, "'n='0", 'n=5'], [1234.5, '#,##0.00', '1,234.50'],
    [0.5, '#.##', '.5'], [12345, '0.0E+00', '1.2E+04'], [5551234567, '(###) ###-####', '(555) 123-4567'], [5n, 'D3', '005'],
    [NaN, 'N2', 'NaN'],
  ])('%s ToString(%s) = %s', (v, f, want) => expect(formatValue(v, f)).toBe(want));
  it('decimal and invalid formats', () => {
    expect(formatValue(PSDecimal.parse('2.345'), 'N2')).toBe('2.35');
    expect(formatValue(PSDecimal.parse('1.10'), 'G')).toBe('1.10');
    expect(errId(() => formatValue(1.5, 'D'))).toBe('FormatException|Format specifier was invalid.');
    expect(formatValue('text', 'N2')).toBe('text');
  });
  it('dates', () => {
    const d = new Date(2024, 2, 5, 14, 7, 9, 45);
    expect(formatValue(d, 'yyyy-MM-dd')).toBe('2024-03-05');
    expect(formatValue(d, 'HH:mm:ss.fff')).toBe('14:07:09.045');
    expect(formatValue(d, 'hh:mm tt')).toBe('02:07 PM');
    expect(formatValue(d, 'dddd, MMMM d')).toBe('Tuesday, March 5');
    expect(formatValue(d, 'ddd MMM')).toBe('Tue Mar');
    expect(formatValue(d, 'd')).toBe('3/5/2024');
    expect(formatValue(d, 'D')).toBe('Tuesday, March 5, 2024');
    expect(formatValue(d, 'T')).toBe('2:07:09 PM');
    expect(formatValue(d, 'g')).toBe('3/5/2024 2:07 PM');
    expect(formatValue(d, 's')).toBe('2024-03-05T14:07:09');
    expect(formatValue(d, "yyyyMMdd'T'HHmm")).toBe('20240305T1407');
    expect(formatComposite('{0:yyyy}', [d])).toBe('2024');
    expect(formatValue(d, 'o')).toMatch(/^2024-03-05T14:07:09\.0450000[+-]\d\d:\d\d$/);
  });
});

describe('PSObject.setLazyProperty', () => {
  it('works the value out on first read only, and an assignment replaces it', () => {
    let calls = 0;
    const o = new PSObject();
    o.setLazyProperty('Parameters', () => ++calls);
    expect(calls).toBe(0);
    expect(o.getMember('parameters')!.value).toBe(1);
    expect(o.getMember('Parameters')!.value).toBe(1);
    expect(calls).toBe(1);
    o.setProperty('Parameters', 'x');
    expect(o.getMember('Parameters')!.value).toBe('x');
    expect(calls).toBe(1);
  });
});
