// Format-Custom's object browser (pwsh's ComplexViewObjectBrowser + ComplexWriter): an object as
// `class Name` / `{` / `  Prop = value` / `}`, nested objects and collections expanded two columns further in,
// down to -Depth levels.
import { DictionaryEntry } from '../types/index.js';
import { cellText, ELLIPSIS, enumerableItems, isScalar } from './display.js';
import { propertyNamesOf, propertyValueOf, typeNamesOf } from './properties.js';

const STEP = 2;

export interface ComplexOptions {
  /** -Depth (pwsh's default and maximum: 5). */
  depth: number;
  enumerationLimit: number;
  /** Top-level properties (-Property), as label and value getter; omitted = all properties. */
  properties?: Array<{ label: string; value: (obj: unknown) => unknown }>;
}

/** The lines of one object (no blank lines around: the document adds those). */
export function complexViewLines(obj: unknown, options: ComplexOptions): string[] {
  const out: string[] = [];
  if (isScalar(obj)) out.push(cellText(obj, { enumerationLimit: options.enumerationLimit }));
  else {
    const items = itemsOf(obj);
    if (items) enumerationLines(items, 0, 0, options, out);
    else objectLines(obj, 0, 0, options, options.properties ?? null, out);
  }
  return out;
}

/** Collections (a hashtable: its entries) are expanded; strings are leaves. */
function itemsOf(v: unknown): Iterable<unknown> | null {
  if (v === null || v === undefined || typeof v === 'string' || v instanceof DictionaryEntry) return null;
  return enumerableItems(v);
}

function pad(indent: number, text: string): string {
  return ' '.repeat(indent) + text;
}

/** ComplexWriter writes each buffered text split on newlines, every line at the frame's indentation. */
function push(out: string[], indent: number, text: string): void {
  for (const line of text.split(/\r?\n|\r/)) out.push(pad(indent, line));
}

function displayName(obj: unknown): string {
  const first = typeNamesOf(obj)[0];
  if (!first) return 'PSObject';
  const parts = first.split('.');
  return parts[parts.length - 1]!;
}

function leafText(v: unknown, options: ComplexOptions): string {
  return cellText(v, { enumerationLimit: options.enumerationLimit });
}

function objectLines(
  obj: unknown,
  level: number,
  indent: number,
  options: ComplexOptions,
  props: ComplexOptions['properties'] | null,
  out: string[],
): void {
  out.push(pad(indent, `class ${displayName(obj)}`));
  out.push(pad(indent, '{'));
  const inner = indent + STEP;
  const entries = props ?? propertyNamesOf(obj).map((n) => ({ label: n, value: (o: unknown) => propertyValueOf(o, n) }));
  for (const p of entries) {
    const key = `${p.label} = `;
    let val: unknown;
    try {
      val = p.value(obj);
    } catch {
      val = null;
    }
    const items = val === null || val === undefined ? null : itemsOf(val);
    if (items) {
      out.push(pad(inner, key));
      enumerationLines(items, level + 1, inner + STEP, options, out);
    } else if (val === null || val === undefined || level >= options.depth || isScalar(val)) {
      push(out, inner, key + leafText(val, options));
    } else {
      out.push(pad(inner, key));
      objectLines(val, level + 1, inner + STEP, options, null, out);
    }
  }
  out.push(pad(indent, '}'));
}

function enumerationLines(items: Iterable<unknown>, level: number, indent: number, options: ComplexOptions, out: string[]): void {
  out.push(pad(indent, '['));
  const inner = indent + STEP;
  let n = 0;
  for (const x of items) {
    if (options.enumerationLimit >= 0) {
      if (n === options.enumerationLimit) {
        out.push(pad(inner, ELLIPSIS));
        break;
      }
      n++;
    }
    if (x === null || x === undefined || level >= options.depth || isScalar(x)) {
      push(out, inner, leafText(x, options));
      continue;
    }
    const sub = itemsOf(x);
    if (sub) {
      // The browser's new-line directive with nothing buffered: an empty line before the inner collection.
      out.push(pad(inner, ''));
      enumerationLines(sub, level + 1, inner + STEP, options, out);
    }
    else objectLines(x, level + 1, inner, options, null, out);
  }
  out.push(pad(indent, ']'));
  // The empty line the browser writes after a collection (indented like it).
  out.push(pad(indent, ''));
}
