// Public parser API: parse (never throws) and tokenize (best effort).
import type { Position, ParseResult } from './ast.js';
import type { PsParser } from './parser.js';
import { LineIndex } from './extent.js';
import { PsParserClass } from './parser-instance.js';

export type { ParseResult, ParseErrorInfo } from './ast.js';

let instance: PsParser | null = null;

/** The parser is built once, at first use (chevrotain's self-analysis is not free). */
function parser(): PsParser {
  if (!instance) instance = new PsParserClass();
  return instance;
}

export function parse(text: string, path: string | null = null): ParseResult {
  try {
    return parser().parseText(text, path).result;
  } catch (e) {
    // Defensive: a parser bug must not surface as a JS exception; report it as a parse error.
    instance = null;
    const lines = new LineIndex(text);
    const extent = lines.position(0, 0);
    const message = `Unrecoverable error in PowerShell.`;
    return {
      ast: {
        kind: 'ScriptBlock', start: 0, end: text.length, source: { text, path }, paramBlock: null, dynamicParamBlock: null,
        beginBlock: null, processBlock: null, cleanBlock: null, isFilter: false,
        endBlock: { kind: 'NamedBlock', blockKind: 'end', unnamed: true, statements: [], traps: [], start: 0, end: text.length },
      },
      errors: [{ errorId: 'UnrecoverableParserError', message, extent, incompleteInput: false }],
      ...(process.env.AWSH_PARSER_DEBUG ? { debug: String(e) } : {}),
    };
  }
}

export interface TokenInfo {
  kind: string;
  text: string;
  extent: Position;
}

export function tokenize(text: string): TokenInfo[] {
  try {
    const lines = new LineIndex(text);
    const { tokens } = parser().parseText(text, null, true);
    return tokens.map((t) => ({ kind: t.tokenType.name, text: t.image, extent: lines.position(t.startOffset, t.end) }));
  } catch {
    instance = null;
    return [];
  }
}
