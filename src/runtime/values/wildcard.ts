// PowerShell wildcard patterns (WildcardPattern): * ? [abc] [a-z], backtick escapes; whole-string, invariant case.
import { runtimeError } from '../errors.js';

const cache = new Map<string, RegExp>();

/** Does `s` contain an unescaped wildcard character (* ? [)? */
export function isWildcardPattern(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '`') {
      i++;
      continue;
    }
    if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Escape wildcard characters with backticks (WildcardPattern.Escape). */
export function escapeWildcard(s: string): string {
  return s.replace(/[*?[\]`]/g, '`$&');
}

/** Remove backtick escapes from a pattern (WildcardPattern.Unescape). */
export function unescapeWildcard(s: string): string {
  return s.replace(/`(.)/g, '$1');
}

function escapeRegexChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c;
}

function invalidPattern(pattern: string): Error {
  return runtimeError(
    `The specified wildcard character pattern is not valid: ${pattern}`,
    'RuntimeException',
    { category: 'InvalidArgument', exceptionType: 'System.Management.Automation.WildcardPatternException' },
  );
}

/** Compile a wildcard pattern to an anchored RegExp (cached). */
export function wildcardToRegExp(pattern: string, caseSensitive: boolean): RegExp {
  const key = (caseSensitive ? 'c' : 'i') + pattern;
  let re = cache.get(key);
  if (re) return re;
  let src = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '`') {
      // A trailing backtick matches nothing more (pwsh treats it as a literal end).
      if (i + 1 < pattern.length) src += escapeRegexChar(pattern[++i]);
      continue;
    }
    if (c === '*') src += '[\\s\\S]*';
    else if (c === '?') src += '[\\s\\S]';
    else if (c === '[') {
      let j = i + 1;
      let cls = '';
      let closed = false;
      for (; j < pattern.length; j++) {
        const d = pattern[j];
        if (d === ']' && cls.length > 0) {
          closed = true;
          break;
        }
        if (d === '`' && j + 1 < pattern.length) {
          cls += '\\' + pattern[++j];
          continue;
        }
        if (d === '-' && cls.length > 0 && j + 1 < pattern.length && pattern[j + 1] !== ']') cls += '-';
        else cls += d === '\\' || d === '^' || d === ']' || d === '[' || d === '-' ? '\\' + d : d;
      }
      if (!closed) throw invalidPattern(pattern);
      src += '[' + cls + ']';
      i = j;
    } else src += escapeRegexChar(c);
  }
  src += '$';
  re = new RegExp(src, caseSensitive ? '' : 'i');
  if (cache.size > 500) cache.clear();
  cache.set(key, re);
  return re;
}

/** `-like`: does the whole string match the wildcard pattern? */
export function wildcardMatch(s: string, pattern: string, caseSensitive: boolean): boolean {
  return wildcardToRegExp(pattern, caseSensitive).test(s);
}
