// Offsets → 1-based line/column extents.
//
// Extents are created for every AST node, but their line/column are read only when something is reported
// (errors, $MyInvocation, ScriptBlock text). So an extent stores just its offsets, and line/column are
// getters on a per-parse prototype that knows the line table (built on first use). This keeps parsing free
// of line bookkeeping and each extent small.
import type { Extent } from './ast.js';

export class LineIndex {
  private starts: number[] | null = null;
  /** Line of the previous lookup: lookups tend to come in nearly increasing order. */
  private hint = 0;
  private readonly Ext: new (start: number, end: number) => Extent;

  constructor(private readonly text: string) {
    const lines = this;
    // One small class per parse: instances hold only `start`/`end` (own, enumerable); the rest are getters.
    // `declare` fields: plain constructor assignments, not (slower) class-field definitions.
    class LazyExtent {
      declare readonly start: number;
      declare readonly end: number;
      constructor(start: number, end: number) {
        (this as { start: number }).start = start;
        (this as { end: number }).end = end;
      }
      get line(): number {
        return lines.lineOf(this.start) + 1;
      }
      get column(): number {
        return this.start - lines.lineStart(this.start) + 1;
      }
      get endLine(): number {
        return lines.lineOf(this.end) + 1;
      }
      get endColumn(): number {
        return this.end - lines.lineStart(this.end) + 1;
      }
      toJSON(): Extent {
        return { start: this.start, end: this.end, line: this.line, column: this.column, endLine: this.endLine, endColumn: this.endColumn };
      }
    }
    this.Ext = LazyExtent;
  }

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
    return new this.Ext(start, end);
  }
}
