// [System.Management.Automation.PSParser]::Tokenize(script, [ref] errors): the PowerShell 2 tokenizer API, as
// PSToken objects (Content, Type, Start, Length, StartLine...) and PSParseError objects (Token, Message).
import { parse, tokenize } from '../../parser/index.js';
import { positionOf } from '../../parser/extent.js';
import { TYPE_NAME, PSReference } from '../../runtime/types/index.js';
import { toStr } from '../../runtime/values/convert.js';

const KEYWORDS = new Set([
  'begin', 'break', 'catch', 'class', 'clean', 'continue', 'data', 'do', 'dynamicparam', 'else', 'elseif', 'end', 'enum', 'exit',
  'filter', 'finally', 'for', 'foreach', 'from', 'function', 'if', 'in', 'param', 'process', 'return', 'switch', 'throw', 'trap',
  'try', 'until', 'using', 'while', 'workflow',
]);
const GROUP_START = new Set(['LParen', 'LCurly', 'LBracket', 'AtParen', 'AtCurly', 'DollarParen']);
const GROUP_END = new Set(['RParen', 'RCurly', 'RBracket']);
/** After these a bare word names a command. */
const COMMAND_START = new Set(['', 'NewLine', 'Semi', 'LCurly', 'Pipe', 'LParen', 'DollarParen', 'AtParen', 'AndAnd', 'OrOr']);

function psToken(content: string, type: string, p: { start: number; end: number; line: number; column: number; endLine: number; endColumn: number }): Record<string, unknown> {
  const o = { Content: content, Type: type, Start: p.start, Length: p.end - p.start, StartLine: p.line, StartColumn: p.column, EndLine: p.endLine, EndColumn: p.endColumn };
  Object.defineProperty(o, TYPE_NAME, { value: 'System.Management.Automation.PSToken' });
  return o;
}

function typeOf(kind: string, text: string, previous: string): string {
  if (kind === 'Variable') return 'Variable';
  if (kind === 'Number') return 'Number';
  if (kind === 'Parameter') return 'CommandParameter';
  if (kind === 'Operator') return 'Operator';
  if (kind.startsWith('String') || kind.startsWith('HereString') || /^'[^]*'$/.test(text)) return 'String';
  if (GROUP_START.has(kind)) return 'GroupStart';
  if (GROUP_END.has(kind)) return 'GroupEnd';
  if (kind === 'NewLine') return 'NewLine';
  if (kind === 'Semi') return 'StatementSeparator';
  if (kind === 'Comma' || kind === 'Pipe' || kind === 'Dot' || kind === 'ColonColon') return 'Operator';
  if (KEYWORDS.has(text.toLowerCase())) return 'Keyword';
  return COMMAND_START.has(previous) ? 'Command' : 'CommandArgument';
}

export function psParserTokenize(args: unknown[]): unknown[] {
  const text = toStr(args[0] ?? '');
  const tokens: Record<string, unknown>[] = [];
  let previous = '';
  for (const t of tokenize(text)) {
    const type = typeOf(t.kind, t.text, previous);
    const content = type === 'String' && /^['"]/.test(t.text) ? t.text.slice(1, -1) : type === 'Variable' ? t.text.replace(/^[$@]\{?|\}$/g, '') : t.text;
    tokens.push(psToken(content, type, t.extent));
    previous = t.kind;
  }
  const ref = args[1];
  if (ref instanceof PSReference) {
    const r = parse(text, null);
    ref.Value = r.errors.map((e) => {
      const p = positionOf(e.extent, r.ast.source);
      const err = { Token: psToken(text.slice(e.extent.start, e.extent.end), 'Position', { ...p, start: e.extent.start, end: e.extent.end }), Message: e.message };
      Object.defineProperty(err, TYPE_NAME, { value: 'System.Management.Automation.PSParseError' });
      return err;
    });
  }
  return tokens;
}
