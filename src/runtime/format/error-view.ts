// pwsh's NormalView rendering of an ErrorRecord, and the text of parse errors.
//
// pwsh 7's NormalView (PowerShellCore_format_ps1xml.cs, ErrorRecord "ErrorInstance" view) is two parts:
//   1. a prefix naming the failing command: `Get-Item : ` (cmdlets/functions) or `/path/x.ps1 : ` (scripts);
//   2. the message, then (unless it is a parse error without a command) the position message,
//      then `+ CategoryInfo          : ...` and `+ FullyQualifiedErrorId : ...`, joined with newlines.
// pwsh 7 dropped Windows PowerShell's 4-space indent and column wrapping of the last two lines.
import type { Extent, ParseErrorInfo, SourceFile } from '../../parser/ast.js';
import { positionOf } from '../../parser/extent.js';
import type { CategoryInfo, ErrorRecord } from '../errors.js';

/** ErrorCategoryStrings.resx: every category renders as `<Name>: ...` except this one. */
const categoryLabels: Record<string, string> = { DeadlockDetected: 'Deadlock detected' };

/** ErrorCategoryInfo.Ellipsize: strings over 40 chars keep their first and last 19 around an ellipsis. */
export function ellipsize(text: string): string {
  if (text.length <= 40) return text;
  return `${text.slice(0, 19)}\u2026${text.slice(text.length - 19)}`;
}

/**
 * ErrorCategoryInfo.ToString(): `ObjectNotFound: (foo:String) [Get-Item], ItemNotFoundException`.
 * `activity` overrides an empty CategoryInfo.Activity (pwsh falls back to the command's name).
 */
export function categoryInfoText(info: CategoryInfo, activity = info.Activity): string {
  const category = info.Category || 'NotSpecified';
  const label = categoryLabels[category] ?? category;
  // The reason is an exception type name, which pwsh never ellipsizes.
  return `${label}: (${ellipsize(info.TargetName)}:${ellipsize(info.TargetType)}) [${ellipsize(activity)}], ${info.Reason}`;
}

/** `$err.CategoryInfo.ToString()`, as the error view shows it. */
export function errorCategoryText(record: ErrorRecord): string {
  const info = record.CategoryInfo;
  const inv = record.InvocationInfo;
  // pwsh shows a parse error through the wrapper exception the ErrorRecord was built from.
  const reason = record.isParseError && info.Reason === 'ParseException' ? 'ParentContainsErrorRecordException' : info.Reason;
  // ErrorCategoryInfo.Activity falls back to the name of the cmdlet/function/script that failed.
  const activity = info.Activity || (inv?.MyCommand ? baseName(inv.MyCommand) : '');
  return categoryInfoText({ ...info, Reason: reason }, activity);
}

/** pwsh's maximum width of the quoted source line (PositionUtilities.VerboseMessage). */
const maxLineLength = 69;

/**
 * PositionUtilities.VerboseMessage: `At line:1 char:5\n+ if (\n+     ~`, with tabs expanded to 4 spaces
 * and lines longer than 69 characters cut around the error (`... ` / ` ...`).
 */
export function verbosePositionMessage(extent: Extent, source: SourceFile): string {
  const pos = positionOf(extent, source);
  const where = `At ${source.path || 'line'}:${pos.line} char:${pos.column}\n+ `;
  const lines = source.text.split(/\r?\n|\r/);
  let sourceLine = (lines[pos.line - 1] ?? '').trimEnd();
  if (sourceLine === '') return where;
  let before = Math.min(pos.column - 1, sourceLine.length);
  let errorLength =
    pos.endLine === pos.line ? pos.endColumn - pos.column : sourceLine.length - pos.column + 1;
  errorLength = Math.max(0, Math.min(errorLength, sourceLine.length - before));
  if (sourceLine.includes('\t')) {
    const head = sourceLine.slice(0, before).replace(/\t/g, '    ');
    const error = sourceLine.slice(before, before + errorLength).replace(/\t/g, '    ');
    sourceLine = head + error + sourceLine.slice(before + errorLength).replace(/\t/g, '    ');
    before = head.length;
    errorLength = error.length;
  }
  let prefixDots = false;
  let suffixDots = false;
  if (sourceLine.length > maxLineLength) {
    const totalPrefix = before;
    let prefix = Math.min(totalPrefix, 12);
    const totalSuffix = sourceLine.length - errorLength - before;
    let suffix = Math.min(totalSuffix, 8);
    let candidate = prefix + errorLength + suffix;
    if (candidate >= maxLineLength) {
      if (prefix + errorLength >= maxLineLength) errorLength = maxLineLength - prefix;
      suffixDots = true;
    } else {
      const prefixAvailable = totalPrefix - prefix;
      if (prefixAvailable > 0) {
        prefix += Math.min(prefixAvailable, maxLineLength - candidate);
        candidate = prefix + errorLength + suffix;
      }
      if (candidate < maxLineLength && totalSuffix > 0) suffix += Math.min(totalSuffix, maxLineLength - candidate);
      suffixDots = suffix < totalSuffix;
    }
    prefixDots = prefix < totalPrefix;
    const start = Math.max(before - prefix, 0);
    sourceLine = sourceLine.slice(start, start + maxLineLength);
    before = Math.min(before, prefix);
    errorLength = Math.min(errorLength, maxLineLength - before);
  }
  const shown = (prefixDots ? '... ' : '') + sourceLine + (suffixDots ? ' ...' : '');
  const marker = ' '.repeat(before + (prefixDots ? 4 : 0)) + '~'.repeat(errorLength > 0 ? errorLength : 1);
  return `${where}${shown}\n+ ${marker}`;
}

/** ParseException.Message: each error as `<position>\n<message>`, at most 10, separated by a blank line. */
export function parseErrorMessage(errors: readonly ParseErrorInfo[], source: SourceFile): string {
  return errors
    .slice(0, 10)
    .map((e) => `${verbosePositionMessage(e.extent, source)}\n${e.message}`)
    .join('\n\n');
}

/**
 * How pwsh shows a script that does not parse (NormalView):
 * ```
 * At line:1 char:5
 * + if (
 * +     ~
 * Missing '(' after 'if' in if statement.
 * + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException
 * + FullyQualifiedErrorId : IfStatementMissingCondition
 * ```
 * The FullyQualifiedErrorId is the first error's ID.
 */
export function formatParseErrors(errors: readonly ParseErrorInfo[], source: SourceFile): string {
  const first = errors[0];
  return (
    `${parseErrorMessage(errors, source)}\n` +
    `    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n` +
    `    + FullyQualifiedErrorId : ${first ? first.errorId : 'Parse'}`
  );
}

/** Is this MyCommand a script file (ExternalScript) rather than a cmdlet or function name? */
function isScriptPath(command: string): boolean {
  return /[\\/]/.test(command) || /\.ps[md]?1$/i.test(command);
}

export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** The view's first binding: which command failed, as `Name : `. */
function commandPrefix(record: ErrorRecord): string {
  const inv = record.InvocationInfo;
  if (!inv) return '';
  if (inv.MyCommand) {
    if (isScriptPath(inv.MyCommand)) return `${inv.MyCommand} : `;
    // `& $cmd` / `. $cmd` have an invocation name of `&` / `.`: name the command itself.
    return /^[&.]?$/.test(inv.InvocationName) ? `${inv.MyCommand} : ` : `${inv.InvocationName} : `;
  }
  return inv.InvocationName ? `${inv.InvocationName} : ` : '';
}

/** The position lines, rendered from the extent when we have it (exact pwsh truncation rules). */
export function recordPosition(record: ErrorRecord): string {
  const inv = record.InvocationInfo;
  if (!inv) return '';
  if (inv.extent && inv.source) return verbosePositionMessage(inv.extent, inv.source);
  return inv.PositionMessage ?? '';
}

/**
 * pwsh's console rendering of an ErrorRecord in NormalView (no trailing newline):
 * ```
 * Get-Item : Cannot find path '/nope' because it does not exist.
 * At line:1 char:1
 * + Get-Item /nope
 * + ~~~~~~~~~~~~~~
 * + CategoryInfo          : ObjectNotFound: (/nope:String) [Get-Item], ItemNotFoundException
 * + FullyQualifiedErrorId : PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand
 * ```
 */
export function formatErrorRecord(record: ErrorRecord): string {
  const id = record.FullyQualifiedErrorId;
  if (id === 'NativeCommandErrorMessage' || id === 'NativeCommandError') return record.Exception.Message;
  const inv = record.InvocationInfo;
  const info = record.CategoryInfo;
  const isParse = info.Category === 'ParserError';
  let message = record.ErrorDetails?.Message || record.Exception.Message;
  let position = '';
  if (inv && (inv.MyCommand || !isParse)) {
    position = recordPosition(record);
  } else if (record.isParseError && inv?.extent && inv.source && !message.startsWith('At ')) {
    // A ParseException's message carries the positions of all its errors; build it if the record lacks it.
    const all = (record as ErrorRecord & { parseErrors?: ParseErrorInfo[] }).parseErrors;
    message = all?.length ? parseErrorMessage(all, inv.source) : `${verbosePositionMessage(inv.extent, inv.source)}\n${message}`;
  }
  const category = errorCategoryText(record);
  const prefix = commandPrefix(record);
  return (
    prefix +
    message +
    (position ? `\n${position}` : '') +
    // NormalView indents these two lines by 4 (PowerShellCore.format.ps1xml's $indent = 4).
    `\n    + CategoryInfo          : ${category}` +
    `\n    + FullyQualifiedErrorId : ${id}`
  );
}
