// Table layout as pwsh's TableWriter/ColumnWidthManager do it: one-space separators, header labels with dashes
// as long as the label (not the column), right/left/center alignment, `…` truncation, no padding after the
// last column, and -Wrap's multi-line rows.
import { cellWidth, headCells, tailCells } from './cell-width.js';
import { ELLIPSIS } from './display.js';

export type Alignment = 'Left' | 'Right' | 'Center';

const SEPARATOR = 1;
const MIN_COLUMN_WIDTH = 1;
const MIN_SCREEN_COLUMNS = 5;

/**
 * ColumnWidthManager: widths > 0 are fixed, 0 means "share what is left"; columns that do not fit are trimmed
 * from the right (a column narrower than 1 is hidden: width -1).
 */
export function fitColumnWidths(widths: number[], tableWidth: number): number[] {
  const w = widths.slice();
  if (!assignWidths(w, tableWidth)) trimToFit(w, tableWidth);
  return w;
}

function tableWidthOf(w: number[]): number {
  let sum = 0;
  let visible = 0;
  for (const x of w) {
    if (x > 0) {
      sum += x;
      visible++;
    }
  }
  return sum + SEPARATOR * (visible - 1);
}

function assignWidths(w: number[], tableWidth: number): boolean {
  if (w.every((x) => x > 0)) return tableWidthOf(w) <= tableWidth;
  const fixed = w.map((x) => x > 0);
  for (let k = 0; k < w.length; k++) if (w[k] === 0) w[k] = MIN_COLUMN_WIDTH;
  let available = tableWidth - tableWidthOf(w);
  if (available < 0) return false;
  while (available > 0) {
    for (let k = 0; k < w.length && available > 0; k++) {
      if (fixed[k]) continue;
      w[k]!++;
      available--;
    }
  }
  return true;
}

function trimToFit(w: number[], tableWidth: number): void {
  for (;;) {
    const excess = tableWidthOf(w) - tableWidth;
    if (excess <= 0) return;
    let last = w.findIndex((x) => x < 0);
    last = last < 0 ? w.length - 1 : last - 1;
    if (last < 0) return;
    const next = w[last]! - excess;
    w[last] = next < MIN_COLUMN_WIDTH ? -1 : next;
  }
}

/** TruncateAtNewLine: a cell shows only its first line, followed by `…` when there were more. */
export function truncateAtNewLine(s: string): string {
  const i = s.search(/[\r\n]/);
  return i < 0 ? s : s.slice(0, i) + ELLIPSIS;
}

/** GenerateRowField: fit one value into a column of `width`. */
export function fitField(val: string, width: number, alignment: Alignment, addPadding: boolean): string {
  let s = truncateAtNewLine(val);
  const len = cellWidth(s);
  if (len < width) {
    const pad = width - len;
    if (alignment === 'Right') s = ' '.repeat(pad) + s;
    else if (alignment === 'Center') {
      const left = Math.floor(pad / 2);
      s = ' '.repeat(left) + s + (addPadding ? ' '.repeat(pad - left) : '');
    } else if (addPadding) s += ' '.repeat(pad);
    return s;
  }
  if (len > width) {
    const keep = width - 1;
    if (keep > 0) s = alignment === 'Right' ? ELLIPSIS + tailCells(s, keep) : headCells(s, keep) + ELLIPSIS;
    else s = alignment === 'Right' ? tailCells(s, width) : headCells(s, width);
  }
  return s;
}

/** StringManipulationHelper.GenerateLines: split on newlines, then cut each line into chunks of `width`. */
export function wrapLines(val: string, width: number): string[] {
  const out: string[] = [];
  for (const line of val.split(/\r?\n|\r/)) {
    if (line.length <= width || width <= 0) {
      out.push(line);
      continue;
    }
    for (let i = 0; i < line.length; i += width) out.push(line.slice(i, i + width));
  }
  return out;
}

export interface TableLayout {
  widths: number[];
  alignments: Alignment[];
}

/** Compute the final layout for columns with initial widths (0 = auto) on a screen `screenWidth` wide. */
export function layoutTable(initialWidths: number[], alignments: Alignment[], screenWidth: number): TableLayout | null {
  if (screenWidth < MIN_SCREEN_COLUMNS) return null;
  const widths = fitColumnWidths(initialWidths, screenWidth);
  if (!widths.some((w) => w >= MIN_COLUMN_WIDTH)) return null;
  return { widths, alignments };
}

/** One row (single-line mode): cells joined with one space, hidden columns skipped, last column unpadded. */
export function renderRow(layout: TableLayout, values: string[], alignments?: (Alignment | undefined)[]): string {
  const { widths } = layout;
  let s = '';
  let first = true;
  for (let k = 0; k < widths.length; k++) {
    const w = widths[k]!;
    if (w <= 0) continue;
    if (!first) s += ' ';
    first = false;
    const last = k === widths.length - 1;
    s += fitField(values[k] ?? '', w, alignments?.[k] ?? layout.alignments[k] ?? 'Left', !last);
  }
  // Empty trailing cells would leave padding behind; the console shows none.
  return s.trimEnd();
}

/** A -Wrap row: each cell wrapped to its column; continuation lines keep the columns aligned. */
export function renderWrappedRow(layout: TableLayout, values: string[], alignments?: (Alignment | undefined)[]): string[] {
  const cols: number[] = [];
  for (let k = 0; k < layout.widths.length; k++) if (layout.widths[k]! > 0) cols.push(k);
  if (cols.length === 0) return [];
  const cells = cols.map((k, i) => {
    const w = layout.widths[k]!;
    const align = alignments?.[k] ?? layout.alignments[k] ?? 'Left';
    const addPadding = i < cols.length - 1;
    return wrapLines(values[k] ?? '', w).map((line) =>
      line.length < w && (addPadding || align !== 'Left') ? fitField(line, w, align, addPadding) : line,
    );
  });
  const rows = Math.max(...cells.map((c) => c.length));
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let lastWithContent = 0;
    for (let c = 0; c < cells.length; c++) if (cells[c]!.length > r) lastWithContent = c;
    let line = '';
    for (let c = 0; c <= lastWithContent; c++) {
      const w = layout.widths[cols[c]!]!;
      let text = cells[c]![r] ?? (c < cells.length - 1 ? ' '.repeat(w) : '');
      if (c === lastWithContent && rows > 1) text = text.trimEnd();
      line += (c > 0 ? ' ' : '') + text;
    }
    out.push(line);
  }
  return out;
}

/** Header label line and the dashes line (dashes as long as the label, at most the column width). */
export function renderHeader(layout: TableLayout, labels: string[]): string[] {
  const dashes = labels.map((l, k) => {
    const w = layout.widths[k]!;
    if (w <= 0) return '';
    return '-'.repeat(l ? Math.min(cellWidth(l), w) : w);
  });
  // A label wider than its column wraps onto more header lines (pwsh writes the header row multi-line).
  const wraps = labels.some((l, k) => layout.widths[k]! > 0 && cellWidth(l) > layout.widths[k]!);
  return [...(wraps ? renderWrappedRow(layout, labels) : [renderRow(layout, labels)]), renderRow(layout, dashes)];
}
