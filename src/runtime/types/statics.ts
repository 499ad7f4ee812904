// Static members: `[math]::Round(...)`, `[int]::MaxValue`, `[T]::new(...)`, enum values `[DayOfWeek]::Monday`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { changeExtension } from '../path-extension.js';
import { regexParseMessage, toJsRegExp } from '../values/regex.js';
import { runtimeError } from '../errors.js';
import { toBool, toStr } from '../values/convert.js';
import { formatComposite } from '../values/format.js';
import { PSChar, PSDecimal, PSNumber, isNumeric, makeDouble, toJsNumber } from '../values/numbers.js';
import { compare, equals } from '../values/operators.js';
import { convertTo, roundHalfEven, scanNumber } from './cast.js';
import { getEnumerable } from './collections.js';
import { construct, constructMaybe, newWildcardPattern } from './constructors.js';
import { escapeWildcard, isWildcardPattern, unescapeWildcard } from '../values/wildcard.js';
import {
  TimeSpan, dateFromParts, dateFromTicks, daysInMonth, isLeapYear, makeDate, parseDateTime, parseDateTimeExact,
} from './datetime.js';
import { argBool, argInt, argItems, argNum, argStr, unwrapArg } from './method-args.js';
import { DotNetError, argumentError, argumentOutOfRange, callWrapped, formatError, overloadCountError } from './method-errors.js';
import { dotnetEquals, predicate, toBytes } from './methods.js';
import { PSType, resolveType, typeByFullName } from './ps-type.js';
import { regexEscape, regexIsMatch, regexMatch, regexMatches, regexReplace, regexSplit, regexUnescape } from './regex-methods.js';
import { DB_NULL, NULL_STRING, PSEnumValue, PSTuple, PSGuid, PSReference, PSRegex, PSStringComparer, encodings } from './simple-values.js';
import { setArrayElementType } from './type-of.js';
import { currentCulture, invariantCulture, setCurrentCulture, timeZones, toCulture } from './culture.js';
import { PSDateTimeOffset } from './datetimeoffset.js';

export { newObject } from './constructors.js';

type StaticMethod = (a: unknown[], t: PSType) => unknown;
type StaticProp = (t: PSType) => unknown;
interface Statics {
  props?: Record<string, StaticProp>;
  methods?: Record<string, StaticMethod>;
}

function T(name: string): PSType {
  return typeByFullName(name)!;
}
function dbl(n: number): unknown {
  return makeDouble(n);
}

/** Math functions return Double; integer inputs to Abs/Min/Max keep their type. */
function numericKeep(a: unknown, f: (x: number) => number): unknown {
  const v = unwrapArg(a);
  if (typeof v === 'number' && Number.isInteger(v)) return f(v);
  if (typeof v === 'bigint') return BigInt(f(Number(v)));
  if (v instanceof PSDecimal) return PSDecimal.fromNumber(f(v.valueOf()));
  return dbl(f(toJsNumber(convertTo(v, T('System.Double')))));
}

function mathRound(a: unknown[]): unknown {
  if (a.length < 1 || a.length > 3) throw overloadCountError('Round', a.length);
  const v = unwrapArg(a[0]);
  let digits = 0;
  let mode = 0;
  if (a.length >= 2) {
    const x = unwrapArg(a[1]);
    // A MidpointRounding, or a name of one ('AwayFromZero'), picks the Round(value, mode) overload.
    if (x instanceof PSEnumValue && x.type.FullName === 'System.MidpointRounding') mode = x.value;
    else if (typeof x === 'string' && scanNumber(x) === null) mode = (convertTo(x, T('System.MidpointRounding')) as PSEnumValue).value;
    else digits = argInt('Round', 'digits', x);
  }
  if (a.length === 3) mode = (convertTo(unwrapArg(a[2]), T('System.MidpointRounding')) as PSEnumValue).value;
  if (v instanceof PSDecimal) {
    if (digits < 0 || digits > 28) throw argumentOutOfRange('decimals', 'Decimal can only round to between 0 and 28 digits of precision.');
    return roundDecimal(v, digits, mode);
  }
  if (digits < 0 || digits > 15) throw argumentOutOfRange('digits', 'Rounding digits must be between 0 and 15, inclusive.');
  const n = toJsNumber(convertTo(v, T('System.Double')));
  const p = 10 ** digits;
  // Scaled in binary as .NET does, so 2.675 (really 2.67499999...) rounds to 2.67.
  const scaled = digits && Math.abs(n) < 1e16 ? n * p : n;
  let r: number;
  switch (mode) {
    case 1: r = Math.sign(scaled) * Math.round(Math.abs(scaled)); break;
    case 2: r = Math.trunc(scaled); break;
    case 3: r = Math.floor(scaled); break;
    case 4: r = Math.ceil(scaled); break;
    default: r = roundHalfEven(scaled);
  }
  // .NET keeps the sign of a negative value rounded to zero (-0, which shows as `-0`).
  if (r === 0 && (scaled < 0 || Object.is(scaled, -0))) r = -0;
  return dbl(digits && Math.abs(n) < 1e16 ? r / p : r);
}

/** Decimal.Round: exact, on the decimal digits; the result keeps `digits` decimals (fewer are left as they are). */
function roundDecimal(v: PSDecimal, digits: number, mode: number): PSDecimal {
  if (v.scale <= digits) return v;
  const div = 10n ** BigInt(v.scale - digits);
  let q = v.mantissa / div;
  const rem = v.mantissa % div;
  const twice = 2n * (rem < 0n ? -rem : rem);
  const away = rem < 0n ? -1n : 1n;
  switch (mode) {
    case 1: if (twice >= div) q += away; break;
    case 2: break;
    case 3: if (rem < 0n) q -= 1n; break;
    case 4: if (rem > 0n) q += 1n; break;
    default: if (twice > div || (twice === div && q % 2n !== 0n)) q += away;
  }
  return new PSDecimal(q, digits);
}

/** NumberStyles of a Parse/TryParse argument list: the enum argument after the string, when there is one. */
function numberStyles(a: unknown[], count: number): number | null {
  if (a.length < 2) return null;
  for (const x of a.slice(1, count)) {
    const u = unwrapArg(x);
    if (u instanceof PSEnumValue && u.type.FullName === 'System.Globalization.NumberStyles') return u.value;
    if (typeof u === 'string') return Number(convertTo(u, T('System.Globalization.NumberStyles')));
  }
  return null;
}

const NS_ALLOW_THOUSANDS = 64;
const NS_ALLOW_HEX = 512;

function parseNumeric(t: PSType, s: unknown, method: string, styles: number | null = null): unknown {
  const text = argStr(s);
  if (styles !== null && styles & NS_ALLOW_HEX) return parseHexStyle(t, text);
  if (styles !== null && styles & NS_ALLOW_THOUSANDS && /^\s*[+-]?\d{1,3}(,\d{3})+\s*$/.test(text)) return parseNumeric(t, text.replace(/,/g, ''), method);
  const src = scanNumber(text.trim());
  const isInt = !['System.Double', 'System.Single', 'System.Decimal'].includes(t.FullName);
  // Parse is stricter than casts: no hex/suffixes, but thousands separators are not allowed for integers either.
  const plain = isInt ? /^\s*[+-]?\d+\s*$/.test(text) : /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text) || /^\s*[+-]?(\d{1,3}(,\d{3})+)(\.\d*)?\s*$/.test(text);
  if (!plain || (!src && isInt)) throw formatError(`The input string '${text}' was not in a correct format.`);
  try {
    return convertTo(text.replace(/,/g, ''), t);
  } catch {
    throw new DotNetError('System.OverflowException', `Value was either too large or too small for ${t.Name === 'Int32' || t.Name === 'Int64' || t.Name === 'Int16' ? 'an' : 'a'} ${t.Name}.`);
  }
  void method;
}

/** Parse with AllowHexSpecifier: bare hex digits (no 0x), read as the type's bits (ffffffff is -1 for Int32). */
function parseHexStyle(t: PSType, text: string): unknown {
  const m = /^\s*([0-9a-f]+)\s*$/i.exec(text);
  if (!m) throw formatError(`The input string '${text}' was not in a correct format.`);
  const bits = ({ 'System.Byte': 8, 'System.SByte': 8, 'System.Int16': 16, 'System.UInt16': 16, 'System.Int32': 32, 'System.UInt32': 32, 'System.Int64': 64, 'System.UInt64': 64 } as Record<string, number>)[t.FullName];
  if (bits === undefined) throw argumentError('The number style AllowHexSpecifier is not supported on floating point data types.');
  let v = BigInt('0x' + m[1]);
  if (v >= 1n << BigInt(bits)) throw new DotNetError('System.OverflowException', `Value was either too large or too small for ${t.Name.startsWith('I') ? 'an' : 'a'} ${t.Name}.`);
  if (!t.Name.startsWith('U') && t.Name !== 'Byte' && v >= 1n << BigInt(bits - 1)) v -= 1n << BigInt(bits);
  return convertTo(bits === 64 ? v : Number(v), t);
}

function numericStatics(min: unknown, max: unknown, extra: Record<string, StaticProp> = {}): Statics {
  return {
    props: { MaxValue: () => max, MinValue: () => min, ...extra },
    methods: {
      Parse: (a, t) => parseNumeric(t, a[0], 'Parse', numberStyles(a, a.length)),
      TryParse: (a, t) => {
        if (a.length !== 2 && a.length !== 4) throw overloadCountError('TryParse', a.length);
        const ref = unwrapArg(a[a.length - 1]);
        try {
          const v = parseNumeric(t, a[0], 'TryParse', numberStyles(a, a.length - 1));
          if (ref instanceof PSReference) ref.Value = v;
          return true;
        } catch (e) {
          if (!(e instanceof DotNetError)) throw e;
          if (ref instanceof PSReference) ref.Value = convertTo(0, t);
          return false;
        }
      },
      IsNaN: (a) => Number.isNaN(toJsNumber(unwrapArg(a[0]))),
      IsInfinity: (a) => !Number.isFinite(toJsNumber(unwrapArg(a[0]))) && !Number.isNaN(toJsNumber(unwrapArg(a[0]))),
      IsPositiveInfinity: (a) => toJsNumber(unwrapArg(a[0])) === Infinity,
      IsNegativeInfinity: (a) => toJsNumber(unwrapArg(a[0])) === -Infinity,
    },
  };
}

function strArray(items: string[]): string[] {
  setArrayElementType(items, T('System.String'));
  return items;
}

function stringJoin(a: unknown[]): string {
  if (a.length < 2) throw overloadCountError('Join', a.length);
  const sep = argStr(a[0]);
  const items = a.length === 2 ? argItems(a[1]) : a.slice(1);
  return items.map((x) => toStr(unwrapArg(x))).join(sep);
}

function dateTimeStyles(v: unknown): number {
  const u = unwrapArg(v);
  return u === null ? 0 : Number(convertTo(u, T('System.Globalization.DateTimeStyles')));
}

/**
 * Directory.GetFiles/GetDirectories/GetFileSystemEntries(path[, searchPattern[, SearchOption]]): entries whose
 * names match the pattern (`*`, `?`; case-sensitive, as on Unix; `*.*` is everything), recursing with
 * AllDirectories.
 */
function directoryEntries(a: unknown[], want: 'file' | 'dir' | 'all'): string[] {
  const root = argStr(a[0]);
  const pattern = a.length > 1 ? argStr(a[1]) : '*';
  const recurse = a.length > 2 && Number(convertTo(unwrapArg(a[2]), T('System.IO.SearchOption'))) === 1;
  const src = pattern === '*.*' ? '*' : pattern;
  const re = new RegExp('^' + src.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 's');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = nodePath.join(dir, d.name);
      const isDir = d.isDirectory() || (d.isSymbolicLink() && isDirectoryPath(full));
      if ((want === 'all' || (want === 'dir') === isDir) && re.test(d.name)) out.push(full);
      if (recurse && isDir) walk(full);
    }
  };
  walk(root);
  return out;
}

function isDirectoryPath(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function regexOf(a: unknown[], optIndex: number): PSRegex {
  const opts = a.length > optIndex ? Number(convertTo(unwrapArg(a[optIndex]), T('System.Text.RegularExpressions.RegexOptions'))) : 0;
  const pattern = argStr(a[1]);
  // The static methods parse the pattern first: a bad one throws .NET's RegexParseException (a method error).
  try {
    toJsRegExp(pattern, { ignoreCase: (opts & 1) !== 0 });
  } catch {
    throw new DotNetError('System.Text.RegularExpressions.RegexParseException', regexParseMessage(pattern));
  }
  return new PSRegex(pattern, opts);
}

function charTest(re: RegExp): StaticMethod {
  return (a) => {
    const v = unwrapArg(a[0]);
    const s = a.length === 2 ? argStr(v)[argInt('', 'index', a[1])] ?? '' : v instanceof PSChar ? String.fromCharCode(v.code) : argStr(v);
    return s.length === 1 && re.test(s);
  };
}

function fromBase64(s: string): Uint8Array {
  const clean = s.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0)
    throw formatError('The input is not a valid Base-64 string as it contains a non-base 64 character, more than two padding characters, or an illegal character among the padding characters.');
  return new Uint8Array(Buffer.from(clean, 'base64'));
}

function toBase(v: unknown, base: number): string {
  const n = unwrapArg(v);
  if (![2, 8, 10, 16].includes(base)) throw argumentError('Invalid Base.', 'toBase');
  let big = typeof n === 'bigint' ? n : BigInt(Math.trunc(toJsNumber(n)));
  if (big < 0n && base !== 10) big += typeof n === 'bigint' ? 1n << 64n : 1n << 32n;
  return big.toString(base);
}

function parseBase(s: string, base: number, bits: 32 | 64): unknown {
  let t = s.trim();
  if (base === 16) t = t.replace(/^0x/i, '');
  const valid = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[+-]?\d+$/, 16: /^[0-9a-f]+$/i }[base as 2];
  if (!valid || !valid.test(t)) throw formatError('Could not find any recognizable digits.');
  let big = base === 10 ? BigInt(t) : BigInt((base === 16 ? '0x' : base === 8 ? '0o' : '0b') + t);
  const width = BigInt(bits);
  if (base !== 10 && big >= 1n << (width - 1n)) big -= 1n << width;
  return bits === 32 ? Number(big) : big;
}

function envTarget(): void {}

const SPECIAL_FOLDERS: Record<string, () => string> = {
  userprofile: () => os.homedir(),
  mydocuments: () => os.homedir(),
  personal: () => os.homedir(),
  desktop: () => nodePath.join(os.homedir(), 'Desktop'),
  applicationdata: () => process.env.XDG_CONFIG_HOME ?? nodePath.join(os.homedir(), '.config'),
  localapplicationdata: () => process.env.XDG_DATA_HOME ?? nodePath.join(os.homedir(), '.local', 'share'),
  commonapplicationdata: () => '/usr/share',
};

let builtTable: Record<string, Statics> | null = null;

/** The static members by type, built on first use: hundreds of closures most scripts never call. */
function staticsTable(): Record<string, Statics> {
  if (builtTable) return builtTable;
  const table: Record<string, Statics> = {
  'System.Math': {
    props: { PI: () => Math.PI, E: () => Math.E, Tau: () => Math.PI * 2 },
    methods: {
      Abs: (a) => numericKeep(a[0], Math.abs),
      Round: mathRound,
      Floor: (a) => numericKeep(a[0], Math.floor),
      Ceiling: (a) => numericKeep(a[0], Math.ceil),
      Truncate: (a) => numericKeep(a[0], Math.trunc),
      Sign: (a) => Math.sign(toJsNumber(unwrapArg(a[0]))),
      Min: (a) => (compare(unwrapArg(a[0]), unwrapArg(a[1])) <= 0 ? unwrapArg(a[0]) : unwrapArg(a[1])),
      Max: (a) => (compare(unwrapArg(a[0]), unwrapArg(a[1])) >= 0 ? unwrapArg(a[0]) : unwrapArg(a[1])),
      Pow: (a) => dbl(argNum('Pow', 'x', a[0]) ** argNum('Pow', 'y', a[1])),
      Sqrt: (a) => dbl(Math.sqrt(argNum('Sqrt', 'd', a[0]))),
      Cbrt: (a) => dbl(Math.cbrt(argNum('Cbrt', 'd', a[0]))),
      Log: (a) => dbl(a.length === 2 ? Math.log(argNum('Log', 'a', a[0])) / Math.log(argNum('Log', 'newBase', a[1])) : Math.log(argNum('Log', 'd', a[0]))),
      Log10: (a) => dbl(Math.log10(argNum('Log10', 'd', a[0]))),
      Log2: (a) => dbl(Math.log2(argNum('Log2', 'd', a[0]))),
      Exp: (a) => dbl(Math.exp(argNum('Exp', 'd', a[0]))),
      Sin: (a) => dbl(Math.sin(argNum('Sin', 'a', a[0]))),
      Cos: (a) => dbl(Math.cos(argNum('Cos', 'd', a[0]))),
      Tan: (a) => dbl(Math.tan(argNum('Tan', 'a', a[0]))),
      Asin: (a) => dbl(Math.asin(argNum('Asin', 'd', a[0]))),
      Acos: (a) => dbl(Math.acos(argNum('Acos', 'd', a[0]))),
      Atan: (a) => dbl(Math.atan(argNum('Atan', 'd', a[0]))),
      Atan2: (a) => dbl(Math.atan2(argNum('Atan2', 'y', a[0]), argNum('Atan2', 'x', a[1]))),
      Sinh: (a) => dbl(Math.sinh(argNum('Sinh', 'value', a[0]))),
      Cosh: (a) => dbl(Math.cosh(argNum('Cosh', 'value', a[0]))),
      Tanh: (a) => dbl(Math.tanh(argNum('Tanh', 'value', a[0]))),
      DivRem: (a) => {
        const x = argInt('DivRem', 'a', a[0]);
        const y = argInt('DivRem', 'b', a[1]);
        if (y === 0) throw new DotNetError('System.DivideByZeroException', 'Attempted to divide by zero.');
        const q = Math.trunc(x / y);
        if (a[2] instanceof PSReference) a[2].Value = x - q * y;
        return a.length === 3 ? q : [q, x - q * y];
      },
      Clamp: (a) => {
        const [v, lo, hi] = a.map(unwrapArg);
        if (compare(lo, hi) > 0) throw argumentError(`'${toStr(lo)}' cannot be greater than ${toStr(hi)}.`);
        return compare(v, lo) < 0 ? lo : compare(v, hi) > 0 ? hi : v;
      },
      BigMul: (a) => BigInt(argInt('BigMul', 'a', a[0])) * BigInt(argInt('BigMul', 'b', a[1])),
    },
  },
  'System.Int32': numericStatics(-2147483648, 2147483647),
  'System.Int64': numericStatics(-9223372036854775808n, 9223372036854775807n),
  'System.Int16': numericStatics(new PSNumber('Int16', -32768), new PSNumber('Int16', 32767)),
  'System.UInt16': numericStatics(new PSNumber('UInt16', 0), new PSNumber('UInt16', 65535)),
  'System.UInt32': numericStatics(new PSNumber('UInt32', 0), new PSNumber('UInt32', 4294967295)),
  'System.UInt64': numericStatics(new PSNumber('UInt64', 0n), new PSNumber('UInt64', 18446744073709551615n)),
  'System.Byte': numericStatics(new PSNumber('Byte', 0), new PSNumber('Byte', 255)),
  'System.SByte': numericStatics(new PSNumber('SByte', -128), new PSNumber('SByte', 127)),
  'System.Double': numericStatics(-1.7976931348623157e308, 1.7976931348623157e308, {
    NaN: () => NaN, PositiveInfinity: () => Infinity, NegativeInfinity: () => -Infinity, Epsilon: () => 5e-324,
  }),
  'System.Single': numericStatics(new PSNumber('Single', -3.4028234663852886e38), new PSNumber('Single', 3.4028234663852886e38), {
    NaN: () => new PSNumber('Single', NaN), PositiveInfinity: () => new PSNumber('Single', Infinity), NegativeInfinity: () => new PSNumber('Single', -Infinity),
  }),
  'System.Decimal': numericStatics(PSDecimal.parse('-79228162514264337593543950335'), PSDecimal.parse('79228162514264337593543950335'), {
    Zero: () => new PSDecimal(0n, 0), One: () => new PSDecimal(1n, 0), MinusOne: () => new PSDecimal(-1n, 0),
  }),
  'System.String': {
    props: { Empty: () => '' },
    methods: {
      Join: stringJoin,
      Format: (a) => {
        if (a.length < 1) throw overloadCountError('Format', 0);
        const args = a.length === 2 && Array.isArray(unwrapArg(a[1])) ? (unwrapArg(a[1]) as unknown[]) : a.slice(1);
        return formatComposite(argStr(a[0]), args);
      },
      IsNullOrEmpty: (a) => {
        const v = unwrapArg(a[0]);
        return v === null || v === undefined || toStr(v) === '';
      },
      IsNullOrWhiteSpace: (a) => {
        const v = unwrapArg(a[0]);
        return v === null || v === undefined || toStr(v).trim() === '';
      },
      Concat: (a) => (a.length === 1 && Array.isArray(unwrapArg(a[0])) ? argItems(a[0]) : a).map((x) => argStr(x)).join(''),
      Compare: (a) => {
        const x = unwrapArg(a[0]);
        const y = unwrapArg(a[1]);
        if (x === null || x === undefined) return y === null || y === undefined ? 0 : -1;
        if (y === null || y === undefined) return 1;
        let ignoreCase = false;
        if (a.length >= 3) {
          const o = unwrapArg(a[2]);
          ignoreCase = typeof o === 'boolean' ? o : ((convertTo(o, T('System.StringComparison')) as PSEnumValue).value & 1) === 1;
        }
        let s1 = toStr(x);
        let s2 = toStr(y);
        if (ignoreCase) {
          s1 = s1.toLowerCase();
          s2 = s2.toLowerCase();
        }
        return Math.sign(s1.localeCompare(s2, 'en'));
      },
      // .NET returns the difference of the first differing UTF-16 code units, else of the lengths (not just -1/0/1).
      CompareOrdinal: (a) => {
        const s1 = argStr(a[0]);
        const s2 = argStr(a[1]);
        const n = Math.min(s1.length, s2.length);
        for (let i = 0; i < n; i++) {
          const d = s1.charCodeAt(i) - s2.charCodeAt(i);
          if (d !== 0) return d;
        }
        return s1.length - s2.length;
      },
      Equals: (a) => {
        const x = unwrapArg(a[0]);
        const y = unwrapArg(a[1]);
        if (a.length === 3 && ((convertTo(unwrapArg(a[2]), T('System.StringComparison')) as PSEnumValue).value & 1) === 1)
          return typeof x === 'string' && typeof y === 'string' && x.toLowerCase() === y.toLowerCase();
        return x === y;
      },
      new: (a, t) => construct(t, a),
    },
  },
  'System.Char': {
    props: { MaxValue: () => new PSChar(0xffff), MinValue: () => new PSChar(0) },
    methods: {
      IsDigit: charTest(/^\d$/),
      IsLetter: charTest(/^\p{L}$/u),
      IsLetterOrDigit: charTest(/^[\p{L}\p{Nd}]$/u),
      IsWhiteSpace: charTest(/^\s$/),
      IsUpper: charTest(/^\p{Lu}$/u),
      IsLower: charTest(/^\p{Ll}$/u),
      IsPunctuation: charTest(/^\p{P}$/u),
      IsNumber: charTest(/^\p{N}$/u),
      IsControl: charTest(/^\p{Cc}$/u),
      IsSymbol: charTest(/^\p{S}$/u),
      IsAscii: charTest(/^[\x00-\x7f]$/),
      ToUpper: (a) => new PSChar(String.fromCharCode((convertTo(unwrapArg(a[0]), T('System.Char')) as PSChar).code).toUpperCase().charCodeAt(0)),
      ToLower: (a) => new PSChar(String.fromCharCode((convertTo(unwrapArg(a[0]), T('System.Char')) as PSChar).code).toLowerCase().charCodeAt(0)),
      ToString: (a) => toStr(unwrapArg(a[0])),
      Parse: (a) => {
        const s = argStr(a[0]);
        if (s.length !== 1) throw formatError('String must be exactly one character long.');
        return new PSChar(s.charCodeAt(0));
      },
      GetNumericValue: (a) => {
        const c = toStr(unwrapArg(a[0]));
        return /^\d$/.test(c) ? dbl(+c) : dbl(-1);
      },
    },
  },
  'System.Boolean': {
    props: { TrueString: () => 'True', FalseString: () => 'False' },
    methods: {
      Parse: (a) => {
        const s = argStr(a[0]).trim().toLowerCase();
        if (s === 'true') return true;
        if (s === 'false') return false;
        throw formatError(`String '${argStr(a[0])}' was not recognized as a valid Boolean.`);
      },
      TryParse: (a) => {
        const s = argStr(a[0]).trim().toLowerCase();
        const ok = s === 'true' || s === 'false';
        if (a[1] instanceof PSReference) a[1].Value = s === 'true';
        return ok;
      },
    },
  },
  'System.Text.RegularExpressions.Regex': {
    methods: {
      Match: (a) => regexMatch(regexOf(a, 2), argStr(a[0])),
      Matches: (a) => regexMatches(regexOf(a, 2), argStr(a[0])),
      IsMatch: (a) => regexIsMatch(regexOf(a, 2), argStr(a[0])),
      Replace: (a) => regexReplace(regexOf(a, 3), argStr(a[0]), unwrapArg(a[2])),
      Split: (a) => strArray(regexSplit(regexOf(a, 2), argStr(a[0]))),
      Escape: (a) => regexEscape(argStr(a[0])),
      Unescape: (a) => regexUnescape(argStr(a[0])),
    },
  },
  'System.DateTime': {
    props: {
      Now: () => makeDate(Date.now(), 'Local'),
      UtcNow: () => makeDate(Date.now(), 'Utc'),
      Today: () => {
        const n = new Date();
        return dateFromParts(n.getFullYear(), n.getMonth() + 1, n.getDate(), 0, 0, 0, 0, 'Local');
      },
      MinValue: () => dateFromTicks(0),
      MaxValue: () => dateFromTicks(3155378975999999999),
      UnixEpoch: () => makeDate(0, 'Utc'),
    },
    methods: {
      Parse: (a) => {
        const d = parseDateTime(argStr(a[0]));
        if (!d) throw formatError(`String '${argStr(a[0])}' was not recognized as a valid DateTime.`);
        return d;
      },
      TryParse: (a) => {
        const d = parseDateTime(argStr(a[0]));
        const ref = a[a.length - 1];
        if (ref instanceof PSReference) ref.Value = d ?? dateFromTicks(0);
        return d !== null;
      },
      ParseExact: (a) => {
        const fmts = argItems(a[1]).map((x) => argStr(x));
        const styles = a.length > 3 ? dateTimeStyles(a[3]) : 0;
        for (const f of fmts) {
          const d = parseDateTimeExact(argStr(a[0]), f, styles);
          if (d) return d;
        }
        throw formatError(`String '${argStr(a[0])}' was not recognized as a valid DateTime.`);
      },
      TryParseExact: (a) => {
        const styles = a.length > 4 ? dateTimeStyles(a[3]) : 0;
        const d = argItems(a[1]).map((x) => parseDateTimeExact(argStr(a[0]), argStr(x), styles)).find((x) => x !== null) ?? null;
        const ref = a[a.length - 1];
        if (ref instanceof PSReference) ref.Value = d ?? dateFromTicks(0);
        return d !== null;
      },
      DaysInMonth: (a) => daysInMonth(argInt('DaysInMonth', 'year', a[0]), argInt('DaysInMonth', 'month', a[1])),
      IsLeapYear: (a) => isLeapYear(argInt('IsLeapYear', 'year', a[0])),
      SpecifyKind: (a) => {
        const d = unwrapArg(a[0]) as Date;
        const kind = (['Unspecified', 'Utc', 'Local'] as const)[(convertTo(unwrapArg(a[1]), T('System.DateTimeKind')) as PSEnumValue).value]!;
        const wall = d.getTime() - d.getTimezoneOffset() * 60000;
        return kind === 'Utc' ? makeDate(wall, 'Utc') : makeDate(d.getTime(), kind);
      },
      FromFileTime: (a) => makeDate(Number(BigInt(toJsNumber(unwrapArg(a[0]))) / 10000n) - 11644473600000, 'Local'),
      FromFileTimeUtc: (a) => makeDate(Number(BigInt(toJsNumber(unwrapArg(a[0]))) / 10000n) - 11644473600000, 'Utc'),
      Compare: (a) => Math.sign((unwrapArg(a[0]) as Date).getTime() - (unwrapArg(a[1]) as Date).getTime()),
    },
  },
  'System.TimeSpan': {
    props: {
      Zero: () => new TimeSpan(0),
      MaxValue: () => new TimeSpan(Number.MAX_SAFE_INTEGER),
      MinValue: () => new TimeSpan(Number.MIN_SAFE_INTEGER),
      TicksPerMillisecond: () => 10000n,
      TicksPerSecond: () => 10000000n,
      TicksPerMinute: () => 600000000n,
      TicksPerHour: () => 36000000000n,
      TicksPerDay: () => 864000000000n,
    },
    methods: {
      FromMilliseconds: (a) => new TimeSpan(Math.round(argNum('FromMilliseconds', 'value', a[0]) * 10000)),
      FromSeconds: (a) => new TimeSpan(Math.round(argNum('FromSeconds', 'value', a[0]) * 1e7)),
      FromMinutes: (a) => new TimeSpan(Math.round(argNum('FromMinutes', 'value', a[0]) * 6e8)),
      FromHours: (a) => new TimeSpan(Math.round(argNum('FromHours', 'value', a[0]) * 3.6e10)),
      FromDays: (a) => new TimeSpan(Math.round(argNum('FromDays', 'value', a[0]) * 8.64e11)),
      FromTicks: (a) => new TimeSpan(toJsNumber(unwrapArg(a[0]))),
      Parse: (a) => convertTo(argStr(a[0]), T('System.TimeSpan')),
    },
  },
  'System.Management.Automation.LanguagePrimitives': {
    methods: {
      ConvertTo: (a) => {
        if (a.length !== 2) throw overloadCountError('ConvertTo', a.length);
        const t = unwrapArg(a[1]);
        const type = t instanceof PSType ? t : resolveType(argStr(a[1]));
        if (!type) throw argumentError(`Cannot convert the "${argStr(a[1])}" value of type "System.String" to type "System.Type".`);
        return convertTo(unwrapArg(a[0]), type);
      },
      IsTrue: (a) => toBool(unwrapArg(a[0])),
      Equals: (a) => equals(unwrapArg(a[0]), unwrapArg(a[1]), !(a.length > 2 && argBool(a[2]))),
      Compare: (a) => compare(unwrapArg(a[0]), unwrapArg(a[1]), !(a.length > 2 && argBool(a[2]))),
    },
  },
  'System.Tuple': {
    methods: {
      Create: (a) => {
        if (a.length < 1 || a.length > 7) throw overloadCountError('Create', a.length);
        return new PSTuple(a.map(unwrapArg));
      },
    },
  },
  'System.DBNull': { props: { Value: () => DB_NULL } },
  'System.Management.Automation.Language.NullString': { props: { Value: () => NULL_STRING } },
  // AutomationNull is the "no output" value; in awsh that is $null.
  'System.Management.Automation.Internal.AutomationNull': { props: { Value: () => null } },
  'System.Guid': {
    props: { Empty: () => new PSGuid('00000000-0000-0000-0000-000000000000') },
    methods: {
      NewGuid: () => new PSGuid(crypto.randomUUID()),
      Parse: (a) => {
        const g = PSGuid.parse(argStr(a[0]));
        if (!g) throw formatError('Unrecognized Guid format.');
        return g;
      },
      TryParse: (a) => {
        const g = PSGuid.parse(argStr(a[0]));
        if (a[1] instanceof PSReference) a[1].Value = g ?? new PSGuid('00000000-0000-0000-0000-000000000000');
        return g !== null;
      },
    },
  },
  'System.Convert': {
    methods: {
      ToBase64String: (a) => Buffer.from(toBytes(a[0])).toString('base64'),
      FromBase64String: (a) => fromBase64(argStr(a[0])),
      ToInt32: (a) => (a.length === 2 ? parseBase(argStr(a[0]), argInt('ToInt32', 'fromBase', a[1]), 32) : convertTo(convArg(a[0]), T('System.Int32'))),
      ToInt64: (a) => (a.length === 2 ? parseBase(argStr(a[0]), argInt('ToInt64', 'fromBase', a[1]), 64) : convertTo(convArg(a[0]), T('System.Int64'))),
      ToInt16: (a) => convertTo(convArg(a[0]), T('System.Int16')),
      ToByte: (a) => (a.length === 2 ? new PSNumber('Byte', parseBase(argStr(a[0]), argInt('ToByte', 'fromBase', a[1]), 32) as number & 255) : convertTo(convArg(a[0]), T('System.Byte'))),
      ToDouble: (a) => convertTo(convArg(a[0]), T('System.Double')),
      ToSingle: (a) => convertTo(convArg(a[0]), T('System.Single')),
      ToDecimal: (a) => convertTo(convArg(a[0]), T('System.Decimal')),
      ToUInt32: (a) => convertTo(convArg(a[0]), T('System.UInt32')),
      ToUInt64: (a) => convertTo(convArg(a[0]), T('System.UInt64')),
      ToBoolean: (a) => {
        const v = unwrapArg(a[0]);
        if (typeof v === 'string') {
          const s = v.trim().toLowerCase();
          if (s === 'true') return true;
          if (s === 'false') return false;
          throw formatError(`String '${v}' was not recognized as a valid Boolean.`);
        }
        return isNumeric(v) ? toJsNumber(v) !== 0 : !!v;
      },
      ToChar: (a) => convertTo(unwrapArg(a[0]), T('System.Char')),
      ToString: (a) => (a.length === 2 && isNumeric(unwrapArg(a[1])) ? toBase(a[0], argInt('ToString', 'toBase', a[1])) : argStr(a[0])),
      ToDateTime: (a) => convertTo(unwrapArg(a[0]), T('System.DateTime')),
      ToHexString: (a) => Buffer.from(toBytes(a[0])).toString('hex').toUpperCase(),
      FromHexString: (a) => {
        const s = argStr(a[0]);
        if (s.length % 2 || !/^[0-9a-f]*$/i.test(s)) throw formatError('The input is not a valid hex string as its length is not a multiple of 2.');
        return new Uint8Array(Buffer.from(s, 'hex'));
      },
      ChangeType: (a) => convertTo(unwrapArg(a[0]), unwrapArg(a[1]) as PSType),
    },
  },
  'System.Text.Encoding': {
    props: {
      UTF8: () => encodings.utf8,
      ASCII: () => encodings.ascii,
      Unicode: () => encodings.unicode,
      BigEndianUnicode: () => encodings.bigEndianUnicode,
      UTF32: () => encodings.utf32,
      Latin1: () => encodings.latin1,
      Default: () => encodings.utf8,
    },
    methods: {
      GetEncoding: (a) => {
        const n = argStr(a[0]).toLowerCase();
        const e = Object.values(encodings).find((x) => x.WebName === n || String(x.CodePage) === n) ?? (n === 'utf8' ? encodings.utf8 : null);
        if (!e) throw argumentError(`'${argStr(a[0])}' is not a supported encoding name.`, 'name');
        return e;
      },
    },
  },
  'System.StringComparer': {
    props: {
      Ordinal: () => new PSStringComparer('Ordinal', false),
      OrdinalIgnoreCase: () => new PSStringComparer('OrdinalIgnoreCase', true),
      CurrentCulture: () => new PSStringComparer('CurrentCulture', false),
      CurrentCultureIgnoreCase: () => new PSStringComparer('CurrentCultureIgnoreCase', true),
      InvariantCulture: () => new PSStringComparer('InvariantCulture', false),
      InvariantCultureIgnoreCase: () => new PSStringComparer('InvariantCultureIgnoreCase', true),
    },
  },
  'System.IO.Path': {
    props: {
      DirectorySeparatorChar: () => new PSChar(nodePath.sep.charCodeAt(0)),
      AltDirectorySeparatorChar: () => new PSChar(47),
      PathSeparator: () => new PSChar(nodePath.delimiter.charCodeAt(0)),
      VolumeSeparatorChar: () => new PSChar(47),
    },
    methods: {
      Combine: (a) => {
        const parts = (a.length === 1 ? argItems(a[0]) : a).map((x) => argStr(x));
        let out = '';
        for (const p of parts) {
          if (p === '') continue;
          if (nodePath.isAbsolute(p)) out = p;
          else out = out === '' ? p : out.endsWith('/') || out.endsWith(nodePath.sep) ? out + p : out + nodePath.sep + p;
        }
        return out;
      },
      Join: (a) => (a.length === 1 ? argItems(a[0]) : a).map((x) => argStr(x)).filter((p) => p !== '').reduce((acc, p) => (acc === '' ? p : acc.endsWith('/') || p.startsWith('/') ? acc + p : acc + '/' + p), ''),
      GetFileName: (a) => {
        const s = argStr(a[0]);
        return s.slice(s.lastIndexOf('/') + 1);
      },
      GetExtension: (a) => {
        const name = argStr(a[0]).split('/').pop()!;
        const i = name.lastIndexOf('.');
        return i <= 0 && !(i === 0 && name.length > 1) ? '' : i === name.length - 1 ? '' : name.slice(i);
      },
      GetFileNameWithoutExtension: (a) => {
        const name = argStr(a[0]).split('/').pop()!;
        const i = name.lastIndexOf('.');
        return i < 0 ? name : name.slice(0, i);
      },
      GetDirectoryName: (a) => {
        const s = argStr(a[0]);
        if (s === '' || s === '/') return null;
        const i = s.lastIndexOf('/');
        return i < 0 ? '' : i === 0 ? '/' : s.slice(0, i);
      },
      GetTempPath: () => (os.tmpdir().endsWith('/') ? os.tmpdir() : os.tmpdir() + '/'),
      GetTempFileName: () => {
        const p = nodePath.join(os.tmpdir(), `tmp${Math.random().toString(16).slice(2, 8).toUpperCase()}.tmp`);
        fs.writeFileSync(p, '');
        return p;
      },
      GetRandomFileName: () => `${Math.random().toString(36).slice(2, 10)}.${Math.random().toString(36).slice(2, 5)}`,
      GetFullPath: (a) => (a.length > 1 ? nodePath.resolve(argStr(a[1]), argStr(a[0])) : nodePath.resolve(argStr(a[0]))),
      // Both paths are made full first; a trailing separator on the target is kept (as .NET does).
      GetRelativePath: (a) => {
        const target = argStr(a[1]);
        const rel = nodePath.relative(nodePath.resolve(argStr(a[0])), nodePath.resolve(target));
        if (rel === '') return '.';
        return target.endsWith('/') && !rel.endsWith('/') ? rel + '/' : rel;
      },
      IsPathRooted: (a) => nodePath.isAbsolute(argStr(a[0])),
      IsPathFullyQualified: (a) => argStr(a[0]).startsWith('/'),
      EndsInDirectorySeparator: (a) => argStr(a[0]).endsWith('/'),
      TrimEndingDirectorySeparator: (a) => {
        const s = argStr(a[0]);
        return s.length > 1 && s.endsWith('/') ? s.slice(0, -1) : s;
      },
      HasExtension: (a) => /\.[^./]+$/.test(argStr(a[0])),
      ChangeExtension: (a) => {
        if (unwrapArg(a[0]) === null) return null;
        const ext = unwrapArg(a[1]);
        return changeExtension(argStr(a[0]), ext === null ? null : toStr(ext));
      },
      GetPathRoot: (a) => (argStr(a[0]).startsWith('/') ? '/' : ''),
      GetInvalidFileNameChars: () => [new PSChar(0), new PSChar(47)],
      GetInvalidPathChars: () => [new PSChar(0)],
    },
  },
  'System.IO.File': {
    methods: {
      Exists: (a) => {
        try {
          return fs.statSync(argStr(a[0])).isFile();
        } catch {
          return false;
        }
      },
      ReadAllText: (a) => ioWrap(a[0], () => fs.readFileSync(argStr(a[0]), 'utf8').replace(/^\uFEFF/, '')),
      ReadAllLines: (a) => ioWrap(a[0], () => strArray(fs.readFileSync(argStr(a[0]), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l, i, arr) => i < arr.length - 1 || l !== ''))),
      ReadAllBytes: (a) => ioWrap(a[0], () => new Uint8Array(fs.readFileSync(argStr(a[0])))),
      WriteAllText: (a) => ioWrap(a[0], () => fs.writeFileSync(argStr(a[0]), argStr(a[1]))),
      WriteAllLines: (a) => ioWrap(a[0], () => fs.writeFileSync(argStr(a[0]), argItems(a[1]).map((x) => argStr(x) + '\n').join(''))),
      WriteAllBytes: (a) => ioWrap(a[0], () => fs.writeFileSync(argStr(a[0]), toBytes(a[1]))),
      AppendAllText: (a) => ioWrap(a[0], () => fs.appendFileSync(argStr(a[0]), argStr(a[1]))),
      AppendAllLines: (a) => ioWrap(a[0], () => fs.appendFileSync(argStr(a[0]), argItems(a[1]).map((x) => argStr(x) + '\n').join(''))),
      Delete: (a) => ioWrap(a[0], () => fs.rmSync(argStr(a[0]), { force: true })),
      Copy: (a) => ioWrap(a[0], () => fs.copyFileSync(argStr(a[0]), argStr(a[1]), a.length > 2 && argBool(a[2]) ? 0 : fs.constants.COPYFILE_EXCL)),
      Move: (a) => ioWrap(a[0], () => fs.renameSync(argStr(a[0]), argStr(a[1]))),
    },
  },
  'System.IO.Directory': {
    methods: {
      Exists: (a) => {
        try {
          return fs.statSync(argStr(a[0])).isDirectory();
        } catch {
          return false;
        }
      },
      CreateDirectory: (a) => ioWrap(a[0], () => void fs.mkdirSync(argStr(a[0]), { recursive: true })),
      GetCurrentDirectory: () => process.cwd(),
      GetFiles: (a) => ioWrap(a[0], () => strArray(directoryEntries(a, 'file'))),
      GetDirectories: (a) => ioWrap(a[0], () => strArray(directoryEntries(a, 'dir'))),
      GetFileSystemEntries: (a) => ioWrap(a[0], () => strArray(directoryEntries(a, 'all'))),
      EnumerateFiles: (a) => ioWrap(a[0], () => strArray(directoryEntries(a, 'file'))),
      EnumerateDirectories: (a) => ioWrap(a[0], () => strArray(directoryEntries(a, 'dir'))),
      EnumerateFileSystemEntries: (a) => ioWrap(a[0], () => strArray(directoryEntries(a, 'all'))),
      Delete: (a) => ioWrap(a[0], () => fs.rmSync(argStr(a[0]), { recursive: a.length > 1 && argBool(a[1]) })),
    },
  },
  // pwsh's own platform flags (public, used by scripts and the pwsh test suite).
  'System.Management.Automation.Platform': {
    props: {
      IsLinux: () => process.platform === 'linux',
      IsMacOS: () => process.platform === 'darwin',
      IsWindows: () => process.platform === 'win32',
      IsCoreCLR: () => true,
    },
  },
  'System.Environment': {
    props: {
      NewLine: () => '\n',
      MachineName: () => os.hostname(),
      UserName: () => os.userInfo().username,
      ProcessorCount: () => os.cpus().length,
      CurrentDirectory: () => process.cwd(),
      OSVersion: () => ({ Platform: 'Unix', VersionString: `Unix ${os.release()}`, Version: os.release() }),
      Is64BitProcess: () => process.arch.includes('64'),
      Is64BitOperatingSystem: () => process.arch.includes('64'),
      TickCount: () => Math.trunc(performance.now()) | 0,
      TickCount64: () => BigInt(Math.trunc(performance.now())),
      ProcessId: () => process.pid,
      UserDomainName: () => os.hostname(),
      UserInteractive: () => !!process.stdout.isTTY,
      Version: () => null,
      SystemDirectory: () => '',
      StackTrace: () => '',
      ExitCode: () => process.exitCode ?? 0,
    },
    methods: {
      GetEnvironmentVariable: (a) => process.env[argStr(a[0])] ?? null,
      SetEnvironmentVariable: (a) => {
        const v = unwrapArg(a[1]);
        if (v === null || v === undefined || toStr(v) === '') delete process.env[argStr(a[0])];
        else process.env[argStr(a[0])] = toStr(v);
        envTarget();
        return undefined;
      },
      GetEnvironmentVariables: () => {
        const h = new (class {})();
        void h;
        const out = new Map<string, string>();
        for (const [k, v] of Object.entries(process.env)) if (v !== undefined) out.set(k, v);
        return envHashtable(out);
      },
      GetFolderPath: (a) => {
        const v = unwrapArg(a[0]);
        const name = (v instanceof PSEnumValue ? v.toString() : toStr(v)).toLowerCase();
        return SPECIAL_FOLDERS[name]?.() ?? '';
      },
      ExpandEnvironmentVariables: (a) => argStr(a[0]).replace(/%([^%]+)%/g, (all, n: string) => process.env[n] ?? all),
      GetCommandLineArgs: () => strArray(process.argv.slice(1)),
      Exit: (a) => process.exit(argInt('Exit', 'exitCode', a[0])),
    },
  },
  'System.Array': {
    methods: {
      IndexOf: (a) => {
        const arr = argItems(a[0]);
        for (let i = a.length > 2 ? argInt('IndexOf', 'startIndex', a[2]) : 0; i < arr.length; i++) if (dotnetEquals(arr[i], a[1])) return i;
        return -1;
      },
      LastIndexOf: (a) => {
        const arr = argItems(a[0]);
        for (let i = arr.length - 1; i >= 0; i--) if (dotnetEquals(arr[i], a[1])) return i;
        return -1;
      },
      Reverse: (a) => {
        const arr = unwrapArg(a[0]);
        if (Array.isArray(arr)) arr.reverse();
        return undefined;
      },
      Sort: (a) => {
        const arr = unwrapArg(a[0]);
        if (Array.isArray(arr)) {
          const sorted = [...arr].sort((x, y) => compare(x, y, true));
          sorted.forEach((x, i) => (arr[i] = x));
        }
        return undefined;
      },
      // Array.Exists/Find/...(array, Predicate<T>): the predicate is a script block.
      Exists: (a) => argItems(a[0]).some(predicate(a[1])),
      TrueForAll: (a) => argItems(a[0]).every(predicate(a[1])),
      Find: (a) => argItems(a[0]).find(predicate(a[1])) ?? null,
      FindLast: (a) => [...argItems(a[0])].reverse().find(predicate(a[1])) ?? null,
      FindIndex: (a) => argItems(a[0]).findIndex(predicate(a[1])),
      FindAll: (a) => argItems(a[0]).filter(predicate(a[1])),
      Clear: (a) => {
        const arr = unwrapArg(a[0]) as unknown[];
        const start = a.length > 1 ? argInt('Clear', 'index', a[1]) : 0;
        const n = a.length > 2 ? argInt('Clear', 'length', a[2]) : arr.length;
        for (let i = start; i < start + n; i++) arr[i] = null;
        return undefined;
      },
      Copy: (a) => {
        const src = argItems(a[0]);
        const dst = unwrapArg(a[1]) as unknown[];
        const n = argInt('Copy', 'length', a[a.length - 1]);
        for (let i = 0; i < n; i++) dst[i] = src[i];
        return undefined;
      },
      Resize: (a) => {
        const ref = a[0];
        if (ref instanceof PSReference) {
          const arr = (argItems(ref.Value) ?? []).slice(0, argInt('Resize', 'newSize', a[1]));
          while (arr.length < argInt('Resize', 'newSize', a[1])) arr.push(null);
          ref.Value = arr;
        }
        return undefined;
      },
      CreateInstance: (a) => {
        const t = unwrapArg(a[0]) as PSType;
        const n = argInt('CreateInstance', 'length', a[1]);
        const arr = Array.from({ length: n }, () => convertTo(null, t));
        setArrayElementType(arr, t);
        return arr;
      },
      Empty: () => [],
      ConvertAll: (a) => argItems(a[0]),
    },
  },
  'System.BitConverter': {
    props: { IsLittleEndian: () => true },
    methods: {
      ToString: (a) => Array.from(toBytes(a[0]), (b) => b.toString(16).toUpperCase().padStart(2, '0')).join('-'),
      GetBytes: (a) => {
        const v = unwrapArg(a[0]);
        const buf = Buffer.alloc(typeof v === 'bigint' ? 8 : typeof v === 'boolean' ? 1 : 4);
        if (typeof v === 'bigint') buf.writeBigInt64LE(v);
        else if (typeof v === 'boolean') buf.writeUInt8(v ? 1 : 0);
        else if (typeof v === 'number' && Number.isInteger(v)) buf.writeInt32LE(v);
        else return new Uint8Array(Buffer.from(new Float64Array([toJsNumber(v)]).buffer));
        return new Uint8Array(buf);
      },
      ToInt32: (a) => Buffer.from(toBytes(a[0])).readInt32LE(a.length > 1 ? argInt('ToInt32', 'startIndex', a[1]) : 0),
    },
  },
  'System.Threading.Thread': {
    methods: {
      Sleep: (a) => {
        const v = unwrapArg(a[0]);
        const ms = v instanceof TimeSpan ? v.TotalMilliseconds : argInt('Sleep', 'millisecondsTimeout', v);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, ms));
        return undefined;
      },
    },
  },
  'System.Console': {
    methods: {
      WriteLine: (a) => (process.stdout.write((a.length ? argStr(a[0]) : '') + '\n'), undefined),
      Write: (a) => (process.stdout.write(argStr(a[0])), undefined),
    },
  },
  'System.Net.WebUtility': {
    methods: {
      UrlEncode: (a) => encodeURIComponent(argStr(a[0])).replace(/%20/g, '+'),
      UrlDecode: (a) => decodeURIComponent(argStr(a[0]).replace(/\+/g, ' ')),
      HtmlEncode: (a) => argStr(a[0]).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
      HtmlDecode: (a) => argStr(a[0]).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
    },
  },
  'System.Uri': {
    methods: {
      EscapeDataString: (a) => encodeURIComponent(argStr(a[0])).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()),
      UnescapeDataString: (a) => decodeURIComponent(argStr(a[0])),
      EscapeUriString: (a) => encodeURI(argStr(a[0])),
      IsWellFormedUriString: (a) => {
        try {
          new URL(argStr(a[0]));
          return true;
        } catch {
          return false;
        }
      },
    },
  },
  'System.Globalization.CultureInfo': {
    props: {
      CurrentCulture: () => currentCulture(),
      CurrentUICulture: () => currentCulture(),
      InvariantCulture: () => invariantCulture(),
      DefaultThreadCurrentCulture: () => null,
    },
    methods: {
      GetCultureInfo: (a) => toCulture(unwrapArg(a[0])),
      CreateSpecificCulture: (a) => toCulture(unwrapArg(a[0])),
    },
  },
  'System.TimeZone': { props: { CurrentTimeZone: () => timeZones.current() } },
  'System.DateTimeOffset': {
    props: {
      Now: () => new PSDateTimeOffset(Date.now(), -new Date().getTimezoneOffset()),
      UtcNow: () => new PSDateTimeOffset(Date.now(), 0),
      UnixEpoch: () => new PSDateTimeOffset(0, 0),
    },
    methods: {
      FromUnixTimeSeconds: (a) => new PSDateTimeOffset(toJsNumber(unwrapArg(a[0])) * 1000, 0),
      FromUnixTimeMilliseconds: (a) => new PSDateTimeOffset(toJsNumber(unwrapArg(a[0])), 0),
    },
  },
  'System.TimeZoneInfo': {
    props: { Local: () => timeZones.local(), Utc: () => timeZones.utc() },
  },
  'System.Enum': {
    methods: {
      GetNames: (a) => strArray((enumTypeArg(a[0]).def.enumValues ?? []).map(([n]) => n)),
      GetValues: (a) => {
        const t = enumTypeArg(a[0]);
        return (t.def.enumValues ?? []).map(([, v]) => new PSEnumValue(t, v));
      },
      Parse: (a) => convertTo(unwrapArg(a[1]), enumTypeArg(a[0])),
      GetUnderlyingType: (a) => typeByFullName(enumTypeArg(a[0]).def.enumUnderlying ?? 'System.Int32'),
      IsDefined: (a) => {
        const t = enumTypeArg(a[0]);
        const v = unwrapArg(a[1]);
        return (t.def.enumValues ?? []).some(([n, x]) => (typeof v === 'string' ? n === v : x === Number(v)));
      },
    },
  },
  'System.Management.Automation.Cmdlet': {
    props: {
      // pwsh's lists (HashSet<string>), in its order.
      CommonParameters: () => strArray(['Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable', 'WarningVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'InformationVariable']),
      OptionalCommonParameters: () => strArray(['WhatIf', 'Confirm', 'UseTransaction']),
    },
  },
  'System.Management.Automation.WildcardPattern': {
    methods: {
      Escape: (a) => escapeWildcard(argStr(a[0])),
      Unescape: (a) => unescapeWildcard(argStr(a[0])),
      ContainsWildcardCharacters: (a) => isWildcardPattern(argStr(a[0])),
      Get: (a) => newWildcardPattern(a),
    },
  },
  'System.Management.Automation.PSObject': {
    methods: { AsPSObject: (a) => unwrapArg(a[0]) },
  },
};
/** A `[Type]` argument of the Enum statics; a type name string converts, as .NET's binder does. */
table['System.Web.HttpUtility'] = table['System.Net.WebUtility']!;
table['System.Numerics.BigInteger'] = {
  methods: {
    Parse: (a) => new PSNumber('BigInteger', BigInt(argStr(a[0]).trim())),
    Pow: (a) => new PSNumber('BigInteger', BigInt(toJsNumber(unwrapArg(a[0])) as number) ** BigInt(argInt('Pow', 'exponent', a[1]))),
  },
};
  for (const [name, counts] of Object.entries(MATH_ARITY)) {
    const methods = table['System.Math']!.methods!;
    const impl = methods[name]!;
    methods[name] = (a, t) => {
      if (!counts.includes(a.length)) throw overloadCountError(name, a.length);
      return impl(a, t);
    };
  }
  return (builtTable = table);
}

function convArg(v: unknown): unknown {
  return unwrapArg(v);
}

function envHashtable(m: Map<string, string>): unknown {
  // Imported lazily to keep this module's import list small.
  const h = new (PSHashtableCtor())(false);
  for (const [k, v] of m) h.set(k, v);
  return h;
}
import { PSHashtable } from '../values/objects.js';
function PSHashtableCtor(): typeof PSHashtable {
  return PSHashtable;
}

function ioWrap<R>(path: unknown, fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const p = nodePath.resolve(argStr(path));
    if (err.code === 'ENOENT') {
      // .NET tells a missing directory on the way from a missing file.
      if (!fs.existsSync(nodePath.dirname(p))) throw new DotNetError('System.IO.DirectoryNotFoundException', `Could not find a part of the path '${p}'.`);
      throw new DotNetError('System.IO.FileNotFoundException', `Could not find file '${p}'.`);
    }
    if (err.code === 'EACCES' || err.code === 'EPERM') throw new DotNetError('System.UnauthorizedAccessException', `Access to the path '${p}' is denied.`);
    if (err.code === 'EEXIST') throw new DotNetError('System.IO.IOException', `The file '${p}' already exists.`);
    if (err.code === 'EISDIR') throw new DotNetError('System.UnauthorizedAccessException', `Access to the path '${p}' is denied.`);
    throw new DotNetError('System.IO.IOException', err.message);
  }
}

// [Math] overloads by argument count; any other count is pwsh's "Cannot find an overload" error.
const MATH_ARITY: Record<string, number[]> = {
  Abs: [1], Floor: [1], Ceiling: [1], Truncate: [1], Sign: [1], Min: [2], Max: [2], Pow: [2], Sqrt: [1], Cbrt: [1],
  Log: [1, 2], Log10: [1], Log2: [1], Exp: [1], Sin: [1], Cos: [1], Tan: [1], Asin: [1], Acos: [1], Atan: [1],
  Atan2: [2], Sinh: [1], Cosh: [1], Tanh: [1], DivRem: [2, 3], Clamp: [3], BigMul: [2, 3],
};

const loweredStatics = new Map<string, { props: Map<string, [string, StaticProp]>; methods: Map<string, [string, StaticMethod]> }>();
function staticsOf(t: PSType): { props: Map<string, [string, StaticProp]>; methods: Map<string, [string, StaticMethod]> } {
  const key = t.FullName;
  let s = loweredStatics.get(key);
  if (!s) {
    const props = new Map<string, [string, StaticProp]>();
    const methods = new Map<string, [string, StaticMethod]>();
    const def = staticsTable()[t.IsGenericType ? t.def.fullName : t.FullName];
    for (const [k, f] of Object.entries(def?.props ?? {})) props.set(k.toLowerCase(), [k, f]);
    for (const [k, f] of Object.entries(def?.methods ?? {})) methods.set(k.toLowerCase(), [k, f]);
    for (const [k, f] of Object.entries(t.def.staticProps ?? {})) props.set(k.toLowerCase(), [k, f]);
    for (const [k, f] of Object.entries(t.def.staticMethods ?? {})) methods.set(k.toLowerCase(), [k, f]);
    s = { props, methods };
    loweredStatics.set(key, s);
  }
  return s;
}

/** `[T]::Name`. Enum members, static properties; unknown → null (as pwsh in non-strict mode). */
export function getStaticMember(type: PSType, name: string): unknown {
  const lname = name.toLowerCase();
  const own = type.def.script?.getStatic(lname);
  if (own) return own.value;
  if (type.IsEnum) {
    const e = type.def.enumValues!.find(([n]) => n.toLowerCase() === lname);
    if (e) return new PSEnumValue(type, e[1]);
  }
  const p = staticsOf(type).props.get(lname);
  if (p) return p[1](type);
  return null;
}

/** `[T]::Name = value`: only settable statics ([Environment]::CurrentDirectory). */
export function setStaticMember(type: PSType, name: string, value: unknown): void {
  if (type.def.script?.setStatic(name.toLowerCase(), value)) return;
  if (type.FullName === 'System.Environment' && name.toLowerCase() === 'currentdirectory') {
    process.chdir(toStr(value));
    return;
  }
  if (type.FullName === 'System.Environment' && name.toLowerCase() === 'exitcode') {
    process.exitCode = toJsNumber(value);
    return;
  }
  if (type.FullName === 'System.Globalization.CultureInfo' && name.toLowerCase() === 'currentculture') {
    setCurrentCulture(toCulture(unwrapArg(value)));
    return;
  }
  throw runtimeError(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`, 'PropertyNotFound', { category: 'InvalidOperation' });
}

/**
 * `[T]::Name(args)`, including `[T]::new(args)`. A Promise when a script class's method or constructor ran an async
 * command. `undefined` for a void method.
 */
export function invokeStaticMethod(type: PSType, name: string, args: unknown[]): unknown {
  const lname = name.toLowerCase();
  if (lname === 'new') return constructMaybe(type, args);
  const own = type.def.script?.invokeStatic(lname, args);
  if (own) return own.value;
  const m = staticsOf(type).methods.get(lname);
  if (m) {
    return callWrapped(m[0], args.length, () => m[1](args, type));
  }
  if (type.IsEnum) {
    switch (lname) {
      case 'getnames':
        return strArray(type.def.enumValues!.map(([n]) => n));
      case 'getvalues':
        return type.def.enumValues!.map(([, v]) => new PSEnumValue(type, v));
      case 'parse':
        return convertTo(unwrapArg(args[args.length === 1 ? 0 : 1]), type);
      case 'isdefined':
        return type.def.enumValues!.some(([n, v]) => n === toStr(unwrapArg(args[args.length - 1])) || v === toJsNumber(unwrapArg(args[args.length - 1])));
    }
  }
  if (lname === 'equals' || lname === 'referenceequals') return dotnetEquals(args[0], args[1]) || unwrapArg(args[0]) === unwrapArg(args[1]);
  if (lname === 'gettype' && args.length === 0) return typeByFullName('System.RuntimeType');
  const en = getEnumerable;
  void en;
  throw runtimeError(`Method invocation failed because [${type.FullName}] does not contain a method named '${name}'.`, 'MethodNotFound', { category: 'InvalidOperation' });
}

export { toBase, parseBase, makeDate, dateFromParts, argInt };

/** The enum type a [System.Enum] method is given: a type, or its name (converted as pwsh converts it to [type]). */
function enumTypeArg(arg: unknown): PSType {
  const v = unwrapArg(arg);
  const t = typeof v === 'string' ? resolveType(v) : (v as PSType | null);
  if (typeof v === 'string' && !t) throw new DotNetError('System.Management.Automation.PSInvalidCastException', `Cannot convert the "${v}" value of type "System.String" to type "System.Type".`);
  if (!t?.def?.enumValues) throw argumentError('Type provided must be an Enum.', 'enumType');
  return t;
}
