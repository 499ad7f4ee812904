// Sort keys for Sort-Object and Group-Object: each input's property values, and pwsh's ObjectCommandComparer.
import type { CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSObject } from '../../runtime/values/objects.js';
import { compare } from '../../runtime/values/operators.js';
import { toStr } from '../../runtime/values/convert.js';
import { evaluateSpecValue, type PropertySpec } from './property-expr.js';
import { isPromise } from './util.js';

export interface OrderEntry {
  input: unknown;
  keys: unknown[];
}

/** The entry for one input; the object itself is the key when no property was given. */
export function makeEntry(ctx: CmdletContext, specs: PropertySpec[], input: unknown): OrderEntry | Promise<OrderEntry> {
  if (specs.length === 0) return { input, keys: [input] };
  const keys: unknown[] = new Array(specs.length);
  for (let i = 0; i < specs.length; i++) {
    const v = evaluateSpecValue(ctx, specs[i], input);
    if (isPromise(v)) return finishAsync(ctx, specs, input, keys, i, v);
    keys[i] = v;
  }
  return { input, keys };
}

async function finishAsync(ctx: CmdletContext, specs: PropertySpec[], input: unknown, keys: unknown[], i: number, pending: Promise<unknown>): Promise<OrderEntry> {
  keys[i] = await pending;
  for (let j = i + 1; j < specs.length; j++) keys[j] = await evaluateSpecValue(ctx, specs[j], input);
  return { input, keys };
}

function baseOf(v: unknown): unknown {
  return v instanceof PSObject && v.baseObject !== undefined && v.baseObject !== null ? v.baseObject : v;
}

/** Never throws: values that cannot be compared are compared as strings (as pwsh's ObjectCommandComparer does). */
export function compareValues(a: unknown, b: unknown, caseSensitive: boolean): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an && bn) return 0;
  a = baseOf(a);
  b = baseOf(b);
  try {
    const r = compare(a, b, caseSensitive);
    if (typeof r === 'number' && !Number.isNaN(r)) return Math.sign(r);
  } catch {
    // fall through to string comparison
  }
  const sa = toStr(a);
  const sb = toStr(b);
  const x = caseSensitive ? sa : sa.toLowerCase();
  const y = caseSensitive ? sb : sb.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Compare two entries key by key; ascending[i] false reverses key i. */
export function compareEntries(a: OrderEntry, b: OrderEntry, ascending: boolean[], caseSensitive: boolean): number {
  for (let i = 0; i < a.keys.length; i++) {
    const c = compareValues(a.keys[i], b.keys[i], caseSensitive);
    if (c !== 0) return ascending[i] === false ? -c : c;
  }
  return 0;
}
