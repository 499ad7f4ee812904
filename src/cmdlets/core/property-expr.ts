// Property specifications as Select-Object, Sort-Object, Group-Object, Measure-Object and Compare-Object take them:
// a name (wildcards allowed), a script block, or a hashtable (calculated property) with Name/Label and Expression.
import type { CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSHashtable } from '../../runtime/values/objects.js';
import { runtimeError } from '../../runtime/errors.js';
import { isWildcardPattern } from '../../runtime/values/wildcard.js';
import { toBool } from '../../runtime/values/convert.js';
import { hasMember } from '../../runtime/types/index.js';
import { evalScript, getProp, isPromise, isScriptBlockValue, nameMatcher, propertyNames, type NameMatcher } from './util.js';

export interface PropertySpec {
  /** Display name: the property name, the calculated property's Name/Label, or the script block's text. */
  name: string;
  /** For plain names with wildcards: matches the object's property names. */
  wildcard: NameMatcher | null;
  /** A script block, or a property name. */
  expression: unknown;
  isScript: boolean;
  /** Sort-Object hashtable keys. */
  ascending?: boolean;
  descending?: boolean;
  /** Extra keys (FormatString, Width, Alignment, ...) for whoever needs them. */
  hashtable?: PSHashtable;
}

/** Which hashtable keys each cmdlet accepts (pwsh validates them; a prefix of a key name is allowed). */
export type KeySet = 'select' | 'sort' | 'group' | 'measure' | 'html';

const allowedKeys: Record<KeySet, string[]> = {
  select: ['Name', 'Label', 'Expression'],
  sort: ['Expression', 'Ascending', 'Descending'],
  group: ['Expression'],
  measure: ['Expression'],
  html: ['Name', 'Label', 'Expression', 'Alignment', 'Width'],
};

function keyFor(key: string, allowed: string[]): string | null {
  const k = key.toLowerCase();
  let found: string | null = null;
  for (const a of allowed) {
    if (a.toLowerCase().startsWith(k)) {
      if (found) throw runtimeError(`The key '${key}' is ambiguous. Possible matches: ${found}, ${a}.`, 'DictionaryKeyAmbiguous', { category: 'InvalidArgument', exceptionType: 'System.NotSupportedException' });
      found = a;
    }
  }
  return found;
}

function fromHashtable(h: PSHashtable, keys: KeySet): PropertySpec {
  const allowed = allowedKeys[keys];
  const seen: Record<string, unknown> = {};
  for (const [k, v] of h.entries()) {
    const name = keyFor(String(k), allowed);
    if (!name) throw runtimeError(`The "${String(k)}" key is not valid.`, 'DictionaryKeyIllegal', { category: 'InvalidArgument', exceptionType: 'System.NotSupportedException' });
    // Name and Label are the same key; both given is an error in pwsh.
    const slot = name === 'Label' ? 'Name' : name;
    if (slot in seen) throw runtimeError(`The "${slot}" key has already been specified.`, 'DictionaryKeyDuplicate', { category: 'InvalidArgument', exceptionType: 'System.NotSupportedException' });
    seen[slot] = v;
  }
  if (!('Expression' in seen) && keys !== 'sort') {
    throw runtimeError('The "Expression" key is missing.', 'DictionaryKeyMissing', { category: 'InvalidArgument', exceptionType: 'System.NotSupportedException' });
  }
  const expr = seen.Expression ?? null;
  const isScript = isScriptBlockValue(expr);
  const name = 'Name' in seen ? String(seen.Name) : isScript ? String(expr) : String(expr ?? '');
  return {
    name,
    wildcard: !isScript && typeof expr === 'string' && isWildcardPattern(expr) ? nameMatcher(expr) : null,
    expression: expr,
    isScript,
    ascending: 'Ascending' in seen ? toBool(seen.Ascending) : undefined,
    descending: 'Descending' in seen ? toBool(seen.Descending) : undefined,
    hashtable: h,
  };
}

export function parsePropertySpecs(value: unknown, keys: KeySet): PropertySpec[] {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v): PropertySpec => {
    if (v instanceof PSHashtable) return fromHashtable(v, keys);
    if (isScriptBlockValue(v)) return { name: String(v), wildcard: null, expression: v, isScript: true };
    const s = String(v);
    return { name: s, wildcard: isWildcardPattern(s) ? nameMatcher(s) : null, expression: s, isScript: false };
  });
}

/**
 * The (name, value) pairs a spec yields for one object: wildcards may yield several, or none.
 * Values from script blocks may come back as a Promise.
 */
export function evaluateSpec(ctx: CmdletContext, spec: PropertySpec, item: unknown): Array<[string, unknown]> | Promise<Array<[string, unknown]>> {
  if (spec.isScript) {
    const v = evalScript(ctx, spec.expression, item);
    return isPromise(v) ? v.then((x) => [[spec.name, x]]) : [[spec.name, v]];
  }
  if (spec.wildcard) {
    const out: Array<[string, unknown]> = [];
    const names = item instanceof PSHashtable ? [...item.keys()].map(String) : propertyNames(item);
    for (const n of names) if (spec.wildcard.test(n)) out.push([n, getProp(item, n)]);
    return out;
  }
  return [[spec.name, getProp(item, String(spec.expression))]];
}

/** A single value for a spec (Sort-Object/Group-Object keys): first match for wildcards, null when absent. */
export function evaluateSpecValue(ctx: CmdletContext, spec: PropertySpec, item: unknown): unknown {
  if (spec.isScript) return evalScript(ctx, spec.expression, item);
  if (spec.wildcard) {
    const pairs = evaluateSpec(ctx, spec, item) as Array<[string, unknown]>;
    return pairs.length > 0 ? pairs[0][1] : null;
  }
  return getProp(item, String(spec.expression));
}

/** Does the object have the property (for "property cannot be found" errors)? */
export function hasProperty(item: unknown, name: string): boolean {
  // A hashtable's keys act as properties, and its own members (Keys, Values, Count...) are properties too.
  if (item instanceof PSHashtable) return item.has(name) || hasMember(item, name);
  const lower = name.toLowerCase();
  return propertyNames(item).some((n) => n.toLowerCase() === lower);
}
