// Converting between PowerShell values and SDK shapes, driven by the SDK's runtime schemas
// (NormalizedSchema from @smithy/core/schema, which the client modules already load).
import { readFileSync } from 'node:fs';
import { loadSdk } from './sdk-require.js';
import { PSHashtable, PSObject } from '../../../runtime/values/objects.js';
import { isNumeric, toJsNumber, PSChar } from '../../../runtime/values/numbers.js';

export type NS = {
  isStructSchema(): boolean; isListSchema(): boolean; isMapSchema(): boolean; isBlobSchema(): boolean; isTimestampSchema(): boolean;
  isNumericSchema(): boolean; isBooleanSchema(): boolean; isStringSchema(): boolean; isDocumentSchema(): boolean;
  isBigIntegerSchema?(): boolean;
  structIterator(): Iterable<[string, NS]>; getValueSchema(): NS; getMergedTraits(): Record<string, unknown>; getName(): string | undefined;
};
type SchemaLib = { NormalizedSchema: { of(schema: unknown): NS } };
let lib: SchemaLib | null = null;
let libPromise: Promise<SchemaLib> | null = null;
export async function loadSchemaLib(): Promise<SchemaLib> {
  if (lib) return lib;
  libPromise ??= loadSdk<SchemaLib>('@smithy/core/schema').then((m) => (lib = m));
  return libPromise;
}
export function normalized(schema: unknown): NS {
  if (!lib) throw new Error('schema library not loaded');
  return lib.NormalizedSchema.of(schema);
}

/** Strip PowerShell boxes: numbers, chars, PSObject wrappers. */
export function plain(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof PSChar) return v.toString();
  if (v instanceof PSObject && v.baseObject !== undefined && v.baseObject !== null) return plain(v.baseObject);
  if (typeof v === 'bigint') return Number(v);
  if (v !== null && typeof v === 'object' && isNumeric(v)) return toJsNumber(v);
  return v;
}

function entries(v: unknown): [string, unknown][] | null {
  if (v instanceof PSHashtable) return [...v.entries()].map(([k, x]) => [String(k), x]);
  if (v instanceof PSObject) return [...v.properties()].map((m) => [m.name, m.value]);
  if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof Uint8Array)) return Object.entries(v);
  return null;
}

export class ConversionError extends Error {}

/**
 * Structures the .NET model lets scripts give as a plain string (`$ip.IpRanges.Add("203.0.113.25/32")`):
 * shape name → the member the string fills.
 */
const scalarStructMembers: Record<string, string> = {
  IpRange: 'CidrIp', Ipv6Range: 'CidrIpv6', PrefixListId: 'PrefixListId', UserIdGroupPair: 'GroupId', Tag: 'Key',
};
/** .NET model member names (lower case) → the v3 member (lower case) they stand for. */
const dotnetMemberAliases: Record<string, string> = { ipv4ranges: 'ipranges' };

/** A PowerShell argument → the SDK value for member schema `ns`. */
export function toSdk(value: unknown, ns: NS, what: string): unknown {
  const v = plain(value);
  if (v === null) return undefined;
  if (ns.isListSchema()) {
    const items = Array.isArray(v) ? v : [v];
    const inner = ns.getValueSchema();
    return items.map((x) => toSdk(x, inner, what));
  }
  if (Array.isArray(v) && !ns.isBlobSchema() && !ns.isDocumentSchema()) {
    if (v.length === 1) return toSdk(v[0], ns, what);
    throw new ConversionError(`Cannot convert a collection to the single value that '${what}' takes.`);
  }
  if (ns.isBlobSchema()) return toBlob(v);
  if (ns.isTimestampSchema()) {
    if (v instanceof Date) return v;
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new ConversionError(`Cannot convert value "${String(v)}" to type "System.DateTime" for '${what}'.`);
    return d;
  }
  if (ns.isBooleanSchema()) {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string') return /^(true|1|\$true)$/i.test(v.trim());
    return !!v;
  }
  if (ns.isNumericSchema() || ns.isBigIntegerSchema?.()) {
    if (typeof v === 'number') return v;
    const n = Number(typeof v === 'string' ? v.trim() : v);
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(n)) return n;
    throw new ConversionError(`Cannot convert value "${String(v)}" to a number for '${what}'.`);
  }
  if (ns.isStringSchema()) {
    if (v instanceof Date) return v.toISOString();
    return typeof v === 'string' ? v : String(v);
  }
  if (ns.isMapSchema()) {
    const e = entries(v);
    if (!e) throw new ConversionError(`'${what}' takes a hashtable.`);
    const inner = ns.getValueSchema();
    return Object.fromEntries(e.map(([k, x]) => [k, toSdk(x, inner, `${what}.${k}`)]));
  }
  if (ns.isStructSchema()) {
    const scalarMember = scalarStructMembers[ns.getName() ?? ''];
    if (scalarMember && (typeof v === 'string' || typeof v === 'number')) return { [scalarMember]: String(v) };
    const e = entries(v);
    if (!e) throw new ConversionError(`Cannot convert "${String(v)}" to the structure '${what}' takes; use a hashtable or an object.`);
    const members = new Map<string, [string, NS]>();
    for (const [name, m] of ns.structIterator()) members.set(name.toLowerCase(), [name, m]);
    const out: Record<string, unknown> = {};
    for (const [k, x] of e) {
      const m = members.get(k.toLowerCase()) ?? members.get(dotnetMemberAliases[k.toLowerCase()] ?? '');
      if (!m && (x === null || x === undefined)) continue;
      if (!m) throw new ConversionError(`'${k}' is not a member of ${ns.getName() ?? what}.`);
      const c = toSdk(x, m[1], `${what}.${m[0]}`);
      if (c !== undefined) out[m[0]] = c;
    }
    return out;
  }
  if (ns.isDocumentSchema()) return toJson(v);
  return v;
}

/** A blob accepts a string, a string[] (joined with newlines, UTF-8), bytes, or a file object. */
export function toBlob(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  if (Array.isArray(v)) {
    if (v.every((x) => typeof plain(x) === 'number')) return Uint8Array.from(v.map((x) => plain(x) as number));
    return Buffer.from(v.map((x) => String(plain(x))).join('\n'), 'utf8');
  }
  if (v && typeof v === 'object') {
    const full = (v as Record<string, unknown>).FullName ?? (v as Record<string, unknown>).fullName;
    if (typeof full === 'string') return readFileSync(full);
  }
  return Buffer.from(String(v), 'utf8');
}

function toJson(v: unknown): unknown {
  const p = plain(v);
  if (Array.isArray(p)) return p.map(toJson);
  const e = p !== null && typeof p === 'object' && !(p instanceof Date) ? entries(p) : null;
  return e ? Object.fromEntries(e.map(([k, x]) => [k, toJson(x)])) : p;
}

/** A copy of an SDK value with members the schema marks sensitive blanked (null). */
/** Per schema: does anything below it carry the sensitive trait? (Cached: responses repeat the same shapes.) */
const sensitiveBelow = new WeakMap<object, boolean>();

function schemaKey(ns: NS): object {
  const s = (ns as unknown as { getSchema?: () => unknown }).getSchema?.();
  return s !== null && typeof s === 'object' ? s : (ns as unknown as object);
}

function hasSensitive(ns: NS, depth = 0): boolean {
  if (depth > 20) return false;
  const key = schemaKey(ns);
  const known = sensitiveBelow.get(key);
  if (known !== undefined) return known;
  sensitiveBelow.set(key, false); // cycle guard while walking
  let found = false;
  if (ns.isListSchema() || ns.isMapSchema()) found = hasSensitive(ns.getValueSchema(), depth + 1);
  else if (ns.isStructSchema()) {
    for (const [, m] of ns.structIterator()) {
      if (m.getMergedTraits().sensitive || hasSensitive(m, depth + 1)) {
        found = true;
        break;
      }
    }
  }
  sensitiveBelow.set(key, found);
  return found;
}

export function redact(value: unknown, ns: NS, depth = 0): unknown {
  if (value === null || value === undefined || depth > 20) return value ?? null;
  // Most shapes (S3 object listings, say) hold nothing sensitive: keep them as they are, without copying.
  if (!hasSensitive(ns)) return value;
  if (ns.isListSchema() && Array.isArray(value)) {
    const inner = ns.getValueSchema();
    return value.map((x) => redact(x, inner, depth + 1));
  }
  if (ns.isMapSchema() && typeof value === 'object') {
    const inner = ns.getValueSchema();
    return Object.fromEntries(Object.entries(value as object).map(([k, x]) => [k, redact(x, inner, depth + 1)]));
  }
  if (ns.isStructSchema() && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const src = value as Record<string | symbol, unknown>;
    const out: Record<string | symbol, unknown> = {};
    const members = new Map<string, NS>();
    for (const [name, m] of ns.structIterator()) members.set(name, m);
    for (const k of Object.keys(src)) {
      const m = members.get(k);
      if (!m) out[k] = src[k];
      else out[k] = m.getMergedTraits().sensitive ? null : redact(src[k], m, depth + 1);
    }
    for (const s of Object.getOwnPropertySymbols(src)) out[s] = src[s];
    return out;
  }
  return value;
}
