// System.DateTimeOffset: an instant (JS milliseconds, so sub-millisecond ticks are lost) plus a UTC offset.
import { TYPE_NAME } from './simple-values.js';
import { TimeSpan, dateFromParts, dateParts, formatDateTime, makeDate, dateKind } from './datetime.js';
import { DotNetError } from './method-errors.js';
import { argNum } from './method-args.js';

const MS_PER_MIN = 60000;


export class PSDateTimeOffset {
  readonly [TYPE_NAME] = 'System.DateTimeOffset';
  constructor(
    /** The instant, as JS milliseconds since 1970 UTC. */
    readonly utcMs: number,
    /** Minutes east of UTC. */
    readonly offsetMinutes: number,
  ) {}

  /** The wall-clock time at the offset (Kind Unspecified). */
  get DateTime(): Date {
    const w = new Date(this.utcMs + this.offsetMinutes * MS_PER_MIN);
    return dateFromParts(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds(), 'Unspecified');
  }
  get UtcDateTime(): Date {
    return makeDate(this.utcMs, 'Utc');
  }
  get LocalDateTime(): Date {
    return makeDate(this.utcMs, 'Local');
  }
  get Offset(): TimeSpan {
    return TimeSpan.fromParts(0, 0, this.offsetMinutes, 0);
  }
  private get parts() {
    return dateParts(this.DateTime);
  }
  get Year(): number {
    return this.parts.year;
  }
  get Month(): number {
    return this.parts.month;
  }
  get Day(): number {
    return this.parts.day;
  }
  get Hour(): number {
    return this.parts.hour;
  }
  get Minute(): number {
    return this.parts.minute;
  }
  get Second(): number {
    return this.parts.second;
  }
  get Millisecond(): number {
    return this.parts.ms;
  }
  ToUnixTimeSeconds(): bigint {
    return BigInt(Math.floor(this.utcMs / 1000));
  }
  ToUnixTimeMilliseconds(): bigint {
    return BigInt(Math.floor(this.utcMs));
  }
  AddTicks(n: unknown): PSDateTimeOffset {
    return this.added('AddTicks', n, 1 / 10000);
  }
  AddMilliseconds(n: unknown): PSDateTimeOffset {
    return this.added('AddMilliseconds', n, 1);
  }
  AddSeconds(n: unknown): PSDateTimeOffset {
    return this.added('AddSeconds', n, 1000);
  }
  AddMinutes(n: unknown): PSDateTimeOffset {
    return this.added('AddMinutes', n, MS_PER_MIN);
  }
  AddHours(n: unknown): PSDateTimeOffset {
    return this.added('AddHours', n, 3600000);
  }
  AddDays(n: unknown): PSDateTimeOffset {
    return this.added('AddDays', n, 86400000);
  }
  /** The Add* methods: the argument converts as a .NET method argument (Double), in units of `msPerUnit`. */
  private added(method: string, value: unknown, msPerUnit: number): PSDateTimeOffset {
    return new PSDateTimeOffset(this.utcMs + argNum(method, 'value', value) * msPerUnit, this.offsetMinutes);
  }
  ToUniversalTime(): PSDateTimeOffset {
    return new PSDateTimeOffset(this.utcMs, 0);
  }
  ToLocalTime(): PSDateTimeOffset {
    return new PSDateTimeOffset(this.utcMs, -new Date(this.utcMs).getTimezoneOffset());
  }
  ToOffset(offset: unknown): PSDateTimeOffset {
    return new PSDateTimeOffset(this.utcMs, offsetMinutesOf(offset));
  }
  /** The offset as `+09:00`. */
  offsetText(): string {
    const a = Math.abs(this.offsetMinutes);
    return `${this.offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
  }
  /** ToString(): the wall-clock time in the general format plus the offset (en-US). */
  ToString(format?: unknown): string {
    if (format !== undefined && format !== null) {
      const f = String(format);
      // The round-trip format ends with the offset (the wall-clock DateTime alone has none).
      if (f === 'o' || f === 'O') return formatDateTime(this.DateTime, 'o') + this.offsetText();
      return formatDateTime(this.DateTime, f).replace(/(?<!\+|-)zzz/, this.offsetText());
    }
    return `${formatDateTime(this.DateTime, 'G')} ${this.offsetText()}`;
  }
  toString(): string {
    return this.ToString();
  }
  /** Two DateTimeOffsets are equal when they are the same instant. */
  equals(other: unknown): boolean {
    return other instanceof PSDateTimeOffset && other.utcMs === this.utcMs;
  }
  /** The same instant at the same offset. */
  EqualsExact(other: unknown): boolean {
    return this.equals(other) && (other as PSDateTimeOffset).offsetMinutes === this.offsetMinutes;
  }
}

/** Minutes of a TimeSpan offset argument. */
export function offsetMinutesOf(v: unknown): number {
  if (v instanceof TimeSpan) return Math.round(v.Ticks / TimeSpan.TicksPerMinute);
  throw new DotNetError('System.ArgumentException', 'The offset must be a TimeSpan.');
}

/** A DateTimeOffset from wall-clock parts at an offset. */
export function dateTimeOffsetFromParts(p: number[], offsetMinutes: number): PSDateTimeOffset {
  const wall = dateFromParts(p[0]!, p[1]!, p[2]!, p[3] ?? 0, p[4] ?? 0, p[5] ?? 0, p[6] ?? 0, 'Utc').getTime();
  return new PSDateTimeOffset(wall - offsetMinutes * MS_PER_MIN, offsetMinutes);
}

/** new DateTimeOffset(DateTime[, offset]): a Utc date gets +00:00, others the local offset at that time. */
export function dateTimeOffsetFromDate(d: Date, offset?: unknown): PSDateTimeOffset {
  if (offset !== undefined) {
    const min = offsetMinutesOf(offset);
    const p = dateParts(d);
    return dateTimeOffsetFromParts([p.year, p.month, p.day, p.hour, p.minute, p.second, p.ms], min);
  }
  return new PSDateTimeOffset(d.getTime(), dateKind(d) === 'Utc' ? 0 : -d.getTimezoneOffset());
}

/** Round-trip ISO text (what ConvertTo-Json writes): `2024-06-15T10:30:00[.fff]+09:00`. */
export function dateTimeOffsetIso(v: PSDateTimeOffset): string {
  const p = dateParts(v.DateTime);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const frac = p.ms ? '.' + pad(p.ms, 3).replace(/0+$/, '') : '';
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${frac}${v.offsetText()}`;
}
