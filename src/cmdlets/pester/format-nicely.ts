// Pester's Format-Nicely: how values appear in assertion messages ('text', <empty>, $null, $true, @(1, 2), [int]).
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { PSType, typeOf } from '../../runtime/types/index.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { formatDateTime } from '../../runtime/types/datetime.js';

/** `[int]`, `[System.Management.Automation.RuntimeException]`: a type as `[string]$type` names it, in brackets. */
export function formatType(t: PSType | null): string {
  if (!t) return '[<none>]';
  return `[${toStr(t)}]`;
}

/** The type of a value formatted as Format-Nicely formats `$value.GetType()`. */
export function shortTypeOf(v: unknown): string {
  if (v === null || v === undefined) return '$null';
  return formatType(typeOf(v));
}

const LIMIT = 10;

export function formatNicely(v: unknown): string {
  if (v === null || v === undefined) return '$null';
  if (typeof v === 'boolean') return v ? '$true' : '$false';
  if (typeof v === 'string') return v === '' ? '<empty>' : `'${v}'`;
  if (v instanceof Date) return formatDateTime(v, 'o');
  if (v instanceof PSType) return formatType(v);
  if (v instanceof ScriptBlock) return `{${v.toString()}}`;
  if (Array.isArray(v)) {
    const shown = v.slice(0, LIMIT).map((x) => formatNicely(x));
    return `@(${shown.join(', ')}${v.length > LIMIT ? `, ...${v.length - LIMIT} more` : ''})`;
  }
  // Hashtables, dictionaries and objects: their string form (`System.Collections.Hashtable`, `@{a=1; b=2}`).
  if (v instanceof PSHashtable || v instanceof PSObject) return toStr(v);
  return toStr(v);
}

/** Pester's Format-Because: ` because <reason>,` (a trailing period of the reason is dropped). */
export function formatBecause(because: unknown): string {
  if (because === null || because === undefined || because === '') return '';
  let b = toStr(because).trim();
  if (b.endsWith('.')) b = b.slice(0, -1);
  return ` because ${b},`;
}
