// System.Globalization.CultureInfo: awsh formats as en-US (and the invariant culture where asked), so a culture
// object reports en-US's names, patterns and separators; other names are accepted and keep their own Name/LCID.
import { TYPE_NAME } from './simple-values.js';
import { MONTH_NAMES, DAY_NAMES, TimeSpan } from './datetime.js';
import { DotNetError } from './method-errors.js';

/** CultureInfo.DateTimeFormat (a DateTimeFormatInfo). */
export class PSDateTimeFormatInfo {
  readonly [TYPE_NAME] = 'System.Globalization.DateTimeFormatInfo';
  readonly DayNames = [...DAY_NAMES];
  readonly AbbreviatedDayNames = DAY_NAMES.map((d) => d.slice(0, 3));
  readonly ShortestDayNames = DAY_NAMES.map((d) => d.slice(0, 2));
  readonly MonthNames = [...MONTH_NAMES, ''];
  readonly AbbreviatedMonthNames = [...MONTH_NAMES.map((m) => m.slice(0, 3)), ''];
  readonly AMDesignator = 'AM';
  readonly PMDesignator = 'PM';
  readonly DateSeparator = '/';
  readonly TimeSeparator = ':';
  readonly FirstDayOfWeek = 'Sunday';
  readonly RFC1123Pattern = "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
  readonly SortableDateTimePattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
  readonly UniversalSortableDateTimePattern = "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
  constructor(
    readonly ShortDatePattern: string,
    readonly LongDatePattern: string,
    readonly ShortTimePattern: string,
    readonly LongTimePattern: string,
    readonly FullDateTimePattern: string,
    readonly MonthDayPattern: string,
    readonly YearMonthPattern: string,
  ) {}
}

/** CultureInfo.NumberFormat (a NumberFormatInfo). */
export class PSNumberFormatInfo {
  readonly [TYPE_NAME] = 'System.Globalization.NumberFormatInfo';
  readonly NumberDecimalDigits = 2;
  readonly NumberDecimalSeparator = '.';
  readonly NumberGroupSeparator = ',';
  readonly NumberGroupSizes = [3];
  readonly CurrencyDecimalDigits = 2;
  readonly CurrencyDecimalSeparator = '.';
  readonly CurrencyGroupSeparator = ',';
  readonly PercentDecimalDigits = 2;
  readonly PercentSymbol = '%';
  readonly NegativeSign = '-';
  readonly PositiveSign = '+';
  readonly NaNSymbol = 'NaN';
  readonly PositiveInfinitySymbol = 'Infinity';
  readonly NegativeInfinitySymbol = '-Infinity';
  constructor(readonly CurrencySymbol: string) {}
}

/** CultureInfo.TextInfo. */
export class PSTextInfo {
  readonly [TYPE_NAME] = 'System.Globalization.TextInfo';
  /** Settable, as on a culture made with CultureInfo::new (Export-Csv -UseCulture reads it). */
  ListSeparator = ',';
  readonly IsRightToLeft = false;
  constructor(
    readonly CultureName: string,
    readonly LCID: number,
  ) {}
  ToUpper(s: unknown): string {
    return String(s).toUpperCase();
  }
  ToLower(s: unknown): string {
    return String(s).toLowerCase();
  }
  ToTitleCase(s: unknown): string {
    return String(s).replace(/\p{L}+/gu, (w) => (w === w.toUpperCase() ? w : w[0]!.toUpperCase() + w.slice(1).toLowerCase()));
  }
}

export class PSCultureInfo {
  readonly [TYPE_NAME] = 'System.Globalization.CultureInfo';
  readonly DateTimeFormat: PSDateTimeFormatInfo;
  readonly NumberFormat: PSNumberFormatInfo;
  readonly TextInfo: PSTextInfo;
  readonly IsNeutralCulture = false;
  constructor(
    readonly Name: string,
    readonly LCID: number,
    readonly DisplayName: string,
  ) {
    const invariant = Name === '';
    this.DateTimeFormat = invariant
      ? new PSDateTimeFormatInfo('MM/dd/yyyy', 'dddd, dd MMMM yyyy', 'HH:mm', 'HH:mm:ss', 'dddd, dd MMMM yyyy HH:mm:ss', 'MMMM dd', 'yyyy MMMM')
      : new PSDateTimeFormatInfo('M/d/yyyy', 'dddd, MMMM d, yyyy', 'h:mm tt', 'h:mm:ss tt', 'dddd, MMMM d, yyyy h:mm:ss tt', 'MMMM d', 'MMMM yyyy');
    this.NumberFormat = new PSNumberFormatInfo(invariant ? '¤' : '$');
    this.TextInfo = new PSTextInfo(Name, LCID);
  }
  get EnglishName(): string {
    return this.DisplayName;
  }
  get NativeName(): string {
    return this.DisplayName;
  }
  get IetfLanguageTag(): string {
    return this.Name;
  }
  get TwoLetterISOLanguageName(): string {
    return this.Name === '' ? 'iv' : this.Name.split('-')[0]!.toLowerCase();
  }
  get ThreeLetterISOLanguageName(): string {
    return this.Name === '' ? 'ivl' : this.TwoLetterISOLanguageName === 'en' ? 'eng' : this.TwoLetterISOLanguageName;
  }
  get Parent(): PSCultureInfo {
    const lang = this.Name.split('-')[0]!;
    return lang === this.Name ? invariantCulture() : cultureByName(lang);
  }
  toString(): string {
    return this.Name;
  }
}

// The few cultures known by name and LCID; any other well-formed name is accepted with LCID 4096 (custom), as .NET does.
const KNOWN: Array<[string, number, string]> = [
  ['en-US', 1033, 'English (United States)'],
  ['en', 9, 'English'],
  ['en-GB', 2057, 'English (United Kingdom)'],
  ['de-DE', 1031, 'German (Germany)'],
  ['fr-FR', 1036, 'French (France)'],
  ['ja-JP', 1041, 'Japanese (Japan)'],
  ['ru-RU', 1049, 'Russian (Russia)'],
  ['ru-UA', 4096, 'Russian (Ukraine)'],
];

let current: PSCultureInfo | null = null;
let invariant: PSCultureInfo | null = null;

export function currentCulture(): PSCultureInfo {
  return (current ??= new PSCultureInfo('en-US', 1033, 'English (United States)'));
}

/** `[CultureInfo]::CurrentCulture = $c`: later reads see $c (awsh still formats as en-US). */
export function setCurrentCulture(c: PSCultureInfo): void {
  current = c;
}

export function invariantCulture(): PSCultureInfo {
  return (invariant ??= new PSCultureInfo('', 127, 'Invariant Language (Invariant Country)'));
}

function notFound(what: string, paramName: string): DotNetError {
  return new DotNetError('System.Globalization.CultureNotFoundException', `Culture is not supported. (Parameter '${paramName}')\n${what} is an invalid culture identifier.`);
}

export function cultureByName(name: string): PSCultureInfo {
  if (name === '') return invariantCulture();
  const k = KNOWN.find(([n]) => n.toLowerCase() === name.toLowerCase());
  if (k) return new PSCultureInfo(k[0], k[1], k[2]);
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(name)) throw notFound(name, 'name');
  return new PSCultureInfo(name, 4096, name);
}

export function cultureByLcid(lcid: number): PSCultureInfo {
  if (lcid === 127) return invariantCulture();
  const k = KNOWN.find(([, id]) => id === lcid);
  if (!k || lcid === 4096) throw notFound(String(lcid), 'culture');
  return new PSCultureInfo(k[0], k[1], k[2]);
}

/** A CultureInfo from what a -Culture argument or [cultureinfo] cast gives: a name, an LCID or a `0x` LCID. */
export function toCulture(v: unknown): PSCultureInfo {
  if (v instanceof PSCultureInfo) return v;
  if (typeof v === 'number') return cultureByLcid(v);
  const s = String(v).trim();
  if (/^0x[0-9a-f]+$/i.test(s)) return cultureByLcid(parseInt(s, 16));
  if (/^\d+$/.test(s)) return cultureByLcid(Number(s));
  return cultureByName(s);
}

/** The local time zone as [TimeZone]::CurrentTimeZone / [TimeZoneInfo]::Local show it (offsets from the JS clock). */
export class PSTimeZone {
  readonly [TYPE_NAME]: string;
  constructor(
    typeName: string,
    private readonly utc: boolean,
  ) {
    this[TYPE_NAME] = typeName;
  }
  get Id(): string {
    return this.utc ? 'UTC' : (Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
  }
  get StandardName(): string {
    return this.utc ? 'Coordinated Universal Time' : this.Id;
  }
  get DaylightName(): string {
    return this.StandardName;
  }
  get DisplayName(): string {
    const off = this.utc ? 0 : -new Date(2000, 0, 1).getTimezoneOffset();
    const a = Math.abs(off);
    const text = `(UTC${off < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')})`;
    return `${this.utc ? '(UTC)' : text} ${this.StandardName}`;
  }
  /** Minutes east of UTC at an instant. */
  offsetMinutes(d: Date): number {
    return this.utc ? 0 : -d.getTimezoneOffset();
  }
  GetUtcOffset(d: unknown): TimeSpan {
    const at = d instanceof Date ? d : new Date();
    return TimeSpan.fromParts(0, 0, this.offsetMinutes(at), 0);
  }
  get BaseUtcOffset(): TimeSpan {
    return TimeSpan.fromParts(0, 0, this.offsetMinutes(new Date(2000, 0, 1)), 0);
  }
  IsDaylightSavingTime(d: unknown): boolean {
    const at = d instanceof Date ? d : new Date();
    return !this.utc && at.getTimezoneOffset() < Math.max(new Date(at.getFullYear(), 0, 1).getTimezoneOffset(), new Date(at.getFullYear(), 6, 1).getTimezoneOffset());
  }
  toString(): string {
    return this[TYPE_NAME] === 'System.TimeZoneInfo' ? this.DisplayName : this.StandardName;
  }
}

let localZone: PSTimeZone | null = null;
let localZoneInfo: PSTimeZone | null = null;
let utcZoneInfo: PSTimeZone | null = null;
export const timeZones = {
  current: () => (localZone ??= new PSTimeZone('System.TimeZone', false)),
  local: () => (localZoneInfo ??= new PSTimeZone('System.TimeZoneInfo', false)),
  utc: () => (utcZoneInfo ??= new PSTimeZone('System.TimeZoneInfo', true)),
};
