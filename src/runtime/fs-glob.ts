// File system wildcard expansion, shared by the path cmdlets and native-command argument globbing (pwsh expands
// unquoted wildcards for native commands on Unix).
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { isWildcardPattern, unescapeWildcard, wildcardToRegExp } from './values/wildcard.js';

/** Where relative and drive-qualified paths are resolved from. */
export interface PathBase {
  cwd: string;
  resolvePath(path: string): string;
}

/** Hidden on Unix = a dot file. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/** Case-insensitive name order, ties broken by case (how listings sort). */
export function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isBrokenLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Expand a wildcard file system path (case-insensitive, hidden entries only with force). Sorted like listings. */
export function expandWildcardPath(base: PathBase, raw: string, force: boolean): string[] {
  const normalized = raw.replace(/\\/g, '/');
  let abs = normalized;
  const drive = /^([^:/~]+:)\/?(.*)$/.exec(normalized);
  if (drive) abs = nodePath.join(base.resolvePath(drive[1]!), drive[2]!);
  else if (abs === '~' || abs.startsWith('~/')) abs = base.resolvePath(abs);
  else if (!abs.startsWith('/')) abs = nodePath.join(base.cwd, abs);
  const segments = abs.split('/').filter((s) => s !== '');
  let current: string[] = ['/'];
  for (const seg of segments) {
    const next: string[] = [];
    if (seg === '.' || seg === '..') {
      for (const c of current) next.push(seg === '.' ? c : nodePath.dirname(c));
    } else if (isWildcardPattern(seg)) {
      const re = wildcardToRegExp(seg, false);
      for (const c of current) {
        let names: string[];
        try {
          names = fs.readdirSync(c);
        } catch {
          continue;
        }
        names.sort(compareNames);
        for (const n of names) if (re.test(n) && (force || !isHiddenName(n))) next.push(nodePath.join(c, n));
      }
    } else {
      const lit = unescapeWildcard(seg);
      for (const c of current) {
        const p = nodePath.join(c, lit);
        if (fs.existsSync(p) || isBrokenLink(p)) next.push(p);
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}
