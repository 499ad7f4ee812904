// Casts (`[T]$x`), -is and -as, following pwsh's LanguagePrimitives conversion rules and error messages.
import { ErrorRecord, PSException, PSRuntimeError, exceptionIsA } from '../errors.js';
import { ScriptBlock } from '../interpreter/scriptblock.js';
import { toBool, toStr } from '../values/convert.js';
import { PSChar, PSDecimal, PSDouble, PSNumber, isInt32, isNumeric, makeDouble, numericTypeOf } from '../values/numbers.js';
import { ClassInstance, PSHashtable, PSObject } from '../values/objects.js';
import { regexParseMessage, toJsRegExp } from '../values/regex.js';
import { PSSwitch } from '../values/switch.js';
import { PSDictionary, PSHashSet, PSList, PSQueue, PSStack, getEnumerable } from './collections.js';
import { construct, hasConstructor } from './constructors.js';
import { TimeSpan, dateFromTicks, parseDateTime, parseTimeSpan } from './datetime.js';
import { NO_CONVERSION, PSType, resolveType, setIsInstanceHook, typeByFullName } from './ps-type.js';
import { PSSemanticVersion } from './semver.js';
import { PSEnumValue, PSGuid, PSReference, PSRegex, PSUri, PSVersion, RegexOptionFlags, TYPE_NAME } from './simple-values.js';
import { setArrayElementType, typeOf } from './type-of.js';

// -------------------------------------------------------------------------------------------------
// Errors

/** .NET's Object.ToString() of a value, as used in conversion error messages. */
export function dotnetToString(v: unknown): string {
  if (Array.isArray(v) || v instanceof PSHashtable || v instanceof PSHashSet || v instanceof PSQueue || v instanceof PSStack)
    return typeOf(v).FullName;
  if (v !== null && typeof v === 'object' && v.constructor === Object) return typeOf(v).FullName;
  return toStr(v);
}

function makeCastError(message: string, errorId: string, target: unknown, inner?: string): PSRuntimeError {
  const innerEx = new PSException(inner ?? message, 'System.Management.Automation.PSInvalidCastException');
  // PSInvalidCastException carries its own ErrorRecord (IContainsErrorRecord) with the same error id.
  innerEx.ErrorRecord = new ErrorRecord(innerEx, errorId, 'InvalidArgument', target);
  const ex = new PSException(message, 'System.Management.Automation.RuntimeException', innerEx);
  return new PSRuntimeError(new ErrorRecord(ex, errorId, 'InvalidArgument', target));
}

/** `Cannot convert the "x" value of type "T1" to type "T2".` (ConvertToFinalInvalidCastException). */
export function castError(value: unknown, type: PSType, errorId = 'ConvertToFinalInvalidCastException'): PSRuntimeError {
  if (value === null || value === undefined)
    return makeCastError(`Cannot convert null to type "${type.FullName}".`, 'nullToObjectInvalidCast', null);
  return makeCastError(
    `Cannot convert the "${dotnetToString(value)}" value of type "${typeOf(value).FullName}" to type "${type.FullName}".`,
    errorId,
    value,
  );
}

/** `Cannot convert value "x" to type "T". Error: "inner"` */
export function castErrorWithInner(value: unknown, type: PSType | string, errorId: string, inner: string): PSRuntimeError {
  const tn = typeof type === 'string' ? type : type.FullName;
  return makeCastError(`Cannot convert value "${dotnetToString(value)}" to type "${tn}". Error: "${inner}"`, errorId, value, inner);
}

// -------------------------------------------------------------------------------------------------
// Numbers

type IntTarget = 'Int32' | 'Int64' | 'Byte' | 'SByte' | 'Int16' | 'UInt16' | 'UInt32' | 'UInt64' | 'BigInteger';
const INT_RANGES: Record<Exclude<IntTarget, 'BigInteger'>, [bigint, bigint, string]> = {
  Int32: [-2147483648n, 2147483647n, 'an Int32'],
  Int64: [-9223372036854775808n, 9223372036854775807n, 'an Int64'],
  Byte: [0n, 255n, 'an unsigned byte'],
  SByte: [-128n, 127n, 'a signed byte'],
  Int16: [-32768n, 32767n, 'an Int16'],
  UInt16: [0n, 65535n, 'a UInt16'],
  UInt32: [0n, 4294967295n, 'a UInt32'],
  UInt64: [0n, 18446744073709551615n, 'a UInt64'],
};

/** A numeric source value: exact integer, binary float, or decimal. */
type NumSource = { k: 'int'; v: bigint } | { k: 'float'; v: number } | { k: 'dec'; v: PSDecimal };

function numSource(v: unknown): NumSource | null {
  if (typeof v === 'number') return isInt32(v) ? { k: 'int', v: BigInt(v) } : { k: 'float', v };
  if (typeof v === 'bigint') return { k: 'int', v };
  if (typeof v === 'boolean') return { k: 'int', v: v ? 1n : 0n };
  if (v instanceof PSDouble) return { k: 'float', v: v.value };
  if (v instanceof PSDecimal) return { k: 'dec', v };
  if (v instanceof PSNumber) return typeof v.value === 'bigint' ? { k: 'int', v: v.value } : v.type === 'Single' ? { k: 'float', v: v.value } : { k: 'int', v: BigInt(v.value) };
  if (v instanceof PSChar) return { k: 'int', v: BigInt(v.code) };
  if (v instanceof PSEnumValue) return { k: 'int', v: BigInt(v.value) };
  return null;
}

/** Round half to even (banker's rounding), as .NET's Convert.ToInt32(double). */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

function decimalRoundHalfEven(d: PSDecimal): bigint {
  if (d.scale <= 0) return d.mantissa * 10n ** BigInt(-d.scale);
  const div = 10n ** BigInt(d.scale);
  let q = d.mantissa / div;
  const r = d.mantissa % div;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice > div || (twice === div && q % 2n !== 0n)) q += d.mantissa < 0n ? -1n : 1n;
  return q;
}

class OverflowError extends Error {}

function overflowMessage(target: string): string {
  if (target === 'Decimal') return 'Value was either too large or too small for a Decimal.';
  if (target === 'Char') return 'Value was either too large or too small for a character.';
  return `Value was either too large or too small for ${INT_RANGES[target as keyof typeof INT_RANGES][2]}.`;
}

/** Convert a numeric source to the numeric representation of `target`; throws OverflowError. */
function numericFromSource(src: NumSource, target: string): unknown {
  switch (target) {
    case 'Double':
      return makeDouble(src.k === 'int' ? Number(src.v) : src.k === 'float' ? src.v : src.v.valueOf());
    case 'Single':
      return new PSNumber('Single', Math.fround(src.k === 'int' ? Number(src.v) : src.k === 'float' ? src.v : src.v.valueOf()));
    case 'Decimal': {
      if (src.k === 'int') return new PSDecimal(src.v, 0);
      if (src.k === 'dec') return src.v;
      if (!Number.isFinite(src.v) || Math.abs(src.v) >= 7.9228162514264337593543950335e28) throw new OverflowError();
      return PSDecimal.fromNumber(src.v);
    }
  }
  let big: bigint;
  if (src.k === 'int') big = src.v;
  else if (src.k === 'dec') big = decimalRoundHalfEven(src.v);
  else {
    if (!Number.isFinite(src.v)) throw new OverflowError();
    big = BigInt(roundHalfEven(src.v));
  }
  if (target === 'BigInteger') return new PSNumber('BigInteger', big);
  const range = INT_RANGES[target as keyof typeof INT_RANGES];
  if (big < range[0] || big > range[1]) throw new OverflowError();
  switch (target) {
    case 'Int32':
      return Number(big);
    case 'Int64':
      return big;
    case 'UInt64':
      return new PSNumber('UInt64', big);
    default:
      return new PSNumber(target as 'Byte', Number(big));
  }
}

const MULTIPLIERS: Record<string, bigint> = { kb: 1024n, mb: 1024n ** 2n, gb: 1024n ** 3n, tb: 1024n ** 4n, pb: 1024n ** 5n };

/**
 * Parse a string as a PowerShell number (what `[int]'0x1F'` or `'1kb' + 0` accept): decimal, hex, exponent,
 * type suffixes and kb/mb/gb/tb/pb multipliers. Returns null when it is not a number.
 */
export function scanNumber(text: string): NumSource | null {
  const s = text.trim();
  const m = /^([+-]?)(?:0x([0-9a-f]+)|0b([01]+)|(\d*\.?\d+(?:e[+-]?\d+)?|\d+\.))(ul|us|uy|u|l|d|n|y|s)?(kb|mb|gb|tb|pb)?$/i.exec(s);
  if (!m) return null;
  // Groups after the binary digits shift by one: keep the numbering below (sign, hex, number, suffix, multiplier).
  const bin = m.splice(3, 1)[0];
  if (bin !== undefined) {
    const mult = m[5] ? MULTIPLIERS[m[5].toLowerCase()]! : 1n;
    let v = BigInt('0b' + bin);
    // Like hex, binary literals that fill 32/64 bits are two's complement (0b1111...1 with 32 digits is -1).
    if (!m[4] && bin.length <= 32 && v > 0x7fffffffn) v -= 0x100000000n;
    else if ((m[4]?.toLowerCase() === 'l' || (!m[4] && bin.length <= 64)) && v > 0x7fffffffffffffffn) v -= 0x10000000000000000n;
    v *= mult;
    return { k: 'int', v: m[1] === '-' ? -v : v };
  }
  const neg = m[1] === '-';
  const mult = m[5] ? MULTIPLIERS[m[5].toLowerCase()]! : 1n;
  const suffix = m[4]?.toLowerCase();
  if (m[2] !== undefined) {
    let v = BigInt('0x' + m[2]);
    // Hex literals are two's complement in Int32/Int64 when they fit the bit width (0xFFFFFFFF is -1).
    if (!suffix && m[2].length <= 8 && v > 0x7fffffffn) v -= 0x100000000n;
    else if ((suffix === 'l' || (!suffix && m[2].length <= 16)) && v > 0x7fffffffffffffffn) v -= 0x10000000000000000n;
    v *= mult;
    return { k: 'int', v: neg ? -v : v };
  }
  const num = m[3]!;
  if (suffix === 'd') {
    const d = PSDecimal.parse((neg ? '-' : '') + num);
    return { k: 'dec', v: mult === 1n ? d : new PSDecimal(d.mantissa * mult, d.scale) };
  }
  if (/^\d+$/.test(num)) {
    const v = BigInt(num) * mult;
    return { k: 'int', v: neg ? -v : v };
  }
  const f = parseFloat(num) * Number(mult);
  return { k: 'float', v: neg ? -f : f };
}

/**
 * Double.Parse with the invariant culture (allows thousands separators, exponent, surrounding spaces). .NET takes a
 * separator anywhere after the first integer digit, without checking group sizes: '1,5' is 15.
 */
function parseInvariantDouble(s: string): number | null {
  const t = s.trim();
  if (/^[+-]?(\d[\d,]*)?(\.\d*)?(e[+-]?\d+)?$/i.test(t) && /\d/.test(t)) return parseFloat(t.replace(/,/g, ''));
  if (/^[+-]?infinity$/i.test(t) || t === '∞' || t === '-∞') return t.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(t)) return NaN;
  return null;
}

function formatErrorText(s: string): string {
  return `The input string '${s}' was not in a correct format.`;
}

function stringToNumeric(s: string, target: string, type: PSType): unknown {
  if (s.trim() === '') return numericFromSource({ k: 'int', v: 0n }, target);
  const isInt = target !== 'Double' && target !== 'Single' && target !== 'Decimal';
  const errorId = isInt ? 'InvalidCastFromStringToInteger' : target === 'Decimal' ? 'InvalidCastFromStringToDecimal' : 'InvalidCastFromStringToDoubleOrSingle';
  if (target === 'Decimal' && /^\s*[+-]?(\d+\.?\d*|\.\d+)\s*$/.test(s)) return PSDecimal.parse(s.trim());
  let src = scanNumber(s);
  if (!src) {
    const d = parseInvariantDouble(s);
    if (d === null) throw castErrorWithInner(s, type, errorId, formatErrorText(s));
    src = { k: 'float', v: d };
  }
  try {
    return numericFromSource(src, target);
  } catch (e) {
    if (e instanceof OverflowError) throw castErrorWithInner(s, type, errorId, overflowMessage(target));
    throw e;
  }
}

function convertNumeric(v: unknown, target: string, type: PSType): unknown {
  if (typeof v === 'string') return stringToNumeric(v, target, type);
  const src = numSource(v);
  if (!src) {
    if (v instanceof Date && target === 'Int64') return BigInt(Math.round(v.getTime()));
    throw castError(v, type);
  }
  try {
    return numericFromSource(src, target);
  } catch (e) {
    if (e instanceof OverflowError) throw castErrorWithInner(v, type, 'InvalidCastIConvertible', overflowMessage(target));
    throw e;
  }
}

const NUMERIC_TARGETS: Record<string, string> = {
  'system.int32': 'Int32', 'system.int64': 'Int64', 'system.double': 'Double', 'system.single': 'Single',
  'system.decimal': 'Decimal', 'system.byte': 'Byte', 'system.sbyte': 'SByte', 'system.int16': 'Int16',
  'system.uint16': 'UInt16', 'system.uint32': 'UInt32', 'system.uint64': 'UInt64', 'system.numerics.biginteger': 'BigInteger',
};

/** The numeric target name ('Int32', 'Double', ...) of a type, or undefined. */
export function numericTargetOf(type: PSType): string | undefined {
  return NUMERIC_TARGETS[type.FullName.toLowerCase()];
}

// -------------------------------------------------------------------------------------------------
// Enums

function enumNames(type: PSType): string[] {
  return (type.def.enumValues ?? []).map(([n]) => n);
}

export function convertToEnum(v: unknown, type: PSType): PSEnumValue {
  const vals = type.def.enumValues ?? [];
  if (v instanceof PSEnumValue && v.type === type) return v;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') throw castError(v, type, 'InvalidCastEnumFromEmptyString');
    if (/^[+-]?\d+$/.test(s)) return convertToEnum(parseInt(s, 10), type);
    const parts = s.split(',').map((p) => p.trim());
    if (parts.length > 1 && !type.def.flags)
      throw makeCastError(`Cannot convert value "${v}" to type "${type.FullName}" because no commas are allowed for this enumeration.`, 'InvalidCastEnumCommaAndNoFlags', v);
    let total = 0;
    for (const p of parts) {
      const found = vals.find(([n]) => n.toLowerCase() === p.toLowerCase());
      if (!found)
        throw castErrorWithInner(v, type, 'RuntimeException',
          `Unable to match the identifier name ${p} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${enumNames(type).join(', ')}`);
      total |= found[1];
    }
    return new PSEnumValue(type, total);
  }
  const src = numSource(v);
  if (src && src.k === 'int') {
    const n = Number(src.v);
    if (!type.def.flags && !vals.some(([, x]) => x === n))
      throw makeCastError(
        `Cannot convert value "${dotnetToString(v)}" to type "${type.FullName}" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${enumNames(type).join(',')}".`,
        'InvalidCastExceptionIntegerToEnum', v);
    return new PSEnumValue(type, n);
  }
  throw castError(v, type);
}

// -------------------------------------------------------------------------------------------------
// Conversion

function T(name: string): PSType {
  return typeByFullName(name)!;
}

function nullConversion(type: PSType): unknown {
  const target = numericTargetOf(type);
  if (target) return numericFromSource({ k: 'int', v: 0n }, target);
  switch (type.FullName) {
    case 'System.String':
      return '';
    case 'System.Boolean':
      return false;
    case 'System.Management.Automation.SwitchParameter':
      return PSSwitch.ABSENT;
    case 'System.Char':
      return new PSChar(0);
    case 'System.DateTime':
      return dateFromTicks(0);
    case 'System.TimeSpan':
      return new TimeSpan(0);
    case 'System.Guid':
      return new PSGuid('00000000-0000-0000-0000-000000000000');
    case 'System.Management.Automation.PSReference':
      return new PSReference(null);
  }
  if (type.IsEnum) {
    throw makeCastError(
      `Cannot convert null to type "${type.FullName}" due to enumeration values that are not valid. Specify one of the following enumeration values and try again. The possible enumeration values are "${enumNames(type).join(',')}".`,
      'nullToEnumInvalidCast', null);
  }
  return null;
}

function toCharValue(v: unknown, type: PSType): PSChar {
  if (v instanceof PSChar) return v;
  if (typeof v === 'string') {
    if (v.length === 1) return new PSChar(v.charCodeAt(0));
    throw castErrorWithInner(v, type, 'InvalidCastParseTargetInvocation', 'String must be exactly one character long.');
  }
  const src = numSource(v);
  if (src && typeof v !== 'boolean') {
    try {
      const n = numericFromSource(src, 'UInt16');
      return new PSChar(Number((n as PSNumber).value));
    } catch (e) {
      if (e instanceof OverflowError) throw castErrorWithInner(v, type, 'InvalidCastIConvertible', overflowMessage('Char'));
      throw e;
    }
  }
  throw castError(v, type);
}

function convertArray(v: unknown, type: PSType): unknown[] {
  const el = type.elementType!;
  let items: unknown[];
  if (typeof v === 'string' && el.FullName === 'System.Char') items = Array.from(v, (c) => new PSChar(c.charCodeAt(0)));
  else {
    const e = getEnumerable(v);
    items = e ? Array.from(e) : [v];
    if (el.FullName !== 'System.Object') items = items.map((x) => convertTo(x, el));
    else if (e && Array.isArray(v) && !(v instanceof PSList)) items = v.slice();
  }
  if (el.FullName !== 'System.Object') setArrayElementType(items, el);
  return items;
}

function hashtableToObject(h: PSHashtable, type: PSType): unknown {
  const props = type.def.properties;
  if (!props && !type.def.construct) throw castError(h, type);
  const obj = construct(type, []) as Record<string | symbol, unknown>;
  for (const [k, val] of h.entries()) {
    const key = toStr(k);
    const prop = props?.find((p) => p.name.toLowerCase() === key.toLowerCase());
    if (!prop) {
      const list = (props ?? []).map((p) => `[${p.name} <${resolveType(p.type ?? 'System.Object')?.FullName ?? p.type}>]`).join(' , ');
      throw makeCastError(
        `Cannot create object of type "${type.FullName}". The property '${key}' was not found for the '${type.FullName}' object. ${list ? `The settable properties are: ${list}.` : 'There is no settable property available.'}`,
        'ObjectCreationError', h);
    }
    const pt = prop.type ? resolveType(prop.type) : null;
    try {
      obj[prop.name] = pt && val !== null ? convertTo(val, pt) : val;
    } catch (e) {
      if (!(e instanceof PSRuntimeError)) throw e;
      throw makeCastError(`Cannot create object of type "${type.FullName}". ${e.errorRecord.Exception.Message}`, 'ObjectCreationError', h);
    }
  }
  return obj;
}

function unwrap(v: unknown): unknown {
  return v instanceof PSObject && v.baseObject !== undefined && v.baseObject !== null ? v.baseObject : v;
}

/** `[pscustomobject]@{...}`: the keys become NoteProperties; a `PSTypeName` key names the object's type instead. */
export function customObjectFrom(h: PSHashtable): PSObject {
  const o = new PSObject();
  for (const [k, x] of h.entries()) {
    const name = toStr(k);
    if (name.toLowerCase() === 'pstypename' && x !== null && x !== undefined) o.typeNames = [toStr(x), ...o.typeNames];
    else o.setProperty(name, x);
  }
  return o;
}

/** `[type]value`: convert with pwsh's rules, or throw a PSRuntimeError. */
export function convertTo(value: unknown, type: PSType): unknown {
  const full = type.FullName;
  if (full === 'System.Object') return value === undefined ? null : value;
  if (full === 'System.Management.Automation.PSObject') {
    if (value instanceof PSHashtable) return customObjectFrom(value);
    return value === undefined ? null : value;
  }
  if (full === 'System.Void') return null;
  let v = unwrap(value);
  if (v === null || v === undefined) return nullConversion(type);
  if (type.IsArray) return convertArray(v, type);

  const numTarget = NUMERIC_TARGETS[full.toLowerCase()];
  if (numTarget) {
    if (numericTypeOf(v) === numTarget) return v;
    return convertNumeric(v, numTarget, type);
  }
  switch (full) {
    case 'System.String':
      return typeof v === 'string' ? v : toStr(v);
    case 'System.Boolean':
      return typeof v === 'boolean' ? v : toBool(v);
    case 'System.Management.Automation.SwitchParameter':
      return v instanceof PSSwitch ? v : PSSwitch.of(toBool(v));
    case 'System.Char':
      return toCharValue(v, type);
    case 'System.Array':
      if (Array.isArray(v)) return v;
      return getEnumerable(v) ? Array.from(getEnumerable(v)!) : [v];
    case 'System.Collections.Hashtable':
      if (v instanceof PSHashtable && !v.ordered && !(v instanceof PSDictionary)) return v;
      if (v instanceof PSHashtable) {
        const h = new PSHashtable(false);
        for (const [k, x] of v.entries()) h.set(k, x);
        return h;
      }
      break;
    case 'System.Collections.Specialized.OrderedDictionary':
      if (v instanceof PSHashtable) {
        if (v.ordered && !(v instanceof PSDictionary)) return v;
        const h = new PSHashtable(true);
        for (const [k, x] of v.entries()) h.set(k, x);
        return h;
      }
      break;
    case 'System.DateTime':
      if (v instanceof Date) return v;
      if (typeof v === 'string') {
        const d = parseDateTime(v);
        if (!d) throw castErrorWithInner(v, type, 'InvalidCastParseTargetInvocation', `String '${v}' was not recognized as a valid DateTime.`);
        return d;
      }
      if (typeof v === 'bigint') return dateFromTicks(Number(v));
      break;
    case 'System.TimeSpan':
      if (v instanceof TimeSpan) return v;
      if (typeof v === 'string') {
        const t = parseTimeSpan(v);
        if (!t) throw castErrorWithInner(v, type, 'InvalidCastParseTargetInvocation', `String '${v}' was not recognized as a valid TimeSpan.`);
        return t;
      }
      if (typeof v === 'bigint' || typeof v === 'number') return new TimeSpan(Number(v));
      break;
    case 'System.Guid':
      if (v instanceof PSGuid) return v;
      if (typeof v === 'string') {
        const g = PSGuid.parse(v);
        if (!g) throw castErrorWithInner(v, type, 'InvalidCastParseTargetInvocation', 'Unrecognized Guid format.');
        return g;
      }
      break;
    case 'System.Version':
      if (v instanceof PSVersion) return v;
      if (v instanceof PSSemanticVersion) return v.toVersion();
      if (typeof v === 'string' || isNumeric(v)) {
        const s = toStr(v);
        const ver = PSVersion.parse(s);
        if (!ver) throw castErrorWithInner(v, type, 'InvalidCastParseTargetInvocation',
          /^\s*\d+\s*$/.test(s) || !s.includes('.') ? "Version string portion was too short or too long. (Parameter 'input')" : formatErrorText(s));
        return ver;
      }
      break;
    case 'System.Management.Automation.SemanticVersion':
      if (v instanceof PSSemanticVersion) return v;
      if (v instanceof PSVersion) {
        const sv = PSSemanticVersion.fromVersion(v);
        if (sv) return sv;
        break;
      }
      if (typeof v === 'string' || isNumeric(v)) {
        const sv = PSSemanticVersion.parse(toStr(v));
        // SemanticVersion.Parse rethrows Int32.Parse('')'s FormatException for every malformed text.
        if (!sv) throw castErrorWithInner(v, type, 'InvalidCastParseTargetInvocation', formatErrorText(''));
        return sv;
      }
      break;
    case 'System.Uri':
      if (v instanceof PSUri) return v;
      if (typeof v === 'string') return new PSUri(v);
      break;
    case 'System.Text.RegularExpressions.Regex':
      if (v instanceof PSRegex) return v;
      if (typeof v === 'string') {
        try {
          toJsRegExp(v, { ignoreCase: true });
        } catch {
          throw castErrorWithInner(v, type, 'InvalidCastFromStringToRegex', regexParseMessage(v));
        }
        return new PSRegex(v, RegexOptionFlags.None);
      }
      break;
    case 'System.Type':
    case 'System.RuntimeType':
      if (v instanceof PSType) return v;
      if (typeof v === 'string') {
        const t = resolveType(v);
        if (!t) throw castError(v, type, 'InvalidCastFromStringToType');
        return t;
      }
      break;
    case 'System.Management.Automation.ScriptBlock':
      if (v instanceof ScriptBlock) return v;
      break;
    case 'System.Management.Automation.PSReference':
      return value instanceof PSReference ? value : new PSReference(value);
    case 'System.Management.Automation.PSCustomObject':
      if (v instanceof PSHashtable) return customObjectFrom(v);
      break;
  }
  if (type.IsEnum) return convertToEnum(v, type);
  if (isInstanceOf(v, type)) return v;
  if (type.IsGenericType) {
    const r = convertToGeneric(v, type);
    if (r !== NO_CONVERSION) return r;
  }
  if (type.def.convert) {
    const r = type.def.convert(v, type);
    if (r !== NO_CONVERSION) return r;
  }
  if (v instanceof PSHashtable && (type.def.properties || type.def.construct)) return hashtableToObject(v, type);
  if (full === 'System.Collections.ArrayList') {
    const e = getEnumerable(v);
    return PSList.create(null, e ?? [v]);
  }
  // Constructor conversion: a one-argument constructor (exceptions from a message, Regex/Uri/Version, ...).
  if (hasConstructor(type)) {
    try {
      return construct(type, [v]);
    } catch (e) {
      if (!(e instanceof PSRuntimeError)) throw e;
      throw castErrorWithInner(v, type, 'InvalidCastConstructorException', e.errorRecord.Exception.Message);
    }
  }
  throw castError(v, type);
}

function convertToGeneric(v: unknown, type: PSType): unknown {
  const args = type.genericArgs!;
  const def = type.def.fullName;
  const el = args[0]!;
  const convEl = (x: unknown): unknown => (el.FullName === 'System.Object' ? x : convertTo(x, el));
  const items = (): unknown[] | null => {
    if (typeof v === 'string' || v instanceof PSHashtable) return [v];
    const e = getEnumerable(v);
    return e ? Array.from(e) : [v];
  };
  switch (def) {
    case 'System.Collections.Generic.List`1':
      return PSList.create(el, items()!.map(convEl));
    case 'System.Collections.ObjectModel.Collection`1': {
      const c = PSList.create(el, items()!.map(convEl));
      c.genericName = 'System.Collections.ObjectModel.Collection';
      return c;
    }
    case 'System.Collections.Generic.HashSet`1': {
      const s = new PSHashSet(el);
      for (const x of items()!) s.add(convEl(x));
      return s;
    }
    case 'System.Collections.Generic.Queue`1': {
      const q = new PSQueue(el);
      for (const x of items()!) q.items.push(convEl(x));
      return q;
    }
    case 'System.Collections.Generic.Stack`1': {
      const q = new PSStack(el);
      for (const x of items()!) q.items.push(convEl(x));
      return q;
    }
    case 'System.Collections.Generic.Dictionary`2':
    case 'System.Collections.Generic.SortedDictionary`2': {
      if (!(v instanceof PSHashtable)) return NO_CONVERSION;
      const [kt, vt] = [args[0]!, args[1]!];
      const d = new PSDictionary(kt, vt, false, def.startsWith('System.Collections.Generic.Sorted'));
      for (const [k, x] of v.entries()) d.set(convertTo(k, kt), vt.FullName === 'System.Object' ? x : convertTo(x, vt));
      return d;
    }
    case 'System.Nullable`1':
      return convertTo(v, el);
  }
  return NO_CONVERSION;
}

// -------------------------------------------------------------------------------------------------
// -is / -as

/** `value -is [type]`. */
export function isInstanceOf(value: unknown, type: PSType): boolean {
  if (value === null || value === undefined) return false;
  const full = type.FullName;
  if (full === 'System.Object') return true;
  if (full === 'System.Management.Automation.PSObject') return value instanceof PSObject;
  const v = unwrap(value);
  if (type.def.isInstance) return type.def.isInstance(v, type);
  // A script class instance: its class chain and the interfaces it names.
  if (v instanceof ClassInstance) return (v.behaviour.type as PSType).isSubclassOrSame(type);
  if (v instanceof PSException) return exceptionIsA(v.typeName, full);
  if (type.IsArray) {
    if (v instanceof Uint8Array) return full === 'System.Byte[]';
    if (!Array.isArray(v) || v instanceof PSList) return false;
    return typeOf(v).elementType!.isSubclassOrSame(type.elementType!) && (type.elementType!.IsValueType ? typeOf(v).elementType === type.elementType : true);
  }
  if (type.IsGenericType) return typeOf(v) === type;
  if (typeof v === 'object' && v !== null) {
    const tagged = (v as { [TYPE_NAME]?: unknown })[TYPE_NAME];
    if (typeof tagged === 'string' && tagged.toLowerCase() === full.toLowerCase()) return true;
  }
  // A PSObject standing for a .NET object (Get-Variable's PSVariable, Get-Command's CmdletInfo) is an instance of the
  // types its type names list.
  if (value instanceof PSObject && !(value instanceof ClassInstance)) {
    const lower = full.toLowerCase();
    if (value.typeNames.some((n) => n.toLowerCase() === lower)) return true;
  }
  if (full === 'System.Collections.IEnumerable') return typeof v === 'string' || getEnumerable(v) !== null || v instanceof PSHashtable;
  if (full === 'System.IComparable') return typeof v === 'string' || isNumeric(v) || v instanceof Date || v instanceof PSChar || typeof v === 'boolean';
  return typeOf(v).isSubclassOrSame(type);
}

setIsInstanceHook(isInstanceOf);

/** `value -as [type]`: the converted value, or null when conversion fails. */
export function asType(value: unknown, type: PSType): unknown {
  try {
    return convertTo(value, type);
  } catch (e) {
    if (e instanceof PSRuntimeError) return null;
    throw e;
  }
}

export { T as builtinType };
