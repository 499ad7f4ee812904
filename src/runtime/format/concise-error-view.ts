// pwsh 7's default error display, ConciseView (the "ErrorInstance" view of PowerShellCore_format_ps1xml.cs with
// $ErrorView = 'ConciseView'):
//
//   Get-Item: Cannot find path '/nope' because it does not exist.          (one line: a one-line -c command)
//
//   Exception: /tmp/x.ps1:3                                                (a script file, or line 2+ of a command)
//   Line |
//      3 |  throw "boom"
//        |  ~~~~~~~~~~~~
//        | boom
//
// The first word names what failed: `Exception` for `throw`, else the failing command, the category's activity, or
// the category. Parse errors always get the line detail (ParserError: ...).
import type { ErrorRecord } from '../errors.js';
import { baseName, recordPosition } from './error-view.js';

/** Width pwsh wraps the message at when there is no console window to measure. */
const WINDOW_WIDTH = 120;

/** `string` cut to `length`, back to its last whitespace (pwsh's Get-TruncatedString). */
function truncated(s: string, length: number): string {
  if (s.length <= length) return s;
  const head = s.slice(0, length);
  const cut = head.search(/\s\S*$/);
  return cut > 0 ? head.slice(0, cut) : head;
}

/** The message, broken into lines of at most WINDOW_WIDTH that continue after `prefix`. */
function wrapped(message: string, prefix: string): string {
  if (message.length <= WINDOW_WIDTH) return message;
  let out = truncated(message, WINDOW_WIDTH);
  let rest = message.slice(out.length).trim();
  out += '\n';
  while (rest.length + prefix.length > WINDOW_WIDTH) {
    const piece = truncated(prefix + rest, WINDOW_WIDTH);
    if (piece.length - prefix.length <= 0) break;
    out += piece + '\n';
    rest = rest.slice(piece.length - prefix.length).trim();
  }
  return out + prefix + rest.trim();
}

/** What failed, as the view's first word. */
function reasonOf(record: ErrorRecord): string {
  const inv = record.InvocationInfo;
  if (record.Exception.WasThrownFromThrowStatement === true) return 'Exception';
  if (inv?.MyCommand) return baseName(inv.MyCommand);
  const info = record.CategoryInfo;
  if (info.Activity) return info.Activity;
  if (inv?.InvocationName) return inv.InvocationName;
  // NotSpecified is the enum's zero, which the view's script treats as false: the exception's type names it then.
  if (info.Category && info.Category !== 'NotSpecified') return info.Category;
  return info.Reason || 'Error';
}

/** pwsh's ConciseView rendering of an ErrorRecord (no trailing newline). */
export function formatErrorRecordConcise(record: ErrorRecord): string {
  const id = record.FullyQualifiedErrorId;
  if (id === 'NativeCommandErrorMessage' || id === 'NativeCommandError') return record.Exception.Message;
  const inv = record.InvocationInfo;
  const isParse = record.CategoryInfo.Category === 'ParserError';
  const scriptName = inv?.ScriptName ?? '';
  const lineNumber = inv?.ScriptLineNumber ?? 0;
  const showLine = inv !== null && (isParse || scriptName !== '' || lineNumber > 1) && !/\.psm1$/i.test(scriptName);
  let posmsg = '';
  let prefix = '';
  if (showLine) {
    const digits = String(lineNumber).length;
    const headerSpace = digits > 4 ? ' '.repeat(digits - 4) : '';
    const lineSpace = digits < 4 ? ' '.repeat(4 - digits) : '';
    const position = recordPosition(record).split('\n');
    const line = (position[1] ?? '').slice(1);
    const highlight = position.length > 2 ? position[position.length - 1]!.slice(1) : '';
    posmsg = `${scriptName ? `${scriptName}:${lineNumber}` : ''}\n${headerSpace}Line |\n${lineSpace}${lineNumber} | ${line}\n`;
    prefix = `${headerSpace}     | `;
    if (highlight !== '') posmsg += `${prefix}${highlight}\n`;
  }
  let message = record.ErrorDetails?.Message || record.Exception.Message;
  if ((inv && scriptName) || isParse) message = wrapped(message.replace(/\r?\n|\t/g, ' '), prefix);
  return `${reasonOf(record)}: ${posmsg}${prefix}${message}`;
}
