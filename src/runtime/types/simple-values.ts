// Small .NET value classes: Guid, Version, Uri, [ref], enum values, DictionaryEntry, Regex, Encoding.
import type { PSType } from './ps-type.js';
import { runtimeError } from '../errors.js';
import { ENUM_VALUE } from '../values/convert.js';

/** Tag a plain JS object with its .NET type name (AWS responses): `obj[TYPE_NAME] = 'Amazon.S3.Model.S3Bucket'`. */
export const TYPE_NAME = Symbol.for('awsh.typeName');

/** `[ref]$x`: the interpreter creates it; `.Value` reads/writes the referenced variable through get/set when given. */
export class PSReference {
  constructor(
    private value: unknown,
    private readonly getter?: () => unknown,
    private readonly setter?: (v: unknown) => void,
  ) {}
  get Value(): unknown {
    return this.getter ? this.getter() : this.value;
  }
  set Value(v: unknown) {
    if (this.setter) this.setter(v);
    else this.value = v;
  }
}

export class PSGuid {
  declare readonly value: string; // lower-case, hyphenated
  constructor(value: string) {
    // Not enumerable: a Guid's only property is its `Guid` (types.ps1xml's script property).
    Object.defineProperty(this, 'value', { value: value.toLowerCase(), enumerable: false });
  }
  get Guid(): string {
    return this.value;
  }
  static parse(text: string): PSGuid | null {
    let s = text.trim();
    if (/^[{(].*[})]$/.test(s)) s = s.slice(1, -1);
    if (/^[0-9a-f]{32}$/i.test(s)) s = `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s) ? new PSGuid(s) : null;
  }
  /** Guid equality (used by -eq and Should -Be); a string on the right converts, as LanguagePrimitives.Equals does. */
  equals(other: unknown): boolean {
    if (other instanceof PSGuid) return other.value === this.value;
    return typeof other === 'string' && PSGuid.parse(other)?.value === this.value;
  }
  toString(): string {
    return this.value;
  }
}

export class PSVersion {
  constructor(
    readonly Major: number,
    readonly Minor: number,
    readonly Build = -1,
    readonly Revision = -1,
  ) {}
  get MajorRevision(): number {
    return this.Revision < 0 ? -1 : this.Revision >> 16;
  }
  get MinorRevision(): number {
    return this.Revision < 0 ? -1 : this.Revision & 0xffff;
  }
  static parse(text: string): PSVersion | null {
    const m = /^\s*(\d+)\.(\d+)(?:\.(\d+)(?:\.(\d+))?)?\s*$/.exec(text);
    if (!m) return null;
    return new PSVersion(+m[1]!, +m[2]!, m[3] === undefined ? -1 : +m[3], m[4] === undefined ? -1 : +m[4]);
  }
  /** LanguagePrimitives.Compare/Equals: a string on the right converts to a Version; NaN when it cannot. */
  compareTo(other: unknown): number {
    const o = other instanceof PSVersion ? other : typeof other === 'string' ? PSVersion.parse(other) : null;
    if (o === null) return NaN;
    const a = [this.Major, this.Minor, this.Build, this.Revision];
    const b = [o.Major, o.Minor, o.Build, o.Revision];
    for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  }
  equals(other: unknown): boolean {
    return this.compareTo(other) === 0;
  }
  toString(): string {
    let s = `${this.Major}.${this.Minor}`;
    if (this.Build >= 0) s += `.${this.Build}`;
    if (this.Build >= 0 && this.Revision >= 0) s += `.${this.Revision}`;
    return s;
  }
}

export class PSUri {
  readonly url: URL | null;
  constructor(readonly OriginalString: string) {
    let u: URL | null = null;
    try {
      u = new URL(OriginalString);
    } catch {
      u = null;
    }
    this.url = u;
  }
  get IsAbsoluteUri(): boolean {
    return this.url !== null;
  }
  get AbsoluteUri(): string {
    return this.url ? this.url.href : this.OriginalString;
  }
  get Scheme(): string {
    return this.url ? this.url.protocol.replace(/:$/, '') : '';
  }
  get Host(): string {
    return this.url ? this.url.hostname : '';
  }
  get Port(): number {
    if (!this.url) return -1;
    if (this.url.port) return +this.url.port;
    return ({ http: 80, https: 443, ftp: 21 } as Record<string, number>)[this.Scheme] ?? -1;
  }
  get AbsolutePath(): string {
    return this.url ? this.url.pathname : this.OriginalString;
  }
  get PathAndQuery(): string {
    return this.url ? this.url.pathname + this.url.search : this.OriginalString;
  }
  get Query(): string {
    return this.url ? this.url.search : '';
  }
  get Fragment(): string {
    return this.url ? this.url.hash : '';
  }
  get Authority(): string {
    return this.url ? this.url.host : '';
  }
  get Segments(): string[] {
    if (!this.url) return [];
    const parts = this.url.pathname.split('/');
    return parts.slice(0, -1).map((p) => p + '/').concat(parts[parts.length - 1] ? [parts[parts.length - 1]!] : []);
  }
  get UserInfo(): string {
    return this.url ? (this.url.username + (this.url.password ? ':' + this.url.password : '')) : '';
  }
  toString(): string {
    return this.url ? decodeURI(this.url.href) : this.OriginalString;
  }
}

/** A value of an enum type: toString gives the name (or comma-joined flag names), valueOf the number. */
export class PSEnumValue {
  get [ENUM_VALUE](): boolean {
    return true;
  }
  constructor(
    readonly type: PSType,
    readonly value: number,
  ) {}
  toString(): string {
    const vals = this.type.def.enumValues ?? [];
    const exact = vals.find(([, v]) => v === this.value);
    if (exact) return exact[0];
    if (this.type.def.flags && this.value !== 0) {
      const names: string[] = [];
      let rest = this.value;
      for (let i = vals.length - 1; i >= 0; i--) {
        const [n, v] = vals[i]!;
        if (v !== 0 && (rest & v) === v) {
          names.unshift(n);
          rest &= ~v;
        }
      }
      if (rest === 0) return names.join(', ');
    }
    return String(this.value);
  }
  valueOf(): number {
    return this.value;
  }
  /**
   * The other operand as this enum's underlying value (the right side converts to the left's type):
   * enum values, numbers, and names (`'Sunday'`, `'Read, Write'`, case-insensitive). Null when it does not convert.
   */
  operandValue(o: unknown): number | null {
    if (o instanceof PSEnumValue) return o.value;
    if (typeof o === 'number') return o;
    if (o !== null && typeof o === 'object' && typeof (o as { valueOf(): unknown }).valueOf() === 'number') return (o as { valueOf(): number }).valueOf();
    if (typeof o !== 'string') return null;
    const vals = this.type.def.enumValues ?? [];
    let result = 0;
    for (const part of o.split(',')) {
      const name = part.trim().toLowerCase();
      if (/^-?\d+$/.test(name)) {
        result |= Number(name);
        continue;
      }
      const hit = vals.find(([n]) => n.toLowerCase() === name);
      if (!hit) return null;
      result |= hit[1];
    }
    return result;
  }
  /** `-eq` with the enum on the left. */
  equals(o: unknown): boolean {
    return this.operandValue(o) === this.value;
  }
  /** `-lt`/`-gt` with the enum on the left. */
  compareTo(o: unknown): number {
    const v = this.operandValue(o);
    if (v === null) {
      throw runtimeError(`Cannot convert value "${String(o)}" to type "${this.type.FullName}".`, 'InvalidCastFromStringToEnum', {
        category: 'InvalidArgument',
        exceptionType: 'System.Management.Automation.PSInvalidCastException',
      });
    }
    return Math.sign(this.value - v);
  }
}

/** System.Collections.DictionaryEntry (hashtable enumeration item); `Name` is pwsh's alias of Key. */
export class DictionaryEntry {
  constructor(
    public Key: unknown,
    public Value: unknown,
  ) {}
  get Name(): unknown {
    return this.Key;
  }
}

/** System.Collections.Generic.KeyValuePair[K,V]: an entry of an enumerated generic dictionary. */
export class KeyValuePair {
  constructor(
    readonly Key: unknown,
    readonly Value: unknown,
  ) {}
  /** `[key, value]`, as KeyValuePair.ToString() gives it. */
  toString(): string {
    return `[${String(this.Key)}, ${String(this.Value)}]`;
  }
}

/** A System.Management.Automation.WildcardPattern (`[WildcardPattern]::new('a*', 'IgnoreCase')`). */
export class PSWildcardPattern {
  constructor(
    readonly pattern: string,
    /** WildcardOptions flags: IgnoreCase = 2. */
    readonly options: number,
  ) {}
  toString(): string {
    return 'System.Management.Automation.WildcardPattern';
  }
}

/** System.Text.RegularExpressions.Regex. `options` is the RegexOptions flags value. */
export class PSRegex {
  constructor(
    readonly pattern: string,
    readonly options: number,
  ) {}
  toString(): string {
    return this.pattern;
  }
}

export const RegexOptionFlags = {
  None: 0,
  IgnoreCase: 1,
  Multiline: 2,
  ExplicitCapture: 4,
  Compiled: 8,
  Singleline: 16,
  IgnorePatternWhitespace: 32,
  RightToLeft: 64,
  ECMAScript: 256,
  CultureInvariant: 512,
  NonBacktracking: 1024,
} as const;

/** System.Text.Encoding: utf-8, us-ascii, utf-16 (Unicode), utf-16BE, utf-32, latin1. */
export class PSEncoding {
  constructor(
    readonly WebName: string,
    readonly EncodingName: string,
    readonly CodePage: number,
  ) {}
  get BodyName(): string {
    return this.WebName;
  }
  get HeaderName(): string {
    return this.WebName;
  }
  toString(): string {
    return `System.Text.${this.className}`;
  }
  get className(): string {
    switch (this.WebName) {
      case 'utf-8':
        return 'UTF8Encoding';
      case 'us-ascii':
        return 'ASCIIEncoding';
      case 'utf-16':
      case 'utf-16BE':
        return 'UnicodeEncoding';
      case 'utf-32':
        return 'UTF32Encoding';
      default:
        return 'Latin1Encoding';
    }
  }
  getBytes(s: string): Uint8Array {
    switch (this.WebName) {
      case 'utf-8':
        return new Uint8Array(Buffer.from(s, 'utf8'));
      case 'us-ascii':
        return Uint8Array.from(s, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 63));
      case 'utf-16':
        return new Uint8Array(Buffer.from(s, 'utf16le'));
      case 'utf-16BE': {
        const b = Buffer.from(s, 'utf16le');
        b.swap16();
        return new Uint8Array(b);
      }
      case 'utf-32': {
        const cps = [...s].map((c) => c.codePointAt(0)!);
        const out = new Uint8Array(cps.length * 4);
        const dv = new DataView(out.buffer);
        cps.forEach((cp, i) => dv.setUint32(i * 4, cp, true));
        return out;
      }
      default:
        return new Uint8Array(Buffer.from(s, 'latin1'));
    }
  }
  getString(bytes: Uint8Array, index = 0, count = bytes.length - index): string {
    const b = Buffer.from(bytes.buffer, bytes.byteOffset + index, count);
    switch (this.WebName) {
      case 'utf-8':
        return b.toString('utf8');
      case 'us-ascii':
        return Array.from(b, (x) => String.fromCharCode(x < 128 ? x : 63)).join('');
      case 'utf-16':
        return b.toString('utf16le');
      case 'utf-16BE':
        return Buffer.from(b).swap16().toString('utf16le');
      case 'utf-32': {
        let s = '';
        for (let i = 0; i + 3 < b.length; i += 4) s += String.fromCodePoint(b.readUInt32LE(i));
        return s;
      }
      default:
        return b.toString('latin1');
    }
  }
}

export const encodings = {
  utf8: new PSEncoding('utf-8', 'Unicode (UTF-8)', 65001),
  ascii: new PSEncoding('us-ascii', 'US-ASCII', 20127),
  unicode: new PSEncoding('utf-16', 'Unicode', 1200),
  bigEndianUnicode: new PSEncoding('utf-16BE', 'Unicode (Big-Endian)', 1201),
  utf32: new PSEncoding('utf-32', 'Unicode (UTF-32)', 12000),
  latin1: new PSEncoding('iso-8859-1', 'Western European (ISO)', 28591),
};

/** System.StringComparer (Ordinal, OrdinalIgnoreCase, ...): collections take it to choose key case-sensitivity. */
export class PSStringComparer {
  constructor(
    readonly name: string,
    readonly ignoreCase: boolean,
  ) {}
  Compare(a: unknown, b: unknown): number {
    let x = String(a ?? '');
    let y = String(b ?? '');
    if (this.ignoreCase) {
      x = x.toLowerCase();
      y = y.toLowerCase();
    }
    return x < y ? -1 : x > y ? 1 : 0;
  }
  Equals(a: unknown, b: unknown): boolean {
    return this.Compare(a, b) === 0;
  }
  toString(): string {
    return `System.${this.name}Comparer`;
  }
}

/**
 * A .NET singleton that stands for "no value" but is not `$null`: `[DBNull]::Value`, `[NullString]::Value`.
 * `??` and `-eq $null` see an object; conversion to string gives ''.
 */
export class PSNullSentinel {
  readonly [TYPE_NAME]: string;
  constructor(typeName: string) {
    this[TYPE_NAME] = typeName;
  }
  toString(): string {
    return '';
  }
}
export const DB_NULL = new PSNullSentinel('System.DBNull');
export const NULL_STRING = new PSNullSentinel('System.Management.Automation.Language.NullString');

/** System.Tuple`N: Item1..ItemN; as an ITuple it indexes like an array (`$t[0]`, `$t[-1]`, `$t[0..1]`). */
export class PSTuple {
  [key: string]: unknown;
  declare readonly items: unknown[];
  constructor(items: unknown[]) {
    // Not a member PowerShell shows: only Item1..ItemN and Length are.
    Object.defineProperty(this, 'items', { value: items, enumerable: false });
    items.forEach((v, i) => {
      this['Item' + (i + 1)] = v;
    });
  }
  get Length(): number {
    return this.items.length;
  }
  toString(): string {
    return '(' + this.items.map((v) => (v === null || v === undefined ? '' : String(v))).join(', ') + ')';
  }
}
