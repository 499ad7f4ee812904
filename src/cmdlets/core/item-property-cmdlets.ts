// Get-ItemProperty, Get-ItemPropertyValue, Set-ItemProperty, Clear-ItemProperty (file system items: their .NET
// properties, e.g. `Set-ItemProperty f -Name LastWriteTime -Value (Get-Date)`) and Clear-Item (variables, env vars).
import * as nodePath from 'node:path';
import type { CmdletDecl, CmdletContext, ErrorDetails, ParameterDecl } from '../../runtime/cmdlet-api.js';
import { PSObject } from '../../runtime/values/objects.js';
import { setMember } from '../../runtime/types/index.js';
import { MANAGEMENT_MODULE, asCmdletWriteError, asStringArray, getProp, propertyNames } from './util.js';
import {
  FILESYSTEM_PREFIX, environmentOf, itemFromPath, parseProviderPath, pathArguments, pathNotFound, resolveFsPaths,
} from './fs-items.js';
import { parseSessionDrivePath, sessionDriveItems, sessionDriveNotFound } from './session-drives.js';
import { contextProviders, findDrive } from './ps-drives.js';

const PATH_PARAMS: ParameterDecl[] = [
  { name: 'Path', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
  { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
  { name: 'Filter', type: 'string' },
  { name: 'Include', type: 'string[]' },
  { name: 'Exclude', type: 'string[]' },
  { name: 'Credential', type: 'object' },
];

/** The file system items a -Path/-LiteralPath names (errors written for the missing ones). */
function fileItems(ctx: CmdletContext, raw: string, literal: boolean): { path: string; item: PSObject }[] {
  const out: { path: string; item: PSObject }[] = [];
  for (const p of resolveFsPaths(ctx, raw, { literal, force: true })) {
    const item = itemFromPath(p);
    if (item) out.push({ path: p, item });
  }
  return out;
}

/** The name an object's property has (case-insensitive lookup), or null when it has none. */
function propertyName(obj: unknown, name: string): string | null {
  const lower = name.toLowerCase();
  return propertyNames(obj).find((n) => n.toLowerCase() === lower) ?? null;
}

function propertyNotFound(name: string): ErrorDetails {
  return {
    message: `The property ${name} does not exist or was not found.`,
    errorId: 'GetValueError',
    category: 'ReadError',
    exceptionType: 'System.IO.IOException',
    targetObject: name,
  };
}

/** The PSPath, PSParentPath, PSChildName, PSDrive and PSProvider notes the provider adds to what it writes. */
function addProviderNotes(ctx: CmdletContext, o: PSObject, full: string): void {
  o.setProperty('PSPath', FILESYSTEM_PREFIX + full);
  o.setProperty('PSParentPath', full === '/' ? '' : FILESYSTEM_PREFIX + nodePath.dirname(full));
  o.setProperty('PSChildName', full === '/' ? '/' : nodePath.basename(full));
  o.setProperty('PSDrive', findDrive(ctx, '/'));
  o.setProperty('PSProvider', contextProviders(ctx).find((p) => p.Name === 'FileSystem') ?? null);
}

/** Get-ItemProperty: the item itself, or an object of the named properties. */
function itemProperties(ctx: CmdletContext, full: string, item: PSObject, names: string[]): PSObject | null {
  if (names.length === 0) {
    addProviderNotes(ctx, item, full);
    return item;
  }
  let result: PSObject | null = null;
  for (const name of names) {
    const actual = propertyName(item, name);
    if (actual === null) {
      ctx.writeError(propertyNotFound(name));
      continue;
    }
    result ??= new PSObject();
    result.setProperty(name, getProp(item, actual));
  }
  if (result) addProviderNotes(ctx, result, full);
  return result;
}

export const getItemProperty: CmdletDecl = {
  name: 'Get-ItemProperty',
  module: MANAGEMENT_MODULE,
  synopsis: 'Gets the properties of a specified item.',
  description: 'The Get-ItemProperty cmdlet gets the properties of the specified items.',
  defaultParameterSet: 'Path',
  parameters: [...PATH_PARAMS, { name: 'Name', type: 'string[]', position: 1, aliases: ['PSProperty'] }],
  process(ctx) {
    const { paths, literal } = pathArguments(ctx);
    const names = asStringArray(ctx.params.Name);
    for (const raw of paths) {
      for (const { path, item } of fileItems(ctx, raw, literal)) {
        const r = itemProperties(ctx, path, item, names);
        if (r) ctx.write(r);
      }
    }
  },
};

export const getItemPropertyValue: CmdletDecl = {
  name: 'Get-ItemPropertyValue',
  module: MANAGEMENT_MODULE,
  synopsis: 'Gets the value for one or more properties of a specified item.',
  description: 'The Get-ItemPropertyValue gets the current value for a property that you specify when you use the Name parameter, located in a path that you specify with either the Path or LiteralPath parameters.',
  defaultParameterSet: 'Path',
  parameters: [
    { ...PATH_PARAMS[0], mandatory: false },
    PATH_PARAMS[1],
    ...PATH_PARAMS.slice(2),
    { name: 'Name', type: 'string[]', position: 1, mandatory: true, aliases: ['PSProperty'] },
  ],
  process(ctx) {
    const { paths, literal } = pathArguments(ctx);
    if (paths.length === 0) paths.push('.');
    for (const raw of paths) {
      for (const { item } of fileItems(ctx, raw, literal)) {
        for (const name of asStringArray(ctx.params.Name)) {
          const actual = propertyName(item, name);
          if (actual === null) ctx.writeError(propertyNotFound(name));
          else ctx.write(getProp(item, actual));
        }
      }
    }
  },
};

/** Assign properties of a file system item; a failed assignment is written as the provider's SetPropertyError. */
function assignProperties(ctx: CmdletContext, full: string, item: PSObject, values: [string, unknown][]): void {
  for (const [name, value] of values) {
    const actual = propertyName(item, name);
    if (actual === null) {
      ctx.writeError(propertyNotFound(name));
      continue;
    }
    try {
      setMember(item, actual, value);
    } catch (e) {
      ctx.writeError({
        message: (e as Error).message,
        errorId: 'SetPropertyError',
        category: 'WriteError',
        exceptionType: 'System.IO.IOException',
        targetObject: full,
      });
    }
  }
}

export const setItemProperty: CmdletDecl = {
  name: 'Set-ItemProperty',
  module: MANAGEMENT_MODULE,
  synopsis: 'Creates or changes the value of a property of an item.',
  description: 'The Set-ItemProperty cmdlet changes the value of the property of the specified item.',
  defaultParameterSet: 'propertyValuePathSet',
  supportsShouldProcess: true,
  parameters: [
    { ...PATH_PARAMS[0], parameterSets: ['propertyValuePathSet', 'propertyPSObjectPathSet'] },
    { ...PATH_PARAMS[1], parameterSets: ['propertyValueLiteralPathSet', 'propertyPSObjectLiteralPathSet'] },
    ...PATH_PARAMS.slice(2),
    { name: 'Name', type: 'string', position: 1, mandatory: true, aliases: ['PSProperty'], valueFromPipelineByPropertyName: true, parameterSets: ['propertyValuePathSet', 'propertyValueLiteralPathSet'] },
    { name: 'Value', type: 'object', position: 2, mandatory: true, allowNull: true, valueFromPipelineByPropertyName: true, parameterSets: ['propertyValuePathSet', 'propertyValueLiteralPathSet'] },
    { name: 'InputObject', type: 'psobject', mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['propertyPSObjectPathSet', 'propertyPSObjectLiteralPathSet'] },
    { name: 'PassThru', type: 'switch' },
    { name: 'Force', type: 'switch' },
    { name: 'Type', type: 'string', aliases: ['PropertyType'] },
  ],
  async process(ctx) {
    const { paths, literal } = pathArguments(ctx);
    const values: [string, unknown][] = ctx.isBound('InputObject')
      ? propertyNames(ctx.params.InputObject).map((n) => [n, getProp(ctx.params.InputObject, n)])
      : [[String(ctx.params.Name), ctx.params.Value]];
    for (const raw of paths) {
      for (const { path, item } of fileItems(ctx, raw, literal)) {
        if (!(await ctx.shouldProcess(`Item: ${path} Property: ${values.map((v) => v[0]).join(', ')}`, 'Set Property'))) continue;
        assignProperties(ctx, path, item, values);
        if (ctx.params.PassThru) {
          const r = itemProperties(ctx, path, item, values.map((v) => v[0]));
          if (r) ctx.write(r);
        }
      }
    }
  },
};

export const clearItemProperty: CmdletDecl = {
  name: 'Clear-ItemProperty',
  module: MANAGEMENT_MODULE,
  synopsis: 'Clears the value of a property but does not delete the property.',
  description: 'The Clear-ItemProperty cmdlet clears the value of a property, but it does not delete the property.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: [...PATH_PARAMS, { name: 'Name', type: 'string', position: 1, mandatory: true, aliases: ['PSProperty'] }, { name: 'PassThru', type: 'switch' }, { name: 'Force', type: 'switch' }],
  async process(ctx) {
    const { paths, literal } = pathArguments(ctx);
    const name = String(ctx.params.Name);
    for (const raw of paths) {
      for (const { path, item } of fileItems(ctx, raw, literal)) {
        // The file system provider can clear only Attributes (back to Normal).
        if (name.toLowerCase() !== 'attributes') {
          ctx.writeError({
            message: `The property ${name} cannot be cleared.`,
            errorId: 'ClearPropertyError',
            category: 'InvalidArgument',
            exceptionType: 'System.ArgumentException',
            targetObject: path,
          });
          continue;
        }
        if (!(await ctx.shouldProcess(`Item: ${path} Property: ${name}`, 'Clear Property'))) continue;
        assignProperties(ctx, path, item, [['Attributes', 'Normal']]);
        if (ctx.params.PassThru) {
          const r = itemProperties(ctx, path, item, ['Attributes']);
          if (r) ctx.write(r);
        }
      }
    }
  },
};

export const clearItem: CmdletDecl = {
  name: 'Clear-Item',
  module: MANAGEMENT_MODULE,
  synopsis: 'Clears the contents of an item, but does not delete the item.',
  description: 'The Clear-Item cmdlet clears the content of an item, but it does not delete the item. For example, Clear-Item can delete the value of a variable, but it does not delete the variable.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: [...PATH_PARAMS, { name: 'Force', type: 'switch' }],
  async process(ctx) {
    const { paths } = pathArguments(ctx);
    for (const raw of paths) {
      const sd = parseSessionDrivePath(raw);
      if (sd?.drive === 'Variable') {
        const items = sessionDriveItems(ctx, sd);
        if (items.length === 0) ctx.writeError(sessionDriveNotFound(sd));
        for (const v of items) {
          const name = String(getProp(v, 'Name'));
          // Session variable calls resolve scopes from the running command's frame: only wait when a prompt did.
          let ok = ctx.shouldProcess(`Item: ${name}`, 'Clear Item');
          if (typeof ok !== 'boolean') ok = await ok;
          if (!ok) continue;
          asCmdletWriteError(ctx, () => ctx.session.setVariable(name, null, { force: ctx.params.Force === true }));
        }
        continue;
      }
      const pp = sd ? null : parseProviderPath(ctx, raw);
      if (pp?.provider === 'Environment') {
        const env = environmentOf(ctx);
        if (env[pp.name] === undefined) {
          ctx.writeError(pathNotFound(pp.name));
          continue;
        }
        if (!(await ctx.shouldProcess(`Item: ${pp.name}`, 'Clear Item'))) continue;
        delete env[pp.name];
        continue;
      }
      // The file system, alias and function providers cannot clear an item.
      ctx.writeError({
        message: 'Provider operation stopped because the provider does not support this operation.',
        errorId: 'NotSupported',
        category: 'NotImplemented',
        exceptionType: 'System.Management.Automation.PSNotSupportedException',
        targetObject: raw,
      });
    }
  },
};

export const cmdlets: CmdletDecl[] = [getItemProperty, getItemPropertyValue, setItemProperty, clearItemProperty, clearItem];
