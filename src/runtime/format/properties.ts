// Reading objects for display: their property names (in order) and values.
import { PSObject, PSHashtable } from '../values/objects.js';
import { getMember, typeNamesOf, DictionaryEntry, TimeSpan, TIMESPAN_PROPS, dateTimePropertyNames } from '../types/index.js';
import { findView } from './views.js';
import { typeMembersOf } from '../types/type-data.js';
import { adapterOf } from '../types/adapted.js';

/** All property names of an object, in order (pwsh's `*` expansion). */
export function propertyNamesOf(obj: unknown): string[] {
  if (obj === null || obj === undefined || typeof obj !== 'object') return [];
  if (obj instanceof PSObject) {
    const names: string[] = [];
    for (const m of obj.properties()) names.push(m.name);
    if (names.length === 0 && obj.baseObject !== undefined && obj.baseObject !== null) return propertyNamesOf(obj.baseObject);
    // Then the properties Update-TypeData gave its types.
    const seen = new Set(names.map((n) => n.toLowerCase()));
    for (const m of typeMembersOf(obj.typeNames)) {
      if (m.memberType !== 'ScriptMethod' && m.memberType !== 'CodeMethod' && !seen.has(m.name.toLowerCase())) names.push(m.name);
    }
    return names;
  }
  const adapter = adapterOf(obj);
  if (adapter) return adapter.propertyNames(obj);
  if (obj instanceof DictionaryEntry) return ['Name', 'Key', 'Value'];
  if (obj instanceof PSHashtable) return ['IsReadOnly', 'IsFixedSize', 'IsSynchronized', 'Keys', 'Values', 'SyncRoot', 'Count'];
  if (obj instanceof Date) return dateTimePropertyNames(obj);
  if (obj instanceof TimeSpan) return TIMESPAN_PROPS;
  const proto = Object.getPrototypeOf(obj);
  // Function-valued members of a plain object are methods: not listed as properties.
  if (proto === Object.prototype || proto === null) return Object.keys(obj).filter((k) => typeof (obj as Record<string, unknown>)[k] !== 'function');
  // Class instances: own public fields plus getters along the prototype chain.
  const names = new Set<string>();
  for (const k of Object.keys(obj)) if (!k.startsWith('_')) names.add(k);
  for (let p = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) if (d.get && !k.startsWith('_')) names.add(k);
  }
  return [...names];
}

/** The value of a property as `$obj.Name` reads it (null when missing). */
export function propertyValueOf(obj: unknown, name: string): unknown {
  if (obj === null || obj === undefined) return null;
  if (obj instanceof PSObject) {
    const m = obj.getMember(name);
    if (m && m.memberType === 'NoteProperty') return m.value ?? null;
    if (!m && obj.baseObject !== undefined && obj.baseObject !== null) return propertyValueOf(obj.baseObject, name);
  } else if (obj instanceof PSHashtable) {
    if (obj.has(name)) return obj.get(name);
  } else if (adapterOf(obj)) {
    return getMember(obj, name);
  } else if (typeof obj === 'object' && !(obj instanceof Date) && !(obj instanceof TimeSpan)) {
    const rec = obj as Record<string, unknown>;
    if (name in rec && typeof rec[name] !== 'function') return rec[name] ?? null;
    const lower = name.toLowerCase();
    for (const k of Object.keys(rec)) if (k.toLowerCase() === lower) return rec[k] ?? null;
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) {
      for (let p = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
        for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) {
          if (d.get && k.toLowerCase() === lower) return rec[k] ?? null;
        }
      }
    }
  }
  const v = getMember(obj, name);
  return v === undefined ? null : v;
}

/** Properties shown by default: the type's DefaultDisplayPropertySet, else all of them. */
export function defaultPropertyNames(obj: unknown): string[] {
  const found = findView(typeNamesOf(obj));
  if (found?.view.defaultProperties) return found.view.defaultProperties;
  return propertyNamesOf(obj);
}

export { typeNamesOf };
