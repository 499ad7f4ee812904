// Invoke-Expression, Invoke-Command (local), Get-Command, Get-Alias, Set-Alias, New-Alias.
import type { CmdletDecl, CmdletContext, CommandInfo } from '../../runtime/cmdlet-api.js';
import { PSObject } from '../../runtime/values/objects.js';
import { parameterDictionary } from './parameter-metadata.js';
import { isWildcardPattern } from '../../runtime/values/wildcard.js';
import { nameMatcher, matchesAny, asStringArray, isPromise, UTILITY_MODULE, CORE_MODULE } from './util.js';
import { loadAllCommands, asCmdletError, asCmdletWriteError } from './util.js';

export const invokeExpression: CmdletDecl = {
  name: 'Invoke-Expression',
  module: UTILITY_MODULE,
  synopsis: 'Runs commands or expressions on the local computer.',
  description: 'The Invoke-Expression cmdlet evaluates or runs a specified string as a command and returns the results of the expression or command.',
  parameters: [{ name: 'Command', type: 'string', position: 0, mandatory: true, valueFromPipeline: true }],
  process(ctx) {
    const r = ctx.session.invokeExpression(String(ctx.params.Command ?? ''), (v) => ctx.write(v));
    if (isPromise(r)) return r.then(() => undefined);
  },
};

interface InvokeCommandState {
  input: unknown[];
}

export const invokeCommand: CmdletDecl<InvokeCommandState> = {
  name: 'Invoke-Command',
  module: CORE_MODULE,
  synopsis: 'Runs commands on local and remote computers.',
  description: 'The Invoke-Command cmdlet runs commands on a local or remote computer and returns all output from the commands. awsh supports local invocation only.',
  defaultParameterSet: 'InProcess',
  parameters: [
    { name: 'ScriptBlock', type: 'scriptblock', aliases: ['Command'], position: 0, mandatory: true, parameterSets: ['InProcess'] },
    { name: 'NoNewScope', type: 'switch', parameterSets: ['InProcess'] },
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'ArgumentList', type: 'object[]', aliases: ['Args'] },
  ],
  init: () => ({ input: [] }),
  process(ctx) {
    if (ctx.isBound('InputObject') && ctx.params.InputObject !== undefined) ctx.state.input.push(ctx.params.InputObject);
  },
  end(ctx) {
    // The script block runs once, with all pipeline input as $input.
    const r = ctx.invokeScript(ctx.params.ScriptBlock, {
      args: ctx.params.ArgumentList ?? [],
      newScope: ctx.params.NoNewScope !== true,
      variables: { input: ctx.state.input },
      output: (v) => ctx.write(v),
    });
    if (isPromise(r)) return r.then(() => undefined);
  },
};

const commandTypeNames: Record<CommandInfo['CommandType'], string> = {
  Alias: 'System.Management.Automation.AliasInfo',
  Function: 'System.Management.Automation.FunctionInfo',
  Filter: 'System.Management.Automation.FilterInfo',
  Cmdlet: 'System.Management.Automation.CmdletInfo',
  Application: 'System.Management.Automation.ApplicationInfo',
  ExternalScript: 'System.Management.Automation.ExternalScriptInfo',
};

/** A CommandInfo as Get-Command outputs it (formats as CommandType/Name/Version/Source). */
export function commandObject(c: CommandInfo): PSObject {
  const o = new PSObject([commandTypeNames[c.CommandType], 'System.Management.Automation.CommandInfo', 'System.Object']);
  o.setProperty('CommandType', c.CommandType);
  o.setProperty('Name', c.Name);
  o.setProperty('Version', c.Version ?? '');
  o.setProperty('Source', c.Source ?? '');
  o.setProperty('Definition', c.Definition ?? '');
  o.setProperty('ModuleName', c.ModuleName ?? '');
  o.setProperty('DisplayName', c.CommandType === 'Alias' ? `${c.Name} -> ${c.ResolvedCommand?.Name ?? c.Definition}` : c.Name);
  if (c.CommandType === 'Alias') {
    const a = c as CommandInfo & { Description?: string; Options?: string };
    o.setProperty('Description', a.Description ?? '');
    o.setProperty('Options', a.Options ?? 'None');
  }
  o.setProperty('ResolvedCommand', c.ResolvedCommand ? commandObject(c.ResolvedCommand) : null);
  if (c.CommandType === 'Alias') o.setProperty('ReferencedCommand', c.ResolvedCommand ? commandObject(c.ResolvedCommand) : null);
  // Built when read: `Get-Command` lists thousands of commands, and working out each one's parameters took seconds.
  o.setLazyProperty('Parameters', () => parameterDictionary(c));
  // FunctionInfo.ScriptBlock: the function's body (its .Ast is how scripts inspect a function's parameters).
  const body = (c as CommandInfo & { ScriptBlock?: unknown }).ScriptBlock;
  if (body !== undefined) o.setProperty('ScriptBlock', body);
  if (c.CommandType === 'Cmdlet') {
    const [verb, ...noun] = c.Name.split('-');
    o.setProperty('Verb', verb);
    o.setProperty('Noun', noun.join('-'));
  }
  return o;
}

const typeOrder: Record<string, number> = { Alias: 0, Function: 1, Filter: 1, Cmdlet: 2, ExternalScript: 3, Application: 4 };

function notRecognized(ctx: CmdletContext, name: string): void {
  ctx.writeError({
    message: `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
    errorId: 'CommandNotFoundException',
    category: 'ObjectNotFound',
    targetObject: name,
    exceptionType: 'System.Management.Automation.CommandNotFoundException',
  });
}

/**
 * Get-Command with plain names needs only those names' command sets (a built-in set loading on first use), so
 * `Get-Command git` doesn't load the AWS cmdlets; wildcards, filters and a name nothing matches list everything.
 */
function loadCommandsFor(ctx: CmdletContext): void | Promise<void> {
  const p = ctx.params;
  const names = asStringArray(p.Name);
  if (!names.length || p.Verb || p.Noun || p.Module || names.some(isWildcardPattern)) return loadAllCommands(ctx);
  const loads = names.map((n) => ctx.session.loadCommand(n)).filter((l): l is Promise<void> => !!l);
  const rest = () => (names.every((n) => ctx.session.resolveCommand(n)) ? undefined : loadAllCommands(ctx));
  return loads.length ? Promise.all(loads).then(rest) : rest();
}

/**
 * The modules a command belongs to for -Module: its own, and for an AWS cmdlet (AWS.Tools.<Service>) also the
 * monolithic AWSPowerShell.NetCore / AWSPowerShell modules, which hold every AWS cmdlet (the user guide lists them
 * with `Get-Command -Module AWSPowerShell.NetCore`).
 */
function moduleNamesOf(c: CommandInfo): string[] {
  const own = c.ModuleName ?? '';
  return own.startsWith('AWS.Tools.') && own !== 'AWS.Tools.Installer' ? [own, 'AWSPowerShell.NetCore', 'AWSPowerShell'] : [own];
}

export const getCommand: CmdletDecl = {
  name: 'Get-Command',
  begin: loadCommandsFor,
  module: CORE_MODULE,
  synopsis: 'Gets all commands.',
  description: 'The Get-Command cmdlet gets all commands that are installed on the computer, including cmdlets, aliases, functions, filters, scripts, and applications.',
  defaultParameterSet: 'CmdletSet',
  outputType: ['System.Management.Automation.AliasInfo', 'System.Management.Automation.ApplicationInfo', 'System.Management.Automation.FunctionInfo', 'System.Management.Automation.CmdletInfo'],
  parameters: [
    { name: 'Verb', type: 'string[]', valueFromPipelineByPropertyName: true, parameterSets: ['CmdletSet'] },
    { name: 'Noun', type: 'string[]', valueFromPipelineByPropertyName: true, parameterSets: ['CmdletSet'] },
    { name: 'Module', type: 'string[]', aliases: ['PSSnapin'], valueFromPipelineByPropertyName: true },
    { name: 'Name', type: 'string[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['AllCommandSet'] },
    { name: 'CommandType', type: 'string[]', aliases: ['Type'], valueFromPipelineByPropertyName: true, parameterSets: ['AllCommandSet'] },
    { name: 'TotalCount', type: 'int', valueFromPipelineByPropertyName: true },
    { name: 'Syntax', type: 'switch', valueFromPipelineByPropertyName: true },
    { name: 'ShowCommandInfo', type: 'switch' },
    { name: 'ArgumentList', type: 'object[]', aliases: ['Args'], position: 1 },
    { name: 'All', type: 'switch', valueFromPipelineByPropertyName: true },
    { name: 'ListImported', type: 'switch', valueFromPipelineByPropertyName: true },
    { name: 'ParameterName', type: 'string[]' },
    { name: 'ParameterType', type: 'string[]' },
    { name: 'FullyQualifiedModule', type: 'object[]' },
    { name: 'UseFuzzyMatching', type: 'switch', parameterSets: ['AllCommandSet'] },
    { name: 'UseAbbreviationExpansion', type: 'switch', parameterSets: ['AllCommandSet'] },
  ],
  process(ctx) {
    const p = ctx.params;
    const names = asStringArray(p.Name);
    const types = asStringArray(p.CommandType).map((t) => t.toLowerCase());
    const verbs = asStringArray(p.Verb).map(nameMatcher);
    const nouns = asStringArray(p.Noun).map(nameMatcher);
    const modules = asStringArray(p.Module).map(nameMatcher);
    const typeOk = (c: CommandInfo) => types.length === 0 || types.includes('all') || types.includes(c.CommandType.toLowerCase());
    const filterOk = (c: CommandInfo) => {
      if (!typeOk(c)) return false;
      if (modules.length && !moduleNamesOf(c).some((m) => matchesAny(m, modules))) return false;
      if (verbs.length || nouns.length) {
        if (c.CommandType !== 'Cmdlet' && c.CommandType !== 'Function') return false;
        const dash = c.Name.indexOf('-');
        if (dash < 0) return false;
        if (verbs.length && !matchesAny(c.Name.slice(0, dash), verbs)) return false;
        if (nouns.length && !matchesAny(c.Name.slice(dash + 1), nouns)) return false;
      }
      return true;
    };
    const results: CommandInfo[] = [];
    if (names.length === 0) {
      for (const c of ctx.session.getCommands()) if (filterOk(c)) results.push(c);
    } else {
      const all = names.some(isWildcardPattern) ? ctx.session.getCommands() : [];
      for (const name of names) {
        if (!isWildcardPattern(name)) {
          const c = ctx.session.resolveCommand(name);
          if (c && filterOk(c)) results.push(c);
          else notRecognized(ctx, name);
          continue;
        }
        const m = nameMatcher(name);
        for (const c of all) if (m.test(c.Name) && filterOk(c) && !results.includes(c)) results.push(c);
      }
    }
    if (names.length === 0 || names.some(isWildcardPattern)) {
      results.sort((a, b) => (typeOrder[a.CommandType] ?? 9) - (typeOrder[b.CommandType] ?? 9) || a.Name.toLowerCase().localeCompare(b.Name.toLowerCase()));
    }
    const limited = p.TotalCount !== undefined && p.TotalCount >= 0 ? results.slice(0, p.TotalCount) : results;
    for (const c of limited) ctx.write(commandObject(c));
  },
};

export const getAlias: CmdletDecl = {
  name: 'Get-Alias',
  begin: loadAllCommands,
  module: UTILITY_MODULE,
  synopsis: 'Gets the aliases for the current session.',
  description: 'The Get-Alias cmdlet gets the aliases in the current session. This includes built-in aliases, aliases that you have set or imported, and aliases that you have added to your PowerShell profile.',
  defaultParameterSet: 'Default',
  outputType: ['System.Management.Automation.AliasInfo'],
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Default'], validateNotNullOrEmpty: true },
    { name: 'Exclude', type: 'string[]' },
    { name: 'Scope', type: 'string' },
    { name: 'Definition', type: 'string[]', parameterSets: ['Definition'] },
  ],
  process(ctx) {
    const scope: string | undefined = ctx.params.Scope ?? undefined;
    const aliases =
      scope === undefined ? ctx.session.getCommands().filter((c) => c.CommandType === 'Alias') : asCmdletError(ctx, () => ctx.session.getAliases(scope));
    aliases.sort((a, b) => a.Name.toLowerCase().localeCompare(b.Name.toLowerCase()));
    const exclude = asStringArray(ctx.params.Exclude).map(nameMatcher);
    if (ctx.parameterSetName === 'Definition') {
      for (const d of asStringArray(ctx.params.Definition)) {
        const m = nameMatcher(d);
        const found = aliases.filter((a) => m.test(a.Definition) && !matchesAny(a.Name, exclude));
        if (found.length === 0 && !isWildcardPattern(d)) {
          ctx.writeError({
            message: `This command cannot find a matching alias because an alias with the definition '${d}' does not exist.`,
            errorId: 'ItemNotFoundException',
            category: 'ObjectNotFound',
            targetObject: d,
            exceptionType: 'System.Management.Automation.ItemNotFoundException',
          });
        }
        for (const a of found) ctx.write(commandObject(a));
      }
      return;
    }
    const names = ctx.params.Name === undefined ? ['*'] : asStringArray(ctx.params.Name);
    for (const name of names) {
      const m = nameMatcher(name);
      const found = aliases.filter((a) => m.test(a.Name) && !matchesAny(a.Name, exclude));
      if (found.length === 0 && !isWildcardPattern(name)) {
        ctx.writeError({
          message: `This command cannot find a matching alias because an alias with the name '${name}' does not exist.`,
          errorId: 'ItemNotFoundException',
          category: 'ObjectNotFound',
          targetObject: name,
          exceptionType: 'System.Management.Automation.ItemNotFoundException',
        });
      }
      for (const a of found) ctx.write(commandObject(a));
    }
  },
};

const aliasOptionSet = ['None', 'ReadOnly', 'Constant', 'Private', 'AllScope', 'Unspecified'];

function aliasCmdlet(name: 'Set-Alias' | 'New-Alias'): CmdletDecl {
  const isNew = name === 'New-Alias';
  return {
    name,
    module: UTILITY_MODULE,
    synopsis: isNew ? 'Creates a new alias.' : 'Creates or changes an alias for a cmdlet or other command in the current PowerShell session.',
    description: isNew
      ? 'The New-Alias cmdlet creates a new alias in the current PowerShell session. Aliases created by using New-Alias are not saved after you exit the session.'
      : 'The Set-Alias cmdlet creates or changes an alias for a cmdlet or a command, such as a function, script, file, or other executable.',
    supportsShouldProcess: true,
    outputType: ['System.Management.Automation.AliasInfo'],
    parameters: [
      { name: 'Name', type: 'string', position: 0, mandatory: true, valueFromPipelineByPropertyName: true },
      { name: 'Value', type: 'string', position: 1, mandatory: true, valueFromPipelineByPropertyName: true },
      { name: 'Description', type: 'string', valueFromPipelineByPropertyName: true },
      { name: 'Option', type: 'string', valueFromPipelineByPropertyName: true, validateSet: aliasOptionSet },
      { name: 'PassThru', type: 'switch' },
      { name: 'Scope', type: 'string', valueFromPipelineByPropertyName: true },
      { name: 'Force', type: 'switch', valueFromPipelineByPropertyName: true },
    ],
    process(ctx) {
      const p = ctx.params;
      const aliasName = String(p.Name);
      if (isNew && !p.Force) {
        const existing = ctx.session.getCommands().find((c) => c.CommandType === 'Alias' && c.Name.toLowerCase() === aliasName.toLowerCase());
        if (existing) {
          ctx.writeError({
            message: `The alias is not allowed, because an alias with the name '${aliasName}' already exists.`,
            errorId: 'AliasAlreadyExists',
            category: 'ResourceExists',
            targetObject: aliasName,
            exceptionType: 'System.Management.Automation.SessionStateException',
          });
          return;
        }
      }
      // Refusals (read-only, constant) are non-terminating errors; a bad -Scope is too in New-Alias, not in Set-Alias.
      const ok = asCmdletWriteError(
        ctx,
        () => ctx.session.setAlias(aliasName, String(p.Value), { scope: p.Scope, description: p.Description, option: p.Option, force: p.Force === true }),
        isNew,
      );
      if (!ok) return;
      if (p.PassThru) {
        const c = ctx.session.getCommands().find((x) => x.CommandType === 'Alias' && x.Name.toLowerCase() === aliasName.toLowerCase());
        if (c) ctx.write(commandObject(c));
      }
    },
  };
}

export const setAlias = aliasCmdlet('Set-Alias');
export const newAlias = aliasCmdlet('New-Alias');

export const cmdlets: CmdletDecl[] = [invokeExpression, invokeCommand, getCommand, getAlias, setAlias, newAlias];
