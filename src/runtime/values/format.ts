// .NET composite formatting (`-f`, String.Format) and ToString(format) for numbers and dates (en-US conventions).
import { runtimeError } from '../errors.js';
import { dateToString, formatDouble, numberToString, toStr } from './convert.js';
import { PSChar, PSDecimal, PSDouble, PSNumber, isInt32, isNumeric } from './numbers.js';

function formatError(detail: string): Error {
  return runtimeError(`Error formatting a string: ${detail}.`, 'FormatError', {
    category: 'InvalidOperation',
    exceptionType: 'System.FormatException',
  });
}

const BAD_INDEX = 'Index (zero based) must be greater than or equal to zero and less than the size of the argument list.';
const BAD_FORMAT = 'Input string was not in a correct format.';

/** String.Format: `{index[,alignment][:format]}` items, `{{` and `}}` escapes. */
export function formatComposite(format: string, args: unknown[]): string {
  let out = '';
  const n = format.length;
  let i = 0;
  while (i < n) {
    const c = format[i];
    if (c === '}') {
      if (format[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      throw formatError(BAD_FORMAT);
    }
    if (c !== '{') {
      out += c;
      i++;
      continue;
    }
    if (format[i + 1] === '{') {
      out += '{';
      i += 2;
      continue;
    }
    const end = format.indexOf('}', i);
    if (end < 0) throw formatError(BAD_FORMAT);
    const item = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::([^]*))?$/.exec(format.slice(i + 1, end));
    if (!item) throw formatError(BAD_FORMAT);
    const idx = Number(item[1]);
    if (idx >= args.length) throw formatError(BAD_INDEX);
    const v = args[idx];
    let s = item[3] !== undefined ? formatValue(v, item[3]) : formatArgument(v);
    if (item[2] !== undefined) {
      const w = Number(item[2]);
      s = w < 0 ? s.padEnd(-w) : s.padStart(w);
    }
    out += s;
    i = end + 1;
  }
  return out;
}

/** An argument's text without a format string (.NET ToString, so arrays give their type name). */
function formatArgument(v: unknown): string {
  if (Array.isArray(v)) return 'System.Object[]';
  if (isNumeric(v)) return numberToString(v); // round-trip digits, not [string]'s G15
  // String.Format uses the current culture (en-US: `3/5/2024 2:07:00 PM`), unlike PowerShell's invariant "$date".
  if (v instanceof Date) return formatDate(v, 'G');
  return toStr(v);
}

/** The types layer formats its IFormattable values (TimeSpan, Guid, enums) through this hook. */
let formattableHook: ((v: unknown, fmt: string) => string | undefined) | null = null;
export function setFormattableHook(fn: (v: unknown, fmt: string) => string | undefined): void {
  formattableHook = fn;
}

/** value.ToString(format) for numbers, dates and other IFormattable values; other values ignore the format. */
export function formatValue(v: unknown, fmt: string): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatDate(v, fmt);
  if (v instanceof PSChar || typeof v === 'string' || typeof v === 'boolean') return toStr(v);
  if (isNumeric(v)) return formatNumber(v, fmt);
  if (Array.isArray(v)) return 'System.Object[]';
  const formatted = formattableHook?.(v, fmt);
  return formatted !== undefined ? formatted : toStr(v);
}

// ---- numbers --------------------------------------------------------------------------------------------

/** Exact decimal digits of a value: sign, integer digits and fraction digits (as strings). */
interface Digits {
  neg: boolean;
  int: string;
  frac: string;
}

function isIntegral(v: unknown): boolean {
  return (typeof v === 'number' && isInt32(v)) || typeof v === 'bigint' || (v instanceof PSNumber && v.type !== 'Single');
}

function bigOf(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (v instanceof PSNumber) return typeof v.value === 'bigint' ? v.value : BigInt(v.value);
  return BigInt(v as number);
}

function numOf(v: unknown): number {
  if (v instanceof PSDouble) return v.value;
  if (v instanceof PSNumber) return Number(v.value);
  if (v instanceof PSDecimal) return v.valueOf();
  return Number(v);
}

/** Digits rounded to `decimals` fraction digits, half away from zero (.NET's number formatting). */
function roundedDigits(v: unknown, decimals: number): Digits {
  if (isIntegral(v)) {
    const b = bigOf(v);
    return { neg: b < 0n, int: (b < 0n ? -b : b).toString(), frac: '0'.repeat(decimals) };
  }
  if (v instanceof PSDecimal) {
    let m = v.mantissa < 0n ? -v.mantissa : v.mantissa;
    let scale = v.scale;
    if (scale > decimals) {
      const div = 10n ** BigInt(scale - decimals);
      const q = m / div;
      m = (m % div) * 2n >= div ? q + 1n : q;
      scale = decimals;
    }
    let s = m.toString().padStart(scale + 1, '0');
    s += '0'.repeat(decimals - scale);
    return { neg: v.mantissa < 0n && /[1-9]/.test(s), int: s.slice(0, s.length - decimals), frac: s.slice(s.length - decimals) };
  }
  const n = numOf(v);
  const a = Math.abs(n);
  let text: string;
  if (a < 1e21 && decimals <= 100) text = a.toFixed(decimals);
  else text = BigInt(Math.round(a)).toString() + (decimals > 0 ? '.' + '0'.repeat(decimals) : '');
  const dot = text.indexOf('.');
  const int = dot < 0 ? text : text.slice(0, dot);
  const frac = dot < 0 ? '' : text.slice(dot + 1);
  return { neg: n < 0 && /[1-9]/.test(int + frac), int, frac };
}

function group(int: string): string {
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += ',';
    out += int[i];
  }
  return out;
}

function specialDouble(v: unknown): string | null {
  if (typeof v === 'number' || v instanceof PSDouble || (v instanceof PSNumber && v.type === 'Single')) {
    const n = numOf(v);
    if (Number.isNaN(n)) return 'NaN';
    if (n === Infinity) return '∞';
    if (n === -Infinity) return '-∞';
  }
  return null;
}

/** Scientific notation with `precision` fraction digits: 1.234568E+003 (at least `expDigits` exponent digits). */
function scientific(v: unknown, precision: number, e: string, expDigits: number, plus: boolean): string {
  const n = numOf(v);
  if (n === 0) return '0' + (precision > 0 ? '.' + '0'.repeat(precision) : '') + e + (plus ? '+' : '') + '0'.repeat(expDigits);
  const t = Math.abs(n).toExponential(Math.min(100, precision));
  const [mant, ex] = t.split('e');
  const x = parseInt(ex, 10);
  const es = String(Math.abs(x)).padStart(expDigits, '0');
  return (n < 0 ? '-' : '') + mant + e + (x < 0 ? '-' : plus ? '+' : '') + es;
}

/** General ("G") formatting with a precision (significant digits). */
function general(v: unknown, precision: number, e: string): string {
  if (isIntegral(v)) return bigOf(v).toString();
  if (v instanceof PSDecimal && precision === 0) return v.toString();
  const n = numOf(v);
  if (precision === 0) return formatDouble(n);
  if (n === 0) return '0';
  const t = Math.abs(n).toExponential(precision - 1);
  const [mant, ex] = t.split('e');
  const x = parseInt(ex, 10);
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  let body: string;
  if (x >= precision || x < -5) {
    body = digits[0] + (digits.length > 1 ? '.' + digits.slice(1) : '') + e + (x < 0 ? '-' : '+') + String(Math.abs(x)).padStart(2, '0');
  } else if (x < 0) body = '0.' + '0'.repeat(-x - 1) + digits;
  else if (digits.length > x + 1) body = digits.slice(0, x + 1) + '.' + digits.slice(x + 1);
  else body = digits + '0'.repeat(x + 1 - digits.length);
  return (n < 0 ? '-' : '') + body;
}

function invalidFormatSpecifier(): Error {
  return runtimeError('Format specifier was invalid.', 'FormatException', {
    category: 'NotSpecified',
    exceptionType: 'System.FormatException',
  });
}

/** Number.ToString(format): standard formats (C D E F G N P R X with precision) or a custom pattern. */
export function formatNumber(v: unknown, fmt: string): string {
  const std = /^([CcDdEeFfGgNnPpRrXx])(\d{0,9})$/.exec(fmt);
  if (!fmt) return general(v, 0, 'E');
  if (!std) return formatCustomNumber(v, fmt);
  const sp = specialDouble(v);
  if (sp !== null && !'Xx'.includes(std[1])) return sp;
  const p = std[2] === '' ? -1 : Number(std[2]);
  switch (std[1]) {
    case 'C':
    case 'c': {
      const d = roundedDigits(v, p < 0 ? 2 : p);
      return (d.neg ? '-' : '') + '$' + group(d.int) + (d.frac ? '.' + d.frac : '');
    }
    case 'D':
    case 'd': {
      if (!isIntegral(v)) throw invalidFormatSpecifier();
      const b = bigOf(v);
      return (b < 0n ? '-' : '') + (b < 0n ? -b : b).toString().padStart(p < 0 ? 0 : p, '0');
    }
    case 'E':
    case 'e':
      return scientific(v, p < 0 ? 6 : p, std[1], 3, true);
    case 'F':
    case 'f': {
      const d = roundedDigits(v, p < 0 ? 2 : p);
      return (d.neg ? '-' : '') + d.int + (d.frac ? '.' + d.frac : '');
    }
    case 'N':
    case 'n': {
      const d = roundedDigits(v, p < 0 ? 2 : p);
      return (d.neg ? '-' : '') + group(d.int) + (d.frac ? '.' + d.frac : '');
    }
    case 'P':
    case 'p': {
      const scaled = v instanceof PSDecimal ? new PSDecimal(v.mantissa * 100n, v.scale) : numOf(v) * 100;
      const d = roundedDigits(scaled, p < 0 ? 2 : p);
      return (d.neg ? '-' : '') + group(d.int) + (d.frac ? '.' + d.frac : '') + '%';
    }
    case 'G':
    case 'g':
      return general(v, p < 0 ? 0 : p, std[1] === 'g' ? 'e' : 'E');
    case 'R':
    case 'r':
      return general(v, 0, 'E');
    case 'X':
    case 'x': {
      if (!isIntegral(v)) throw invalidFormatSpecifier();
      let b = bigOf(v);
      if (b < 0n) {
        const bits = typeof v === 'number' ? 32n : v instanceof PSNumber && (v.type === 'SByte') ? 8n : v instanceof PSNumber && v.type === 'Int16' ? 16n : 64n;
        b = (1n << bits) + b;
      }
      const s = b.toString(16);
      return (std[1] === 'X' ? s.toUpperCase() : s).padStart(p < 0 ? 0 : p, '0');
    }
  }
  return toStr(v);
}

/** Split a custom format into sections on unquoted ';'. */
function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (quote) {
      if (c === quote) quote = '';
      cur += c;
    } else if (c === '\\' && i + 1 < fmt.length) {
      cur += c + fmt[++i];
    } else if (c === '"' || c === "'") {
      quote = c;
      cur += c;
    } else if (c === ';') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

interface Token {
  kind: 'digit0' | 'digit#' | 'point' | 'lit' | 'exp';
  text: string;
}

/** Custom numeric formats: 0 # . , % ‰ E0 'literal' \x and ;-sections. */
/**
 * A custom format string sees a Double as its 15 significant digits (a Single as 7), then rounds those half away
 * from zero: 2.005 formats as 2.01 with '0.00' although the binary value is just below 2.005.
 */
function customFormatDigits(value: unknown, original: unknown): unknown {
  const single = original instanceof PSNumber && original.type === 'Single';
  if (!(typeof value === 'number' || value instanceof PSDouble || single) || isIntegral(original)) return value;
  const n = numOf(value);
  const a = Math.abs(n);
  if (!Number.isFinite(n) || a === 0 || a >= 1e15 || a < 1e-5) return value;
  const d = PSDecimal.parse(a.toPrecision(single ? 7 : 15));
  return n < 0 ? new PSDecimal(-d.mantissa, d.scale) : d;
}

function formatCustomNumber(v: unknown, fmt: string): string {
  const secs = sections(fmt);
  const n = numOf(v);
  let sec = secs[0];
  let useAbs = false;
  if (n < 0 && secs.length > 1 && secs[1] !== '') {
    sec = secs[1];
    useAbs = true;
  } else if (n === 0 && secs.length > 2 && secs[2] !== '') sec = secs[2];
  // Tokenize.
  const toks: Token[] = [];
  let scale = 0; // power of ten multiplier (% → +2, ‰ → +3, trailing commas → -3 each)
  let grouping = false;
  let seenPoint = false;
  let seenDigit = false;
  for (let i = 0; i < sec.length; i++) {
    const c = sec[i];
    if (c === '0' || c === '#') {
      toks.push({ kind: c === '0' ? 'digit0' : 'digit#', text: c });
      seenDigit = true;
    } else if (c === '.') {
      if (!seenPoint) toks.push({ kind: 'point', text: '.' });
      seenPoint = true;
    } else if (c === ',') {
      // A comma between digit placeholders groups; commas right before the point (or end) divide by 1000.
      let j = i;
      while (j < sec.length && sec[j] === ',') j++;
      const next = sec[j];
      if (seenDigit && !seenPoint && (next === '0' || next === '#')) grouping = true;
      else if (seenDigit && !seenPoint) scale -= 3 * (j - i);
      i = j - 1;
    } else if (c === '%') {
      scale += 2;
      toks.push({ kind: 'lit', text: '%' });
    } else if (c === '‰') {
      scale += 3;
      toks.push({ kind: 'lit', text: '‰' });
    } else if ((c === 'E' || c === 'e') && /^[eE][+-]?0/.test(sec.slice(i))) {
      const m = /^[eE]([+-]?)(0+)/.exec(sec.slice(i))!;
      toks.push({ kind: 'exp', text: m[0] });
      i += m[0].length - 1;
    } else if (c === '\\' && i + 1 < sec.length) toks.push({ kind: 'lit', text: sec[++i] });
    else if (c === '"' || c === "'") {
      const end = sec.indexOf(c, i + 1);
      const stop = end < 0 ? sec.length : end;
      toks.push({ kind: 'lit', text: sec.slice(i + 1, stop) });
      i = stop;
    } else toks.push({ kind: 'lit', text: c });
  }
  const pointAt = toks.findIndex((t) => t.kind === 'point');
  const expAt = toks.findIndex((t) => t.kind === 'exp');
  const intEnd = pointAt >= 0 ? pointAt : expAt >= 0 ? expAt : toks.length;
  const fracToks = pointAt >= 0 ? toks.slice(pointAt + 1, expAt >= 0 ? expAt : toks.length) : [];
  const minFrac = fracToks.filter((t) => t.kind === 'digit0').length;
  const maxFrac = fracToks.filter((t) => t.kind !== 'lit').length;
  const intToks = toks.slice(0, intEnd);
  const intPlaceholders = intToks.filter((t) => t.kind !== 'lit');
  const firstZero = intPlaceholders.findIndex((t) => t.kind === 'digit0');
  const minInt = firstZero < 0 ? 0 : intPlaceholders.length - firstZero;

  let value: unknown = v;
  let expText = '';
  if (expAt >= 0) {
    const et = toks[expAt].text;
    const m = /^([eE])([+-]?)(0+)$/.exec(et)!;
    const abs = Math.abs(n);
    const intDigits = Math.max(1, intPlaceholders.length);
    let x = abs === 0 ? 0 : Math.floor(Math.log10(abs)) - (intDigits - 1);
    let mant = abs / 10 ** x;
    const r = Number(mant.toFixed(maxFrac));
    if (r >= 10 ** intDigits) {
      x++;
      mant = abs / 10 ** x;
    }
    value = n < 0 ? -mant : mant;
    expText = m[1] + (x < 0 ? '-' : m[2] === '+' ? '+' : '') + String(Math.abs(x)).padStart(m[3].length, '0');
  } else if (scale !== 0) {
    value = v instanceof PSDecimal ? numOf(v) * 10 ** scale : n * 10 ** scale;
  }
  const d = roundedDigits(customFormatDigits(value, v), maxFrac);
  let int = d.int.replace(/^0+/, '');
  if (int.length < minInt) int = int.padStart(minInt, '0');
  let frac = d.frac;
  while (frac.length > minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  const neg = d.neg && !useAbs;
  // Fill integer placeholders right to left; extra digits go at the first placeholder.
  let intOut = '';
  const intDigitsText = grouping ? group(int) : int;
  if (intPlaceholders.length === 0) intOut = intToks.map((t) => t.text).join('') + (int === '' ? '' : '');
  else {
    const firstPh = intToks.findIndex((t) => t.kind !== 'lit');
    let digitsLeft = intDigitsText;
    const pieces: string[] = new Array(intToks.length).fill('');
    for (let k = intToks.length - 1; k >= 0; k--) {
      const t = intToks[k];
      if (t.kind === 'lit') {
        pieces[k] = t.text;
        continue;
      }
      if (k === firstPh) {
        pieces[k] = digitsLeft;
        digitsLeft = '';
      } else if (digitsLeft.length > 0) {
        let take = 1;
        // Keep group separators attached to the digit they precede.
        if (digitsLeft.length > 1 && digitsLeft[digitsLeft.length - 2] === ',') take = 2;
        pieces[k] = digitsLeft.slice(-take);
        digitsLeft = digitsLeft.slice(0, -take);
      }
    }
    intOut = pieces.join('');
  }
  let fracOut = '';
  let fi = 0;
  for (const t of fracToks) {
    if (t.kind === 'lit') fracOut += t.text;
    else if (fi < frac.length) fracOut += frac[fi++];
  }
  const trailing = toks.slice(expAt >= 0 ? expAt + 1 : toks.length).map((t) => t.text).join('');
  const body = intOut + (frac.length > 0 || fracToks.some((t) => t.kind === 'lit') ? (frac.length > 0 ? '.' : '') + fracOut : '') + expText + trailing;
  return (neg ? '-' : '') + body;
}

// ---- dates ----------------------------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const STANDARD_DATE: Record<string, string> = {
  d: 'M/d/yyyy',
  D: 'dddd, MMMM d, yyyy',
  t: 'h:mm tt',
  T: 'h:mm:ss tt',
  f: 'dddd, MMMM d, yyyy h:mm tt',
  F: 'dddd, MMMM d, yyyy h:mm:ss tt',
  g: 'M/d/yyyy h:mm tt',
  G: 'M/d/yyyy h:mm:ss tt',
  M: 'MMMM d',
  m: 'MMMM d',
  Y: 'MMMM yyyy',
  y: 'MMMM yyyy',
  s: "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
};

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function offsetText(d: Date, withColon: boolean, minutes: boolean): string {
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  if (!minutes) return sign + pad(Math.floor(a / 60), 2);
  return sign + pad(Math.floor(a / 60), 2) + (withColon ? ':' : '') + pad(a % 60, 2);
}

/** DateTime.ToString(format) (en-US names; local time). */
export function formatDate(d: Date, fmt: string): string {
  if (!fmt) return dateToString(d);
  if (fmt.length === 1) {
    if (fmt === 'o' || fmt === 'O') {
      const ms = d.getMilliseconds();
      return formatDate(d, "yyyy'-'MM'-'dd'T'HH':'mm':'ss") + '.' + pad(ms, 3) + '0000' + offsetText(d, true, true);
    }
    if (fmt === 'u') {
      const z = new Date(d.getTime() + d.getTimezoneOffset() * 60000);
      return formatDate(z, "yyyy'-'MM'-'dd HH':'mm':'ss'Z'");
    }
    if (fmt === 'r' || fmt === 'R') {
      return d.toUTCString().replace(/GMT$/, 'GMT');
    }
    const std = STANDARD_DATE[fmt];
    if (std) return formatDate(d, std);
    throw invalidFormatSpecifier();
  }
  let out = '';
  for (let i = 0; i < fmt.length; ) {
    const c = fmt[i];
    let j = i;
    while (j < fmt.length && fmt[j] === c) j++;
    const len = j - i;
    switch (c) {
      case 'y': {
        const y = d.getFullYear();
        out += len === 2 ? pad(y % 100, 2) : len === 1 ? String(y % 100) : pad(y, len);
        break;
      }
      case 'M':
        out += len >= 4 ? MONTHS[d.getMonth()] : len === 3 ? MONTHS[d.getMonth()].slice(0, 3) : pad(d.getMonth() + 1, len);
        break;
      case 'd':
        out += len >= 4 ? DAYS[d.getDay()] : len === 3 ? DAYS[d.getDay()].slice(0, 3) : pad(d.getDate(), len);
        break;
      case 'H':
        out += pad(d.getHours(), Math.min(len, 2));
        break;
      case 'h':
        out += pad(d.getHours() % 12 || 12, Math.min(len, 2));
        break;
      case 'm':
        out += pad(d.getMinutes(), Math.min(len, 2));
        break;
      case 's':
        out += pad(d.getSeconds(), Math.min(len, 2));
        break;
      case 'f':
      case 'F': {
        const frac = pad(d.getMilliseconds(), 3) + '0000';
        let s = frac.slice(0, Math.min(len, 7));
        if (c === 'F') s = s.replace(/0+$/, '');
        out += s;
        break;
      }
      case 't':
        out += len === 1 ? (d.getHours() < 12 ? 'A' : 'P') : d.getHours() < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += len === 1 ? String(Number(offsetText(d, false, false))).replace(/^(\d)/, '+$1') : len === 2 ? offsetText(d, false, false) : offsetText(d, true, true);
        break;
      case 'K':
        out += offsetText(d, true, true);
        break;
      case 'g':
        out += 'A.D.';
        break;
      case ':':
      case '/':
        out += c.repeat(len);
        break;
      case "'":
      case '"': {
        const end = fmt.indexOf(c, i + 1);
        const stop = end < 0 ? fmt.length : end;
        out += fmt.slice(i + 1, stop);
        j = stop + 1;
        break;
      }
      case '\\':
        out += fmt[i + 1] ?? '';
        j = i + 2;
        break;
      case '%':
        j = i + 1;
        break;
      default:
        out += fmt.slice(i, j);
    }
    i = j;
  }
  return out;
}
