// Select-String: regex or simple matching over pipeline text or files, giving MatchInfo objects.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { toStr } from '../../runtime/values/convert.js';
import { toJsNumber } from '../../runtime/values/numbers.js';
import { toJsRegExp, escapeRegex, makeMatchObject, regexParseMessage, type RegexMatch } from '../../runtime/values/regex.js';
import { wildcardToRegExp } from '../../runtime/values/wildcard.js';
import { TYPE_NAME } from '../../runtime/types/index.js';
import { registerView, ensureBuiltinViews } from '../../runtime/format/index.js';
import { UTILITY_MODULE, asStringArray, isPromise } from './util.js';
import { fileSystemInfoOf, resolveFsPaths } from './fs-items.js';
import { decodeText, splitLines, toTextEncoding, type TextEncoding } from './content-cmdlets.js';

/** Microsoft.PowerShell.Commands.MatchInfoContext. */
export class MatchInfoContext {
  [TYPE_NAME] = 'Microsoft.PowerShell.Commands.MatchInfoContext';
  constructor(
    public PreContext: string[],
    public PostContext: string[],
  ) {}
  get DisplayPreContext(): string[] {
    return this.PreContext;
  }
  get DisplayPostContext(): string[] {
    return this.PostContext;
  }
}

/** Microsoft.PowerShell.Commands.MatchInfo. */
export class MatchInfo {
  [TYPE_NAME] = 'Microsoft.PowerShell.Commands.MatchInfo';
  // Declared in .NET's order, which `Format-List` and `Select-Object *` show (own fields come out in this order).
  IgnoreCase: boolean;
  LineNumber: number;
  Line: string;
  Filename: string;
  /** Full path, or `InputStream` for pipeline text. */
  Path: string;
  Pattern: string;
  Context: MatchInfoContext | null;
  Matches: RegexMatch[];
  constructor(
    ignoreCase: boolean,
    lineNumber: number,
    line: string,
    path: string,
    pattern: string,
    context: MatchInfoContext | null,
    matches: RegexMatch[],
    /** The directory paths are shown relative to (the current location when the search ran). */
    private readonly _base: string,
  ) {
    this.IgnoreCase = ignoreCase;
    this.LineNumber = lineNumber;
    this.Line = line;
    this.Filename = path === 'InputStream' ? 'InputStream' : nodePath.basename(path);
    this.Path = path;
    this.Pattern = pattern;
    this.Context = context;
    this.Matches = matches;
  }
  /** pwsh: the path relative to the current directory when it is under it, else the full path. */
  RelativePath(directory: string): string {
    if (this.Path === 'InputStream') return this.Path;
    const dir = directory.endsWith('/') ? directory : directory + '/';
    return this.Path.startsWith(dir) ? this.Path.slice(dir.length) : this.Path;
  }
  private formatLine(line: string, lineNumber: number, prefix: string): string {
    const body = this.Path === 'InputStream' ? line : `${this.RelativePath(this._base)}:${lineNumber}:${line}`;
    return this.Context ? prefix + body : body;
  }
  toString(): string {
    if (!this.Context) return this.formatLine(this.Line, this.LineNumber, '');
    const lines: string[] = [];
    const pre = this.Context.DisplayPreContext;
    pre.forEach((l, i) => lines.push(this.formatLine(l, this.LineNumber - pre.length + i, '  ')));
    lines.push(this.formatLine(this.Line, this.LineNumber, '> '));
    this.Context.DisplayPostContext.forEach((l, i) => lines.push(this.formatLine(l, this.LineNumber + 1 + i, '  ')));
    return lines.join('\n');
  }
}

let viewRegistered = false;
function ensureMatchInfoView(): void {
  if (viewRegistered) return;
  viewRegistered = true;
  ensureBuiltinViews();
  registerView('Microsoft.PowerShell.Commands.MatchInfo', { custom: (o) => String(o).split('\n'), framed: true });
}

// ---------------------------------------------------------------------------------------------

interface Matcher {
  /** The pattern text that matched and the matches, or null. */
  match(line: string): { pattern: string; matches: RegexMatch[] } | null;
}

/**
 * A case-insensitive literal pattern under Turkish casing rules (-Culture tr-TR -SimpleMatch): I pairs with
 * dotless ı and İ with i, so each character becomes the class of its Turkish upper and lower forms.
 */
function turkishFoldPattern(p: string): string {
  let out = '';
  for (const c of p) {
    const forms = new Set([c, c.toLocaleLowerCase('tr'), c.toLocaleUpperCase('tr')].filter((f) => [...f].length === 1));
    out += forms.size === 1 ? escapeRegex(c) : `[${[...forms].map(escapeRegex).join('')}]`;
  }
  return out;
}

function buildMatcher(ctx: CmdletContext): Matcher {
  if (ctx.isBound('Culture') && !ctx.isBound('SimpleMatch')) {
    ctx.throwTerminating({
      message: 'You must specify -Culture parameter only with -SimpleMatch parameter.',
      errorId: 'CannotSpecifyCultureWithoutSimpleMatch',
      category: 'InvalidData',
      exceptionType: 'System.InvalidOperationException',
    });
  }
  const patterns = asStringArray(ctx.params.Pattern);
  const ignoreCase = !ctx.params.CaseSensitive;
  const all = !!ctx.params.AllMatches;
  const turkish = ctx.params.SimpleMatch && ignoreCase && /^(tr|az)(-|$)/i.test(String(ctx.params.Culture ?? ''));
  const compile = (p: string): RegExp => {
    if (turkish) return new RegExp(turkishFoldPattern(p), 'gd');
    try {
      return toJsRegExp(ctx.params.SimpleMatch ? escapeRegex(p) : p, { ignoreCase, global: true, indices: true });
    } catch {
      return ctx.throwTerminating({
        message: `The string ${p} is not a valid regular expression: ${regexParseMessage(p)}`,
        errorId: 'InvalidRegex',
        category: 'InvalidArgument',
        exceptionType: 'System.ArgumentException',
        targetObject: p,
      });
    }
  };
  const compiled = patterns.map((p) => ({ pattern: p, re: compile(p) }));
  return {
    match(line) {
      for (const { pattern, re } of compiled) {
        re.lastIndex = 0;
        const m = re.exec(line);
        if (!m) continue;
        const matches = [makeMatchObject(m, line, re)];
        if (all) {
          if (m[0] === '') re.lastIndex++;
          for (let next = re.exec(line); next; next = re.exec(line)) {
            matches.push(makeMatchObject(next, line, re));
            if (next[0] === '') re.lastIndex++;
          }
        }
        re.lastIndex = 0;
        return { pattern, matches };
      }
      return null;
    },
  };
}

interface SearchState {
  matcher: Matcher | null;
  /** Pipeline text lines kept until the end when context is requested. */
  streamLines: string[];
  streamLineNumber: number;
  found: boolean;
  /** A file was searched: -Quiet then reports False when nothing matched (piped text reports nothing). */
  searchedFiles: boolean;
  /** -List / -Quiet on the input stream: stop after the first match. */
  done: boolean;
  outputs: unknown[];
}

function contextSizes(ctx: CmdletContext): [number, number] {
  const c = ctx.params.Context;
  if (c === undefined || c === null) return [0, 0];
  const arr = Array.isArray(c) ? c : [c];
  const pre = toJsNumber(arr[0] ?? 0);
  const post = arr.length > 1 ? toJsNumber(arr[1]) : pre;
  return [pre, post];
}

/** Search the lines of one source; returns the results (MatchInfo, or lines with -Raw). */
function searchLines(ctx: CmdletContext, st: SearchState, lines: string[], path: string, firstLineNumber: number): unknown[] {
  const matcher = st.matcher!;
  const [preN, postN] = contextSizes(ctx);
  const hasContext = ctx.isBound('Context');
  const notMatch = !!ctx.params.NotMatch;
  const list = !!ctx.params.List;
  const results: unknown[] = [];
  const hits: { index: number; pattern: string; matches: RegexMatch[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const r = matcher.match(lines[i]);
    if (notMatch ? r === null : r !== null) {
      hits.push({ index: i, pattern: r ? r.pattern : asStringArray(ctx.params.Pattern)[0] ?? '', matches: notMatch ? [] : r!.matches });
      if (list) break;
    }
  }
  for (let h = 0; h < hits.length; h++) {
    const { index, pattern, matches } = hits[h];
    st.found = true;
    if (ctx.params.Raw) {
      results.push(lines[index]);
      continue;
    }
    let context: MatchInfoContext | null = null;
    if (hasContext) {
      // Context stops at neighbouring matches (those lines are shown as matches themselves).
      const prevHit = h > 0 ? hits[h - 1].index : -1;
      const nextHit = h + 1 < hits.length ? hits[h + 1].index : lines.length;
      const preStart = Math.max(index - preN, prevHit + 1, 0);
      const postEnd = Math.min(index + 1 + postN, nextHit, lines.length);
      context = new MatchInfoContext(lines.slice(preStart, index), lines.slice(index + 1, postEnd));
    }
    results.push(new MatchInfo(!ctx.params.CaseSensitive, firstLineNumber + index, lines[index], path, pattern, context, matches, ctx.cwd));
  }
  return results;
}

function encodingOf(ctx: CmdletContext): TextEncoding {
  return toTextEncoding(ctx.params.Encoding ?? 'utf8NoBOM');
}

function searchFile(ctx: CmdletContext, st: SearchState, path: string): unknown[] {
  let bytes: Buffer;
  try {
    if (fs.statSync(path).isDirectory()) return [];
    bytes = fs.readFileSync(path);
  } catch (e) {
    ctx.writeError({
      message: `Cannot find path '${path}' because it does not exist.`,
      errorId: 'PathNotFound',
      category: 'ObjectNotFound',
      exceptionType: 'System.Management.Automation.ItemNotFoundException',
      targetObject: path,
      cause: e,
    });
    return [];
  }
  st.searchedFiles = true;
  return searchLines(ctx, st, splitLines(decodeText(bytes, encodingOf(ctx))), path, 1);
}

function emit(ctx: CmdletContext, st: SearchState, items: unknown[]): void | Promise<void> {
  if (ctx.params.Quiet) return;
  for (let i = 0; i < items.length; i++) {
    const r = ctx.write(items[i]);
    if (isPromise(r)) return r.then(() => emit(ctx, st, items.slice(i + 1)));
  }
}

const OBJECT_SETS = ['Object', 'ObjectRaw'];
const FILE_SETS = ['File', 'FileRaw'];
const LITERAL_SETS = ['LiteralFile', 'LiteralFileRaw'];
const RAW_SETS = ['ObjectRaw', 'FileRaw', 'LiteralFileRaw'];

export const selectString: CmdletDecl<SearchState> = {
  name: 'Select-String',
  module: UTILITY_MODULE,
  synopsis: 'Finds text in strings and files.',
  description: 'The Select-String cmdlet uses regular expression matching to search for text patterns in input strings and files. You can use Select-String similar to grep in Unix or findstr.exe in Windows.',
  // pwsh's default set is File; Object lets piped text and FileInfo bind while the binder picks the set before
  // seeing pipeline input (-Path / positional paths still select the File sets).
  defaultParameterSet: 'Object',
  outputType: ['Microsoft.PowerShell.Commands.MatchInfo', 'System.Boolean', 'System.String'],
  aliases: ['sls'],
  parameters: [
    { name: 'Culture', type: 'string' },
    { name: 'InputObject', type: 'psobject', mandatory: true, valueFromPipeline: true, parameterSets: OBJECT_SETS },
    { name: 'Pattern', type: 'string[]', position: 0, mandatory: true },
    { name: 'Path', type: 'string[]', position: 1, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: FILE_SETS },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: LITERAL_SETS },
    { name: 'Raw', type: 'switch', mandatory: true, parameterSets: RAW_SETS },
    { name: 'SimpleMatch', type: 'switch' },
    { name: 'CaseSensitive', type: 'switch' },
    { name: 'Quiet', type: 'switch', parameterSets: ['Object', 'File', 'LiteralFile'] },
    { name: 'List', type: 'switch' },
    { name: 'NoEmphasis', type: 'switch' },
    { name: 'Include', type: 'string[]' },
    { name: 'Exclude', type: 'string[]' },
    { name: 'NotMatch', type: 'switch' },
    { name: 'AllMatches', type: 'switch' },
    { name: 'Encoding', type: toTextEncoding },
    { name: 'Context', type: 'int[]', validateCount: [1, 2], validateRange: [0, 2147483647] },
  ],
  init: () => ({ matcher: null, streamLines: [], streamLineNumber: 0, found: false, searchedFiles: false, done: false, outputs: [] }),
  begin(ctx) {
    ensureMatchInfoView();
    ctx.state.matcher = buildMatcher(ctx);
  },
  process(ctx) {
    const st = ctx.state;
    if (ctx.isBound('Path') || ctx.isBound('LiteralPath')) {
      const literal = ctx.isBound('LiteralPath');
      const include = asStringArray(ctx.params.Include).map((p) => wildcardToRegExp(p, false));
      const exclude = asStringArray(ctx.params.Exclude).map((p) => wildcardToRegExp(p, false));
      const results: unknown[] = [];
      for (const raw of asStringArray(literal ? ctx.params.LiteralPath : ctx.params.Path)) {
        for (const p of resolveFsPaths(ctx, raw, { literal })) {
          const name = nodePath.basename(p);
          if (include.length > 0 && !include.some((r) => r.test(name))) continue;
          if (exclude.some((r) => r.test(name))) continue;
          results.push(...searchFile(ctx, st, p));
        }
      }
      return emit(ctx, st, results);
    }
    if (st.done) return;
    const input = ctx.params.InputObject;
    if (input === null || input === undefined) return;
    const info = fileSystemInfoOf(input);
    if (info) {
      if (info.isDirectory) return;
      return emit(ctx, st, searchFile(ctx, st, info.path));
    }
    const line = toStr(input);
    st.streamLineNumber++;
    if (ctx.isBound('Context')) {
      st.streamLines.push(line);
      return;
    }
    const results = searchLines(ctx, st, [line], 'InputStream', st.streamLineNumber);
    if (results.length > 0 && (ctx.params.List || ctx.params.Quiet)) st.done = true;
    return emit(ctx, st, results);
  },
  end(ctx) {
    const st = ctx.state;
    if (st.streamLines.length > 0) {
      const r = emit(ctx, st, searchLines(ctx, st, st.streamLines, 'InputStream', 1));
      if (isPromise(r)) return r.then(() => finishQuiet(ctx, st));
    }
    return finishQuiet(ctx, st);
  },
};

function finishQuiet(ctx: CmdletContext, st: SearchState): void | Promise<void> {
  if (!ctx.params.Quiet) return;
  if (st.found) return ctx.write(true);
  if (st.searchedFiles) return ctx.write(ctx.params.List ? null : false);
}

export const cmdlets: CmdletDecl[] = [selectString];
