// JSON as pwsh 7's ConvertTo-Json/ConvertFrom-Json (Newtonsoft.Json) write and read it.
import { PSObject, PSHashtable, PSOrderedHashtable } from '../values/objects.js';
import { PSDouble, PSDecimal, PSNumber, PSChar, isInt32 } from '../values/numbers.js';
import { toStr, formatSingle } from '../values/convert.js';
import { dateKind, dateFromParts, PSEnumValue, TimeSpan, getEnumerable, DictionaryEntry, PSGuid, PSUri } from '../types/index.js';
import { PSNullSentinel } from '../types/simple-values.js';
import { propertyNamesOf, propertyValueOf } from './properties.js';
import { PSDateTimeOffset, dateTimeOffsetIso, dateTimeOffsetFromDate, dateTimeOffsetFromParts } from '../types/datetimeoffset.js';

export interface ToJsonOptions {
  depth: number;
  compress: boolean;
  enumsAsStrings: boolean;
  /** Called once when depth truncation happened. */
  onTruncated?: () => void;
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Newtonsoft's ISO date: `2024-01-15T10:30:00[.fffffff]` + `Z` (Utc) or `+01:00` (Local). */
export function jsonDate(d: Date): string {
  const kind = dateKind(d);
  const utc = kind === 'Utc';
  const y = utc ? d.getUTCFullYear() : d.getFullYear();
  const base =
    String(y).padStart(4, '0') + '-' + pad2((utc ? d.getUTCMonth() : d.getMonth()) + 1) + '-' + pad2(utc ? d.getUTCDate() : d.getDate()) +
    'T' + pad2(utc ? d.getUTCHours() : d.getHours()) + ':' + pad2(utc ? d.getUTCMinutes() : d.getMinutes()) + ':' + pad2(utc ? d.getUTCSeconds() : d.getSeconds());
  const ms = utc ? d.getUTCMilliseconds() : d.getMilliseconds();
  const frac = ms ? '.' + String(ms).padStart(3, '0').replace(/0+$/, '') : '';
  if (kind === 'Utc') return base + frac + 'Z';
  if (kind === 'Unspecified') return base + frac;
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return base + frac + sign + pad2(Math.floor(a / 60)) + ':' + pad2(a % 60);
}

/** Newtonsoft's default string escaping: quotes, backslash and control characters; everything else kept. */
export function jsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c < 0x20 || c === 0x85 || c === 0x2028 || c === 0x2029) {
      if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (ch === '\b') out += '\\b';
      else if (ch === '\f') out += '\\f';
      else out += '\\u' + c.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

/** Newtonsoft writes doubles with "R" and keeps `.0` on integral values. */
function jsonDouble(n: number): string {
  if (Number.isNaN(n)) return '"NaN"';
  if (n === Infinity) return '"Infinity"';
  if (n === -Infinity) return '"-Infinity"';
  let s = String(n);
  if (/e/.test(s)) {
    const [m, e] = s.split('e');
    s = (m!.includes('.') ? m : m + '.0') + 'E' + (e!.startsWith('-') ? e : '+' + e!.replace('+', ''));
    return s;
  }
  return s.includes('.') ? s : s + '.0';
}

/** Single: its shortest round-trip digits (3.14, not the widened double's 3.140000104904175). */
function jsonSingle(n: number): string {
  if (!Number.isFinite(n)) return jsonDouble(n);
  const s = formatSingle(n);
  return /^-?\d+$/.test(s) ? s + '.0' : s;
}

/** Values ConvertTo-Json writes as one JSON token (not as an object of their properties). */
function isJsonScalar(v: unknown): boolean {
  return (
    typeof v !== 'object' ||
    v instanceof PSDouble || v instanceof PSDecimal || v instanceof PSNumber || v instanceof PSChar ||
    v instanceof PSEnumValue || v instanceof PSGuid || v instanceof PSUri || v instanceof PSDateTimeOffset || v instanceof PSNullSentinel
  );
}

type Json = { kind: 'raw'; text: string } | { kind: 'array'; items: Json[] } | { kind: 'object'; entries: Array<[string, Json]> };

function raw(text: string): Json {
  return { kind: 'raw', text };
}

function toNode(v: unknown, depth: number, o: ToJsonOptions): Json {
  // [DBNull]::Value and [NullString]::Value are written as null.
  if (v === null || v === undefined || v instanceof PSNullSentinel) return raw('null');
  if (typeof v === 'string') return raw(jsonString(v));
  if (typeof v === 'boolean') return raw(v ? 'true' : 'false');
  if (typeof v === 'number') return raw(isInt32(v) ? String(v) : jsonDouble(v));
  if (typeof v === 'bigint') return raw(v.toString());
  if (v instanceof PSDouble) return raw(jsonDouble(v.value));
  if (v instanceof PSDecimal) return raw(v.toString());
  if (v instanceof PSNumber) return raw(v.type === 'Single' ? jsonSingle(v.value as number) : String(v.value));
  if (v instanceof PSChar) return raw(jsonString(v.toString()));
  if (v instanceof Date) return raw(jsonString(jsonDate(v)));
  if (v instanceof PSEnumValue) return raw(o.enumsAsStrings ? jsonString(v.toString()) : String(v.value));
  if (v instanceof PSGuid) return raw(jsonString(v.toString()));
  if (v instanceof PSUri) return raw(jsonString(v.OriginalString));
  if (v instanceof PSDateTimeOffset) return raw(jsonString(dateTimeOffsetIso(v)));
  if (v instanceof PSObject && v.baseObject !== undefined && v.baseObject !== null) {
    const base = v.baseObject;
    const notes = [...v.properties()];
    // Strings and dates ignore members added to them; other scalars keep them beside a `value` entry.
    if (notes.length === 0 || typeof base === 'string' || base instanceof Date) return toNode(base, depth, o);
    // A dictionary's entries and a collection (as `value`) come first, then the added members.
    const isDict = base instanceof PSHashtable;
    if (isDict || isJsonScalar(base) || Array.isArray(base)) {
      if (depth > o.depth) {
        o.onTruncated?.();
        return raw(jsonString(toStr(v)));
      }
      const entries: Array<[string, Json]> = [];
      if (isDict) for (const [k, val] of base.entries()) entries.push([toStr(k), toNode(val, depth + 1, o)]);
      else entries.push(['value', toNode(base, depth + 1, o)]);
      for (const m of notes) entries.push([m.name, toNode(propertyValueOf(v, m.name), depth + 1, o)]);
      return { kind: 'object', entries };
    }
    if (typeof base === 'object' && !(base instanceof TimeSpan) && !getEnumerable(base)) {
      if (depth > o.depth) {
        o.onTruncated?.();
        return raw(jsonString(toStr(v)));
      }
      // Other objects: the added members, then the object's own properties.
      const entries: Array<[string, Json]> = notes.map((m) => [m.name, toNode(propertyValueOf(v, m.name), depth + 1, o)]);
      const seen = new Set(notes.map((m) => m.name.toLowerCase()));
      for (const name of propertyNamesOf(base)) {
        if (!seen.has(name.toLowerCase())) entries.push([name, toNode(propertyValueOf(base, name), depth + 1, o)]);
      }
      return { kind: 'object', entries };
    }
  }
  // Past the depth limit, objects are written as their string form.
  const tooDeep = depth > o.depth;
  if (Array.isArray(v) || (!(v instanceof PSHashtable) && !(v instanceof PSObject) && getEnumerable(v))) {
    if (tooDeep) {
      o.onTruncated?.();
      return raw(jsonString(toStr(v)));
    }
    const items = Array.isArray(v) ? v : [...getEnumerable(v)!];
    return { kind: 'array', items: items.map((x) => toNode(x, depth + 1, o)) };
  }
  if (tooDeep) {
    o.onTruncated?.();
    return raw(jsonString(toStr(v)));
  }
  const entries: Array<[string, Json]> = [];
  if (v instanceof PSHashtable) {
    for (const [k, val] of v.entries()) entries.push([toStr(k), toNode(val, depth + 1, o)]);
  } else if (v instanceof TimeSpan || v instanceof DictionaryEntry || typeof v === 'object') {
    for (const name of propertyNamesOf(v)) entries.push([name, toNode(propertyValueOf(v, name), depth + 1, o)]);
  } else return raw(jsonString(toStr(v)));
  return { kind: 'object', entries };
}

function render(n: Json, compress: boolean, indent: string): string {
  if (n.kind === 'raw') return n.text;
  const inner = indent + '  ';
  if (n.kind === 'array') {
    if (n.items.length === 0) return '[]';
    if (compress) return '[' + n.items.map((x) => render(x, true, '')).join(',') + ']';
    return '[\n' + n.items.map((x) => inner + render(x, false, inner)).join(',\n') + '\n' + indent + ']';
  }
  if (n.entries.length === 0) return '{}';
  if (compress) return '{' + n.entries.map(([k, x]) => jsonString(k) + ':' + render(x, true, '')).join(',') + '}';
  return '{\n' + n.entries.map(([k, x]) => inner + jsonString(k) + ': ' + render(x, false, inner)).join(',\n') + '\n' + indent + '}';
}

/** ConvertTo-Json of one value. */
export function toJson(value: unknown, options: ToJsonOptions): string {
  let warned = false;
  const o: ToJsonOptions = {
    ...options,
    onTruncated: () => {
      if (!warned) {
        warned = true;
        options.onTruncated?.();
      }
    },
  };
  return render(toNode(value, 0, o), options.compress, '');
}

// ---- parsing -------------------------------------------------------------------------------------------------

export class JsonParseError extends Error {}

/** A document that parses but cannot become a PSCustomObject (an empty or case-clashing key): its own error id. */
export class JsonKeyError extends Error {
  constructor(
    message: string,
    readonly errorId: string,
  ) {
    super(message);
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$/;

export type JsonDateKind = 'Default' | 'Local' | 'Utc' | 'Offset' | 'String';

export interface FromJsonOptions {
  asHashtable: boolean;
  dateKind?: JsonDateKind;
  depth: number;
}

/** A PSCustomObject cannot have an empty property name, nor two differing only in case (an exact repeat replaces). */
function checkPropertyKey(o: PSObject, key: string): void {
  if (key === '') {
    throw new JsonKeyError('The provided JSON includes a property whose name is an empty string, this is only supported using the -AsHashTable switch.', 'EmptyKeyInJsonString');
  }
  const existing = o.getMember(key)?.name;
  if (existing !== undefined && existing !== key) {
    throw new JsonKeyError(
      `Cannot convert the JSON string because it contains keys with different casing. Please use the -AsHashTable switch instead. The key that was attempted to be added to the existing key '${existing}' was '${key}'.`,
      'KeysWithDifferentCasingInJsonString',
    );
  }
}

/** ConvertFrom-Json: objects → PSCustomObject (or ordered hashtables), integers → Int32/Int64, reals → Double. */
export function fromJson(text: string, options: FromJsonOptions): unknown {
  let i = 0;
  const err = (msg: string): never => {
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    const pos = i - before.lastIndexOf('\n') - 1;
    throw new JsonParseError(`${msg} Path '', line ${line}, position ${pos}.`);
  };
  const ws = () => {
    for (;;) {
      while (i < text.length && /\s/.test(text[i]!)) i++;
      // Newtonsoft accepts comments.
      if (text.startsWith('//', i)) {
        while (i < text.length && text[i] !== '\n') i++;
      } else if (text.startsWith('/*', i)) {
        const e = text.indexOf('*/', i + 2);
        i = e < 0 ? text.length : e + 2;
      } else return;
    }
  };
  const parseString = (): string => {
    const q = text[i]!;
    i++;
    let s = '';
    while (i < text.length && text[i] !== q) {
      const ch = text[i]!;
      if (ch === '\\') {
        const e = text[i + 1];
        i += 2;
        if (e === 'n') s += '\n';
        else if (e === 'r') s += '\r';
        else if (e === 't') s += '\t';
        else if (e === 'b') s += '\b';
        else if (e === 'f') s += '\f';
        else if (e === 'u') {
          s += String.fromCharCode(parseInt(text.slice(i, i + 4), 16));
          i += 4;
        } else s += e ?? '';
      } else {
        s += ch;
        i++;
      }
    }
    if (i >= text.length) err('Unterminated string.');
    i++;
    return s;
  };
  const value = (depth: number): unknown => {
    ws();
    if (depth > options.depth) err(`The reader's MaxDepth of ${options.depth} has been exceeded.`);
    const ch = text[i];
    if (ch === undefined) return err('Unexpected end when reading JSON.');
    if (ch === '{') {
      i++;
      const h = options.asHashtable ? new PSOrderedHashtable() : null;
      const o = h ? null : new PSObject();
      ws();
      if (text[i] === '}') {
        i++;
        return h ?? o;
      }
      for (;;) {
        ws();
        let key: string;
        if (text[i] === '"' || text[i] === "'") key = parseString();
        else {
          // Newtonsoft also reads unquoted property names (`{name:1}`).
          const id = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 1024));
          if (!id) return err(`Invalid property identifier character: ${text[i] ?? ''}.`);
          key = id[0];
          i += key.length;
        }
        ws();
        if (text[i] !== ':') err(`Invalid character after parsing property name. Expected ':' but got: ${text[i] ?? ''}.`);
        i++;
        const v = value(depth + 1);
        if (h) h.set(key, v);
        else {
          checkPropertyKey(o!, key);
          o!.setProperty(key, v);
        }
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return h ?? o;
        }
        err(`After parsing a value an unexpected character was encountered: ${text[i] ?? ''}.`);
      }
    }
    if (ch === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        err(`After parsing a value an unexpected character was encountered: ${text[i] ?? ''}.`);
      }
    }
    if (ch === '"' || ch === "'") {
      const s = parseString();
      const m = ISO_DATE.exec(s);
      if (m) return isoToDate(m, options.dateKind ?? 'Default');
      return s;
    }
    const lit = /^(?:-?(?:\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|NaN|-?Infinity)/.exec(text.slice(i));
    if (!lit) return err(`Unexpected character encountered while parsing value: ${ch}.`);
    i += lit[0].length;
    const t = lit[0];
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (t === 'null') return null;
    if (/^-?\d+$/.test(t)) {
      // Newtonsoft reads every integer as Int64 (bigint here), and one beyond Int64's range as a BigInteger.
      const b = BigInt(t);
      return b < -(2n ** 63n) || b >= 2n ** 63n ? new PSNumber('BigInteger', b) : b;
    }
    const n = Number(t);
    return Number.isInteger(n) && isInt32(n) ? new PSDouble(n) : n;
  };
  ws();
  if (i >= text.length) return null;
  const result = value(0);
  ws();
  if (i < text.length) err(`Additional text encountered after finished reading JSON content: ${text[i]}.`);
  return result;
}

/**
 * A JSON date string as -DateKind asks: Default keeps Newtonsoft's RoundtripKind (`Z` → Utc, an offset → Local,
 * none → Unspecified); Local and Utc convert (a date without zone keeps its wall clock); Offset gives a
 * DateTimeOffset (no zone → the local offset); String leaves the text alone.
 */
function isoToDate(m: RegExpExecArray, kind: JsonDateKind): unknown {
  if (kind === 'String') return m[0];
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.round(Number('0' + frac) * 1000) : 0;
  const parts = [+y!, +mo!, +d!, +h!, +mi!, +s!, ms];
  if (!zone) {
    if (kind === 'Offset') return dateTimeOffsetFromDate(dateFromParts(parts[0]!, parts[1]!, parts[2]!, parts[3]!, parts[4]!, parts[5]!, ms, 'Local'));
    const wallKind = kind === 'Utc' ? 'Utc' : kind === 'Local' ? 'Local' : 'Unspecified';
    return dateFromParts(parts[0]!, parts[1]!, parts[2]!, parts[3]!, parts[4]!, parts[5]!, ms, wallKind);
  }
  const offMin = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(4, 6));
  const offset = dateTimeOffsetFromParts(parts, offMin);
  if (kind === 'Offset') return offset;
  if (kind === 'Utc' || (kind === 'Default' && zone === 'Z')) return offset.UtcDateTime;
  return offset.LocalDateTime;
}

