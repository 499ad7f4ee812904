// Offsets → 1-based line/column extents.
//
// Extents are created for every AST node, but their line/column are read only when something is reported
// (errors, $MyInvocation, ScriptBlock text). So an extent stores just its offsets and its parse's line
// index, and line/column are getters that consult the line table (built on first use). This keeps parsing
// free of line bookkeeping and each extent small.
import type { Extent } from './ast.js';

/**
 * An extent: offsets, plus line/column computed on demand from the parse's line table. One class for every
 * parse (a class per parse would make each `new` and each `extent.start` read polymorphic across parses).
 */
class LazyExtent implements Extent {
  // `declare` fields: plain constructor assignments, not (slower) class-field definitions.
  declare readonly start: number;
  declare readonly end: number;
  declare private readonly lines: LineIndex;
  constructor(start: number, end: number, lines: LineIndex) {
    (this as { start: number }).start = start;
    (this as { end: number }).end = end;
    // JSON.stringify shows just the Extent fields: see toJSON.
    (this as unknown as { lines: LineIndex }).lines = lines;
  }
  get line(): number {
    return this.lines.lineOf(this.start) + 1;
  }
  get column(): number {
    return this.start - this.lines.lineStart(this.start) + 1;
  }
  get endLine(): number {
    return this.lines.lineOf(this.end) + 1;
  }
  get endColumn(): number {
    return this.end - this.lines.lineStart(this.end) + 1;
  }
  toJSON(): Extent {
    return { start: this.start, end: this.end, line: this.line, column: this.column, endLine: this.endLine, endColumn: this.endColumn };
  }
}

export class LineIndex {
  private starts: number[] | null = null;
  /** Line of the previous lookup: lookups tend to come in nearly increasing order. */
  private hint = 0;

  constructor(private readonly text: string) {}

  private table(): number[] {
    if (this.starts) return this.starts;
    const text = this.text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return (this.starts = starts);
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    const s = this.table();
    const h = this.hint;
    if (h < s.length && s[h]! <= offset && (h + 1 >= s.length || offset < s[h + 1]!)) return h;
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

  /** Offset where the line holding `offset` starts. */
  lineStart(offset: number): number {
    return this.table()[this.lineOf(offset)]!;
  }

  extent(start: number, end: number): Extent {
    return new LazyExtent(start, end, this);
  }
}
