// Numeric arithmetic with pwsh's type rules: Int32 widens to Double on overflow, Int64 likewise, any Double
// operand makes a Double, Decimal stays exact (scaled bigint).
import { PSException, runtimeError } from '../errors.js';
import { PSChar, PSDecimal, PSDouble, PSNumber, isInt32, makeDouble, INT32_MAX, INT32_MIN } from './numbers.js';

/** Operand kinds after the usual arithmetic conversions. */
const enum Kind {
  Int32 = 0,
  Int64 = 1,
  Double = 2,
  // A Decimal operand makes the operation Decimal even with a Double (pwsh's usual arithmetic conversions).
  Decimal = 3,
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** Kind of an already-numeric operand (from toNumber). */
function kindOf(v: unknown): Kind {
  if (typeof v === 'number') return isInt32(v) ? Kind.Int32 : Kind.Double;
  if (typeof v === 'bigint') return Kind.Int64;
  if (v instanceof PSDouble) return Kind.Double;
  if (v instanceof PSDecimal) return Kind.Decimal;
  if (v instanceof PSNumber) {
    switch (v.type) {
      case 'Single':
        return Kind.Double;
      case 'UInt32':
      case 'UInt64':
      case 'BigInteger':
        return Kind.Int64;
      default:
        return Kind.Int32;
    }
  }
  return Kind.Int32;
}

function asNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PSDouble) return v.value;
  if (v instanceof PSDecimal || v instanceof PSNumber || v instanceof PSChar) return v.valueOf();
  return Number(v);
}

function asBigInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (v instanceof PSNumber && typeof v.value === 'bigint') return v.value;
  return BigInt(Math.trunc(asNumber(v)));
}

export function asDecimal(v: unknown): PSDecimal {
  if (v instanceof PSDecimal) return v;
  if (typeof v === 'bigint') return new PSDecimal(v, 0);
  if (v instanceof PSNumber && typeof v.value === 'bigint') return new PSDecimal(v.value, 0);
  const n = asNumber(v);
  return Number.isInteger(n) && Math.abs(n) < 2 ** 53 ? new PSDecimal(BigInt(n), 0) : PSDecimal.fromNumber(n);
}

/** Largest precision .NET decimal keeps (28-29 significant digits). */
const DECIMAL_MAX_DIGITS = 28;

function rescale(d: PSDecimal, scale: number): bigint {
  return scale === d.scale ? d.mantissa : d.mantissa * 10n ** BigInt(scale - d.scale);
}

function decimalAdd(a: PSDecimal, b: PSDecimal, sign: 1n | -1n): PSDecimal {
  const s = Math.max(a.scale, b.scale);
  return new PSDecimal(rescale(a, s) + sign * rescale(b, s), s);
}

function absBig(x: bigint): bigint {
  return x < 0n ? -x : x;
}

/** Round a decimal to at most 28 significant digits (banker's rounding like System.Decimal). */
function limitDecimal(mant: bigint, scale: number): PSDecimal {
  let digits = absBig(mant).toString().length;
  while (scale > 0 && (digits > DECIMAL_MAX_DIGITS + 1 || scale > 28)) {
    mant = divRoundHalfEven(mant, 10n);
    scale--;
    digits--;
  }
  return new PSDecimal(mant, scale);
}

function divRoundHalfEven(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r === 0n) return q;
  const twice = absBig(r) * 2n;
  const bAbs = absBig(b);
  const sign = (a < 0n) !== (b < 0n) ? -1n : 1n;
  if (twice > bAbs || (twice === bAbs && q % 2n !== 0n)) return q + sign;
  return q;
}

function decimalDivide(a: PSDecimal, b: PSDecimal): PSDecimal {
  // Scale up the dividend so the quotient carries 28 significant digits, then drop trailing zeros.
  const extra = 30;
  const num = a.mantissa * 10n ** BigInt(extra + b.scale);
  const den = b.mantissa * 10n ** BigInt(a.scale);
  let mant = divRoundHalfEven(num, den);
  let scale = extra;
  let res = limitDecimal(mant, scale);
  mant = res.mantissa;
  scale = res.scale;
  while (scale > 0 && mant % 10n === 0n) {
    mant /= 10n;
    scale--;
  }
  res = new PSDecimal(mant, scale);
  return res;
}

export function divideByZeroError(): Error {
  const err = runtimeError('Attempted to divide by zero.', 'RuntimeException', {
    category: 'NotSpecified',
    exceptionType: 'System.Management.Automation.RuntimeException',
  });
  const ex = (err as unknown as { errorRecord: { Exception: { InnerException: unknown } } }).errorRecord.Exception;
  // pwsh wraps the DivideByZeroException; typed catch looks at the inner exception too.
  ex.InnerException = makeInner('Attempted to divide by zero.', 'System.DivideByZeroException');
  return err;
}

function makeInner(message: string, typeName: string): PSException {
  return new PSException(message, typeName);
}

function int64Result(b: bigint): unknown {
  return b < I64_MIN || b > I64_MAX ? Number(b) : b;
}

export type ArithOp = '+' | '-' | '*' | '/' | '%';

/** Arithmetic on two numeric operands (already converted with toNumber). */
export function numericOp(op: ArithOp, l: unknown, r: unknown): unknown {
  if (typeof l === 'number' && typeof r === 'number' && isInt32(l) && isInt32(r)) return int32Op(op, l, r);
  const kind = Math.max(kindOf(l), kindOf(r)) as Kind;
  if (kind === Kind.Int64 && (isBigInteger(l) || isBigInteger(r))) return bigIntegerOp(op, asBigInt(l), asBigInt(r));
  switch (kind) {
    case Kind.Int32:
      return int32Op(op, asNumber(l), asNumber(r));
    case Kind.Int64: {
      const a = asBigInt(l);
      const b = asBigInt(r);
      switch (op) {
        case '+':
          return int64Result(a + b);
        case '-':
          return int64Result(a - b);
        case '*':
          return int64Result(a * b);
        case '/':
          if (b === 0n) throw divideByZeroError();
          if (a % b === 0n) return int64Result(a / b);
          return Number(a) / Number(b);
        case '%':
          if (b === 0n) throw divideByZeroError();
          return a % b;
      }
      break;
    }
    case Kind.Decimal: {
      const a = asDecimal(l);
      const b = asDecimal(r);
      switch (op) {
        case '+':
          return decimalAdd(a, b, 1n);
        case '-':
          return decimalAdd(a, b, -1n);
        case '*':
          return limitDecimal(a.mantissa * b.mantissa, a.scale + b.scale);
        case '/':
          if (b.mantissa === 0n) throw divideByZeroError();
          return decimalDivide(a, b);
        case '%': {
          if (b.mantissa === 0n) throw divideByZeroError();
          const s = Math.max(a.scale, b.scale);
          return new PSDecimal(rescale(a, s) % rescale(b, s), s);
        }
      }
      break;
    }
  }
  const a = asNumber(l);
  const b = asNumber(r);
  switch (op) {
    case '+':
      return makeDouble(a + b);
    case '-':
      return makeDouble(a - b);
    case '*':
      return makeDouble(a * b);
    // Double division follows IEEE (1/0.0 is Infinity, 0/0.0 and 1%0.0 NaN); only integer and decimal ops throw.
    case '/':
      return makeDouble(a / b);
    case '%':
      return makeDouble(a % b);
  }
  return null;
}

function isBigInteger(v: unknown): boolean {
  return v instanceof PSNumber && v.type === 'BigInteger';
}

/** BigInteger with an integer operand: BigInteger's own operators (exact, division truncates toward zero). */
function bigIntegerOp(op: ArithOp, a: bigint, b: bigint): PSNumber {
  if ((op === '/' || op === '%') && b === 0n) throw divideByZeroError();
  const r = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : op === '/' ? a / b : a % b;
  return new PSNumber('BigInteger', r);
}

/** Two Int32 operands: Int32 result, or Double when it does not fit (a plain non-Int32 number is a Double). */
function int32Op(op: ArithOp, a: number, b: number): unknown {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*': {
      const p = a * b;
      return Object.is(p, -0) ? 0 : p;
    }
    case '/': {
      if (b === 0) throw divideByZeroError();
      const q = a / b;
      // An exact quotient stays Int32 (6/3 → 2); otherwise a Double (5/2 → 2.5).
      return Object.is(q, -0) ? 0 : q;
    }
    case '%': {
      if (b === 0) throw divideByZeroError();
      const m = a % b;
      return Object.is(m, -0) ? 0 : m;
    }
  }
}

/** Unary minus on a numeric operand. */
export function numericNegate(v: unknown): unknown {
  if (typeof v === 'number') {
    if (isInt32(v)) return v === 0 ? 0 : -v; // -(-2147483648) is a Double, as in pwsh
    return -v;
  }
  if (typeof v === 'bigint') return int64Result(-v);
  if (v instanceof PSDouble) return makeDouble(-v.value);
  if (v instanceof PSDecimal) return new PSDecimal(-v.mantissa, v.scale);
  if (v instanceof PSNumber) {
    if (v.type === 'Single') return new PSNumber('Single', -(v.value as number));
    if (typeof v.value === 'bigint') return int64Result(-v.value);
    return numericOp('-', 0, v.value);
  }
  return numericOp('-', 0, v);
}

/** Compare two numeric operands in their common type: -1, 0, 1 (NaN sorts first, as in .NET). */
export function numericCompare(l: unknown, r: unknown): number {
  if (typeof l === 'number' && typeof r === 'number') return cmpNum(l, r);
  const kind = Math.max(kindOf(l), kindOf(r)) as Kind;
  if (kind === Kind.Int64) {
    const a = asBigInt(l);
    const b = asBigInt(r);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (kind === Kind.Decimal) {
    const a = asDecimal(l);
    const b = asDecimal(r);
    const s = Math.max(a.scale, b.scale);
    const x = rescale(a, s);
    const y = rescale(b, s);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return cmpNum(asNumber(l), asNumber(r));
}

function cmpNum(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  // NaN: .NET orders NaN before every other value and equal to itself.
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  return an && bn ? 0 : an ? -1 : 1;
}

/** Integer operand for bitwise operators: Int32 or Int64 (bigint). Doubles are rounded half to even. */
export function toIntegral(v: unknown): number | bigint {
  if (typeof v === 'number') {
    if (isInt32(v)) return v;
    const r = roundHalfEven(v);
    return r >= INT32_MIN && r <= INT32_MAX ? r : BigInt(r);
  }
  if (typeof v === 'bigint') return v;
  if (v instanceof PSNumber) return typeof v.value === 'bigint' ? v.value : v.type === 'Single' ? roundHalfEven(v.value) : v.value;
  if (v instanceof PSDouble) return v.value;
  if (v instanceof PSDecimal) {
    const n = roundHalfEven(v.valueOf());
    return n >= INT32_MIN && n <= INT32_MAX ? n : BigInt(n);
  }
  return Math.trunc(Number(v));
}

/** Math.Round's default (to even) — used for [int] conversions of doubles. */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
