// .NET collection classes: List[T]/ArrayList (Array subclasses, so all array handling applies),
// Dictionary[K,V] (a case-sensitive PSHashtable), HashSet[T], Queue, Stack, StringBuilder; and getEnumerable.
import { PSHashtable } from '../values/objects.js';
import { PSNumber } from '../values/numbers.js';
import type { PSType } from './ps-type.js';
import { PSMultiArray } from './multi-array.js';
import { RegexGroupCollection } from '../values/regex.js';

/** System.Collections.Generic.List[T] (elementType set) or System.Collections.ArrayList (elementType null). */
export class PSList extends Array<unknown> {
  elementType: PSType | null = null;
  /** The generic type it stands for when not List[T]: `System.Collections.ObjectModel.Collection` (same behaviour). */
  genericName?: string;
  // Array methods (map, filter, slice) produce plain arrays (object[]), not lists.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  static create(elementType: PSType | null, items?: Iterable<unknown>): PSList {
    const l = new PSList();
    l.elementType = elementType;
    if (items) for (const x of items) l.push(x);
    return l;
  }
}

/** Key identity for case-sensitive collections (numbers/strings by value, boxes by their primitive). */
export function keyOf(key: unknown, ignoreCase: boolean): unknown {
  if (typeof key === 'string') return ignoreCase ? key.toLowerCase() : key;
  if (key !== null && typeof key === 'object' && !(key instanceof Date)) {
    const p = (key as { valueOf(): unknown }).valueOf();
    if (typeof p === 'number' || typeof p === 'bigint') return p;
    if (typeof p === 'string') return ignoreCase ? p.toLowerCase() : p;
  }
  if (key instanceof Date) return key.getTime();
  return key;
}

/** System.Collections.Generic.Dictionary[K,V]: ordinal (case-sensitive) string keys unless built with an IgnoreCase comparer. */
export class PSDictionary extends PSHashtable {
  constructor(
    readonly keyType: PSType | null,
    readonly valueType: PSType | null,
    readonly ignoreCase = false,
    /** SortedDictionary: enumerate in key order. */
    readonly sorted = false,
  ) {
    super(true);
  }
  override has(key: unknown): boolean {
    return this.map.has(keyOf(key, this.ignoreCase));
  }
  override get(key: unknown): unknown {
    const e = this.map.get(keyOf(key, this.ignoreCase));
    return e === undefined ? null : e[1];
  }
  override set(key: unknown, value: unknown): void {
    const k = keyOf(key, this.ignoreCase);
    const e = this.map.get(k);
    if (e) e[1] = value;
    else {
      this.map.set(k, [key, value]);
      if (this.sorted) this.resort();
    }
  }
  override delete(key: unknown): boolean {
    return this.map.delete(keyOf(key, this.ignoreCase));
  }
  override clone(): PSDictionary {
    const d = new PSDictionary(this.keyType, this.valueType, this.ignoreCase, this.sorted);
    for (const [k, v] of this.map) d.map.set(k, [v[0], v[1]]);
    return d;
  }
  /** Object.ToString(): the type's name, `System.Collections.Generic.Dictionary`2[System.String,System.Int32]`. */
  override toString(): string {
    const arg = (t: PSType | null) => t?.FullName ?? 'System.Object';
    return `System.Collections.Generic.${this.sorted ? 'SortedDictionary' : 'Dictionary'}\`2[${arg(this.keyType)},${arg(this.valueType)}]`;
  }
  private resort(): void {
    const entries = [...this.map.entries()].sort(([a], [b]) => (a === b ? 0 : (a as number) < (b as number) ? -1 : 1));
    this.map.clear();
    for (const [k, v] of entries) this.map.set(k, v);
  }
}

/** `$PSBoundParameters`: a Dictionary[string, object] with case-insensitive keys. */
export class PSBoundParametersDictionary extends PSDictionary {
  constructor() {
    super(null, null, true);
  }
  override toString(): string {
    return 'System.Collections.Generic.Dictionary`2[System.String,System.Object]';
  }
}

/** System.Collections.Generic.HashSet[T]. */
export class PSHashSet {
  readonly items = new Map<unknown, unknown>();
  constructor(
    readonly elementType: PSType | null,
    readonly ignoreCase = false,
  ) {}
  get size(): number {
    return this.items.size;
  }
  add(v: unknown): boolean {
    const k = keyOf(v, this.ignoreCase);
    if (this.items.has(k)) return false;
    this.items.set(k, v);
    return true;
  }
  has(v: unknown): boolean {
    return this.items.has(keyOf(v, this.ignoreCase));
  }
  delete(v: unknown): boolean {
    return this.items.delete(keyOf(v, this.ignoreCase));
  }
  [Symbol.iterator](): IterableIterator<unknown> {
    return this.items.values();
  }
}

/** System.Collections.Generic.Queue[T] / System.Collections.Queue. */
export class PSQueue {
  readonly items: unknown[] = [];
  constructor(readonly elementType: PSType | null) {}
  [Symbol.iterator](): IterableIterator<unknown> {
    return this.items[Symbol.iterator]();
  }
}

/** System.Collections.Generic.Stack[T] / System.Collections.Stack; enumerates top first. */
export class PSStack {
  readonly items: unknown[] = []; // bottom → top
  constructor(readonly elementType: PSType | null) {}
  *[Symbol.iterator](): IterableIterator<unknown> {
    for (let i = this.items.length - 1; i >= 0; i--) yield this.items[i];
  }
}

/** System.Text.StringBuilder. */
export class PSStringBuilder {
  constructor(public value = '') {}
  get Length(): number {
    return this.value.length;
  }
  /** `$sb.Length = 0` truncates (or pads with NULs), as .NET does. */
  set Length(n: number) {
    this.value = this.value.slice(0, Number(n)).padEnd(Number(n), '\0');
  }
  toString(): string {
    return this.value;
  }
}

function* bytesOf(a: Uint8Array): IterableIterator<unknown> {
  for (const b of a) yield new PSNumber('Byte', b);
}

/**
 * What the pipeline and `foreach` enumerate: arrays and lists, sets, queues, stacks, byte[] (as Byte values),
 * generators/iterators. Not strings, hashtables/dictionaries or other objects (null = not enumerable).
 */
export function getEnumerable(v: unknown): Iterable<unknown> | null {
  if (v === null || v === undefined || typeof v !== 'object') return null;
  if (Array.isArray(v)) return v;
  if (v instanceof PSHashtable) return null;
  if (v instanceof Uint8Array) return bytesOf(v);
  if (v instanceof PSHashSet || v instanceof PSQueue || v instanceof PSStack) return v;
  if (v instanceof PSMultiArray) return v.data;
  if (v instanceof RegexGroupCollection) return v.items;
  if (typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' && typeof (v as { next?: unknown }).next === 'function')
    return v as Iterable<unknown>;
  return null;
}

export function isEnumerable(v: unknown): boolean {
  return getEnumerable(v) !== null;
}
