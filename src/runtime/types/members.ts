// Property access on every kind of value: PSObject members, hashtable keys, arrays (with member enumeration),
// dates, .NET-like class instances, plain JS objects (AWS responses), and the intrinsic PSObject/pstypenames.
import { ErrorRecord, PSException, requireSync, runtimeError } from '../errors.js';
import { invokeScriptBlockMaybe, ScriptBlock } from '../interpreter/scriptblock.js';
import { eachMaybe } from '../interpreter/maybe-async.js';
import { PSChar, makeDouble } from '../values/numbers.js';
import { ClassInstance, PSHashtable, PSObject, type PSMember } from '../values/objects.js';
import { convertTo } from './cast.js';
import { PSDictionary, PSHashSet, PSList, PSQueue, PSStack, PSStringBuilder, getEnumerable } from './collections.js';
import { TimeSpan, dateKind, dateParts, dateTicks, dateFromParts, displayHintOf, dateTimeDisplay } from './datetime.js';
import { propertyNotFoundError, psObjectPropertyNotFoundError, readOnlyPropertyError } from './method-errors.js';
import { PSType, resolveType, typeByFullName } from './ps-type.js';
import { PSEnumValue, PSRegex, RegexOptionFlags, TYPE_NAME } from './simple-values.js';
import { typeNamesOf, typeOf } from './type-of.js';
import { typeMemberOf, typeMembersOf } from './type-data.js';
import { adapterOf } from './adapted.js';

const NOT_FOUND: unique symbol = Symbol('notFound');
type Found = unknown | typeof NOT_FOUND;

function norm(v: unknown): unknown {
  return v === undefined ? null : v;
}

/** Collapse script output to a value: nothing → null, one item → the item, more → an array. */
function scriptResult(out: unknown[]): unknown {
  return out.length === 0 ? null : out.length === 1 ? out[0] : out;
}

function isPlainObject(v: object): boolean {
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

/** Case-insensitive own key of a plain object. */
function findKey(o: object, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(o, name)) return name;
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return k;
  return undefined;
}

/** Public (Pascal-cased) property of a class instance: own field or prototype getter. */
function findClassProperty(o: object, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower && /^[A-Z]/.test(k) && typeof (o as Record<string, unknown>)[k] !== 'function') return k;
  for (let p = Object.getPrototypeOf(o); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      if (k.toLowerCase() !== lower || !/^[A-Z]/.test(k)) continue;
      const d = Object.getOwnPropertyDescriptor(p, k);
      if (d?.get) return k;
    }
  }
  return undefined;
}

function classPropertyNames(o: object): string[] {
  const names: string[] = [];
  for (const k of Object.keys(o)) if (/^[A-Z]/.test(k) && typeof (o as Record<string, unknown>)[k] !== 'function') names.push(k);
  for (let p = Object.getPrototypeOf(o); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) {
      if (!/^[A-Z]/.test(k) || names.includes(k)) continue;
      if (Object.getOwnPropertyDescriptor(p, k)?.get) names.push(k);
    }
  }
  return names;
}

function memberValue(obj: PSObject, m: PSMember, depth = 0): unknown {
  switch (m.memberType) {
    case 'NoteProperty':
    case 'Property':
      return norm(m.value);
    case 'ScriptProperty':
      if (!(m.value instanceof ScriptBlock)) return null;
      {
        const out = invokeScriptBlockMaybe(m.value, { thisValue: obj });
        return out instanceof Promise ? out.then(scriptResult) : scriptResult(out);
      }
    case 'AliasProperty': {
      if (depth > 10) return null;
      const v = getMemberMaybe(obj, String(m.value));
      if (!(m.aliasType instanceof PSType)) return v;
      const type = m.aliasType;
      return v instanceof Promise ? v.then((x) => convertTo(x, type)) : convertTo(v, type);
    }
    default:
      return NOT_FOUND;
  }
}

function dateMember(d: Date, lname: string): Found {
  const p = dateParts(d);
  switch (lname) {
    case 'year': return p.year;
    case 'month': return p.month;
    case 'day': return p.day;
    case 'hour': return p.hour;
    case 'minute': return p.minute;
    case 'second': return p.second;
    case 'millisecond': return p.ms;
    case 'microsecond': return 0;
    case 'nanosecond': return 0;
    case 'dayofweek': return new PSEnumValue(resolveType('System.DayOfWeek')!, p.dow);
    case 'dayofyear': {
      const start = Date.UTC(p.year, 0, 1);
      return Math.floor((Date.UTC(p.year, p.month - 1, p.day) - start) / 86400000) + 1;
    }
    case 'date': return dateFromParts(p.year, p.month, p.day, 0, 0, 0, 0, dateKind(d));
    case 'timeofday': return TimeSpan.fromParts(0, p.hour, p.minute, p.second, p.ms);
    case 'ticks': return dateTicks(d);
    case 'kind': return new PSEnumValue(resolveType('System.DateTimeKind')!, ['Unspecified', 'Utc', 'Local'].indexOf(dateKind(d)));
    case 'displayhint': return displayHintOf(d);
    case 'datetime': return dateTimeDisplay(d);
  }
  return NOT_FOUND;
}

/**
 * A DateTime's properties as pwsh lists them: Get-Date's DisplayHint note (only on dates it tagged), the
 * types.ps1xml `DateTime` script property, then .NET 8's properties in reflection order.
 */
export function dateTimePropertyNames(d: Date): string[] {
  const names = ['DateTime', 'Date', 'Day', 'DayOfWeek', 'DayOfYear', 'Hour', 'Kind', 'Millisecond', 'Microsecond', 'Nanosecond', 'Minute', 'Month', 'Second', 'Ticks', 'TimeOfDay', 'Year'];
  return displayHintOf(d) === null ? names : ['DisplayHint', ...names];
}

// .NET 8's TimeSpan properties, in reflection order.
export const TIMESPAN_PROPS = [
  'Ticks', 'Days', 'Hours', 'Milliseconds', 'Microseconds', 'Nanoseconds', 'Minutes', 'Seconds',
  'TotalDays', 'TotalHours', 'TotalMilliseconds', 'TotalMicroseconds', 'TotalNanoseconds', 'TotalMinutes', 'TotalSeconds',
];
const TIMESPAN_TOTALS: Record<string, string> = Object.fromEntries(TIMESPAN_PROPS.filter((n) => n.startsWith('Total')).map((n) => [n.toLowerCase(), n]));

function regexMember(r: PSRegex, lname: string): Found {
  switch (lname) {
    case 'options': return new PSEnumValue(resolveType('System.Text.RegularExpressions.RegexOptions')!, r.options);
    case 'righttoleft': return (r.options & RegexOptionFlags.RightToLeft) !== 0;
    // Regex.InfiniteMatchTimeout: -1 ms.
    case 'matchtimeout': return TimeSpan.fromParts(0, 0, 0, 0, -1);
  }
  return NOT_FOUND;
}

const ARRAY_PROPS = ['Length', 'LongLength', 'Rank', 'SyncRoot', 'IsReadOnly', 'IsFixedSize', 'IsSynchronized', 'Count'];
const HASHTABLE_PROPS = ['IsReadOnly', 'IsFixedSize', 'IsSynchronized', 'Keys', 'Values', 'SyncRoot', 'Count'];

function arrayMember(a: unknown[], lname: string): Found {
  switch (lname) {
    case 'count':
    case 'length':
      return a.length;
    case 'longlength':
      return BigInt(a.length);
    case 'rank':
      return 1;
    case 'isreadonly':
      return false;
    case 'isfixedsize':
      return !(a instanceof PSList);
    case 'issynchronized':
      return false;
    case 'syncroot':
      return a;
    case 'capacity':
      return a instanceof PSList ? Math.max(4, a.length) : NOT_FOUND;
  }
  return NOT_FOUND;
}

function hashtableMember(h: PSHashtable, lname: string): Found {
  switch (lname) {
    case 'count':
      return h.size;
    case 'keys':
      return [...h.keys()];
    case 'values':
      return [...h.values()];
    case 'isreadonly':
    case 'isfixedsize':
    case 'issynchronized':
      return false;
    case 'syncroot':
      return h;
    case 'comparer':
      return null;
  }
  return NOT_FOUND;
}

/**
 * Makes the script-visible view of a script block's AST (System.Management.Automation.Language.ScriptBlockAst with
 * Find/FindAll/Extent/Parent). The hosting types define it; they load with the builtin type tables.
 */
let scriptBlockAstView: ((sb: ScriptBlock) => unknown) | null = null;
export function setScriptBlockAstView(view: (sb: ScriptBlock) => unknown): void {
  scriptBlockAstView = view;
}

/** ScriptBlock properties. `.Ast` is the AST's script view (the raw AST until the hosting types have loaded). */
function scriptBlockMember(sb: ScriptBlock, lname: string): Found {
  switch (lname) {
    case 'ast':
      if (!scriptBlockAstView) resolveType('scriptblock');
      return scriptBlockAstView ? scriptBlockAstView(sb) : sb.ast;
    case 'isfilter':
      return sb.ast.isFilter;
    case 'file':
    case 'module':
      return null;
    case 'attributes':
      return sb.ast.paramBlock ? [...sb.ast.paramBlock.attributes] : [];
    case 'startposition':
      return null;
  }
  return NOT_FOUND;
}

/** Member enumeration: the member of each element, flattening collections, skipping missing/null results. */
function enumerateMember(items: unknown[], name: string, start = 0, out: unknown[] = []): unknown {
  const add = (v: unknown) => {
    if (v === NOT_FOUND || v === null) return;
    const e = Array.isArray(v) ? v : null;
    if (e) for (const x of e) out.push(x);
    else out.push(v);
  };
  for (let i = start; i < items.length; i++) {
    const item = items[i];
    if (item === null || item === undefined) continue;
    const v = lookup(item, name, true);
    // A ScriptProperty that ran an async command: the rest follow when it settles.
    if (v instanceof Promise) return v.then((x) => (add(x), enumerateMember(items, name, i + 1, out)));
    add(v);
  }
  return out.length === 0 ? null : out.length === 1 ? out[0] : out;
}

/**
 * Members Add-Member gave a value that is not itself a PSObject (a hashtable, a list, an array): pwsh keeps them in
 * its instance-members resurrection table, keyed by the object, so they outlive the wrapper Add-Member made.
 */
const attachedMembers = new WeakMap<object, PSObject>();

/** The wrapper holding an object's attached members, made (and remembered) on first use. */
export function attachedMemberWrapper(obj: object): PSObject {
  let w = attachedMembers.get(obj);
  if (!w) {
    w = new PSObject(typeNamesOf(obj).slice(), obj);
    attachedMembers.set(obj, w);
  }
  return w;
}

/** Names of the properties Add-Member attached to a non-PSObject value. */
export function attachedPropertyNames(obj: unknown): string[] {
  const w = obj !== null && typeof obj === 'object' ? attachedMembers.get(obj) : undefined;
  return w ? [...w.properties()].map((m) => m.name) : [];
}

/** A property Add-Member attached to a non-PSObject value, else one Update-TypeData gave its type. */
function attachedProperty(target: object, name: string, want: boolean): Found {
  const w = attachedMembers.get(target);
  const m = w?.getMember(name);
  if (m && m.memberType !== 'ScriptMethod' && m.memberType !== 'CodeMethod') return want ? memberValue(w!, m) : true;
  return typeDataProperty(target, typeNamesOf(target), name, want);
}

/** A property Update-TypeData added to one of the object's types (`$this` is the object). */
function typeDataProperty(target: object, typeNames: readonly string[], name: string, want: boolean): Found {
  const m = typeMemberOf(typeNames, name);
  if (!m || m.memberType === 'ScriptMethod' || m.memberType === 'CodeMethod') return NOT_FOUND;
  if (!want) return true;
  return memberValue(target instanceof PSObject ? target : new PSObject(typeNames.slice(), target), m);
}

/** A ScriptMethod/CodeMethod Add-Member attached to a non-PSObject value, or undefined. */
export function attachedMethod(target: unknown, name: string): { wrapper: PSObject; member: PSMember } | undefined {
  if (target === null || typeof target !== 'object') return undefined;
  const w = attachedMembers.get(target);
  const m = w?.getMember(name);
  return m && (m.memberType === 'ScriptMethod' || m.memberType === 'CodeMethod') ? { wrapper: w!, member: m } : undefined;
}

function lookup(target: unknown, name: string, want: boolean): Found {
  const lname = name.toLowerCase();
  if (typeof target === 'string') return lname === 'length' ? target.length : NOT_FOUND;
  if (target === null || target === undefined || typeof target !== 'object') return NOT_FOUND;
  if (target instanceof PSObject) {
    const m = target.getMember(name);
    if (m) {
      if (m.memberType === 'ScriptMethod' || m.memberType === 'CodeMethod') return NOT_FOUND;
      return want ? memberValue(target, m) : true;
    }
    const typed = typeDataProperty(target, target.typeNames, name, want);
    if (typed !== NOT_FOUND) return typed;
    if (target.baseObject !== undefined && target.baseObject !== null) return lookup(target.baseObject, name, want);
    return NOT_FOUND;
  }
  if (target instanceof HashtableBase) return hashtableMember(target.table, lname);
  if (target instanceof PSHashtable) {
    if (target.has(name)) return target.getByKey(name);
    // `$h.2` reads the Int32 key 2 (the member name is a number literal).
    if (/^-?\d+$/.test(name) && target.has(Number(name))) return target.getByKey(Number(name));
    const attached = attachedProperty(target, name, want);
    return attached !== NOT_FOUND ? attached : hashtableMember(target, lname);
  }
  const attached = attachedProperty(target, name, want);
  if (attached !== NOT_FOUND) return attached;
  const adapter = adapterOf(target);
  if (adapter) {
    const r = adapter.getProperty(target, name);
    return r ? (want ? r.value : true) : NOT_FOUND;
  }
  if (Array.isArray(target)) {
    const r = arrayMember(target, lname);
    if (r !== NOT_FOUND) return r;
    if (!want) return NOT_FOUND;
    return enumerateMember(target, name);
  }
  if (target instanceof Date) return dateMember(target, lname);
  if (target instanceof ScriptBlock) return scriptBlockMember(target, lname);
  if (target instanceof PSHashSet) return lname === 'count' ? target.size : lname === 'comparer' ? null : NOT_FOUND;
  if (target instanceof PSQueue || target instanceof PSStack) return lname === 'count' ? target.items.length : NOT_FOUND;
  if (target instanceof PSStringBuilder) {
    if (lname === 'length') return target.value.length;
    if (lname === 'capacity') return Math.max(16, target.value.length);
    return NOT_FOUND;
  }
  if (target instanceof Uint8Array) return lname === 'length' || lname === 'count' ? target.length : lname === 'rank' ? 1 : NOT_FOUND;
  if (target instanceof PSEnumValue) return lname === 'value__' ? target.value : NOT_FOUND;
  if (target instanceof PSRegex) return regexMember(target, lname);
  // TimeSpan.Ticks is an Int64 (kept as a JS number inside).
  if (target instanceof TimeSpan && lname === 'ticks') return BigInt(target.Ticks);
  // Its Total* properties are Doubles even when integral.
  if (target instanceof TimeSpan && lname.startsWith('total')) {
    const v = (target as unknown as Record<string, unknown>)[TIMESPAN_TOTALS[lname] ?? ''];
    return typeof v === 'number' ? makeDouble(v) : NOT_FOUND;
  }
  if (target instanceof PSType) {
    if (lname === 'generictypearguments') return target.genericArgs ? [...target.genericArgs] : [];
    if (lname === 'assemblyqualifiedname') return target.FullName;
    if (lname === 'isclass') return !target.IsValueType;
  }
  if (target instanceof PSException) {
    if (lname === 'data') return new PSHashtable();
    if (lname === 'hresult') return -2146233087;
    if (lname === 'stacktrace' || lname === 'source' || lname === 'helplink') return null;
    if (lname === 'targetsite') return null;
    const k = findKey(target, name);
    return k === undefined ? NOT_FOUND : norm((target as Record<string, unknown>)[k]);
  }
  if (target instanceof ErrorRecord) {
    if (lname === 'pipelineiterationinfo') return [];
    const k = findClassProperty(target, name);
    return k === undefined ? NOT_FOUND : norm((target as unknown as Record<string, unknown>)[k]);
  }
  if (isPlainObject(target)) {
    const k = findKey(target, name);
    return k === undefined ? NOT_FOUND : norm((target as Record<string, unknown>)[k]);
  }
  if (target instanceof PSObjectView) {
    const k = findClassProperty(target, name);
    return k === undefined ? NOT_FOUND : norm((target as unknown as Record<string, unknown>)[k]);
  }
  const k = findClassProperty(target, name);
  return k === undefined ? NOT_FOUND : norm((target as Record<string, unknown>)[k]);
}

/** `$h.psbase`: the dictionary's own members (Keys, Count...) even when keys of the same name exist. */
export class HashtableBase {
  constructor(readonly table: PSHashtable) {}
  toString(): string {
    return this.table.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable';
  }
}

function psBaseOf(target: unknown): unknown {
  if (target instanceof PSHashtable) return new HashtableBase(target);
  if (target instanceof PSObject && target.baseObject !== undefined && target.baseObject !== null) return target.baseObject;
  return target;
}

/** `$x.Name` (case-insensitive); a missing member gives null. A ScriptProperty that runs an async command is reported (AsyncNotSupported). */
export function getMember(target: unknown, name: string): unknown {
  const r = getMemberMaybe(target, name);
  return r instanceof Promise ? requireSync(r) : r;
}

/** getMember for callers that can wait: a Promise when a ScriptProperty getter ran an async command. */
export function getMemberMaybe(target: unknown, name: string): unknown {
  const lname = name.toLowerCase();
  if (lname === 'psobject') return target === null || target === undefined ? null : new PSObjectView(target);
  if (lname === 'pstypenames') return target === null || target === undefined ? null : typeNamesOf(target);
  if (lname === 'psbase' && target !== null && target !== undefined) return psBaseOf(target);
  const r = lookup(target, name, true);
  if (r !== NOT_FOUND) return r;
  // Intrinsic Count/Length: scalars count as one item, $null as none.
  if (lname === 'count' || lname === 'length') return target === null || target === undefined ? 0 : 1;
  return null;
}

/** Does the value have this property (for strict mode and Get-Member-like checks)? */
export function hasMember(target: unknown, name: string): boolean {
  const lname = name.toLowerCase();
  if (lname === 'psobject' || lname === 'pstypenames') return target !== null && target !== undefined;
  if (Array.isArray(target)) {
    if (arrayMember(target, lname) !== NOT_FOUND) return true;
    for (const x of target) if (hasMember(x, name)) return true;
    return false;
  }
  return lookup(target, name, false) !== NOT_FOUND;
}

// -------------------------------------------------------------------------------------------------
// Set

function convertForProperty(target: object, key: string, value: unknown): unknown {
  const tn = (target as { [TYPE_NAME]?: unknown })[TYPE_NAME];
  if (typeof tn !== 'string') return value;
  const t = typeByFullName(tn);
  const prop = t?.def.properties?.find((p) => p.name.toLowerCase() === key.toLowerCase());
  const pt = prop?.type ? resolveType(prop.type) : null;
  return pt && value !== null ? convertTo(value, pt) : value;
}

/** `$x.Name = value`. A ScriptProperty setter that runs an async command is reported (AsyncNotSupported). */
export function setMember(target: unknown, name: string, value: unknown): void {
  const r = setMemberMaybe(target, name, value);
  if (r instanceof Promise) requireSync(r);
}

/** setMember for callers that can wait: a Promise when a ScriptProperty setter ran an async command. */
export function setMemberMaybe(target: unknown, name: string, value: unknown): void | Promise<void> {
  if (target === null || target === undefined || typeof target !== 'object') throw propertyNotFoundError(name);
  if (target instanceof PSObject) {
    const m = target.getMember(name);
    if (m) {
      if (m.memberType === 'Property' && target instanceof ClassInstance) {
        target.behaviour.assign(target, m, value);
        return;
      }
      if (m.memberType === 'NoteProperty' || m.memberType === 'Property') {
        m.value = value;
        return;
      }
      if (m.memberType === 'ScriptProperty') {
        if (m.setter instanceof ScriptBlock) {
          const r = invokeScriptBlockMaybe(m.setter, { thisValue: target, args: [value], dollarUnder: value });
          return r instanceof Promise ? r.then(() => {}) : undefined;
        }
        throw runtimeError(`Set accessor for property "${m.name}" is unavailable.`, 'SetWithoutSetterException', { category: 'InvalidOperation', exceptionType: 'System.Management.Automation.SetValueException' });
      }
      if (m.memberType === 'AliasProperty') return setMemberMaybe(target, String(m.value), value);
      throw propertyNotFoundError(name);
    }
    if (target.baseObject !== undefined && target.baseObject !== null) return setMemberMaybe(target.baseObject, name, value);
    throw psObjectPropertyNotFoundError(name);
  }
  if (target instanceof PSHashtable) {
    target.set(name, value);
    return;
  }
  const adapter = adapterOf(target);
  if (adapter) {
    if (!adapter.setProperty(target, name, value)) throw propertyNotFoundError(name);
    return;
  }
  if (Array.isArray(target)) {
    if (arrayMember(target, name.toLowerCase()) !== NOT_FOUND) throw readOnlyPropertyError(name);
    // Member-enumeration assignment: set the property on every element.
    if (target.length === 0) throw propertyNotFoundError(name);
    return eachMaybe(target, (x) => setMemberMaybe(x, name, value));
  }
  if (isPlainObject(target)) {
    let key = findKey(target, name);
    if (key === undefined) {
      const tn = (target as { [TYPE_NAME]?: unknown })[TYPE_NAME];
      const prop = typeof tn === 'string' ? typeByFullName(tn)?.def.properties?.find((p) => p.name.toLowerCase() === name.toLowerCase()) : undefined;
      if (!prop) throw propertyNotFoundError(name);
      key = prop.name;
    }
    (target as Record<string, unknown>)[key] = convertForProperty(target, key, value);
    return;
  }
  if (target instanceof PSException) {
    const key = findKey(target, name);
    if (key === undefined || key === 'typeName') throw propertyNotFoundError(name);
    target[key] = value;
    return;
  }
  const key = findClassProperty(target, name);
  if (key === undefined) throw propertyNotFoundError(name);
  let settable = Object.getOwnPropertyDescriptor(target, key)?.writable ?? false;
  for (let p = Object.getPrototypeOf(target); !settable && p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (Object.getOwnPropertyDescriptor(p, key)?.set) settable = true;
  }
  if (!settable || Object.isFrozen(target)) throw readOnlyPropertyError(key);
  try {
    (target as Record<string, unknown>)[key] = value;
  } catch {
    throw readOnlyPropertyError(key);
  }
}

// -------------------------------------------------------------------------------------------------
// Property listing and the intrinsic PSObject member set

export interface PropertyInfo {
  name: string;
  memberType: string;
  get(): unknown;
  settable: boolean;
}

/** The properties of a value, in display order (what Select-Object * / Format-List * / .PSObject.Properties list). */
export function getProperties(v: unknown): PropertyInfo[] {
  if (v === null || v === undefined) return [];
  if (v instanceof PSObject) {
    const own = instanceProperties(v);
    if (v.baseObject !== undefined && v.baseObject !== null) return own.concat(getProperties(v.baseObject));
    return own.concat(typeDataProperties(v, v.typeNames, own));
  }
  const attached = typeof v === 'object' ? attachedMembers.get(v) : undefined;
  const own = attached ? instanceProperties(attached) : [];
  const typed = typeof v === 'object' ? typeDataProperties(v, typeNamesOf(v), own) : [];
  return own.concat(typed, adaptedProperties(v));
}

/** The properties Update-TypeData gave the object's types, leaving out names already listed. */
function typeDataProperties(v: object, typeNames: readonly string[], listed: PropertyInfo[]): PropertyInfo[] {
  const seen = new Set(listed.map((p) => p.name.toLowerCase()));
  return typeMembersOf(typeNames)
    .filter((m) => m.memberType !== 'ScriptMethod' && m.memberType !== 'CodeMethod' && !seen.has(m.name.toLowerCase()))
    .map((m) => ({ name: m.name, memberType: m.memberType, get: () => getMember(v, m.name), settable: m.memberType === 'NoteProperty' }));
}

/** A PSObject's own (instance) properties. */
function instanceProperties(v: PSObject): PropertyInfo[] {
  return [...v.properties()].map((m) => ({
    name: m.name,
    memberType: m.memberType,
    get: () => requireSync(memberValue(v, m)),
    settable: m.memberType !== 'ScriptProperty' || m.setter instanceof ScriptBlock,
  }));
}

/** The properties a value's type gives it. */
function adaptedProperties(v: unknown): PropertyInfo[] {
  if (v === null || v === undefined) return [];
  const simple = (names: string[], settable = false): PropertyInfo[] =>
    names.map((n) => ({ name: n, memberType: 'Property', get: () => getMember(v, n), settable }));
  if (typeof v === 'string') return simple(['Length']);
  if (typeof v !== 'object') return [];
  const adapter = adapterOf(v);
  if (adapter) return simple(adapter.propertyNames(v), true);
  if (v instanceof PSHashtable) return simple(HASHTABLE_PROPS);
  if (Array.isArray(v)) return simple(v instanceof PSList ? ['Capacity', 'Count', 'IsFixedSize', 'IsReadOnly', 'IsSynchronized', 'SyncRoot'] : ARRAY_PROPS);
  if (v instanceof Date) return simple(dateTimePropertyNames(v));
  if (v instanceof PSHashSet || v instanceof PSQueue || v instanceof PSStack) return simple(['Count']);
  if (v instanceof PSStringBuilder) return simple(['Capacity', 'MaxCapacity', 'Length']);
  // A plain object's function-valued members are its methods, not properties.
  if (isPlainObject(v)) return simple(Object.keys(v).filter((k) => typeof (v as Record<string, unknown>)[k] !== 'function'), true);
  if (v instanceof PSException) {
    const extra = Object.keys(v).filter((k) => /^[A-Z]/.test(k) && k !== 'Message' && k !== 'InnerException');
    return simple([...extra, 'Message', 'Data', 'InnerException', 'TargetSite', 'StackTrace', 'HelpLink', 'Source', 'HResult']);
  }
  if (v instanceof TimeSpan)
    return simple(TIMESPAN_PROPS);
  if (v instanceof PSChar || v instanceof PSEnumValue) return [];
  return simple(classPropertyNames(v), true);
}

/** A PSPropertyInfo as seen by scripts (`$x.PSObject.Properties`). */
export class PSPropertyView {
  constructor(
    private readonly owner: unknown,
    private readonly info: PropertyInfo,
  ) {}
  get Name(): string {
    return this.info.name;
  }
  get Value(): unknown {
    return this.info.get();
  }
  set Value(v: unknown) {
    setMember(this.owner, this.info.name, v);
  }
  get MemberType(): string {
    return this.info.memberType;
  }
  get TypeNameOfValue(): string {
    const val = this.info.get();
    return val === null ? 'System.Object' : typeOf(val).FullName;
  }
  get IsSettable(): boolean {
    return this.info.settable;
  }
  get IsGettable(): boolean {
    return true;
  }
  get IsInstance(): boolean {
    return true;
  }
  toString(): string {
    const val = this.info.get();
    return `${val === null ? 'System.Object' : typeOf(val).psName} ${this.info.name}=${val === null ? '' : String(val)}`;
  }
}

/** A method entry in `.PSObject.Methods` / `.PSObject.Members`. */
export class PSMethodView {
  constructor(readonly Name: string, readonly MemberType = 'Method') {}
  toString(): string {
    return this.Name;
  }
}

/** `.PSObject.Properties` / `.Members`: an array with a name indexer helper (`Match`, `Item`). */
export class PSMemberCollection extends Array<unknown> {
  owner: unknown = null;
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  static of2(owner: unknown, items: unknown[]): PSMemberCollection {
    const c = new PSMemberCollection();
    c.owner = owner;
    for (const x of items) c.push(x);
    return c;
  }
  /** Member by name (case-insensitive), or null. */
  item(name: string): unknown {
    const l = name.toLowerCase();
    return this.find((m) => String((m as { Name: string }).Name).toLowerCase() === l) ?? null;
  }
}

/** The intrinsic `.PSObject` member set. */
export class PSObjectView {
  constructor(private readonly target: unknown) {}
  get Properties(): PSMemberCollection {
    return PSMemberCollection.of2(this.target, getProperties(this.target).map((p) => new PSPropertyView(this.target, p)));
  }
  get Members(): PSMemberCollection {
    const props = getProperties(this.target).map((p) => new PSPropertyView(this.target, p) as unknown);
    if (this.target instanceof PSObject)
      for (const m of this.target.members.values())
        if (m.memberType === 'ScriptMethod' || m.memberType === 'CodeMethod') props.push(new PSMethodView(m.name, m.memberType));
    return PSMemberCollection.of2(this.target, props);
  }
  get Methods(): PSMemberCollection {
    const out: unknown[] = [];
    if (this.target instanceof PSObject)
      for (const m of this.target.members.values())
        if (m.memberType === 'ScriptMethod' || m.memberType === 'CodeMethod') out.push(new PSMethodView(m.name, m.memberType));
    out.push(new PSMethodView('ToString'), new PSMethodView('GetType'), new PSMethodView('Equals'), new PSMethodView('GetHashCode'));
    return PSMemberCollection.of2(this.target, out);
  }
  get TypeNames(): string[] {
    const t = this.target;
    if (t instanceof PSObject) {
      // Make TypeNames a mutable list so `.Insert(0, 'X')` / `.Add()` change the object's type names.
      if (!(t.typeNames instanceof PSList)) t.typeNames = PSList.create(typeByFullName('System.String'), t.typeNames) as unknown as string[];
      return t.typeNames;
    }
    return typeNamesOf(t);
  }
  get BaseObject(): unknown {
    const t = this.target;
    if (t instanceof PSObject) return t.baseObject !== undefined && t.baseObject !== null ? t.baseObject : t;
    return t;
  }
  get ImmediateBaseObject(): unknown {
    return this.BaseObject;
  }
  toString(): string {
    return String(this.target);
  }
}

export { getEnumerable, PSDictionary };
