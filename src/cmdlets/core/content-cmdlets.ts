// Get-Content, Set-Content, Add-Content, Clear-Content, Out-File: text encodings, BOMs and atomic writes.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletDecl, CmdletContext, ErrorDetails, ParameterDecl } from '../../runtime/cmdlet-api.js';
import { isWildcardPattern } from '../../runtime/values/wildcard.js';
import { PSNumber, toJsNumber, isNumeric } from '../../runtime/values/numbers.js';
import { toStr } from '../../runtime/values/convert.js';
import { PSEncoding } from '../../runtime/types/index.js';
import { outString, enumerationLimitOf } from '../../runtime/format/index.js';
import { MANAGEMENT_MODULE, UTILITY_MODULE, isPromise } from './util.js';
import {
  environmentOf, exists, ioError, nameFilter, parseProviderPath, pathArguments, pathNotFound, resolveFsPath, resolveFsPaths, writeFileAtomic,
} from './fs-items.js';
import { parseSessionDrivePath, sessionDriveContent, sessionDriveNotFound } from './session-drives.js';

// ---------------------------------------------------------------------------------------------
// Encodings (pwsh 7 names; the default is utf8NoBOM)

export interface TextEncoding {
  name: string;
  bom: Buffer;
  encode(text: string): Buffer;
  decode(bytes: Buffer): string;
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

function utf32(text: string, bigEndian: boolean): Buffer {
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  const out = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (bigEndian ? out.writeUInt32BE(cp, i * 4) : out.writeUInt32LE(cp, i * 4)));
  return out;
}

function fromUtf32(b: Buffer, bigEndian: boolean): string {
  let s = '';
  for (let i = 0; i + 3 < b.length; i += 4) s += String.fromCodePoint(bigEndian ? b.readUInt32BE(i) : b.readUInt32LE(i));
  return s;
}

const NO_BOM = Buffer.alloc(0);

function makeEncoding(name: string): TextEncoding | null {
  switch (name.toLowerCase().replace(/-/g, '')) {
    case 'utf8':
    case 'utf8nobom':
    case 'default':
    case 'utf7':
      return { name: 'utf8NoBOM', bom: NO_BOM, encode: (t) => Buffer.from(t, 'utf8'), decode: (b) => b.toString('utf8') };
    case 'utf8bom':
      return { name: 'utf8BOM', bom: Buffer.from([0xef, 0xbb, 0xbf]), encode: (t) => Buffer.from(t, 'utf8'), decode: (b) => b.toString('utf8') };
    case 'ascii':
    case 'usascii':
      return {
        name: 'ascii',
        bom: NO_BOM,
        encode: (t) => Buffer.from(Array.from(t, (c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 63))),
        decode: (b) => Array.from(b, (x) => String.fromCharCode(x < 128 ? x : 63)).join(''),
      };
    case 'unicode':
    case 'string':
    case 'unknown':
    case 'utf16':
    case 'utf16le':
      return { name: 'unicode', bom: Buffer.from([0xff, 0xfe]), encode: (t) => Buffer.from(t, 'utf16le'), decode: (b) => b.toString('utf16le') };
    case 'bigendianunicode':
    case 'utf16be':
      return { name: 'bigendianunicode', bom: Buffer.from([0xfe, 0xff]), encode: utf16be, decode: (b) => Buffer.from(b).swap16().toString('utf16le') };
    case 'utf32':
      return { name: 'utf32', bom: Buffer.from([0xff, 0xfe, 0, 0]), encode: (t) => utf32(t, false), decode: (b) => fromUtf32(b, false) };
    case 'bigendianutf32':
      return { name: 'bigendianutf32', bom: Buffer.from([0, 0, 0xfe, 0xff]), encode: (t) => utf32(t, true), decode: (b) => fromUtf32(b, true) };
    case 'ansi':
    case 'oem':
    case 'latin1':
    case 'iso88591':
      return { name: 'latin1', bom: NO_BOM, encode: (t) => Buffer.from(t, 'latin1'), decode: (b) => b.toString('latin1') };
  }
  return null;
}

const CODE_PAGES: Record<number, string> = { 65001: 'utf8', 1200: 'unicode', 1201: 'bigendianunicode', 20127: 'ascii', 12000: 'utf32', 12001: 'bigendianutf32', 28591: 'latin1' };

/** The -Encoding parameter's transformation: a name, a code page number or an Encoding object. */
export function toTextEncoding(v: unknown): TextEncoding {
  if (v !== null && typeof v === 'object' && 'encode' in v && 'bom' in v) return v as TextEncoding;
  if (v instanceof PSEncoding) {
    // .NET's Encoding.UTF8 / Unicode / UTF32 objects write their preamble (BOM).
    const byWeb: Record<string, string> = { 'utf-8': 'utf8BOM', 'us-ascii': 'ascii', 'utf-16': 'unicode', 'utf-16BE': 'bigendianunicode', 'utf-32': 'utf32', 'iso-8859-1': 'latin1' };
    return makeEncoding(byWeb[v.WebName] ?? 'utf8')!;
  }
  if (isNumeric(v)) {
    const cp = toJsNumber(v);
    const name = CODE_PAGES[cp];
    if (name) return makeEncoding(name)!;
    throw new Error(`'${cp}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')`);
  }
  const s = toStr(v);
  const e = makeEncoding(s);
  if (!e) {
    throw new Error(`'${s}' is not a supported encoding name. For information on defining a custom encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter 'name')`);
  }
  return e;
}

function encodingParam(ctx: CmdletContext): TextEncoding {
  const v = ctx.params.Encoding;
  if (v === undefined || v === null) return makeEncoding('utf8NoBOM')!;
  return toTextEncoding(v);
}

/** Decode file bytes: a BOM wins over the requested encoding (as .NET's StreamReader does). */
export function decodeText(bytes: Buffer, enc: TextEncoding): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) return fromUtf32(bytes.subarray(4), false);
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return fromUtf32(bytes.subarray(4), true);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return enc.decode(bytes);
}

/** StreamReader.ReadLine: split on \r\n, \n or \r; a final line terminator does not start another line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const ENCODING_PARAM: ParameterDecl = {
  name: 'Encoding',
  type: toTextEncoding,
  description: 'ascii, bigendianunicode, bigendianutf32, oem, unicode, utf7, utf8, utf8BOM, utf8NoBOM, utf32',
};

const CONTENT_PATH_PARAMS: ParameterDecl[] = [
  { name: 'Path', type: 'string[]', position: 0, mandatory: ['Path'], valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
  { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
  { name: 'Filter', type: 'string' },
  { name: 'Include', type: 'string[]' },
  { name: 'Exclude', type: 'string[]' },
  { name: 'Force', type: 'switch' },
  { name: 'Credential', type: 'object' },
];

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function directoryContentError(p: string): { message: string; errorId: string; category: string; exceptionType: string; targetObject: string } {
  return {
    message: `Unable to get content because it is a directory: '${p}'. Please use 'Get-ChildItem' instead.`,
    errorId: 'GetContainerContentException',
    category: 'InvalidOperation',
    exceptionType: 'System.InvalidOperationException',
    targetObject: p,
  };
}

// ---------------------------------------------------------------------------------------------
// Get-Content

function writeSeq(ctx: CmdletContext, items: readonly unknown[], start = 0): void | Promise<void> {
  for (let i = start; i < items.length; i++) {
    const r = ctx.write(items[i]);
    if (isPromise(r)) return r.then(() => writeSeq(ctx, items, i + 1));
  }
}

/**
 * Split text on a delimiter (pwsh's -Delimiter): each piece ends where a delimiter does, the delimiter itself trimmed;
 * text after the last delimiter is a final piece when not empty.
 */
function splitOnDelimiter(text: string, delimiter: string): string[] {
  if (text === '') return [];
  if (delimiter === '') return [text];
  const out: string[] = [];
  let start = 0;
  for (;;) {
    const i = text.indexOf(delimiter, start);
    if (i < 0) break;
    out.push(text.slice(start, i));
    start = i + delimiter.length;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** The file system provider's warning when both -AsByteStream and -Encoding are given (the encoding is ignored). */
function warnEncodingNotUsed(ctx: CmdletContext): void {
  if (ctx.params.AsByteStream && ctx.isBound('Encoding')) ctx.writeWarning("Encoding not used when '-AsByteStream' specified.");
}

function readItems(ctx: CmdletContext, bytes: Buffer): unknown[] {
  const p = ctx.params;
  if (p.AsByteStream) {
    if (p.Raw) return [new Uint8Array(bytes)];
    const all = Array.from(bytes, (b) => new PSNumber('Byte', b));
    return takeCount(ctx, all);
  }
  const text = decodeText(bytes, encodingParam(ctx));
  if (p.Raw) return text === '' ? [] : [text];
  const items = ctx.isBound('Delimiter') ? splitOnDelimiter(text, String(p.Delimiter ?? '')) : splitLines(text);
  return takeCount(ctx, items);
}

function takeCount(ctx: CmdletContext, items: unknown[]): unknown[] {
  let out = items;
  if (ctx.isBound('TotalCount')) {
    const n = toJsNumber(ctx.params.TotalCount);
    if (n >= 0) out = out.slice(0, n);
  }
  if (ctx.isBound('Tail')) {
    const n = toJsNumber(ctx.params.Tail);
    if (n >= 0) out = n === 0 ? [] : out.slice(-n);
  }
  const readCount = ctx.isBound('ReadCount') ? toJsNumber(ctx.params.ReadCount) : 1;
  if (readCount === 1 || readCount < 0) return out;
  if (readCount === 0) return out.length === 0 ? [] : [out];
  const chunks: unknown[] = [];
  for (let i = 0; i < out.length; i += readCount) chunks.push(out.slice(i, i + readCount));
  return chunks;
}

function invalidOperation(message: string, errorId: string): ErrorDetails {
  return { message, errorId, category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException' };
}

/** A content cmdlet's wildcard path that matched nothing (or only items its filters removed). */
function itemNotFound(path: string): ErrorDetails {
  return {
    message: `An object at the specified path ${path} does not exist, or has been filtered by the -Include or -Exclude parameter.`,
    errorId: 'ItemNotFound',
    category: 'ObjectNotFound',
    exceptionType: 'System.Exception',
    targetObject: path,
  };
}

function envContent(ctx: CmdletContext, name: string): unknown[] | null {
  const v = environmentOf(ctx)[name];
  return v === undefined ? null : [v];
}

export const getContent: CmdletDecl = {
  name: 'Get-Content',
  module: MANAGEMENT_MODULE,
  synopsis: 'Gets the content of the item at the specified location.',
  description: 'The Get-Content cmdlet gets the content of the item at the location specified by the path, such as the text in a file or the content of a function. For files, the content is read one line at a time and returns a collection of objects, each representing a line of content.',
  defaultParameterSet: 'Path',
  outputType: ['System.Byte', 'System.String'],
  parameters: [
    // Path also takes pipeline values (pwsh: by property name only) so `Get-ChildItem | Get-Content` binds the
    // FileInfo (as its full name) while the binder chooses the set before seeing pipeline input.
    { ...CONTENT_PATH_PARAMS[0], valueFromPipeline: true },
    ...CONTENT_PATH_PARAMS.slice(1),
    { name: 'ReadCount', type: 'long', valueFromPipelineByPropertyName: true },
    { name: 'TotalCount', type: 'long', aliases: ['First', 'Head'], valueFromPipelineByPropertyName: true, validateRange: [0, Number.MAX_SAFE_INTEGER] },
    { name: 'Tail', type: 'int', aliases: ['Last'], valueFromPipelineByPropertyName: true, validateRange: [0, 2147483647] },
    { name: 'Delimiter', type: 'string' },
    { name: 'Wait', type: 'switch' },
    { name: 'Raw', type: 'switch' },
    ENCODING_PARAM,
    { name: 'AsByteStream', type: 'switch' },
  ],
  process(ctx) {
    const { paths, literal } = pathArguments(ctx);
    const tail = ctx.isBound('Tail');
    warnEncodingNotUsed(ctx);
    if (tail && ctx.isBound('TotalCount')) {
      ctx.writeError(invalidOperation('The parameters TotalCount and Tail cannot be used together. Please specify only one parameter.', 'TailAndHeadCannotCoexist'));
      return;
    }
    if (ctx.params.Raw) {
      const clash = ['TotalCount', 'Tail', 'Wait', 'Delimiter'].find((n) => ctx.isBound(n));
      if (clash) {
        ctx.writeError(invalidOperation(`The 'Raw' and '${clash}' parameters cannot be specified in the same command.`, 'InvalidOperation'));
        return;
      }
    }
    const out: unknown[] = [];
    const filter = nameFilter(ctx);
    for (const raw of paths) {
      const sd = parseSessionDrivePath(raw);
      const pp = sd ? null : parseProviderPath(ctx, raw);
      if (sd || pp?.provider === 'Environment') {
        if (tail) {
          ctx.writeError(invalidOperation('The Tail parameter currently is supported only for the FileSystem provider.', 'TailNotSupported'));
          continue;
        }
        const content = sd ? sessionDriveContent(ctx, sd) : envContent(ctx, pp!.provider === 'Environment' ? pp!.name : '');
        if (content === null) ctx.writeError(sd ? sessionDriveNotFound(sd) : pathNotFound(raw));
        else out.push(...content);
        continue;
      }
      const found = resolveFsPaths(ctx, raw, { literal, force: !!ctx.params.Force }).filter((f) => filter.test(nodePath.basename(f)));
      if (found.length === 0 && !literal && isWildcardPattern(raw)) {
        ctx.writeError(itemNotFound(raw));
        continue;
      }
      for (const p of found) {
        if (isDir(p)) {
          ctx.writeError(directoryContentError(p));
          continue;
        }
        let bytes: Buffer;
        try {
          bytes = fs.readFileSync(p);
        } catch (e) {
          ctx.writeError(ioError(e, p, 'GetContentReaderIOError', 'ReadError'));
          continue;
        }
        for (const item of readItems(ctx, bytes)) out.push(item);
      }
    }
    return writeSeq(ctx, out);
  },
};

// ---------------------------------------------------------------------------------------------
// Set-Content / Add-Content

interface WriterState {
  /** Resolved target paths (from the first process call) and the text pieces for them. */
  targets: string[] | null;
  pieces: string[];
  bytes: number[];
  passThru: unknown[];
}

function valuePieces(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function resolveTargets(ctx: CmdletContext, mustExist: boolean): string[] {
  const { paths, literal } = pathArguments(ctx);
  const filter = nameFilter(ctx);
  const out: string[] = [];
  for (const raw of paths) {
    const pp = parseProviderPath(ctx, raw);
    if (pp.provider === 'Environment') {
      out.push('env:' + pp.name);
      continue;
    }
    const found = resolveFsPaths(ctx, raw, { literal, force: !!ctx.params.Force, allowMissing: !mustExist }).filter((f) => filter.test(nodePath.basename(f)));
    if (found.length === 0 && !literal && isWildcardPattern(raw)) ctx.writeError(itemNotFound(raw));
    for (const p of found) {
      if (isDir(p)) {
        ctx.writeError(
          mustExist
            ? {
                message: `Unable to clear content of '${p}' because it is a directory. Clear-Content is only supported on files.`,
                errorId: 'ClearDirectoryContent',
                category: 'InvalidOperation',
                exceptionType: 'System.NotSupportedException',
                targetObject: p,
              }
            : invalidOperation(`Unable to write content because it is a directory: '${p}'.`, 'WriteContainerContentException'),
        );
        continue;
      }
      out.push(p);
    }
  }
  return out;
}

function contentWriter(name: 'Set-Content' | 'Add-Content', append: boolean): CmdletDecl<WriterState> {
  return {
    name,
    module: MANAGEMENT_MODULE,
    synopsis: append
      ? 'Adds content to the specified items, such as adding words to a file.'
      : 'Writes new content or replaces existing content in a file.',
    description: append
      ? 'The Add-Content cmdlet appends content to a specified item or file. Content can be passed in from the pipeline or specified by using the Value parameter.'
      : 'Set-Content is a string-processing cmdlet that writes new content or replaces the content in a file. Set-Content replaces the existing content and differs from the Add-Content cmdlet that appends content to a file.',
    defaultParameterSet: 'Path',
    supportsShouldProcess: true,
    parameters: [
      ...CONTENT_PATH_PARAMS,
      { name: 'Value', type: 'object[]', position: 1, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, allowNull: true, allowEmptyCollection: true },
      { name: 'PassThru', type: 'switch' },
      { name: 'NoNewline', type: 'switch' },
      ENCODING_PARAM,
      { name: 'AsByteStream', type: 'switch' },
    ],
    init: () => ({ targets: null, pieces: [], bytes: [], passThru: [] }),
    process(ctx) {
      const st = ctx.state;
      if (st.targets === null) {
        warnEncodingNotUsed(ctx);
        st.targets = resolveTargets(ctx, false);
      }
      for (const v of valuePieces(ctx.params.Value)) {
        if (ctx.params.AsByteStream) {
          if (v instanceof Uint8Array) for (const b of v) st.bytes.push(b);
          else st.bytes.push(toJsNumber(v) & 0xff);
        } else st.pieces.push(toStr(v));
        if (ctx.params.PassThru) st.passThru.push(v);
      }
    },
    async end(ctx) {
      const st = ctx.state;
      if (st.targets === null) st.targets = resolveTargets(ctx, false);
      const enc = encodingParam(ctx);
      const noNewline = !!ctx.params.NoNewline;
      const text = noNewline ? st.pieces.join('') : st.pieces.map((s) => s + '\n').join('');
      for (const target of st.targets) {
        if (target.startsWith('env:')) {
          const env = environmentOf(ctx);
          const key = target.slice(4);
          env[key] = append ? (env[key] ?? '') + st.pieces.join('') : st.pieces.join('');
          continue;
        }
        if (!(await ctx.shouldProcess(`Path: ${target}`, append ? 'Add Content' : 'Set Content'))) continue;
        try {
          const old = append && exists(target) ? fs.readFileSync(target) : null;
          let body: Buffer;
          if (ctx.params.AsByteStream) body = Buffer.from(st.bytes);
          else body = enc.encode(text);
          // Raw bytes get no preamble: the encoding is not used with -AsByteStream.
          const bom = (old && old.length > 0) || ctx.params.AsByteStream ? NO_BOM : enc.bom;
          writeFileAtomic(target, old ? Buffer.concat([old, bom, body]) : Buffer.concat([bom, body]));
        } catch (e) {
          const id = (e as { code?: string }).code === 'ENOENT' ? 'GetContentWriterDirectoryNotFoundError' : 'GetContentWriterIOError';
          ctx.writeError(ioError(e, target, id));
        }
      }
      if (ctx.params.PassThru) await writeSeq(ctx, st.passThru);
    },
  };
}

export const setContent = contentWriter('Set-Content', false);
export const addContent = contentWriter('Add-Content', true);

export const clearContent: CmdletDecl = {
  name: 'Clear-Content',
  module: MANAGEMENT_MODULE,
  synopsis: 'Deletes the contents of an item, but does not delete the item.',
  description: 'The Clear-Content cmdlet deletes the contents of an item, such as deleting the text from a file, but it does not delete the item. As a result, the item exists, but it is empty.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: [...CONTENT_PATH_PARAMS],
  async process(ctx) {
    for (const p of resolveTargets(ctx, true)) {
      if (p.startsWith('env:')) continue;
      if (!(await ctx.shouldProcess(`Item: ${p}`, 'Clear Content'))) continue;
      try {
        writeFileAtomic(p, '');
      } catch (e) {
        ctx.writeError(ioError(e, p, 'ClearContentIOError'));
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Out-File

interface OutFileState {
  items: unknown[];
  path: string | null;
}

export const outFile: CmdletDecl<OutFileState> = {
  name: 'Out-File',
  module: UTILITY_MODULE,
  synopsis: 'Sends output to a file.',
  description: 'The Out-File cmdlet sends output to a file. It implicitly uses PowerShell\'s formatting system to write to the file. The file receives the same display representation as the terminal.',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  parameters: [
    { name: 'FilePath', type: 'string', aliases: ['Path'], position: 0, mandatory: true, parameterSets: ['ByPath'] },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['ByLiteralPath'] },
    { ...ENCODING_PARAM, position: 1 },
    { name: 'Append', type: 'switch' },
    { name: 'Force', type: 'switch' },
    { name: 'NoClobber', type: 'switch', aliases: ['NoOverwrite'] },
    { name: 'Width', type: 'int', validateRange: [2, 2147483647] },
    { name: 'NoNewline', type: 'switch' },
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
  ],
  init: () => ({ items: [], path: null }),
  begin(ctx) {
    const raw = String(ctx.isBound('LiteralPath') ? ctx.params.LiteralPath : ctx.params.FilePath);
    const path = resolveFsPath(ctx, raw.replace(/^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i, ''));
    if (ctx.params.NoClobber && !ctx.params.Append && exists(path)) {
      ctx.throwTerminating({
        message: `The file '${path}' already exists.`,
        errorId: 'NoClobber',
        category: 'ResourceExists',
        exceptionType: 'System.IO.IOException',
        targetObject: path,
      });
    }
    if (isDir(path)) {
      ctx.throwTerminating({
        message: `Access to the path '${path}' is denied.`,
        errorId: 'FileOpenFailure',
        category: 'OpenError',
        exceptionType: 'System.UnauthorizedAccessException',
        targetObject: path,
      });
    }
    if (!isDir(path.slice(0, path.lastIndexOf('/')) || '/')) {
      ctx.throwTerminating({
        message: `Could not find a part of the path '${path}'.`,
        errorId: 'FileOpenFailure',
        category: 'OpenError',
        exceptionType: 'System.IO.DirectoryNotFoundException',
        targetObject: path,
      });
    }
    ctx.state.path = path;
  },
  process(ctx) {
    if (ctx.isBound('InputObject') && ctx.params.InputObject !== undefined) ctx.state.items.push(ctx.params.InputObject);
  },
  async end(ctx) {
    const path = ctx.state.path!;
    if (!(await ctx.shouldProcess(path, 'Output to File'))) return;
    const width = ctx.isBound('Width') ? toJsNumber(ctx.params.Width) : ctx.host.width;
    let text: string;
    const limit = enumerationLimitOf(ctx.getVariable('global:FormatEnumerationLimit'));
    if (ctx.params.NoNewline) text = (outString(ctx.state.items, width, true, limit) as string[]).join('');
    else text = outString(ctx.state.items, width, false, limit) as string;
    const enc = encodingParam(ctx);
    try {
      const old = ctx.params.Append && exists(path) ? fs.readFileSync(path) : null;
      const bom = old && old.length > 0 ? NO_BOM : enc.bom;
      writeFileAtomic(path, old ? Buffer.concat([old, bom, enc.encode(text)]) : Buffer.concat([bom, enc.encode(text)]));
    } catch (e) {
      ctx.throwTerminating(ioError(e, path, 'FileOpenFailure', 'OpenError'));
    }
  },
};

export const cmdlets: CmdletDecl[] = [getContent, setContent, addContent, clearContent, outFile];
