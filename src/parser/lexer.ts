// Mode-aware PowerShell tokenizer. The parser asks for one token at a time in the mode
// it needs (command arguments, expressions, type names, hashtable keys); chevrotain token
// instances are returned. Lexing never throws: problems are recorded in `errors`.
import { EOF, type TokenType } from 'chevrotain';
import { T, type LexMode, type PsToken, type StringData, type StringPart, type RedirectionData, type VariableData, type ParameterData } from './tokens.js';
import { isWs, isNewline, isDigit, isLetter, isWordChar, isVarChar, isCmdTerminator, escapeChar } from './chars.js';
import { parseNumber } from './numbers.js';
import type { ErrorId } from './messages.js';

export interface LexError {
  id: ErrorId;
  args: string[];
  start: number;
  end: number;
  incomplete: boolean;
}

/** Dash operators of expression mode: name without dash → canonical operator and case sensitivity. */
const DASH_OPS = new Map<string, { op: string; cs: boolean }>();
for (const base of ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'contains', 'notcontains', 'in', 'notin', 'replace', 'split']) {
  DASH_OPS.set(base, { op: '-' + base, cs: false });
  DASH_OPS.set('i' + base, { op: '-' + base, cs: false });
  DASH_OPS.set('c' + base, { op: '-' + base, cs: true });
}
for (const op of ['join', 'is', 'isnot', 'as', 'f', 'and', 'or', 'xor', 'not', 'band', 'bor', 'bxor', 'bnot', 'shl', 'shr']) {
  DASH_OPS.set(op, { op: '-' + op, cs: false });
}
export function dashOperator(name: string): { op: string; cs: boolean } | undefined {
  return DASH_OPS.get(name.toLowerCase());
}

/** A number literal in expression mode (sticky: matched in place, without slicing the source). */
const EXPR_NUMBER_RE = /(?:0x[0-9a-f]+|0b[01]+(?![0-9a-f])|(?:\d+(?:\.(?!\.)\d*)?|\.\d+)(?:e[+-]?\d+)?)(?:ul|uy|us|u|l|d|y|s|n)?(?:kb|mb|gb|tb|pb)?/iy;

/** Shared (read-only) operator payloads: one object per operator, not per token. */
const SYMBOL_OPS = new Map<string, OperatorData>();
function operatorData(op: string): OperatorData {
  let d = SYMBOL_OPS.get(op);
  if (!d) SYMBOL_OPS.set(op, (d = { op, cs: false }));
  return d;
}

export interface OperatorData {
  op: string;
  cs: boolean;
}

class PartsBuilder {
  declare parts: StringPart[];
  declare lit: string;
  declare expands: boolean;
  constructor() {
    this.parts = [];
    this.lit = '';
    this.expands = false;
  }
  push(p: StringPart): void {
    if (this.lit) this.parts.push(this.lit);
    this.lit = '';
    this.parts.push(p);
    this.expands = true;
  }
  finish(quote: StringData['quote'], raw: string): StringData {
    if (!this.expands) return { quote, value: this.lit, parts: null, raw };
    if (this.lit) this.parts.push(this.lit);
    this.lit = '';
    return { quote, value: '', parts: this.parts, raw };
  }
}

const MODES: readonly LexMode[] = ['cmd', 'expr', 'type', 'hashkey'];
const MODE_INDEX: Record<LexMode, number> = { cmd: 0, expr: 1, type: 2, hashkey: 3 };

/**
 * A chevrotain-compatible token built with all its fields in one constructor, so every token shares one
 * hidden class. A token is allocated for every word of the script (and most die at once), so it holds only
 * five fields: chevrotain's optional position fields are left out (line/column come from offsets, via
 * LineIndex), `tokenTypeIdx` is read through the token type, `end` is derived from the image (always the
 * source text between start and end), and scan start, mode and `ws` are packed into one number.
 */
class Token implements PsToken {
  // `declare` fields: plain constructor assignments, not (slower) class-field definitions.
  declare readonly tokenType: TokenType;
  declare readonly image: string;
  declare readonly startOffset: number;
  declare readonly data: unknown;
  /** (startOffset - scanStart) * 8 + (ws ? 4 : 0) + mode index. Integer arithmetic: exact for any offset. */
  declare private readonly flags: number;
  constructor(tokenType: TokenType, image: string, startOffset: number, scanStart: number, ws: boolean, mode: LexMode, data: unknown) {
    this.init(tokenType, image, startOffset, scanStart, ws, mode, data);
  }
  /** Sets every field (also when a recycled token is reused: see TokenPool). */
  init(tokenType: TokenType, image: string, startOffset: number, scanStart: number, ws: boolean, mode: LexMode, data: unknown): void {
    const self = this as unknown as { tokenType: TokenType; image: string; startOffset: number; data: unknown; flags: number };
    self.tokenType = tokenType;
    self.image = image;
    self.startOffset = startOffset;
    self.data = data;
    self.flags = (startOffset - scanStart) * 8 + (ws ? 4 : 0) + MODE_INDEX[mode];
  }
  get end(): number {
    return this.startOffset + this.image.length;
  }
  get scanStart(): number {
    const f = this.flags;
    // `& 7` keeps the low bits right even beyond int32 (2^32 is a multiple of 8).
    return this.startOffset - (f - (f & 7)) / 8;
  }
  get ws(): boolean {
    return (this.flags & 4) !== 0;
  }
  get mode(): LexMode {
    return MODES[this.flags & 3]!;
  }
  get tokenTypeIdx(): number {
    return this.tokenType.tokenTypeIdx!;
  }
  get endOffset(): number {
    return this.end - 1;
  }
}

/** Most recycled tokens kept for reuse (the rest are left to the garbage collector). */
const MAX_FREE_TOKENS = 1024;
/** Most shared variable/parameter payloads kept (the tables start over when full). */
const MAX_SHARED_WORDS = 4096;

/**
 * Token objects are most of the parser's garbage (one per word, dead a moment later), and garbage makes the
 * young-generation collector run more often, copying the AST under construction each time. So the parser
 * hands tokens back once nothing can refer to them any more (PsParser.recycle, between statements) and the
 * lexers reuse them. `log` lists, in creation order, the tokens made and not yet handed back.
 */
/** Slots in the slice cache: a power of two. */
const SLICE_SLOTS = 1024;
/** Longer texts rarely repeat, and comparing them costs more than slicing. */
const MAX_CACHED_SLICE = 32;

export class TokenPool {
  /**
   * Recently sliced short texts, in a direct-mapped cache keyed by length and a few characters. Scripts repeat
   * command names, parameters, member names and numbers; equal token texts then share one string instead of each
   * being a string of its own that every AST keeps (and the garbage collector copies).
   */
  private readonly slices: (string | undefined)[] = new Array<string | undefined>(SLICE_SLOTS).fill(undefined);

  /** `text.slice(start, end)`, as a string sliced earlier when an equal one is in the cache. */
  slice(text: string, start: number, end: number): string {
    const len = end - start;
    // V8 keeps one-character strings in a table of its own.
    if (len <= 1 || len > MAX_CACHED_SLICE) return text.slice(start, end);
    const slot =
      (len * 7 + text.charCodeAt(start) * 31 + text.charCodeAt(start + 1) * 67 + text.charCodeAt(start + (len >> 1)) * 5 + text.charCodeAt(end - 1) * 131) &
      (SLICE_SLOTS - 1);
    const cached = this.slices[slot];
    if (cached !== undefined && cached.length === len && text.startsWith(cached, start)) return cached;
    return (this.slices[slot] = text.slice(start, end));
  }

  /** Read-only payloads of variable and parameter tokens, by token text (shared by all tokens of that text). */
  readonly vars = new Map<string, VariableData>();
  readonly params = new Map<string, ParameterData>();
  log: PsToken[] = [];
  logLen = 0;
  private free: Token[] = [];
  private nfree = 0;
  /** Off when the caller keeps the tokens (tokenize). */
  enabled = true;

  make(type: TokenType, image: string, start: number, scanStart: number, ws: boolean, mode: LexMode, data: unknown): PsToken {
    let t: Token;
    if (this.nfree > 0) {
      t = this.free[--this.nfree]!;
      t.init(type, image, start, scanStart, ws, mode, data);
    } else t = new Token(type, image, start, scanStart, ws, mode, data);
    if (this.enabled) this.log[this.logLen++] = t;
    return t;
  }

  release(t: PsToken): void {
    if (this.nfree < MAX_FREE_TOKENS) this.free[this.nfree++] = t as Token;
  }

  /** Starts a parse: forgets the tokens of the last one (a long log is dropped rather than kept alive). */
  reset(enabled: boolean): void {
    this.enabled = enabled;
    this.logLen = 0;
    if (this.log.length > MAX_FREE_TOKENS) this.log = [];
  }
}

export class Lexer {
  pos: number;
  readonly errors: LexError[] = [];
  /**
   * A token the parser dropped from its lookahead when it switched modes; the next scan from the same place
   * returns it instead of lexing again when the new mode would produce the same token.
   */
  reuse: PsToken | null = null;

  constructor(readonly text: string, start: number, public end: number, private readonly pool: TokenPool) {
    this.pos = start;
  }

  private err(id: ErrorId, start: number, end: number, incomplete: boolean, ...args: string[]): void {
    this.errors.push({ id, args, start, end, incomplete });
  }

  private mk(type: TokenType, start: number, end: number, scanStart: number, ws: boolean, mode: LexMode, data: unknown): PsToken {
    this.pos = end;
    return this.pool.make(type, this.pool.slice(this.text, start, end), start, scanStart, ws, mode, data);
  }

  /** `mk` for a token whose text (the source from start to end) the caller already has: no second slice. */
  private mkImage(type: TokenType, image: string, start: number, end: number, scanStart: number, ws: boolean, mode: LexMode, data: unknown): PsToken {
    this.pos = end;
    return this.pool.make(type, image, start, scanStart, ws, mode, data);
  }

  /** Skips whitespace, comments and line continuations; returns true when anything was skipped. */
  private skipTrivia(): boolean {
    const text = this.text;
    const start = this.pos;
    let p = this.pos;
    while (p < this.end) {
      const c = text.charCodeAt(p);
      if (isWs(c)) p++;
      else if (c === 96 /* ` */ && p + 1 < this.end && (isNewline(text.charCodeAt(p + 1)) || isWs(text.charCodeAt(p + 1)))) {
        const q = this.continuationEnd(p + 1);
        if (q < 0) break;
        p = q;
      } else if (c === 35 /* # */) {
        while (p < this.end && !isNewline(text.charCodeAt(p))) p++;
      } else if (c === 60 /* < */ && text.charCodeAt(p + 1) === 35) {
        const close = text.indexOf('#>', p + 2);
        if (close < 0 || close + 2 > this.end) {
          this.err('MissingTerminatorMultiLineComment', this.end, this.end, true);
          p = this.end;
        } else p = close + 2;
      } else break;
    }
    this.pos = p;
    return p > start;
  }

  /**
   * After a backtick at `p - 1`: a line continuation runs through the newline when only whitespace (and, after some
   * whitespace, a comment) follows on the line. Returns the offset after the newline, or -1 when it is no continuation.
   */
  private continuationEnd(p: number): number {
    const text = this.text;
    const wsStart = p;
    while (p < this.end && isWs(text.charCodeAt(p))) p++;
    if (p > wsStart && text.charCodeAt(p) === 35 /* # */) while (p < this.end && !isNewline(text.charCodeAt(p))) p++;
    if (p >= this.end || !isNewline(text.charCodeAt(p))) return -1;
    return p + (text.charCodeAt(p) === 13 && text.charCodeAt(p + 1) === 10 ? 2 : 1);
  }

  next(mode: LexMode): PsToken {
    const r = this.reuse;
    if (r !== null) {
      this.reuse = null;
      if (r.scanStart === this.pos && (r.mode === mode || this.sameInEveryMode(r))) {
        this.pos = r.end;
        return r;
      }
    }
    const scanStart = this.pos;
    const ws = this.skipTrivia() || scanStart === 0;
    const text = this.text;
    const p = this.pos;
    if (p >= this.end) return this.mk(EOF, this.end, this.end, scanStart, ws, mode, null);
    const c = text.charCodeAt(p);
    const c1 = p + 1 < this.end ? text.charCodeAt(p + 1) : 0;
    switch (c) {
      case 10: return this.mk(T.NewLine, p, p + 1, scanStart, ws, mode, null);
      case 13: return this.mk(T.NewLine, p, c1 === 10 ? p + 2 : p + 1, scanStart, ws, mode, null);
      case 59: return this.mk(T.Semi, p, p + 1, scanStart, ws, mode, null);
      case 40: return this.mk(T.LParen, p, p + 1, scanStart, ws, mode, null);
      case 41: return this.mk(T.RParen, p, p + 1, scanStart, ws, mode, null);
      case 123: return this.mk(T.LCurly, p, p + 1, scanStart, ws, mode, null);
      case 125: return this.mk(T.RCurly, p, p + 1, scanStart, ws, mode, null);
      case 124: return c1 === 124 ? this.mk(T.OrOr, p, p + 2, scanStart, ws, mode, null) : this.mk(T.Pipe, p, p + 1, scanStart, ws, mode, null);
      case 38: return c1 === 38 ? this.mk(T.AndAnd, p, p + 2, scanStart, ws, mode, null) : this.mk(T.Amp, p, p + 1, scanStart, ws, mode, null);
      case 44: return this.mk(T.Comma, p, p + 1, scanStart, ws, mode, null);
      case 39: case 34: {
        // A quoted string ends its token even in command mode (pwsh's tokenizer never glues what follows):
        // `"a"b` is two arguments and `"a"[0]` / `"a".Length` are postfix operators on the string.
        return c === 39 ? this.singleQuoted(p, scanStart, ws, mode) : this.doubleQuoted(p, scanStart, ws, mode);
      }
      case 64: { // @
        if (c1 === 40) return this.mk(T.AtParen, p, p + 2, scanStart, ws, mode, null);
        if (c1 === 123) return this.mk(T.AtCurly, p, p + 2, scanStart, ws, mode, null);
        if (c1 === 39 || c1 === 34) return this.hereString(p, scanStart, ws, mode, c1 === 34);
        if (c1 && isVarChar(c1, false)) {
          let q = p + 1;
          while (q < this.end && isVarChar(text.charCodeAt(q), false)) q++;
          const v: VariableData = { name: text.slice(p + 1, q), scope: null };
          return this.mk(T.Splat, p, q, scanStart, ws, mode, v);
        }
        if (mode === 'cmd' || mode === 'hashkey') return this.generic(p, scanStart, ws, mode);
        return this.mk(T.Unknown, p, p + 1, scanStart, ws, mode, null);
      }
      case 36: // $
        if (c1 === 40) return this.mk(T.DollarParen, p, p + 2, scanStart, ws, mode, null);
        return this.variable(p, scanStart, ws, mode);
      case 62: return this.redirection(p, p, scanStart, ws, mode);
      case 60: {
        const r: RedirectionData = { from: '1', append: false, mergeTo: null, input: true };
        return this.mk(T.Redirection, p, p + 1, scanStart, ws, mode, r);
      }
      case 42: if (c1 === 62 && mode !== 'type') return this.redirection(p, p + 1, scanStart, ws, mode); break;
      default:
        if (c >= 49 && c <= 54 && c1 === 62 && mode !== 'type' && (ws || mode !== 'expr')) return this.redirection(p, p + 1, scanStart, ws, mode);
    }
    if (mode === 'type') return this.typeToken(p, scanStart, ws);
    if (mode === 'expr') return this.exprToken(p, c, c1, scanStart, ws);
    return this.cmdToken(p, c, c1, scanStart, ws, mode);
  }

  private sameInEveryMode(t: PsToken): boolean {
    const tt = t.tokenType;
    if (
      tt === T.NewLine || tt === T.Semi || tt === T.LParen || tt === T.RParen || tt === T.LCurly || tt === T.RCurly || tt === T.Pipe ||
      tt === T.OrOr || tt === T.Amp || tt === T.AndAnd || tt === T.Comma || tt === T.AtParen || tt === T.AtCurly || tt === T.DollarParen ||
      tt === T.Splat || tt === EOF
    ) return true;
    if (tt === T.StringLiteral || tt === T.StringExpandable) return true;
    if (tt === T.Variable) {
      // Command mode glues a variable to the characters that follow into one bareword.
      if (t.end >= this.end) return true;
      const d = this.text.charCodeAt(t.end);
      return isCmdTerminator(d) || d === 46 || d === 91;
    }
    return false;
  }

  private redirection(start: number, gt: number, scanStart: number, ws: boolean, mode: LexMode): PsToken {
    const text = this.text;
    const from = (gt > start ? text[start] : '1') as RedirectionData['from'];
    let q = gt + 1;
    let append = false;
    let mergeTo: RedirectionData['mergeTo'] = null;
    if (text.charCodeAt(q) === 62 && q < this.end) { append = true; q++; }
    else if (text.charCodeAt(q) === 38 && (text[q + 1] === '1' || text[q + 1] === '2') && q + 1 < this.end) {
      mergeTo = text[q + 1] as '1' | '2';
      q += 2;
    }
    const r: RedirectionData = { from, append, mergeTo, input: false };
    return this.mk(T.Redirection, start, q, scanStart, ws, mode, r);
  }

  // -------------------------------------------------------------------------------------------
  // Command mode

  private cmdToken(p: number, c: number, c1: number, scanStart: number, ws: boolean, mode: LexMode): PsToken {
    const text = this.text;
    if (c === 45 /* - */ || c === 0x2013 || c === 0x2014) {
      if (c1 === 45 && text.charCodeAt(p + 2) === 37 && p + 2 < this.end) {
        // --% : the rest of the line (up to a pipe) is one verbatim argument.
        let q = p + 3;
        while (q < this.end && !isNewline(text.charCodeAt(q)) && text.charCodeAt(q) !== 124) q++;
        const rest = text.slice(p + 3, q).replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
        return this.mk(T.StopParsing, p, q, scanStart, ws, mode, rest);
      }
      if (c1 && (isLetter(c1) || c1 === 95 || c1 === 63)) {
        let q = p + 1;
        while (q < this.end) {
          const d = text.charCodeAt(q);
          if (isCmdTerminator(d) || d === 58 /* : */ || d === 39 || d === 34 || d === 36) break;
          q++;
        }
        const colon = text.charCodeAt(q) === 58 && q < this.end;
        const end = colon ? q + 1 : q;
        const image = this.pool.slice(text, p, end);
        const words = this.pool.params;
        let data = words.get(image);
        if (data === undefined) {
          data = { name: this.pool.slice(text, p + 1, q), colon };
          if (words.size >= MAX_SHARED_WORDS) words.clear();
          words.set(image, data);
        }
        return this.mkImage(T.Parameter, image, p, end, scanStart, ws, mode, data);
      }
    }
    return this.generic(p, scanStart, ws, mode);
  }

  /** A bareword: may contain quotes and `$` expansions; becomes a Number when it is exactly a number. */
  private generic(start: number, scanStart: number, ws: boolean, mode: LexMode): PsToken {
    const text = this.text;
    const hashkey = mode === 'hashkey';
    // Fast path: a run of plain characters ending at a terminator.
    let q = start;
    while (q < this.end) {
      const c = text.charCodeAt(q);
      if ((isCmdTerminator(c) && !(q === start && c === 62)) || (hashkey && (c === 61 || c === 59))) break;
      if (c === 96 || c === 39 || c === 34 || c === 36) return this.genericSlow(start, scanStart, ws, mode);
      q++;
    }
    if (q === start) return this.mk(T.Unknown, start, start + 1, scanStart, ws, mode, null);
    const raw = this.pool.slice(text, start, q);
    const c0 = raw.charCodeAt(0);
    if (isDigit(c0) || c0 === 45 || c0 === 46 || c0 === 43) {
      const num = parseNumber(raw);
      if (num) return this.mkImage(T.Number, raw, start, q, scanStart, ws, mode, num);
    }
    // A plain bareword: its value is its image, so it carries no StringData (see PsToken.data).
    return this.mkImage(T.Generic, raw, start, q, scanStart, ws, mode, null);
  }

  private genericSlow(start: number, scanStart: number, ws: boolean, mode: LexMode): PsToken {
    const text = this.text;
    const b = new PartsBuilder();
    let q = start;
    let run = start;
    const hashkey = mode === 'hashkey';
    const flush = () => {
      if (q > run) b.lit += text.slice(run, q);
    };
    while (q < this.end) {
      const c = text.charCodeAt(q);
      if (isCmdTerminator(c) && !(q === start && c === 62)) break;
      if (hashkey && (c === 61 || c === 59)) break;
      if (c === 96) {
        if (q + 1 >= this.end) { q++; continue; }
        if (isNewline(text.charCodeAt(q + 1))) break;
        flush();
        q = this.escape(q, b);
        run = q;
        continue;
      }
      if (c === 39) {
        flush();
        const close = this.findSingleClose(q + 1);
        b.lit += text.slice(q + 1, close < 0 ? this.end : close).replace(/''/g, "'");
        if (close < 0) { this.err('TerminatorExpectedAtEndOfString', q, this.end, true, "'"); q = this.end; }
        else q = close + 1;
        run = q;
        continue;
      }
      if (c === 34) {
        flush();
        const r = this.scanDoubleBody(q + 1, b, true);
        if (!r.terminated) this.err('TerminatorExpectedAtEndOfString', q, this.end, true, '"');
        q = r.pos;
        run = q;
        continue;
      }
      if (c === 36 && q + 1 < this.end) {
        flush();
        q = this.scanDollar(q, b, false);
        run = q;
        continue;
      }
      q++;
    }
    flush();
    const raw = text.slice(start, q);
    return this.mkImage(T.Generic, raw, start, q, scanStart, ws, mode, b.finish('bare', raw));
  }

  // -------------------------------------------------------------------------------------------
  // Expression mode

  // Start, scan start and whitespace flag of the expression token being built (op/assign read them: no per-token closures).
  private opP = 0;
  private opScan = 0;
  private opWs = false;

  private op(len: number, o: string): PsToken {
    return this.mkImage(T.Operator, this.opImage(len, o), this.opP, this.opP + len, this.opScan, this.opWs, 'expr', operatorData(o));
  }

  private assign(len: number, o: string): PsToken {
    return this.mkImage(T.Assign, this.opImage(len, o), this.opP, this.opP + len, this.opScan, this.opWs, 'expr', o);
  }

  /** The operator's text is `o` itself, except for the en/em-dash spellings of `-`. */
  private opImage(len: number, o: string): string {
    const text = this.text;
    const p = this.opP;
    if (text.charCodeAt(p) < 128 && (len === 1 || text.charCodeAt(p + 1) < 128)) return o;
    return text.slice(p, p + len);
  }

  private exprToken(p: number, c: number, c1: number, scanStart: number, ws: boolean): PsToken {
    const text = this.text;
    this.opP = p;
    this.opScan = scanStart;
    this.opWs = ws;
    switch (c) {
      case 45: case 0x2013: case 0x2014: // -
        if (c1 === 45 || c1 === 0x2013 || c1 === 0x2014) return this.op(2, '--');
        if (c1 === 61) return this.assign(2, '-=');
        if (c1 && isLetter(c1)) {
          let q = p + 1;
          while (q < this.end && isWordChar(text.charCodeAt(q))) q++;
          const name = text.slice(p + 1, q);
          const d = dashOperator(name);
          if (d && !isWordChar(text.charCodeAt(q))) return this.mk(T.Operator, p, q, scanStart, ws, 'expr', d);
          return this.mk(T.Parameter, p, q, scanStart, ws, 'expr', { name, colon: false });
        }
        return this.op(1, '-');
      case 43: return c1 === 43 ? this.op(2, '++') : c1 === 61 ? this.assign(2, '+=') : this.op(1, '+');
      case 42: return c1 === 61 ? this.assign(2, '*=') : this.op(1, '*');
      case 47: return c1 === 61 ? this.assign(2, '/=') : this.op(1, '/');
      case 37: return c1 === 61 ? this.assign(2, '%=') : this.op(1, '%');
      case 61: return this.assign(1, '=');
      case 33: return this.op(1, '!');
      case 63: // ?
        if (c1 === 63) return text.charCodeAt(p + 2) === 61 ? this.assign(3, '??=') : this.op(2, '??');
        if (c1 === 46 && !ws) return this.mk(T.QDot, p, p + 2, scanStart, ws, 'expr', null);
        if (c1 === 91 && !ws) return this.mk(T.QBracket, p, p + 2, scanStart, ws, 'expr', null);
        return this.mk(T.Question, p, p + 1, scanStart, ws, 'expr', null);
      case 58: return c1 === 58 ? this.mk(T.ColonColon, p, p + 2, scanStart, ws, 'expr', null) : this.mk(T.Colon, p, p + 1, scanStart, ws, 'expr', null);
      case 46: // .
        if (c1 === 46) return this.op(2, '..');
        if (isDigit(c1) && ws) return this.exprNumber(p, scanStart, ws);
        return this.mk(T.Dot, p, p + 1, scanStart, ws, 'expr', null);
      case 91: return this.mk(T.LBracket, p, p + 1, scanStart, ws, 'expr', null);
      case 93: return this.mk(T.RBracket, p, p + 1, scanStart, ws, 'expr', null);
    }
    if (isDigit(c)) return this.exprNumber(p, scanStart, ws);
    if (isLetter(c) || c === 95) {
      let q = p + 1;
      while (q < this.end && isWordChar(text.charCodeAt(q))) q++;
      return this.mk(T.Identifier, p, q, scanStart, ws, 'expr', null);
    }
    return this.mk(T.Unknown, p, p + 1, scanStart, ws, 'expr', null);
  }

  private exprNumber(p: number, scanStart: number, ws: boolean): PsToken {
    const text = this.text;
    EXPR_NUMBER_RE.lastIndex = p;
    // `test` on a sticky regex leaves the match end in lastIndex: no match array per number.
    let q = Math.min(this.end, EXPR_NUMBER_RE.test(text) ? EXPR_NUMBER_RE.lastIndex : p + 1);
    if (q < this.end && isWordChar(text.charCodeAt(q))) {
      while (q < this.end && isWordChar(text.charCodeAt(q))) q++;
      return this.mk(T.Generic, p, q, scanStart, ws, 'expr', { quote: 'bare', value: text.slice(p, q), parts: null, raw: text.slice(p, q) } satisfies StringData);
    }
    const image = this.pool.slice(text, p, q);
    const num = parseNumber(image);
    if (!num) {
      this.err('BadNumericConstant', p, q, false, image);
      return this.mkImage(T.Number, image, p, q, scanStart, ws, 'expr', { value: 0, numberType: 'Int32' });
    }
    return this.mkImage(T.Number, image, p, q, scanStart, ws, 'expr', num);
  }

  // -------------------------------------------------------------------------------------------
  // Type names inside [ ]

  private typeToken(p: number, scanStart: number, ws: boolean): PsToken {
    const text = this.text;
    const c = text.charCodeAt(p);
    if (c === 91) return this.mk(T.LBracket, p, p + 1, scanStart, ws, 'type', null);
    if (c === 93) return this.mk(T.RBracket, p, p + 1, scanStart, ws, 'type', null);
    let q = p;
    while (q < this.end) {
      const d = text.charCodeAt(q);
      if (isWordChar(d) || d === 46 || d === 96 || d === 43 || d === 35 || d === 92) q++;
      else break;
    }
    if (q === p) return this.mk(T.Unknown, p, p + 1, scanStart, ws, 'type', null);
    return this.mk(T.TypeWord, p, q, scanStart, ws, 'type', null);
  }

  // -------------------------------------------------------------------------------------------
  // Variables

  private variable(p: number, scanStart: number, ws: boolean, mode: LexMode): PsToken {
    const v = this.scanVariableCode(p);
    if (!v) {
      if (mode === 'cmd' || mode === 'hashkey') return this.generic(p, scanStart, ws, mode);
      this.err('InvalidVariableReference', p, p + 1, false);
      return this.mk(T.Unknown, p, p + 1, scanStart, ws, mode, null);
    }
    const end = this.varEnd;
    if (mode === 'cmd') {
      // `$a-b` or `$env:TEMP\x` in command mode is one expandable bareword; `$x.y`/`$x[0]` stay expressions, and
      // `=` ends a plain variable (`$h=@"` starts an assignment, not a bareword), as in pwsh's ScanVariable.
      const d = this.text.charCodeAt(end);
      if (end < this.end && !isCmdTerminator(d) && d !== 46 && d !== 91 && (d !== 61 || this.text.charCodeAt(p + 1) === 123)) {
        return this.generic(p, scanStart, ws, mode);
      }
    }
    const image = this.varImage;
    if (image !== null) return this.mkImage(T.Variable, image, p, end, scanStart, ws, mode, v);
    return this.mk(T.Variable, p, end, scanStart, ws, mode, v);
  }

  /** End offset of the variable just scanned by scanVariableCode / bracedVariable (a field: no result object). */
  private varEnd = 0;
  /** Its text, when scanVariableCode already sliced it (a plain `$name` / `$scope:name`); null otherwise. */
  private varImage: string | null = null;

  /** `$name`, `$scope:name`, `${any}`, `$$`, `$^`, `$?` (end in `varEnd`); null when `$` starts no variable. */
  private scanVariableCode(p: number): VariableData | null {
    const text = this.text;
    this.varImage = null;
    const c1 = p + 1 < this.end ? text.charCodeAt(p + 1) : 0;
    if (c1 === 123) return this.bracedVariable(p);
    // `$$`, `$^` and `$?` are whole names: `$???$false` is `$?` followed by `??`.
    if (c1 === 36 || c1 === 94 || c1 === 63) {
      this.varEnd = p + 2;
      return { name: text[p + 1]!, scope: null };
    }
    if (!c1 || !isVarChar(c1, false)) return null;
    let q = p + 1;
    while (q < this.end && isVarChar(text.charCodeAt(q), false)) q++;
    let end = q;
    const scoped = text.charCodeAt(q) === 58 && q + 1 < this.end && isVarChar(text.charCodeAt(q + 1), false);
    if (scoped) {
      end = q + 1;
      while (end < this.end && isVarChar(text.charCodeAt(end), false)) end++;
    }
    this.varEnd = end;
    // Scripts use few distinct variables many times: tokens of the same text share one (read-only) payload.
    const image = (this.varImage = text.slice(p, end));
    const words = this.pool.vars;
    let data = words.get(image);
    if (data === undefined) {
      data = scoped ? { name: text.slice(q + 1, end), scope: text.slice(p + 1, q).toLowerCase() } : { name: text.slice(p + 1, q), scope: null };
      if (words.size >= MAX_SHARED_WORDS) words.clear();
      words.set(image, data);
    }
    return data;
  }

  /** `${...}` (end in `varEnd`). */
  /**
   * `${...}`: the name runs to the first unescaped `}`. A backtick escapes as in double-quoted strings (`` `} ``,
   * `` `u{2195} ``); inside an expandable string `""` is one quote; an unescaped `{` is an error (as in pwsh).
   */
  private bracedVariable(p: number, inString = false): VariableData {
    const text = this.text;
    let q = p + 2;
    let name = '';
    while (q < this.end) {
      const c = text.charCodeAt(q);
      if (c === 125) break;
      if (c === 96 && q + 1 < this.end) {
        name += this.escapeAt(q);
        q = this.escEnd;
        continue;
      }
      if (c === 123) this.err('OpenBraceNeedsToBeBackTickedInVariableName', q, q + 1, false);
      else if (c === 34 && inString && text.charCodeAt(q + 1) === 34 && q + 1 < this.end) q++;
      name += text[q];
      q++;
    }
    if (q >= this.end) {
      this.err('IncompleteDollarVariableReference', p, this.end, true);
      this.varEnd = this.end;
      return { name, scope: null };
    }
    if (name === '') this.err('EmptyVariableReference', p, q + 1, false);
    this.varEnd = q + 1;
    const m = /^([A-Za-z_][\w]*):(.+)$/s.exec(name);
    if (m) return { name: m[2]!, scope: m[1]!.toLowerCase() };
    return { name, scope: null };
  }

  // -------------------------------------------------------------------------------------------
  // Strings

  /** End offset of the escape sequence just read by escapeAt (a field: no result object). */
  private escEnd = 0;

  /** The text of the backtick escape at `q` (`` `n ``, `` `u{263A} ``, `` `x `` is x); its end goes to `escEnd`. */
  private escapeAt(q: number): string {
    const text = this.text;
    const ch = text[q + 1]!;
    if (ch === 'u') return this.unicodeEscape(q);
    if (ch === '\r' && text[q + 2] === '\n') {
      this.escEnd = q + 3;
      return '\r\n';
    }
    this.escEnd = q + 2;
    return escapeChar(ch);
  }

  /**
   * `` `u{hex} `` at `q`: one to six hex digits and `}`, at most 0x10FFFF. Errors are pwsh's ScanUnicodeEscape's, at
   * the same places (the first character that does not fit); the scan stops there and the rest is plain text.
   */
  private unicodeEscape(q: number): string {
    const text = this.text;
    const end = this.end;
    if (text.charCodeAt(q + 2) !== 123 || q + 2 >= end) {
      this.err('InvalidUnicodeEscapeSequence', q, q + 2, false);
      this.escEnd = q + 2;
      return '';
    }
    const digits = q + 3;
    let p = digits;
    for (;;) {
      const c = p < end ? text.charCodeAt(p) : 0;
      if (c === 125 /* } */) {
        if (p === digits) {
          this.err('InvalidUnicodeEscapeSequence', q, p + 1, false);
          this.escEnd = p + 1;
          return '';
        }
        break;
      }
      const isHex = (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
      if (!isHex || p - digits === 6) {
        const id = isHex ? 'TooManyDigitsInUnicodeEscapeSequence' : p - digits < 6 ? 'InvalidUnicodeEscapeSequence' : 'MissingUnicodeEscapeSequenceTerminator';
        this.err(id, p, p, false);
        this.escEnd = p;
        return '';
      }
      p++;
    }
    this.escEnd = p + 1;
    const value = parseInt(text.slice(digits, p), 16);
    if (value > 0x10ffff) {
      this.err('InvalidUnicodeEscapeSequenceValue', digits, p, false);
      return '';
    }
    return String.fromCodePoint(value);
  }

  private escape(q: number, b: PartsBuilder): number {
    b.lit += this.escapeAt(q);
    return this.escEnd;
  }

  private findSingleClose(q: number): number {
    const text = this.text;
    while (q < this.end) {
      const c = text.charCodeAt(q);
      if (c === 39) {
        if (text.charCodeAt(q + 1) === 39 && q + 1 < this.end) { q += 2; continue; }
        return q;
      }
      q++;
    }
    return -1;
  }

  private singleQuoted(p: number, scanStart: number, ws: boolean, mode: LexMode): PsToken {
    const close = this.findSingleClose(p + 1);
    const end = close < 0 ? this.end : close;
    const raw = this.pool.slice(this.text, p + 1, end);
    if (close < 0) this.err('TerminatorExpectedAtEndOfString', p, this.end, true, "'");
    // Most strings have no doubled quote: skip the regex replace (a tenth of a real script's lexing time).
    const value = raw.indexOf("''") < 0 ? raw : raw.replace(/''/g, "'");
    const data: StringData = { quote: 'single', value, parts: null, raw };
    return this.mk(T.StringLiteral, p, close < 0 ? this.end : close + 1, scanStart, ws, mode, data);
  }

  private doubleQuoted(p: number, scanStart: number, ws: boolean, mode: LexMode): PsToken {
    const b = new PartsBuilder();
    const r = this.scanDoubleBody(p + 1, b, true);
    if (!r.terminated) this.err('TerminatorExpectedAtEndOfString', p, this.end, true, '"');
    const raw = this.pool.slice(this.text, p + 1, r.terminated ? r.pos - 1 : r.pos);
    const data = b.finish('double', raw);
    return this.mk(data.parts ? T.StringExpandable : T.StringLiteral, p, r.pos, scanStart, ws, mode, data);
  }

  /** Scans double-quoted content from `q` up to and including the closing quote (when `quoted`) or `limit`. */
  private scanDoubleBody(q: number, b: PartsBuilder, quoted: boolean, limit = this.end): { pos: number; terminated: boolean } {
    const text = this.text;
    let run = q;
    while (q < limit) {
      const c = text.charCodeAt(q);
      if (c !== 34 && c !== 96 && c !== 36) { q++; continue; }
      if (q > run) b.lit += text.slice(run, q);
      if (quoted && c === 34) {
        if (text.charCodeAt(q + 1) === 34 && q + 1 < limit) { b.lit += '"'; q += 2; run = q; continue; }
        return { pos: q + 1, terminated: true };
      }
      if (c === 96 && q + 1 < limit) q = this.escape(q, b);
      else if (c === 36 && q + 1 < limit) q = this.scanDollar(q, b, true, limit);
      else { b.lit += text[q]; q++; }
      run = q;
    }
    if (q > run) b.lit += text.slice(run, q);
    return { pos: limit, terminated: !quoted };
  }

  /** `$...` inside an expandable string or bareword: variable, `$( )`, or a literal `$`. */
  private scanDollar(q: number, b: PartsBuilder, inString: boolean, limit = this.end): number {
    const text = this.text;
    const c1 = text.charCodeAt(q + 1);
    if (c1 === 40) {
      const close = skipBalanced(text, q + 2, limit);
      if (close < 0) {
        this.err('TerminatorExpectedAtEndOfString', q, limit, true, inString ? '"' : ')');
        b.push({ kind: 'sub', start: q, end: limit, innerStart: q + 2, innerEnd: limit });
        return limit;
      }
      b.push({ kind: 'sub', start: q, end: close + 1, innerStart: q + 2, innerEnd: close });
      return close + 1;
    }
    if (c1 === 123) {
      const saveEnd = this.end;
      this.end = limit;
      const v = this.bracedVariable(q, inString);
      const vEnd = this.varEnd;
      this.end = saveEnd;
      b.push({ kind: 'var', name: v.name, scope: v.scope, start: q, end: vEnd });
      return vEnd;
    }
    if (c1 === 36 || c1 === 94 || c1 === 63) {
      b.push({ kind: 'var', name: text[q + 1]!, scope: null, start: q, end: q + 2 });
      return q + 2;
    }
    if (!isVarChar(c1, true) || q + 1 >= limit) {
      b.lit += '$';
      return q + 1;
    }
    let r = q + 1;
    while (r < limit && isVarChar(text.charCodeAt(r), true)) r++;
    let name = text.slice(q + 1, r);
    let scope: string | null = null;
    if (text.charCodeAt(r) === 58 && r < limit && text.charCodeAt(r + 1) !== 58) {
      if (r + 1 < limit && isVarChar(text.charCodeAt(r + 1), true)) {
        scope = name.toLowerCase();
        let s = r + 1;
        while (s < limit && isVarChar(text.charCodeAt(s), true)) s++;
        name = text.slice(r + 1, s);
        r = s;
      } else if (inString) {
        this.err('InvalidVariableReferenceWithDrive', q, r + 1, false);
      }
    }
    b.push({ kind: 'var', name, scope, start: q, end: r });
    return r;
  }

  private hereString(p: number, scanStart: number, ws: boolean, mode: LexMode, expandable: boolean): PsToken {
    const text = this.text;
    let q = p + 2;
    while (q < this.end && isWs(text.charCodeAt(q))) q++;
    if (q < this.end && !isNewline(text.charCodeAt(q))) {
      this.err('UnexpectedCharactersAfterHereStringHeader', p, q, false);
      return this.mk(T.Unknown, p, p + 1, scanStart, ws, mode, null);
    }
    const quote = expandable ? '"' : "'";
    if (q >= this.end) {
      this.err('TerminatorExpectedAtEndOfString', p, this.end, true, quote + '@');
      return this.mk(expandable ? T.StringExpandable : T.StringLiteral, p, this.end, scanStart, ws, mode, { quote: expandable ? 'doubleHere' : 'singleHere', value: '', parts: expandable ? [''] : null, raw: '' } satisfies StringData);
    }
    const contentStart = q + (text.charCodeAt(q) === 13 && text.charCodeAt(q + 1) === 10 ? 2 : 1);
    // The footer must start a line: find "@ / '@ at column 1.
    let f = contentStart;
    let footer = -1;
    while (f < this.end) {
      if (text[f] === quote && text[f + 1] === '@' && f + 1 < this.end && (f === contentStart || isNewline(text.charCodeAt(f - 1)))) { footer = f; break; }
      const nl = nextLineStart(text, f, this.end);
      if (nl < 0) break;
      f = nl;
    }
    const quoteKind = expandable ? 'doubleHere' : 'singleHere';
    let contentEnd: number;
    let tokEnd: number;
    if (footer < 0) {
      this.err('TerminatorExpectedAtEndOfString', p, this.end, true, quote + '@');
      contentEnd = this.end;
      tokEnd = this.end;
    } else {
      contentEnd = footer === contentStart ? contentStart : footer - 1;
      if (contentEnd > contentStart && text.charCodeAt(contentEnd) === 10 && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
      tokEnd = footer + 2;
    }
    const raw = text.slice(contentStart, contentEnd);
    if (!expandable) return this.mk(T.StringLiteral, p, tokEnd, scanStart, ws, mode, { quote: quoteKind, value: raw, parts: null, raw } satisfies StringData);
    const b = new PartsBuilder();
    this.scanDoubleBody(contentStart, b, false, contentEnd);
    const data = b.finish(quoteKind, raw);
    return this.mk(data.parts ? T.StringExpandable : T.StringLiteral, p, tokEnd, scanStart, ws, mode, data);
  }
}

function nextLineStart(text: string, p: number, end: number): number {
  while (p < end) {
    const c = text.charCodeAt(p);
    if (c === 10) return p + 1;
    if (c === 13) return text.charCodeAt(p + 1) === 10 ? p + 2 : p + 1;
    p++;
  }
  return -1;
}

/**
 * Finds the `)` matching an already-open `(` starting at `p`, skipping strings, comments and
 * escapes (used for `$( )` inside strings, whose content is parsed separately). -1 when unbalanced.
 */
export function skipBalanced(text: string, p: number, end: number): number {
  let depth = 1;
  while (p < end) {
    const c = text.charCodeAt(p);
    switch (c) {
      case 96: p += 2; continue;
      case 40: depth++; break;
      case 41: if (--depth === 0) return p; break;
      case 39: {
        p++;
        while (p < end) {
          if (text.charCodeAt(p) === 39) { if (text.charCodeAt(p + 1) === 39) { p += 2; continue; } break; }
          p++;
        }
        break;
      }
      case 34: {
        p++;
        while (p < end) {
          const d = text.charCodeAt(p);
          if (d === 96) { p += 2; continue; }
          if (d === 34) { if (text.charCodeAt(p + 1) === 34) { p += 2; continue; } break; }
          if (d === 36 && text.charCodeAt(p + 1) === 40) {
            const close = skipBalanced(text, p + 2, end);
            if (close < 0) return -1;
            p = close + 1;
            continue;
          }
          p++;
        }
        break;
      }
      case 35: while (p < end && !isNewline(text.charCodeAt(p))) p++; continue;
      case 60:
        if (text.charCodeAt(p + 1) === 35) {
          const close = text.indexOf('#>', p + 2);
          if (close < 0) return -1;
          p = close + 2;
          continue;
        }
        break;
    }
    p++;
  }
  return -1;
}
