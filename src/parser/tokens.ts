// Chevrotain token types for the PowerShell parser. Tokens are produced by the
// hand-written mode-aware lexer (lexer.ts), never by a chevrotain Lexer, so every
// type uses the NA pattern.
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

const t = (name: string): TokenType => createToken({ name, pattern: Lexer.NA });

export const T = {
  NewLine: t('NewLine'),
  Semi: t('Semi'),
  Variable: t('Variable'),
  Splat: t('Splat'),
  Number: t('Number'),
  StringLiteral: t('StringLiteral'),
  StringExpandable: t('StringExpandable'),
  Generic: t('Generic'),
  Identifier: t('Identifier'),
  Parameter: t('Parameter'),
  Operator: t('Operator'),
  Assign: t('Assign'),
  LParen: t('LParen'),
  RParen: t('RParen'),
  LCurly: t('LCurly'),
  RCurly: t('RCurly'),
  LBracket: t('LBracket'),
  RBracket: t('RBracket'),
  AtParen: t('AtParen'),
  AtCurly: t('AtCurly'),
  DollarParen: t('DollarParen'),
  Comma: t('Comma'),
  Dot: t('Dot'),
  ColonColon: t('ColonColon'),
  QDot: t('QDot'),
  QBracket: t('QBracket'),
  Question: t('Question'),
  Colon: t('Colon'),
  Pipe: t('Pipe'),
  Amp: t('Amp'),
  AndAnd: t('AndAnd'),
  OrOr: t('OrOr'),
  Redirection: t('Redirection'),
  StopParsing: t('StopParsing'),
  TypeWord: t('TypeWord'),
  Unknown: t('Unknown'),
} as const;

export const allTokenTypes: TokenType[] = Object.values(T);

export type LexMode = 'cmd' | 'expr' | 'type' | 'hashkey';

/** A variable reference or `$( )` inside an expandable string, with absolute offsets. */
export type StringPart =
  | string
  | { kind: 'var'; name: string; scope: string | null; start: number; end: number }
  | { kind: 'sub'; start: number; end: number; innerStart: number; innerEnd: number };

export interface StringData {
  quote: 'bare' | 'single' | 'double' | 'singleHere' | 'doubleHere';
  /** Literal value when nothing expands. */
  value: string;
  /** Parts when the string expands (at least one non-string part); null otherwise. */
  parts: StringPart[] | null;
  /** Raw text between the quotes. */
  raw: string;
}

export interface VariableData {
  name: string;
  scope: string | null;
}

export interface RedirectionData {
  from: '*' | '1' | '2' | '3' | '4' | '5' | '6';
  append: boolean;
  /** For `2>&1`: the target stream; null for file redirections. */
  mergeTo: '1' | '2' | null;
  /** `<` is reserved. */
  input: boolean;
}

export interface ParameterData {
  name: string;
  colon: boolean;
}

/** A chevrotain token with the extra facts the PowerShell grammar needs. */
export interface PsToken extends IToken {
  /** Exclusive end offset. */
  readonly end: number;
  /** Offset where the lexer started scanning (before whitespace/comments): re-lexing restarts here. */
  readonly scanStart: number;
  /** Whitespace or a comment precedes the token (method calls, indexing and member access need adjacency). */
  readonly ws: boolean;
  readonly mode: LexMode;
  /**
   * Payload: StringData, VariableData, RedirectionData, ParameterData, number info, operator text. A Generic token
   * with a null payload is a plain bareword whose value is its image (the common case: no StringData allocated).
   */
  data: unknown;
}
