// .NET regular expressions on top of JS RegExp: syntax translation (cached), Match objects and $Matches.
import { runtimeError } from '../errors.js';
import { PSHashtable } from './objects.js';

export interface RegexOptions {
  ignoreCase: boolean;
  multiline?: boolean;
  singleline?: boolean;
  explicitCapture?: boolean;
  ignorePatternWhitespace?: boolean;
  global?: boolean;
  /** Record group start indices (JS `d` flag); needed only for Match objects. */
  indices?: boolean;
}

/** Per compiled RegExp: the name of each JS capture group (index 1..n), null for unnamed ones. */
const groupNamesOf = new WeakMap<RegExp, (string | null)[]>();
const cache = new Map<string, RegExp>();

export function invalidRegexError(pattern: string, detail?: string): Error {
  void detail;
  return runtimeError(`The regular expression pattern ${pattern} is not valid.`, 'InvalidRegularExpression', {
    category: 'InvalidOperation',
    exceptionType: 'System.Management.Automation.RuntimeException',
    target: pattern,
  });
}

/**
 * The .NET RegexParseException message for a pattern JS rejects (`Invalid pattern 'x' at offset n. Reason`), for the
 * common mistakes: an unclosed set or group, a stray `)`, a quantifier with nothing before it, a trailing `\`.
 */
export function regexParseMessage(pattern: string): string {
  const at = (offset: number, reason: string) => `Invalid pattern '${pattern}' at offset ${offset}. ${reason}`;
  if (/(^|[^\\])(\\\\)*\\$/.test(pattern)) return at(pattern.length, 'Illegal \\ at end of pattern.');
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return at(i + 1, "Too many )'s.");
      depth--;
    } else if ('*+?'.includes(c) && (i === 0 || '(|'.includes(pattern[i - 1]))) return at(i + 1, `Quantifier '${c}' following nothing.`);
  }
  if (inClass) return at(pattern.length, 'Unterminated [] set.');
  if (depth > 0) return at(pattern.length, "Not enough )'s.");
  return at(pattern.length, 'Invalid pattern.');
}

const SYNTAX_CHARS = '\\^$.*+?()[]{}|/';

interface Translation {
  source: string;
  names: (string | null)[];
  flags: { i: boolean; m: boolean; s: boolean; x: boolean; n: boolean };
  unicode: boolean;
}

function translate(pattern: string, opts: RegexOptions): Translation {
  const flags = {
    i: opts.ignoreCase,
    m: !!opts.multiline,
    s: !!opts.singleline,
    x: !!opts.ignorePatternWhitespace,
    n: !!opts.explicitCapture,
  };
  let i = 0;
  // Leading inline options such as (?i) or (?im-s) set the flags for the whole pattern.
  for (;;) {
    const m = /^\(\?([imnsx]*)(?:-([imnsx]*))?\)/.exec(pattern.slice(i));
    if (!m || m[0] === '(?)') break;
    for (const c of m[1]) flags[c as keyof typeof flags] = true;
    for (const c of m[2] ?? '') flags[c as keyof typeof flags] = false;
    i += m[0].length;
  }
  const names: (string | null)[] = [];
  let out = '';
  let inClass = false;
  let unicode = false;
  const n = pattern.length;
  while (i < n) {
    const c = pattern[i];
    if (c === '\\') {
      const d = pattern[i + 1];
      if (d === undefined) throw invalidRegexError(pattern);
      i += 2;
      if (!inClass && d === 'A') out += '(?<![\\s\\S])';
      else if (!inClass && d === 'z') out += '(?![\\s\\S])';
      else if (!inClass && d === 'Z') out += '(?=\\n?(?![\\s\\S]))';
      else if (!inClass && d === 'G') out += '';
      else if (d === 'k' && (pattern[i] === "'" || pattern[i] === '<')) {
        const close = pattern[i] === "'" ? "'" : '>';
        const end = pattern.indexOf(close, i + 1);
        if (end < 0) throw invalidRegexError(pattern);
        out += '\\k<' + pattern.slice(i + 1, end) + '>';
        i = end + 1;
      } else if (d === 'p' || d === 'P') {
        unicode = true;
        out += '\\' + d;
      } else if (/[a-zA-Z0-9]/.test(d)) out += '\\' + d;
      // .NET lets any other character be escaped; JS only syntax characters (in unicode mode).
      else out += SYNTAX_CHARS.includes(d) || (inClass && d === '-') ? '\\' + d : d;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      if (c === '[' ) out += '\\[';
      else out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      // A ']' right after '[' or '[^' is a literal in .NET.
      if (pattern[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (flags.x && /\s/.test(c)) {
      i++;
      continue;
    }
    if (flags.x && c === '#') {
      while (i < n && pattern[i] !== '\n') i++;
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] === '?') {
        const rest = pattern.slice(i + 2);
        if (rest[0] === '#') {
          const end = pattern.indexOf(')', i);
          i = end < 0 ? n : end + 1;
          continue;
        }
        const named = /^(?:<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(rest);
        if (named) {
          const name = named[1] ?? named[2];
          names.push(name);
          out += '(?<' + name + '>';
          i += 2 + named[0].length;
          continue;
        }
        if (rest[0] === '>') {
          // Atomic group: JS has none; a plain group matches the same in the common cases.
          out += '(?:';
          i += 3;
          continue;
        }
        const scoped = /^([imnsx]*)(?:-([imnsx]*))?(:|\))/.exec(rest);
        if (scoped && (scoped[1] || scoped[2] !== undefined)) {
          // Inline options in the middle of a pattern apply to the whole pattern (JS has no scoped modifiers).
          for (const f of scoped[1]) flags[f as keyof typeof flags] = true;
          i += 2 + scoped[0].length;
          if (scoped[3] === ':') out += '(?:';
          continue;
        }
        out += '(?';
        i += 2;
        continue;
      }
      if (flags.n) out += '(?:';
      else {
        names.push(null);
        out += '(';
      }
      i++;
      continue;
    }
    if (c === '.') {
      out += flags.s ? '[\\s\\S]' : '[^\\n]';
      i++;
      continue;
    }
    if (c === '$') {
      // .NET `$` also matches before a final newline; with Multiline, before every \n.
      out += flags.m ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))';
      i++;
      continue;
    }
    if (c === '^' && flags.m) {
      out += '(?<=^|\\n)';
      i++;
      continue;
    }
    if (c === '/') out += '\\/';
    else out += c;
    i++;
  }
  return { source: out, names, flags, unicode };
}

/** Compile a .NET pattern to a JS RegExp (cached). Throws InvalidRegularExpression for bad patterns. */
export function toJsRegExp(pattern: string, options: RegexOptions): RegExp {
  const key =
    (options.ignoreCase ? 'i' : '-') + (options.multiline ? 'm' : '-') + (options.singleline ? 's' : '-') +
    (options.explicitCapture ? 'n' : '-') + (options.ignorePatternWhitespace ? 'x' : '-') +
    (options.global ? 'g' : '-') + (options.indices ? 'd' : '-') + pattern;
  let re = cache.get(key);
  if (re) return re;
  const t = translate(pattern, options);
  const flags = (t.flags.i ? 'i' : '') + (options.global ? 'g' : '') + (options.indices ? 'd' : '') + (t.unicode ? 'u' : '');
  try {
    re = new RegExp(t.source, flags);
  } catch {
    throw invalidRegexError(pattern);
  }
  groupNamesOf.set(re, t.names);
  if (cache.size > 1000) cache.clear();
  cache.set(key, re);
  return re;
}

/**
 * Regex.Split into `out`: the text around each match plus its captured groups. Empty matches split too, at the
 * start and end included ('abc' split by '' is '', a, b, c, ''). `max` > 1 splits at the first max-1 matches;
 * -split's negative limit (< -1) at the last ones; 1 or -1 keeps the input whole; 0 has no limit.
 */
export function splitByRegExp(input: string, re: RegExp, max: number, out: string[]): void {
  if (max === 1 || max === -1) {
    out.push(input);
    return;
  }
  const matches: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    matches.push(m);
    if (m[0].length === 0) {
      if (re.lastIndex >= input.length) break;
      re.lastIndex++;
    }
  }
  re.lastIndex = 0;
  const used = max > 1 ? matches.slice(0, max - 1) : max < 0 ? matches.slice(Math.max(0, matches.length + max + 1)) : matches;
  let last = 0;
  for (const mm of used) {
    out.push(input.slice(last, mm.index));
    for (let g = 1; g < mm.length; g++) if (mm[g] !== undefined) out.push(mm[g]!);
    last = mm.index + mm[0].length;
  }
  out.push(input.slice(last));
}

/** Escape regex metacharacters (Regex.Escape). */
export function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|#\s]/g, (c) =>
    c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : c === '\f' ? '\\f' : '\\' + c,
  );
}

/** .NET group order: 0, the unnamed groups in order, then the named groups. Each entry: [name, JS index]. */
export function netGroupOrder(re: RegExp, jsGroupCount: number): [string, number][] {
  const names = groupNamesOf.get(re) ?? [];
  const order: [string, number][] = [['0', 0]];
  let num = 0;
  for (let j = 1; j <= jsGroupCount; j++) if (!names[j - 1]) order.push([String(++num), j]);
  for (let j = 1; j <= jsGroupCount; j++) {
    const nm = names[j - 1];
    if (nm) order.push([nm, j]);
  }
  return order;
}

// Fields are declared in .NET's reflection order (derived class first: Match's Groups, then Group's Success, Name,
// Captures, then Capture's Index, Length, Value), which is the order Format-List and Select-Object * show.
export class RegexCapture {
  readonly Index: number;
  readonly Length: number;
  readonly Value: string;
  constructor(Value: string, Index: number, Length: number) {
    this.Index = Index;
    this.Length = Length;
    this.Value = Value;
  }
  toString(): string {
    return this.Value;
  }
}

export class RegexGroup {
  readonly Success: boolean;
  readonly Name: string;
  readonly Captures: RegexCapture[];
  readonly Index: number;
  readonly Length: number;
  readonly Value: string;
  constructor(Name: string, Value: string, Index: number, Length: number, Success: boolean) {
    this.Success = Success;
    this.Name = Name;
    this.Captures = Success ? [new RegexCapture(Value, Index, Length)] : [];
    this.Index = Index;
    this.Length = Length;
    this.Value = Value;
  }
  toString(): string {
    return this.Value;
  }
}

/** GroupCollection: indexable by number (`[1]`) and by name (`['name']`), enumerable in .NET order. */
export class RegexGroupCollection {
  [key: string]: unknown;
  readonly items: RegexGroup[];
  constructor(items: RegexGroup[]) {
    this.items = items;
    for (let j = 0; j < items.length; j++) {
      this[j] = items[j];
      this[items[j].Name] = items[j];
    }
  }
  get Count(): number {
    return this.items.length;
  }
  get Keys(): string[] {
    return this.items.map((g) => g.Name);
  }
  /** Lookup by number or name; a missing group is an unsuccessful empty group, as in .NET. */
  get(key: number | string): RegexGroup {
    const g = typeof key === 'number' ? this.items[key] : (this[key] as RegexGroup | undefined);
    return g instanceof RegexGroup ? g : new RegexGroup(String(key), '', 0, 0, false);
  }
  [Symbol.iterator](): Iterator<RegexGroup> {
    return this.items[Symbol.iterator]();
  }
}

/** System.Text.RegularExpressions.Match. */
export class RegexMatch {
  readonly Groups: RegexGroupCollection;
  readonly Success: boolean;
  readonly Name = '0';
  readonly Captures: RegexCapture[];
  readonly Index: number;
  readonly Length: number;
  readonly Value: string;
  /**
   * Where NextMatch() continues: the types layer sets it on matches of a Regex. Declared only (not an own property
   * until set, and then non-enumerable) so it never shows as a member.
   */
  declare nextMatch?: () => RegexMatch;
  constructor(Value: string, Index: number, Length: number, Success: boolean, Groups: RegexGroupCollection) {
    this.Groups = Groups;
    this.Success = Success;
    this.Captures = Success ? [new RegexCapture(Value, Index, Length)] : [];
    this.Index = Index;
    this.Length = Length;
    this.Value = Value;
  }
  toString(): string {
    return this.Value;
  }
}

/** The .NET Match for a JS exec result (`re` is the RegExp it came from, for group names). */
export function makeMatchObject(m: RegExpExecArray | null, input: string, re?: RegExp): RegexMatch {
  if (!m) return new RegexMatch('', 0, 0, false, new RegexGroupCollection([new RegexGroup('0', '', 0, 0, false)]));
  const order = re ? netGroupOrder(re, m.length - 1) : defaultOrder(m);
  const groups: RegexGroup[] = [];
  for (const [name, j] of order) {
    const v = m[j];
    if (v === undefined) {
      groups.push(new RegexGroup(name, '', 0, 0, false));
      continue;
    }
    let idx: number;
    const ind = (m as RegExpExecArray & { indices?: [number, number][] }).indices;
    if (j === 0) idx = m.index;
    else if (ind && ind[j]) idx = ind[j][0];
    else {
      // Without the `d` flag: the first occurrence inside the match (exact in the usual cases).
      const rel = m[0].indexOf(v);
      idx = rel >= 0 ? m.index + rel : m.index;
    }
    groups.push(new RegexGroup(name, v, idx, v.length, true));
  }
  void input;
  return new RegexMatch(m[0], m.index, m[0].length, true, new RegexGroupCollection(groups));
}

function defaultOrder(m: RegExpExecArray): [string, number][] {
  const order: [string, number][] = [];
  const named = new Map<number, string>();
  if (m.groups) {
    // Without the RegExp we cannot map names to indices exactly; match them by value position.
    for (const [k, v] of Object.entries(m.groups)) {
      for (let j = 1; j < m.length; j++) if (m[j] === v && !named.has(j)) {
        named.set(j, k);
        break;
      }
    }
  }
  order.push(['0', 0]);
  let num = 0;
  for (let j = 1; j < m.length; j++) if (!named.has(j)) order.push([String(++num), j]);
  for (const [j, k] of named) order.push([k, j]);
  return order;
}

/**
 * $Matches for a successful -match: keys are group numbers (Int32) and names (strings), only successful groups.
 * Inserted named groups first, then numbers from highest to 0 (the order pwsh displays them in).
 */
export function matchesTable(m: RegExpExecArray, re?: RegExp): PSHashtable {
  const h = new PSHashtable();
  const order = re ? netGroupOrder(re, m.length - 1) : defaultOrder(m);
  for (let k = order.length - 1; k >= 0; k--) {
    const [name, j] = order[k];
    const v = m[j];
    if (v === undefined) continue;
    h.set(/^\d+$/.test(name) ? Number(name) : name, v);
  }
  return h;
}
