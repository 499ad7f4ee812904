// Get-Variable, Set-Variable, New-Variable, Remove-Variable, Clear-Variable (through ctx.session).
import type { CmdletDecl, CmdletContext, PSVariableInfo, ParameterDecl } from '../../runtime/cmdlet-api.js';
import { PSObject } from '../../runtime/values/objects.js';
import { isWildcardPattern } from '../../runtime/values/wildcard.js';
import { nameMatcher, matchesAny, asStringArray, asCmdletError, asCmdletWriteError, UTILITY_MODULE } from './util.js';

const optionSet = ['None', 'ReadOnly', 'Constant', 'Private', 'AllScope', 'Unspecified'];

/** Get-Variable's output: a PSVariable-shaped object (formats as Name/Value). */
export function variableObject(v: PSVariableInfo): PSObject {
  const o = new PSObject(['System.Management.Automation.PSVariable', 'System.Object']);
  o.setProperty('Name', v.Name);
  o.setProperty('Description', v.Description ?? '');
  o.setProperty('Value', v.Value === undefined ? null : v.Value);
  o.setProperty('Visibility', 'Public');
  o.setProperty('Module', null);
  o.setProperty('ModuleName', '');
  o.setProperty('Options', v.Options ?? 'None');
  o.setProperty('Attributes', []);
  return o;
}

function notFound(ctx: CmdletContext, name: string): void {
  ctx.writeError({
    message: `Cannot find a variable with the name '${name}'.`,
    errorId: 'VariableNotFound',
    category: 'ObjectNotFound',
    targetObject: name,
    exceptionType: 'System.Management.Automation.ItemNotFoundException',
  });
}

function filters(ctx: CmdletContext): { include: ReturnType<typeof nameMatcher>[] | null; exclude: ReturnType<typeof nameMatcher>[] } {
  const inc = asStringArray(ctx.params.Include);
  return { include: inc.length ? inc.map(nameMatcher) : null, exclude: asStringArray(ctx.params.Exclude).map(nameMatcher) };
}

/** Variables matching the -Name patterns (in the given scope); reports names without wildcards that match nothing. */
function matchVariables(ctx: CmdletContext, names: string[], reportMissing: boolean): PSVariableInfo[] {
  const scope: string | undefined = ctx.params.Scope ?? undefined;
  const { include, exclude } = filters(ctx);
  const all = asCmdletError(ctx, () => ctx.session.getVariableInfos(scope));
  const out: PSVariableInfo[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    let matched = false;
    if (!isWildcardPattern(name)) {
      const v = scope === undefined ? ctx.session.getVariableInfo(name) : all.find((x) => x.Name.toLowerCase() === name.toLowerCase()) ?? null;
      if (v && (!include || matchesAny(v.Name, include)) && !matchesAny(v.Name, exclude)) {
        matched = true;
        if (!seen.has(v.Name.toLowerCase())) {
          seen.add(v.Name.toLowerCase());
          out.push(v);
        }
      }
      if (!matched && reportMissing && !v) notFound(ctx, name);
      continue;
    }
    const m = nameMatcher(name);
    for (const v of all) {
      if (!m.test(v.Name)) continue;
      if (include && !matchesAny(v.Name, include)) continue;
      if (matchesAny(v.Name, exclude)) continue;
      if (seen.has(v.Name.toLowerCase())) continue;
      seen.add(v.Name.toLowerCase());
      out.push(v);
    }
  }
  return out;
}

const scopeParam: ParameterDecl = { name: 'Scope', type: 'string' };
const includeParam: ParameterDecl = { name: 'Include', type: 'string[]' };
const excludeParam: ParameterDecl = { name: 'Exclude', type: 'string[]' };

export const getVariable: CmdletDecl = {
  name: 'Get-Variable',
  module: UTILITY_MODULE,
  synopsis: 'Gets the variables in the current console.',
  description: 'The Get-Variable cmdlet gets the PowerShell variables in the current console. You can retrieve just the values of the variables by specifying the ValueOnly parameter, and you can filter the variables returned by name.',
  outputType: ['System.Management.Automation.PSVariable'],
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, validateNotNullOrEmpty: true },
    { name: 'ValueOnly', type: 'switch' },
    includeParam,
    excludeParam,
    scopeParam,
  ],
  process(ctx) {
    const names = ctx.params.Name === undefined ? ['*'] : asStringArray(ctx.params.Name);
    const vars = matchVariables(ctx, names, true);
    // Wildcard listings are sorted by name, as pwsh does.
    if (names.some(isWildcardPattern)) vars.sort((a, b) => a.Name.toLowerCase().localeCompare(b.Name.toLowerCase()));
    for (const v of vars) {
      if (ctx.params.ValueOnly) ctx.write(v.Value === undefined ? null : v.Value, false);
      else ctx.write(variableObject(v));
    }
  },
};

interface SetVariableState {
  values: unknown[];
}

function setOptions(ctx: CmdletContext) {
  const p = ctx.params;
  return { scope: p.Scope, option: p.Option, description: p.Description, force: p.Force === true };
}

export const setVariable: CmdletDecl<SetVariableState> = {
  name: 'Set-Variable',
  module: UTILITY_MODULE,
  synopsis: 'Sets the value of a variable. Creates the variable if one with the requested name does not exist.',
  description: 'The Set-Variable cmdlet assigns a value to a specified variable or changes the current value. If the variable does not exist, the cmdlet creates it.',
  outputType: ['System.Management.Automation.PSVariable'],
  supportsShouldProcess: true,
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true },
    { name: 'Value', type: 'object', position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    includeParam,
    excludeParam,
    { name: 'Description', type: 'string', valueFromPipelineByPropertyName: true },
    { name: 'Option', type: 'string', valueFromPipelineByPropertyName: true, validateSet: optionSet },
    { name: 'Force', type: 'switch' },
    { name: 'Visibility', type: 'string', validateSet: ['Public', 'Private'] },
    { name: 'PassThru', type: 'switch' },
    { name: 'Scope', type: 'string', valueFromPipelineByPropertyName: true },
  ],
  init: () => ({ values: [] }),
  process(ctx) {
    // With pipeline input the values are collected and assigned once at the end (`1,2 | Set-Variable x`).
    if (ctx.expectingInput) {
      if (ctx.isBound('Value')) ctx.state.values.push(ctx.params.Value);
      return;
    }
    assign(ctx, ctx.params.Value ?? null);
  },
  end(ctx) {
    if (!ctx.expectingInput) return;
    const vals = ctx.state.values;
    assign(ctx, vals.length === 0 ? null : vals.length === 1 ? vals[0] : vals);
  },
};

function assign(ctx: CmdletContext, value: unknown): void {
  const { include, exclude } = filters(ctx);
  // Without -Value (and no pipeline input) an existing variable keeps its value.
  const keepValue = !ctx.isBound('Value') && !ctx.expectingInput;
  for (const name of asStringArray(ctx.params.Name)) {
    const targets = isWildcardPattern(name)
      ? matchVariables(ctx, [name], false).map((v) => v.Name)
      : [name].filter((n) => (!include || matchesAny(n, include)) && !matchesAny(n, exclude));
    for (const t of targets) {
      const ok = asCmdletWriteError(ctx, () => ctx.session.setVariable(t, value, { ...setOptions(ctx), keepValue }));
      if (!ok) continue;
      if (ctx.params.PassThru) {
        const info = ctx.session.getVariableInfo(t, ctx.params.Scope);
        if (info) ctx.write(variableObject(info));
      }
    }
  }
}

export const newVariable: CmdletDecl = {
  name: 'New-Variable',
  module: UTILITY_MODULE,
  synopsis: 'Creates a new variable.',
  description: 'The New-Variable cmdlet creates a new variable in PowerShell. You can assign a value to the variable while creating it or assign or change the value after it is created.',
  supportsShouldProcess: true,
  parameters: [
    { name: 'Name', type: 'string', position: 0, mandatory: true, valueFromPipelineByPropertyName: true },
    { name: 'Value', type: 'object', position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'Description', type: 'string', valueFromPipelineByPropertyName: true },
    { name: 'Option', type: 'string', valueFromPipelineByPropertyName: true, validateSet: optionSet },
    { name: 'Visibility', type: 'string', validateSet: ['Public', 'Private'] },
    { name: 'Force', type: 'switch', valueFromPipelineByPropertyName: true },
    { name: 'PassThru', type: 'switch' },
    { name: 'Scope', type: 'string', valueFromPipelineByPropertyName: true },
  ],
  process(ctx) {
    const name = String(ctx.params.Name);
    const scope: string = ctx.params.Scope ?? 'local';
    const exists = ctx.session.getVariableInfos(scope).some((v) => v.Name.toLowerCase() === name.toLowerCase());
    if (exists && !ctx.params.Force) {
      ctx.writeError({
        message: `A variable with name '${name}' already exists.`,
        errorId: 'VariableAlreadyExists',
        category: 'ResourceExists',
        targetObject: name,
        exceptionType: 'System.Management.Automation.SessionStateException',
      });
      return;
    }
    ctx.session.newVariable(name, ctx.params.Value ?? null, { ...setOptions(ctx), scope });
    if (ctx.params.PassThru) {
      const info = ctx.session.getVariableInfo(name, scope);
      if (info) ctx.write(variableObject(info));
    }
  },
};

export const removeVariable: CmdletDecl = {
  name: 'Remove-Variable',
  module: UTILITY_MODULE,
  synopsis: 'Deletes a variable and its value.',
  description: 'The Remove-Variable cmdlet deletes a variable and its value from the scope in which it is defined, such as the current session.',
  supportsShouldProcess: true,
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true },
    includeParam,
    excludeParam,
    { name: 'Force', type: 'switch' },
    scopeParam,
  ],
  process(ctx) {
    for (const v of matchVariables(ctx, asStringArray(ctx.params.Name), true)) {
      asCmdletWriteError(ctx, () => void ctx.session.removeVariable(v.Name, ctx.params.Scope, ctx.params.Force === true));
    }
  },
};

export const clearVariable: CmdletDecl = {
  name: 'Clear-Variable',
  module: UTILITY_MODULE,
  synopsis: 'Deletes the value of a variable.',
  description: 'The Clear-Variable cmdlet deletes the data stored in a variable, but it does not delete the variable. As a result, the value of the variable is set to NULL.',
  supportsShouldProcess: true,
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true },
    includeParam,
    excludeParam,
    { name: 'Force', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
    scopeParam,
  ],
  process(ctx) {
    for (const v of matchVariables(ctx, asStringArray(ctx.params.Name), true)) {
      const ok = asCmdletWriteError(ctx, () => ctx.session.setVariable(v.Name, null, { scope: ctx.params.Scope, force: ctx.params.Force === true }));
      if (ok && ctx.params.PassThru) ctx.write(variableObject({ ...v, Value: null }));
    }
  },
};

export const cmdlets: CmdletDecl[] = [getVariable, setVariable, newVariable, removeVariable, clearVariable];
