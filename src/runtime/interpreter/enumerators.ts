// Enumerators scripts can drive (IEnumerator: MoveNext(), Current, Reset()): `$foreach`, `$switch`, `$input` and
// what GetEnumerator() returns.
import { TYPE_NAME, type DictionaryEntry } from '../types/simple-values.js';

/** `$foreach` and `$switch`: a body may MoveNext() to skip values. Lists, the usual case, go by index. */
export class ScriptEnumerator {
  Current: unknown = null;
  // Own function properties so scripts can call them (`$switch.MoveNext()`, `$input.Reset()`).
  readonly MoveNext: () => boolean;
  readonly Reset: () => void;
  protected items: readonly unknown[] | null;
  private readonly it: Iterator<unknown> | null;
  private i = -1;

  constructor(items: readonly unknown[] | null, it: Iterator<unknown> | null = null) {
    this.items = items;
    this.it = it;
    this.MoveNext = () => this.step();
    this.Reset = () => this.rewind();
  }

  /** Moves to the next value (then in Current); false at the end. */
  step(): boolean {
    const items = this.items;
    if (items !== null) {
      if (++this.i < items.length) {
        this.Current = items[this.i];
        return true;
      }
      this.i = items.length;
      this.Current = null;
      return false;
    }
    const n = this.it!.next();
    this.Current = n.done ? null : n.value;
    return !n.done;
  }

  /** Back before the first value (a list only: an iterator can't go back). */
  protected rewind(): void {
    if (this.items === null) return;
    this.i = -1;
    this.Current = null;
  }
}
Object.defineProperty(ScriptEnumerator.prototype, TYPE_NAME, { value: 'System.Collections.IEnumerator' });

/**
 * What a collection's GetEnumerator() returns (and `$input`): an IEnumerator a script can drive with MoveNext(),
 * Current and Reset(), which the pipeline, `foreach` and `@()` enumerate from its current position on, consuming it.
 */
export class CollectionEnumerator extends ScriptEnumerator implements IterableIterator<unknown> {
  constructor(items: readonly unknown[], private readonly typeName: string) {
    super(items);
    Object.defineProperty(this, TYPE_NAME, { value: typeName });
  }
  next(): IteratorResult<unknown> {
    return this.step() ? { done: false, value: this.Current } : { done: true, value: undefined };
  }
  /** `"$e"` is the .NET ToString(): the type name, not the items. */
  override toString(): string {
    return this.typeName;
  }
  [Symbol.iterator](): IterableIterator<unknown> {
    return this;
  }
}

/**
 * A dictionary's enumerator (IDictionaryEnumerator): Current is a DictionaryEntry, whose Key and Value the
 * enumerator also has (null before the first MoveNext() and after the last).
 */
export class DictionaryEnumerator extends CollectionEnumerator {
  get Key(): unknown {
    return (this.Current as DictionaryEntry | null)?.Key ?? null;
  }
  get Value(): unknown {
    return (this.Current as DictionaryEntry | null)?.Value ?? null;
  }
  get Entry(): unknown {
    return this.Current;
  }
}

/**
 * `$input`: in pwsh a one-shot enumerator over the command's input list (ArrayList.GetEnumerator()), not an
 * array, so enumerating it once consumes it and Reset() rewinds it.
 */
export class InputEnumerator extends CollectionEnumerator {
  constructor(items: readonly unknown[]) {
    super(items, 'System.Collections.ArrayList+ArrayListEnumeratorSimple');
  }
  /** Rewinds onto new items: a process block's `$input` is reused for each pipeline item. */
  load(items: readonly unknown[]): this {
    this.items = items;
    this.rewind();
    return this;
  }
}
