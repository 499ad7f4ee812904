// The formatting engine's public surface: Out-Default as a stream, Out-String, Format-Table/List/Wide.
import { Formatter, FormattedText, type ColumnSpec, type FormatterOptions } from './formatter.js';
import { registerBuiltinViews } from './builtin-views.js';

export { Formatter, FormattedText, ComputedItem, listEntryLines, wideItemsPerRow, enumerationLimitOf, type ColumnSpec, type FormatterOptions, type Shape } from './formatter.js';
export { registerView, getView, findView, type ViewDefinition, type ViewColumn } from './views.js';
export { cellText, displayString, isScalar, collectionText, enumerableItems, FORMAT_ENUMERATION_LIMIT } from './display.js';
export { propertyNamesOf, propertyValueOf, defaultPropertyNames } from './properties.js';
export type { Alignment } from './table-writer.js';

let builtinsRegistered = false;
/** Built-in views are registered on first use (nothing at module load). */
export function ensureBuiltinViews(): void {
  if (builtinsRegistered) return;
  builtinsRegistered = true;
  registerBuiltinViews();
}

/**
 * Streaming Out-Default as the console host shows output: feed objects, get the text to print (lines joined by
 * `\n`, each line ending with `\n`; '' while a table is still being buffered to size its columns).
 * `width` is the terminal width; the console formats to one column less, as pwsh does.
 */
export function createOutDefault(width: number, enumerationLimit?: () => unknown): { write(value: unknown): string; flush(): string } {
  ensureBuiltinViews();
  const f = new Formatter({ width: Math.max(1, width - 1), streaming: true, enumerationLimit });
  const join = (lines: string[]) => (lines.length === 0 ? '' : lines.join('\n') + '\n');
  return {
    write: (value) => join(f.write(value)),
    flush: () => join(f.end()),
  };
}

/** Lines of a formatting run over `objects` with the given options. */
export function formatLines(objects: Iterable<unknown>, options: FormatterOptions): string[] {
  ensureBuiltinViews();
  const f = new Formatter(options);
  const lines: string[] = [];
  for (const o of objects) for (const l of f.write(o)) lines.push(l);
  for (const l of f.end()) lines.push(l);
  return lines;
}

export interface FormatOptions {
  width?: number;
  properties?: ColumnSpec[];
  autoSize?: boolean;
  wrap?: boolean;
  hideTableHeaders?: boolean;
  groupBy?: ColumnSpec;
  columns?: number;
}

export function formatTable(objects: Iterable<unknown>, options: FormatOptions = {}): string[] {
  return formatLines(objects, { ...options, width: options.width ?? 120, shape: 'table' });
}
export function formatList(objects: Iterable<unknown>, options: FormatOptions = {}): string[] {
  return formatLines(objects, { ...options, width: options.width ?? 120, shape: 'list' });
}
export function formatWide(objects: Iterable<unknown>, options: FormatOptions = {}): string[] {
  return formatLines(objects, { ...options, width: options.width ?? 120, shape: 'wide' });
}

/**
 * Out-String: the text Out-Default would print at `width` columns. Without `stream`, one string with a newline
 * after every line; with `stream`, the lines.
 */
export function outString(objects: Iterable<unknown>, width = 120, stream = false, enumerationLimit?: number): string | string[] {
  const lines = formatLines(objects, { width, enumerationLimit });
  if (stream) return lines;
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** Format objects as Out-Default would, as text (lines joined with \n, no trailing newline): `shell.format`. */
export function formatForDisplay(objects: Iterable<unknown>, width = 120): string {
  const lines = formatLines(objects, { width: Math.max(1, width - 1) });
  return lines.join('\n');
}
