// Get-PSDrive, New-PSDrive, Remove-PSDrive, Get-PSProvider.
import * as fs from 'node:fs';
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { isWildcardPattern } from '../../runtime/values/wildcard.js';
import { MANAGEMENT_MODULE, asStringArray } from './util.js';
import { driveNotFound } from './fs-items.js';
import {
  contextDrives, contextProviders, driveRootPath, ensureDriveViews, findDrive, matchingByName, setDriveDescription,
  type PSDriveInfo,
} from './ps-drives.js';

function providerFilter(ctx: CmdletContext): (d: PSDriveInfo) => boolean {
  const wanted = asStringArray(ctx.params.PSProvider);
  if (wanted.length === 0) return () => true;
  return (d) => wanted.some((p) => matchingByName([d.Provider], p.replace(/^Microsoft\.PowerShell\.Core\\/i, '')).length > 0);
}

export const getPSDrive: CmdletDecl = {
  name: 'Get-PSDrive',
  module: MANAGEMENT_MODULE,
  synopsis: 'Gets drives in the current session.',
  description: 'The Get-PSDrive cmdlet gets the drives in the current session. You can get a particular drive or all drives in the session.',
  defaultParameterSet: 'Name',
  outputType: ['System.Management.Automation.PSDriveInfo'],
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, valueFromPipelineByPropertyName: true, parameterSets: ['Name'] },
    { name: 'LiteralName', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralName'] },
    { name: 'Scope', type: 'string', valueFromPipelineByPropertyName: true },
    { name: 'PSProvider', type: 'string[]', valueFromPipelineByPropertyName: true },
  ],
  process(ctx) {
    ensureDriveViews();
    const literal = ctx.isBound('LiteralName');
    const names = asStringArray(literal ? ctx.params.LiteralName : ctx.params.Name);
    if (names.length === 0) names.push('*');
    const ofProvider = providerFilter(ctx);
    const drives = contextDrives(ctx).filter(ofProvider);
    for (const name of names) {
      const found = literal ? drives.filter((d) => d.Name.toLowerCase() === name.toLowerCase()) : matchingByName(drives, name);
      if (found.length === 0 && (literal || !isWildcardPattern(name))) {
        ctx.writeError({ ...driveNotFound(name), errorId: 'GetDriveNoMatchingDrive' });
        continue;
      }
      for (const d of found) ctx.write(d);
    }
  },
};

export const newPSDrive: CmdletDecl = {
  name: 'New-PSDrive',
  module: MANAGEMENT_MODULE,
  synopsis: 'Creates temporary and persistent drives that are associated with a location in an item data store.',
  description: 'The New-PSDrive cmdlet creates temporary and persistent drives that are mapped to or associated with a location in a data store, such as a network drive, a directory on the local computer, or a registry key.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  outputType: ['System.Management.Automation.PSDriveInfo'],
  parameters: [
    { name: 'Name', type: 'string', position: 0, mandatory: true, valueFromPipelineByPropertyName: true },
    { name: 'PSProvider', type: 'string', position: 1, mandatory: true, valueFromPipelineByPropertyName: true },
    { name: 'Root', type: 'string', position: 2, mandatory: true, allowEmptyString: true, valueFromPipelineByPropertyName: true },
    { name: 'Description', type: 'string', valueFromPipelineByPropertyName: true },
    { name: 'Scope', type: 'string', valueFromPipelineByPropertyName: true },
    { name: 'Credential', type: 'object', valueFromPipelineByPropertyName: true },
  ],
  async process(ctx) {
    ensureDriveViews();
    const name = String(ctx.params.Name);
    const provider = String(ctx.params.PSProvider).replace(/^Microsoft\.PowerShell\.Core\\/i, '');
    if (provider.toLowerCase() !== 'filesystem') {
      const known = contextProviders(ctx).some((p) => p.Name.toLowerCase() === provider.toLowerCase());
      ctx.writeError({
        message: known
          ? `Provider operation stopped because the provider does not support this operation.`
          : `Cannot find a provider with the name '${provider}'.`,
        errorId: known ? 'NotSupported' : 'ProviderNotFound',
        category: known ? 'NotImplemented' : 'ObjectNotFound',
        exceptionType: known ? 'System.Management.Automation.PSNotSupportedException' : 'System.Management.Automation.ProviderNotFoundException',
        targetObject: provider,
      });
      return;
    }
    if (findDrive(ctx, name)) {
      ctx.writeError({
        message: `A drive with the name '${name}' already exists.`,
        errorId: 'DriveAlreadyExists',
        category: 'ResourceExists',
        exceptionType: 'System.Management.Automation.SessionStateException',
        targetObject: name,
      });
      return;
    }
    const root = driveRootPath(ctx, String(ctx.params.Root ?? ''));
    let isDir = false;
    try {
      isDir = fs.statSync(root).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      ctx.writeError({
        message: `The specified drive root "${root}" either does not exist, or it is not a folder.`,
        errorId: 'DriveRootError',
        category: 'ReadError',
        exceptionType: 'System.IO.IOException',
        targetObject: name,
      });
      return;
    }
    if (!(await ctx.shouldProcess(`Name: ${name} Provider: Microsoft.PowerShell.Core\\FileSystem Root: ${root}`, 'New drive'))) return;
    ctx.session.addDrive(name, root);
    setDriveDescription(ctx.session, name, ctx.params.Description === undefined || ctx.params.Description === null ? '' : String(ctx.params.Description));
    const drive = findDrive(ctx, name);
    if (drive) ctx.write(drive);
  },
};

export const removePSDrive: CmdletDecl = {
  name: 'Remove-PSDrive',
  module: MANAGEMENT_MODULE,
  synopsis: 'Deletes temporary PowerShell drives and disconnects mapped network drives.',
  description: 'The Remove-PSDrive cmdlet deletes temporary PowerShell drives that were created by using the New-PSDrive cmdlet.',
  defaultParameterSet: 'Name',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: [
    { name: 'Name', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['Name'] },
    { name: 'LiteralName', type: 'string[]', mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralName'] },
    { name: 'PSProvider', type: 'string[]', valueFromPipelineByPropertyName: true },
    { name: 'Scope', type: 'string', valueFromPipelineByPropertyName: true },
    { name: 'Force', type: 'switch' },
  ],
  async process(ctx) {
    const literal = ctx.isBound('LiteralName');
    const names = asStringArray(literal ? ctx.params.LiteralName : ctx.params.Name);
    const ofProvider = providerFilter(ctx);
    const drives = contextDrives(ctx).filter(ofProvider);
    for (const name of names) {
      const found = literal ? drives.filter((d) => d.Name.toLowerCase() === name.toLowerCase()) : matchingByName(drives, name);
      if (found.length === 0) {
        if (literal || !isWildcardPattern(name)) ctx.writeError(driveNotFound(name));
        continue;
      }
      for (const d of found) {
        if (!(await ctx.shouldProcess(d.Name, 'Remove Drive'))) continue;
        // The built-in drives stay: only drives the session added can go.
        ctx.session.removeDrive(d.Name);
      }
    }
  },
};

export const getPSProvider: CmdletDecl = {
  name: 'Get-PSProvider',
  module: MANAGEMENT_MODULE,
  synopsis: 'Gets information about the specified PowerShell provider.',
  description: 'The Get-PSProvider cmdlet gets the PowerShell providers in the current session.',
  outputType: ['System.Management.Automation.ProviderInfo'],
  parameters: [{ name: 'PSProvider', type: 'string[]', position: 0, valueFromPipelineByPropertyName: true }],
  process(ctx) {
    ensureDriveViews();
    const providers = contextProviders(ctx);
    const wanted = asStringArray(ctx.params.PSProvider);
    if (wanted.length === 0) {
      for (const p of providers) ctx.write(p);
      return;
    }
    for (const w of wanted) {
      const found = matchingByName(providers, w.replace(/^Microsoft\.PowerShell\.Core\\/i, ''));
      if (found.length === 0 && !isWildcardPattern(w)) {
        ctx.writeError({
          message: `Cannot find a provider with the name '${w}'.`,
          errorId: 'ProviderNotFound',
          category: 'ObjectNotFound',
          exceptionType: 'System.Management.Automation.ProviderNotFoundException',
          targetObject: w,
        });
        continue;
      }
      for (const p of found) ctx.write(p);
    }
  },
};

export const cmdlets: CmdletDecl[] = [getPSDrive, newPSDrive, removePSDrive, getPSProvider];
