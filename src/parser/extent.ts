// Offsets → 1-based line/column positions.
//
// Nodes carry only their offsets (see Extent in ast.ts); line and column are needed only when something is
// reported (errors, $MyInvocation, the AST views), so they are computed then, from a line table built on first
// use and kept per SourceFile.
import type { Extent, Position, SourceFile } from './ast.js';

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

  position(start: number, end: number): Position {
    const line = this.lineOf(start);
    const endLine = this.lineOf(end);
    const s = this.table();
    return { start, end, line: line + 1, column: start - s[line]! + 1, endLine: endLine + 1, endColumn: end - s[endLine]! + 1 };
  }
}

const indexes = new WeakMap<SourceFile, LineIndex>();

/** Line and column of an extent (a node, or any start/end pair) in its source. */
export function positionOf(extent: Extent, source: SourceFile): Position {
  let index = indexes.get(source);
  if (!index) indexes.set(source, (index = new LineIndex(source.text)));
  return index.position(extent.start, extent.end);
}
