// CSV as pwsh 7's ConvertTo-Csv/ConvertFrom-Csv write and read it.
import { PSObject, PSHashtable } from '../values/objects.js';
import { toStr } from '../values/convert.js';
import { displayString } from './display.js';
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
  if (obj instanceof PSHashtable) return [...obj.keys()].map((k) => toStr(k));
  return propertyNamesOf(obj);
}

function csvValue(obj: unknown, name: string): unknown {
  if (obj instanceof PSHashtable) return obj.has(name) ? obj.get(name) : null;
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

/** Split CSV text into records of fields (quotes, doubled quotes and newlines inside quotes). */
export function parseCsvRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const fields: string[] = [];
    let field = '';
    let inQuotes = false;
    let quoted = false;
    for (; i < n; i++) {
      const ch = text[i]!;
      if (inQuotes) {
        if (ch === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else inQuotes = false;
        } else field += ch;
        continue;
      }
      if (ch === '"' && (field === '' || !quoted)) {
        if (field.trim() === '') field = '';
        inQuotes = true;
        quoted = true;
      } else if (ch === delimiter) {
        fields.push(field);
        field = '';
        quoted = false;
      } else if (ch === '\r' || ch === '\n') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        i++;
        break;
      } else field += ch;
    }
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !quoted)) records.push(fields);
  }
  return records;
}

/** ConvertFrom-Csv/Import-Csv: records → PSCustomObjects; a `#TYPE x` line names the objects `CSV:x`. */
export function csvToObjects(text: string, delimiter: string, header?: string[]): PSObject[] {
  let body = text;
  let typeName: string | null = null;
  const m = /^#TYPE ([^\r\n]*)\r?\n?/.exec(body);
  if (m) {
    typeName = m[1]!.trim();
    body = body.slice(m[0].length);
  }
  const records = parseCsvRecords(body, delimiter);
  let names = header;
  let start = 0;
  if (!names) {
    if (records.length === 0) return [];
    names = records[0]!;
    start = 1;
  }
  const out: PSObject[] = [];
  for (let r = start; r < records.length; r++) {
    const rec = records[r]!;
    const o = new PSObject(typeName ? ['CSV:' + typeName, 'System.Management.Automation.PSCustomObject', 'System.Object'] : undefined);
    names.forEach((name, k) => o.setProperty(name || `H${k + 1}`, k < rec.length ? rec[k]! : null));
    out.push(o);
  }
  return out;
}
