// The session-state drives `variable:`, `function:` and `alias:` for Get-Item, Test-Path and Get-ChildItem.
import type { CmdletContext, CommandInfo } from '../../runtime/cmdlet-api.js';
import type { PSObject } from '../../runtime/values/objects.js';
import { isWildcardPattern } from '../../runtime/values/wildcard.js';
import { nameMatcher } from './util.js';
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
