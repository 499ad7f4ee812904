// Writing values to the output stream: collections are unrolled one level, as pwsh does.
import { PSHashtable, PSObject } from '../values/objects.js';
import { getEnumerable } from '../types/index.js';
import { NO_OUTPUT } from './flow.js';
import type { Sink } from './pipeline.js';

/** Enumerate a value the way the pipeline does: arrays and collections yes; strings, hashtables, objects no. */
export function enumerateForPipeline(v: unknown): Iterable<unknown> | null {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined || typeof v !== 'object') return null;
  if (v instanceof PSHashtable || v instanceof PSObject) return null;
  return getEnumerable(v);
}

export function emitValue(v: unknown, out: Sink): void {
  if (v === NO_OUTPUT) return;
  if (v === undefined) v = null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) out(v[i] === undefined ? null : v[i]);
    return;
  }
  if (v !== null && typeof v === 'object') {
    const en = enumerateForPipeline(v);
    if (en !== null) {
      for (const x of en) out(x === undefined ? null : x);
      return;
    }
  }
  out(v);
}

/** Collected pipeline output as a value: nothing → null, one item → the item, more → an array. */
export function collectedValue(items: unknown[]): unknown {
  if (items.length === 0) return null;
  if (items.length === 1) return items[0];
  return items;
}
