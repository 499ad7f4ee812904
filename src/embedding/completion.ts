// Tab completion (shell.complete): command names, parameter names of the command under the cursor, parameter
// values (validate sets, [ArgumentCompletions]-style lists such as AWS enums, -Region, -ProfileName), variables and
// members of a variable's value, and file paths.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { ParameterDecl } from '../runtime/cmdlet-api.js';
import { COMMON_PARAMETERS, SHOULD_PROCESS_PARAMETERS } from '../runtime/interpreter/binder.js';
import type { Session } from '../runtime/interpreter/session.js';
import type { ScriptBlock } from '../runtime/interpreter/scriptblock.js';
import type { Scope } from '../runtime/interpreter/scope.js';
import { getProperties, getMember } from '../runtime/types/members.js';
import { PSHashtable } from '../runtime/values/objects.js';

export interface Completion {
  start: number;
  end: number;
  matches: string[];
}

/** The word under the cursor and what comes before it. */
interface Context {
  word: string;
  start: number;
  /** The command name of the pipeline element the cursor is in (null when the word is the command itself). */
  command: string | null;
  /** The parameter before the word (`-Region` in `Get-X -Region us-<Tab>`), without the dash. */
  previousParameter: string | null;
  /** The word follows an opening quote (`-OfferingType 'No<Tab>`). */
  quoted: boolean;
}

const wordPattern = /[^\s|;(){}=,'"]*$/;

function analyse(before: string): Context {
  const word = wordPattern.exec(before)![0];
  const start = before.length - word.length;
  // The pipeline element: text after the last `|`, `;`, `(` or `{` (quotes are rare enough to ignore here).
  const elementStart = Math.max(before.lastIndexOf('|', start - 1), before.lastIndexOf(';', start - 1), before.lastIndexOf('{', start - 1), before.lastIndexOf('(', start - 1)) + 1;
  // An opening quote right before the word belongs to the word, not to the tokens before it.
  const quoted = start > 0 && /['"]/.test(before[start - 1]!);
  const tokens = before.slice(elementStart, quoted ? start - 1 : start).trim().split(/\s+/).filter(Boolean);
  const command = tokens.length > 0 ? tokens[0]! : null;
  const last = tokens[tokens.length - 1];
  const previousParameter = tokens.length > 1 && last && /^-[A-Za-z]/.test(last) ? last.slice(1).replace(/:$/, '') : null;
  return { word, start, command, previousParameter, quoted };
}

export async function completeInput(session: Session, line: string, cursor: number, home: string): Promise<Completion> {
  const before = line.slice(0, cursor);
  const ctx = analyse(before);
  const { word, start } = ctx;
  const done = (matches: string[]): Completion => ({ start, end: cursor, matches: [...new Set(matches)] });
  if (word.startsWith('$')) return done(word.includes('.') ? memberMatches(session, word) : variableMatches(session, word));
  if (ctx.command === null) {
    if (/[\\/]/.test(word) || word.startsWith('.') || word.startsWith('~')) return done(pathMatches(session, word, home));
    return done(await commandMatches(session, word));
  }
  if (word.startsWith('-')) return done(await parameterMatches(session, ctx.command, word));
  if (ctx.previousParameter) {
    const values = await parameterValueMatches(session, ctx.command, ctx.previousParameter, word, home, ctx.quoted);
    if (values) return done(values);
  }
  return done(pathMatches(session, word, home));
}

const startsWith = (prefix: string) => {
  const p = prefix.toLowerCase();
  return (s: string) => s.toLowerCase().startsWith(p);
};

async function commandMatches(session: Session, word: string): Promise<string[]> {
  if (word === '') return [];
  // AWS cmdlets load on first use; completion counts as a use.
  await session.loadAllCommands();
  const match = startsWith(word);
  const names: string[] = [];
  // Walking the maps directly: getCommands() builds a CommandInfo for each of 4,000 commands (~40 ms).
  for (let scope: Scope | null = session.currentScope(); scope; scope = scope.parent) {
    for (const a of scope.aliases?.values() ?? []) if (match(a.name)) names.push(a.name);
    for (const f of scope.functions?.values() ?? []) if (match(f.name)) names.push(f.name);
  }
  for (const d of session.cmdlets.values()) if (match(d.name)) names.push(d.name);
  return names.sort((a, b) => a.localeCompare(b));
}

function variableMatches(session: Session, word: string): string[] {
  const braced = word.startsWith('${');
  const prefix = word.slice(braced ? 2 : 1);
  const scoped = /^(global|script|local|env):/i.exec(prefix);
  if (scoped && scoped[1]!.toLowerCase() === 'env') {
    const rest = prefix.slice(4);
    return Object.keys(session.env).filter(startsWith(rest)).sort().map((n) => `$env:${n}`);
  }
  const names = session.getVariableInfos().map((v) => v.Name).filter(startsWith(prefix)).sort((a, b) => a.localeCompare(b));
  return names.map((n) => (braced || /[^\w:?]/.test(n) ? `\${${n}}` : `$${n}`));
}

/** `$r.Instances.Sta` → the members of `$r.Instances` starting with `Sta`. */
function memberMatches(session: Session, word: string): string[] {
  const parts = word.slice(1).split('.');
  const partial = parts.pop()!;
  let value: unknown = session.getVariableFrom(session.globalFrame, parts[0]!);
  for (const p of parts.slice(1)) {
    value = memberValue(value, p);
    if (value === null || value === undefined) return [];
  }
  const base = `$${parts.join('.')}.`;
  return memberNames(value).filter(startsWith(partial)).map((n) => base + n);
}

function memberValue(v: unknown, name: string): unknown {
  // Member enumeration: `$list.Name` is the Name of each item; completion looks at the first.
  if (Array.isArray(v)) v = v[0];
  try {
    return getMember(v, name);
  } catch {
    return null;
  }
}

function memberNames(v: unknown): string[] {
  if (Array.isArray(v)) {
    const own = getProperties(v).map((p) => p.name);
    // Member enumeration makes the items' members the interesting ones: list them first.
    return [...new Set([...(v.length > 0 ? memberNames(v[0]) : []), ...own])];
  }
  const names = getProperties(v).map((p) => p.name);
  if (v instanceof PSHashtable) {
    for (const k of v.keys()) if (typeof k === 'string') names.unshift(k);
  } else if (v && typeof v === 'object' && names.length === 0) {
    names.push(...Object.keys(v));
  }
  return names;
}

function parametersOf(session: Session, name: string): ParameterDecl[] {
  const info = session.resolveCommand(name);
  if (!info) return [];
  const target = info.CommandType === 'Alias' && info.ResolvedCommand ? info.ResolvedCommand : info;
  if (target.CommandType === 'Cmdlet') {
    const decl = target.decl ?? session.getCmdletDecl(target.Name);
    if (!decl) return [];
    return [...decl.parameters, ...COMMON_PARAMETERS, ...(decl.supportsShouldProcess ? SHOULD_PROCESS_PARAMETERS : [])];
  }
  const sb = (target as { ScriptBlock?: ScriptBlock }).ScriptBlock;
  const params = sb?.ast.paramBlock?.parameters ?? [];
  const advanced = !!sb?.ast.paramBlock?.attributes.some((a) => /^(cmdletbinding|parameter)$/i.test(a.typeName.name));
  return [...params.map((p) => ({ name: p.name }) as ParameterDecl), ...(advanced ? COMMON_PARAMETERS : [])];
}

async function parameterMatches(session: Session, command: string, word: string): Promise<string[]> {
  if (!session.resolveCommand(command)) await session.loadAllCommands();
  const prefix = word.slice(1);
  return parametersOf(session, command).filter((p) => !p.dontShow).map((p) => p.name).filter(startsWith(prefix)).map((n) => `-${n}`);
}

async function parameterValueMatches(session: Session, command: string, parameter: string, word: string, home: string, quoted: boolean): Promise<string[] | null> {
  const p = parameter.toLowerCase();
  if (p === 'profilename' || p === 'profile' || p === 'storedcredentials') return profileNames(session, home).filter(startsWith(word));
  if (p === 'region') {
    const { publicRegions, chinaRegions, govCloudRegions } = await import('../cmdlets/aws/runtime/regions.js');
    return [...publicRegions, ...chinaRegions, ...govCloudRegions].map((r) => r[0]).filter(startsWith(word));
  }
  if (!session.resolveCommand(command)) await session.loadAllCommands();
  const decl = parameterNamed(parametersOf(session, command), p);
  const set = decl?.validateSet ?? (decl && /^(ErrorAction|WarningAction|InformationAction|ProgressAction)$/.test(decl.name) ? ['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Break'] : null);
  const offered = set ?? (typeof decl?.argumentCompletions === 'function' ? await decl.argumentCompletions() : decl?.argumentCompletions);
  // Inside an opening quote a value is completed as is; outside, one the parser would split gets quoted.
  if (offered) return offered.filter(startsWith(word)).map((v) => (quoted ? v : quoteArgument(v)));
  if (decl && typeof decl.type === 'string' && /^(switch|bool|int|long|double)$/i.test(decl.type)) return [];
  return null;
}

/** The parameter a (lower-case) name means: its name, an alias, or else a unique prefix of a name, as the binder resolves it. */
function parameterNamed(params: ParameterDecl[], p: string): ParameterDecl | undefined {
  const exact = params.find((d) => d.name.toLowerCase() === p || d.aliases?.some((a) => a.toLowerCase() === p));
  if (exact) return exact;
  const byPrefix = params.filter((d) => d.name.toLowerCase().startsWith(p));
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

/** A value as an argument: single-quoted when the parser would otherwise split or expand it (`'Linux/UNIX (Amazon VPC)'`). */
function quoteArgument(v: string): string {
  return /[\s'"`$&|;,(){}<>@#\u2018\u2019\u201c\u201d]/.test(v) ? `'${v.replace(/['\u2018\u2019]/g, "''")}'` : v;
}

/** Profile names from the shared credentials and config files (`[name]` and `[profile name]` sections). */
function profileNames(session: Session, home: string): string[] {
  const env = session.env;
  const files = [env.AWS_SHARED_CREDENTIALS_FILE || nodePath.join(home, '.aws', 'credentials'), env.AWS_CONFIG_FILE || nodePath.join(home, '.aws', 'config')];
  const names = new Set<string>();
  for (const file of files) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(/^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]/gm)) if (!m[1]!.startsWith('sso-session')) names.add(m[1]!);
  }
  return [...names].sort();
}

/** File and folder names; folders get a trailing `/`; names with spaces are quoted. */
function pathMatches(session: Session, word: string, home: string): string[] {
  const unquoted = word.replace(/^['"]/, '');
  const slash = Math.max(unquoted.lastIndexOf('/'), unquoted.lastIndexOf('\\'));
  const dirPart = slash >= 0 ? unquoted.slice(0, slash + 1) : '';
  const namePart = slash >= 0 ? unquoted.slice(slash + 1) : unquoted;
  let dir: string;
  try {
    const expanded = dirPart.startsWith('~') ? home + dirPart.slice(1) : dirPart;
    dir = session.resolvePath(expanded === '' ? '.' : expanded);
  } catch {
    return []; // restricted shells: outside the root
  }
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of entries.filter(startsWith(namePart)).sort((a, b) => a.localeCompare(b))) {
    let isDir = false;
    try {
      isDir = statSync(nodePath.join(dir, name)).isDirectory();
    } catch {
      // a broken link completes as a file
    }
    const text = dirPart + name + (isDir ? '/' : '');
    out.push(/[\s'"$`]/.test(text) ? `'${text.replace(/'/g, "''")}'` : text);
  }
  return out;
}
