// Helpers shared by the core cmdlets: property access, enumeration, wildcards, script-block results.
import { adapterOf } from '../../runtime/types/adapted.js';
import { PSObject, PSHashtable } from '../../runtime/values/objects.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { wildcardToRegExp, isWildcardPattern } from '../../runtime/values/wildcard.js';
import { getMember, getEnumerable, typeNamesOf, dateTimePropertyNames } from '../../runtime/types/index.js';
import type { CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSRuntimeError } from '../../runtime/errors.js';

export const UTILITY_MODULE = 'Microsoft.PowerShell.Utility';
export const CORE_MODULE = 'Microsoft.PowerShell.Core';
export const MANAGEMENT_MODULE = 'Microsoft.PowerShell.Management';

export function isPromise(v: unknown): v is Promise<unknown> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

/** A script block value. Plain JS functions count too (embedders and tests pass them; ctx.invokeScript runs them). */
export function isScriptBlockValue(v: unknown): boolean {
  return v instanceof ScriptBlock || typeof v === 'function';
}

/** The value of a property, as `$obj.Name` reads it; dictionaries' keys come first (as pwsh's property expressions do). */
export function getProp(obj: unknown, name: string): unknown {
  if (obj === null || obj === undefined) return null;
  if (obj instanceof PSHashtable && obj.has(name)) return obj.get(name);
  const v = getMember(obj, name);
  return v === undefined ? null : v;
}

/** Names of an object's properties, in order (for `Select-Object *`, wildcard property names, Compare-Object...). */
export function propertyNames(obj: unknown): string[] {
  if (obj === null || obj === undefined) return [];
  if (obj instanceof PSObject) {
    const names: string[] = [];
    for (const m of obj.properties()) names.push(m.name);
    if (names.length === 0 && obj.baseObject !== undefined && obj.baseObject !== null) return propertyNames(obj.baseObject);
    return names;
  }
  if (obj instanceof PSHashtable) return ['IsReadOnly', 'IsFixedSize', 'IsSynchronized', 'Keys', 'Values', 'SyncRoot', 'Count'];
  if (typeof obj === 'string') return ['Length'];
  const adapter = adapterOf(obj);
  if (adapter) return adapter.propertyNames(obj as object);
  if (typeof obj !== 'object') return [];
  if (Array.isArray(obj)) return ['Length', 'LongLength', 'Rank', 'SyncRoot', 'IsReadOnly', 'IsFixedSize', 'IsSynchronized', 'Count'];
  if (obj instanceof Date) return dateTimePropertyNames(obj);
  const proto = Object.getPrototypeOf(obj);
  if (proto === Object.prototype || proto === null) return Object.keys(obj);
  // Class instances: own enumerable fields plus getters on the prototype chain (the .NET-like surface).
  const names = new Set<string>();
  for (const k of Object.keys(obj)) if (!k.startsWith('_')) names.add(k);
  for (let p = proto; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) {
      if (d.get && !k.startsWith('_')) names.add(k);
    }
  }
  return [...names];
}

/** Items of a collection (arrays, enumerables), or null when the value is a scalar. */
export function enumerateValue(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined || typeof v !== 'object') return null;
  if (v instanceof PSObject || v instanceof PSHashtable) return null;
  const e = getEnumerable(v);
  return e ? [...(e as Iterable<unknown>)] : null;
}

/** Flatten a value into items as the pipeline would (one level). */
export function toItems(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  return enumerateValue(v) ?? [v];
}

/** Output collected from a script block as pwsh's "return as is": nothing → null, one → it, several → array. */
export function unwrapOutput(out: unknown[] | void): unknown {
  if (!out || out.length === 0) return null;
  return out.length === 1 ? out[0] : out;
}

/** Run a script block with `$_` = item and return its unwrapped output (maybe asynchronously). */
export function evalScript(ctx: CmdletContext, sb: unknown, item: unknown): unknown {
  const r = ctx.invokeScript(sb, { dollarUnder: item });
  return isPromise(r) ? r.then((o) => unwrapOutput(o as unknown[])) : unwrapOutput(r as unknown[]);
}

export interface NameMatcher {
  test(name: string): boolean;
}

/** A case-insensitive wildcard matcher for names (`Get-Variable -Name a*`). */
export function nameMatcher(pattern: string): NameMatcher {
  if (!isWildcardPattern(pattern)) {
    const lower = pattern.toLowerCase();
    return { test: (n) => n.toLowerCase() === lower };
  }
  return wildcardToRegExp(pattern, false);
}

export function matchesAny(name: string, patterns: NameMatcher[]): boolean {
  for (const p of patterns) if (p.test(name)) return true;
  return false;
}

/** The first type name of a value without its namespace prefix handling (for Selected.<Type>). */
export function primaryTypeName(v: unknown): string {
  const names = typeNamesOf(v);
  return names && names.length > 0 ? names[0] : 'System.Object';
}

/** Run fn for each item in order, awaiting only when a step returns a Promise. */
export function forEachMaybeAsync<T>(items: readonly T[], fn: (item: T, i: number) => void | Promise<void>, start = 0): void | Promise<void> {
  for (let i = start; i < items.length; i++) {
    const r = fn(items[i], i);
    if (isPromise(r)) return r.then(() => forEachMaybeAsync(items, fn, i + 1));
  }
}

export function asStringArray(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v.map((x) => String(x)) : [String(v)];
}

/** Commands that list or describe all commands first load the command sets that load lazily (AWS). */
export function loadAllCommands(ctx: { session: unknown }): void | Promise<void> {
  return (ctx.session as { loadAllCommands?: () => Promise<void> | undefined }).loadAllCommands?.();
}

function sessionErrorDetails(e: unknown) {
  const r = e instanceof PSRuntimeError ? e.errorRecord : null;
  if (!r || r.FullyQualifiedErrorId.includes(',')) return null;
  return {
    message: r.Exception.Message,
    errorId: r.FullyQualifiedErrorId,
    category: r.CategoryInfo.Category,
    targetObject: r.TargetObject,
    exceptionType: r.Exception.typeName,
  };
}

/**
 * Runs a session-state operation (scopes, aliases, variables) for a cmdlet: its errors become the cmdlet's own,
 * with FullyQualifiedErrorId `Id,Microsoft.PowerShell.Commands.XxxCommand`, as pwsh reports them.
 */
export function asCmdletError<T>(ctx: CmdletContext, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const details = sessionErrorDetails(e);
    if (details) ctx.throwTerminating(details);
    throw e;
  }
}

/**
 * As asCmdletError, but a refusal (read-only, constant...) is written as a non-terminating error, as the variable
 * cmdlets do; a bad -Scope still terminates unless `scopeErrorsToo` (New-Alias). Returns false when it failed.
 */
export function asCmdletWriteError(ctx: CmdletContext, fn: () => void, scopeErrorsToo = false): boolean {
  try {
    fn();
    return true;
  } catch (e) {
    const details = sessionErrorDetails(e);
    if (!details) throw e;
    if (!scopeErrorsToo && /^Argument/.test(details.errorId)) ctx.throwTerminating(details);
    ctx.writeError(details);
    return false;
  }
}
