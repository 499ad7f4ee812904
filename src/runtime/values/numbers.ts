// Numeric value representation (see docs/architecture.md).
// Int32 is a plain JS integer number, Double a plain non-Int32 number or a PSDouble box,
// Int64 a bigint, Decimal a PSDecimal, the rarer integer types a PSNumber box.

export type NumericTypeName =
  | 'Int32' | 'Int64' | 'Double' | 'Decimal' | 'Single'
  | 'Byte' | 'SByte' | 'Int16' | 'UInt16' | 'UInt32' | 'UInt64' | 'BigInteger';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** A Double whose value is an integer in the Int32 range (otherwise a plain number would be read as Int32). */
export class PSDouble {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
}

/** The rarer numeric types: byte, sbyte, int16, uint16, uint32, uint64, single, BigInteger. */
export class PSNumber {
  constructor(
    readonly type: 'Byte' | 'SByte' | 'Int16' | 'UInt16' | 'UInt32' | 'UInt64' | 'Single' | 'BigInteger',
    /** number for all but UInt64/BigInteger, which use bigint. */
    readonly value: number | bigint,
  ) {}
  valueOf(): number {
    return Number(this.value);
  }
}

/** System.Decimal: an integer mantissa and a scale (number of digits after the point); `1.10d` keeps scale 2. */
export class PSDecimal {
  constructor(
    readonly mantissa: bigint,
    readonly scale: number,
  ) {}
  valueOf(): number {
    return Number(this.mantissa) / 10 ** this.scale;
  }
  toString(): string {
    const neg = this.mantissa < 0n;
    let digits = (neg ? -this.mantissa : this.mantissa).toString();
    if (this.scale > 0) {
      digits = digits.padStart(this.scale + 1, '0');
      digits = digits.slice(0, digits.length - this.scale) + '.' + digits.slice(digits.length - this.scale);
    }
    return (neg ? '-' : '') + digits;
  }
  /** Parse `1.10`, `-3`, `2.5e3` (exponent folded into the scale). */
  static parse(text: string): PSDecimal {
    const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`Invalid decimal: ${text}`);
    const intPart = m[2] || '0';
    const frac = m[3] ?? '';
    let scale = frac.length;
    let mant = BigInt(intPart + frac);
    const exp = m[4] ? parseInt(m[4], 10) : 0;
    if (exp > 0) {
      if (exp >= scale) {
        mant *= 10n ** BigInt(exp - scale);
        scale = 0;
      } else scale -= exp;
    } else if (exp < 0) scale -= exp;
    return new PSDecimal(m[1] === '-' ? -mant : mant, scale);
  }
  static fromNumber(n: number): PSDecimal {
    // Shortest round-trip text, as .NET does when converting a double to decimal (15 significant digits).
    const t = Number.isInteger(n) ? n.toFixed(0) : parseFloat(n.toPrecision(15)).toString();
    return PSDecimal.parse(t);
  }
}

/** System.Char. */
export class PSChar {
  constructor(readonly code: number) {}
  toString(): string {
    return String.fromCharCode(this.code);
  }
  valueOf(): number {
    return this.code;
  }
}

export function isInt32(v: unknown): v is number {
  return typeof v === 'number' && (v | 0) === v && !Object.is(v, -0);
}

/** Make a Double value: boxes integral Int32-range values so they are not read back as Int32. */
export function makeDouble(n: number): number | PSDouble {
  return Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX ? new PSDouble(n) : n;
}


export function isNumeric(v: unknown): boolean {
  return (
    typeof v === 'number' ||
    typeof v === 'bigint' ||
    v instanceof PSDouble ||
    v instanceof PSDecimal ||
    v instanceof PSNumber
  );
}

/** The .NET type name of a numeric value, or null when v is not numeric. */
export function numericTypeOf(v: unknown): NumericTypeName | null {
  if (typeof v === 'number') return isInt32(v) ? 'Int32' : 'Double';
  if (typeof v === 'bigint') return 'Int64';
  if (v instanceof PSDouble) return 'Double';
  if (v instanceof PSDecimal) return 'Decimal';
  if (v instanceof PSNumber) return v.type;
  return null;
}

/** The numeric value as a JS number (lossy for large Int64/Decimal). */
export function toJsNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PSDouble) return v.value;
  if (v instanceof PSDecimal || v instanceof PSNumber || v instanceof PSChar) return v.valueOf();
  return NaN;
}

export { INT32_MIN, INT32_MAX };
