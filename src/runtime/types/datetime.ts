// System.DateTime (a JS Date plus a Kind) and System.TimeSpan (ticks-based), with .NET formatting and parsing.

export type DateTimeKind = 'Unspecified' | 'Utc' | 'Local';

const kinds = new WeakMap<Date, DateTimeKind>();
const TICKS_PER_MS = 10000;
/** Milliseconds between 0001-01-01 and 1970-01-01. */
const EPOCH_OFFSET_MS = 62135596800000;

/** A DateTime value: `ms` is the JS time value (UTC instant); Local is the default kind. */
export function makeDate(ms: number, kind: DateTimeKind = 'Local'): Date {
  const d = new Date(ms);
  if (kind !== 'Local') kinds.set(d, kind);
  return d;
}

export function dateKind(d: Date): DateTimeKind {
  return kinds.get(d) ?? 'Local';
}

export type DisplayHint = 'Date' | 'Time' | 'DateTime';
// Get-Date's DisplayHint note: pwsh wraps its output in a PSObject carrying it; awsh tags the fresh Date instead
// (methods such as AddDays return new Dates, which, like pwsh's unwrapped results, carry no hint).
const hints = new WeakMap<Date, DisplayHint>();
export function setDisplayHint(d: Date, hint: DisplayHint): void {
  hints.set(d, hint);
}
export function displayHintOf(d: Date): DisplayHint | null {
  return hints.get(d) ?? null;
}

/** The DateTime type's `DateTime` script property: long date and/or long time, as the DisplayHint asks. */
export function dateTimeDisplay(d: Date): string {
  const hint = hints.get(d);
  if (hint === 'Date') return formatDateTime(d, 'D');
  if (hint === 'Time') return formatDateTime(d, 'T');
  return formatDateTime(d, 'F');
}

/** A DateTime from calendar parts, read as local wall-clock time (Local/Unspecified) or UTC. */
export function dateFromParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, kind: DateTimeKind = 'Unspecified'): Date {
  const date = new Date(0);
  if (kind === 'Utc') {
    date.setUTCFullYear(y, mo - 1, d);
    date.setUTCHours(h, mi, s, ms);
  } else {
    date.setFullYear(y, mo - 1, d);
    date.setHours(h, mi, s, ms);
  }
  return makeDate(date.getTime(), kind);
}

/** Calendar parts in the date's own kind (UTC fields for Utc, local fields otherwise). */
export interface DateParts {
  year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number; dow: number;
}
export function dateParts(d: Date): DateParts {
  if (dateKind(d) === 'Utc')
    return {
      year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(),
      minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds(), dow: d.getUTCDay(),
    };
  return {
    year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(),
    minute: d.getMinutes(), second: d.getSeconds(), ms: d.getMilliseconds(), dow: d.getDay(),
  };
}

/** Wall-clock milliseconds since 1970 in the date's kind (local time for Local/Unspecified). */
function wallMs(d: Date): number {
  return dateKind(d) === 'Utc' ? d.getTime() : d.getTime() - d.getTimezoneOffset() * 60000;
}

/** DateTime.Ticks: 100ns units since 0001-01-01 of the wall-clock time. */
export function dateTicks(d: Date): bigint {
  // BigInt before scaling: tick counts exceed 2^53, so a double product would lose the low digits.
  return BigInt(wallMs(d) + EPOCH_OFFSET_MS) * BigInt(TICKS_PER_MS);
}

export function dateFromTicks(ticks: number, kind: DateTimeKind = 'Unspecified'): Date {
  const wall = ticks / TICKS_PER_MS - EPOCH_OFFSET_MS;
  if (kind === 'Utc') return makeDate(wall, 'Utc');
  const probe = new Date(wall);
  // Convert wall-clock to instant using the offset at that moment.
  return makeDate(wall + probe.getTimezoneOffset() * 60000, kind);
}

export function toUniversal(d: Date): Date {
  return makeDate(d.getTime(), 'Utc');
}
export function toLocal(d: Date): Date {
  return makeDate(d.getTime(), 'Local');
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Add months keeping the day clamped to the month's length, as DateTime.AddMonths does. */
export function addMonths(d: Date, months: number): Date {
  const p = dateParts(d);
  const total = p.year * 12 + (p.month - 1) + Math.trunc(months);
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const day = Math.min(p.day, daysInMonth(y, m));
  return dateFromParts(y, m, day, p.hour, p.minute, p.second, p.ms, dateKind(d));
}

/** DateTime + TimeSpan (the `+` operator). */
export function addDateTime(d: Date, ts: TimeSpan): Date {
  return makeDate(d.getTime() + ts.Ticks / TICKS_PER_MS, dateKind(d));
}

/** DateTime - DateTime → TimeSpan; DateTime - TimeSpan → DateTime (the `-` operator). Wall-clock based like .NET. */
export function subtractDateTime(d: Date, other: Date | TimeSpan): Date | TimeSpan {
  if (other instanceof TimeSpan) return makeDate(d.getTime() - other.Ticks / TICKS_PER_MS, dateKind(d));
  return new TimeSpan(Math.round((wallMs(d) - wallMs(other)) * TICKS_PER_MS));
}

/** Banker's rounding, as Math.Round(double) in .NET's TimeSpan operators. */
function roundTicks(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
}

/** TimeSpan * factor and TimeSpan / divisor (.NET's operators, ticks rounded to even); TimeSpan / TimeSpan is a ratio. */
export function scaleTimeSpan(ts: TimeSpan, op: '*' | '/', by: number | TimeSpan): TimeSpan | number {
  if (by instanceof TimeSpan) return ts.Ticks / by.Ticks;
  return new TimeSpan(roundTicks(op === '*' ? ts.Ticks * by : ts.Ticks / by));
}

// -------------------------------------------------------------------------------------------------
// TimeSpan

export class TimeSpan {
  static readonly TicksPerMillisecond = 10000;
  static readonly TicksPerSecond = 10000000;
  static readonly TicksPerMinute = 600000000;
  static readonly TicksPerHour = 36000000000;
  static readonly TicksPerDay = 864000000000;
  constructor(readonly Ticks: number) {}

  /** The right operand of -eq/-lt converted to TimeSpan (LanguagePrimitives): a TimeSpan, text, or ticks. */
  private static coerce(o: unknown): TimeSpan | null {
    if (o instanceof TimeSpan) return o;
    if (typeof o === 'string') return parseTimeSpan(o);
    if (typeof o === 'number' || typeof o === 'bigint') return new TimeSpan(Number(o));
    return null;
  }
  equals(o: unknown): boolean {
    return TimeSpan.coerce(o)?.Ticks === this.Ticks;
  }
  compareTo(o: unknown): number {
    if (o === null || o === undefined) return 1;
    const t = TimeSpan.coerce(o);
    if (!t) throw new TypeError(`Object must be of type TimeSpan.`);
    return Math.sign(this.Ticks - t.Ticks);
  }

  static fromParts(days: number, hours: number, minutes: number, seconds: number, ms = 0): TimeSpan {
    return new TimeSpan(
      Math.round(((((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000 + ms) * TICKS_PER_MS),
    );
  }
  get Days(): number {
    return Math.trunc(this.Ticks / TimeSpan.TicksPerDay);
  }
  get Hours(): number {
    return Math.trunc((this.Ticks % TimeSpan.TicksPerDay) / TimeSpan.TicksPerHour);
  }
  get Minutes(): number {
    return Math.trunc((this.Ticks % TimeSpan.TicksPerHour) / TimeSpan.TicksPerMinute);
  }
  get Seconds(): number {
    return Math.trunc((this.Ticks % TimeSpan.TicksPerMinute) / TimeSpan.TicksPerSecond);
  }
  get Milliseconds(): number {
    return Math.trunc((this.Ticks % TimeSpan.TicksPerSecond) / TICKS_PER_MS);
  }
  get Microseconds(): number {
    return Math.trunc((this.Ticks % TICKS_PER_MS) / 10);
  }
  get Nanoseconds(): number {
    return (this.Ticks % 10) * 100;
  }
  get TotalMicroseconds(): number {
    return this.Ticks / 10;
  }
  get TotalNanoseconds(): number {
    return this.Ticks * 100;
  }
  get TotalDays(): number {
    return this.Ticks / TimeSpan.TicksPerDay;
  }
  get TotalHours(): number {
    return this.Ticks / TimeSpan.TicksPerHour;
  }
  get TotalMinutes(): number {
    return this.Ticks / TimeSpan.TicksPerMinute;
  }
  get TotalSeconds(): number {
    return this.Ticks / TimeSpan.TicksPerSecond;
  }
  get TotalMilliseconds(): number {
    return this.Ticks / TICKS_PER_MS;
  }
  /** .NET "c" format: `[-][d.]hh:mm:ss[.fffffff]`. */
  toString(): string {
    const neg = this.Ticks < 0;
    const t = Math.abs(this.Ticks);
    const days = Math.floor(t / TimeSpan.TicksPerDay);
    const h = Math.floor((t % TimeSpan.TicksPerDay) / TimeSpan.TicksPerHour);
    const m = Math.floor((t % TimeSpan.TicksPerHour) / TimeSpan.TicksPerMinute);
    const s = Math.floor((t % TimeSpan.TicksPerMinute) / TimeSpan.TicksPerSecond);
    const frac = Math.round(t % TimeSpan.TicksPerSecond);
    let out = (neg ? '-' : '') + (days ? `${days}.` : '') + `${pad2(h)}:${pad2(m)}:${pad2(s)}`;
    if (frac) out += '.' + String(frac).padStart(7, '0');
    return out;
  }
  valueOf(): number {
    return this.Ticks;
  }
}


function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** TimeSpan.Parse: `[-][d.]hh:mm[:ss[.fffffff]]` or a day count. Returns null when invalid. */
export function parseTimeSpan(text: string): TimeSpan | null {
  const s = text.trim();
  const m = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?$/.exec(s);
  if (m) {
    const [, neg, d, h, mi, sec, frac] = m;
    if (+h! > 23 || +mi! > 59 || (sec && +sec > 59)) return null;
    const ticks =
      TimeSpan.fromParts(+(d ?? 0), +h!, +mi!, +(sec ?? 0)).Ticks + (frac ? +frac.padEnd(7, '0') : 0);
    return new TimeSpan(neg ? -ticks : ticks);
  }
  const days = /^(-)?(\d+)$/.exec(s);
  if (days) return TimeSpan.fromParts(+(days[1] ? -days[2]! : days[2]!), 0, 0, 0);
  return null;
}

// -------------------------------------------------------------------------------------------------
// Formatting (en-US / invariant calendar names)

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const STANDARD_FORMATS: Record<string, string> = {
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
  u: "yyyy'-'MM'-'dd HH':'mm':'ss'Z'",
};

/** DateTime.ToString(format) with .NET standard and custom format strings (en-US culture). */
export function formatDateTime(d: Date, format?: string | null): string {
  if (!format) format = 'G';
  if (format.length === 1) {
    if (format === 'o' || format === 'O') return roundTrip(d);
    if (format === 'r' || format === 'R') return d.toUTCString().replace('GMT', 'GMT');
    if (format === 'U') return formatCustom(toUniversal(d), STANDARD_FORMATS.F!);
    if (format === 'u') return formatCustom(dateKind(d) === 'Local' ? toUniversal(d) : d, STANDARD_FORMATS.u!);
    const std = STANDARD_FORMATS[format];
    if (std) return formatCustom(d, std);
  }
  return formatCustom(d, format);
}

function roundTrip(d: Date): string {
  const p = dateParts(d);
  const base = `${String(p.year).padStart(4, '0')}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}.${String(p.ms * 10000).padStart(7, '0')}`;
  const kind = dateKind(d);
  return kind === 'Utc' ? base + 'Z' : kind === 'Local' ? base + offsetText(d, true) : base;
}

function offsetText(d: Date, colon: boolean, hoursOnly = false, padHours = true): string {
  if (dateKind(d) === 'Utc') return hoursOnly ? '+0' : colon ? '+00:00' : '+0000';
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  const h = Math.floor(a / 60);
  if (hoursOnly) return sign + (padHours ? pad2(h) : String(h));
  return sign + pad2(h) + (colon ? ':' : '') + pad2(a % 60);
}

function formatCustom(d: Date, f: string): string {
  const p = dateParts(d);
  let out = '';
  let i = 0;
  while (i < f.length) {
    const c = f[i]!;
    if (c === "'" || c === '"') {
      const end = f.indexOf(c, i + 1);
      out += end < 0 ? f.slice(i + 1) : f.slice(i + 1, end);
      i = end < 0 ? f.length : end + 1;
      continue;
    }
    if (c === '\\') {
      out += f[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (c === '%') {
      i++;
      continue;
    }
    let n = 1;
    while (f[i + n] === c) n++;
    i += n;
    switch (c) {
      case 'y':
        out += n <= 2 ? (n === 1 ? String(p.year % 100) : pad2(p.year % 100)) : String(p.year).padStart(n, '0');
        break;
      case 'M':
        out += n === 1 ? String(p.month) : n === 2 ? pad2(p.month) : n === 3 ? MONTH_NAMES[p.month - 1]!.slice(0, 3) : MONTH_NAMES[p.month - 1]!;
        break;
      case 'd':
        out += n === 1 ? String(p.day) : n === 2 ? pad2(p.day) : n === 3 ? DAY_NAMES[p.dow]!.slice(0, 3) : DAY_NAMES[p.dow]!;
        break;
      case 'H':
        out += n === 1 ? String(p.hour) : pad2(p.hour);
        break;
      case 'h': {
        const h12 = p.hour % 12 || 12;
        out += n === 1 ? String(h12) : pad2(h12);
        break;
      }
      case 'm':
        out += n === 1 ? String(p.minute) : pad2(p.minute);
        break;
      case 's':
        out += n === 1 ? String(p.second) : pad2(p.second);
        break;
      case 'f':
      case 'F': {
        let digits = String(p.ms).padStart(3, '0').padEnd(7, '0').slice(0, n);
        if (c === 'F') digits = digits.replace(/0+$/, '');
        out += digits;
        break;
      }
      case 't':
        out += n === 1 ? (p.hour < 12 ? 'A' : 'P') : p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += n === 1 ? offsetText(d, false, true, false) : n === 2 ? offsetText(d, false, true) : offsetText(d, true);
        break;
      case 'K': {
        const k = dateKind(d);
        out += k === 'Utc' ? 'Z' : k === 'Local' ? offsetText(d, true) : '';
        break;
      }
      case 'g':
        out += 'A.D.';
        break;
      default:
        out += c.repeat(n);
    }
  }
  return out;
}

// -------------------------------------------------------------------------------------------------
// Parsing (invariant culture: month/day/year)

const MONTH_LOOKUP = new Map<string, number>();
MONTH_NAMES.forEach((m, i) => {
  MONTH_LOOKUP.set(m.toLowerCase(), i + 1);
  MONTH_LOOKUP.set(m.slice(0, 3).toLowerCase(), i + 1);
});

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && y >= 1 && y <= 9999 && d <= daysInMonth(y, mo) && h < 24 && mi < 60 && s < 60;
}

/** Parts followed by a zone designator (`Z`, `+01:00`): .NET converts the instant to local time (Kind Local). */
function zoned(zone: string, y: number, mo: number, d: number, h: number, mi: number, sec: number, ms: number): Date {
  const utc = dateFromParts(y, mo, d, h, mi, sec, ms, 'Utc').getTime();
  let offMin = 0;
  if (zone.toUpperCase() !== 'Z') {
    const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)!;
    offMin = (z[1] === '-' ? -1 : 1) * (+z[2]! * 60 + +z[3]!);
  }
  return makeDate(utc - offMin * 60000, 'Local');
}

/** DateTime.Parse with the invariant culture. Returns null when the text is not a date. */
export function parseDateTime(text: string): Date | null {
  const s = text.trim();
  // ISO 8601
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    const [y, mo, d, h, mi, sec] = [+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)];
    if (!validParts(y, mo, d, h, mi, sec)) return null;
    const ms = m[7] ? Math.round(+m[7].padEnd(7, '0') / 10000) : 0;
    if (m[8]) return zoned(m[8], y, mo, d, h, mi, sec, ms);
    return dateFromParts(y, mo, d, h, mi, sec, ms, 'Unspecified');
  }
  // M/d/yyyy [h:mm[:ss] [AM|PM]] and yyyy/M/d
  m = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?\s*([AaPp][Mm])?)?$/.exec(s);
  if (m) {
    let y: number, mo: number, d: number;
    if (m[1]!.length === 4) [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
    else [mo, d, y] = [+m[1]!, +m[2]!, +m[3]!];
    if (m[3]!.length <= 2 && m[1]!.length !== 4) y += y < 50 ? 2000 : 1900;
    let h = +(m[4] ?? 0);
    if (m[8]) {
      if (h > 12) return null;
      h = (h % 12) + (m[8].toLowerCase() === 'pm' ? 12 : 0);
    }
    const mi = +(m[5] ?? 0);
    const sec = +(m[6] ?? 0);
    if (!validParts(y, mo, d, h, mi, sec)) return null;
    return dateFromParts(y, mo, d, h, mi, sec, m[7] ? Math.round(+m[7].padEnd(7, '0') / 10000) : 0);
  }
  // "January 15, 2024 [10:30[:00] [AM]]", "15 January 2024", "Monday, January 15, 2024 ..."
  m = /^(?:[A-Za-z]+,\s*)?(?:([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4}))(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (m) {
    const mo = MONTH_LOOKUP.get((m[1] ?? m[5])!.toLowerCase());
    if (!mo) return null;
    const d = +(m[2] ?? m[4])!;
    const y = +(m[3] ?? m[6])!;
    let h = +(m[7] ?? 0);
    if (m[10]) h = (h % 12) + (m[10].toLowerCase() === 'pm' ? 12 : 0);
    const mi = +(m[8] ?? 0);
    const sec = +(m[9] ?? 0);
    if (!validParts(y, mo, d, h, mi, sec)) return null;
    if (m[11]) return zoned(m[11], y, mo, d, h, mi, sec, 0);
    return dateFromParts(y, mo, d, h, mi, sec);
  }
  // time only: today's date
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(s);
  if (m) {
    let h = +m[1]!;
    if (m[4]) h = (h % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
    const now = new Date();
    if (h > 23 || +m[2]! > 59 || +(m[3] ?? 0) > 59) return null;
    return dateFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate(), h, +m[2]!, +(m[3] ?? 0));
  }
  return null;
}

/** System.Globalization.DateTimeStyles flags ParseExact honours. */
export const DTS_ADJUST_TO_UNIVERSAL = 16;
export const DTS_ASSUME_LOCAL = 32;
export const DTS_ASSUME_UNIVERSAL = 64;
export const DTS_ROUNDTRIP_KIND = 128;

/**
 * The DateTime for parsed parts and an optional UTC offset (minutes; 'Z' is 0), by .NET's rules: a zone makes a
 * Local time (Utc with AdjustToUniversal; with RoundtripKind a 'Z' stays Utc); no zone is Unspecified unless a
 * style assumes one.
 */
function zonedDate(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number | null, isZ: boolean, styles: number): Date {
  if (offset === null) {
    if (styles & DTS_ASSUME_UNIVERSAL) offset = 0;
    else if (styles & DTS_ASSUME_LOCAL) {
      const local = dateFromParts(y, mo, d, h, mi, s, ms, 'Local');
      return styles & DTS_ADJUST_TO_UNIVERSAL ? makeDate(local.getTime(), 'Utc') : local;
    } else return dateFromParts(y, mo, d, h, mi, s, ms, styles & DTS_ADJUST_TO_UNIVERSAL ? 'Utc' : 'Unspecified');
  }
  const utc = dateFromParts(y, mo, d, h, mi, s, ms, 'Utc').getTime() - offset * 60000;
  if (styles & DTS_ADJUST_TO_UNIVERSAL || (isZ && styles & DTS_ROUNDTRIP_KIND)) return makeDate(utc, 'Utc');
  return makeDate(utc, 'Local');
}

/** DateTime.ParseExact with a custom format (subset: y M d H h m s f F t z K, literals). */
export function parseDateTimeExact(text: string, format: string, styles = 0): Date | null {
  if (format.length === 1 && STANDARD_FORMATS[format]) format = STANDARD_FORMATS[format]!;
  let re = '^';
  const fields: string[] = [];
  let i = 0;
  while (i < format.length) {
    const c = format[i]!;
    if (c === "'" || c === '"') {
      const end = format.indexOf(c, i + 1);
      const lit = end < 0 ? format.slice(i + 1) : format.slice(i + 1, end);
      re += lit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    if (c === '\\') {
      re += (format[i + 1] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i += 2;
      continue;
    }
    let n = 1;
    while (format[i + n] === c) n++;
    i += n;
    if (c === 'z' || c === 'K') {
      fields.push(c + n);
      re += c === 'K' ? '(Z|[+-]\\d{2}:\\d{2})?' : n === 1 ? '([+-]\\d{1,2})' : n === 2 ? '([+-]\\d{2})' : '([+-]\\d{2}:\\d{2})';
      continue;
    }
    if (c === 'F') {
      fields.push('f' + n);
      // The '.' before optional fraction digits is optional too (.NET's ParseExact skips it).
      if (re.endsWith('\\.')) re = re.slice(0, -2) + `(?:\\.(\\d{0,${n}}))?`;
      else re += `(\\d{0,${n}})`;
      continue;
    }
    if ('yMdHhmsft'.includes(c)) {
      fields.push(c + n);
      if (c === 'M' && n >= 3) re += '([A-Za-z]+)';
      else if (c === 'd' && n >= 3) {
        fields[fields.length - 1] = 'ddd';
        re += '([A-Za-z]+)';
      } else if (c === 't') re += '([AaPp][Mm]?)';
      else if (c === 'f') re += `(\\d{${n}})`;
      else if (c === 'y' && n >= 3) re += `(\\d{${n}})`;
      else re += n === 1 ? '(\\d{1,2})' : `(\\d{${n}})`;
    } else re += c.repeat(n).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const m = new RegExp(re + '$').exec(text);
  if (!m) return null;
  let y = 1, mo = 1, d = 1, h = 0, mi = 0, s = 0, ms = 0;
  let pm: boolean | null = null;
  let offset: number | null = null;
  let isZ = false;
  fields.forEach((f, idx) => {
    const v = m[idx + 1] ?? '';
    const c = f[0];
    if ((c === 'z' || c === 'K') && v !== '') {
      isZ = v === 'Z';
      const z = /^([+-])(\d{1,2})(?::(\d{2}))?$/.exec(v);
      offset = z ? (z[1] === '-' ? -1 : 1) * (+z[2]! * 60 + +(z[3] ?? 0)) : 0;
      return;
    }
    if (c === 'y') y = f === 'y1' || f === 'y2' ? 2000 + +v : +v;
    else if (c === 'M') mo = /^\d+$/.test(v) ? +v : MONTH_LOOKUP.get(v.toLowerCase()) ?? 0;
    else if (f === 'ddd') void 0;
    else if (c === 'd') d = +v;
    else if (c === 'H' || c === 'h') h = +v;
    else if (c === 'm') mi = +v;
    else if (c === 's') s = +v;
    else if (c === 'f') ms = v === '' ? 0 : Math.round(+v.padEnd(7, '0') / 10000);
    else if (c === 't') pm = v[0]!.toLowerCase() === 'p';
  });
  if (pm !== null) h = (h % 12) + (pm ? 12 : 0);
  if (!validParts(y, mo, d, h, mi, s)) return null;
  return zonedDate(y, mo, d, h, mi, s, ms, offset, isZ, styles);
}
