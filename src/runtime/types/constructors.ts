// `[T]::new(...)` and New-Object: constructors of the constructible builtin types and registered types.
import { PSCredential, SecureString } from './credentials.js';
import { toCulture } from './culture.js';
import { dateTimeOffsetFromDate, dateTimeOffsetFromParts, offsetMinutesOf } from './datetimeoffset.js';
import { ErrorRecord, PSException, requireSync, runtimeError } from '../errors.js';
import { toStr } from '../values/convert.js';
import { PSChar, toJsNumber } from '../values/numbers.js';
import { PSHashtable, PSObject } from '../values/objects.js';
import { regexParseMessage, toJsRegExp } from '../values/regex.js';
import { convertTo } from './cast.js';
import { PSDictionary, PSHashSet, PSList, PSQueue, PSStack, PSStringBuilder, getEnumerable } from './collections.js';
import { TimeSpan, dateFromParts, dateFromTicks, daysInMonth, type DateTimeKind } from './datetime.js';
import { DotNetError, argumentError, argumentOutOfRange, callWrapped, overloadCountError } from './method-errors.js';
import { type PSType, resolveType, typeByFullName, typeNotFoundError } from './ps-type.js';
import {
  KeyValuePair, PSEncoding, PSEnumValue, PSGuid, PSRegex, PSStringComparer, PSUri, PSVersion, PSWildcardPattern, TYPE_NAME, encodings,
} from './simple-values.js';
import { exceptionIsA } from '../errors.js';
import { PSMultiArray } from './multi-array.js';
import { PSSemanticVersion } from './semver.js';
import { setArrayElementType } from './type-of.js';

type Ctor = (args: unknown[], t: PSType) => unknown;

function num(v: unknown): number {
  if (v instanceof PSObject && v.baseObject != null) v = v.baseObject;
  if (typeof v === 'string') return toJsNumber(convertTo(v, typeByFullName('System.Double')!));
  if (v instanceof PSEnumValue) return v.value;
  return toJsNumber(v);
}
function int(v: unknown): number {
  return toJsNumber(convertTo(v, typeByFullName('System.Int32')!));
}
function unwrap(v: unknown): unknown {
  return v instanceof PSObject && v.baseObject != null ? v.baseObject : v;
}

function comparerOf(v: unknown): PSStringComparer | null {
  v = unwrap(v);
  return v instanceof PSStringComparer ? v : null;
}

function itemsOf(v: unknown): unknown[] | null {
  v = unwrap(v);
  if (v instanceof PSHashtable || typeof v === 'string') return null;
  const e = getEnumerable(v);
  return e ? Array.from(e) : null;
}

function convEl(el: PSType | null, x: unknown): unknown {
  return el && el.FullName !== 'System.Object' ? convertTo(x, el) : x;
}

const ctors: Record<string, Ctor> = {
  'System.Object': () => new PSObject(),
  'System.Management.Automation.PSObject': (a) => (a.length ? a[0] : new PSObject()),
  // Hashtable(), Hashtable(IDictionary) copies, Hashtable(int capacity); other arguments fail to convert to the
  // capacity, so `[hashtable]$customObject` is an InvalidCastConstructorException as in pwsh.
  'System.Collections.Hashtable': (a) => {
    if (a.length > 1) throw overloadCountError('new', a.length);
    const h = new PSHashtable(false);
    if (a.length === 0 || comparerOf(a[0])) return h;
    const src = unwrap(a[0]);
    if (src instanceof PSHashtable) for (const [k, x] of src.entries()) h.set(k, x);
    else if (int(src) < 0) throw argumentOutOfRange('capacity', 'Non-negative number required.');
    return h;
  },
  'System.Collections.Specialized.OrderedDictionary': () => new PSHashtable(true),
  'System.Collections.ArrayList': (a) => {
    if (a.length > 1) throw overloadCountError('new', a.length);
    const items = a.length ? itemsOf(a[0]) : null;
    return PSList.create(null, items ?? []);
  },
  'System.Collections.Generic.List`1': (a, t) => {
    if (a.length > 1) throw overloadCountError('new', a.length);
    const el = t.genericArgs![0]!;
    const items = a.length ? itemsOf(a[0]) : null;
    return PSList.create(el, (items ?? []).map((x) => convEl(el, x)));
  },
  'System.Collections.ObjectModel.Collection`1': (a, t) => {
    if (a.length > 1) throw overloadCountError('new', a.length);
    const el = t.genericArgs![0]!;
    const items = a.length ? itemsOf(a[0]) : null;
    const c = PSList.create(el, (items ?? []).map((x) => convEl(el, x)));
    c.genericName = 'System.Collections.ObjectModel.Collection';
    return c;
  },
  'System.Collections.Generic.HashSet`1': (a, t) => {
    const el = t.genericArgs![0]!;
    let cmp: PSStringComparer | null = null;
    let items: unknown[] = [];
    for (const x of a) {
      const c = comparerOf(x);
      if (c) cmp = c;
      else items = itemsOf(x) ?? [];
    }
    const s = new PSHashSet(el, cmp?.ignoreCase ?? false);
    for (const x of items) s.add(convEl(el, x));
    return s;
  },
  'System.Collections.Generic.Dictionary`2': (a, t) => makeDict(a, t, false),
  'System.Collections.Generic.SortedDictionary`2': (a, t) => makeDict(a, t, true),
  'System.Collections.Generic.KeyValuePair`2': (a, t) => {
    if (a.length !== 2) throw overloadCountError('new', a.length);
    return new KeyValuePair(convEl(t.genericArgs![0]!, unwrap(a[0])), convEl(t.genericArgs![1]!, unwrap(a[1])));
  },
  'System.Collections.Generic.Queue`1': (a, t) => fill(new PSQueue(t.genericArgs![0]!), a),
  'System.Collections.Generic.Stack`1': (a, t) => fill(new PSStack(t.genericArgs![0]!), a),
  'System.Collections.Queue': (a) => fill(new PSQueue(null), a),
  'System.Collections.Stack': (a) => fill(new PSStack(null), a),
  'System.Text.StringBuilder': (a) => {
    const first = unwrap(a[0]);
    return new PSStringBuilder(typeof first === 'string' ? first : '');
  },
  'System.DateTime': (a) => {
    let kind: DateTimeKind = 'Unspecified';
    const kinds = ['Unspecified', 'Utc', 'Local'] as const;
    const last = unwrap(a[a.length - 1]);
    // The trailing DateTimeKind argument: the enum, or its name (converted as overload resolution would).
    const kindArg =
      last instanceof PSEnumValue && last.type.FullName === 'System.DateTimeKind'
        ? last.value
        : a.length > 1 && typeof last === 'string' ? kinds.findIndex((k) => k.toLowerCase() === last.trim().toLowerCase()) : -1;
    if (kindArg >= 0) kind = kinds[kindArg]!;
    const n = (kindArg >= 0 ? a.slice(0, -1) : a).map((x) => num(x));
    if (n.length === 1) return dateFromTicks(n[0]!, kind);
    // The 8-number form adds microseconds, below awsh's millisecond resolution.
    if (n.length !== 3 && n.length !== 6 && n.length !== 7 && n.length !== 8) throw overloadCountError('new', a.length);
    const [y, mo, d, h = 0, mi = 0, s = 0, ms = 0] = n;
    if (y! < 1 || y! > 9999 || mo! < 1 || mo! > 12 || d! < 1 || d! > daysInMonth(y!, mo!))
      throw new DotNetError('System.ArgumentOutOfRangeException', 'Year, Month, and Day parameters describe an un-representable DateTime.');
    if (h >= 24 || mi >= 60 || s >= 60 || h < 0 || mi < 0 || s < 0)
      throw new DotNetError('System.ArgumentOutOfRangeException', 'Hour, Minute, and Second parameters describe an un-representable DateTime.');
    return dateFromParts(y!, mo!, d!, h, mi, s, ms, kind);
  },
  'System.TimeSpan': (a) => {
    const n = a.map((x) => num(x));
    if (n.length === 1) return new TimeSpan(n[0]!);
    if (n.length === 3) return TimeSpan.fromParts(0, n[0]!, n[1]!, n[2]!);
    if (n.length === 4) return TimeSpan.fromParts(n[0]!, n[1]!, n[2]!, n[3]!);
    if (n.length === 5) return TimeSpan.fromParts(n[0]!, n[1]!, n[2]!, n[3]!, n[4]!);
    throw overloadCountError('new', a.length);
  },
  'System.Version': (a) => {
    if (a.length === 0) return new PSVersion(0, 0);
    if (a.length === 1) {
      const v = PSVersion.parse(toStr(unwrap(a[0])));
      if (!v) throw argumentError("Version string portion was too short or too long.", 'input');
      return v;
    }
    const n = a.map((x) => int(x));
    if (n.some((x) => x < 0)) throw argumentOutOfRange('major', 'Version\'s parameters must be greater than or equal to zero.');
    return new PSVersion(n[0]!, n[1]!, n[2] ?? -1, n[3] ?? -1);
  },
  'System.Management.Automation.SemanticVersion': (a) => {
    if (a.length === 1) {
      const x = unwrap(a[0]);
      if (x instanceof PSVersion) {
        const v = PSSemanticVersion.fromVersion(x);
        if (!v) throw argumentError('Cannot process argument because the value of argument "version" is not valid. Change the value of the "version" argument and run the operation again.', 'version');
        return v;
      }
      if (typeof x === 'string') {
        const v = PSSemanticVersion.parse(x);
        if (!v) throw new DotNetError('System.FormatException', 'version');
        return v;
      }
    }
    if (a.length === 0 || a.length > 5) throw overloadCountError('new', a.length);
    const n = a.slice(0, 3).map((x) => int(x));
    const names = ['major', 'minor', 'patch'];
    n.forEach((x, i) => {
      if (x < 0) throw argumentError(`Cannot process argument because the value of argument "${names[i]}" is not valid. Change the value of the "${names[i]}" argument and run the operation again.`, names[i]!);
    });
    if (a.length === 4) {
      const v = PSSemanticVersion.withLabel(n[0]!, n[1]!, n[2]!, toStr(unwrap(a[3])));
      if (!v) throw new DotNetError('System.FormatException', 'label');
      return v;
    }
    if (a.length === 5) {
      const pre = unwrap(a[3]) === null ? null : toStr(unwrap(a[3]));
      const build = unwrap(a[4]) === null ? null : toStr(unwrap(a[4]));
      if (!PSSemanticVersion.validLabels(pre, null)) throw new DotNetError('System.FormatException', 'preReleaseLabel');
      if (!PSSemanticVersion.validLabels(null, build)) throw new DotNetError('System.FormatException', 'buildLabel');
      return new PSSemanticVersion(n[0]!, n[1]!, n[2]!, pre, build);
    }
    return new PSSemanticVersion(n[0]!, n[1] ?? 0, n[2] ?? 0);
  },
  'System.Uri': (a) => {
    if (a.length === 2) {
      const base = unwrap(a[0]);
      const baseText = base instanceof PSUri ? base.OriginalString : toStr(base);
      return new PSUri(new URL(toStr(unwrap(a[1])), baseText).href);
    }
    const s = toStr(unwrap(a[0]));
    const u = new PSUri(s);
    if (!u.url && a.length === 1) throw new DotNetError('System.UriFormatException', 'Invalid URI: The format of the URI could not be determined.');
    return u;
  },
  'System.Management.Automation.WildcardPattern': (a) => newWildcardPattern(a),
  'System.Text.RegularExpressions.Regex': (a) => {
    const pattern = toStr(unwrap(a[0]));
    const opts = a.length > 1 ? Number(convertTo(unwrap(a[1]), resolveType('System.Text.RegularExpressions.RegexOptions')!)) : 0;
    try {
      toJsRegExp(pattern, { ignoreCase: (opts & 1) !== 0 });
    } catch (e) {
      void e;
      throw new DotNetError('System.Text.RegularExpressions.RegexParseException', regexParseMessage(pattern));
    }
    return new PSRegex(pattern, opts);
  },
  'System.Globalization.CultureInfo': (a) => toCulture(unwrap(a[0])),
  'System.DateTimeOffset': (a) => {
    const args = a.map(unwrap);
    const last = args[args.length - 1];
    if (args[0] instanceof Date) return dateTimeOffsetFromDate(args[0], args[1] ?? undefined);
    if (args.length >= 7 && last instanceof TimeSpan) {
      // (y, mo, d, h, mi, s[, ms[, us]], offset): microseconds are below JS time's precision.
      const parts = args.slice(0, Math.min(7, args.length - 1)).map((x) => int(x));
      return dateTimeOffsetFromParts(parts, offsetMinutesOf(last));
    }
    throw new DotNetError('System.Management.Automation.MethodException', `Cannot find an overload for "new" and the argument count: "${args.length}".`);
  },
  'System.Guid': (a) => {
    if (a.length === 0) return new PSGuid('00000000-0000-0000-0000-000000000000');
    const g = PSGuid.parse(toStr(unwrap(a[0])));
    if (!g) throw new DotNetError('System.FormatException', 'Unrecognized Guid format.');
    return g;
  },
  'System.Text.UTF8Encoding': () => encodings.utf8,
  'System.Text.ASCIIEncoding': () => encodings.ascii,
  'System.Text.UnicodeEncoding': () => encodings.unicode,
  'System.Text.UTF32Encoding': () => encodings.utf32,
  'System.Char': (a) => new PSChar(int(a[0])),
  'System.String': (a) => {
    const first = unwrap(a[0]);
    if (a.length === 2 && (first instanceof PSChar || typeof first === 'string')) return toStr(first).repeat(int(a[1]));
    if (Array.isArray(first)) return first.map((c) => toStr(c)).join('');
    throw overloadCountError('new', a.length);
  },
  // ErrorRecord(exception, errorId, category, targetObject): what $PSCmdlet.WriteError/ThrowTerminatingError take.
  'System.Management.Automation.ErrorRecord': (a) => {
    if (a.length !== 4) throw overloadCountError('new', a.length);
    const ex = unwrap(a[0]);
    if (!(ex instanceof PSException)) throw argumentError('Cannot convert argument "exception" to type "System.Exception".');
    const category = unwrap(a[2]);
    const categoryName = category === null || category === undefined ? 'NotSpecified' : toStr(convertTo(category, resolveType('System.Management.Automation.ErrorCategory') ?? resolveType('string')!));
    return new ErrorRecord(ex, toStr(unwrap(a[1])), categoryName, unwrap(a[3]) ?? null);
  },
  'System.Management.Automation.PSCredential': (a) => {
    if (a.length !== 2) throw overloadCountError('new', a.length);
    const password = unwrap(a[1]);
    if (!(password instanceof SecureString)) throw argumentError('Cannot convert argument "password" to type "System.Security.SecureString".');
    return new PSCredential(toStr(unwrap(a[0])), password);
  },
  'System.Security.SecureString': (a) => {
    if (a.length !== 0) throw overloadCountError('new', a.length);
    return new SecureString();
  },
};

function makeDict(a: unknown[], t: PSType, sorted: boolean): PSDictionary {
  const [kt, vt] = t.genericArgs!;
  let cmp: PSStringComparer | null = null;
  let source: PSHashtable | null = null;
  for (const x0 of a) {
    const x = unwrap(x0);
    if (x instanceof PSStringComparer) cmp = x;
    else if (x instanceof PSHashtable) source = x;
  }
  const d = new PSDictionary(kt!, vt!, cmp?.ignoreCase ?? false, sorted);
  if (source) for (const [k, v] of source.entries()) d.set(convEl(kt!, k), convEl(vt!, v));
  return d;
}

function fill<C extends PSQueue | PSStack>(c: C, a: unknown[]): C {
  const items = a.length ? itemsOf(a[0]) : null;
  if (items) for (const x of items) c.items.push(convEl(c.elementType, x));
  return c;
}

const PARAM_FIRST_DEFAULTS: Record<string, string> = {
  'System.ArgumentNullException': 'Value cannot be null.',
  'System.ArgumentOutOfRangeException': 'Specified argument was out of the range of valid values.',
};

function exceptionCtor(args: unknown[], t: PSType): PSException {
  const a0 = args.length ? toStr(unwrap(args[0])) : null;
  const a1 = unwrap(args[1]);
  // ArgumentNullException/ArgumentOutOfRangeException take (paramName[, message]); ArgumentException (message, paramName).
  const paramFirst = PARAM_FIRST_DEFAULTS[t.FullName];
  if (paramFirst !== undefined && a0 !== null && !(a1 instanceof PSException)) {
    const text = typeof a1 === 'string' ? a1 : paramFirst;
    const e = new PSException(`${text} (Parameter '${a0}')`, t.FullName);
    e.ParamName = a0;
    return e;
  }
  if (exceptionIsA(t.FullName, 'System.ArgumentException') && a0 !== null && typeof a1 === 'string') {
    const e = new PSException(`${a0} (Parameter '${a1}')`, t.FullName);
    e.ParamName = a1;
    return e;
  }
  const msg = a0 ?? `Exception of type '${t.FullName}' was thrown.`;
  const e = new PSException(msg, t.FullName, a1 instanceof PSException ? a1 : null);
  if (exceptionIsA(t.FullName, 'System.ArgumentException')) e.ParamName = null;
  // FileNotFoundException(message, fileName).
  if (t.FullName === 'System.IO.FileNotFoundException') e.FileName = typeof a1 === 'string' ? a1 : null;
  return e;
}

/** `[T[]]::new(n)` / `[T[,]]::new(n, m)`: arrays of T's default value. */
function arrayCtor(args: unknown[], t: PSType): unknown {
  const el = t.elementType!;
  const rank = t.arrayRank || 1;
  if (args.length !== rank) throw overloadCountError('new', args.length);
  const dims = args.map((a) => Math.trunc(toJsNumber(convertTo(unwrap(a), resolveType('int')!))));
  if (dims.some((d) => d < 0)) throw new DotNetError('System.OverflowException', 'Arithmetic operation resulted in an overflow.');
  const fill = convertTo(null, el);
  if (rank > 1) return new PSMultiArray(el, dims, fill);
  const arr = new Array(dims[0]).fill(fill);
  if (el.FullName !== 'System.Object') setArrayElementType(arr, el);
  return arr;
}

function ctorFor(t: PSType): Ctor | null {
  const name = t.IsGenericType ? t.def.fullName : t.FullName;
  const c = ctors[name];
  if (c) return c;
  if (t.def.construct) return t.def.construct;
  if (t.IsArray) return arrayCtor;
  if (exceptionIsA(t.FullName, 'System.Exception') && (t.FullName === 'System.Exception' || t.BaseType?.FullName !== 'System.Object'))
    return exceptionCtor;
  if (t.def.properties) {
    return () => {
      const o: Record<string | symbol, unknown> = {};
      for (const p of t.def.properties!) o[p.name] = null;
      o[TYPE_NAME] = t.FullName;
      return o;
    };
  }
  return null;
}

export function hasConstructor(t: PSType): boolean {
  return !t.IsArray && !t.IsEnum && ctorFor(t) !== null;
}

/** Construct an instance; DotNetErrors become `Exception calling ".ctor" ...`. A script class constructor that runs an async command is reported (AsyncNotSupported). */
export function construct(t: PSType, args: unknown[]): unknown {
  const r = constructMaybe(t, args);
  return r instanceof Promise ? requireSync(r) : r;
}

/** construct for callers that can wait: a Promise when a script class's constructor ran an async command. */
export function constructMaybe(t: PSType, args: unknown[]): unknown {
  const c = ctorFor(t);
  if (!c) throw new DotNetError('System.Management.Automation.PSArgumentException', `Constructor not found. Cannot find an appropriate constructor for type ${t.FullName}.`);
  return callWrapped('.ctor', args.length, () => c(args, t));
}

/** New-Object TypeName [-ArgumentList args]. */
export function newObject(typeName: string, args: unknown[]): unknown {
  const t = resolveType(typeName);
  if (!t) throw typeNotFoundError(typeName);
  const c = ctorFor(t);
  if (!c) {
    throw runtimeError(`A constructor was not found. Cannot find an appropriate constructor for type ${typeName}.`, 'CannotFindAppropriateCtor', {
      category: 'ObjectNotFound',
      exceptionType: 'System.Management.Automation.PSArgumentException',
      target: typeName,
    });
  }
  return callWrapped('.ctor', args.length, () => c(args, t));
}

export { PSEncoding };

/** `[WildcardPattern]::new(pattern[, WildcardOptions])` and `[WildcardPattern]::Get(...)`. */
export function newWildcardPattern(a: unknown[]): PSWildcardPattern {
  if (a.length < 1 || a.length > 2) throw overloadCountError('new', a.length);
  const options = a.length > 1 ? Number(convertTo(unwrap(a[1]), resolveType('System.Management.Automation.WildcardOptions')!)) : 0;
  return new PSWildcardPattern(toStr(unwrap(a[0])), options);
}
