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

  private lineOf(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  extent(start: number, end: number): Extent {
    const l1 = this.lineOf(start);
    const l2 = end === start ? l1 : this.lineOf(end);
    return { start, end, line: l1 + 1, column: start - this.starts[l1]! + 1, endLine: l2 + 1, endColumn: end - this.starts[l2]! + 1 };
  }
}
