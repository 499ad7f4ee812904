// ConvertTo-Json, ConvertFrom-Json, ConvertTo-Csv, ConvertFrom-Csv, Export-Csv, Import-Csv (and ConvertFrom-StringData).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { toStr } from '../../runtime/values/convert.js';
import { toJson, fromJson, JsonKeyError, JsonParseError, type FromJsonOptions, type JsonDateKind } from '../../runtime/format/json.js';
import { csvColumns, csvHeader, csvRow, csvTypeLine, csvToObjects, type QuoteMode, type ToCsvOptions } from '../../runtime/format/csv.js';
import { UTILITY_MODULE, forEachMaybeAsync } from './util.js';
import { convertFromStringData } from './string-data.js';
import { currentCulture } from '../../runtime/types/culture.js';

interface Collect {
  items: unknown[];
}

const convertToJson: CmdletDecl<Collect> = {
  name: 'ConvertTo-Json',
  module: UTILITY_MODULE,
  synopsis: 'Converts an object to a JSON-formatted string.',
  outputType: ['System.String'],
  parameters: [
    { name: 'InputObject', type: 'object', position: 0, valueFromPipeline: true, mandatory: true, allowNull: true },
    { name: 'Depth', type: 'int', validateRange: [0, 100] },
    { name: 'Compress', type: 'switch' },
    { name: 'EnumsAsStrings', type: 'switch' },
    { name: 'AsArray', type: 'switch' },
    { name: 'EscapeHandling', type: 'string', validateSet: ['Default', 'EscapeNonAscii', 'EscapeHtml'] },
  ],
  init: () => ({ items: [] }),
  process(ctx) {
    ctx.state.items.push(ctx.params.InputObject ?? null);
  },
  end(ctx) {
    const items = ctx.state.items;
    if (items.length === 0) return;
    const value = items.length === 1 && !ctx.params.AsArray ? items[0] : items;
    const depth = typeof ctx.params.Depth === 'number' ? ctx.params.Depth : 2;
    let text = toJson(value, {
      depth,
      compress: !!ctx.params.Compress,
      enumsAsStrings: !!ctx.params.EnumsAsStrings,
      onTruncated: () => ctx.writeWarning(`Resulting JSON is truncated as serialization has exceeded the set depth of ${depth}.`),
    });
    const esc = ctx.params.EscapeHandling;
    if (esc === 'EscapeNonAscii' || esc === 'EscapeHtml') {
      text = text.replace(esc === 'EscapeHtml' ? /[<>'&"]|[^\x00-\x7f]/g : /[^\x00-\x7f]/g, (c) => {
        // Only characters inside strings can be non-ASCII or HTML-special; `"` delimiters stay as they are.
        if (c === '"') return c;
        return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
      });
    }
    return ctx.write(text);
  },
};

const convertFromJson: CmdletDecl<Collect> = {
  name: 'ConvertFrom-Json',
  module: UTILITY_MODULE,
  synopsis: 'Converts a JSON-formatted string to a custom object or a hash table.',
  outputType: ['System.Management.Automation.PSObject'],
  parameters: [
    { name: 'InputObject', type: 'string', position: 0, valueFromPipeline: true, mandatory: true, allowEmptyString: true },
    { name: 'AsHashtable', type: 'switch' },
    { name: 'Depth', type: 'int', validateRange: [1, 2147483647] },
    { name: 'NoEnumerate', type: 'switch' },
    { name: 'DateKind', type: 'string', validateSet: ['Default', 'Local', 'Utc', 'Offset', 'String'] },
  ],
  init: () => ({ items: [] }),
  process(ctx) {
    ctx.state.items.push(toStr(ctx.params.InputObject));
  },
  end(ctx) {
    // Several inputs are either one document each (when the first parses on its own) or the lines of one
    // document (otherwise), as pwsh decides.
    const items = ctx.state.items;
    if (items.length === 0) return;
    const options: FromJsonOptions = {
      asHashtable: !!ctx.params.AsHashtable,
      depth: typeof ctx.params.Depth === 'number' ? ctx.params.Depth : 1024,
      dateKind: (ctx.params.DateKind as JsonDateKind | undefined) ?? 'Default',
    };
    const parse = (text: string): unknown => {
      try {
        return fromJson(text, options);
      } catch (e) {
        if (e instanceof JsonKeyError) {
          ctx.throwTerminating({ message: e.message, errorId: e.errorId, category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException' });
        }
        if (e instanceof JsonParseError) {
          ctx.throwTerminating({
            message: `Conversion from JSON failed with error: ${e.message}`,
            errorId: 'System.ArgumentException',
            category: 'NotSpecified',
            exceptionType: 'System.ArgumentException',
          });
        }
        throw e;
      }
    };
    const emit = (value: unknown) => ctx.write(value, Array.isArray(value) && !ctx.params.NoEnumerate);
    let documents: unknown[];
    let first: unknown = null;
    if (items.length > 1) {
      try {
        first = fromJson(toStr(items[0]), options);
      } catch (e) {
        if (e instanceof JsonKeyError) parse(toStr(items[0]));
        if (!(e instanceof JsonParseError)) throw e;
      }
    }
    if (items.length > 1 && first !== null && first !== undefined) documents = [first, ...items.slice(1).map((t) => parse(toStr(t)))];
    else documents = [parse(items.join('\n'))];
    return forEachMaybeAsync(documents, emit);
  },
};

/** The -Delimiter [char] argument (bound as a PSChar), ',' when not given. */
/** The field separator: -Delimiter, else with -UseCulture the current culture's list separator, else a comma. */
function delimiterOf(p: Record<string, unknown>): string {
  const v = p.Delimiter;
  const text = v === null || v === undefined ? '' : toStr(v);
  if (text.length > 0) return text[0]!;
  return p.UseCulture ? (currentCulture().TextInfo.ListSeparator[0] ?? ',') : ',';
}

interface CsvState {
  columns: string[] | null;
  lines: string[];
  options: ToCsvOptions;
}

function csvOptions(ctx: CmdletContext): ToCsvOptions {
  const p = ctx.params;
  return {
    delimiter: delimiterOf(p),
    noHeader: !!p.NoHeader,
    useQuotes: (p.UseQuotes as QuoteMode | undefined) ?? 'Always',
    quoteFields: p.QuoteFields as string[] | undefined,
    includeTypeInformation: !!p.IncludeTypeInformation,
  };
}

/** Lines for one object: the header (and #TYPE) before the first one. */
function csvLinesFor(st: CsvState, obj: unknown): string[] {
  const out: string[] = [];
  if (!st.columns) {
    st.columns = csvColumns(obj);
    if (st.options.includeTypeInformation) out.push(csvTypeLine(obj));
    if (!st.options.noHeader) out.push(csvHeader(st.columns, st.options));
  }
  out.push(csvRow(obj, st.columns, st.options));
  return out;
}

const csvWriteParams: CmdletDecl['parameters'] = [
  { name: 'InputObject', type: 'psobject', valueFromPipeline: true, mandatory: true },
  { name: 'Delimiter', type: 'char', position: 1, parameterSets: ['Delimiter'] },
  { name: 'UseCulture', type: 'switch', parameterSets: ['UseCulture'] },
  { name: 'IncludeTypeInformation', type: 'switch', aliases: ['ITI'] },
  { name: 'NoTypeInformation', type: 'switch', aliases: ['NTI'] },
  { name: 'NoHeader', type: 'switch' },
  { name: 'QuoteFields', type: 'string[]', aliases: ['QF'] },
  { name: 'UseQuotes', type: 'string', aliases: ['UQ'], validateSet: ['Never', 'Always', 'AsNeeded'] },
];

const convertToCsv: CmdletDecl<CsvState> = {
  name: 'ConvertTo-Csv',
  module: UTILITY_MODULE,
  synopsis: 'Converts .NET objects into a series of character-separated value (CSV) strings.',
  outputType: ['System.String'],
  defaultParameterSet: 'Delimiter',
  parameters: [...csvWriteParams.map((p) => (p.name === 'InputObject' ? { ...p, position: 0 } : p))],
  init: () => ({ columns: null, lines: [], options: { delimiter: ',', noHeader: false, useQuotes: 'Always', includeTypeInformation: false } }),
  begin(ctx) {
    if (ctx.isBound('QuoteFields') && ctx.isBound('UseQuotes')) {
      ctx.throwTerminating({
        message: 'You must specify either the -UseQuotes or -QuoteFields parameters, but not both.',
        errorId: 'CannotSpecifyQuoteFieldsAndUseQuotes',
        category: 'InvalidData',
        exceptionType: 'System.InvalidOperationException',
      });
    }
    ctx.state.options = csvOptions(ctx);
  },
  process(ctx) {
    const obj = ctx.params.InputObject;
    if (obj === null || obj === undefined) return;
    for (const l of csvLinesFor(ctx.state, obj)) ctx.write(l);
  },
};

const convertFromCsv: CmdletDecl<Collect> = {
  name: 'ConvertFrom-Csv',
  module: UTILITY_MODULE,
  synopsis: 'Converts object properties in character-separated value (CSV) format into CSV versions of the original objects.',
  outputType: ['System.Management.Automation.PSObject'],
  parameters: [
    { name: 'InputObject', type: 'psobject[]', position: 0, valueFromPipeline: true, mandatory: true },
    { name: 'Delimiter', type: 'char', position: 1 },
    { name: 'UseCulture', type: 'switch' },
    { name: 'Header', type: 'string[]' },
  ],
  init: () => ({ items: [] }),
  process(ctx) {
    const v = ctx.params.InputObject;
    for (const x of Array.isArray(v) ? v : [v]) if (x !== null && x !== undefined) ctx.state.items.push(toStr(x));
  },
  end(ctx) {
    const delim = delimiterOf(ctx.params);
    const objs = csvToObjects(ctx.state.items.join('\n'), delim, ctx.params.Header, () => warnUnnamed(ctx));
    for (const o of objs) ctx.write(o);
  },
};

interface ExportState extends CsvState {
  target: string;
  appendExisting: boolean;
}

/** Write via a temporary file and rename, so a failed export never leaves a half-written file. */
function atomicWrite(file: string, text: string, append: boolean): void {
  const prior = append && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  fs.writeFileSync(tmp, prior + text, 'utf8');
  fs.renameSync(tmp, file);
}

const exportCsv: CmdletDecl<ExportState> = {
  name: 'Export-Csv',
  module: UTILITY_MODULE,
  synopsis: 'Converts objects into a series of character-separated value (CSV) strings and saves the strings to a file.',
  defaultParameterSet: 'Delimiter',
  supportsShouldProcess: true,
  parameters: [
    ...csvWriteParams,
    { name: 'Path', type: 'string', position: 0 },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'] },
    { name: 'Force', type: 'switch' },
    { name: 'NoClobber', type: 'switch', aliases: ['NoOverwrite'] },
    { name: 'Encoding', type: 'object' },
    { name: 'Append', type: 'switch' },
  ],
  init: () => ({ columns: null, lines: [], options: { delimiter: ',', useQuotes: 'Always', includeTypeInformation: false }, target: '', appendExisting: false }),
  begin(ctx) {
    const st = ctx.state;
    st.options = csvOptions(ctx);
    const p = (ctx.params.LiteralPath ?? ctx.params.Path) as string | undefined;
    if (!p) {
      ctx.throwTerminating({ message: 'Cannot perform operation because the path resolved to more than one file. This command cannot operate on multiple files.', errorId: 'CannotSpecifyPathAndLiteralPath', category: 'InvalidData' });
    }
    st.target = ctx.resolvePath(p!);
    const exists = fs.existsSync(st.target);
    if (exists && ctx.params.NoClobber && !ctx.params.Append) {
      ctx.throwTerminating({
        message: `The file '${st.target}' already exists.`,
        errorId: 'NoClobber',
        category: 'ResourceExists',
        exceptionType: 'System.IO.IOException',
        targetObject: st.target,
      });
    }
    if (ctx.params.Append && exists) {
      const text = fs.readFileSync(st.target, 'utf8');
      const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#TYPE'));
      if (firstLine !== undefined) {
        // Appending: the existing header decides the columns; no header is written again.
        st.columns = parseHeader(firstLine, st.options.delimiter);
        st.appendExisting = true;
      }
    }
  },
  process(ctx) {
    const obj = ctx.params.InputObject;
    if (obj === null || obj === undefined) return;
    for (const l of csvLinesFor(ctx.state, obj)) ctx.state.lines.push(l);
  },
  end(ctx) {
    const st = ctx.state;
    if (!ctx.params.Append && st.lines.length === 0) return;
    const r = ctx.shouldProcess(st.target, 'Export-Csv');
    const go = (ok: boolean) => {
      if (!ok) return;
      try {
        atomicWrite(st.target, st.lines.map((l) => l + '\n').join(''), st.appendExisting);
      } catch (e) {
        ctx.throwTerminating({ message: (e as Error).message, errorId: 'FileOpenFailure', category: 'OpenError', exceptionType: 'System.IO.IOException', targetObject: st.target });
      }
    };
    if (typeof r === 'boolean') return go(r);
    return r.then(go);
  },
};

/** Once per command: some header fields were empty and got `H<n>` names. */
function warnUnnamed(ctx: CmdletContext): void {
  ctx.writeWarning('One or more headers were not specified. Default names starting with "H" have been used in place of any missing headers.');
}

function parseHeader(line: string, delimiter: string): string[] {
  const objs = csvToObjects(line + '\n' + line + '\n', delimiter);
  const first = objs[0];
  return first ? [...first.properties()].map((m) => m.name) : [];
}

const importCsv: CmdletDecl = {
  name: 'Import-Csv',
  module: UTILITY_MODULE,
  synopsis: 'Creates table-like custom objects from the items in a character-separated value (CSV) file.',
  defaultParameterSet: 'DelimiterPath',
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['DelimiterPath', 'CulturePath'] },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['DelimiterLiteralPath', 'CultureLiteralPath'] },
    { name: 'Delimiter', type: 'char', position: 1, parameterSets: ['DelimiterPath', 'DelimiterLiteralPath'] },
    { name: 'UseCulture', type: 'switch', mandatory: true, parameterSets: ['CulturePath', 'CultureLiteralPath'] },
    { name: 'Header', type: 'string[]' },
    { name: 'Encoding', type: 'object' },
  ],
  process(ctx) {
    const paths = (ctx.params.LiteralPath ?? ctx.params.Path ?? []) as string[];
    const delim = delimiterOf(ctx.params);
    for (const p of paths) {
      // A piped item binds its provider-qualified PSPath.
      const file = ctx.resolvePath(p.replace(/^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i, ''));
      if (!fs.existsSync(file)) {
        ctx.writeError({
          message: `Could not find file '${file}'.`,
          errorId: 'FileOpenFailure',
          category: 'OpenError',
          exceptionType: 'System.IO.FileNotFoundException',
          targetObject: file,
        });
        continue;
      }
      const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      for (const o of csvToObjects(text, delim, ctx.params.Header, () => warnUnnamed(ctx))) ctx.write(o);
    }
  },
};

export const cmdlets: CmdletDecl[] = [convertToJson, convertFromJson, convertToCsv, convertFromCsv, exportCsv, importCsv, convertFromStringData];
