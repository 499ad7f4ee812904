// Offsets → 1-based line/column extents.
import type { Extent } from './ast.js';

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** Line of the previous lookup: parsing asks for offsets in nearly increasing order. */
  private hint = 0;

  private lineOf(offset: number): number {
    const s = this.starts;
    const h = this.hint;
    if (s[h]! <= offset) {
      if (h + 1 >= s.length || offset < s[h + 1]!) return h;
      if (h + 2 >= s.length || offset < s[h + 2]!) return (this.hint = h + 1);
    }
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo;
  }

  extent(start: number, end: number): Extent {
    const l1 = this.lineOf(start);
    const l2 = end === start ? l1 : this.lineOf(end);
    return { start, end, line: l1 + 1, column: start - this.starts[l1]! + 1, endLine: l2 + 1, endColumn: end - this.starts[l2]! + 1 };
  }
}
