// Number literal conversion following pwsh's rules (about_Numeric_Literals):
// type suffixes, multipliers, hex/binary two's-complement, Int32 → Int64 → Decimal → Double widening.
import type { ConstantExpressionAst } from './ast.js';

export interface NumberValue {
  value: ConstantExpressionAst['value'];
  numberType: ConstantExpressionAst['numberType'];
}

const NUMBER_RE =
  /^([+-]?)(?:0x([0-9a-f]+)|0b([01]+)|((?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?))(ul|uy|us|u|l|d|y|s|n)?(kb|mb|gb|tb|pb)?$/i;

const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL_MAX = 2n ** 96n - 1n;
const MULTIPLIERS: Record<string, bigint> = { kb: 1n << 10n, mb: 1n << 20n, gb: 1n << 30n, tb: 1n << 40n, pb: 1n << 50n };

const RANGES: Record<string, [bigint, bigint, ConstantExpressionAst['numberType']]> = {
  y: [-128n, 127n, 'SByte'],
  uy: [0n, 255n, 'Byte'],
  s: [-32768n, 32767n, 'Int16'],
  us: [0n, 65535n, 'UInt16'],
};

/** Shared results for the small integers scripts are full of (results are read-only). */
const SMALL_INTS: (NumberValue | undefined)[] = new Array(256);

/** Parses a PowerShell number literal (optionally signed); null when the text is not a number. */
export function parseNumber(text: string): NumberValue | null {
  // Fast path for the common case, plain decimal digits that fit an Int32: no regex, no BigInt.
  const len = text.length;
  if (len > 0 && len <= 9) {
    let v = 0;
    let i = 0;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    if (i === len) return v < SMALL_INTS.length ? (SMALL_INTS[v] ??= { value: v, numberType: 'Int32' }) : { value: v, numberType: 'Int32' };
  }
  const m = NUMBER_RE.exec(text);
  if (!m) return null;
  const negative = m[1] === '-';
  const suffix = (m[5] ?? '').toLowerCase();
  const mult = m[6] ? MULTIPLIERS[m[6].toLowerCase()]! : 1n;
  if (m[2] !== undefined) return radixLiteral(BigInt('0x' + m[2]), significantBits(m[2], 4), suffix, mult, negative);
  if (m[3] !== undefined) return binaryLiteral(m[3], suffix, mult, negative);
  const body = m[4]!;
  const isReal = /[.e]/i.test(body);
  if (isReal) return realLiteral(body, suffix, mult, negative);
  let v = BigInt(body) * mult;
  if (negative) v = -v;
  return integerOfSuffix(v, suffix);
}

function significantBits(digits: string, bitsPerDigit: number): number {
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed === '') return 0;
  const first = parseInt(trimmed[0]!, bitsPerDigit === 4 ? 16 : 2);
  return (trimmed.length - 1) * bitsPerDigit + (32 - Math.clz32(first));
}

function radixLiteral(raw: bigint, bits: number, suffix: string, mult: bigint, negative: boolean): NumberValue | null {
  let v: bigint;
  let kind: 'int' | 'long' | 'uint' | 'ulong' | 'small' | 'big';
  switch (suffix) {
    case '':
      if (bits <= 32) { v = BigInt.asIntN(32, raw); kind = 'int'; }
      else if (bits <= 64) { v = BigInt.asIntN(64, raw); kind = 'long'; }
      else return null;
      break;
    case 'l':
      if (bits > 64) return null;
      v = BigInt.asIntN(64, raw); kind = 'long';
      break;
    case 'u':
      if (bits <= 32) { v = raw; kind = 'uint'; } else if (bits <= 64) { v = raw; kind = 'ulong'; } else return null;
      break;
    case 'ul':
      if (bits > 64) return null;
      v = raw; kind = 'ulong';
      break;
    case 'n':
      v = raw; kind = 'big';
      break;
    default: {
      const r = RANGES[suffix];
      if (!r) return null;
      const width = suffix === 'y' || suffix === 'uy' ? 8 : 16;
      if (bits > width) return null;
      v = r[0] < 0n ? BigInt.asIntN(width, raw) : raw;
      kind = 'small';
    }
  }
  v *= mult;
  if (negative) v = -v;
  if (kind === 'int') return widenInteger(v);
  if (kind === 'long') return v >= INT64_MIN && v <= INT64_MAX ? { value: v, numberType: 'Int64' } : null;
  return integerOfSuffix(v, suffix === '' ? 'l' : suffix);
}

/** Digit counts at which a binary literal's leading 1 is a sign bit (pwsh's Utils.ParseBinary), besides >= 128. */
const SIGNED_BINARY_LENGTHS = new Set([8, 16, 32, 64, 96]);

/**
 * `0b...`: a leading 1 is a sign bit when the digits are exactly a signed type's width (0b11111111 is -1), unless the
 * suffix is unsigned; 64 digits without a size suffix make a long. The value must then fit the suffix's type, and
 * with no suffix Int32 or Int64 (never Decimal, unlike decimal literals).
 */
function binaryLiteral(digits: string, suffix: string, mult: bigint, negative: boolean): NumberValue | null {
  let v = BigInt('0b' + digits);
  const n = digits.length;
  if (suffix[0] !== 'u' && digits[0] === '1' && (SIGNED_BINARY_LENGTHS.has(n) || n >= 128)) v = BigInt.asIntN(n, v);
  if (n === 64 && (suffix === '' || suffix === 'u')) suffix += 'l';
  v *= mult;
  if (negative) v = -v;
  if (suffix !== '') return integerOfSuffix(v, suffix);
  if (v >= INT32_MIN && v <= INT32_MAX) return { value: Number(v), numberType: 'Int32' };
  return v >= INT64_MIN && v <= INT64_MAX ? { value: v, numberType: 'Int64' } : null;
}

/** Int32 when it fits, then Int64, then Decimal, then Double. */
function widenInteger(v: bigint): NumberValue {
  if (v >= INT32_MIN && v <= INT32_MAX) return { value: Number(v), numberType: 'Int32' };
  if (v >= INT64_MIN && v <= INT64_MAX) return { value: v, numberType: 'Int64' };
  if (v >= -DECIMAL_MAX && v <= DECIMAL_MAX) return { value: v.toString(), numberType: 'Decimal' };
  return { value: Number(v), numberType: 'Double' };
}

function integerOfSuffix(v: bigint, suffix: string): NumberValue | null {
  switch (suffix) {
    case '': return widenInteger(v);
    case 'l': return v >= INT64_MIN && v <= INT64_MAX ? { value: v, numberType: 'Int64' } : null;
    case 'd': return v >= -DECIMAL_MAX && v <= DECIMAL_MAX ? { value: v.toString(), numberType: 'Decimal' } : null;
    case 'u':
      if (v >= 0n && v <= 0xffffffffn) return { value: Number(v), numberType: 'UInt32' };
      if (v >= 0n && v <= 0xffffffffffffffffn) return { value: v, numberType: 'UInt64' };
      return null;
    case 'ul': return v >= 0n && v <= 0xffffffffffffffffn ? { value: v, numberType: 'UInt64' } : null;
    case 'n': return { value: v, numberType: 'BigInteger' };
    default: {
      const r = RANGES[suffix];
      if (!r || v < r[0] || v > r[1]) return null;
      return { value: Number(v), numberType: r[2] };
    }
  }
}

function realLiteral(body: string, suffix: string, mult: bigint, negative: boolean): NumberValue | null {
  if (suffix === 'd') {
    const dec = decimalText(body, mult);
    if (dec === null) return null;
    return { value: negative && !/^0(\.0*)?$/.test(dec) ? '-' + dec : dec, numberType: 'Decimal' };
  }
  let d = Number(body) * Number(mult);
  if (negative) d = -d;
  if (suffix === '') return { value: d, numberType: 'Double' };
  // A real literal with an integer suffix is converted like .NET's Convert.ToInt64(double): rounded to
  // nearest, ties to even (`1.2l` is 1, `2.5l` is 2).
  if (!Number.isFinite(d)) return null;
  return integerOfSuffix(BigInt(roundHalfEven(d)), suffix);
}

/** Exact decimal text of a real literal, keeping the written scale (`1.10` → `1.10`). */
function decimalText(body: string, mult: bigint): string | null {
  const m = /^(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(body);
  if (!m) return null;
  let intPart = m[1] ?? '';
  let frac = m[2] ?? '';
  const exp = m[3] ? parseInt(m[3], 10) : 0;
  if (exp > 0) {
    const shift = Math.min(exp, frac.length);
    intPart += frac.slice(0, shift) + '0'.repeat(exp - shift);
    frac = frac.slice(shift);
  } else if (exp < 0) {
    const pad = -exp;
    const ip = intPart.padStart(pad, '0');
    frac = ip.slice(ip.length - pad) + frac;
    intPart = ip.slice(0, ip.length - pad);
  }
  let mant = BigInt((intPart || '0') + frac) * mult;
  const scale = frac.length;
  if (mant > DECIMAL_MAX) return null;
  let s = mant.toString().padStart(scale + 1, '0');
  if (scale > 0) s = s.slice(0, s.length - scale) + '.' + s.slice(s.length - scale);
  mant = 0n;
  return s;
}

function roundHalfEven(d: number): number {
  const r = Math.round(d);
  return Math.abs(d % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
