// Should -HaveParameter: checks a command's parameter (presence, parameter set, mandatory, type, default value,
// argument completer, aliases) from the command info's Parameters metadata and, for script commands, the
// parameter's AST; failure messages are worded as Pester 5's.
import type * as A from '../../parser/ast.js';
import { PSObject, PSHashtable } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { PSType, resolveType } from '../../runtime/types/index.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { formatBecause, formatNicely } from './format-nicely.js';

export interface HaveParameterArgs {
  name: string;
  type: unknown;
  defaultValue: unknown;
  hasDefaultValue: boolean;
  mandatory: boolean;
  inParameterSet: string;
  hasArgumentCompleter: boolean;
  alias: string[];
  not: boolean;
  because: unknown;
}

/** Thrown for bad input (not a command, unknown type): Pester throws an ArgumentException, not an assertion failure. */
export class HaveParameterUsageError extends Error {}

/** Pester's Join-And: `a, b and c` once there are `threshold` items, `a, b` below it. */
export function joinAnd(items: string[], threshold = 2): string {
  if (items.length < threshold) return items.join(', ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function member(o: unknown, name: string): unknown {
  return o instanceof PSObject ? o.getMember(name)?.value : undefined;
}

function isCommandInfo(v: unknown): v is PSObject {
  return v instanceof PSObject && v.typeNames.some((t) => /CommandInfo$/i.test(t));
}

interface ParamSource {
  p: A.ParameterAst;
  text: string;
}

function paramAst(command: PSObject, name: string): ParamSource | null {
  const sb = member(command, 'ScriptBlock');
  if (!(sb instanceof ScriptBlock)) return null;
  const extra = (sb as ScriptBlock & { extraParameters?: A.ParameterAst[] | null }).extraParameters ?? [];
  const all = [...(sb.ast.paramBlock?.parameters ?? []), ...extra];
  const p = all.find((x) => x.name.toLowerCase() === name.toLowerCase());
  return p ? { p, text: sb.ast.source.text } : null;
}

/** The default value as Pester reads it: a constant's value, `$true`/`$false` as `true`/`false`, `$null` as '', else the code. */
function defaultText(ps: ParamSource | null): string {
  const d = ps?.p.defaultValue;
  if (!d) return '';
  const text = ps!.text.slice(d.start, d.end);
  if (d.kind === 'StringConstant') return toStr((d as A.StringConstantExpressionAst).value);
  if (d.kind === 'Constant') return toStr((d as A.ConstantExpressionAst).value);
  const lower = text.toLowerCase();
  if (lower === '$true' || lower === '$false') return lower.slice(1);
  if (lower === '$null') return '';
  return text;
}

function hasCompleterAttribute(ps: ParamSource | null): boolean {
  return !!ps?.p.attributes.some((a) => a.kind === 'Attribute' && /^(System\.Management\.Automation\.)?ArgumentCompleter(Attribute)?$/i.test(a.typeName.name));
}

function expectedType(v: unknown): PSType {
  if (v instanceof PSType) return v;
  const name = toStr(v).trim().replace(/^\[(.*)\]$/, '$1');
  const t = resolveType(name);
  if (!t) throw new HaveParameterUsageError(`Could not find type [${name}]. Make sure that the assembly that contains that type is loaded.`);
  return t;
}

/** Returns the failure message, or null when the assertion holds. */
export function checkHaveParameter(actual: unknown, a: HaveParameterArgs): string | null {
  if (!isCommandInfo(actual)) throw new HaveParameterUsageError('Input value must be non-null CommandInfo object. You can get one by calling Get-Command.');
  if (/ApplicationInfo$/i.test(actual.typeNames[0] ?? '')) throw new HaveParameterUsageError('Input value can not be an ApplicationInfo object.');
  const type = a.type === undefined || a.type === null || a.type === '' ? null : expectedType(a.type);
  const commandName = toStr(member(actual, 'Name'));
  const params = member(actual, 'Parameters');
  const meta = params instanceof PSHashtable && params.has(a.name) ? params.get(a.name) : null;
  const not = a.not;
  const filters: string[] = [`to${not ? ' not' : ''} have a parameter ${a.name}${a.inParameterSet ? ` in parameter set ${a.inParameterSet}` : ''}`];
  const buts: string[] = [];
  const sets = member(meta, 'ParameterSets');
  let setInfos: unknown[] = sets instanceof PSHashtable ? [...sets.map.values()].map(([, v]) => v) : [];
  if (!not && !meta) buts.push('the parameter is missing');
  else if (not && !meta) return null;
  else if (not && !(a.inParameterSet || a.mandatory || type || a.hasDefaultValue || a.hasArgumentCompleter)) buts.push('the parameter exists');
  else if (a.inParameterSet) {
    const inSet = sets instanceof PSHashtable && sets.has(a.inParameterSet);
    setInfos = inSet ? [(sets as PSHashtable).get(a.inParameterSet)] : [];
    if (!not && !inSet) buts.push('the parameter is missing');
    else if (not && inSet) buts.push('the parameter exists');
  }
  if (buts.length === 0) {
    if (a.mandatory) {
      const isMandatory = setInfos.some((s) => member(s, 'IsMandatory') === true);
      filters.push(`which is${not ? ' not' : ''} mandatory`);
      if (!not && !isMandatory) buts.push("it wasn't mandatory");
      else if (not && isMandatory) buts.push('it was mandatory');
    }
    if (type) {
      const actualType = member(meta, 'ParameterType') as PSType | undefined;
      const same = !!actualType && actualType.FullName.toLowerCase() === type.FullName.toLowerCase();
      filters.push(`${not ? 'not ' : ''}of type [${type.FullName}]`);
      if (!not && !same) buts.push(`it was of type [${actualType?.FullName ?? ''}]`);
      else if (not && same) buts.push(`it was of type [${type.FullName}]`);
    }
    if (a.hasDefaultValue) {
      const want = toStr(a.defaultValue);
      const got = defaultText(paramAst(actual, a.name));
      filters.push(`the default value${not ? ' not' : ''} to be ${formatNicely(want)}`);
      const same = got.toLowerCase() === want.toLowerCase();
      if (same === not) buts.push(`the default value was ${formatNicely(got)}`);
    }
    if (a.hasArgumentCompleter) {
      const has = hasCompleterAttribute(paramAst(actual, a.name));
      filters.push('has ArgumentCompletion');
      if (!not && !has) buts.push('has no ArgumentCompletion');
      else if (not && has) buts.push('has ArgumentCompletion');
    }
    if (a.alias.length) {
      const quote = (xs: string[]) => joinAnd(xs.map((x) => `'${x}'`));
      filters.push(`with${not ? 'out' : ''} alias${a.alias.length >= 2 ? 'es' : ''} ${quote(a.alias)}`);
      const aliases = ((member(meta, 'Aliases') as unknown[] | undefined) ?? []).map((x) => toStr(x).toLowerCase());
      const faulty = a.alias.filter((x) => aliases.includes(x.toLowerCase()) === not);
      if (faulty.length) {
        const what = faulty.length === 1 ? 'an alias' : 'the aliases';
        buts.push(not ? `it has ${what} ${quote(faulty)}` : `it didn't have ${what} ${quote(faulty)}`);
      }
    }
  }
  if (buts.length === 0) return null;
  const filter = joinAnd(filters, 3);
  return `Expected command ${commandName}${filter ? ` ${filter}` : ''},${formatBecause(a.because)} but ${joinAnd(buts)}.`;
}
