// Indexing: `$a[0]`, `$a[-1]`, `$a[1..3]`, `$s[0]`, `$h['k']`, and index assignment.
import { PSHashtable } from '../values/objects.js';
import { PSChar, toJsNumber, isNumeric } from '../values/numbers.js';
import { toNumber } from '../values/convert.js';
import { runtimeError } from '../errors.js';
import { getEnumerable, invokeMethod, arrayElementType, convertTo, PSList } from '../types/index.js';
import type { Frame } from './frame.js';
import { PSTuple } from '../types/simple-values.js';
import type { Extent } from '../../parser/ast.js';

function toIndex(v: unknown): number {
  if (typeof v === 'number') return Math.trunc(v);
  return Math.trunc(toJsNumber(isNumeric(v) ? v : toNumber(v)));
}

function indexArray(arr: ArrayLike<unknown>, idx: unknown): unknown {
  let i = toIndex(idx);
  if (i < 0) i += arr.length;
  return i >= 0 && i < arr.length ? (arr[i] === undefined ? null : arr[i]) : null;
}

export function getIndex(target: unknown, idx: unknown, f: Frame | null, extent: Extent | null): unknown {
  if (target === null || target === undefined) {
    const err = runtimeError('Cannot index into a null array.', 'NullArray', { category: 'InvalidOperation' });
    if (f !== null && extent !== null) f.session.attachPosition(err.errorRecord, extent);
    throw err;
  }
  // One null index is an error for every target, hashtables too (a slice of nulls is not: `$a[$null, $null]`).
  if (idx === null || idx === undefined) {
    const err = runtimeError('Index operation failed; the array index evaluated to null.', 'NullArrayIndex', { category: 'InvalidOperation' });
    if (f !== null && extent !== null) f.session.attachPosition(err.errorRecord, extent);
    throw err;
  }
  if (Array.isArray(target)) {
    // Strict mode 3+ makes an out-of-bounds index an error instead of $null.
    if (f !== null && f.session.strictMode >= 3 && (typeof idx === 'number' || isNumeric(idx))) checkBounds(target, idx);
    if (typeof idx === 'number') return indexArray(target, idx);
    // Collections with a by-name indexer that are also arrays (PSObject.Properties['Name']).
    if (typeof idx === 'string' && typeof (target as { item?: unknown }).item === 'function') {
      const r = (target as unknown as { item(n: string): unknown }).item(idx);
      return r === undefined ? null : r;
    }
    if (Array.isArray(idx)) {
      const out: unknown[] = [];
      for (const i of idx) {
        // A null in a slice selects nothing (pwsh: `$a[$null, $null]` is empty, not an error).
        if (i === null || i === undefined) continue;
        let n = toIndex(i);
        if (n < 0) n += target.length;
        if (n >= 0 && n < target.length) out.push(target[n]);
      }
      return out;
    }
    return indexArray(target, idx);
  }
  if (typeof target === 'string') {
    if (Array.isArray(idx)) {
      const out: unknown[] = [];
      for (const i of idx) {
        if (i === null || i === undefined) continue;
        const c = indexArray(target, i);
        if (c !== null) out.push(new PSChar((c as string).charCodeAt(0)));
      }
      return out;
    }
    const c = indexArray(target, idx);
    return c === null ? null : new PSChar((c as string).charCodeAt(0));
  }
  if (target instanceof PSTuple) return getIndex(target.items, idx, f, extent);
  if (target instanceof PSHashtable) {
    if (Array.isArray(idx)) return idx.map((k) => target.get(k));
    return target.get(idx);
  }
  // A scalar indexes like a one-element collection: `$x[0]` is $x, `$x[-1]` too.
  if (typeof target !== 'object' || isNumeric(target) || target instanceof PSChar) return scalarIndex(target, idx);
  if (target instanceof Uint8Array) return indexArray(Array.from(target), idx);
  // Collections with a by-name indexer (PSObject.Properties['Name']).
  if (typeof (target as { item?: unknown }).item === 'function' && typeof idx === 'string') {
    const r = (target as { item(n: string): unknown }).item(idx);
    return r === undefined ? null : r;
  }
  // Objects exposing numeric-keyed members ($AWSHistory[0]).
  if ((typeof idx === 'number') && !(Symbol.iterator in (target as object))) {
    const o = target as Record<string, unknown>;
    const n = idx < 0 ? Number((o as { Count?: number }).Count ?? 0) + idx : idx;
    if (String(n) in o) return o[String(n)] ?? null;
  }
  // Objects with an indexer (lists, dictionaries, Match groups...) answer get_Item.
  try {
    const r = invokeMethod(target, 'get_Item', [idx]);
    return r === undefined ? null : r;
  } catch {
    // fall through
  }
  const en = getEnumerable(target);
  if (en) {
    const arr = Array.from(en);
    return Array.isArray(idx) ? idx.map((i) => indexArray(arr, i)) : indexArray(arr, idx);
  }
  void f;
  void extent;
  return scalarIndex(target, idx);
}

function checkBounds(arr: unknown[], idx: unknown): void {
  const i = toIndex(idx);
  if (i >= arr.length || i < -arr.length) {
    throw runtimeError('Index was outside the bounds of the array.', 'System.IndexOutOfRangeException', {
      category: 'NotSpecified',
      exceptionType: 'System.IndexOutOfRangeException',
    });
  }
}

function scalarIndex(target: unknown, idx: unknown): unknown {
  if (Array.isArray(idx)) return idx.map((i) => scalarIndex(target, i)).filter((x) => x !== null);
  const i = toIndex(idx);
  return i === 0 || i === -1 ? target : null;
}

export function setIndex(target: unknown, idx: unknown, value: unknown): void {
  if (target === null || target === undefined) {
    throw runtimeError('Cannot index into a null array.', 'NullArray', { category: 'InvalidOperation' });
  }
  if (target instanceof PSList) {
    // A list's indexer setter is called as is: no negative indexes, and .NET's own out-of-range error.
    const i = toIndex(idx);
    if (i < 0 || i >= target.length) {
      throw runtimeError("Index was out of range. Must be non-negative and less than the size of the collection. (Parameter 'index')", 'System.ArgumentOutOfRangeException', {
        category: 'OperationStopped',
        exceptionType: 'System.ArgumentOutOfRangeException',
      });
    }
    target[i] = target.elementType ? convertTo(value, target.elementType) : value;
    return;
  }
  if (Array.isArray(target)) {
    let i = toIndex(idx);
    if (i < 0) i += target.length;
    if (i < 0 || i >= target.length) {
      throw runtimeError('Index was outside the bounds of the array.', 'IndexOutOfRange', {
        category: 'InvalidOperation',
        exceptionType: 'System.IndexOutOfRangeException',
      });
    }
    // Typed arrays ([int[]]) convert what is stored in them.
    const el = arrayElementType(target);
    target[i] = el ? convertTo(value, el) : value;
    return;
  }
  if (target instanceof PSHashtable) {
    target.set(idx, value);
    return;
  }
  invokeMethod(target, 'set_Item', [idx, value]);
}
