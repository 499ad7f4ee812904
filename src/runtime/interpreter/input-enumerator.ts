// `$input`: in pwsh a one-shot enumerator over the command's input list (ArrayList.GetEnumerator()), not an
// array, so enumerating it once consumes it and Reset() rewinds it.
import { TYPE_NAME } from '../types/simple-values.js';

export class InputEnumerator implements IterableIterator<unknown> {
  Current: unknown = null;
  // Own function properties so scripts can call them (`$input.MoveNext()`, `$input.Reset()`).
  readonly MoveNext: () => boolean;
  readonly Reset: () => void;
  #items: readonly unknown[];
  #i = -1;
  constructor(items: readonly unknown[]) {
    this.#items = items;
    this.MoveNext = () => this.#step();
    this.Reset = () => this.#rewind();
  }
  /** Rewinds onto new items: a process block's `$input` is reused for each pipeline item. */
  load(items: readonly unknown[]): this {
    this.#items = items;
    this.#rewind();
    return this;
  }
  #rewind(): void {
    this.#i = -1;
    this.Current = null;
  }
  #step(): boolean {
    const items = this.#items;
    if (++this.#i < items.length) {
      this.Current = items[this.#i];
      return true;
    }
    this.#i = items.length;
    this.Current = null;
    return false;
  }
  /** The pipeline, `foreach` and `@()` enumerate from the current position on, consuming it. */
  next(): IteratorResult<unknown> {
    return this.#step() ? { done: false, value: this.Current } : { done: true, value: undefined };
  }
  /** `"$input"` is the .NET ToString(): the type name, not the items. */
  toString(): string {
    return 'System.Collections.ArrayList+ArrayListEnumeratorSimple';
  }
  [Symbol.iterator](): IterableIterator<unknown> {
    return this;
  }
}
Object.defineProperty(InputEnumerator.prototype, TYPE_NAME, { value: 'System.Collections.ArrayList+ArrayListEnumeratorSimple' });
