// PowerShell conversions every layer needs: truthiness, string conversion (invariant culture), operand-to-number.
import { dotnetTypeNameOf, requireSync, runtimeError } from '../errors.js';
import { PSChar, PSDecimal, PSDouble, PSNumber, isInt32, makeDouble, INT32_MAX, INT32_MIN } from './numbers.js';
import { ClassInstance, PSHashtable, PSObject, type PSMember } from './objects.js';
import { PSSwitch } from './switch.js';

/** PowerShell truthiness (LanguagePrimitives.IsTrue). */
export function toBool(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0 && !Number.isNaN(v);
    case 'string':
      return v.length > 0;
    case 'bigint':
      return v !== 0n;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return false;
    if (v.length === 1) {
      // A one-element array is as true as its element; a nested array is true when it is non-empty.
      const e = v[0];
      return Array.isArray(e) ? e.length > 0 : toBool(e);
    }
    return true;
  }
  if (v instanceof PSDouble) return v.value !== 0 && !Number.isNaN(v.value);
  if (v instanceof PSDecimal) return v.mantissa !== 0n;
  if (v instanceof PSNumber) return typeof v.value === 'bigint' ? v.value !== 0n : v.value !== 0;
  if (v instanceof PSChar) return v.code !== 0;
  if (v instanceof PSSwitch) return v.IsPresent;
  // An enum value is as true as its number (`[bool]@([ConsoleColor]::Black)` is False).
  if ((v as { [ENUM_VALUE]?: boolean })[ENUM_VALUE]) return (v as { value: number }).value !== 0;
  return true;
}

/** Brand on the types layer's enum values (PSEnumValue), so truthiness can see them without importing types. */
export const ENUM_VALUE = Symbol.for('awsh.enumValue');

const INFINITY_TEXT = 'Infinity';

/**
 * Double → string the way .NET Core 3+ `double.ToString()` does ("R"): shortest round-trip digits, fixed notation
 * unless the decimal exponent is ≥ max(15, digit count) or < -5 (then `1E+15`, `1E-05` with at least 2 exponent digits).
 */
export function formatDouble(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return INFINITY_TEXT;
  if (n === -Infinity) return '-' + INFINITY_TEXT;
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  return formatShortest(n, 15);
}

/** Format with shortest round-trip digits; `minPrecision` is DoublePrecision (15) or SinglePrecision (7). */
function formatShortest(n: number, minPrecision: number, digitsOverride?: string, expOverride?: number): string {
  let digits: string;
  let exp: number;
  const neg = n < 0;
  if (digitsOverride !== undefined) {
    digits = digitsOverride;
    exp = expOverride!;
  } else {
    const e = Math.abs(n).toExponential(); // shortest round-trip digits, e.g. "1.2345e+21"
    const ePos = e.indexOf('e');
    digits = e.slice(0, ePos).replace('.', '');
    exp = parseInt(e.slice(ePos + 1), 10);
  }
  const digPos = exp + 1; // digits before the decimal point
  const maxDigits = Math.max(digits.length, minPrecision);
  let out: string;
  if (digPos > maxDigits || digPos < -3) {
    const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const ex = Math.abs(exp);
    out = mant + 'E' + (exp < 0 ? '-' : '+') + (ex < 10 ? '0' + ex : String(ex));
  } else if (digPos <= 0) {
    out = '0.' + '0'.repeat(-digPos) + digits;
  } else if (digPos >= digits.length) {
    out = digits + '0'.repeat(digPos - digits.length);
  } else {
    out = digits.slice(0, digPos) + '.' + digits.slice(digPos);
  }
  return neg ? '-' + out : out;
}

/** System.Single → string (shortest digits that round-trip through float32). */
export function formatSingle(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return INFINITY_TEXT;
  if (n === -Infinity) return '-' + INFINITY_TEXT;
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const f = Math.fround(n);
  for (let p = 1; p <= 9; p++) {
    const e = Math.abs(f).toExponential(p - 1);
    if (Math.fround(parseFloat(e)) === Math.abs(f)) {
      const ePos = e.indexOf('e');
      const digits = e.slice(0, ePos).replace('.', '').replace(/0+$/, '') || '0';
      return formatShortest(f, 7, digits, parseInt(e.slice(ePos + 1), 10));
    }
  }
  return formatDouble(f);
}

/**
 * Double → string as PowerShell converts it (`[string]$d`, `"$d"`, output): .NET "G15", so `1.1 * 3` reads `3.3`
 * (its ToString() is the round-trip `3.3000000000000003`: `formatDouble`). Single uses "G7".
 */
export function formatDoubleG(n: number, precision: 15 | 7): string {
  if (!Number.isFinite(n) || n === 0) return precision === 7 ? formatSingle(n) : formatDouble(n);
  const e = Math.abs(n).toExponential(precision - 1); // rounded to `precision` significant digits
  const ePos = e.indexOf('e');
  const digits = e.slice(0, ePos).replace('.', '').replace(/0+$/, '') || '0';
  return formatShortest(n, precision, digits, parseInt(e.slice(ePos + 1), 10));
}

/** Any numeric value → its string as PowerShell converts it (G15 doubles, G7 singles). */
export function numberToPSString(v: unknown): string {
  if (typeof v === 'number') return isInt32(v) ? String(v) : formatDoubleG(v, 15);
  if (v instanceof PSDouble) return formatDoubleG(v.value, 15);
  if (v instanceof PSNumber && v.type === 'Single') return formatDoubleG(v.value as number, 7);
  return numberToString(v);
}

/** Any numeric value → its invariant ToString() (round-trip digits for Double and Single). */
export function numberToString(v: unknown): string {
  if (typeof v === 'number') return isInt32(v) ? String(v) : formatDouble(v);
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof PSDouble) return formatDouble(v.value);
  if (v instanceof PSDecimal) return v.toString();
  if (v instanceof PSNumber) return v.type === 'Single' ? formatSingle(v.value as number) : String(v.value);
  return toStr(v);
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** DateTime → string as pwsh converts it (invariant culture: `MM/dd/yyyy HH:mm:ss`). */
export function dateToString(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return (
    pad2(d.getMonth() + 1) + '/' + pad2(d.getDate()) + '/' + String(d.getFullYear()).padStart(4, '0') + ' ' +
    pad2(d.getHours()) + ':' + pad2(d.getMinutes()) + ':' + pad2(d.getSeconds())
  );
}

/** PSCustomObject's ToString: `@{a=1; b=2}`. */
/** .NET objects shown as PSObjects whose ToString() is their name (CmdletInfo, AliasInfo, FunctionInfo, PSModuleInfo...). */
const NAMED_TYPES = /^System\.Management\.Automation\.(CmdletInfo|AliasInfo|FunctionInfo|FilterInfo|ApplicationInfo|ExternalScriptInfo|PSModuleInfo|CommandInfo)$/;
/** .NET objects shown as PSObjects that keep Object.ToString(): their type's full name. */
const TYPE_NAMED_TYPES = /^System\.Management\.Automation\.(ParameterMetadata|ParameterSetMetadata)$/;

export function psObjectToString(o: PSObject): string {
  // A class instance's ToString(): its own override, else the class name (Object.ToString()).
  if (o instanceof ClassInstance) return toStr(requireSync(o.behaviour.invoke(o, 'tostring', [])?.value) ?? o.typeNames[0]);
  if (o.baseObject !== undefined && o.baseObject !== null) return toStr(o.baseObject);
  if (o.typeNames.length && TYPE_NAMED_TYPES.test(o.typeNames[0]!)) return o.typeNames[0]!;
  if (o.typeNames.length && NAMED_TYPES.test(o.typeNames[0])) {
    const name = o.getMember('Name');
    if (name) return toStr(name.value);
  }
  const parts: string[] = [];
  for (const m of o.properties()) parts.push(m.name + '=' + propertyText(o, m));
  // No properties: an empty string, not `@{}`.
  return parts.length ? '@{' + parts.join('; ') + '}' : '';
}

/** A property's value inside `@{...}`: script properties are not run (their member type's name shows instead). */
function propertyText(o: PSObject, m: PSMember, depth = 0): string {
  switch (m.memberType) {
    case 'NoteProperty':
    case 'Property':
      return toStr(m.value);
    case 'ScriptProperty':
      return 'System.Management.Automation.PSScriptProperty';
    case 'AliasProperty': {
      const target = depth < 10 ? o.getMember(String(m.value)) : undefined;
      return target ? propertyText(o, target, depth + 1) : '';
    }
    default:
      return '';
  }
}

const TYPE_NAME_KEY = Symbol.for('awsh.typeName');
const typeToStrings = new Map<string, (o: any) => string>();
/** Gives plain objects tagged with a .NET type name (Symbol.for('awsh.typeName')) their type's ToString(). */
export function registerTypeToString(typeName: string, fn: (o: any) => string): void {
  typeToStrings.set(typeName, fn);
}

/** Conversion to string (LanguagePrimitives.ConvertTo string, invariant culture). Arrays join with `ofs`. */
export function toStr(v: unknown, ofs = ' '): string {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return isInt32(v) ? String(v) : formatDoubleG(v, 15);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'bigint':
      return v.toString();
    case 'function':
      return 'System.Object';
  }
  if (Array.isArray(v)) {
    let s = '';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) s += ofs;
      // Only the outer collection is joined: a nested one shows its type name, as its ToString() does.
      s += Array.isArray(v[i]) ? psTypeName(v[i]) : toStr(v[i], ofs);
    }
    return s;
  }
  if (v instanceof PSDouble || v instanceof PSDecimal || v instanceof PSNumber) return numberToPSString(v);
  if (v instanceof PSChar) return String.fromCharCode(v.code);
  if (v instanceof PSHashtable) return v.toString();
  if (v instanceof PSObject) return psObjectToString(v);
  if (v instanceof Date) return dateToString(v);
  // Other collections (HashSet, Queue, Stack, an enumerator) convert as their elements joined, like arrays.
  if (typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function' && !(v instanceof Uint8Array)) return toStr(Array.from(v as Iterable<unknown>), ofs);
  const o = v as { toString?: () => string };
  if (typeof o.toString === 'function' && o.toString !== Object.prototype.toString) return o.toString();
  // A plain object tagged with a .NET type (AWS SDK models): Object.ToString() is the type's full name, unless the
  // type registered its own (S3Object shows its Key).
  const typeName = (v as Record<symbol, unknown>)[TYPE_NAME_KEY];
  if (typeof typeName === 'string') return typeToStrings.get(typeName)?.(v) ?? typeName;
  // Plain JS objects (e.g. SDK responses) read like a PSCustomObject.
  const parts: string[] = [];
  for (const k of Object.keys(v as object)) parts.push(k + '=' + toStr((v as Record<string, unknown>)[k]));
  return '@{' + parts.join('; ') + '}';
}

// ---- numeric strings ----------------------------------------------------------------------------------------

const MULTIPLIERS: Record<string, number> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3, tb: 1024 ** 4, pb: 1024 ** 5 };
const NUMBER_RE =
  /^([+-]?)(?:0x([0-9a-f]+)|0b([01]+)|(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?))(ul|lu|uy|us|u|l|y|s|n|d)?(kb|mb|gb|tb|pb)?$/i;

/**
 * Parse a string as the pwsh tokenizer reads a number literal (Parser.ScanNumber): trims, '' → 0, hex `0x`,
 * binary `0b`, exponents, type suffixes (l d u y s n...) and multipliers (kb mb gb tb pb). Null when not a number.
 */
export function parseNumber(text: string): unknown {
  const s = text.trim();
  if (s.length === 0) return 0;
  const m = NUMBER_RE.exec(s);
  if (!m) return null;
  const neg = m[1] === '-';
  const suffix = m[5]?.toLowerCase();
  const mult = m[6] ? MULTIPLIERS[m[6].toLowerCase()] : 1;
  if (m[2] !== undefined || m[3] !== undefined) {
    const hexOrBin = m[2] !== undefined ? m[2] : m[3];
    const radix = m[2] !== undefined ? 16 : 2;
    const bitsPerDigit = radix === 16 ? 4 : 1;
    let big = BigInt((radix === 16 ? '0x' : '0b') + hexOrBin);
    const bits = hexOrBin.replace(/^0+/, '').length * bitsPerDigit;
    // Hex literals that fill 32/64 bits are two's complement: 0xFFFFFFFF is -1.
    if (suffix === 'l' || bits > 32) {
      if (bits > 64) return null;
      big = BigInt.asIntN(64, big);
      big = (neg ? -big : big) * BigInt(mult);
      return suffix === 'l' || big < BigInt(INT32_MIN) || big > BigInt(INT32_MAX) ? big : Number(big);
    }
    let n = Number(BigInt.asIntN(32, big));
    if (neg) n = -n;
    return applyIntSuffix(n * mult, suffix);
  }
  const body = m[4];
  const isReal = /[.e]/i.test(body);
  if (suffix === 'd') {
    const d = PSDecimal.parse((neg ? '-' : '') + body);
    return mult === 1 ? d : new PSDecimal(d.mantissa * BigInt(mult), d.scale);
  }
  if (isReal) {
    if (suffix && suffix !== 'd') {
      // e.g. 1.5l: a real with an integer suffix is converted (rounded) to that type.
      const v = Math.round(parseFloat(body) * mult);
      return applyIntSuffix(neg ? -v : v, suffix);
    }
    const v = parseFloat(body) * mult;
    return makeDouble(neg ? -v : v);
  }
  let big = BigInt(body) * BigInt(mult);
  if (neg) big = -big;
  if (suffix) return applyIntSuffix(Number(big), suffix, big);
  if (big >= BigInt(INT32_MIN) && big <= BigInt(INT32_MAX)) return Number(big);
  if (big >= -(2n ** 63n) && big < 2n ** 63n) return big;
  if ((big < 0n ? -big : big) < 10n ** 28n) return new PSDecimal(big, 0);
  return Number(big);
}

function applyIntSuffix(n: number, suffix: string | undefined, big?: bigint): unknown {
  switch (suffix) {
    case undefined:
      return n >= INT32_MIN && n <= INT32_MAX ? n : Number.isSafeInteger(n) ? BigInt(n) : n;
    case 'l':
      return big ?? BigInt(n);
    case 'u':
      return n <= 0xffffffff ? new PSNumber('UInt32', n) : new PSNumber('UInt64', big ?? BigInt(n));
    case 'ul':
    case 'lu':
      return new PSNumber('UInt64', big ?? BigInt(n));
    case 'y':
      return new PSNumber('SByte', n);
    case 'uy':
      return new PSNumber('Byte', n);
    case 's':
      return new PSNumber('Int16', n);
    case 'us':
      return new PSNumber('UInt16', n);
    case 'n':
      return new PSNumber('BigInteger', big ?? BigInt(n));
  }
  return n;
}

/** `Cannot convert value "abc" to type "System.Int32". Error: "The input string 'abc' was not in a correct format."` */
export function invalidNumberError(text: string, typeName = 'System.Int32'): Error {
  const err = runtimeError(
    `Cannot convert value "${text}" to type "${typeName}". Error: "The input string '${text}' was not in a correct format."`,
    'InvalidCastFromStringToInteger',
    { category: 'InvalidArgument', exceptionType: 'System.Management.Automation.PSInvalidCastException', target: text },
  );
  return err;
}

/** A value of a non-numeric type used as a number: `Cannot convert the "x" value of type "T" to type "System.Int32".` */
function cannotConvertError(v: unknown, typeName: string): Error {
  return runtimeError(
    `Cannot convert the "${toStr(v)}" value of type "${psTypeName(v)}" to type "${typeName}".`,
    'InvalidCastException',
    { category: 'InvalidArgument', exceptionType: 'System.Management.Automation.PSInvalidCastException', target: v },
  );
}

/**
 * An arithmetic operand as a number: numbers as they are, bool/null → Int32, char → its code,
 * strings parsed like number literals (error when not a number).
 */
export function toNumber(v: unknown): unknown {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = parseNumber(v);
    if (n === null) throw invalidNumberError(v);
    return n;
  }
  if (v instanceof PSDouble || v instanceof PSDecimal || v instanceof PSNumber) return v;
  if (v instanceof PSChar) return v.code;
  if (Array.isArray(v) && v.length === 1) return toNumber(v[0]);
  if (v instanceof PSObject && v.baseObject !== undefined && v.baseObject !== null) return toNumber(v.baseObject);
  throw cannotConvertError(v, 'System.Int32');
}

/** A short .NET type name for messages (`System.Object[]`, `System.String`...). */
export function psTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string':
      return 'System.String';
    case 'boolean':
      return 'System.Boolean';
    case 'number':
      return isInt32(v) ? 'System.Int32' : 'System.Double';
    case 'bigint':
      return 'System.Int64';
  }
  if (Array.isArray(v)) return 'System.Object[]';
  if (v instanceof PSDouble) return 'System.Double';
  if (v instanceof PSDecimal) return 'System.Decimal';
  if (v instanceof PSNumber) return v.type === 'BigInteger' ? 'System.Numerics.BigInteger' : 'System.' + v.type;
  if (v instanceof PSChar) return 'System.Char';
  if (v instanceof PSHashtable) return v.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  if (v instanceof PSObject) return v.typeNames[0] ?? 'System.Management.Automation.PSCustomObject';
  if (v instanceof Date) return 'System.DateTime';
  const tn = (v as { typeName?: unknown; psTypeName?: unknown }).psTypeName;
  if (typeof tn === 'string') return tn;
  return dotnetTypeNameOf(v) ?? 'System.Object';
}
