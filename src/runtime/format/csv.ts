// CSV as pwsh 7's ConvertTo-Csv/ConvertFrom-Csv write and read it.
import { PSObject, PSHashtable } from '../values/objects.js';
import { toStr } from '../values/convert.js';
import { displayString } from './display.js';
import { attachedPropertyNames } from '../types/members.js';
import { getMember } from '../types/index.js';
import { propertyNamesOf, propertyValueOf, typeNamesOf } from './properties.js';

export type QuoteMode = 'Always' | 'AsNeeded' | 'Never';

export interface ToCsvOptions {
  delimiter: string;
  /** -NoHeader (pwsh 7.4): rows only. */
  noHeader?: boolean;
  useQuotes: QuoteMode;
  /** Only these columns are quoted (case-insensitive). */
  quoteFields?: string[];
  includeTypeInformation: boolean;
}

/** Column names of an object: a dictionary's keys, else its properties. */
export function csvColumns(obj: unknown): string[] {
  // A dictionary's keys, then the members Add-Member gave it.
  if (obj instanceof PSHashtable) return [...obj.keys()].map((k) => toStr(k)).concat(attachedPropertyNames(obj));
  if (typeof obj === 'string') return ['Length'];
  return propertyNamesOf(obj);
}

function csvValue(obj: unknown, name: string): unknown {
  if (obj instanceof PSHashtable) return obj.has(name) ? obj.get(name) : getMember(obj, name);
  return propertyValueOf(obj, name);
}

function quote(text: string, column: string, o: ToCsvOptions): string {
  const needs =
    o.quoteFields && o.quoteFields.length > 0
      ? o.quoteFields.some((f) => f.toLowerCase() === column.toLowerCase())
      : o.useQuotes === 'Always'
        ? true
        : o.useQuotes === 'Never'
          ? false
          : text.includes(o.delimiter) || text.includes('"') || text.includes('\n');
  return needs ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** The `#TYPE` line for -IncludeTypeInformation. */
export function csvTypeLine(obj: unknown): string {
  const t = typeNamesOf(obj)[0] ?? 'System.Object';
  return '#TYPE ' + t;
}

export function csvHeader(columns: string[], o: ToCsvOptions): string {
  return columns.map((c) => quote(c, c, o)).join(o.delimiter);
}

export function csvRow(obj: unknown, columns: string[], o: ToCsvOptions): string {
  return columns
    .map((c) => {
      const v = csvValue(obj, c);
      // pwsh writes nothing at all (not even quotes) for a null value; other values use ToString().
      if (v === null || v === undefined) return '';
      return quote(displayString(v), c, o);
    })
    .join(o.delimiter);
}

/**
 * Split CSV text into records of fields, leniently as pwsh's reader does: leading blanks are skipped, a quote
 * opens a quoted field only at the start of a field (the delimiter wins when it is itself `"`), text after a
 * closing quote or inside an unquoted field runs to the next delimiter, trailing blanks there are dropped.
 */
export function parseCsvRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  const n = text.length;
  let i = 0;
  const isNewLine = (ch: string): boolean => {
    if (ch === '\r') {
      if (text[i] === '\n') i++;
      return true;
    }
    return ch === '\n';
  };
  /** Reads up to the next delimiter or line end; returns [text, endOfRecord]. */
  const tillDelimiter = (eatBlanks: boolean): [string, boolean] => {
    let t = '';
    while (i < n) {
      const ch = text[i++]!;
      if (ch === delimiter) return [eatBlanks && /^[ \t]*$/.test(t) ? '' : t, false];
      if (isNewLine(ch)) return [eatBlanks && /^[ \t]*$/.test(t) ? '' : t, true];
      t += ch;
    }
    return [eatBlanks && /^[ \t]*$/.test(t) ? '' : t, true];
  };
  while (i < n) {
    const fields: string[] = [];
    let cur = '';
    let inQuote = false;
    while (i < n) {
      const ch = text[i++]!;
      if (ch === delimiter) {
        if (inQuote) cur += ch;
        else {
          fields.push(cur);
          cur = '';
        }
      } else if (ch === '"') {
        if (inQuote) {
          if (text[i] === '"') {
            i++;
            cur += '"';
          } else {
            inQuote = false;
            const [rest, end] = tillDelimiter(true);
            fields.push(cur + rest);
            cur = '';
            if (end) break;
          }
        } else if (cur.length === 0) inQuote = true;
        else {
          const [rest, end] = tillDelimiter(false);
          fields.push(cur + ch + rest);
          cur = '';
          if (end) break;
        }
      } else if (ch === ' ' || ch === '\t') {
        if (inQuote) cur += ch;
        else if (cur.length > 0) {
          const [rest, end] = tillDelimiter(true);
          fields.push(cur + ch + rest);
          cur = '';
          if (end) break;
        }
      } else if (isNewLine(ch)) {
        if (inQuote) cur += ch === '\r' && text[i - 1] === '\n' ? '\r\n' : ch;
        else {
          fields.push(cur);
          cur = '';
          break;
        }
      } else cur += ch;
    }
    if (cur.length !== 0) fields.push(cur);
    // Blank lines are skipped.
    if (fields.length > 0 && !(fields.length === 1 && fields[0] === '')) records.push(fields);
  }
  return records;
}

/** ConvertFrom-Csv/Import-Csv: records → PSCustomObjects; a `#TYPE x` line names the objects `CSV:x`. */
export function csvToObjects(text: string, delimiter: string, header?: string[], onUnnamedHeader?: () => void): PSObject[] {
  let body = text;
  let typeName: string | null = null;
  const m = /^#TYPE ([^\r\n]*)\r?\n?/.exec(body);
  if (m) {
    typeName = m[1]!.trim();
    body = body.slice(m[0].length);
  }
  // Other comment lines before the header are skipped; a W3C extended log's `#Fields: ` line is the header.
  let fields: string[] | undefined;
  for (let c = /^#([^\r\n]*)(?:\r\n|\r|\n|$)/.exec(body); c && c[0] !== ''; c = /^#([^\r\n]*)(?:\r\n|\r|\n|$)/.exec(body)) {
    if (c[1]!.startsWith('Fields: ')) fields = parseCsvRecords(c[1]!.slice(8), delimiter)[0];
    body = body.slice(c[0].length);
  }
  const records = parseCsvRecords(body, delimiter);
  let names = header;
  if (!names && fields) names = fields;
  let start = 0;
  if (!names) {
    if (records.length === 0) return [];
    names = records[0]!;
    start = 1;
  }
  const out: PSObject[] = [];
  let warned = false;
  for (let r = start; r < records.length; r++) {
    const rec = records[r]!;
    const o = new PSObject(typeName ? [typeName, 'CSV:' + typeName] : undefined);
    let unnamed = 0;
    names.forEach((name, k) => o.setProperty(name || `H${++unnamed}`, k < rec.length ? rec[k]! : null));
    if (unnamed > 0 && !warned) {
      warned = true;
      onUnnamedHeader?.();
    }
    out.push(o);
  }
  return out;
}
