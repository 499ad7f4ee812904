// Instance method calls on every kind of value (`$x.Name(args)`), case-insensitive, with pwsh's errors.
import { PSSemanticVersion } from './semver.js';
import { typeMemberOf } from './type-data.js';
import { PSDateTimeOffset } from './datetimeoffset.js';
import { ErrorCategoryInfo, ErrorRecord, PSException, PSRuntimeError, requireSync, runtimeError } from '../errors.js';
import { invokeScriptBlock, invokeScriptBlockMaybe, ScriptBlock } from '../interpreter/scriptblock.js';
import { numberToString, toBool, toStr } from '../values/convert.js';
import { formatComposite, formatValue, setFormattableHook } from '../values/format.js';
import { PSChar, PSDecimal, isNumeric, toJsNumber } from '../values/numbers.js';
import { ClassInstance, PSHashtable, PSObject, type PSMember } from '../values/objects.js';
import { compare, equals } from '../values/operators.js';
import { RegexMatch, RegexGroupCollection, makeMatchObject } from '../values/regex.js';
import { PSMultiArray } from './multi-array.js';
import { convertTo, isInstanceOf } from './cast.js';
import { PSDictionary, PSHashSet, PSList, PSQueue, PSStack, PSStringBuilder, getEnumerable } from './collections.js';
import {
  TimeSpan, addDateTime, addMonths, dateFromParts, dateKind, dateParts, formatDateTime, makeDate, subtractDateTime,
  toLocal, toUniversal,
} from './datetime.js';
import { argBool, argConvert, argInt, argItems, argNum, argStr, unwrapArg } from './method-args.js';
import {
  DotNetError, argumentError, argumentOutOfRange, callWrapped, invalidOperation, invokeOnNullError, methodNotFoundError,
  overloadCountError,
} from './method-errors.js';
import { PSMemberCollection, PSObjectView, attachedMethod, getMember, hasMember, setMember } from './members.js';
import { PSType, arrayTypeOf, resolveType, typeByFullName } from './ps-type.js';
import { regexIsMatch, regexMatch, regexMatches, regexReplace, regexSplit } from './regex-methods.js';
import { PSSwitch } from '../values/switch.js';
import { DictionaryEntry, KeyValuePair, PSEncoding, PSEnumValue, PSGuid, PSRegex, PSVersion, PSWildcardPattern, TYPE_NAME } from './simple-values.js';
import { wildcardToRegExp } from '../values/wildcard.js';
import { stringMethods } from './string-methods.js';
import { dictionaryEnumerator, listEnumerator, setEnumerator } from './get-enumerator.js';
import { Stopwatch, stopwatchMethods } from './stopwatch.js';
import { adapterOf } from './adapted.js';
import { setArrayElementType, typeNamesOf, typeOf } from './type-of.js';

type Method<T> = (target: T, args: unknown[]) => unknown;
type Table<T> = Record<string, Method<T>>;

let getNewClosureHook: ((sb: ScriptBlock) => ScriptBlock) | null = null;
/** The interpreter installs how `$sb.GetNewClosure()` captures the current scope. */
export function setGetNewClosureHook(fn: (sb: ScriptBlock) => ScriptBlock): void {
  getNewClosureHook = fn;
}

/** Lower-cased lookup tables, built once per table. */
const lowered = new WeakMap<object, Map<string, [string, Method<never>]>>();
function find<T>(table: Table<T>, lname: string): [string, Method<T>] | undefined {
  let m = lowered.get(table);
  if (!m) {
    m = new Map();
    for (const [k, fn] of Object.entries(table)) m.set(k.toLowerCase(), [k, fn as Method<never>]);
    lowered.set(table, m);
  }
  return m.get(lname) as [string, Method<T>] | undefined;
}

function arity(method: string, a: unknown[], min: number, max = min): void {
  if (a.length < min || a.length > max) throw overloadCountError(method, a.length);
}

function scriptResult(out: unknown[]): unknown {
  return out.length === 0 ? null : out.length === 1 ? out[0] : out;
}

/** .NET Object.Equals semantics (used by IList.Contains/IndexOf, HashSet, Equals()). */
export function dotnetEquals(a: unknown, b: unknown): boolean {
  a = unwrapArg(a);
  b = unwrapArg(b);
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a === 'string' || typeof b === 'string') return false;
  if (isNumeric(a) && isNumeric(b)) return typeOf(a) === typeOf(b) && toJsNumber(a) === toJsNumber(b);
  if (a instanceof PSChar && b instanceof PSChar) return a.code === b.code;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof TimeSpan && b instanceof TimeSpan) return a.Ticks === b.Ticks;
  if (a instanceof PSGuid && b instanceof PSGuid) return a.value === b.value;
  if (a instanceof PSVersion && b instanceof PSVersion) return a.compareTo(b) === 0;
  if (a instanceof PSEnumValue && b instanceof PSEnumValue) return a.type === b.type && a.value === b.value;
  if (a instanceof PSDateTimeOffset) return a.equals(b);
  return false;
}

function hashCode(v: unknown): number {
  const s = toStr(v);
  let h = 7;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

function compareValues(a: unknown, b: unknown): number {
  const r = compare(a, b, true);
  return r < 0 ? -1 : r > 0 ? 1 : 0;
}

// -------------------------------------------------------------------------------------------------
// .Where() and .ForEach()

/** A WhereOperatorSelectionMode given by name or number. */
function whereMode(v: unknown): string {
  const x = unwrapArg(v);
  const modes = ['default', 'first', 'last', 'skipuntil', 'until', 'split'];
  return isNumeric(x) ? (modes[toJsNumber(x)] ?? argStr(x)) : argStr(x).toLowerCase();
}

function whereMethod(items: unknown[], a: unknown[]): unknown[] | Promise<unknown[]> {
  arity('Where', a, 1, 3);
  const sb = unwrapArg(a[0]);
  if (!(sb instanceof ScriptBlock)) throw overloadCountError('Where', a.length);
  const mode = a.length > 1 ? whereMode(a[1]) : 'default';
  const n = a.length > 2 ? argInt('Where', 'numberToReturn', a[2]) : 0;
  const test = (x: unknown): boolean | Promise<boolean> => {
    const out = invokeScriptBlockMaybe(sb, { dollarUnder: x, args: [x] });
    return out instanceof Promise ? out.then((o) => toBool(scriptResult(o))) : toBool(scriptResult(out));
  };
  return drive(whereSelect(items, mode, n, a), test);
}

/**
 * Runs a generator that asks for a verdict on a value by yielding it: synchronously, until a verdict is a Promise (the
 * script block ran an async command); then the rest follows when it settles.
 */
function drive<R>(gen: Generator<unknown, R, boolean>, ask: (x: unknown) => boolean | Promise<boolean>, step = gen.next()): R | Promise<R> {
  for (;;) {
    if (step.done) return step.value;
    const v = ask(step.value);
    if (v instanceof Promise) return v.then((b) => drive(gen, ask, gen.next(b)));
    step = gen.next(v);
  }
}

/** The .Where() modes; `yield x` is the script block's verdict on x. */
function* whereSelect(items: unknown[], mode: string, n: number, a: unknown[]): Generator<unknown, unknown[], boolean> {
  const out: unknown[] = [];
  switch (mode) {
    case 'default':
      for (const x of items) if (yield x) {
        out.push(x);
        if (n > 0 && out.length >= n) break;
      }
      return out;
    case 'first':
      for (const x of items) if (yield x) {
        out.push(x);
        if (out.length >= Math.max(1, n)) break;
      }
      return out;
    case 'last': {
      for (const x of items) if (yield x) out.push(x);
      return out.slice(-Math.max(1, n));
    }
    case 'skipuntil': {
      let on = false;
      for (const x of items) {
        if (!on && (yield x)) on = true;
        if (on) out.push(x);
        if (n > 0 && out.length >= n) break;
      }
      return out;
    }
    case 'until':
      for (const x of items) {
        if (yield x) break;
        out.push(x);
        if (n > 0 && out.length >= n) break;
      }
      return out;
    case 'split': {
      const yes: unknown[] = [];
      const no: unknown[] = [];
      for (const x of items) {
        if ((n <= 0 || yes.length < n) && (yield x)) yes.push(x);
        else no.push(x);
      }
      return [psObjectCollection(yes), psObjectCollection(no)];
    }
  }
  throw argumentError(`Cannot convert value "${argStr(a[1])}" to type "System.Management.Automation.WhereOperatorSelectionMode".`);
}

function forEachMethod(items: unknown[], a: unknown[]): unknown[] | Promise<unknown[]> {
  if (a.length < 1) throw overloadCountError('ForEach', 0);
  const op = unwrapArg(a[0]);
  const out: unknown[] = [];
  const push = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) out.push(x);
    else if (v !== null && v !== undefined) out.push(v);
  };
  if (op instanceof ScriptBlock) {
    const extra = a.slice(1);
    const from = (i: number): unknown[] | Promise<unknown[]> => {
      for (; i < items.length; i++) {
        const r = invokeScriptBlockMaybe(op, { dollarUnder: items[i], args: extra });
        if (r instanceof Promise) {
          const next = i + 1;
          return r.then((rs) => {
            for (const x of rs) out.push(x);
            return from(next);
          });
        }
        for (const x of r) out.push(x);
      }
      return out;
    };
    return from(0);
  }
  if (op instanceof PSType) {
    for (const x of items) out.push(convertTo(x, op));
    return out;
  }
  // `.ForEach('Name')` gets a property, `.ForEach('Name', value)` sets it (several values: as an array), and a
  // name that is no property calls the method of that name with the other arguments.
  const name = argStr(op);
  const rest = a.slice(1);
  const newValue = rest.length === 1 ? unwrapArg(rest[0]) : rest.map(unwrapArg);
  for (const x of items) {
    if (x === null || x === undefined) {
      if (rest.length === 0) out.push(null);
      else throw new DotNetError('System.NullReferenceException', 'Object reference not set to an instance of an object.');
      continue;
    }
    if (x instanceof PSHashtable) {
      if (rest.length === 0) out.push(x.getByKey(name) ?? null);
      else x.set(name, newValue);
      continue;
    }
    if (hasMember(x, name)) {
      if (rest.length === 0) push(getMember(x, name));
      else setMember(x, name, newValue);
      continue;
    }
    try {
      push(invokeMethod(x, name, rest));
    } catch (e) {
      if (!(e instanceof PSRuntimeError) || e.errorRecord.FullyQualifiedErrorId !== 'MethodNotFound') throw e;
      if (rest.length === 0) {
        out.push(null);
        continue;
      }
      throw runtimeError(
        `The ForEach() operator could not find a member '${name}' on the target object. Please verify that the named member exists and then try running your script again.`,
        'ForEachNonexistentMemberReference',
        { category: 'NotSpecified', exceptionType: 'System.NullReferenceException' },
      );
    }
  }
  return out;
}

// -------------------------------------------------------------------------------------------------
// Tables per kind

/** IConvertible.ToXxx(provider) on numbers: a PowerShell conversion to that type. */
function convertibleTo(typeName: string): (n: unknown) => unknown {
  return (n) => convertTo(n, typeByFullName(typeName)!);
}

const numberMethods: Table<unknown> = {
  // ToString() / ToString(provider) give round-trip digits, unlike [string] conversion (G15).
  ToString: (n, a) => (a.length && unwrapArg(a[0]) !== null && typeof unwrapArg(a[0]) === 'string' ? formatValue(n, argStr(a[0])) : numberToString(n)),
  ToBoolean: convertibleTo('System.Boolean'),
  ToByte: convertibleTo('System.Byte'),
  ToSByte: convertibleTo('System.SByte'),
  ToInt16: convertibleTo('System.Int16'),
  ToUInt16: convertibleTo('System.UInt16'),
  ToInt32: convertibleTo('System.Int32'),
  ToUInt32: convertibleTo('System.UInt32'),
  ToInt64: convertibleTo('System.Int64'),
  ToUInt64: convertibleTo('System.UInt64'),
  ToSingle: convertibleTo('System.Single'),
  ToDouble: convertibleTo('System.Double'),
  ToDecimal: convertibleTo('System.Decimal'),
  CompareTo: (n, a) => {
    arity('CompareTo', a, 1);
    const o = unwrapArg(a[0]);
    return o === null ? 1 : compareValues(n, o);
  },
  Equals: (n, a) => (arity('Equals', a, 1), dotnetEquals(n, a[0])),
  GetHashCode: (n) => Math.trunc(toJsNumber(n)) | 0,
  GetTypeCode: (n) => typeOf(n).Name,
};

function dateArg(method: string, v: unknown): number {
  return argNum(method, 'value', v);
}

const dateMethods: Table<Date> = {
  AddDays: (d, a) => makeDate(d.getTime() + dateArg('AddDays', a[0]) * 86400000, dateKind(d)),
  AddHours: (d, a) => makeDate(d.getTime() + dateArg('AddHours', a[0]) * 3600000, dateKind(d)),
  AddMinutes: (d, a) => makeDate(d.getTime() + dateArg('AddMinutes', a[0]) * 60000, dateKind(d)),
  AddSeconds: (d, a) => makeDate(d.getTime() + dateArg('AddSeconds', a[0]) * 1000, dateKind(d)),
  AddMilliseconds: (d, a) => makeDate(d.getTime() + dateArg('AddMilliseconds', a[0]), dateKind(d)),
  AddTicks: (d, a) => makeDate(d.getTime() + dateArg('AddTicks', a[0]) / 10000, dateKind(d)),
  AddMonths: (d, a) => addMonths(d, argInt('AddMonths', 'months', a[0])),
  AddYears: (d, a) => addMonths(d, argInt('AddYears', 'value', a[0]) * 12),
  Add: (d, a) => {
    const ts = unwrapArg(a[0]);
    if (!(ts instanceof TimeSpan)) throw overloadCountError('Add', a.length);
    return addDateTime(d, ts);
  },
  Subtract: (d, a) => {
    arity('Subtract', a, 1);
    const o = unwrapArg(a[0]);
    if (o instanceof Date || o instanceof TimeSpan) return subtractDateTime(d, o);
    return subtractDateTime(d, convertTo(o, typeByFullName('System.DateTime')!) as Date);
  },
  ToUniversalTime: (d) => (dateKind(d) === 'Utc' ? d : toUniversal(d)),
  ToLocalTime: (d) => (dateKind(d) === 'Local' ? d : dateKind(d) === 'Utc' ? toLocal(d) : toLocal(d)),
  ToString: (d, a) => formatDateTime(d, a.length ? argStr(a[0]) : 'G'),
  ToShortDateString: (d) => formatDateTime(d, 'd'),
  ToLongDateString: (d) => formatDateTime(d, 'D'),
  ToShortTimeString: (d) => formatDateTime(d, 't'),
  ToLongTimeString: (d) => formatDateTime(d, 'T'),
  ToFileTime: (d) => BigInt(d.getTime() + 11644473600000) * 10000n,
  ToFileTimeUtc: (d) => BigInt(d.getTime() + 11644473600000) * 10000n,
  ToOADate: (d) => {
    const p = dateParts(d);
    return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms) - Date.UTC(1899, 11, 30)) / 86400000;
  },
  CompareTo: (d, a) => {
    const o = unwrapArg(a[0]);
    if (!(o instanceof Date)) return 1;
    return Math.sign(d.getTime() - o.getTime());
  },
  Equals: (d, a) => dotnetEquals(d, a[0]),
  GetHashCode: (d) => d.getTime() | 0,
  IsDaylightSavingTime: (d) => {
    const jan = new Date(d.getFullYear(), 0, 1).getTimezoneOffset();
    const jul = new Date(d.getFullYear(), 6, 1).getTimezoneOffset();
    return d.getTimezoneOffset() < Math.max(jan, jul);
  },
  GetDateTimeFormats: (d) => [formatDateTime(d, 'd'), formatDateTime(d, 'D')],
};

function tsArg(method: string, v: unknown): TimeSpan {
  const t = unwrapArg(v);
  if (t instanceof TimeSpan) return t;
  return convertTo(t, typeByFullName('System.TimeSpan')!) as TimeSpan;
}

const timeSpanMethods: Table<TimeSpan> = {
  Add: (t, a) => new TimeSpan(t.Ticks + tsArg('Add', a[0]).Ticks),
  Subtract: (t, a) => new TimeSpan(t.Ticks - tsArg('Subtract', a[0]).Ticks),
  Negate: (t) => new TimeSpan(-t.Ticks),
  Duration: (t) => new TimeSpan(Math.abs(t.Ticks)),
  Multiply: (t, a) => new TimeSpan(Math.round(t.Ticks * argNum('Multiply', 'factor', a[0]))),
  Divide: (t, a) => {
    const o = unwrapArg(a[0]);
    if (o instanceof TimeSpan) return t.Ticks / o.Ticks;
    return new TimeSpan(Math.round(t.Ticks / argNum('Divide', 'divisor', a[0])));
  },
  ToString: (t, a) => (a.length ? formatTimeSpan(t, argStr(a[0])) : t.toString()),
  CompareTo: (t, a) => Math.sign(t.Ticks - tsArg('CompareTo', a[0]).Ticks),
  Equals: (t, a) => dotnetEquals(t, a[0]),
  GetHashCode: (t) => t.Ticks | 0,
};

/** TimeSpan custom formats (`hh\:mm\:ss`, `c`, `g`). */
// `-f` / String.Format items with a format string reach these types' ToString(format).
setFormattableHook((v, f) => {
  if (v instanceof TimeSpan) return formatTimeSpan(v, f);
  if (v instanceof PSGuid) return guidMethods.ToString!(v, [f]) as string;
  if (v instanceof PSEnumValue) return enumMethods.ToString!(v, [f]) as string;
  return undefined;
});

function formatTimeSpan(t: TimeSpan, f: string): string {
  if (f === 'c' || f === 't' || f === 'T') return t.toString();
  if (f === 'g') {
    const abs = Math.abs(t.Ticks);
    const frac = abs % TimeSpan.TicksPerSecond;
    return (t.Ticks < 0 ? '-' : '') + (Math.abs(t.Days) ? `${Math.abs(t.Days)}:` : '') +
      `${Math.abs(t.Hours)}:${String(Math.abs(t.Minutes)).padStart(2, '0')}:${String(Math.abs(t.Seconds)).padStart(2, '0')}` +
      (frac ? '.' + String(frac).padStart(7, '0').replace(/0+$/, '') : '');
  }
  let out = '';
  for (let i = 0; i < f.length; ) {
    const c = f[i]!;
    if (c === '\\') {
      out += f[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = f.indexOf(c, i + 1);
      out += f.slice(i + 1, end < 0 ? f.length : end);
      i = end < 0 ? f.length : end + 1;
      continue;
    }
    let n = 1;
    while (f[i + n] === c) n++;
    i += n;
    const abs = (x: number): number => Math.abs(x);
    switch (c) {
      case 'd': out += String(abs(t.Days)).padStart(n, '0'); break;
      case 'h': out += String(abs(t.Hours)).padStart(n, '0'); break;
      case 'm': out += String(abs(t.Minutes)).padStart(n, '0'); break;
      case 's': out += String(abs(t.Seconds)).padStart(n, '0'); break;
      case 'f': out += String(abs(t.Ticks) % TimeSpan.TicksPerSecond).padStart(7, '0').slice(0, n); break;
      case 'F': out += String(abs(t.Ticks) % TimeSpan.TicksPerSecond).padStart(7, '0').slice(0, n).replace(/0+$/, ''); break;
      default: throw new DotNetError('System.FormatException', 'Input string was not in a correct format.');
    }
  }
  return out;
}

function checkIndex(method: string, list: unknown[], i: number, inclusive = false): void {
  if (i < 0 || i > list.length || (!inclusive && i === list.length))
    throw argumentOutOfRange('index', inclusive ? 'Index must be within the bounds of the List.' : 'Index was out of range. Must be non-negative and less than the size of the collection.');
  void method;
}

function elementConv(list: unknown[], v: unknown, method = 'Add'): unknown {
  const el = list instanceof PSList ? list.elementType : null;
  return el && el.FullName !== 'System.Object' ? argConvert(method, 'item', v, el) : v;
}

function fixedSize(): DotNetError {
  return new DotNetError('System.NotSupportedException', 'Collection was of a fixed size.');
}

/** A Predicate<T> argument (a script block): called with the item as $args[0] and $_. */
export function predicate(v: unknown): (x: unknown) => boolean {
  const sb = unwrapArg(v);
  if (!(sb instanceof ScriptBlock)) throw argumentError('Value cannot be null.', 'match');
  return (x) => toBool(scriptResult(invokeScriptBlock(sb, { args: [x], dollarUnder: x })));
}

function sortList(list: unknown[], a: unknown[]): void {
  const sb = unwrapArg(a[0]);
  const cmp = sb instanceof ScriptBlock
    ? (x: unknown, y: unknown) => toJsNumber(scriptResult(invokeScriptBlock(sb, { args: [x, y] })))
    : compareValues;
  const sorted = [...list].sort(cmp);
  for (let i = 0; i < sorted.length; i++) list[i] = sorted[i];
}

const arrayMethods: Table<unknown[]> = {
  Contains: (l, a) => (arity('Contains', a, 1), l.some((x) => dotnetEquals(x, a[0]))),
  IndexOf: (l, a) => {
    arity('IndexOf', a, 1, 3);
    const start = a.length > 1 ? argInt('IndexOf', 'index', a[1]) : 0;
    for (let i = start; i < l.length; i++) if (dotnetEquals(l[i], a[0])) return i;
    return -1;
  },
  LastIndexOf: (l, a) => {
    for (let i = l.length - 1; i >= 0; i--) if (dotnetEquals(l[i], a[0])) return i;
    return -1;
  },
  Clone: (l) => {
    if (l instanceof PSList) return PSList.create(l.elementType, l);
    const c = l.slice();
    const t = typeOf(l).elementType;
    if (t && t.FullName !== 'System.Object') setArrayElementType(c, t);
    return c;
  },
  GetValue: (l, a) => l[argInt('GetValue', 'index', a[0])] ?? null,
  SetValue: (l, a) => {
    l[argInt('SetValue', 'index', a[1])] = a[0];
    return null;
  },
  CopyTo: (l, a) => {
    const dest = unwrapArg(a[0]) as unknown[];
    const at = a.length > 1 ? argInt('CopyTo', 'index', a[1]) : 0;
    l.forEach((x, i) => (dest[at + i] = x));
    return null;
  },
  GetEnumerator: (l) => listEnumerator(l),
  GetLength: (l) => l.length,
  GetUpperBound: (l) => l.length - 1,
  GetLowerBound: () => 0,
  Add: (l, a) => {
    arity('Add', a, 1);
    if (!(l instanceof PSList)) throw fixedSize();
    l.push(elementConv(l, a[0]));
    // ArrayList.Add returns the index; List[T].Add returns nothing.
    return l.elementType ? undefined : l.length - 1;
  },
  AddRange: (l, a) => {
    if (!(l instanceof PSList)) throw fixedSize();
    for (const x of argItems(a[0])) l.push(elementConv(l, x));
    return undefined;
  },
  Insert: (l, a) => {
    arity('Insert', a, 2);
    if (!(l instanceof PSList)) throw fixedSize();
    const i = argInt('Insert', 'index', a[0]);
    checkIndex('Insert', l, i, true);
    l.splice(i, 0, elementConv(l, a[1]));
    return undefined;
  },
  InsertRange: (l, a) => {
    if (!(l instanceof PSList)) throw fixedSize();
    const i = argInt('InsertRange', 'index', a[0]);
    checkIndex('InsertRange', l, i, true);
    l.splice(i, 0, ...argItems(a[1]).map((x) => elementConv(l, x)));
    return undefined;
  },
  Remove: (l, a) => {
    arity('Remove', a, 1);
    if (!(l instanceof PSList)) throw fixedSize();
    const i = l.findIndex((x) => dotnetEquals(x, elementConv(l, a[0])));
    if (i >= 0) l.splice(i, 1);
    return l.elementType ? i >= 0 : undefined;
  },
  RemoveAt: (l, a) => {
    if (!(l instanceof PSList)) throw fixedSize();
    const i = argInt('RemoveAt', 'index', a[0]);
    checkIndex('RemoveAt', l, i);
    l.splice(i, 1);
    return undefined;
  },
  RemoveRange: (l, a) => {
    if (!(l instanceof PSList)) throw fixedSize();
    l.splice(argInt('RemoveRange', 'index', a[0]), argInt('RemoveRange', 'count', a[1]));
    return undefined;
  },
  RemoveAll: (l, a) => {
    if (!(l instanceof PSList)) throw fixedSize();
    const p = predicate(a[0]);
    const keep = l.filter((x) => !p(x));
    const removed = l.length - keep.length;
    l.length = 0;
    l.push(...keep);
    return removed;
  },
  Clear: (l) => {
    if (!(l instanceof PSList)) {
      l.fill(null);
      return undefined;
    }
    l.length = 0;
    return undefined;
  },
  Sort: (l, a) => (sortList(l, a), undefined),
  Reverse: (l) => {
    l.reverse();
    return undefined;
  },
  ToArray: (l) => {
    const c = l.slice();
    if (l instanceof PSList && l.elementType) setArrayElementType(c, l.elementType);
    return c;
  },
  GetRange: (l, a) => {
    const i = argInt('GetRange', 'index', a[0]);
    const n = argInt('GetRange', 'count', a[1]);
    if (i < 0 || n < 0 || i + n > l.length) throw argumentError('Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.');
    return PSList.create(l instanceof PSList ? l.elementType : null, l.slice(i, i + n));
  },
  Find: (l, a) => l.find(predicate(a[0])) ?? null,
  FindAll: (l, a) => PSList.create(l instanceof PSList ? l.elementType : null, l.filter(predicate(a[0]))),
  FindIndex: (l, a) => l.findIndex(predicate(a[0])),
  FindLast: (l, a) => [...l].reverse().find(predicate(a[0])) ?? null,
  Exists: (l, a) => l.some(predicate(a[0])),
  TrueForAll: (l, a) => l.every(predicate(a[0])),
  Equals: (l, a) => unwrapArg(a[0]) === l,
  GetHashCode: () => 0,
};

function dupKeyError(h: PSHashtable, key: unknown): DotNetError {
  const k = toStr(key);
  if (h instanceof PSDictionary) return argumentError(`An item with the same key has already been added. Key: ${k}`);
  return argumentError(`Item has already been added. Key in dictionary: '${toStr(h.map.get(PSHashtable.normalizeKey(key))?.[0] ?? key)}'  Key being added: '${k}'`);
}

function dictKey(h: PSHashtable, k: unknown): unknown {
  k = unwrapArg(k);
  if (h instanceof PSDictionary && h.keyType && h.keyType.FullName !== 'System.Object') return convertTo(k, h.keyType);
  return k;
}
function dictValue(h: PSHashtable, v: unknown): unknown {
  if (h instanceof PSDictionary && h.valueType && h.valueType.FullName !== 'System.Object') return convertTo(unwrapArg(v), h.valueType);
  return v;
}

const hashtableMethods: Table<PSHashtable> = {
  Add: (h, a) => {
    arity('Add', a, 2);
    const k = dictKey(h, a[0]);
    if (k === null || k === undefined) throw new DotNetError('System.ArgumentNullException', "Key cannot be null. (Parameter 'key')");
    if (h.has(k)) throw dupKeyError(h, k);
    h.set(k, dictValue(h, a[1]));
    return undefined;
  },
  Remove: (h, a) => {
    arity('Remove', a, 1);
    const had = h.delete(dictKey(h, a[0]));
    return h instanceof PSDictionary ? had : undefined;
  },
  ContainsKey: (h, a) => (arity('ContainsKey', a, 1), h.has(dictKey(h, a[0]))),
  Contains: (h, a) => (arity('Contains', a, 1), h.has(dictKey(h, a[0]))),
  ContainsValue: (h, a) => [...h.values()].some((v) => dotnetEquals(v, a[0]) || (typeof v === 'string' && v === unwrapArg(a[0]))),
  Clear: (h) => (h.clear(), undefined),
  Clone: (h) => h.clone(),
  GetEnumerator: (h) => dictionaryEnumerator(h),
  get_Item: (h, a) => h.get(dictKey(h, a[0])),
  Item: (h, a) => h.get(dictKey(h, a[0])),
  set_Item: (h, a) => (h.set(dictKey(h, a[0]), dictValue(h, a[1])), undefined),
  TryGetValue: (h, a) => {
    arity('TryGetValue', a, 2);
    const k = dictKey(h, a[0]);
    const ref = unwrapArg(a[1]) as { Value: unknown } | null;
    const found = h.has(k);
    if (ref && typeof ref === 'object' && 'Value' in ref) ref.Value = found ? h.getByKey(k) : null;
    return found;
  },
  TryAdd: (h, a) => {
    const k = dictKey(h, a[0]);
    if (h.has(k)) return false;
    h.set(k, dictValue(h, a[1]));
    return true;
  },
  Insert: (h, a) => {
    arity('Insert', a, 3);
    const i = argInt('Insert', 'index', a[0]);
    const entries = [...h.map.entries()];
    if (i < 0 || i > entries.length) throw argumentOutOfRange('index', 'Index was out of range. Must be non-negative and less than the size of the collection.');
    const key = unwrapArg(a[1]);
    if (h.has(key)) throw dupKeyError(h, key);
    entries.splice(i, 0, [PSHashtable.normalizeKey(key), [key, a[2]]]);
    h.map.clear();
    for (const [k, v] of entries) h.map.set(k, v);
    return undefined;
  },
  RemoveAt: (h, a) => {
    const i = argInt('RemoveAt', 'index', a[0]);
    const key = [...h.map.keys()][i];
    if (key === undefined) throw argumentOutOfRange('index', 'Index was out of range. Must be non-negative and less than the size of the collection.');
    h.map.delete(key);
    return undefined;
  },
  Equals: (h, a) => unwrapArg(a[0]) === h,
  GetHashCode: () => 0,
};

const hashSetMethods: Table<PSHashSet> = {
  GetEnumerator: (s) => setEnumerator(s),
  Add: (s, a) => (arity('Add', a, 1), s.add(conv(s.elementType, a[0]))),
  Contains: (s, a) => s.has(conv(s.elementType, a[0])),
  Remove: (s, a) => s.delete(conv(s.elementType, a[0])),
  Clear: (s) => (s.items.clear(), undefined),
  UnionWith: (s, a) => {
    for (const x of argItems(a[0])) s.add(conv(s.elementType, x));
    return undefined;
  },
  IntersectWith: (s, a) => {
    const other = new PSHashSet(s.elementType, s.ignoreCase);
    for (const x of argItems(a[0])) other.add(x);
    for (const x of [...s]) if (!other.has(x)) s.delete(x);
    return undefined;
  },
  ExceptWith: (s, a) => {
    for (const x of argItems(a[0])) s.delete(x);
    return undefined;
  },
  SymmetricExceptWith: (s, a) => {
    for (const x of argItems(a[0])) if (!s.delete(x)) s.add(x);
    return undefined;
  },
  IsSubsetOf: (s, a) => {
    const other = argItems(a[0]);
    return [...s].every((x) => other.some((y) => dotnetEquals(x, y)));
  },
  IsSupersetOf: (s, a) => argItems(a[0]).every((x) => s.has(x)),
  Overlaps: (s, a) => argItems(a[0]).some((x) => s.has(x)),
  SetEquals: (s, a) => {
    const other = argItems(a[0]);
    return other.every((x) => s.has(x)) && new Set(other.map((x) => toStr(x))).size === s.size;
  },
  ToArray: (s) => [...s],
  CopyTo: () => undefined,
};

function conv(el: PSType | null, v: unknown): unknown {
  v = unwrapArg(v);
  return el && el.FullName !== 'System.Object' ? convertTo(v, el) : v;
}

const queueMethods: Table<PSQueue> = {
  GetEnumerator: (q) => setEnumerator(q),
  Enqueue: (q, a) => (arity('Enqueue', a, 1), q.items.push(conv(q.elementType, a[0])), undefined),
  Dequeue: (q) => {
    if (!q.items.length) throw invalidOperation('Queue empty.');
    return q.items.shift();
  },
  Peek: (q) => {
    if (!q.items.length) throw invalidOperation('Queue empty.');
    return q.items[0];
  },
  TryDequeue: (q, a) => {
    const ref = unwrapArg(a[0]) as { Value: unknown };
    if (!q.items.length) return false;
    ref.Value = q.items.shift();
    return true;
  },
  Clear: (q) => ((q.items.length = 0), undefined),
  Contains: (q, a) => q.items.some((x) => dotnetEquals(x, a[0])),
  ToArray: (q) => q.items.slice(),
};

const stackMethods: Table<PSStack> = {
  GetEnumerator: (s) => setEnumerator(s),
  Push: (s, a) => (arity('Push', a, 1), s.items.push(conv(s.elementType, a[0])), undefined),
  Pop: (s) => {
    if (!s.items.length) throw invalidOperation('Stack empty.');
    return s.items.pop();
  },
  Peek: (s) => {
    if (!s.items.length) throw invalidOperation('Stack empty.');
    return s.items[s.items.length - 1];
  },
  TryPop: (s, a) => {
    const ref = unwrapArg(a[0]) as { Value: unknown };
    if (!s.items.length) return false;
    ref.Value = s.items.pop();
    return true;
  },
  Clear: (s) => ((s.items.length = 0), undefined),
  Contains: (s, a) => s.items.some((x) => dotnetEquals(x, a[0])),
  ToArray: (s) => [...s],
};

const NEWLINE = '\n';

const stringBuilderMethods: Table<PSStringBuilder> = {
  Append: (b, a) => {
    if (a.length === 2) b.value += argStr(a[0]).repeat(argInt('Append', 'repeatCount', a[1]));
    else if (a.length === 3) b.value += argStr(a[0]).substr(argInt('Append', 'startIndex', a[1]), argInt('Append', 'count', a[2]));
    else {
      const v = unwrapArg(a[0]);
      b.value += Array.isArray(v) && v.every((x) => x instanceof PSChar) ? v.map((x) => toStr(x)).join('') : argStr(v);
    }
    return b;
  },
  AppendLine: (b, a) => {
    b.value += (a.length ? argStr(a[0]) : '') + NEWLINE;
    return b;
  },
  AppendFormat: (b, a) => {
    const args = a.length === 2 && Array.isArray(unwrapArg(a[1])) ? (unwrapArg(a[1]) as unknown[]) : a.slice(1);
    b.value += formatComposite(argStr(a[0]), args);
    return b;
  },
  AppendJoin: (b, a) => {
    const items = a.length === 2 ? argItems(a[1]) : a.slice(1);
    b.value += items.map((x) => argStr(x)).join(argStr(a[0]));
    return b;
  },
  Insert: (b, a) => {
    const i = argInt('Insert', 'index', a[0]);
    if (i < 0 || i > b.value.length) throw argumentOutOfRange('index', 'Index was out of range. Must be non-negative and less than or equal to the size of the collection.');
    b.value = b.value.slice(0, i) + argStr(a[1]) + b.value.slice(i);
    return b;
  },
  Replace: (b, a) => {
    const oldV = argStr(a[0]);
    if (oldV === '') throw argumentError('The value cannot be an empty string.', 'oldValue');
    b.value = b.value.split(oldV).join(argStr(a[1]));
    return b;
  },
  Remove: (b, a) => {
    const i = argInt('Remove', 'startIndex', a[0]);
    const n = argInt('Remove', 'length', a[1]);
    if (i < 0 || n < 0 || i + n > b.value.length) throw argumentOutOfRange('length', 'Index was out of range. Must be non-negative and less than the size of the collection.');
    b.value = b.value.slice(0, i) + b.value.slice(i + n);
    return b;
  },
  Clear: (b) => {
    b.value = '';
    return b;
  },
  ToString: (b, a) => (a.length === 2 ? b.value.substr(argInt('ToString', 'startIndex', a[0]), argInt('ToString', 'length', a[1])) : b.value),
  EnsureCapacity: (b) => Math.max(16, b.value.length),
};

const scriptBlockMethods: Table<ScriptBlock> = {
  Invoke: (sb, a) => invokeScriptBlockMaybe(sb, { args: a }),
  InvokeReturnAsIs: (sb, a) => {
    const out = invokeScriptBlockMaybe(sb, { args: a });
    return out instanceof Promise ? out.then(scriptResult) : scriptResult(out);
  },
  GetNewClosure: (sb) => (getNewClosureHook ? getNewClosureHook(sb) : sb),
  ToString: (sb) => sb.toString(),
  InvokeWithContext: (sb, a) => {
    const vars = unwrapArg(a[1]);
    const dollarUnder = vars instanceof Array ? undefined : undefined;
    return invokeScriptBlockMaybe(sb, { args: a.slice(2), dollarUnder });
  },
};

const wildcardMethods: Table<PSWildcardPattern> = {
  IsMatch: (w, a) => wildcardToRegExp(w.pattern, (w.options & 2) === 0).test(argStr(a[0])),
};

const regexMethods: Table<PSRegex> = {
  Match: (r, a) => regexMatch(r, argStr(a[0]), a.length > 1 ? argInt('Match', 'startat', a[1]) : 0),
  Matches: (r, a) => regexMatches(r, argStr(a[0]), a.length > 1 ? argInt('Matches', 'startat', a[1]) : 0),
  IsMatch: (r, a) => regexIsMatch(r, argStr(a[0])),
  Replace: (r, a) => regexReplace(r, argStr(a[0]), unwrapArg(a[1]), a.length > 2 ? argInt('Replace', 'count', a[2]) : -1),
  Split: (r, a) => regexSplit(r, argStr(a[0]), a.length > 1 ? argInt('Split', 'count', a[1]) : 0),
  ToString: (r) => r.pattern,
  GetGroupNames: (r) => {
    const names = ['0'];
    let n = 0;
    const re = /\((?!\?)|\(\?<([A-Za-z_]\w*)>|\(\?'([A-Za-z_]\w*)'/g;
    const named: string[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(r.pattern)) !== null) {
      if (m[1] || m[2]) named.push((m[1] ?? m[2])!);
      else names.push(String(++n));
    }
    return names.concat(named);
  },
};

const exceptionMethods: Table<PSException> = {
  ToString: (e) => `${e.typeName}: ${e.Message}`,
  GetBaseException: (e) => {
    let x = e;
    while (x.InnerException) x = x.InnerException;
    return x;
  },
  GetType: (e) => typeOf(e),
};

const typeMethods: Table<PSType> = {
  ToString: (t) => t.FullName,
  IsInstanceOfType: (t, a) => isInstanceOf(unwrapArg(a[0]), t),
  GetElementType: (t) => t.elementType,
  GetGenericArguments: (t) => (t.genericArgs ? [...t.genericArgs] : []),
  IsAssignableFrom: (t, a) => {
    const o = unwrapArg(a[0]);
    return o instanceof PSType && o.isSubclassOrSame(t);
  },
  IsSubclassOf: (t, a) => {
    const o = unwrapArg(a[0]);
    return o instanceof PSType && o !== t && t.isSubclassOrSame(o);
  },
  MakeArrayType: (t) => arrayTypeOf(t),
  GetEnumNames: (t) => (t.def.enumValues ?? []).map(([n]) => n),
  GetEnumValues: (t) => (t.def.enumValues ?? []).map(([, v]) => new PSEnumValue(t, v)),
  Equals: (t, a) => unwrapArg(a[0]) === t,
  GetHashCode: (t) => hashCode(t.FullName),
};

const enumMethods: Table<PSEnumValue> = {
  HasFlag: (e, a) => {
    const f = unwrapArg(a[0]);
    const v = f instanceof PSEnumValue ? f.value : (convertTo(f, e.type) as PSEnumValue).value;
    return (e.value & v) === v;
  },
  ToString: (e, a) => (a.length && /^[dx]$/i.test(argStr(a[0])) ? (argStr(a[0]).toLowerCase() === 'd' ? String(e.value) : e.value.toString(16).toUpperCase().padStart(8, '0')) : e.toString()),
  CompareTo: (e, a) => Math.sign(e.value - toJsNumber(unwrapArg(a[0]))),
  Equals: (e, a) => dotnetEquals(e, a[0]),
  GetHashCode: (e) => e.value,
  GetTypeCode: () => 'Int32',
};

const guidMethods: Table<PSGuid> = {
  ToString: (g, a) => {
    const f = a.length ? argStr(a[0]) : 'D';
    switch (f.toUpperCase()) {
      case 'N': return g.value.replace(/-/g, '');
      case 'B': return `{${g.value}}`;
      case 'P': return `(${g.value})`;
      default: return g.value;
    }
  },
  Equals: (g, a) => dotnetEquals(g, a[0]),
  CompareTo: (g, a) => (g.value < String(unwrapArg(a[0])) ? -1 : g.value > String(unwrapArg(a[0])) ? 1 : 0),
  ToByteArray: (g) => Uint8Array.from(Buffer.from(g.value.replace(/-/g, ''), 'hex')),
};

const versionMethods: Table<PSVersion> = {
  CompareTo: (v, a) => {
    const o = unwrapArg(a[0]);
    if (o === null) return 1;
    return v.compareTo(o instanceof PSVersion ? o : (convertTo(o, typeByFullName('System.Version')!) as PSVersion));
  },
  Equals: (v, a) => dotnetEquals(v, a[0]),
  ToString: (v, a) => (a.length ? [v.Major, v.Minor, v.Build, v.Revision].slice(0, argInt('ToString', 'fieldCount', a[0])).join('.') : v.toString()),
};

const semverMethods: Table<PSSemanticVersion> = {
  CompareTo: (v, a) => v.compareTo(unwrapArg(a[0])),
  Equals: (v, a) => v.equals(unwrapArg(a[0])),
  GetHashCode: (v) => hashCode(v.toString()),
  ToString: (v) => v.toString(),
};

const switchMethods: Table<PSSwitch> = {
  ToBool: (s) => s.IsPresent,
  Equals: (s, a) => s.equals(unwrapArg(a[0])),
  GetHashCode: (s) => (s.IsPresent ? 1 : 0),
  ToString: (s) => s.toString(),
};

const encodingMethods: Table<PSEncoding> = {
  GetBytes: (e, a) => {
    const v = unwrapArg(a[0]);
    const s = Array.isArray(v) ? v.map((x) => toStr(x)).join('') : argStr(v);
    return e.getBytes(s);
  },
  GetString: (e, a) => {
    const b = toBytes(a[0]);
    return a.length === 3 ? e.getString(b, argInt('GetString', 'index', a[1]), argInt('GetString', 'count', a[2])) : e.getString(b);
  },
  GetByteCount: (e, a) => e.getBytes(argStr(a[0])).length,
  GetPreamble: (e) => (e.WebName === 'utf-8' ? new Uint8Array(0) : new Uint8Array(0)),
  GetChars: (e, a) => Array.from(e.getString(toBytes(a[0])), (c) => new PSChar(c.charCodeAt(0))),
  ToString: (e) => e.toString(),
};

/** A byte[] argument: Uint8Array or an array of numbers. */
export function toBytes(v: unknown): Uint8Array {
  v = unwrapArg(v);
  if (v instanceof Uint8Array) return v;
  const e = getEnumerable(v);
  if (!e) return new Uint8Array(0);
  return Uint8Array.from(Array.from(e), (x) => toJsNumber(convertTo(x, typeByFullName('System.Byte')!)));
}

const memberCollectionMethods: Table<PSMemberCollection> = {
  Match: (c, a) => {
    const pat = argStr(a[0]).toLowerCase();
    const re = new RegExp('^' + pat.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i');
    return c.filter((m) => re.test(String((m as { Name: string }).Name)));
  },
  Item: (c, a) => c.item(argStr(a[0])),
  get_Item: (c, a) => c.item(argStr(a[0])),
  Remove: (c, a) => {
    const o = c.owner;
    if (o instanceof PSObject) o.removeMember(argStr(a[0]));
    else if (o instanceof PSHashtable) o.delete(argStr(a[0]));
    return undefined;
  },
  Add: (c, a) => {
    const m = unwrapArg(a[0]) as { Name?: unknown; Value?: unknown };
    const o = c.owner;
    if (o instanceof PSObject && m && typeof m === 'object') o.setProperty(toStr(m.Name), m.Value ?? null);
    return undefined;
  },
};

const psObjectViewMethods: Table<PSObjectView> = {
  Copy: (v) => {
    const o = v.BaseObject;
    if (o instanceof PSObject) {
      const c = new PSObject([...o.typeNames], o.baseObject);
      for (const m of o.members.values()) c.addMember({ ...m });
      return c;
    }
    if (o instanceof PSHashtable) return o.clone();
    if (Array.isArray(o)) return o.slice();
    return o;
  },
  ToString: (v) => toStr(v.BaseObject),
};

/** GroupCollection's indexer: by number or by group name. */
function groupAt(c: RegexGroupCollection, key: unknown): unknown {
  const k = unwrapArg(key);
  return c.get(isNumeric(k) ? toJsNumber(k) : toStr(k));
}

const groupCollectionMethods: Table<RegexGroupCollection> = {
  get_Item: (c, a) => groupAt(c, a[0]),
  Item: (c, a) => groupAt(c, a[0]),
  ContainsKey: (c, a) => c.Keys.some((k) => k === toStr(unwrapArg(a[0]))),
};

function multiOffset(m: PSMultiArray, index: unknown): number {
  const idx = unwrapArg(index);
  const parts = (Array.isArray(idx) ? idx : [idx]).map((x) => toJsNumber(unwrapArg(x)));
  const off = m.offset(parts);
  if (off === null) {
    throw new DotNetError('System.IndexOutOfRangeException', 'Index was outside the bounds of the array.');
  }
  return off;
}

const multiArrayMethods: Table<PSMultiArray> = {
  get_Item: (m, a) => m.data[multiOffset(m, a[0])] ?? null,
  set_Item: (m, a) => {
    m.data[multiOffset(m, a[0])] = convertTo(unwrapArg(a[1]), m.elementType);
    return undefined;
  },
  GetValue: (m, a) => m.data[multiOffset(m, a)] ?? null,
  GetLength: (m, a) => m.GetLength(toJsNumber(unwrapArg(a[0]))),
  GetUpperBound: (m, a) => m.GetLength(toJsNumber(unwrapArg(a[0]))) - 1,
  GetLowerBound: () => 0,
};

const matchMethods: Table<RegexMatch> = {
  ToString: (m) => m.Value,
  // A failed match (or one not from a Regex search) has no next match: .NET returns Match.Empty-like failure.
  NextMatch: (m) => (m.nextMatch ? m.nextMatch() : makeMatchObject(null, '')),
};

// -------------------------------------------------------------------------------------------------
// Dispatch

function tableFor(t: unknown): Table<never> | null {
  if (typeof t === 'string') return stringMethods as Table<never>;
  if (isNumeric(t)) return numberMethods as Table<never>;
  if (Array.isArray(t)) return (t instanceof PSMemberCollection ? memberCollectionMethods : arrayMethods) as Table<never>;
  if (t instanceof PSHashtable) return hashtableMethods as Table<never>;
  if (t instanceof Date) return dateMethods as Table<never>;
  if (t instanceof TimeSpan) return timeSpanMethods as Table<never>;
  if (t instanceof ScriptBlock) return scriptBlockMethods as Table<never>;
  if (t instanceof PSHashSet) return hashSetMethods as Table<never>;
  if (t instanceof PSQueue) return queueMethods as Table<never>;
  if (t instanceof PSStack) return stackMethods as Table<never>;
  if (t instanceof PSStringBuilder) return stringBuilderMethods as Table<never>;
  if (t instanceof PSRegex) return regexMethods as Table<never>;
  if (t instanceof PSWildcardPattern) return wildcardMethods as Table<never>;
  if (t instanceof PSException) return exceptionMethods as Table<never>;
  if (t instanceof PSType) return typeMethods as Table<never>;
  if (t instanceof PSEnumValue) return enumMethods as Table<never>;
  if (t instanceof PSGuid) return guidMethods as Table<never>;
  if (t instanceof PSVersion) return versionMethods as Table<never>;
  if (t instanceof PSSemanticVersion) return semverMethods as Table<never>;
  if (t instanceof PSSwitch) return switchMethods as Table<never>;
  if (t instanceof PSEncoding) return encodingMethods as Table<never>;
  if (t instanceof PSObjectView) return psObjectViewMethods as Table<never>;
  if (t instanceof RegexMatch) return matchMethods as Table<never>;
  if (t instanceof RegexGroupCollection) return groupCollectionMethods as Table<never>;
  if (t instanceof PSMultiArray) return multiArrayMethods as Table<never>;
  if (t instanceof Stopwatch) return stopwatchMethods as Table<never>;
  if (t instanceof Uint8Array) return null;
  return null;
}

function charMethod(c: PSChar, lname: string, a: unknown[]): unknown {
  switch (lname) {
    case 'tostring': return String.fromCharCode(c.code);
    case 'equals': return dotnetEquals(c, a[0]);
    case 'compareto': return Math.sign(c.code - toJsNumber(unwrapArg(a[0])));
    case 'gethashcode': return c.code;
  }
  return undefined;
}

function boolMethod(b: boolean, lname: string, a: unknown[]): unknown {
  switch (lname) {
    case 'tostring': return b ? 'True' : 'False';
    case 'equals': return unwrapArg(a[0]) === b;
    case 'compareto': return Number(b) - Number(argBool(a[0]));
    case 'gethashcode': return b ? 1 : 0;
  }
  return undefined;
}

const NO_RESULT = Symbol('none');

/** `$target.Name(args)`. Methods returning void give `undefined`→ null (no output). A script method that runs an async command is reported (AsyncNotSupported). */
export function invokeMethod(target: unknown, name: string, args: unknown[]): unknown {
  const r = invokeMethodMaybe(target, name, args);
  return r instanceof Promise ? requireSync(r) : r;
}

/**
 * invokeMethod for callers that can wait: a Promise when a script method (class method, ScriptMethod, .ForEach(),
 * .Where(), script block Invoke) ran an async command. It settles to the method's value (undefined for void).
 */
export function invokeMethodMaybe(target: unknown, name: string, args: unknown[]): unknown {
  const r = invokeMethodOrVoid(target, name, args);
  return r === undefined ? null : r;
}

/** invokeMethodMaybe that keeps `undefined` for a void method (the interpreter makes it pwsh's AutomationNull). */
export function invokeMethodOrVoid(target: unknown, name: string, args: unknown[]): unknown {
  if (target === null || target === undefined) {
    // $null.ForEach({...}) / $null.Where({...}) run on no items: an empty Collection<psobject>.
    if (isMagicMethodName(name)) return emptyMagicResult();
    throw invokeOnNullError();
  }
  return invokeCore(target, name, args);
}

/** Runs a ScriptMethod (with `$this`) or CodeMethod member; NO_RESULT when the member holds neither. */
function invokeMethodMember(m: PSMember, thisValue: unknown, args: unknown[]): unknown {
  if (m.value instanceof ScriptBlock) {
    const out = invokeScriptBlockMaybe(m.value, { thisValue, args });
    return out instanceof Promise ? out.then(scriptResult) : scriptResult(out);
  }
  if (typeof m.value === 'function') return (m.value as (...x: unknown[]) => unknown)(thisValue, ...args);
  return NO_RESULT;
}

/** The magic .Where()/.ForEach() and their aliases PSWhere/PSForEach. */
export function isMagicMethodName(name: string): boolean {
  return /^(ps)?(where|foreach)$/i.test(name);
}

function emptyMagicResult(): unknown[] {
  return psObjectCollection([]);
}

/** .Where()/.ForEach() results are a Collection<psobject>, as in pwsh. */
function psObjectCollection(items: unknown[]): PSList {
  const c = PSList.create(resolveType('psobject'), items);
  c.genericName = 'System.Collections.ObjectModel.Collection';
  return c;
}

/** An object's own ScriptMethod/CodeMethod named ForEach or Where is called instead of the magic method. */
function hasOwnMethod(target: unknown, name: string): boolean {
  if (!(target instanceof PSObject)) return false;
  const m = target.getMember(name);
  return !!m && (m.memberType === 'ScriptMethod' || m.memberType === 'CodeMethod');
}

function invokeCore(target: unknown, name: string, args: unknown[]): unknown {
  let lname = name.toLowerCase();
  if (lname === 'pswhere' || lname === 'psforeach') lname = lname.slice(2);
  else if ((lname === 'where' || lname === 'foreach') && hasOwnMethod(target, name)) lname = '';
  // The magic .Where()/.ForEach() work on any value (scalars act as one-item collections).
  if (lname === 'where' || lname === 'foreach') {
    if (!(target instanceof PSHashtable) || !find(hashtableMethods, lname)) {
      const e = target instanceof PSHashtable ? null : getEnumerable(target);
      const items = e ? Array.from(e) : [target];
      const r = lname === 'where' ? whereMethod(items, args) : forEachMethod(items, args);
      return r instanceof Promise ? r.then(psObjectCollection) : psObjectCollection(r);
    }
  }
  if (target instanceof ClassInstance) {
    const r = target.behaviour.invoke(target, lname, args);
    if (r) return r.value;
  }
  // A method Add-Member attached to this (non-PSObject) object: `$this` is the object itself.
  const attached = attachedMethod(target, name);
  if (attached) {
    const r = invokeMethodMember(attached.member, target, args);
    if (r !== NO_RESULT) return r;
  }
  // A script method Update-TypeData gave one of the object's types (after the object's own members).
  const typed = target instanceof PSObject && target.getMember(name) ? undefined : typeMemberOf(typeNamesOf(target), name);
  if (typed && (typed.memberType === 'ScriptMethod' || typed.memberType === 'CodeMethod')) {
    const r = invokeMethodMember(typed, target, args);
    if (r !== NO_RESULT) return r;
  }
  if (target instanceof PSObject) {
    const m = target.getMember(name);
    if (m && (m.memberType === 'ScriptMethod' || m.memberType === 'CodeMethod')) {
      const r = invokeMethodMember(m, target, args);
      if (r !== NO_RESULT) return r;
    }
    if (m && (m.memberType === 'NoteProperty') && m.value instanceof ScriptBlock && false) return null;
    if (target.baseObject !== undefined && target.baseObject !== null) return invokeCore(target.baseObject, name, args);
    switch (lname) {
      case 'tostring': return toStr(target);
      case 'gettype': return typeOf(target);
      case 'equals': return unwrapArg(args[0]) === target;
      case 'gethashcode': return hashCode(target);
    }
    throw methodNotFoundError(typeOf(target).FullName, name);
  }
  const adapter = adapterOf(target);
  if (adapter) {
    const r = adapter.invoke(target as object, name, args);
    if (r) return r.value;
  }
  const table = tableFor(target);
  if (table) {
    const entry = find(table, lname);
    if (entry) return callWrapped(entry[0], args.length, () => entry[1](target as never, args));
  }
  if (target instanceof PSChar) {
    const r = charMethod(target, lname, args);
    if (r !== undefined) return r;
  }
  if (typeof target === 'boolean') {
    const r = boolMethod(target, lname, args);
    if (r !== undefined) return r;
  }
  if (target instanceof ErrorRecord && lname === 'tostring') return target.toString();
  // ErrorCategoryInfo.GetMessage(): the category line (`NotSpecified: (:) [Write-Error], WriteErrorException`).
  if (target instanceof ErrorCategoryInfo && (lname === 'getmessage' || lname === 'tostring')) return target.toString();
  if (target instanceof Uint8Array) {
    const entry = find(arrayMethods, lname);
    if (entry && ['clone', 'contains', 'indexof', 'getvalue', 'getlength'].includes(lname))
      return callWrapped(entry[0], args.length, () => entry[1](Array.from(target, (x) => x) as never, args));
  }
  // Plain objects: function-valued members are callable (embedder objects).
  if (typeof target === 'object' && target !== null && !(target instanceof PSHashtable)) {
    for (const k of Object.keys(target)) {
      const f = (target as Record<string, unknown>)[k];
      if (k.toLowerCase() === lname && typeof f === 'function') return (f as (...x: unknown[]) => unknown).apply(target, args.map(unwrapArg));
    }
    // Emulated .NET classes tagged with their type name expose their PascalCase prototype methods.
    if (TYPE_NAME in target) {
      for (let p = Object.getPrototypeOf(target); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
        for (const k of Object.getOwnPropertyNames(p)) {
          if (k.toLowerCase() !== lname || !/^[A-Z]/.test(k)) continue;
          const f = Object.getOwnPropertyDescriptor(p, k)?.value;
          if (typeof f === 'function') return (f as (...x: unknown[]) => unknown).apply(target, args.map(unwrapArg));
        }
      }
    }
  }
  switch (lname) {
    case 'gettype':
      return typeOf(target);
    case 'tostring':
      if (args.length && (target instanceof Date || isNumeric(target))) return formatValue(target, argStr(args[0]));
      // Collections don't override Object.ToString(): it is the type's name (`System.Object[]`), not their items.
      if (Array.isArray(target) || target instanceof PSHashSet || target instanceof PSQueue || target instanceof PSStack) return dotnetTypeName(typeOf(target));
      return target instanceof PSDecimal ? target.toString() : toStr(target);
    case 'equals':
      return dotnetEquals(target, args[0]) || (typeof target === 'object' && unwrapArg(args[0]) === target);
    case 'gethashcode':
      return hashCode(target);
    case 'compareto':
      return compareValues(target, unwrapArg(args[0]));
  }
  // A property's accessor methods are callable too: `$h.get_Keys()`, `$list.get_Count()`.
  if (args.length === 0 && lname.startsWith('get_') && lname.length > 4 && hasMember(target, name.slice(4))) return getMember(target, name.slice(4));
  void NO_RESULT;
  throw methodNotFoundError(typeOf(target).FullName, name);
}

/** Type.ToString(): generic arguments without assembly names (`System.Collections.Generic.List`1[System.Int32]`). */
function dotnetTypeName(t: PSType): string {
  if (!t.genericArgs) return t.FullName;
  return `${t.def.fullName}[${t.genericArgs.map(dotnetTypeName).join(',')}]`;
}

export { equals as psEquals, dateFromParts, dateParts, resolveType };
