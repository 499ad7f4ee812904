// CommandInfo.Parameters as pwsh gives it: a case-insensitive Dictionary[string, ParameterMetadata] of every
// parameter, the common parameters included for cmdlets and advanced functions (`.Parameters.Keys`,
// `.Parameters['Path'].ParameterType`, `.ContainsKey('WhatIf')` are common in real scripts).
import type { CommandInfo } from '../../runtime/cmdlet-api.js';
import type { ParamMeta } from '../../runtime/interpreter/binder.js';
import { cmdletMetadata } from '../../runtime/interpreter/cmdlet-processor.js';
import { PSObject } from '../../runtime/values/objects.js';
import { PSDictionary, resolveType } from '../../runtime/types/index.js';

const ALL_SETS = '__AllParameterSets';

/** The parameters a command binds (declared and common), or [] when they cannot be known. */
function parametersOf(c: CommandInfo): ParamMeta[] {
  if (c.decl) return cmdletMetadata(c.decl).params;
  try {
    return c.parameterMetadata?.() ?? [];
  } catch {
    // An attribute that cannot be evaluated outside a call: the function's parameters are not listed.
    return [];
  }
}

function parameterMetadata(p: ParamMeta): PSObject {
  const sets = new PSDictionary(resolveType('string'), null, true);
  const mandatory = p.mandatory;
  for (const set of p.parameterSets?.length ? p.parameterSets : [ALL_SETS]) {
    const isMandatory = mandatory === true || (Array.isArray(mandatory) && mandatory.includes(set));
    const info = PSObject.fromEntries([
      ['Position', p.position ?? -2147483648],
      ['IsMandatory', isMandatory],
      ['ValueFromPipeline', !!p.valueFromPipeline],
      ['ValueFromPipelineByPropertyName', !!p.valueFromPipelineByPropertyName],
      ['ValueFromRemainingArguments', !!p.valueFromRemainingArguments],
      ['HelpMessage', p.helpMessage ?? null],
    ]);
    info.typeNames = ['System.Management.Automation.ParameterSetMetadata', 'System.Object'];
    sets.set(set, info);
  }
  const o = PSObject.fromEntries([
    ['Name', p.name],
    ['ParameterType', resolveType(p.isSwitch ? 'switch' : p.typeName) ?? resolveType('object')],
    ['ParameterSets', sets],
    ['IsDynamic', false],
    ['Aliases', [...(p.aliases ?? [])]],
    ['Attributes', []],
    ['SwitchParameter', p.isSwitch],
  ]);
  o.typeNames = ['System.Management.Automation.ParameterMetadata', 'System.Object'];
  return o;
}

/** `(Get-Command x).Parameters`. */
export function parameterDictionary(c: CommandInfo): PSDictionary {
  const d = new PSDictionary(resolveType('string'), resolveType('System.Management.Automation.ParameterMetadata'), true);
  for (const p of parametersOf(c)) d.set(p.name, parameterMetadata(p));
  return d;
}
