// Modules: Import-Module, Get-Module, Remove-Module, Export-ModuleMember, New-Module.
// Built-in modules (Pester, the Microsoft.PowerShell.* modules, the AWS.Tools modules) ship with awsh, so importing
// them succeeds at once; script modules (.psm1/.psd1/.ps1, or names on $env:PSModulePath) get a module scope.
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSObject, PSHashtable } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import type { Session } from '../../runtime/interpreter/session.js';
import type { CmdletProcessor } from '../../runtime/interpreter/cmdlet-processor.js';
import {
  currentLoadingModule, findModuleFile, importModuleFile, modulePaths, newDynamicModule, removeModule,
} from '../../runtime/interpreter/modules.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { registerView } from '../../runtime/format/index.js';
import { existsSync, readdirSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CORE_MODULE } from './util.js';
import { AWS_MODULES, BUILT_IN_MODULES } from '../../runtime/interpreter/built-in-modules.js';

const BUILT_IN = BUILT_IN_MODULES;

function builtInInfo(name: string): PSObject {
  const isAws = AWS_MODULES.some((m) => m.toLowerCase() === name.toLowerCase());
  const o = PSObject.fromEntries([
    // AWS.Tools modules are manifests whose root module is a .dll, so pwsh reports them as Binary.
    ['ModuleType', isAws ? 'Binary' : name === 'Pester' ? 'Script' : 'Manifest'],
    ['Version', isAws ? '5.0.0' : name === 'Pester' ? '5.5.0' : '7.4.0.0'],
    ['Name', AWS_MODULES.find((m) => m.toLowerCase() === name.toLowerCase()) ?? BUILT_IN.find((m) => m.toLowerCase() === name.toLowerCase()) ?? name],
    ['Path', ''],
    ['ModuleBase', ''],
  ]);
  o.typeNames = ['System.Management.Automation.PSModuleInfo', 'System.Object'];
  return o;
}

/** Built-in modules each session has imported (by lower-cased name), which Get-Module lists with the script modules. */
const importedBuiltIns = new WeakMap<Session, Map<string, PSObject>>();

function importedOf(s: Session): Map<string, PSObject> {
  let m = importedBuiltIns.get(s);
  if (!m) importedBuiltIns.set(s, (m = new Map()));
  return m;
}

/** Records an imported built-in module; an AWS.Tools module brings AWS.Tools.Common, its required module, too. */
function noteImported(s: Session, name: string): PSObject {
  const m = importedOf(s);
  const key = name.toLowerCase();
  if (key.startsWith('aws.tools.') && key !== 'aws.tools.common' && !m.has('aws.tools.common')) m.set('aws.tools.common', builtInInfo('AWS.Tools.Common'));
  let info = m.get(key);
  if (!info) m.set(key, (info = builtInInfo(name)));
  return info;
}

const sessionOf = (ctx: CmdletContext) => ctx.session as unknown as Session;
const streamsOf = (ctx: CmdletContext) => (ctx as unknown as CmdletProcessor).frame.streams;

function isBuiltIn(name: string): boolean {
  const n = name.toLowerCase();
  return [...AWS_MODULES, ...BUILT_IN].some((m) => m.toLowerCase() === n);
}

const importModule: CmdletDecl = {
  name: 'Import-Module',
  module: CORE_MODULE,
  synopsis: 'Adds modules to the current session.',
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true },
    { name: 'Force', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
    { name: 'Global', type: 'switch' },
    { name: 'Scope', type: 'string', validateSet: ['Local', 'Global'] },
    { name: 'DisableNameChecking', type: 'switch' },
    { name: 'Prefix', type: 'string' },
    { name: 'ArgumentList', type: 'object[]', aliases: ['Args'] },
    { name: 'MinimumVersion', type: 'string', aliases: ['Version'] },
    { name: 'RequiredVersion', type: 'string' },
    { name: 'MaximumVersion', type: 'string' },
    { name: 'Function', type: 'string[]' },
    { name: 'Cmdlet', type: 'string[]' },
    { name: 'Variable', type: 'string[]' },
    { name: 'Alias', type: 'string[]' },
    { name: 'NoClobber', type: 'switch' },
  ],
  async process(ctx) {
    for (const n of (ctx.params.Name as string[]) ?? []) {
      const info = await importByName(ctx, toStr(n), { force: !!ctx.params.Force, args: ctx.params.ArgumentList ?? [] });
      if (info && ctx.params.PassThru) await ctx.write(info);
    }
  },
};

/** Imports a module by name or path: a built-in one at once, else its file. Writes the not-found error (null then). */
async function importByName(ctx: CmdletContext, name: string, o: { force: boolean; args: unknown[] }): Promise<PSObject | null> {
  if (isBuiltIn(name)) {
    if (AWS_MODULES.some((m) => m.toLowerCase() === name.toLowerCase())) {
      // The AWS model types (Amazon.EC2.Model.*) become resolvable once their module is imported.
      const { importAwsModuleTypes } = await import('../aws/model/model-types.js');
      importAwsModuleTypes(name);
    }
    return noteImported(sessionOf(ctx), name);
  }
  const s = sessionOf(ctx);
  const file = findModuleFile(s, name);
  if (!file) {
    ctx.writeError({
      message: `The specified module '${name}' was not loaded because no valid module file was found in any module directory.`,
      errorId: 'Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand',
      category: 'ResourceUnavailable',
      exceptionType: 'System.IO.FileNotFoundException',
      targetObject: name,
    });
    return null;
  }
  return importModuleFile(s, file, streamsOf(ctx), {
    force: o.force, args: o.args, caller: (ctx as unknown as CmdletProcessor).frame,
    importRequired: async (spec, manifest) => {
      let required = spec instanceof PSHashtable ? toStr(spec.get('ModuleName')) : toStr(spec);
      // A path is relative to the manifest's folder.
      if (/[\\/]/.test(required)) required = nodePath.resolve(nodePath.dirname(manifest), required.replace(/\\/g, '/'));
      const key = nodePath.basename(required).replace(/\.(psm1|psd1|ps1)$/i, '').toLowerCase();
      const loaded = s.modules.get(key)?.info ?? importedOf(s).get(key);
      if (loaded) return loaded;
      if (!isBuiltIn(required) && !findModuleFile(s, required)) {
        ctx.throwTerminating({
          message: `The required module '${required}' is not loaded. Load the module or remove the module from 'RequiredModules' in the file '${manifest}'.`,
          errorId: 'Modules_InvalidManifest,Microsoft.PowerShell.Commands.ImportModuleCommand',
          category: 'ResourceUnavailable',
          exceptionType: 'System.IO.FileNotFoundException',
          targetObject: manifest,
        });
      }
      return importByName(ctx, required, { force: false, args: [] });
    },
  });
}

const getModule: CmdletDecl = {
  name: 'Get-Module',
  module: CORE_MODULE,
  synopsis: 'Gets the modules that have been imported or that can be imported into the current session.',
  parameters: [
    { name: 'Name', type: 'string[]', position: 0 },
    { name: 'ListAvailable', type: 'switch' },
    { name: 'All', type: 'switch' },
    { name: 'Refresh', type: 'switch' },
  ],
  process(ctx) {
    const s = sessionOf(ctx);
    const names = (ctx.params.Name as string[] | undefined)?.map((x) => toStr(x));
    const match = (n: string) => !names || names.some((p) => new RegExp('^' + p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*') + '$', 'i').test(n));
    const out: PSObject[] = [];
    if (ctx.params.ListAvailable) {
      for (const m of [...AWS_MODULES, ...BUILT_IN]) if (match(m)) out.push(builtInInfo(m));
      for (const dir of modulePaths(s)) {
        if (!existsSync(dir)) continue;
        for (const d of readdirSync(dir)) if (match(d) && findModuleFile(s, nodePath.join(dir, d))) out.push(builtInInfo(d));
      }
    } else {
      const loaded: [string, PSObject][] = [...importedOf(s).values()].map((o) => [toStr(o.getMember('Name')?.value), o]);
      for (const rec of s.modules.values()) loaded.push([rec.name, rec.info]);
      // pwsh lists loaded modules ordered by name.
      loaded.sort((a, b) => a[0].localeCompare(b[0], 'en', { sensitivity: 'base' }));
      for (const [n, o] of loaded) if (match(n)) out.push(o);
    }
    for (const o of out) ctx.write(o);
  },
};

const removeModuleDecl: CmdletDecl = {
  name: 'Remove-Module',
  module: CORE_MODULE,
  synopsis: 'Removes modules from the current session.',
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true },
    { name: 'Force', type: 'switch' },
  ],
  process(ctx) {
    const s = sessionOf(ctx);
    for (const n of ctx.params.Name as string[]) {
      const rec = s.modules.get(toStr(n).toLowerCase());
      if (rec) removeModule(s, rec);
      else if (importedOf(s).delete(toStr(n).toLowerCase())) continue;
      else if (!isBuiltIn(toStr(n))) {
        ctx.writeError({
          message: `No modules were removed. Verify that the specification of modules to remove is correct and those modules exist in the runspace.`,
          errorId: 'Modules_NoModulesRemoved,Microsoft.PowerShell.Commands.RemoveModuleCommand',
          category: 'ResourceUnavailable',
          exceptionType: 'System.InvalidOperationException',
          targetObject: toStr(n),
        });
      }
    }
  },
};

const exportModuleMember: CmdletDecl = {
  name: 'Export-ModuleMember',
  module: CORE_MODULE,
  synopsis: 'Specifies the module members that are exported.',
  parameters: [
    { name: 'Function', type: 'string[]', position: 0, valueFromPipeline: true },
    { name: 'Cmdlet', type: 'string[]' },
    { name: 'Variable', type: 'string[]' },
    { name: 'Alias', type: 'string[]' },
  ],
  process(ctx) {
    const rec = currentLoadingModule();
    if (!rec) {
      return ctx.throwTerminating({
        message: 'The Export-ModuleMember cmdlet can only be called from inside a module.',
        errorId: 'Modules_CanOnlyExecuteExportModuleMemberInsideAModule',
        category: 'PermissionDenied',
        exceptionType: 'System.InvalidOperationException',
      });
    }
    const list = (v: unknown) => ((v as unknown[] | undefined) ?? []).map((x) => toStr(x));
    rec.exportFunctions = [...(rec.exportFunctions ?? []), ...list(ctx.params.Function)];
    rec.exportVariables.push(...list(ctx.params.Variable));
    rec.exportAliases.push(...list(ctx.params.Alias));
  },
};

const newModule: CmdletDecl = {
  name: 'New-Module',
  module: CORE_MODULE,
  synopsis: 'Creates a new dynamic module that exists only in memory.',
  parameters: [
    { name: 'ScriptBlock', type: 'scriptblock', position: 0, mandatory: true },
    { name: 'Name', type: 'string' },
    { name: 'ArgumentList', type: 'object[]' },
    { name: 'AsCustomObject', type: 'switch' },
    { name: 'ReturnResult', type: 'switch' },
  ],
  async process(ctx) {
    const name = ctx.params.Name ? toStr(ctx.params.Name) : `__DynamicModule_${Math.random().toString(16).slice(2, 10)}`;
    const info = await newDynamicModule(sessionOf(ctx), ctx.params.ScriptBlock as ScriptBlock, name, streamsOf(ctx));
    await ctx.write(info);
  },
};

registerView('System.Management.Automation.PSModuleInfo', {
  table: {
    columns: [
      { label: 'ModuleType', property: 'ModuleType', width: 10 },
      { label: 'Version', property: 'Version', width: 10 },
      { label: 'Name', property: 'Name', width: 35 },
      { label: 'ExportedCommands', getter: (o: unknown) => {
        const c = (o as PSObject).getMember?.('ExportedCommands')?.value as { keys?: () => Iterable<unknown> } | undefined;
        return c?.keys ? `{${[...c.keys()].join(', ')}}` : '{}';
      } },
    ],
  },
} as never);

/** Install-/Update-AWSToolsModule: the AWS modules ship inside awsh, so there is nothing to download. */
function awsToolsInstaller(verb: 'Install' | 'Update'): CmdletDecl {
  return {
    name: `${verb}-AWSToolsModule`,
    module: 'AWS.Tools.Installer',
    synopsis: `${verb === 'Install' ? 'Installs' : 'Updates'} AWS.Tools modules (built into awsh).`,
    supportsShouldProcess: true,
    confirmImpact: 'Low',
    parameters: [
      { name: 'Name', type: 'string[]', position: 0, valueFromPipeline: true },
      { name: 'RequiredVersion', type: 'string' },
      { name: 'MinimumVersion', type: 'string' },
      { name: 'MaximumVersion', type: 'string' },
      { name: 'Scope', type: 'string' },
      { name: 'AllowClobber', type: 'switch' },
      { name: 'CleanUp', type: 'switch' },
      { name: 'Force', type: 'switch' },
      { name: 'SkipPublisherCheck', type: 'switch' },
      { name: 'SkipUpdate', type: 'switch' },
    ],
    process(ctx) {
      const names = ((ctx.params.Name as string[] | undefined) ?? ['AWS.Tools.Common']).map((n) => toStr(n));
      for (const n of names) ctx.writeHost(`${n}: AWS.Tools modules ship with awsh; nothing to ${verb.toLowerCase()}.`);
    },
  };
}

export const cmdlets: CmdletDecl[] = [
  importModule, getModule, removeModuleDecl, exportModuleMember, newModule, awsToolsInstaller('Install'), awsToolsInstaller('Update'),
];
