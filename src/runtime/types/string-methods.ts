// System.String instance methods.
import { PSChar } from '../values/numbers.js';
import { setArrayElementType } from './type-of.js';
import { typeByFullName } from './ps-type.js';
import { charEnumerator } from './get-enumerator.js';
import { DotNetError, argumentError, argumentNull, argumentOutOfRange, overloadCountError } from './method-errors.js';
import { argEnum, argInt, argList, argStr, asChar, isEnumArg, unwrapArg } from './method-args.js';

type StringMethod = (s: string, a: unknown[]) => unknown;

const CMP = 'System.StringComparison';
const SPLIT = 'System.StringSplitOptions';

/** Case-insensitive comparison requested by a StringComparison argument (odd values ignore case). */
function ignoreCaseArg(method: string, v: unknown): boolean {
  return (argEnum(method, 'comparisonType', v, CMP) & 1) === 1;
}

function arity(method: string, a: unknown[], min: number, max: number): void {
  if (a.length < min || a.length > max) throw overloadCountError(method, a.length);
}

function chars(s: string): PSChar[] {
  const out = Array.from(s, (c) => new PSChar(c.charCodeAt(0)));
  setArrayElementType(out, typeByFullName('System.Char')!);
  return out;
}

function stringArray(items: string[]): string[] {
  setArrayElementType(items, typeByFullName('System.String')!);
  return items;
}

/** Characters given as a trim set: char, string of chars, or char[]. */
function trimSet(a: unknown[]): Set<string> | null {
  if (a.length === 0) return null;
  const set = new Set<string>();
  for (const x of a) {
    const list = argList(x);
    if (list) for (const c of list) for (const ch of c) set.add(ch);
    else for (const ch of argStr(x)) set.add(ch);
  }
  return set;
}

const WS = /\s/;
function trimStart(s: string, set: Set<string> | null): string {
  let i = 0;
  while (i < s.length && (set ? set.has(s[i]!) : WS.test(s[i]!))) i++;
  return s.slice(i);
}
function trimEnd(s: string, set: Set<string> | null): string {
  let i = s.length;
  while (i > 0 && (set ? set.has(s[i - 1]!) : WS.test(s[i - 1]!))) i--;
  return s.slice(0, i);
}

function indexOf(s: string, needle: string, start: number, ignoreCase: boolean, last: boolean): number {
  if (ignoreCase) {
    s = s.toLowerCase();
    needle = needle.toLowerCase();
  }
  return last ? s.lastIndexOf(needle, start) : s.indexOf(needle, start);
}

function split(s: string, a: unknown[]): string[] {
  let seps: string[] | null = null;
  let count = Number.MAX_SAFE_INTEGER;
  let options = 0;
  const rest = [...a];
  if (rest.length && isEnumArg(rest[rest.length - 1], SPLIT) && !(typeof unwrapArg(rest[rest.length - 1]) === 'string' && rest.length === 1)) {
    options = argEnum('Split', 'options', rest.pop(), SPLIT);
  }
  if (rest.length >= 2) count = argInt('Split', 'count', rest.pop());
  if (rest.length === 1) {
    const sep = unwrapArg(rest[0]);
    if (sep === null || sep === undefined) seps = null;
    else {
      const list = argList(sep);
      if (list) seps = list.length ? list : null;
      else seps = [argStr(sep)];
    }
  } else if (rest.length > 1) seps = rest.map((x) => argStr(x));
  if (count < 0) throw argumentOutOfRange('count', 'Count cannot be less than zero.');
  const parts: string[] = [];
  if (count === 0) return stringArray(parts);
  let pos = 0;
  let i = 0;
  const matchAt = (idx: number): number => {
    if (!seps) return WS.test(s[idx]!) ? 1 : 0;
    for (const sep of seps) if (sep && s.startsWith(sep, idx)) return sep.length;
    return 0;
  };
  if (seps && seps.every((x) => x === '')) return stringArray([s]);
  while (i < s.length && parts.length < count - 1) {
    const len = matchAt(i);
    if (len > 0) {
      parts.push(s.slice(pos, i));
      i += len;
      pos = i;
    } else i++;
  }
  parts.push(s.slice(pos));
  let out = parts;
  if (options & 2) out = out.map((p) => p.trim());
  if (options & 1) out = out.filter((p) => p !== '');
  return stringArray(out);
}

function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

export const stringMethods: Record<string, StringMethod> = {
  Split: split,
  Substring(s, a) {
    arity('Substring', a, 1, 2);
    const start = argInt('Substring', 'startIndex', a[0]);
    if (start < 0) throw argumentOutOfRange('startIndex', 'StartIndex cannot be less than zero.');
    if (start > s.length) throw argumentOutOfRange('startIndex', 'startIndex cannot be larger than length of string.');
    if (a.length === 1) return s.slice(start);
    const len = argInt('Substring', 'length', a[1]);
    if (len < 0) throw argumentOutOfRange('length', 'Length cannot be less than zero.');
    if (start + len > s.length) throw argumentOutOfRange('length', 'Index and length must refer to a location within the string.');
    return s.substr(start, len);
  },
  IndexOf(s, a) {
    arity('IndexOf', a, 1, 4);
    return indexOfImpl('IndexOf', s, a, false);
  },
  LastIndexOf(s, a) {
    arity('LastIndexOf', a, 1, 4);
    return indexOfImpl('LastIndexOf', s, a, true);
  },
  IndexOfAny(s, a) {
    const set = trimSet([a[0]])!;
    const start = a.length > 1 ? argInt('IndexOfAny', 'startIndex', a[1]) : 0;
    for (let i = start; i < s.length; i++) if (set.has(s[i]!)) return i;
    return -1;
  },
  LastIndexOfAny(s, a) {
    const set = trimSet([a[0]])!;
    for (let i = s.length - 1; i >= 0; i--) if (set.has(s[i]!)) return i;
    return -1;
  },
  Replace(s, a) {
    arity('Replace', a, 2, 4);
    const oldV = asChar(a[0]) ?? argStr(a[0]);
    const newV = a[1] === null || a[1] === undefined ? '' : asChar(a[1]) ?? argStr(a[1]);
    if (unwrapArg(a[0]) === null) throw argumentNull('oldValue');
    if (oldV === '') throw argumentError('String cannot be of zero length.', 'oldValue');
    let ignoreCase = false;
    if (a.length === 3) ignoreCaseArg('Replace', a[2]) && (ignoreCase = true);
    if (a.length === 4) ignoreCase = !!unwrapArg(a[2]);
    if (!ignoreCase) return s.split(oldV).join(newV);
    const re = new RegExp(oldV.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    return s.replace(re, () => newV);
  },
  Trim: (s, a) => trimEnd(trimStart(s, trimSet(a)), trimSet(a)),
  TrimStart: (s, a) => trimStart(s, trimSet(a)),
  TrimEnd: (s, a) => trimEnd(s, trimSet(a)),
  PadLeft(s, a) {
    arity('PadLeft', a, 1, 2);
    const n = argInt('PadLeft', 'totalWidth', a[0]);
    if (n < 0) throw argumentOutOfRange('totalWidth', 'Non-negative number required.');
    return s.padStart(n, a.length > 1 ? asChar(a[1]) ?? argStr(a[1]) : ' ');
  },
  PadRight(s, a) {
    arity('PadRight', a, 1, 2);
    const n = argInt('PadRight', 'totalWidth', a[0]);
    if (n < 0) throw argumentOutOfRange('totalWidth', 'Non-negative number required.');
    return s.padEnd(n, a.length > 1 ? asChar(a[1]) ?? argStr(a[1]) : ' ');
  },
  ToUpper: (s) => s.toUpperCase(),
  ToLower: (s) => s.toLowerCase(),
  ToUpperInvariant: (s) => s.toUpperCase(),
  ToLowerInvariant: (s) => s.toLowerCase(),
  StartsWith: (s, a) => affix('StartsWith', s, a, (x, y) => x.startsWith(y)),
  EndsWith: (s, a) => affix('EndsWith', s, a, (x, y) => x.endsWith(y)),
  Contains: (s, a) => affix('Contains', s, a, (x, y) => x.includes(y)),
  Insert(s, a) {
    arity('Insert', a, 2, 2);
    const i = argInt('Insert', 'startIndex', a[0]);
    if (i < 0 || i > s.length) throw argumentOutOfRange('startIndex', 'Index was out of range. Must be non-negative and less than or equal to the size of the collection.');
    return s.slice(0, i) + argStr(a[1]) + s.slice(i);
  },
  Remove(s, a) {
    arity('Remove', a, 1, 2);
    const i = argInt('Remove', 'startIndex', a[0]);
    if (a.length === 1) {
      if (i < 0) throw argumentOutOfRange('startIndex', 'StartIndex cannot be less than zero.');
      if (i >= s.length) throw argumentOutOfRange('startIndex', 'startIndex must be less than length of string.');
      return s.slice(0, i);
    }
    const n = argInt('Remove', 'count', a[1]);
    if (i < 0) throw argumentOutOfRange('startIndex', 'StartIndex cannot be less than zero.');
    if (n < 0) throw argumentOutOfRange('count', 'Count cannot be less than zero.');
    if (i + n > s.length) throw argumentOutOfRange('count', 'Index and count must refer to a location within the string.');
    return s.slice(0, i) + s.slice(i + n);
  },
  Equals(s, a) {
    arity('Equals', a, 1, 2);
    const o = unwrapArg(a[0]);
    if (typeof o !== 'string') return false;
    return a.length === 2 && ignoreCaseArg('Equals', a[1]) ? s.toLowerCase() === o.toLowerCase() : s === o;
  },
  CompareTo(s, a) {
    arity('CompareTo', a, 1, 1);
    const o = unwrapArg(a[0]);
    if (o === null || o === undefined) return 1;
    const r = s.localeCompare(argStr(o), 'en');
    return r < 0 ? -1 : r > 0 ? 1 : 0;
  },
  ToCharArray(s, a) {
    if (a.length === 2) {
      const i = argInt('ToCharArray', 'startIndex', a[0]);
      return chars(s.substr(i, argInt('ToCharArray', 'length', a[1])));
    }
    return chars(s);
  },
  GetHashCode: (s) => hashString(s),
  Normalize: (s, a) => s.normalize((a.length ? argStr(a[0]) : 'NFC').replace(/^Form/i, 'NF').toUpperCase() as 'NFC'),
  IsNormalized: (s) => s === s.normalize('NFC'),
  Chars(s, a) {
    const i = argInt('get_Chars', 'index', a[0]);
    if (i < 0 || i >= s.length) throw new DotNetError('System.IndexOutOfRangeException', 'Index was outside the bounds of the array.');
    return new PSChar(s.charCodeAt(i));
  },
  get_Chars: (s, a) => stringMethods.Chars!(s, a),
  get_Length: (s) => s.length,
  ToString: (s) => s,
  Clone: (s) => s,
  GetEnumerator: (s) => charEnumerator(s),
  Count: () => 1,
};

function indexOfImpl(method: string, s: string, a: unknown[], last: boolean): number {
  const needleChar = asChar(a[0]);
  const needle = needleChar ?? argStr(a[0]);
  if (unwrapArg(a[0]) === null) throw argumentNull('value');
  let start = last ? s.length - 1 : 0;
  let ignoreCase = false;
  let count: number | null = null;
  const rest = a.slice(1);
  if (rest.length && isEnumArg(rest[rest.length - 1], CMP) && !(typeof unwrapArg(rest[rest.length - 1]) === 'number')) {
    ignoreCase = ignoreCaseArg(method, rest.pop());
  }
  if (rest.length >= 1) start = argInt(method, 'startIndex', rest[0]);
  if (rest.length >= 2) count = argInt(method, 'count', rest[1]);
  if (start < 0 || (!last && start > s.length) || (last && s.length > 0 && start >= s.length))
    throw argumentOutOfRange('startIndex', 'Index was out of range. Must be non-negative and less than the size of the collection.');
  if (needle === '') return last ? Math.min(start, s.length) : start;
  if (last) {
    const lastStart = start - needle.length + 1;
    const r = indexOf(s, needle, Math.max(0, lastStart), ignoreCase, true);
    if (r < 0) return -1;
    if (count !== null && r < start - count + 1) return -1;
    return r;
  }
  const hay = count !== null ? s.slice(0, start + count) : s;
  return indexOf(hay, needle, start, ignoreCase, false);
}

function affix(method: string, s: string, a: unknown[], test: (x: string, y: string) => boolean): boolean {
  arity(method, a, 1, 3);
  const v = unwrapArg(a[0]);
  if (v === null || v === undefined) throw argumentNull('value');
  const needle = asChar(v) ?? argStr(v);
  let ignoreCase = false;
  if (a.length === 2) ignoreCase = ignoreCaseArg(method, a[1]);
  if (a.length === 3) ignoreCase = !!unwrapArg(a[1]);
  return ignoreCase ? test(s.toLowerCase(), needle.toLowerCase()) : test(s, needle);
}
