// Pester's Format-Nicely: how values appear in assertion messages ('text', $null, $true, @(1, 2), [int]).
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { PSType, typeOf } from '../../runtime/types/index.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { isNumeric } from '../../runtime/values/numbers.js';

const SHORT_TYPES: Record<string, string> = {
  'System.String': 'string', 'System.Int32': 'int', 'System.Int64': 'long', 'System.Double': 'double', 'System.Boolean': 'bool',
  'System.Decimal': 'decimal', 'System.Object[]': 'Object[]', 'System.Collections.Hashtable': 'hashtable', 'System.Char': 'char',
  'System.Byte': 'byte', 'System.Single': 'float', 'System.Management.Automation.PSCustomObject': 'PSCustomObject',
  'System.Management.Automation.ScriptBlock': 'scriptblock', 'System.DateTime': 'datetime', 'System.Object': 'Object',
};

export function formatType(t: PSType | null): string {
  if (!t) return '[null]';
  return `[${SHORT_TYPES[t.FullName] ?? t.FullName}]`;
}

/** `[string]` etc.: the short type name of a value, for "with type ..." messages. */
export function shortTypeOf(v: unknown): string {
  if (v === null || v === undefined) return '[null]';
  if (v instanceof PSObject && !v.baseObject) return '[PSObject]';
  return formatType(typeOf(v));
}

export function formatNicely(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return '$null';
  if (typeof v === 'boolean') return v ? '$true' : '$false';
  if (typeof v === 'string') return `'${v}'`;
  if (isNumeric(v)) return toStr(v);
  if (v instanceof PSType) return formatType(v);
  if (v instanceof ScriptBlock) return `{${v.toString()}}`;
  if (Array.isArray(v)) {
    if (depth > 1) return toStr(v);
    return `@(${v.map((x) => formatNicely(x, depth + 1)).join(', ')})`;
  }
  if (v instanceof PSHashtable) {
    const parts: string[] = [];
    for (const [k, val] of v.map.values()) parts.push(`${toStr(k)}=${formatNicely(val, depth + 1)}`);
    return `@{${parts.join('; ')}}`;
  }
  if (v instanceof PSObject && !v.baseObject) {
    const parts: string[] = [];
    for (const m of v.members.values()) {
      const val = (m as { value?: unknown }).value;
      parts.push(`${(m as { name: string }).name}=${formatNicely(val, depth + 1)}`);
    }
    return `PSObject{${parts.join('; ')}}`;
  }
  if (v instanceof Date) return toStr(v);
  return toStr(v);
}

/** Pester's Format-Because: ` because <reason>,` (a trailing period of the reason is dropped). */
export function formatBecause(because: unknown): string {
  if (because === null || because === undefined || because === '') return '';
  let b = toStr(because).trim();
  if (b.endsWith('.')) b = b.slice(0, -1);
  return ` because ${b},`;
}
