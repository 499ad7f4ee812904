// The session-state drives `variable:`, `function:` and `alias:` for Get-Item, Test-Path and Get-ChildItem.
import type { CmdletContext, CommandInfo } from '../../runtime/cmdlet-api.js';
import { PSObject } from '../../runtime/values/objects.js';
import { runtimeError } from '../../runtime/errors.js';
import { isWildcardPattern } from '../../runtime/values/wildcard.js';
import { isScriptBlockValue, nameMatcher } from './util.js';
import { variableObject } from './variable-cmdlets.js';
import { commandObject } from './command-cmdlets.js';

export type SessionDrive = 'Variable' | 'Function' | 'Alias';

export interface SessionDrivePath {
  drive: SessionDrive;
  /** The item name after the drive ('' for the drive root); may be a wildcard pattern. */
  name: string;
}

/** `variable:x`, `Variable:\x`, `function:/f`, `alias:`; null for any other path. */
export function parseSessionDrivePath(raw: string): SessionDrivePath | null {
  const m = /^(variable|function|alias):[\\/]?(.*)$/i.exec(raw);
  if (!m) return null;
  const drive = (m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase()) as SessionDrive;
  return { drive, name: m[2]! };
}

function commandsOf(ctx: CmdletContext, drive: 'Function' | 'Alias'): CommandInfo[] {
  const want = drive === 'Function' ? ['Function', 'Filter'] : ['Alias'];
  return ctx.session.getCommands().filter((c) => want.includes(c.CommandType));
}

/** The items a drive path names (all of them for the root), sorted by name for listings. */
export function sessionDriveItems(ctx: CmdletContext, p: SessionDrivePath): unknown[] {
  const matcher = p.name === '' ? null : nameMatcher(p.name);
  if (p.drive === 'Variable') {
    if (matcher && !isWildcardPattern(p.name)) {
      const v = ctx.session.getVariableInfo(p.name);
      return v ? [variableObject(v)] : [];
    }
    return ctx.session
      .getVariableInfos()
      .filter((v) => !matcher || matcher.test(v.Name))
      .sort((a, b) => a.Name.localeCompare(b.Name))
      .map(variableObject);
  }
  return commandsOf(ctx, p.drive)
    .filter((c) => !matcher || matcher.test(c.Name))
    .sort((a, b) => a.Name.localeCompare(b.Name))
    .map(commandObject);
}

/** Test-Path on a session drive: the root always exists; otherwise does an item match? */
export function sessionDriveHas(ctx: CmdletContext, p: SessionDrivePath): boolean {
  if (p.name === '') return true;
  return sessionDriveItems(ctx, p).length > 0;
}

/** The error for a missing item; like the env: drive, pwsh names the item without its drive. */
export function sessionDriveNotFound(p: SessionDrivePath): { message: string; errorId: string; category: string; exceptionType: string; targetObject: string } {
  return {
    message: `Cannot find path '${p.name}' because it does not exist.`,
    errorId: 'PathNotFound',
    category: 'ObjectNotFound',
    exceptionType: 'System.Management.Automation.ItemNotFoundException',
    targetObject: p.name,
  };
}

/**
 * Get-Content on a session drive: a variable's value (a collection item by item), an alias's definition, a
 * function's body; null when no item matches.
 */
export function sessionDriveContent(ctx: CmdletContext, p: SessionDrivePath): unknown[] | null {
  const items = sessionDriveItems(ctx, p);
  if (items.length === 0) return null;
  const out: unknown[] = [];
  for (const item of items) {
    const o = item as PSObject;
    if (p.drive === 'Variable') {
      const v = o.getMember('Value')?.value;
      if (Array.isArray(v)) out.push(...v);
      else out.push(v);
    } else out.push(o.getMember('Definition')?.value ?? '');
  }
  return out;
}

/** A drive item may name its scope (`function:global:f`, `variable:script:x`). */
function scopedName(name: string): { scope?: string; name: string } {
  const m = /^(global|script|local|private):(.+)$/i.exec(name);
  return m ? { scope: m[1], name: m[2] } : { name };
}

/**
 * Set-Item / New-Item on a session drive: a variable's value, an alias's target, a function's body (a script block
 * or script text; Set-Item without a value removes the function). Session errors (read-only items) propagate.
 */
export function setSessionDriveItem(ctx: CmdletContext, p: SessionDrivePath, value: unknown, hasValue: boolean): void {
  const { scope, name } = scopedName(p.name);
  if (p.drive === 'Variable') ctx.session.setVariable(name, value ?? null, { scope });
  else if (p.drive === 'Alias') ctx.session.setAlias(name, String(value ?? ''), { scope });
  else if (!hasValue || value === null || value === undefined) ctx.session.removeFunction(name, scope);
  else ctx.session.setFunction(name, functionBody(value), { scope });
}

/** A function body from a Set-Item value: a script block, script text, or an existing function's definition. */
function functionBody(value: unknown): unknown {
  if (value instanceof PSObject && value.typeNames.includes('System.Management.Automation.FunctionInfo')) {
    return String(value.getMember('Definition')?.value ?? '');
  }
  const v = value instanceof PSObject ? value.baseObject : value;
  if (typeof v === 'string' || isScriptBlockValue(v)) return v;
  throw runtimeError("Value cannot be null or an invalid type. (Parameter 'value')", 'Argument', {
    category: 'InvalidArgument',
    exceptionType: 'System.Management.Automation.PSArgumentException',
  });
}

/** Remove-Item on a session drive; false when nothing of that name exists. */
export function removeSessionDriveItem(ctx: CmdletContext, p: SessionDrivePath, force: boolean): boolean {
  const { scope, name } = scopedName(p.name);
  if (p.drive === 'Variable') {
    if (!ctx.session.getVariableInfo(name, scope)) return false;
    return ctx.session.removeVariable(name, scope, force);
  }
  if (p.drive === 'Alias') return ctx.session.removeAlias(name, scope);
  return ctx.session.removeFunction(name, scope);
}

/** Rename-Item on a session drive: the item is made under the new name, then the old one removed; false if missing. */
export function renameSessionDriveItem(ctx: CmdletContext, p: SessionDrivePath, newName: string): boolean {
  const item = sessionDriveItems(ctx, p)[0] as PSObject | undefined;
  if (!item || isWildcardPattern(p.name)) return false;
  const value = item.getMember(p.drive === 'Variable' ? 'Value' : 'Definition')?.value;
  setSessionDriveItem(ctx, { drive: p.drive, name: newName }, value, true);
  removeSessionDriveItem(ctx, p, true);
  return true;
}
