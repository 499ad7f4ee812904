// Get-Help for cmdlets, built from their CmdletDecl: NAME, SYNOPSIS, SYNTAX, DESCRIPTION, PARAMETERS.
import type { CmdletDecl, CmdletContext, ParameterDecl } from '../../runtime/cmdlet-api.js';
import { CORE_MODULE, nameMatcher } from './util.js';
import { loadAllCommands } from './util.js';

/** How a parameter type shows in syntax lines (`<string[]>`, `<Object>`, `<scriptblock>`). */
function typeLabel(p: ParameterDecl): string {
  const t = p.type ?? 'object';
  if (typeof t === 'function') return 'Object';
  const lower = t.toLowerCase();
  if (lower === 'object') return 'Object';
  if (lower === 'object[]') return 'Object[]';
  if (lower === 'psobject') return 'psobject';
  return t;
}

function isSwitch(p: ParameterDecl): boolean {
  return typeof p.type === 'string' && p.type.toLowerCase() === 'switch';
}

function inSet(p: ParameterDecl, set: string): boolean {
  return !p.parameterSets || p.parameterSets.includes(set);
}

function isMandatory(p: ParameterDecl, set: string): boolean {
  return p.mandatory === true || (Array.isArray(p.mandatory) && p.mandatory.includes(set));
}

/** The parameter set names of a cmdlet, default first (a cmdlet without sets has one, `__AllParameterSets`). */
export function parameterSetNames(decl: CmdletDecl): string[] {
  const sets: string[] = [];
  for (const p of decl.parameters) for (const s of p.parameterSets ?? []) if (!sets.includes(s)) sets.push(s);
  if (sets.length === 0) return ['__AllParameterSets'];
  const def = decl.defaultParameterSet;
  if (def && sets.includes(def)) return [def, ...sets.filter((s) => s !== def)];
  return sets;
}

/** One syntax line, as pwsh prints it: `Get-Foo [-Name] <string> [-Force] [<CommonParameters>]`. */
export function syntaxLine(decl: CmdletDecl, set: string): string {
  const params = decl.parameters.filter((p) => !p.dontShow && inSet(p, set));
  const positional = params.filter((p) => p.position !== undefined).sort((a, b) => a.position! - b.position!);
  const named = params.filter((p) => p.position === undefined);
  // pwsh lists positional parameters first, then mandatory named ones, then the rest (optional switches last).
  const ordered = [
    ...positional,
    ...named.filter((p) => isMandatory(p, set)),
    ...named.filter((p) => !isMandatory(p, set) && !isSwitch(p)),
    ...named.filter((p) => !isMandatory(p, set) && isSwitch(p)),
  ];
  const parts = [decl.name];
  for (const p of ordered) {
    const mandatory = isMandatory(p, set);
    if (isSwitch(p)) {
      parts.push(mandatory ? `-${p.name}` : `[-${p.name}]`);
      continue;
    }
    const name = p.position !== undefined ? `[-${p.name}]` : `-${p.name}`;
    const text = `${name} <${typeLabel(p)}>`;
    parts.push(mandatory ? text : `[${text}]`);
  }
  if (decl.supportsShouldProcess) parts.push('[-WhatIf]', '[-Confirm]');
  parts.push('[<CommonParameters>]');
  return parts.join(' ');
}

function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}

function parameterHelp(decl: CmdletDecl, p: ParameterDecl): string {
  const sets = p.parameterSets ?? ['(All)'];
  const required = p.mandatory === true ? 'true' : Array.isArray(p.mandatory) ? `true (${p.mandatory.join(', ')})` : 'false';
  const pipeline: string[] = [];
  if (p.valueFromPipeline) pipeline.push('ByValue');
  if (p.valueFromPipelineByPropertyName) pipeline.push('ByPropertyName');
  const lines = [
    `-${p.name} <${isSwitch(p) ? 'SwitchParameter' : typeLabel(p)}>`,
    ...(p.description ? [indent(p.description, 4), ''] : []),
    `    Required?                    ${required}`,
    `    Position?                    ${p.position !== undefined ? p.position : 'named'}`,
    `    Default value                None`,
    `    Accept pipeline input?       ${pipeline.length ? `true (${pipeline.join(', ')})` : 'false'}`,
    `    Aliases                      ${p.aliases?.length ? p.aliases.join(', ') : 'None'}`,
    `    Accept wildcard characters?  false`,
  ];
  void decl;
  void sets;
  return lines.join('\n');
}

/** The help text for a cmdlet. `detail` adds the PARAMETERS section. */
export function cmdletHelpText(decl: CmdletDecl, options: { full?: boolean; parameter?: string } = {}): string {
  if (options.parameter) {
    const m = nameMatcher(options.parameter);
    return decl.parameters
      .filter((p) => !p.dontShow && m.test(p.name))
      .map((p) => parameterHelp(decl, p))
      .join('\n\n');
  }
  const out: string[] = [];
  out.push('', 'NAME', indent(decl.name, 4), '');
  out.push('SYNOPSIS', indent(decl.synopsis ?? decl.name, 4), '', '');
  out.push('SYNTAX');
  for (const set of parameterSetNames(decl)) out.push(indent(syntaxLine(decl, set), 4), '');
  out.push('');
  out.push('DESCRIPTION', indent(decl.description ?? decl.synopsis ?? '', 4), '');
  if (options.full) {
    out.push('', 'PARAMETERS');
    for (const p of decl.parameters) if (!p.dontShow) out.push(indent(parameterHelp(decl, p), 4), '');
    if (decl.supportsShouldProcess) {
      out.push(indent('-WhatIf [<SwitchParameter>]', 4), '', indent('-Confirm [<SwitchParameter>]', 4), '');
    }
    out.push(indent('<CommonParameters>', 4));
    out.push(indent('This cmdlet supports the common parameters: Verbose, Debug,\nErrorAction, ErrorVariable, WarningAction, WarningVariable,\nOutBuffer, PipelineVariable, and OutVariable.', 8), '');
    if (decl.outputType?.length) out.push('OUTPUTS', ...decl.outputType.map((t) => indent(t, 4)), '');
    if (decl.notes) out.push('NOTES', indent(decl.notes, 4), '');
  } else {
    out.push('');
    out.push('REMARKS', indent(`To see the examples, type: "Get-Help ${decl.name} -Examples"\nFor more information, type: "Get-Help ${decl.name} -Detailed"\nFor technical information, type: "Get-Help ${decl.name} -Full"`, 4), '');
  }
  return out.join('\n');
}

function helpFor(ctx: CmdletContext, name: string): CmdletDecl | null {
  const direct = ctx.session.getCmdletDecl(name);
  if (direct) return direct;
  const resolved = ctx.session.resolveCommand(name);
  if (resolved?.decl) return resolved.decl;
  if (resolved?.ResolvedCommand?.decl) return resolved.ResolvedCommand.decl;
  return null;
}

export const getHelp: CmdletDecl = {
  name: 'Get-Help',
  begin: loadAllCommands,
  module: CORE_MODULE,
  synopsis: 'Displays information about PowerShell commands and concepts.',
  description: 'The Get-Help cmdlet displays information about PowerShell concepts and commands, including cmdlets, functions, and scripts.',
  defaultParameterSet: 'AllUsersView',
  parameters: [
    { name: 'Name', type: 'string', position: 0, valueFromPipelineByPropertyName: true },
    { name: 'Path', type: 'string' },
    { name: 'Category', type: 'string[]' },
    { name: 'Component', type: 'string[]' },
    { name: 'Functionality', type: 'string[]' },
    { name: 'Role', type: 'string[]' },
    { name: 'Full', type: 'switch', parameterSets: ['AllUsersView'] },
    { name: 'Detailed', type: 'switch', mandatory: true, parameterSets: ['DetailedView'] },
    { name: 'Examples', type: 'switch', mandatory: true, parameterSets: ['Examples'] },
    { name: 'Parameter', type: 'string[]', mandatory: true, parameterSets: ['Parameters'] },
    { name: 'Online', type: 'switch', mandatory: true, parameterSets: ['Online'] },
    { name: 'ShowWindow', type: 'switch', mandatory: true, parameterSets: ['ShowWindow'] },
  ],
  process(ctx) {
    const name: string = ctx.params.Name ?? 'Get-Help';
    const decl = helpFor(ctx, name);
    if (!decl) {
      ctx.writeError({
        message: `Get-Help could not find ${name} in a help file in this session. To download updated help topics type: "Update-Help". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.`,
        errorId: 'HelpNotFound',
        category: 'ResourceUnavailable',
        targetObject: name,
        exceptionType: 'System.Management.Automation.ResourceNotFoundException',
      });
      return;
    }
    if (ctx.params.Examples) {
      ctx.write(['', 'NAME', indent(decl.name, 4), '', 'SYNOPSIS', indent(decl.synopsis ?? decl.name, 4), ''].join('\n'));
      return;
    }
    const parameter = ctx.params.Parameter ? (ctx.params.Parameter as string[]).join(',') : undefined;
    ctx.write(cmdletHelpText(decl, { full: ctx.params.Full === true || ctx.params.Detailed === true, parameter }));
  },
};

export const cmdlets: CmdletDecl[] = [getHelp];
