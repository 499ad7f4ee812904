// System.Text.RegularExpressions.Regex behaviour (instance and static), on the values layer's regex translation.
import { invokeScriptBlockMaybe, ScriptBlock } from '../interpreter/scriptblock.js';
import { toStr } from '../values/convert.js';
import { makeMatchObject, splitByRegExp, toJsRegExp, type RegexMatch } from '../values/regex.js';
import { PSRegex, RegexOptionFlags as F } from './simple-values.js';

export function jsRegExp(r: PSRegex, global: boolean): RegExp {
  const o = r.options;
  const re = toJsRegExp(r.pattern, {
    ignoreCase: (o & F.IgnoreCase) !== 0,
    multiline: (o & F.Multiline) !== 0,
    singleline: (o & F.Singleline) !== 0,
    explicitCapture: (o & F.ExplicitCapture) !== 0,
    ignorePatternWhitespace: (o & F.IgnorePatternWhitespace) !== 0,
    global,
    indices: true,
  });
  re.lastIndex = 0;
  return re;
}

export function regexMatch(r: PSRegex, input: string, start = 0): RegexMatch {
  const re = jsRegExp(r, true);
  re.lastIndex = start;
  const m = re.exec(input);
  re.lastIndex = 0;
  return resumable(makeMatchObject(m, input, re), r, input);
}

/** Lets Match.NextMatch() search on after this match (one character on after an empty match, as .NET does). */
function resumable(match: RegexMatch, r: PSRegex, input: string): RegexMatch {
  if (!match.Success) return match;
  const at = match.Index + Math.max(match.Length, 1);
  const next = () => (at > input.length ? makeMatchObject(null, input) : regexMatch(r, input, at));
  Object.defineProperty(match, 'nextMatch', { value: next, enumerable: false, configurable: true, writable: true });
  return match;
}

export function regexMatches(r: PSRegex, input: string, start = 0): RegexMatch[] {
  const re = jsRegExp(r, true);
  re.lastIndex = start;
  const out: RegexMatch[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    out.push(resumable(makeMatchObject(m, input, re), r, input));
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}

export function regexIsMatch(r: PSRegex, input: string): boolean {
  const re = jsRegExp(r, false);
  return re.test(input);
}

/** Expand a .NET replacement pattern: $1, ${name}, $$, $&, $_, $`, $'. */
function expand(rep: string, m: RegExpExecArray, input: string): string {
  return rep.replace(/\$(?:(\d+)|\{([^}]+)\}|([$&_`']))/g, (all, num: string | undefined, name: string | undefined, sym: string | undefined) => {
    if (num !== undefined) return Number(num) < m.length ? (m[Number(num)] ?? '') : all;
    if (name !== undefined) {
      if (/^\d+$/.test(name)) return Number(name) < m.length ? (m[Number(name)] ?? '') : all;
      return m.groups && name in m.groups ? (m.groups[name] ?? '') : all;
    }
    switch (sym) {
      case '$': return '$';
      case '&': return m[0];
      case '_': return input;
      case '`': return input.slice(0, m.index);
      default: return input.slice(m.index + m[0].length);
    }
  });
}

/** `[regex]::Replace`; with a script-block evaluator that runs an async command, a Promise of the result. */
export function regexReplace(r: PSRegex, input: string, replacement: unknown, count = -1): string | Promise<string> {
  const re = jsRegExp(r, true);
  let out = '';
  let last = 0;
  let n = 0;
  let m: RegExpExecArray | null;
  // With an evaluator: the text between matches and the match objects, evaluated in order afterwards (matching never
  // depends on the evaluator), so one that runs an async command can be waited for before the next runs.
  const pieces: unknown[] | null = replacement instanceof ScriptBlock ? [] : null;
  while ((count < 0 || n < count) && (m = re.exec(input)) !== null) {
    out += input.slice(last, m.index);
    if (pieces) {
      pieces.push(out, makeMatchObject(m, input, re));
      out = '';
    } else out += expand(toStr(replacement), m, input);
    last = m.index + m[0].length;
    n++;
    if (m[0] === '') {
      if (re.lastIndex < input.length) out += input[re.lastIndex];
      re.lastIndex++;
      last = re.lastIndex;
      if (last > input.length) break;
    }
  }
  re.lastIndex = 0;
  if (pieces) {
    pieces.push(out + input.slice(last));
    return evaluatePieces(replacement as ScriptBlock, pieces, 0, '');
  }
  return out + input.slice(last);
}

/** Joins text and evaluator results (`pieces` alternates text and match objects); a Promise once one goes async. */
function evaluatePieces(sb: ScriptBlock, pieces: unknown[], i: number, acc: string): string | Promise<string> {
  for (; i < pieces.length; i++) {
    const p = pieces[i];
    if (typeof p === 'string') {
      acc += p;
      continue;
    }
    const res = invokeScriptBlockMaybe(sb, { args: [p], dollarUnder: p });
    if (res instanceof Promise) {
      const next = i + 1;
      return res.then((r) => evaluatePieces(sb, pieces, next, acc + evaluated(r)));
    }
    acc += evaluated(res);
  }
  return acc;
}

function evaluated(res: unknown[]): string {
  return toStr(res.length === 1 ? res[0] : res);
}

export function regexSplit(r: PSRegex, input: string, count = 0): string[] {
  const out: string[] = [];
  splitByRegExp(input, jsRegExp(r, true), count, out);
  return out;
}

export function regexEscape(s: string): string {
  return s.replace(/[\\*+?|{[()^$.# \t\n\r\f]/g, (c) =>
    c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c === '\f' ? '\\f' : '\\' + c);
}

export function regexUnescape(s: string): string {
  return s.replace(/\\(?:t|n|r|f|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))/g, (all, hx: string | undefined, u: string | undefined, c: string | undefined) => {
    if (hx) return String.fromCharCode(parseInt(hx, 16));
    if (u) return String.fromCharCode(parseInt(u, 16));
    if (c !== undefined) return c;
    return ({ '\\t': '\t', '\\n': '\n', '\\r': '\r', '\\f': '\f' } as Record<string, string>)[all] ?? all;
  });
}
