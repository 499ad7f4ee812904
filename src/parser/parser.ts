// The PowerShell grammar as a chevrotain EmbeddedActionsParser. PowerShell's tokenization depends on
// where the parser is (command arguments vs expressions), so tokens are lexed lazily, in the mode the
// grammar asks for (`peek(mode)`), and re-lexed when the grammar switches modes (pwsh's own parser
// works the same way). Grammar rules are written as explicit LL(1) code over those tokens rather than
// chevrotain's OR/MANY, because decisions depend on token text and adjacency, not only on token types.
import { EmbeddedActionsParser, EOF, type TokenType } from 'chevrotain';
import type * as A from './ast.js';
import { T, allTokenTypes, type LexMode, type PsToken, type StringData, type VariableData, type ParameterData, type RedirectionData } from './tokens.js';
import { Lexer, TokenPool, type OperatorData } from './lexer.js';
import { LineIndex } from './extent.js';
import { parseNumber, type NumberValue } from './numbers.js';
import { formatMessage, type ErrorId } from './messages.js';
import { isNewline, isWs } from './chars.js';

const BINARY_PREC: Record<string, number> = {
  '-and': 1, '-or': 1, '-xor': 1,
  '-band': 2, '-bor': 2, '-bxor': 2,
  '-eq': 3, '-ne': 3, '-gt': 3, '-ge': 3, '-lt': 3, '-le': 3, '-like': 3, '-notlike': 3, '-match': 3, '-notmatch': 3,
  '-contains': 3, '-notcontains': 3, '-in': 3, '-notin': 3, '-replace': 3, '-split': 3, '-join': 3,
  '-is': 3, '-isnot': 3, '-as': 3, '-shl': 3, '-shr': 3,
  // `??` binds looser than arithmetic, `-f` and `..` (`2 + $null ?? 3` is 2) but tighter than comparisons.
  '??': 4,
  '+': 5, '-': 5,
  '*': 6, '/': 6, '%': 6,
  '-f': 7,
  '..': 8,
};

const UNARY_OPS = new Set(['!', '-not', '-bnot', '-', '+', '-split', '-join', '++', '--']);

const STATEMENT_KEYWORDS = new Set([
  'if', 'switch', 'foreach', 'for', 'while', 'do', 'function', 'filter', 'workflow', 'return', 'exit', 'throw',
  'break', 'continue', 'try', 'trap', 'data', 'class', 'enum', 'interface', 'configuration', 'using', 'param',
  'begin', 'process', 'end', 'clean', 'dynamicparam', 'else', 'elseif', 'catch', 'finally', 'until',
]);
const NAMED_BLOCKS = new Set(['begin', 'process', 'end', 'clean', 'dynamicparam']);

/** STATEMENT_KEYWORDS by first letter (a-z): every command name is checked, so the check must not allocate. */
const KEYWORDS_BY_LETTER: string[][] = Array.from({ length: 26 }, () => []);
for (const k of STATEMENT_KEYWORDS) KEYWORDS_BY_LETTER[k.charCodeAt(0) - 97]!.push(k);

/** ASCII case-insensitive equality with a lower-case word (keywords are ASCII, as in pwsh). */
function equalsWord(s: string, word: string): boolean {
  const n = word.length;
  if (s.length !== n) return false;
  for (let i = 0; i < n; i++) if ((s.charCodeAt(i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

/** The statement keyword `s` spells (in any case), lower-cased; null when it is none. */
function statementKeyword(s: string): string | null {
  const list = KEYWORDS_BY_LETTER[(s.charCodeAt(0) | 0x20) - 97];
  if (list === undefined) return null;
  for (let i = 0; i < list.length; i++) if (equalsWord(s, list[i]!)) return list[i]!;
  return null;
}
const LOOP_KEYWORDS = new Set(['foreach', 'for', 'while', 'do', 'switch']);
const SWITCH_FLAGS = ['regex', 'wildcard', 'exact', 'casesensitive', 'file', 'parallel'] as const;
const MAX_DEPTH = 400;

/**
 * The one empty list every AST node shares (most nodes have no redirections, traps or attributes). Frozen, so a
 * consumer that tried to add to it would fail loudly instead of changing every other node.
 */
const EMPTY: never[] = Object.freeze([]) as never[];

/**
 * Appends to an AST list that starts out as EMPTY. Lists of up to SMALL_LIST items are rebuilt as exact-size
 * literals (most AST lists are that short); longer ones grow by push and are trimmed by `fit`. (A push onto a
 * short array reserves 17 more slots, and AST lists live as long as the script: spare capacity would be most of
 * the AST's memory, and the grown copies most of the parser's garbage.)
 */
function add<T>(list: T[], item: T): T[] {
  switch (list.length) {
    case 0: return [item];
    case 1: return [list[0]!, item];
    case 2: return [list[0]!, list[1]!, item];
    case 3: return [list[0]!, list[1]!, list[2]!, item];
    default:
      list.push(item);
      return list;
  }
}
const SMALL_LIST = 4;

/** The final form of a list built with `add`: exact size. */
function fit<T>(list: T[]): T[] {
  return list.length > SMALL_LIST ? list.slice() : list;
}

class TooDeep extends Error {}

interface Mark {
  idx: number;
  /** Where token idx+1 starts being scanned. */
  pos: number;
  errors: number;
  lastEnd: number;
  /** Length of `kept` (tokenize mode). */
  kept: number;
}

export interface ParseOutput {
  result: A.ParseResult;
  tokens: PsToken[];
}

export class PsParser extends EmbeddedActionsParser {
  private text = '';
  private src: A.SourceFile = { text: '', path: null };
  private lines = new LineIndex('');
  private pool = new TokenPool();
  private lexer = new Lexer('', 0, 0, this.pool);
  private lexers: Lexer[] = [];
  /** Lexed tokens; only the first `ntoks` are valid (truncation just lowers the count: no array reallocation). */
  private toks: PsToken[] = [];
  private base = 0;
  private ntoks = 0;
  /** Every consumed token, in order, when tokenizing; null when only parsing. */
  private kept: PsToken[] | null = null;
  private idx = -1;
  private mode: LexMode = 'cmd';
  private lastEnd = 0;
  private perrs: A.ParseErrorInfo[] = [];
  private depth = 0;
  private lastWasBackground = false;
  /**
   * Enclosing loops (their lower-cased label, '' when unlabeled) and finally blocks (null) of the current
   * script block, innermost last: `return`/`break`/`continue` must not leave a finally block.
   */
  private flow: (string | null)[] = [];

  constructor() {
    super(allTokenTypes, { skipValidations: true, recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  // ---------------------------------------------------------------------------------------------
  // Lazy, mode-aware token access (overrides chevrotain's LexerAdapter, which supports this).

  // Token indexes are absolute; `toks` holds only a window of them starting at index `base` (consumed tokens are
  // dropped as parsing goes, so they die young instead of being kept alive for the whole parse).
  override LA(k: number): PsToken {
    const i = this.idx + k;
    if (i < this.base) return this.toks[0] ?? this.lexer.next(this.mode);
    const v = this.toks;
    while (this.ntoks <= i) v[this.ntoks++ - this.base] = this.lexer.next(this.mode);
    return v[i - this.base]!;
  }
  override LA_FAST(k: number): PsToken {
    return this.LA(k);
  }
  consumeToken(): void {
    this.take();
  }
  exportLexerState(): number {
    return this.idx;
  }
  importLexerState(s: number): void {
    this.idx = s;
  }
  resetLexerState(): void {
    this.idx = -1;
  }
  moveToTerminatedState(): void {
    /* never used: recovery is off */
  }
  onBeforeParse(): void {
    /* tokens are lexed lazily: no EOF padding */
  }
  onAfterParse(): void {
    /* the grammar reports its own errors */
  }

  private setMode(m: LexMode): void {
    if (this.mode === m) return;
    this.mode = m;
    if (this.ntoks > this.idx + 1) this.truncateAfter(this.idx);
  }

  /** Drops lexed tokens after index `i`: they will be lexed again (in the current mode) from where token i+1 started. */
  private truncateAfter(i: number): void {
    const next = this.toks[i + 1 - this.base]!;
    this.lexer.pos = next.scanStart;
    this.lexer.reuse = next;
    this.ntoks = i + 1;
  }

  private peek(m: LexMode): PsToken {
    if (this.mode !== m) this.setMode(m);
    return this.LA(1);
  }

  /** Consumes the next token (already peeked in the wanted mode). */
  private take(): PsToken {
    const t = this.LA(1);
    const i = ++this.idx;
    if (t.tokenType !== EOF) this.lastEnd = t.end;
    if (this.kept) this.kept.push(t);
    if (i - this.base >= 256) this.dropConsumed();
    return t;
  }

  /** Moves the lookahead tokens (after `idx`) to the front of the window. */
  private dropConsumed(): void {
    const v = this.toks;
    const from = this.idx + 1 - this.base;
    const n = this.ntoks - this.idx - 1;
    for (let j = 0; j < n; j++) v[j] = v[from + j]!;
    // The array keeps its length (stale slots are overwritten as lexing goes on): shrinking it would make V8 trim
    // the backing store, and every refill would then reallocate it as it grows again.
    this.base = this.idx + 1;
  }

  private mark(): Mark {
    const pos = this.ntoks > this.idx + 1 ? this.toks[this.idx + 1 - this.base]!.scanStart : this.lexer.pos;
    return { idx: this.idx, pos, errors: this.perrs.length, lastEnd: this.lastEnd, kept: this.kept ? this.kept.length : 0 };
  }

  private rewind(m: Mark): void {
    if (this.ntoks > m.idx + 1 && m.idx + 1 >= this.base) this.truncateAfter(m.idx);
    this.idx = m.idx;
    this.ntoks = m.idx + 1;
    this.lexer.pos = m.pos;
    if (this.base > this.ntoks) {
      // The window moved past the mark: restart it there.
      this.base = this.ntoks;
      this.toks.length = 0;
    }
    this.perrs.length = m.errors;
    this.lastEnd = m.lastEnd;
    if (this.kept) this.kept.length = m.kept;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** End offset for a node that started at `start` and ends with the last consumed token (never before its start). */
  private endFrom(start: number): number {
    const end = this.lastEnd;
    return end < start ? start : end;
  }

  /** A parse error's position (errors are rare, so their line and column are computed at once). */
  private position(start: number, end: number): A.Position {
    return this.lines.position(start, end < start ? start : end);
  }

  private error(id: ErrorId, start: number, end: number, incomplete: boolean, ...args: string[]): void {
    this.perrs.push({ errorId: id, message: formatMessage(id, ...args), extent: this.position(start, end), incompleteInput: incomplete });
  }

  private errorAt(id: ErrorId, t: PsToken, ...args: string[]): void {
    const eof = t.tokenType === EOF;
    this.error(id, eof ? this.lastEnd : t.startOffset, eof ? this.lastEnd : t.end, eof, ...args);
  }

  /** Error positioned right after the last consumed token (pwsh's `After(extent)`). */
  private errorAfter(id: ErrorId, t: PsToken, ...args: string[]): void {
    this.error(id, this.lastEnd, this.lastEnd, t.tokenType === EOF, ...args);
  }

  private unexpected(t: PsToken): void {
    if (t.tokenType === EOF) return;
    this.error('UnexpectedToken', t.startOffset, t.end, false, t.image);
  }

  private placeholder(at: number): A.StringConstantExpressionAst {
    return { kind: 'StringConstant', value: '', quote: 'bare', start: at, end: at };
  }

  private skipNewlines(mode: LexMode = 'expr'): void {
    while (this.peek(mode).tokenType === T.NewLine) this.take();
  }

  private skipTerminators(): void {
    for (;;) {
      const t = this.peek('cmd');
      if (t.tokenType === T.NewLine || t.tokenType === T.Semi) this.take();
      else return;
    }
  }

  private isPlainWord(t: PsToken): boolean {
    if (t.tokenType !== T.Generic) return false;
    const d = t.data as StringData | null;
    return d === null || (d.parts === null && d.value === t.image);
  }

  private isWord(t: PsToken, word: string): boolean {
    return this.isPlainWord(t) && equalsWord(t.image, word);
  }

  private isStatementEnd(t: PsToken): boolean {
    const tt = t.tokenType;
    return tt === T.NewLine || tt === T.Semi || tt === T.RCurly || tt === T.RParen || tt === EOF;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new TooDeep();
  }

  // ---------------------------------------------------------------------------------------------
  // Entry point

  parseText(text: string, path: string | null, keepTokens = false): ParseOutput {
    this.reset();
    this.text = text;
    this.src = { text, path };
    this.lines = new LineIndex(text);
    this.pool.reset(!keepTokens);
    this.lexer = new Lexer(text, 0, text.length, this.pool);
    this.lexers = [this.lexer];
    this.toks = [];
    this.base = 0;
    this.ntoks = 0;
    this.kept = keepTokens ? [] : null;
    this.idx = -1;
    this.mode = 'cmd';
    this.lastEnd = 0;
    this.perrs = [];
    this.depth = 0;
    this.flow = [];
    let ast: A.ScriptBlockAst;
    try {
      ast = this.script() as A.ScriptBlockAst;
    } catch (e) {
      if (!(e instanceof TooDeep) && !(e instanceof RangeError)) throw e;
      this.error('ScriptTooComplicated', 0, 0, false);
      ast = this.emptyScriptBlock();
    }
    const tokens = this.kept ?? [];
    this.kept = null;
    this.toks = [];
    return { result: { ast, errors: this.collectErrors() }, tokens };
  }

  private emptyScriptBlock(): A.ScriptBlockAst {
    const end = this.text.length;
    return {
      kind: 'ScriptBlock', start: 0, end, source: this.src, paramBlock: null, dynamicParamBlock: null, beginBlock: null, processBlock: null,
      endBlock: { kind: 'NamedBlock', blockKind: 'end', unnamed: true, statements: EMPTY, traps: EMPTY, start: 0, end }, cleanBlock: null, isFilter: false,
    };
  }

  /**
   * Parse errors in the order pwsh reports them: the parser's in the order found (an unclosed brace is reported at
   * its opening brace, but after the errors inside it), each lexer error before the first parser error found
   * after its position (the tokenizer reports as it scans, ahead of the parser).
   */
  private collectErrors(): A.ParseErrorInfo[] {
    const parserErrors = this.perrs;
    const seen = new Set(parserErrors.map((e) => e.errorId + '@' + e.extent.start));
    const lexed: A.ParseErrorInfo[] = [];
    for (const lx of this.lexers) {
      for (const e of lx.errors) {
        const key = e.id + '@' + e.start;
        if (seen.has(key)) continue;
        seen.add(key);
        lexed.push({ errorId: e.id, message: formatMessage(e.id, ...e.args), extent: this.position(e.start, e.end), incompleteInput: e.incomplete });
      }
    }
    if (lexed.length === 0) return [...parserErrors];
    const all: A.ParseErrorInfo[] = [];
    let li = 0;
    for (const pe of parserErrors) {
      while (li < lexed.length && lexed[li]!.extent.start < pe.extent.start) all.push(lexed[li++]!);
      all.push(pe);
    }
    while (li < lexed.length) all.push(lexed[li++]!);
    return all;
  }

  /** Parses `$( )` content inside an expandable string: a nested token stream over [start, end). */
  private subParse(start: number, end: number): A.StatementBlockAst {
    const saved = { lexer: this.lexer, toks: this.toks, base: this.base, ntoks: this.ntoks, idx: this.idx, mode: this.mode, lastEnd: this.lastEnd, bg: this.lastWasBackground, kept: this.kept };
    this.lexer = new Lexer(this.text, start, end, this.pool);
    this.lexers.push(this.lexer);
    this.toks = [];
    this.base = 0;
    this.kept = null;
    this.ntoks = 0;
    this.idx = -1;
    this.mode = 'cmd';
    try {
      const statements = this.statementList('eof');
      return { kind: 'StatementBlock', statements, traps: this.listTraps, start: start, end: end };
    } finally {
      this.lexer = saved.lexer;
      this.toks = saved.toks;
      this.base = saved.base;
      this.kept = saved.kept;
      this.ntoks = saved.ntoks;
      this.idx = saved.idx;
      this.mode = saved.mode;
      this.lastEnd = saved.lastEnd;
      this.lastWasBackground = saved.bg;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Script blocks

  /**
   * Grammar rules are plain methods over the lazily lexed stream. Wrapping each one in chevrotain's RULE
   * machinery (rule stack, try/catch, argument arrays on every call) cost most of the parse time while
   * giving nothing back (decisions are hand-written LL(1), recovery is off), so only the entry rule
   * `script` goes through chevrotain; the name is kept for readability and profiles.
   */
  private rule<F extends (...args: never[]) => unknown>(_name: string, impl: F): F {
    return impl;
  }

  private script = this.RULE('script', () => {
    // Rules are plain code: nothing to record for chevrotain's grammar analysis.
    if (this.RECORDING_PHASE) return undefined;
    return this.scriptBlockBody(null);
  });

  private scriptBlockBody = this.rule('scriptBlockBody', (open: PsToken | null): A.ScriptBlockAst => {
    const outerFlow = this.flow;
    this.flow = [];
    const sb = this.scriptBlockContent(open);
    this.flow = outerFlow;
    return sb;
  });

  private scriptBlockContent(open: PsToken | null): A.ScriptBlockAst {
    const start = open ? open.startOffset : 0;
    const bodyStart = open ? open.end : 0;
    this.skipTerminators();
    const paramBlock = this.tryParamBlock();
    this.skipTerminators();
    const sb: A.ScriptBlockAst = {
      kind: 'ScriptBlock', start: start, end: start, source: this.src, paramBlock, dynamicParamBlock: null,
      beginBlock: null, processBlock: null, endBlock: null, cleanBlock: null, isFilter: false,
    };
    const closer = open ? 'rcurly' : 'eof';
    if (this.atNamedBlock()) {
      for (;;) {
        this.skipTerminators();
        const t = this.peek('cmd');
        if (t.tokenType === EOF || t.tokenType === T.RCurly) break;
        if (!this.isPlainWord(t) || !NAMED_BLOCKS.has(statementKeyword(t.image)!)) {
          // pwsh: once named blocks start, nothing else may follow; in braces it then acts as if the block closed.
          this.errorAt('MissingNamedBlocks', t, t.image);
          if (!open) {
            this.take();
            while (this.peek('cmd').tokenType !== EOF) this.take();
          }
          break;
        }
        const kw = this.take();
        this.skipNewlines('cmd');
        const lc = this.peek('cmd');
        if (lc.tokenType !== T.LCurly) {
          // pwsh reports it right after the block name, then goes on: another named block may follow.
          this.error('MissingNamedStatementBlock', kw.end, kw.end, lc.tokenType === EOF, kw.image);
          continue;
        }
        const block = this.statementBlock();
        const kind = kw.image.toLowerCase() as A.NamedBlockAst['blockKind'];
        const nb: A.NamedBlockAst = { kind: 'NamedBlock', blockKind: kind, unnamed: false, statements: block.statements, traps: block.traps, start: kw.startOffset, end: this.endFrom(kw.startOffset) };
        if (kind === 'begin') sb.beginBlock = nb;
        else if (kind === 'process') sb.processBlock = nb;
        else if (kind === 'end') sb.endBlock = nb;
        else if (kind === 'clean') sb.cleanBlock = nb;
        else sb.dynamicParamBlock = nb;
      }
    } else {
      const first = this.peek('cmd').startOffset;
      const statements = this.statementList(closer);
      sb.endBlock = { kind: 'NamedBlock', blockKind: 'end', unnamed: true, statements, traps: this.listTraps, start: statements.length ? first : bodyStart, end: Math.max(this.lastEnd, bodyStart) };
    }
    if (open) {
      const t = this.peek('cmd');
      if (t.tokenType === T.RCurly) this.take();
      else this.error('MissingEndCurlyBrace', open.startOffset, open.end, t.tokenType === EOF);
    } else {
      // Stray closers at top level are reported by statementList; consume any leftover.
      for (let t = this.peek('cmd'); t.tokenType !== EOF; t = this.peek('cmd')) {
        this.unexpected(t);
        this.take();
      }
    }
    sb.start = start;
    sb.end = open ? this.endFrom(start) : this.text.length;
    return sb;
  }

  /** A loop or switch body: `break`/`continue` inside it stay within a finally block around the loop. */
  private loopBody(label: string | null, id: ErrorId, ...args: string[]): A.StatementBlockAst | null {
    this.flow.push(label ? label.toLowerCase() : '');
    const body = this.bodyBlock(id, ...args);
    this.flow.pop();
    return body;
  }

  /** Reports `return` (label undefined), `break`/`continue` (label '' or a constant label, null when computed) that would leave a finally block. */
  private checkFlowOutOfFinally(label: string | null | undefined, start: number): void {
    for (let i = this.flow.length - 1; i >= 0; i--) {
      const f = this.flow[i]!;
      if (f === null) {
        this.error('ControlLeavingFinally', start, this.lastEnd, false);
        return;
      }
      if (typeof label === 'string' && (label === '' || label === f)) return;
    }
  }

  /** A body that starts with a block keyword (`begin`, `process`, `end`, `clean`, `dynamicparam`) is a list of named blocks, as in pwsh. */
  private atNamedBlock(): boolean {
    const t = this.peek('cmd');
    return this.isPlainWord(t) && NAMED_BLOCKS.has(statementKeyword(t.image)!);
  }

  private tryParamBlock(): A.ParamBlockAst | null {
    let t = this.peek('cmd');
    const start = t.startOffset;
    let attributes: A.AttributeAst[] = EMPTY;
    let m: Mark | null = null;
    if (!this.isWord(t, 'param')) {
      if (t.tokenType !== T.Generic || !t.image.startsWith('[')) return null;
      m = this.mark();
      for (;;) {
        const b = this.peek('expr');
        if (b.tokenType !== T.LBracket) break;
        const item = this.bracketItem();
        if (!item || item.kind !== 'Attribute') { this.rewind(m); return null; }
        attributes = add(attributes, item);
        this.skipNewlines('expr');
      }
      t = this.peek('cmd');
      if (!this.isWord(t, 'param')) { this.rewind(m); return null; }
    }
    this.take();
    this.skipNewlines('expr');
    const lp = this.peek('expr');
    if (lp.tokenType !== T.LParen) {
      this.errorAfter('MissingOpenParenthesisAfterKeyword', lp, 'param');
      return { kind: 'ParamBlock', attributes: fit(attributes), parameters: EMPTY, start: start, end: this.endFrom(start) };
    }
    this.take();
    const parameters = this.parameterList();
    return { kind: 'ParamBlock', attributes: fit(attributes), parameters, start: start, end: this.endFrom(start) };
  }

  /** After `(`: parameters up to and including `)`. */
  private parameterList = this.rule('parameterList', (): A.ParameterAst[] => {
    let params: A.ParameterAst[] = EMPTY;
    this.skipNewlines('expr');
    if (this.peek('expr').tokenType === T.RParen) { this.take(); return params; }
    for (;;) {
      const p = this.parameter();
      if (!p) break;
      // pwsh's semantic check: a name may appear once (case-insensitively); reported at the repeated variable.
      for (let i = 0; i < params.length; i++) {
        if (params[i]!.name.toLowerCase() === p.name.toLowerCase()) {
          this.error('DuplicateFormalParameter', this.paramVarStart, this.paramVarEnd, false, p.name);
          break;
        }
      }
      params = add(params, p);
      this.skipNewlines('expr');
      const t = this.peek('expr');
      if (t.tokenType === T.Comma) { this.take(); this.skipNewlines('expr'); continue; }
      if (t.tokenType === T.RParen) { this.take(); return fit(params); }
      break;
    }
    const t = this.peek('expr');
    if (t.tokenType === T.RParen) this.take();
    else this.errorAfter('MissingEndParenthesisInFunctionParameterList', t);
    return fit(params);
  });

  /** Where the variable of the parameter just parsed is (for errors about it). */
  private paramVarStart = 0;
  private paramVarEnd = 0;

  private parameter(): A.ParameterAst | null {
    const start = this.peek('expr').startOffset;
    let attributes: (A.AttributeAst | A.TypeConstraintAst)[] = EMPTY;
    for (;;) {
      const t = this.peek('expr');
      if (t.tokenType !== T.LBracket) break;
      const item = this.bracketItem();
      if (!item) return null;
      attributes = add<A.AttributeAst | A.TypeConstraintAst>(attributes, item.kind === 'Attribute' ? item : { kind: 'TypeConstraint', typeName: item.type, start: item.start, end: item.end });
      this.skipNewlines('expr');
    }
    const v = this.peek('expr');
    if (v.tokenType !== T.Variable) {
      if (v.tokenType === EOF) this.errorAfter('MissingEndParenthesisInFunctionParameterList', v);
      else this.error('InvalidFunctionParameter', v.startOffset, v.end, false);
      return null;
    }
    this.take();
    this.paramVarStart = v.startOffset;
    this.paramVarEnd = v.end;
    this.skipNewlines('expr');
    const defaultValue = this.assignedValue('ExpectedValueExpression', true) ?? null;
    return { kind: 'Parameter', name: (v.data as VariableData).name, attributes: fit(attributes), defaultValue, start: start, end: this.endFrom(start) };
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  private statementBlock(): A.StatementBlockAst {
    const lc = this.take();
    const statements = this.statementList('rcurly');
    const traps = this.listTraps;
    const t = this.peek('cmd');
    if (t.tokenType === T.RCurly) this.take();
    else this.error('MissingEndCurlyBrace', lc.startOffset, lc.end, t.tokenType === EOF);
    return { kind: 'StatementBlock', statements, traps, start: lc.startOffset, end: this.endFrom(lc.startOffset) };
  }

  /** Traps of the last `statementList` (returned on the side: no wrapper object per block). */
  private listTraps: A.TrapStatementAst[] = EMPTY;

  private statementList = this.rule('statementList', (closer: 'eof' | 'rcurly' | 'rparen'): A.StatementAst[] => {
    let statements: A.StatementAst[] = EMPTY;
    let traps: A.TrapStatementAst[] = EMPTY;
    const logStart = this.pool.logLen;
    for (;;) {
      this.recycle(logStart);
      this.skipTerminators();
      const t = this.peek('cmd');
      const tt = t.tokenType;
      if (tt === EOF) break;
      if ((tt === T.RCurly && closer === 'rcurly') || (tt === T.RParen && closer === 'rparen')) break;
      if (tt === T.RCurly || tt === T.RParen) {
        this.unexpected(t);
        this.take();
        continue;
      }
      const before = this.idx;
      this.lastWasBackground = false;
      const s = this.statement();
      if (s) {
        if (s.kind === 'TrapStatement') traps = add(traps, s);
        else statements = add(statements, s);
      }
      if (this.idx === before) {
        // No progress: report and skip the token so parsing always terminates.
        const bad = this.peek('cmd');
        this.unexpected(bad);
        if (bad.tokenType !== EOF) this.take();
        continue;
      }
      if (s && needsTerminator(s) && !this.lastWasBackground) {
        const n = this.peek('cmd');
        if (!this.isStatementEnd(n)) {
          this.unexpected(n);
          this.take();
        }
      }
    }
    this.listTraps = fit(traps);
    return fit(statements);
  });

  /**
   * Hands the tokens made since `logStart` back to the pool, except the lookahead (and the lexer's reuse
   * candidate). Called by statementList between statements, where this is safe: tokens held by enclosing rules
   * were all made before the list started, and the statements before this point have returned (rules never
   * keep a token past their own return, and AST nodes copy what they need out of tokens).
   */
  private recycle(logStart: number): void {
    const pool = this.pool;
    const n = pool.logLen;
    if (n === logStart || !pool.enabled) return;
    const log = pool.log;
    const v = this.toks;
    const la0 = this.idx + 1 - this.base;
    const la1 = this.ntoks - this.base;
    const reuse = this.lexer.reuse;
    let w = logStart;
    for (let j = logStart; j < n; j++) {
      const t = log[j]!;
      let live = t === reuse;
      for (let k = la0; !live && k < la1; k++) live = v[k] === t;
      if (live) log[w++] = t;
      else pool.release(t);
    }
    pool.logLen = w;
  }

  // `depth` is restored on normal exits only: TooDeep ends the whole parse, and parseText resets it.
  private statement = this.rule('statement', (): A.StatementAst | null => {
    this.enter();
    const s = this.statementInner();
    this.depth--;
    return s;
  });

  private statementInner(): A.StatementAst | null {
    const t = this.peek('cmd');
    if (this.isPlainWord(t)) {
      const word = statementKeyword(t.image);
      if (word !== null) return this.keywordStatement(word, null);
      if (t.image.length > 1 && t.image.charCodeAt(0) === 58 /* : */ && /^:\w+$/.test(t.image)) {
        const m = this.mark();
        this.take();
        const n = this.peek('cmd');
        if (this.isPlainWord(n) && LOOP_KEYWORDS.has(n.image.toLowerCase())) return this.keywordStatement(n.image.toLowerCase(), t.image.slice(1));
        // Only loops take labels: otherwise the label word starts a pipeline (`:foo if` runs a command `:foo`), as in pwsh.
        this.rewind(m);
      }
    }
    if (t.tokenType === T.Generic && t.image.charCodeAt(0) === 91 /* [ */) {
      const def = this.attributedTypeDefinition(t);
      if (def) return def;
    }
    if (t.tokenType === T.Pipe) {
      this.errorAt('EmptyPipeElement', t);
      this.take();
      return null;
    }
    return this.pipelineChain();
  }

  private keywordStatement(word: string, label: string | null): A.StatementAst | null {
    switch (word) {
      case 'if': return this.ifStatement();
      case 'switch': return this.switchStatement(label);
      case 'foreach': return this.foreachStatement(label);
      case 'for': return this.forStatement(label);
      case 'while': return this.whileStatement(label);
      case 'do': return this.doStatement(label);
      case 'function': case 'filter': case 'workflow': return this.functionDefinition();
      case 'return': case 'exit': case 'throw': return this.flowWithPipeline(word);
      case 'break': case 'continue': return this.breakContinue(word);
      case 'try': return this.tryStatement();
      case 'trap': return this.trapStatement();
      case 'data': return this.dataStatement();
      case 'class': case 'enum': return this.typeDefinition(EMPTY, null);
      case 'interface': case 'configuration': return this.unsupportedTypeDefinition(word);
      case 'using': {
        // `using namespace X` and `using module X` are recorded on the source file (type names resolve in X too;
        // the module is imported before the script runs); `using assembly` is accepted and ignored.
        this.take();
        const words: string[] = [];
        for (let t = this.peek('cmd'); !this.isStatementEnd(t); t = this.peek('cmd')) words.push(this.take().image);
        if (words.length === 2 && equalsWord(words[0]!, 'namespace')) (this.src.usingNamespaces ??= []).push(words[1]!);
        if (words.length === 2 && equalsWord(words[0]!, 'module')) (this.src.usingModules ??= []).push(words[1]!.replace(/^(['"])(.*)\1$/, '$2'));
        return null;
      }
      default: {
        const t = this.take();
        this.unexpected(t);
        return null;
      }
    }
  }

  private unsupportedTypeDefinition(word: string): null {
    const kw = this.take();
    this.error('ReservedKeywordNotAllowed', kw.startOffset, kw.end, false, word);
    for (let t = this.peek('cmd'); ; t = this.peek('cmd')) {
      if (t.tokenType === EOF) return null;
      if (t.tokenType === T.LCurly) break;
      this.take();
    }
    const lc = this.take();
    const close = skipBraces(this.text, lc.end, this.lexer.end);
    this.ntoks = this.idx + 1;
    if (close < 0) {
      this.error('MissingEndCurlyBrace', lc.startOffset, lc.end, true);
      this.lexer.pos = this.lexer.end;
    } else {
      this.lexer.pos = close + 1;
      this.lastEnd = close + 1;
    }
    return null;
  }

  /**
   * `= expression`, when an `=` comes next: the expression, or null (reported as `missing`) when the value is
   * missing; undefined when no `=` comes next. `comma`: whether the value may be an array literal (`= 1, 2`).
   */
  private assignedValue(missing: ErrorId, comma: boolean): A.ExpressionAst | null | undefined {
    const eq = this.peek('expr');
    if (eq.tokenType !== T.Assign || eq.data !== '=') return undefined;
    this.take();
    this.skipNewlines('expr');
    const value = this.expression(comma);
    if (!value) this.errorAfter(missing, this.peek('expr'), '=');
    return value;
  }

  /** Takes the next token if it is a `type`; otherwise reports `id` right after the last token and returns null. */
  private expect(type: TokenType, mode: LexMode, id: ErrorId, ...args: string[]): PsToken | null {
    const t = this.peek(mode);
    if (t.tokenType !== type) {
      this.errorAfter(id, t, ...args);
      return null;
    }
    return this.take();
  }

  /** `pipeline )` inside a statement's parentheses; returns null after reporting what is missing. */
  private closedPipeline(missingValue: ErrorId, missingClose: ErrorId, ...args: string[]): A.PipelineBaseAst | null {
    this.skipNewlines('cmd');
    const value = this.pipelineBase();
    if (!value) {
      this.errorAfter(missingValue, this.peek('cmd'), ...args);
      return null;
    }
    this.skipNewlines('cmd');
    return this.expect(T.RParen, 'cmd', missingClose, ...args) ? value : null;
  }

  /** `( pipeline )` after a keyword; returns null after reporting when missing. */
  private parenCondition(keyword: string, missingOpen: ErrorId, missingCond: ErrorId, missingClose: ErrorId): A.PipelineBaseAst | null {
    this.skipNewlines('cmd');
    if (!this.expect(T.LParen, 'cmd', missingOpen, keyword)) return null;
    return this.closedPipeline(missingCond, missingClose, keyword);
  }

  private bodyBlock(id: ErrorId, ...args: string[]): A.StatementBlockAst | null {
    this.skipNewlines('cmd');
    if (this.peek('cmd').tokenType !== T.LCurly) {
      this.errorAfter(id, this.peek('cmd'), ...args);
      return null;
    }
    return this.statementBlock();
  }

  private ifStatement(): A.IfStatementAst | null {
    const start = this.take().startOffset;
    let clauses: A.IfStatementAst['clauses'] = EMPTY;
    let elseClause: A.StatementBlockAst | null = null;
    let kw = 'if';
    for (;;) {
      const cond = this.parenCondition(kw, 'MissingOpenParenthesisInIfStatement', 'IfStatementMissingCondition', 'MissingEndParenthesisAfterStatement');
      if (!cond) return null;
      const body = this.bodyBlock('MissingStatementBlock', kw);
      if (!body) return null;
      clauses = add(clauses, { condition: cond, body });
      const m = this.mark();
      this.skipNewlines('cmd');
      const t = this.peek('cmd');
      if (this.isWord(t, 'elseif')) { this.take(); kw = 'elseif'; continue; }
      if (this.isWord(t, 'else')) {
        this.take();
        elseClause = this.bodyBlock('MissingStatementBlockAfterElse');
        if (!elseClause) return null;
      } else this.rewind(m);
      break;
    }
    return { kind: 'IfStatement', clauses: fit(clauses), elseClause, start: start, end: this.endFrom(start) };
  }

  private whileStatement(label: string | null): A.WhileStatementAst | null {
    const start = this.take().startOffset;
    const condition = this.parenCondition('while', 'MissingOpenParenthesisAfterKeyword', 'MissingExpressionAfterKeyword', 'MissingEndParenthesisAfterStatement');
    if (!condition) return null;
    const body = this.loopBody(label, 'MissingLoopStatement', 'while');
    if (!body) return null;
    return { kind: 'WhileStatement', label, condition, body, start: start, end: this.endFrom(start) };
  }

  private doStatement(label: string | null): A.DoWhileStatementAst | A.DoUntilStatementAst | null {
    const start = this.take().startOffset;
    const body = this.loopBody(label, 'MissingLoopStatement', 'do');
    if (!body) return null;
    this.skipNewlines('cmd');
    const t = this.peek('cmd');
    const isWhile = this.isWord(t, 'while');
    if (!isWhile && !this.isWord(t, 'until')) {
      this.errorAfter('MissingWhileOrUntilInDoWhile', t);
      return null;
    }
    this.take();
    const kw = isWhile ? 'while' : 'until';
    const condition = this.parenCondition(kw, 'MissingOpenParenthesisAfterKeyword', 'MissingExpressionAfterKeyword', 'MissingEndParenthesisAfterStatement');
    if (!condition) return null;
    return { kind: isWhile ? 'DoWhileStatement' : 'DoUntilStatement', label, condition, body, start: start, end: this.endFrom(start) } as A.DoWhileStatementAst | A.DoUntilStatementAst;
  }

  private forStatement(label: string | null): A.ForStatementAst | null {
    const start = this.take().startOffset;
    this.skipNewlines('cmd');
    if (!this.expect(T.LParen, 'cmd', 'MissingOpenParenthesisAfterKeyword', 'for')) return null;
    const part = (): A.PipelineBaseAst | null => {
      this.skipNewlines('cmd');
      const t = this.peek('cmd');
      if (t.tokenType === T.Semi || t.tokenType === T.RParen) return null;
      return this.pipelineBase();
    };
    // One separator between parts: newlines and at most one `;` (so `for (; ; $i++)` keeps its empty condition).
    const seps = () => {
      this.skipNewlines('cmd');
      if (this.peek('cmd').tokenType === T.Semi) this.take();
    };
    const initializer = part();
    seps();
    const condition = part();
    seps();
    const iterator = part();
    this.skipNewlines('cmd');
    if (!this.expect(T.RParen, 'cmd', 'MissingEndParenthesisAfterStatement', 'for')) return null;
    const body = this.loopBody(label, 'MissingLoopStatement', 'for');
    if (!body) return null;
    return { kind: 'ForStatement', label, initializer, condition, iterator, body, start: start, end: this.endFrom(start) };
  }

  private foreachStatement(label: string | null): A.ForEachStatementAst | null {
    const start = this.take().startOffset;
    this.skipNewlines('cmd');
    // -Parallel / -ThrottleLimit n are accepted and ignored.
    for (let t = this.peek('cmd'); t.tokenType === T.Parameter; t = this.peek('cmd')) {
      this.take();
      if ((t.data as ParameterData).name.toLowerCase().startsWith('t')) this.commandArgument();
      this.skipNewlines('cmd');
    }
    if (!this.expect(T.LParen, 'cmd', 'MissingOpenParenthesisAfterKeyword', 'foreach')) return null;
    this.skipNewlines('expr');
    const v = this.peek('expr');
    if (v.tokenType !== T.Variable) {
      this.errorAfter('MissingVariableNameAfterForeach', v);
      return null;
    }
    this.take();
    const variable = this.variableNode(v) as A.VariableExpressionAst;
    this.skipNewlines('cmd');
    const inTok = this.peek('cmd');
    if (!this.isWord(inTok, 'in')) {
      this.errorAfter('MissingInInForeach', inTok);
      return null;
    }
    this.take();
    const iterable = this.closedPipeline('MissingForeachExpression', 'MissingEndParenthesisAfterForeach');
    if (!iterable) return null;
    const body = this.loopBody(label, 'MissingForeachStatement');
    if (!body) return null;
    return { kind: 'ForEachStatement', label, variable, iterable, body, start: start, end: this.endFrom(start) };
  }

  private switchStatement(label: string | null): A.SwitchStatementAst | null {
    const start = this.take().startOffset;
    const flags = { regex: false, wildcard: false, exact: false, caseSensitive: false, file: false, parallel: false };
    let condition: A.PipelineBaseAst | null = null;
    for (;;) {
      this.skipNewlines('cmd');
      const t = this.peek('cmd');
      if (t.tokenType !== T.Parameter) break;
      this.take();
      const name = (t.data as ParameterData).name.toLowerCase();
      const matches = SWITCH_FLAGS.filter((f) => f.startsWith(name));
      if (matches.length !== 1) {
        this.error('InvalidSwitchFlag', t.startOffset, t.end, false, t.image);
        continue;
      }
      const f = matches[0]!;
      if (f === 'casesensitive') flags.caseSensitive = true;
      else flags[f] = true;
      if (f === 'file') {
        this.skipNewlines('cmd');
        const pathTok = this.peek('cmd');
        const path = this.commandArgument();
        if (!path) {
          this.errorAfter('MissingFilenameOption', pathTok);
          return null;
        }
        condition = this.wrapExpression(path);
      }
    }
    if (!condition) {
      if (!this.expect(T.LParen, 'cmd', 'PipelineValueRequired')) return null;
      condition = this.closedPipeline('MissingSwitchValueExpression', 'MissingEndParenthesisInSwitchStatement');
      if (!condition) return null;
    }
    this.skipNewlines('cmd');
    const lc = this.peek('cmd');
    if (lc.tokenType !== T.LCurly) {
      this.errorAfter('MissingCurlyBraceInSwitchStatement', lc);
      return null;
    }
    this.take();
    let clauses: A.SwitchStatementAst['clauses'] = EMPTY;
    let defaultClause: A.StatementBlockAst | null = null;
    for (;;) {
      this.skipTerminators();
      const t = this.peek('cmd');
      if (t.tokenType === T.RCurly) { this.take(); break; }
      if (t.tokenType === EOF) {
        this.error('MissingEndCurlyBrace', lc.startOffset, lc.end, true);
        return null;
      }
      if (this.isWord(t, 'default')) {
        this.take();
        const body = this.loopBody(label, 'MissingSwitchStatementClause');
        if (!body) return null;
        if (defaultClause) this.error('MultipleSwitchDefaultClauses', t.startOffset, t.end, false);
        defaultClause = body;
        continue;
      }
      const cond = this.commandArgument();
      if (!cond) {
        this.error('MissingSwitchConditionExpression', t.startOffset, t.end, false);
        this.take();
        continue;
      }
      const body = this.loopBody(label, 'MissingSwitchStatementClause');
      if (!body) return null;
      clauses = add(clauses, { condition: cond, body });
    }
    return { kind: 'SwitchStatement', label, flags, condition, clauses: fit(clauses), defaultClause, start: start, end: this.endFrom(start) };
  }

  private functionDefinition(): A.FunctionDefinitionAst | null {
    const kw = this.take();
    const kwText = kw.image.toLowerCase();
    const isFilter = kwText === 'filter';
    const nameTok = this.peek('cmd');
    if (nameTok.tokenType !== T.Generic && nameTok.tokenType !== T.Number && nameTok.tokenType !== T.StringLiteral) {
      this.errorAfter('MissingNameAfterKeyword', nameTok, kwText);
      return null;
    }
    this.take();
    // A bareword's escapes are resolved in the name (`function a`u{2195}` is named a↕), as pwsh uses the token's value.
    const nameData = nameTok.data as StringData | null;
    const name = nameData !== null && nameTok.tokenType !== T.Number && !nameData.parts ? nameData.value : nameTok.image;
    this.skipNewlines('expr');
    let parameters: A.ParameterAst[] | null = null;
    if (this.peek('expr').tokenType === T.LParen) {
      this.take();
      parameters = this.parameterList();
      this.skipNewlines('cmd');
    }
    const lc = this.expect(T.LCurly, 'cmd', 'MissingFunctionBody');
    if (!lc) return null;
    const body = this.scriptBlockBody(lc);
    body.isFilter = isFilter;
    if (parameters && body.paramBlock) this.error('OnlyOneParameterListAllowed', body.paramBlock.start, body.paramBlock.end, false);
    return { kind: 'FunctionDefinition', name, isFilter, parameters, body, start: kw.startOffset, end: this.endFrom(kw.startOffset) };
  }

  private flowWithPipeline(word: string): A.ReturnStatementAst | A.ExitStatementAst | A.ThrowStatementAst {
    const kw = this.take();
    const t = this.peek('cmd');
    let pipeline: A.PipelineBaseAst | null = null;
    if (!this.isStatementEnd(t) && t.tokenType !== T.Pipe) pipeline = this.pipelineBase();
    const kind = word === 'return' ? 'ReturnStatement' : word === 'exit' ? 'ExitStatement' : 'ThrowStatement';
    if (kind === 'ReturnStatement' && this.flow.length) this.checkFlowOutOfFinally(undefined, kw.startOffset);
    return { kind, pipeline, start: kw.startOffset, end: this.endFrom(kw.startOffset) } as A.ReturnStatementAst;
  }

  private breakContinue(word: string): A.BreakStatementAst | A.ContinueStatementAst {
    const kw = this.take();
    const t = this.peek('cmd');
    let label: A.ExpressionAst | null = null;
    if (!this.isStatementEnd(t) && t.tokenType !== T.Pipe) label = this.commandArgument();
    if (this.flow.length) this.checkFlowOutOfFinally(label === null ? '' : label.kind === 'StringConstant' ? label.value.toLowerCase() : null, kw.startOffset);
    return { kind: word === 'break' ? 'BreakStatement' : 'ContinueStatement', label, start: kw.startOffset, end: this.endFrom(kw.startOffset) };
  }

  private tryStatement(): A.TryStatementAst | null {
    const kw = this.take();
    const body = this.bodyBlock('MissingTryStatementBlock');
    if (!body) return null;
    let catchClauses: A.TryStatementAst['catchClauses'] = EMPTY;
    let finallyClause: A.StatementBlockAst | null = null;
    for (;;) {
      const m = this.mark();
      this.skipNewlines('cmd');
      const t = this.peek('cmd');
      if (this.isWord(t, 'catch')) {
        this.take();
        let catchTypes: A.TypeName[] = EMPTY;
        for (;;) {
          this.skipNewlines('expr');
          if (this.peek('expr').tokenType !== T.LBracket) break;
          const item = this.bracketItem();
          if (item && item.kind === 'type') catchTypes = add(catchTypes, item.type);
          this.skipNewlines('expr');
          if (this.peek('expr').tokenType === T.Comma) { this.take(); continue; }
          break;
        }
        const cb = this.bodyBlock('MissingCatchHandlerBlock');
        if (!cb) return null;
        catchClauses = add(catchClauses, { catchTypes: fit(catchTypes), body: cb, start: t.startOffset, end: this.endFrom(t.startOffset) });
        continue;
      }
      if (this.isWord(t, 'finally')) {
        this.take();
        this.flow.push(null);
        finallyClause = this.bodyBlock('MissingFinallyStatementBlock');
        this.flow.pop();
        if (!finallyClause) return null;
        break;
      }
      this.rewind(m);
      break;
    }
    catchClauses = fit(catchClauses);
    if (!catchClauses.length && !finallyClause) {
      this.errorAfter('MissingCatchOrFinally', this.peekAfterNewlines());
      return null;
    }
    return { kind: 'TryStatement', body, catchClauses, finallyClause, start: kw.startOffset, end: this.endFrom(kw.startOffset) };
  }

  /** The next non-newline token, without consuming anything. */
  private peekAfterNewlines(): PsToken {
    const m = this.mark();
    this.skipNewlines('cmd');
    const t = this.peek('cmd');
    this.rewind(m);
    return t;
  }

  private trapStatement(): A.TrapStatementAst | null {
    const kw = this.take();
    this.skipNewlines('expr');
    let trapType: A.TypeName | null = null;
    if (this.peek('expr').tokenType === T.LBracket) {
      const item = this.bracketItem();
      if (item && item.kind === 'type') trapType = item.type;
    }
    const outerFlow = this.flow;
    this.flow = [];
    const body = this.bodyBlock('MissingTrapStatement');
    this.flow = outerFlow;
    if (!body) return null;
    return { kind: 'TrapStatement', trapType, body, start: kw.startOffset, end: this.endFrom(kw.startOffset) };
  }

  private dataStatement(): A.DataStatementAst | null {
    const kw = this.take();
    let variableName: string | null = null;
    const n = this.peek('cmd');
    if (n.tokenType === T.Generic && !n.image.startsWith('-')) {
      this.take();
      variableName = n.image;
    }
    for (let t = this.peek('cmd'); t.tokenType === T.Parameter; t = this.peek('cmd')) {
      this.take();
      this.commandArgumentList();
    }
    const body = this.bodyBlock('MissingStatementBlockForDataSection');
    if (!body) return null;
    return { kind: 'DataStatement', variableName, body, start: kw.startOffset, end: this.endFrom(kw.startOffset) };
  }

  // ---------------------------------------------------------------------------------------------
  // Pipelines

  /** A pipeline, chain or assignment; keyword statements in this position are reported. */
  private pipelineBase(): A.PipelineBaseAst | null {
    const t = this.peek('cmd');
    if (this.isPlainWord(t) && statementKeyword(t.image) !== null) {
      const s = this.statement();
      if (!s) return null;
      if (s.kind === 'Pipeline' || s.kind === 'PipelineChain' || s.kind === 'AssignmentStatement') return s;
      this.error('UnexpectedToken', t.startOffset, t.end, false, t.image);
      return this.wrapExpression(this.placeholder(t.startOffset));
    }
    return this.pipelineChain();
  }

  private wrapExpression(e: A.ExpressionAst): A.PipelineAst {
    const start = e.start;
    const end = e.end;
    return { kind: 'Pipeline', elements: [{ kind: 'CommandExpression', expression: e, redirections: EMPTY, start, end }], background: false, start, end };
  }

  private pipelineChain = this.rule('pipelineChain', (): A.PipelineBaseAst | null => {
    const first = this.pipeline();
    if (!first || first.kind === 'AssignmentStatement') return first;
    let left: A.PipelineAst | A.PipelineChainAst = first;
    for (;;) {
      let t = this.peek('cmd');
      if (t.tokenType === T.Amp) {
        // `a & && b`: only the whole chain may run in the background.
        this.take();
        const after = this.peek('cmd');
        if (after.tokenType !== T.AndAnd && after.tokenType !== T.OrOr) {
          left.background = true;
          left.end = this.endFrom(left.start);
          this.lastWasBackground = true;
          break;
        }
        this.error('BackgroundOperatorInPipelineChain', after.startOffset, after.end, false);
        t = after;
      }
      if (t.tokenType !== T.AndAnd && t.tokenType !== T.OrOr) break;
      this.take();
      this.skipNewlines('cmd');
      const n = this.peek('cmd');
      if (this.isStatementEnd(n) || n.tokenType === T.Pipe) {
        this.errorAfter('EmptyPipelineChainElement', n);
        break;
      }
      const right = this.pipeline();
      if (!right) break;
      const rightPipe = right.kind === 'Pipeline' ? right : this.wrapExpression(this.placeholder(right.start));
      left = { kind: 'PipelineChain', left, operator: t.tokenType === T.AndAnd ? '&&' : '||', right: rightPipe, background: false, start: left.start, end: this.endFrom(left.start) };
    }
    return left;
  });

  private pipeline = this.rule('pipeline', (): A.PipelineAst | A.AssignmentStatementAst | null => {
    const start = this.peek('cmd').startOffset;
    const first = this.pipelineElement(true);
    if (!first) return null;
    if (first.kind === 'AssignmentStatement') return first;
    let elements: (A.CommandAst | A.CommandExpressionAst)[] = [first];
    for (;;) {
      let t = this.peek('cmd');
      if (t.tokenType === T.NewLine && this.leadingPipeFollows(t)) {
        this.skipNewlines('cmd');
        t = this.peek('cmd');
      }
      if (t.tokenType !== T.Pipe) break;
      this.take();
      this.skipNewlines('cmd');
      const n = this.peek('cmd');
      if (this.isStatementEnd(n) || n.tokenType === T.Pipe || n.tokenType === T.AndAnd || n.tokenType === T.OrOr) {
        if (n.tokenType === EOF) this.errorAfter('EmptyPipeElement', n);
        else this.error('EmptyPipeElement', t.startOffset, t.end, false);
        break;
      }
      const el = this.pipelineElement(false);
      if (!el || el.kind === 'AssignmentStatement') break;
      elements = add(elements, el);
    }
    return { kind: 'Pipeline', elements: fit(elements), background: false, start: start, end: this.endFrom(start) };
  });

  /**
   * pwsh 7.4: a line that starts with `|` continues the pipeline of the previous line. Only comment lines may come
   * between; a blank (or whitespace-only) line ends the pipeline, so a `|` after it is an empty pipe element.
   */
  private leadingPipeFollows(nl: PsToken): boolean {
    const text = this.text;
    const end = this.lexer.end;
    // No closure for "skip a newline" here: this runs after every line of a script, and a closure over `p`
    // would allocate on each call.
    let p = nl.startOffset;
    p += text.charCodeAt(p) === 13 && text.charCodeAt(p + 1) === 10 ? 2 : 1;
    while (p < end) {
      while (p < end && isWs(text.charCodeAt(p))) p++;
      const c = text.charCodeAt(p);
      if (c !== 35 /* # */) return c === 124 && text.charCodeAt(p + 1) !== 124;
      // A comment line between the pipeline and the `|` line is skipped; a blank line ends the pipeline.
      while (p < end && !isNewline(text.charCodeAt(p))) p++;
      if (p < end) p += text.charCodeAt(p) === 13 && text.charCodeAt(p + 1) === 10 ? 2 : 1;
    }
    return false;
  }

  private startsCommand(t: PsToken): boolean {
    const tt = t.tokenType;
    if (tt === T.Amp) return true;
    if (tt !== T.Generic) return false;
    const c = t.image.charCodeAt(0);
    if (c >= 48 && c <= 57) return !startsWithNumberExpression(t.image);
    switch (c) {
      // A statement that starts with a quoted string is an expression (`"a".Length`, `'a'..'e'`), even though
      // command mode lexed the adjacent characters into one bareword; `.5` is a number expression too.
      case 34: case 39: return false;
      case 46: return !(t.image.length > 1 && isDigitChar(t.image[1]!));
      // - + ! [ $ en-dash em-dash
      case 45: case 43: case 33: case 91: case 36: case 0x2013: case 0x2014: return false;
      default: return true;
    }
  }

  private pipelineElement(first: boolean): A.CommandAst | A.CommandExpressionAst | A.AssignmentStatementAst | null {
    const t = this.peek('cmd');
    if (this.startsCommand(t)) return this.command();
    if (!first) this.error('ExpressionsMustBeFirstInPipeline', t.startOffset, t.end, false);
    const start = t.startOffset;
    const expr = this.expression(false);
    if (!expr) return null;
    const a = this.peek('expr');
    if (first && a.tokenType === T.Assign) return this.assignment(expr, a);
    let redirections: A.RedirectionAst[] = EMPTY;
    for (let r = this.peek('expr'); r.tokenType === T.Redirection; r = this.peek('expr')) {
      const red = this.redirection();
      if (red) redirections = add(redirections, red);
    }
    return { kind: 'CommandExpression', expression: expr, redirections: fit(redirections), start: start, end: this.endFrom(start) };
  }

  private assignment(left: A.ExpressionAst, op: PsToken): A.AssignmentStatementAst {
    this.take();
    // `$a, $b += 1`: only `=` spreads over an array of targets.
    if (!isAssignable(left) || (left.kind === 'ArrayLiteral' && op.image !== '=')) this.error('InvalidLeftHandSide', left.start, left.end, false);
    this.skipNewlines('cmd');
    const n = this.peek('cmd');
    let right: A.StatementAst | null = null;
    if (!this.isStatementEnd(n) && n.tokenType !== T.Pipe) right = this.statement();
    if (!right) {
      this.errorAfter('ExpectedValueExpression', n, op.image);
      right = this.wrapExpression(this.placeholder(this.lastEnd));
    }
    return { kind: 'AssignmentStatement', left, operator: op.data as A.AssignmentOperator, right, start: left.start, end: this.endFrom(left.start) };
  }

  private command = this.rule('command', (): A.CommandAst => {
    const t = this.peek('cmd');
    const start = t.startOffset;
    let invocationOperator: A.CommandAst['invocationOperator'] = null;
    let commandElements: A.CommandElementAst[] = EMPTY;
    let redirections: A.RedirectionAst[] = EMPTY;
    let endOfParameters = false;
    if (t.tokenType === T.Amp || (t.tokenType === T.Generic && t.image === '.')) {
      this.take();
      invocationOperator = t.tokenType === T.Amp ? '&' : '.';
      const name = this.commandArgument();
      if (!name) {
        // Reported at the operator, and not as incomplete input (pwsh).
        this.error('MissingExpression', t.startOffset, t.end, false, t.image);
        return { kind: 'Command', invocationOperator, commandElements: [this.placeholder(this.lastEnd)], redirections, start: start, end: this.endFrom(start) };
      }
      commandElements = [name];
    } else {
      this.take();
      commandElements = [this.bareString(t)];
    }
    for (;;) {
      const a = this.peek('cmd');
      const tt = a.tokenType;
      if (tt === T.NewLine || tt === T.Semi || tt === T.Pipe || tt === T.RParen || tt === T.RCurly || tt === T.AndAnd || tt === T.OrOr || tt === EOF || tt === T.Amp) break;
      if (tt === T.Parameter && endOfParameters) {
        this.take();
        commandElements = add<A.CommandElementAst>(commandElements, { kind: 'StringConstant', value: a.image, quote: 'bare', start: a.startOffset, end: a.end });
        continue;
      }
      if (tt === T.Parameter) {
        this.take();
        const pd = a.data as ParameterData;
        let argument: A.ExpressionAst | null = null;
        if (pd.colon) {
          const n = this.peek('cmd');
          if (!this.isStatementEnd(n) && n.tokenType !== T.Pipe) argument = this.commandArgumentList();
          if (!argument && n.tokenType !== T.Comma) this.error('ParameterRequiresArgument', a.end, a.end, false, a.image);
        }
        commandElements = add<A.CommandElementAst>(commandElements, { kind: 'CommandParameter', parameterName: pd.name, argument, text: a.image, start: a.startOffset, end: this.endFrom(a.startOffset) });
        continue;
      }
      if (tt === T.Redirection) {
        const r = this.redirection();
        if (r) redirections = add(redirections, r);
        continue;
      }
      if (tt === T.StopParsing) {
        this.take();
        commandElements = add<A.CommandElementAst>(commandElements, { kind: 'StringConstant', value: a.data as string, quote: 'bare', start: a.startOffset, end: a.end });
        continue;
      }
      if (tt === T.Generic && a.image === '--') endOfParameters = true;
      const arg = this.commandArgumentList();
      if (!arg) {
        if (tt === T.Comma) this.error('MissingArgument', a.startOffset, a.end, false);
        else this.unexpected(a);
        this.take();
        continue;
      }
      commandElements = add<A.CommandElementAst>(commandElements, arg);
    }
    return { kind: 'Command', invocationOperator, commandElements: fit(commandElements), redirections: fit(redirections), start: start, end: this.endFrom(start) };
  });

  private redirection(): A.RedirectionAst | null {
    const t = this.take();
    const d = t.data as RedirectionData;
    if (d.input) {
      this.error('RedirectionNotSupported', t.startOffset, t.end, false, '<');
      return null;
    }
    if (d.mergeTo) return { kind: 'MergingRedirection', fromStream: d.from, toStream: d.mergeTo, start: t.startOffset, end: t.end };
    const n = this.peek('cmd');
    const location = this.isStatementEnd(n) || n.tokenType === T.Pipe ? null : this.commandArgument();
    if (!location) {
      this.errorAfter('MissingFileSpecification', n);
      return null;
    }
    return { kind: 'FileRedirection', fromStream: d.from, append: d.append, location, start: t.startOffset, end: this.endFrom(t.startOffset) };
  }

  /** A command argument, or several separated by commas (an array of arguments). */
  private commandArgumentList(): A.ExpressionAst | null {
    return this.commaList('cmd', this.commandArgument);
  }

  /** `element`, or several separated by commas: an ArrayLiteral (`1, 2, 3` in either mode). */
  private commaList(mode: LexMode, element: () => A.ExpressionAst | null): A.ExpressionAst | null {
    const first = element();
    if (!first) return null;
    if (this.peek(mode).tokenType !== T.Comma) return first;
    let elements = [first];
    while (this.peek(mode).tokenType === T.Comma) {
      const c = this.take();
      this.skipNewlines(mode);
      const e = element();
      if (!e) {
        this.errorAfter(mode === 'cmd' ? 'MissingExpression' : 'MissingExpressionAfterToken', this.peek(mode), c.image);
        break;
      }
      elements = add(elements, e);
    }
    return { kind: 'ArrayLiteral', elements: fit(elements), start: first.start, end: this.endFrom(first.start) };
  }

  private commandArgument = this.rule('commandArgument', (): A.ExpressionAst | null => {
    const t = this.peek('cmd');
    switch (t.tokenType) {
      case T.Generic: this.take(); return this.bareString(t);
      case T.Number: this.take(); return this.constant(t);
      // pwsh parses a quoted argument as a primary expression, so `"abc".Length` and `"a"[0]` apply member access and indexing.
      case T.StringLiteral: case T.StringExpandable: this.take(); return this.postfix(this.stringNode(t), true);
      case T.Variable: this.take(); return this.postfix(this.variableNode(t), true);
      case T.Splat: this.take(); return { kind: 'Variable', name: (t.data as VariableData).name, scope: null, splatted: true, start: t.startOffset, end: t.end };
      case T.LParen: case T.DollarParen: case T.AtParen: case T.AtCurly: case T.LCurly: {
        const p = this.primary();
        return p ? this.postfix(p, true) : null;
      }
      // No unary comma in command mode: `Write-Output ,1` is MissingArgument (the caller reports it), as in pwsh.
      default: return null;
    }
  });

  // ---------------------------------------------------------------------------------------------
  // Expressions

  private expression = this.rule('expression', (noComma: boolean): A.ExpressionAst | null => {
    const cond = this.binary(1, noComma);
    if (!cond) return null;
    const q = this.peek('expr');
    if (q.tokenType !== T.Question) return cond;
    this.take();
    this.skipNewlines('expr');
    const ifTrue = this.expression(noComma);
    if (!ifTrue) {
      this.errorAfter('ExpectedValueExpression', this.peek('expr'), '?');
      return cond;
    }
    this.skipNewlines('expr');
    const colon = this.peek('expr');
    if (colon.tokenType !== T.Colon) {
      this.errorAfter('MissingColonInTernaryExpression', colon);
      return cond;
    }
    this.take();
    this.skipNewlines('expr');
    const ifFalse = this.expression(noComma);
    if (!ifFalse) {
      this.errorAfter('ExpectedValueExpression', this.peek('expr'), ':');
      return cond;
    }
    return { kind: 'TernaryExpression', condition: cond, ifTrue, ifFalse, start: cond.start, end: this.endFrom(cond.start) };
  });

  private binary = this.rule('binary', (minPrec: number, noComma: boolean): A.ExpressionAst | null => {
    let left = noComma ? this.unary() : this.arrayLiteral();
    if (!left) return null;
    for (;;) {
      const t = this.peek('expr');
      if (t.tokenType !== T.Operator) break;
      const od = t.data as OperatorData;
      const prec = BINARY_PREC[od.op];
      if (prec === undefined || prec < minPrec) break;
      this.take();
      this.skipNewlines('expr');
      const right = this.binary(prec + 1, noComma);
      if (!right) {
        this.errorAfter('ExpectedValueExpression', this.peek('expr'), t.image);
        return left;
      }
      left = {
        kind: 'BinaryExpression', operator: od.op as A.BinaryOperator, caseSensitive: od.cs, left, right,
        operatorStart: t.startOffset, operatorEnd: t.end, start: left.start, end: this.endFrom(left.start),
      };
    }
    return left;
  });

  private arrayLiteral(): A.ExpressionAst | null {
    return this.commaList('expr', this.unary);
  }

  private unary = this.rule('unary', (): A.ExpressionAst | null => {
    this.enter();
    const e = this.unaryInner();
    this.depth--;
    return e;
  });

  private unaryInner(): A.ExpressionAst | null {
    const t = this.peek('expr');
    if (t.tokenType === T.Operator) {
      const od = t.data as OperatorData;
      if (!UNARY_OPS.has(od.op)) return null;
      this.take();
      this.skipNewlines('expr');
      const operand = this.unary();
      if (!operand) {
        this.errorAfter('MissingExpressionAfterOperator', this.peek('expr'), t.image);
        return this.placeholder(this.lastEnd);
      }
      if (od.op === '-' && operand.kind === 'Constant' && operand.start === t.end && !operand.text.startsWith('-')) {
        const neg = parseNumber('-' + operand.text);
        if (neg) return { kind: 'Constant', value: neg.value, numberType: neg.numberType, text: '-' + operand.text, start: t.startOffset, end: operand.end };
      }
      return { kind: 'UnaryExpression', operator: od.op as A.UnaryOperator, caseSensitive: od.cs, operand, start: t.startOffset, end: this.endFrom(t.startOffset) };
    }
    if (t.tokenType === T.Comma) {
      this.take();
      this.skipNewlines('expr');
      const operand = this.unary();
      if (!operand) {
        this.errorAfter('MissingExpressionAfterOperator', this.peek('expr'), ',');
        return this.placeholder(this.lastEnd);
      }
      return { kind: 'UnaryExpression', operator: ',', caseSensitive: false, operand, start: t.startOffset, end: this.endFrom(t.startOffset) };
    }
    if (t.tokenType === T.LBracket) return this.bracketExpression();
    const p = this.primary();
    return p ? this.postfix(p, false) : null;
  }

  private canStartCastOperand(t: PsToken): boolean {
    switch (t.tokenType) {
      case T.Number: case T.StringLiteral: case T.StringExpandable: case T.Variable: case T.Splat: case T.LParen:
      case T.DollarParen: case T.AtParen: case T.AtCurly: case T.LCurly: case T.LBracket:
        return true;
      case T.Operator: {
        const op = (t.data as OperatorData).op;
        if (op === '-' || op === '+') return !t.ws;
        return op === '!' || op === '-not' || op === '-bnot' || op === '++' || op === '--';
      }
      default:
        return false;
    }
  }

  private bracketExpression(): A.ExpressionAst | null {
    const start = this.peek('expr').startOffset;
    const item = this.bracketItem();
    if (!item) return this.placeholder(this.lastEnd);
    if (item.kind === 'Attribute') {
      const child = this.unary();
      if (!child) {
        this.error('UnexpectedAttribute', item.start, item.end, false, item.typeName.text);
        return this.placeholder(this.lastEnd);
      }
      return { kind: 'AttributedExpression', attribute: item, child, start: start, end: this.endFrom(start) };
    }
    const n = this.peek('expr');
    if (this.canStartCastOperand(n)) {
      const operand = this.unary();
      if (operand) {
        const end = this.endFrom(start);
        // `[ordered]` makes an ordered dictionary from a hash literal only (`[ordered]$h` is an error).
        if (operand.kind !== 'Hashtable' && equalsWord(item.type.name, 'ordered')) this.error('OrderedAttributeOnlyOnHashLiteralNode', start, end, false, item.type.name);
        return { kind: 'ConvertExpression', type: item.type, operand, start: start, end };
      }
    }
    return this.postfix({ kind: 'TypeExpression', type: item.type, start: item.start, end: item.end }, false);
  }

  /** `[Type]` or `[Attribute(args)]`, starting at `[`. */
  private bracketItem = this.rule('bracketItem', (): A.AttributeAst | { kind: 'type'; type: A.TypeName; start: number; end: number } | null => {
    const lb = this.take();
    const w = this.peek('type');
    if (w.tokenType !== T.TypeWord) {
      this.error('MissingTypename', lb.startOffset, lb.end, w.tokenType === EOF);
      return null;
    }
    const type = this.typeName();
    const lp = this.peek('expr');
    if (lp.tokenType === T.LParen && !lp.ws) {
      this.take();
      const { positionalArguments, namedArguments } = this.attributeArguments();
      const rb = this.peek('expr');
      if (rb.tokenType !== T.RBracket) {
        this.errorAfter('EndSquareBracketExpectedAtEndOfAttribute', rb);
        return null;
      }
      this.take();
      return { kind: 'Attribute', typeName: type, positionalArguments, namedArguments, start: lb.startOffset, end: this.endFrom(lb.startOffset) };
    }
    const rb = this.peek('type');
    if (rb.tokenType !== T.RBracket) {
      this.errorAfter('EndSquareBracketExpectedAtEndOfAttribute', rb);
      return null;
    }
    this.take();
    return { kind: 'type', type, start: lb.startOffset, end: this.endFrom(lb.startOffset) };
  });

  private attributeArguments(): Pick<A.AttributeAst, 'positionalArguments' | 'namedArguments'> {
    let positionalArguments: A.ExpressionAst[] = EMPTY;
    let namedArguments: A.AttributeAst['namedArguments'] = EMPTY;
    this.skipNewlines('expr');
    if (this.peek('expr').tokenType === T.RParen) { this.take(); return { positionalArguments, namedArguments }; }
    for (;;) {
      const t = this.peek('expr');
      if (t.tokenType === T.Identifier) {
        this.take();
        this.skipNewlines('expr');
        const expression = this.assignedValue('MissingExpressionAfterToken', true) ?? null;
        namedArguments = add(namedArguments, { name: t.image, expression, start: t.startOffset, end: this.endFrom(t.startOffset) });
      } else {
        const e = this.expression(true);
        if (!e) {
          this.errorAfter('MissingEndParenthesisInExpression', this.peek('expr'));
          return { positionalArguments: fit(positionalArguments), namedArguments: fit(namedArguments) };
        }
        positionalArguments = add(positionalArguments, e);
      }
      this.skipNewlines('expr');
      const n = this.peek('expr');
      if (n.tokenType === T.Comma) { this.take(); this.skipNewlines('expr'); continue; }
      if (n.tokenType === T.RParen) { this.take(); break; }
      this.errorAfter('MissingEndParenthesisInExpression', n);
      break;
    }
    return { positionalArguments: fit(positionalArguments), namedArguments: fit(namedArguments) };
  }

  /**
   * `Method[T1, T2](` after a member name: the type arguments of a generic method call, leaving `(` next. When the
   * brackets hold no type list followed at once by `(`, nothing is consumed (null): it is an index expression.
   */
  private genericMethodArguments(): A.TypeName[] | null {
    const m = this.mark();
    this.take();
    let args: A.TypeName[] = EMPTY;
    for (;;) {
      const a = this.peek('type');
      if (a.tokenType !== T.TypeWord) break;
      args = add(args, this.typeName());
      if (this.peek('type').tokenType !== T.Comma) break;
      this.take();
    }
    const rb = this.peek('type');
    if (args.length > 0 && rb.tokenType === T.RBracket) {
      this.take();
      const lp = this.peek('expr');
      if (lp.tokenType === T.LParen && !lp.ws && this.perrs.length === m.errors) return fit(args);
    }
    this.rewind(m);
    return null;
  }

  /** A type name in type mode, starting at its first word. */
  private typeName = this.rule('typeName', (): A.TypeName => {
    const w = this.take();
    let cur: A.TypeName = { name: w.image, genericArgs: null, arrayRank: 0, elementType: null, text: w.image };
    for (;;) {
      const t = this.peek('type');
      if (t.tokenType !== T.LBracket) break;
      const n = this.LA(2);
      if (n.tokenType === T.RBracket || n.tokenType === T.Comma) {
        this.take();
        let rank = 1;
        while (this.peek('type').tokenType === T.Comma) { this.take(); rank++; }
        if (this.peek('type').tokenType === T.RBracket) this.take();
        else { this.errorAfter('EndSquareBracketExpectedAtEndOfType', this.peek('type')); break; }
        const text = this.text.slice(w.startOffset, this.lastEnd);
        cur = cur.arrayRank > 0
          ? { name: cur.name, genericArgs: cur.genericArgs, arrayRank: rank, elementType: cur, text }
          : { ...cur, arrayRank: rank, text };
        continue;
      }
      if (cur.genericArgs !== null || cur.arrayRank > 0) break;
      this.take();
      let args: A.TypeName[] = EMPTY;
      for (;;) {
        const a = this.peek('type');
        if (a.tokenType === T.TypeWord) args = add(args, this.typeName());
        else if (a.tokenType === T.LBracket) {
          this.take();
          if (this.peek('type').tokenType !== T.TypeWord) { this.errorAfter('MissingTypename', this.peek('type')); break; }
          args = add(args, this.typeName());
          if (this.peek('type').tokenType === T.RBracket) this.take();
        } else { this.errorAfter('MissingTypename', a); break; }
        if (this.peek('type').tokenType === T.Comma) { this.take(); continue; }
        break;
      }
      if (this.peek('type').tokenType === T.RBracket) this.take();
      else this.errorAfter('EndSquareBracketExpectedAtEndOfType', this.peek('type'));
      cur = { ...cur, genericArgs: fit(args), text: this.text.slice(w.startOffset, this.lastEnd) };
    }
    return cur;
  });

  private primary = this.rule('primary', (): A.ExpressionAst | null => {
    const t = this.peek('expr');
    switch (t.tokenType) {
      case T.Number: this.take(); return this.constant(t);
      case T.StringLiteral: case T.StringExpandable: this.take(); return this.stringNode(t);
      case T.Variable: this.take(); return this.variableNode(t);
      case T.Splat: {
        this.take();
        const name = (t.data as VariableData).name;
        this.error('SplattingNotPermitted', t.startOffset, t.end, false, name);
        return { kind: 'Variable', name, scope: null, splatted: true, start: t.startOffset, end: t.end };
      }
      case T.LParen: return this.parenExpression();
      case T.DollarParen: case T.AtParen: {
        this.take();
        const statements = this.statementList('rparen');
        const traps = this.listTraps;
        const rp = this.peek('cmd');
        if (rp.tokenType === T.RParen) this.take();
        else this.errorAfter('MissingEndParenthesisInSubexpression', rp);
        const body: A.StatementBlockAst = { kind: 'StatementBlock', statements, traps, start: t.startOffset, end: this.endFrom(t.startOffset) };
        return { kind: t.tokenType === T.DollarParen ? 'SubExpression' : 'ArrayExpression', body, start: t.startOffset, end: this.endFrom(t.startOffset) } as A.SubExpressionAst;
      }
      case T.AtCurly: return this.hashtable();
      case T.LCurly: {
        this.take();
        const scriptBlock = this.scriptBlockBody(t);
        return { kind: 'ScriptBlockExpression', scriptBlock, start: scriptBlock.start, end: scriptBlock.end };
      }
      default: return null;
    }
  });

  private parenExpression(): A.ExpressionAst {
    const lp = this.take();
    this.skipNewlines('cmd');
    const first = this.peek('cmd');
    if (first.tokenType === T.RParen) {
      this.error('ExpectedExpression', lp.startOffset, lp.end, false);
      this.take();
      return this.placeholder(lp.startOffset);
    }
    const pipeline = this.pipelineBase();
    this.skipNewlines('cmd');
    const rp = this.peek('cmd');
    if (rp.tokenType === T.RParen) this.take();
    else this.errorAfter('MissingEndParenthesisInExpression', rp);
    return { kind: 'ParenExpression', pipeline: pipeline ?? this.wrapExpression(this.placeholder(lp.end)), start: lp.startOffset, end: this.endFrom(lp.startOffset) };
  }

  private hashtable = this.rule('hashtable', (): A.HashtableAst => {
    const at = this.take();
    let pairs: A.HashtableAst['pairs'] = EMPTY;
    for (;;) {
      for (let t = this.peek('hashkey'); t.tokenType === T.NewLine || t.tokenType === T.Semi; t = this.peek('hashkey')) this.take();
      const t = this.peek('hashkey');
      if (t.tokenType === T.RCurly) { this.take(); return this.hashtableNode(at, pairs); }
      if (t.tokenType === EOF) {
        this.error('IncompleteHashLiteral', at.startOffset, at.end, true);
        return this.hashtableNode(at, pairs);
      }
      const key = this.hashKey();
      if (!key) {
        const e = this.peek('expr');
        if (e.tokenType === T.Assign) this.error('MissingKeyInHashLiteral', e.startOffset, e.end, false);
        else this.unexpected(t);
        return this.hashtableNode(at, pairs);
      }
      const eq = this.peek('expr');
      if (eq.tokenType !== T.Assign || eq.data !== '=') {
        this.errorAfter('MissingEqualsInHashLiteral', eq);
        return this.hashtableNode(at, pairs);
      }
      this.take();
      this.skipNewlines('cmd');
      const v = this.peek('cmd');
      const value = this.isStatementEnd(v) ? null : this.statement();
      if (!value) {
        this.errorAfter('MissingStatementInHashLiteral', v);
        return this.hashtableNode(at, pairs);
      }
      pairs = add(pairs, { key, value });
      const n = this.peek('cmd');
      if (n.tokenType !== T.NewLine && n.tokenType !== T.Semi && n.tokenType !== T.RCurly) {
        if (n.tokenType === EOF) this.error('IncompleteHashLiteral', at.startOffset, at.end, true);
        else this.unexpected(n);
        return this.hashtableNode(at, pairs);
      }
    }
  });

  private hashtableNode(at: PsToken, pairs: A.HashtableAst['pairs']): A.HashtableAst {
    return { kind: 'Hashtable', pairs: fit(pairs), start: at.startOffset, end: this.endFrom(at.startOffset) };
  }

  private hashKey(): A.ExpressionAst | null {
    const t = this.peek('hashkey');
    switch (t.tokenType) {
      case T.Generic: this.take(); return this.bareString(t);
      case T.Number: this.take(); return this.constant(t);
      // pwsh parses a quoted argument as a primary expression, so `"abc".Length` and `"a"[0]` apply member access and indexing.
      case T.StringLiteral: case T.StringExpandable: this.take(); return this.postfix(this.stringNode(t), true);
      case T.Variable: this.take(); return this.postfix(this.variableNode(t), true);
      case T.LParen: case T.DollarParen: case T.AtParen: case T.AtCurly: case T.LCurly: {
        const p = this.primary();
        return p ? this.postfix(p, true) : null;
      }
      default: return null;
    }
  }

  private postfix = this.rule('postfix', (target: A.ExpressionAst, inCommand: boolean): A.ExpressionAst => {
    let e = target;
    for (;;) {
      const t = this.peek('expr');
      const tt = t.tokenType;
      if ((tt === T.Dot || tt === T.ColonColon || tt === T.QDot) && !t.ws) {
        this.take();
        const member = this.memberName();
        if (!member) {
          this.errorAfter('MissingPropertyName', this.peek('expr'));
          return e;
        }
        const isStatic = tt === T.ColonColon;
        const nullConditional = tt === T.QDot;
        const lp = this.peek('expr');
        const genericArguments = lp.tokenType === T.LBracket && !lp.ws ? this.genericMethodArguments() : null;
        if (genericArguments) {
          this.take();
          const args = this.invocationArguments();
          e = { kind: 'InvokeMemberExpression', target: e, member, arguments: args, static: isStatic, nullConditional, genericArguments, start: e.start, end: this.endFrom(e.start) };
        } else if (lp.tokenType === T.LParen && !lp.ws) {
          this.take();
          const args = this.invocationArguments();
          e = { kind: 'InvokeMemberExpression', target: e, member, arguments: args, static: isStatic, nullConditional, start: e.start, end: this.endFrom(e.start) };
        } else if (lp.tokenType === T.LCurly && !lp.ws) {
          // `$x.ForEach{ ... }` / `.Where{ ... }`: a script block right after the name is the one argument.
          this.take();
          const scriptBlock = this.scriptBlockBody(lp);
          const arg: A.ExpressionAst = { kind: 'ScriptBlockExpression', scriptBlock, start: scriptBlock.start, end: scriptBlock.end };
          e = { kind: 'InvokeMemberExpression', target: e, member, arguments: [arg], static: isStatic, nullConditional, start: e.start, end: this.endFrom(e.start) };
        } else {
          e = { kind: 'MemberExpression', target: e, member, static: isStatic, nullConditional, start: e.start, end: this.endFrom(e.start) };
        }
        continue;
      }
      if ((tt === T.LBracket && !t.ws) || tt === T.QBracket) {
        this.take();
        this.skipNewlines('expr');
        const index = this.expression(false);
        if (!index) {
          this.errorAfter('MissingArrayIndexExpression', this.peek('expr'));
          return e;
        }
        this.skipNewlines('expr');
        const rb = this.peek('expr');
        if (rb.tokenType === T.RBracket) this.take();
        else this.errorAfter('MissingEndSquareBracket', rb);
        e = { kind: 'IndexExpression', target: e, index, nullConditional: tt === T.QBracket, start: e.start, end: this.endFrom(e.start) };
        continue;
      }
      if (!inCommand && tt === T.Operator) {
        const op = (t.data as OperatorData).op;
        if ((op === '++' || op === '--') && !t.ws) {
          this.take();
          e = { kind: 'UnaryExpression', operator: op === '++' ? 'post++' : 'post--', caseSensitive: false, operand: e, start: e.start, end: this.endFrom(e.start) };
          continue;
        }
      }
      return e;
    }
  });

  private memberName(): A.ExpressionAst | null {
    const t = this.peek('expr');
    switch (t.tokenType) {
      case T.Identifier: case T.Generic: case T.Number:
        this.take();
        return { kind: 'StringConstant', value: t.image, quote: 'bare', start: t.startOffset, end: t.end };
      case T.StringLiteral: case T.StringExpandable: this.take(); return this.stringNode(t);
      case T.Variable: this.take(); return this.variableNode(t);
      // pwsh takes any primary expression as a member name: `$o.($n)`, `$o.{name}`, `$o.@('a')`.
      case T.LParen: case T.DollarParen: case T.LCurly: case T.AtParen: case T.AtCurly: return this.primary();
      default: return null;
    }
  }

  /** After `(` of a method call: arguments up to and including `)`. */
  private invocationArguments(): A.ExpressionAst[] {
    let args: A.ExpressionAst[] = EMPTY;
    this.skipNewlines('expr');
    if (this.peek('expr').tokenType === T.RParen) { this.take(); return args; }
    for (;;) {
      const e = this.expression(true);
      if (!e) {
        const n = this.peek('expr');
        if (n.tokenType === T.Comma || n.tokenType === T.RParen) this.error('MissingArgument', n.startOffset, n.end, false);
        else this.errorAfter('MissingEndParenthesisInMethodCall', n);
        if (n.tokenType === T.RParen) this.take();
        return fit(args);
      }
      args = add(args, e);
      this.skipNewlines('expr');
      const n = this.peek('expr');
      if (n.tokenType === T.Comma) { this.take(); this.skipNewlines('expr'); continue; }
      if (n.tokenType === T.RParen) { this.take(); return fit(args); }
      this.errorAfter('MissingEndParenthesisInMethodCall', n);
      return fit(args);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Leaves

  private constant(t: PsToken): A.ConstantExpressionAst {
    const n = t.data as NumberValue;
    return { kind: 'Constant', value: n.value, numberType: n.numberType, text: t.image, start: t.startOffset, end: t.end };
  }

  private variableNode(t: PsToken): A.VariableExpressionAst | A.UsingExpressionAst {
    const d = t.data as VariableData;
    const start = t.startOffset;
    const end = t.end;
    const v: A.VariableExpressionAst = { kind: 'Variable', name: d.name, scope: d.scope, splatted: false, start, end };
    if (d.scope === 'using') return { kind: 'UsingExpression', subExpression: v, start, end };
    return v;
  }

  private bareString(t: PsToken): A.ExpressionAst {
    if (t.tokenType === T.Number) return this.constant(t);
    if (t.tokenType !== T.Generic) return this.stringNode(t);
    return this.stringNode(t);
  }

  private stringNode(t: PsToken): A.StringConstantExpressionAst | A.ExpandableStringExpressionAst {
    const d = t.data as StringData | null;
    const start = t.startOffset;
    const end = t.end;
    if (d === null) return { kind: 'StringConstant', value: t.image, quote: 'bare', start, end };
    if (!d.parts) return { kind: 'StringConstant', value: d.value, quote: d.quote, start, end };
    const parts: (string | A.ExpressionAst)[] = d.parts.map((p) => {
      if (typeof p === 'string') return p;
      if (p.kind === 'var') {
        const v: A.VariableExpressionAst = { kind: 'Variable', name: p.name, scope: p.scope, splatted: false, start: p.start, end: p.end };
        return v;
      }
      const body = this.subParse(p.innerStart, p.innerEnd);
      const sub: A.SubExpressionAst = { kind: 'SubExpression', body, start: p.start, end: p.end };
      return sub;
    });
    return { kind: 'ExpandableString', parts, quote: d.quote, text: d.raw, start, end };
  }

  // ---------------------------------------------------------------------------------------------
  // Type definitions: `class` and `enum` (pwsh's TypeDefinitionAst). Kept in this one section.

  /** `[Flags()] enum E { }` / `[Attr()] class C { }`: attributes before the keyword; null (nothing consumed) otherwise. */
  private attributedTypeDefinition(t: PsToken): A.TypeDefinitionAst | null {
    // Cheap text check first: statements starting with a cast or type literal are common.
    ATTRIBUTED_TYPE_DEF.lastIndex = t.startOffset;
    if (!ATTRIBUTED_TYPE_DEF.test(this.text)) return null;
    const m = this.mark();
    let attributes: A.AttributeAst[] = EMPTY;
    for (;;) {
      if (this.peek('expr').tokenType !== T.LBracket) break;
      const item = this.bracketItem();
      if (!item || item.kind !== 'Attribute') { this.rewind(m); return null; }
      attributes = add(attributes, item);
      this.skipNewlines('expr');
    }
    const kw = this.peek('cmd');
    if (!this.isWord(kw, 'class') && !this.isWord(kw, 'enum')) { this.rewind(m); return null; }
    return this.typeDefinition(fit(attributes), t.startOffset);
  }

  private typeDefinition(attributes: A.AttributeAst[], attrStart: number | null): A.TypeDefinitionAst | null {
    const kw = this.take();
    const typeKind = kw.image.toLowerCase() as 'class' | 'enum';
    const start = attrStart ?? kw.startOffset;
    this.skipNewlines('type');
    const nameTok = this.peek('type');
    if (nameTok.tokenType !== T.TypeWord) {
      this.errorAfter('MissingNameAfterKeyword', nameTok, typeKind);
      return null;
    }
    this.take();
    const name = nameTok.image;
    let baseTypes: A.TypeName[] = EMPTY;
    this.skipNewlines('expr');
    if (this.peek('expr').tokenType === T.Colon) {
      this.take();
      for (;;) {
        this.skipNewlines('type');
        const bt = this.peek('type');
        if (bt.tokenType !== T.TypeWord) {
          this.errorAfter('TypeNameExpected', bt);
          return null;
        }
        baseTypes = add(baseTypes, this.typeName());
        this.skipNewlines('expr');
        if (this.peek('expr').tokenType !== T.Comma) break;
        this.take();
      }
    }
    this.skipNewlines('expr');
    const lc = this.expect(T.LCurly, 'expr', 'MissingTypeBody', typeKind);
    if (!lc) return null;
    const members = typeKind === 'enum' ? this.enumMembers() : this.classMembers(name);
    const rc = this.peek('expr');
    if (rc.tokenType === T.RCurly) this.take();
    else {
      this.error('MissingEndCurlyBrace', lc.startOffset, lc.end, rc.tokenType === EOF);
      // Skip what could not be parsed so one error is reported, not a cascade.
      for (let t = this.peek('cmd'); t.tokenType !== EOF; t = this.peek('cmd')) this.take();
    }
    const def: A.TypeDefinitionAst = { kind: 'TypeDefinition', name, typeKind, attributes, baseTypes: fit(baseTypes), members, start: start, end: this.endFrom(start) };
    if (typeKind === 'class') this.checkClassMembers(def);
    return def;
  }

  private skipMemberSeparators(commas: boolean): void {
    for (;;) {
      const t = this.peek('expr');
      if (t.tokenType === T.NewLine || t.tokenType === T.Semi || (commas && t.tokenType === T.Comma)) this.take();
      else return;
    }
  }

  private enumMembers(): A.PropertyMemberAst[] {
    let members: A.PropertyMemberAst[] = EMPTY;
    const seen = new Set<string>();
    for (;;) {
      this.skipMemberSeparators(true);
      const t = this.peek('expr');
      if (t.tokenType === T.RCurly || t.tokenType === EOF) break;
      let attributes: A.AttributeAst[] = EMPTY;
      while (this.peek('expr').tokenType === T.LBracket) {
        const item = this.bracketItem();
        if (item && item.kind === 'Attribute') attributes = add(attributes, item);
        this.skipNewlines('expr');
      }
      const n = this.peek('expr');
      if (n.tokenType !== T.Identifier) {
        this.error('IncompleteMemberDefinition', n.startOffset, n.end, n.tokenType === EOF);
        break;
      }
      this.take();
      const value = this.assignedValue('ExpectedValueExpression', true);
      if (value === null) break;
      const initialValue = value ?? null;
      const key = n.image.toLowerCase();
      if (seen.has(key)) this.error('MemberAlreadyDefined', n.startOffset, n.end, false, n.image);
      seen.add(key);
      members = add(members, {
        kind: 'PropertyMember', name: n.image, propertyType: null, attributes: fit(attributes), isStatic: true, isHidden: false,
        initialValue, start: n.startOffset, end: this.endFrom(n.startOffset),
      });
      const sep = this.peek('expr');
      if (sep.tokenType !== T.NewLine && sep.tokenType !== T.Semi && sep.tokenType !== T.Comma && sep.tokenType !== T.RCurly) {
        this.unexpected(sep);
        break;
      }
    }
    return fit(members);
  }

  private classMembers(className: string): A.MemberAst[] {
    let members: A.MemberAst[] = EMPTY;
    for (;;) {
      this.skipMemberSeparators(false);
      const first = this.peek('expr');
      if (first.tokenType === T.RCurly || first.tokenType === EOF) break;
      const m = this.classMember(className);
      if (!m) {
        // Resynchronise at the next line (or the closing brace).
        for (let t = this.peek('expr'); t.tokenType !== T.NewLine && t.tokenType !== T.RCurly && t.tokenType !== EOF; t = this.peek('expr')) this.take();
        continue;
      }
      members = add<A.MemberAst>(members, m);
    }
    return fit(members);
  }

  private classMember(className: string): A.MemberAst | null {
    const start = this.peek('expr').startOffset;
    let attributes: A.AttributeAst[] = EMPTY;
    let type: A.TypeName | null = null;
    let isStatic = false;
    let isHidden = false;
    for (;;) {
      const t = this.peek('expr');
      if (t.tokenType === T.LBracket) {
        const item = this.bracketItem();
        if (!item) return null;
        if (item.kind === 'Attribute') attributes = add(attributes, item);
        else if (type) this.error('TooManyTypes', item.start, item.end, false);
        else type = item.type;
      } else if (t.tokenType === T.Identifier && (equalsWord(t.image, 'static') || equalsWord(t.image, 'hidden'))) {
        this.take();
        if (equalsWord(t.image, 'static')) isStatic = true;
        else isHidden = true;
      } else break;
      this.skipNewlines('expr');
    }
    attributes = fit(attributes);
    const t = this.peek('expr');
    if (t.tokenType === T.Variable) {
      this.take();
      const value = this.assignedValue('ExpectedValueExpression', false);
      if (value === null) return null;
      const initialValue = value ?? null;
      const end = this.peek('expr');
      if (end.tokenType !== T.NewLine && end.tokenType !== T.Semi && end.tokenType !== T.RCurly) {
        this.errorAfter('MissingPropertyTerminator', end);
        return null;
      }
      return {
        kind: 'PropertyMember', name: (t.data as VariableData).name, propertyType: type, attributes, isStatic, isHidden, initialValue,
        start: start, end: this.endFrom(start),
      };
    }
    if (t.tokenType !== T.Identifier) {
      this.error('IncompleteMemberDefinition', t.startOffset, t.end, t.tokenType === EOF);
      return null;
    }
    this.take();
    this.skipNewlines('expr');
    if (!this.expect(T.LParen, 'expr', 'MissingMethodParameterList')) return null;
    const parameters = this.parameterList();
    this.skipNewlines('expr');
    let baseArguments: A.ExpressionAst[] | null = null;
    if (this.peek('expr').tokenType === T.Colon) {
      this.take();
      this.skipNewlines('expr');
      const b = this.peek('expr');
      if (b.tokenType !== T.Identifier || !equalsWord(b.image, 'base')) {
        this.errorAfter('MissingBaseCtorCall', b);
        return null;
      }
      this.take();
      this.skipNewlines('expr');
      if (!this.expect(T.LParen, 'expr', 'MissingMethodParameterList')) return null;
      baseArguments = this.invocationArguments();
      this.skipNewlines('expr');
    }
    const lc = this.expect(T.LCurly, 'cmd', 'MissingFunctionBody');
    if (!lc) return null;
    const body = this.scriptBlockBody(lc);
    if (body.paramBlock) this.error('ParamBlockNotAllowedInMethod', body.paramBlock.start, body.paramBlock.end, false);
    const named = body.beginBlock ?? body.processBlock ?? body.cleanBlock ?? body.dynamicParamBlock ?? (body.endBlock && !body.endBlock.unnamed ? body.endBlock : null);
    if (named) this.error('NamedBlockNotAllowedInMethod', named.start, named.end, false);
    const isConstructor = !isStatic && t.image.toLowerCase() === className.toLowerCase();
    if (isConstructor && type) this.error('ConstructorCantHaveReturnType', start, t.startOffset, false);
    return {
      kind: 'FunctionMember', name: t.image, returnType: type, attributes, isStatic, isHidden, isConstructor, parameters, baseArguments, body,
      start: start, end: this.endFrom(start),
    };
  }

  /** pwsh's semantic checks on a class: duplicate members, `return` use and missing returns in methods. */
  private checkClassMembers(def: A.TypeDefinitionAst): void {
    const seen = new Set<string>();
    for (const m of def.members) {
      let key: string;
      if (m.kind === 'PropertyMember') key = 'p:' + m.name.toLowerCase();
      // A static constructor (`static C()`) is a different member from the instance one (`C()`).
      else key = (m.isStatic && m.name.toLowerCase() === def.name.toLowerCase() ? 's:' : 'm:') + m.name.toLowerCase() + '(' + m.parameters.map((p) => {
        const tc = p.attributes.find((a) => a.kind === 'TypeConstraint');
        return tc ? tc.typeName.text.toLowerCase() : 'object';
      }).join(',') + ')';
      if (seen.has(key)) this.error('MemberAlreadyDefined', m.start, m.end, false, m.name);
      seen.add(key);
      if (m.kind !== 'FunctionMember') continue;
      const isVoid = m.isConstructor || m.returnType === null || m.returnType.name.toLowerCase() === 'void';
      const statements = m.body.endBlock?.statements ?? EMPTY;
      for (const r of returnStatements(statements)) {
        if (isVoid && r.pipeline) this.error('VoidMethodHasReturn', r.start, r.end, false);
        else if (!isVoid && !r.pipeline) this.error('NonVoidMethodMissingReturnValue', r.start, r.end, false);
      }
      if (!isVoid && !alwaysExits(statements)) this.error('MethodHasCodePathNotReturn', m.start, m.end, false);
    }
  }
}

/** `1..3`, `5+1`, `2*$x` at statement start are expressions even though command mode lexes them as one word. */
function startsWithNumberExpression(word: string): boolean {
  const m = /^(?:0x[0-9a-f]+|0b[01]+|\d+(?:\.(?!\.)\d*)?(?:e[+-]?\d+)?)(?:ul|uy|us|u|l|d|y|s|n)?(?:kb|mb|gb|tb|pb)?/i.exec(word);
  if (!m) return false;
  const rest = word.slice(m[0].length);
  // The number scan takes `2.` whole, so `2.GetType()` is a command name (pwsh needs `(2).GetType()`), while
  // `1.5.GetType()`, `2uL.GetType()` and `1..3` are expressions.
  return rest === '' || '.+-*/%=!?,[\u2013'.includes(rest[0]!);
}

function isDigitChar(c: string): boolean {
  return c >= '0' && c <= '9';
}

function needsTerminator(s: A.StatementAst): boolean {
  switch (s.kind) {
    case 'Pipeline': case 'PipelineChain': case 'AssignmentStatement': case 'ReturnStatement': case 'ExitStatement':
    case 'ThrowStatement': case 'BreakStatement': case 'ContinueStatement':
      return true;
    default:
      return false;
  }
}

/** Can `e` be assigned to? `$a?.b` and `$a?[0]` cannot (pwsh: InvalidLeftHandSide). */
function isAssignable(e: A.ExpressionAst): boolean {
  switch (e.kind) {
    case 'Variable': return !e.splatted;
    case 'MemberExpression': case 'IndexExpression': return !e.nullConditional;
    case 'ConvertExpression': return isAssignable(e.operand);
    case 'AttributedExpression': return isAssignable(e.child);
    case 'ArrayLiteral': return e.elements.every(isAssignable);
    case 'ParenExpression': return false;
    default: return false;
  }
}

/** Finds the `}` matching an open `{` from `p`, skipping strings and comments; -1 when unbalanced. */
function skipBraces(text: string, p: number, end: number): number {
  let depth = 1;
  while (p < end) {
    const c = text[p];
    if (c === '`') { p += 2; continue; }
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, p + 1);
      if (close < 0) return -1;
      p = close + 1;
      continue;
    }
    if (c === '#') {
      while (p < end && text[p] !== '\n') p++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return p;
    p++;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Type definition helpers

/** Attributes (`[Name(...)]`, possibly several) directly followed by `class` or `enum`. */
const ATTRIBUTED_TYPE_DEF = /(?:\[[\w.]+\([^\]]*\)\]\s*)+(?:class|enum)\s/iy;

/** The `return` statements of a method body (not those of nested script blocks, which return from themselves). */
function returnStatements(statements: A.StatementAst[]): A.ReturnStatementAst[] {
  return statementsOfKind(statements, 'ReturnStatement') as A.ReturnStatementAst[];
}

function statementsOfKind(statements: A.StatementAst[], kind: A.StatementAst['kind']): A.StatementAst[] {
  const out: A.StatementAst[] = [];
  const block = (b: A.StatementBlockAst | null) => { if (b) for (const s of b.statements) visit(s); };
  const visit = (s: A.StatementAst): void => {
    if (s.kind === kind) out.push(s);
    switch (s.kind) {
      case 'IfStatement': for (const c of s.clauses) block(c.body); block(s.elseClause); break;
      case 'SwitchStatement': for (const c of s.clauses) block(c.body); block(s.defaultClause); break;
      case 'ForEachStatement': case 'ForStatement': case 'WhileStatement': case 'DoWhileStatement': case 'DoUntilStatement': block(s.body); break;
      case 'TryStatement': block(s.body); for (const c of s.catchClauses) block(c.body); block(s.finallyClause); break;
      case 'BlockStatement': block(s.body); break;
      default: break;
    }
  };
  for (const s of statements) visit(s);
  return out;
}

/** Does every path through these statements end in `return` or `throw` (pwsh's MethodHasCodePathNotReturn check)? */
function alwaysExits(statements: A.StatementAst[]): boolean {
  return statements.some((s) => {
    switch (s.kind) {
      case 'ReturnStatement': case 'ThrowStatement': case 'ExitStatement': return true;
      case 'IfStatement': return s.elseClause !== null && alwaysExits(s.elseClause.statements) && s.clauses.every((c) => alwaysExits(c.body.statements));
      case 'TryStatement':
        return (s.finallyClause !== null && alwaysExits(s.finallyClause.statements)) ||
          (alwaysExits(s.body.statements) && s.catchClauses.every((c) => alwaysExits(c.body.statements)));
      case 'BlockStatement': return alwaysExits(s.body.statements);
      // pwsh's flow analysis treats every loop condition (even `$true`) and every switch as possibly falling
      // through; only `for (;;)` without `break` never ends normally.
      case 'ForStatement': return s.condition === null && statementsOfKind(s.body.statements, 'BreakStatement').length === 0;
      // A do loop's body runs at least once: if it always returns (and cannot break or continue), so does the loop.
      case 'DoWhileStatement': case 'DoUntilStatement':
        return alwaysExits(s.body.statements) && statementsOfKind(s.body.statements, 'BreakStatement').length === 0 &&
          statementsOfKind(s.body.statements, 'ContinueStatement').length === 0;
      default: return false;
    }
  });
}
