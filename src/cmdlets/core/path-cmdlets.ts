// Test-Path, Resolve-Path, Join-Path, Split-Path.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletDecl, CmdletContext, ErrorDetails } from '../../runtime/cmdlet-api.js';
import { isWildcardPattern, unescapeWildcard, wildcardToRegExp } from '../../runtime/values/wildcard.js';
import { MANAGEMENT_MODULE, asStringArray } from './util.js';
import { changeExtension } from '../../runtime/path-extension.js';
import { pathInfo } from './location-cmdlets.js';
import {
  FILESYSTEM_PREFIX, driveQualifier, environmentOf, expandWildcardPath, exists, qualifierError, parseProviderPath, pathArguments, pathNotFound,
  resolveFsPath,
} from './fs-items.js';
import { findDrive, type PSDriveInfo } from './ps-drives.js';
import { parseSessionDrivePath, sessionDriveHas } from './session-drives.js';

function envHas(ctx: CmdletContext, name: string): boolean {
  const env = environmentOf(ctx);
  if (name === '') return true;
  if (isWildcardPattern(name)) {
    const re = wildcardToRegExp(name, false);
    return Object.keys(env).some((k) => env[k] !== undefined && re.test(k));
  }
  return env[name] !== undefined;
}

// ---------------------------------------------------------------------------------------------

function toDate(v: unknown): Date | null {
  return v instanceof Date ? v : null;
}

function nullPathError(): ErrorDetails {
  return {
    message: 'The provided Path argument was null or an empty collection.',
    errorId: 'NullPathNotPermitted',
    category: 'InvalidArgument',
    exceptionType: 'System.ArgumentNullException',
  };
}

export const testPath: CmdletDecl = {
  name: 'Test-Path',
  module: MANAGEMENT_MODULE,
  synopsis: 'Determines whether all elements of a path exist.',
  description: 'The Test-Path cmdlet determines whether all elements of the path exist. It returns $true if all elements exist and $false if any are missing.',
  defaultParameterSet: 'Path',
  outputType: ['System.Boolean'],
  parameters: [
    // Null, empty and empty-collection paths bind: Test-Path reports them itself (false, or NullPathNotPermitted).
    { name: 'Path', type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'], allowNull: true, allowEmptyString: true, allowEmptyCollection: true },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'], allowNull: true, allowEmptyString: true, allowEmptyCollection: true },
    { name: 'Filter', type: 'string' },
    { name: 'Include', type: 'string[]' },
    { name: 'Exclude', type: 'string[]' },
    { name: 'PathType', type: 'string', aliases: ['Type'], validateSet: ['Any', 'Container', 'Leaf'] },
    { name: 'IsValid', type: 'switch' },
    { name: 'OlderThan', type: 'datetime' },
    { name: 'NewerThan', type: 'datetime' },
  ],
  process(ctx) {
    const literal = ctx.isBound('LiteralPath');
    const given = literal ? ctx.params.LiteralPath : ctx.params.Path;
    const items: unknown[] = given === null || given === undefined ? [] : Array.isArray(given) ? given : [given];
    const pathType = String(ctx.params.PathType ?? 'Any').toLowerCase();
    if (items.length === 0) {
      ctx.writeError(nullPathError());
      return;
    }
    for (const item of items) {
      if (item === null || item === undefined) {
        ctx.writeError(nullPathError());
        continue;
      }
      const raw = String(item);
      if (raw.trim() === '') {
        ctx.write(false);
        continue;
      }
      if (ctx.params.IsValid) {
        // On Unix every name is valid except one containing NUL; a `name:` qualifier must name a drive.
        ctx.write(!raw.includes('\0') && !qualifierError(ctx, raw));
        continue;
      }
      if (qualifierError(ctx, raw)) {
        ctx.write(false);
        continue;
      }
      const sd = parseSessionDrivePath(raw);
      if (sd) {
        const ok = sessionDriveHas(ctx, sd);
        ctx.write(pathType === 'leaf' ? ok && sd.name !== '' : pathType === 'container' ? sd.name === '' : ok);
        continue;
      }
      const pp = parseProviderPath(ctx, raw);
      if (pp.provider === 'Environment') {
        const ok = envHas(ctx, pp.name);
        ctx.write(pathType === 'leaf' ? ok && pp.name !== '' : pathType === 'container' ? pp.name === '' : ok);
        continue;
      }
      const candidates = !literal && isWildcardPattern(raw) ? expandWildcardPath(ctx, raw, true) : [resolveFsPath(ctx, literal ? raw : unescapeWildcard(raw))];
      const older = toDate(ctx.params.OlderThan);
      const newer = toDate(ctx.params.NewerThan);
      let result = false;
      for (const p of candidates) {
        let st: fs.Stats;
        try {
          st = fs.statSync(p);
        } catch {
          // A symbolic link to nothing still exists (as a leaf).
          try {
            st = fs.lstatSync(p);
          } catch {
            continue;
          }
        }
        if (pathType === 'leaf' && st.isDirectory()) continue;
        if (pathType === 'container' && !st.isDirectory()) continue;
        if (older && !(st.mtimeMs < older.getTime())) continue;
        if (newer && !(st.mtimeMs > newer.getTime())) continue;
        result = true;
        break;
      }
      ctx.write(result);
    }
  },
};

// ---------------------------------------------------------------------------------------------

/** `./x`, `../x`: pwsh's -Relative form (always with a leading `.` segment; the base itself is `./`). */
function relativeTo(base: string, target: string): string {
  const rel = nodePath.relative(base, target);
  if (rel === '') return './';
  return rel.startsWith('..') ? rel : './' + rel;
}

/** An existing item a Resolve-Path/Convert-Path argument names: its file system path and the path as pwsh shows it. */
interface ResolvedItem {
  providerPath: string;
  path: string;
}

const PROVIDER_QUALIFIER = /^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i;

/**
 * The items a path names, as Resolve-Path and Convert-Path resolve it: wildcards expanded (hidden items only with
 * -Force), a relative path taken from `base`, errors (DriveNotFound, PathNotFound) written for what matches nothing.
 * A drive-qualified path keeps its drive in the shown path (`TestDrive:/x`), a provider-qualified one its provider.
 */
function resolveExistingItems(ctx: CmdletContext, raw: string, literal: boolean, force: boolean, base: string | null): ResolvedItem[] {
  const providerQualified = PROVIDER_QUALIFIER.test(raw);
  const unqualified = raw.replace(PROVIDER_QUALIFIER, '');
  const missingDrive = qualifierError(ctx, raw);
  if (missingDrive) {
    ctx.writeError(missingDrive);
    return [];
  }
  const driveName = providerQualified ? null : driveQualifier(unqualified);
  const drive = driveName === null ? null : findDrive(ctx, driveName);
  const isRelative = !driveName && !/^[\\/~]/.test(unqualified);
  const p = base !== null && isRelative ? nodePath.join(base, unqualified.replace(/\\/g, '/')) : unqualified;
  let found: string[];
  if (!literal && isWildcardPattern(p)) {
    found = expandWildcardPath(ctx, p, force);
    if (found.length === 0) {
      ctx.writeError(pathNotFound(raw));
      return [];
    }
  } else {
    const full = resolveFsPath(ctx, literal ? p : unescapeWildcard(p));
    if (!exists(full)) {
      ctx.writeError(pathNotFound(full));
      return [];
    }
    found = [full];
  }
  return found.map((f) => ({ providerPath: f, path: shownPath(f, providerQualified, drive) }));
}

function shownPath(full: string, providerQualified: boolean, drive: PSDriveInfo | null): string {
  if (providerQualified) return FILESYSTEM_PREFIX + full;
  if (!drive || drive.Provider.Name !== 'FileSystem' || drive.Name === '/') return full;
  const root = drive.Root.replace(/\/+$/, '');
  if (full !== root && !full.startsWith(root + '/')) return full;
  return `${drive.Name}:/${full.slice(root.length + 1)}`;
}

function relativeBase(ctx: CmdletContext): string | null {
  return ctx.params.RelativeBasePath ? resolveFsPath(ctx, String(ctx.params.RelativeBasePath)) : null;
}

export const resolvePath: CmdletDecl = {
  name: 'Resolve-Path',
  module: MANAGEMENT_MODULE,
  synopsis: 'Resolves the wildcard characters in a path, and displays the path contents.',
  description: 'The Resolve-Path cmdlet displays the items and containers that match the wildcard pattern at the location specified.',
  defaultParameterSet: 'Path',
  outputType: ['System.Management.Automation.PathInfo', 'System.String'],
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
    { name: 'Relative', type: 'switch' },
    { name: 'RelativeBasePath', type: 'string', valueFromPipelineByPropertyName: true },
    { name: 'Force', type: 'switch' },
    { name: 'Credential', type: 'object' },
  ],
  process(ctx) {
    const { paths, literal } = pathArguments(ctx);
    const base = relativeBase(ctx);
    for (const raw of paths) {
      const pp = parseProviderPath(ctx, raw);
      if (pp.provider === 'Environment') {
        if (!envHas(ctx, pp.name)) {
          ctx.writeError(pathNotFound(raw));
          continue;
        }
        ctx.write(pathInfo(pp.name === '' ? 'Env:\\' : `Env:\\${pp.name}`));
        continue;
      }
      for (const item of resolveExistingItems(ctx, raw, literal, !!ctx.params.Force, base)) {
        ctx.write(ctx.params.Relative ? relativeTo(base ?? ctx.cwd, item.providerPath) : pathInfo(item.path, item.providerPath));
      }
    }
  },
};

export const convertPath: CmdletDecl = {
  name: 'Convert-Path',
  module: MANAGEMENT_MODULE,
  synopsis: 'Converts a path from a PowerShell path to a PowerShell provider path.',
  description: 'The Convert-Path cmdlet converts a path from a PowerShell path to a PowerShell provider path.',
  defaultParameterSet: 'Path',
  outputType: ['System.String'],
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
    { name: 'Force', type: 'switch' },
  ],
  process(ctx) {
    const { paths, literal } = pathArguments(ctx);
    for (const raw of paths) {
      const pp = parseProviderPath(ctx, raw);
      if (pp.provider === 'Environment') {
        // The environment provider's paths are the variable names themselves.
        if (envHas(ctx, pp.name)) ctx.write(pp.name);
        else ctx.writeError(pathNotFound(raw));
        continue;
      }
      for (const item of resolveExistingItems(ctx, raw, literal, !!ctx.params.Force, null)) ctx.write(item.providerPath);
    }
  },
};

// ---------------------------------------------------------------------------------------------

/**
 * The navigation provider's MakePath on Unix: `\` → `/`; an empty child (or a lone separator) leaves the parent
 * with one trailing separator; otherwise the parts are joined with one separator (one leading separator of the child
 * dropped, as Path.Join would double it).
 */
export function joinPath(parent: string, child: string): string {
  const p = parent.replace(/\\/g, '/');
  const c = child.replace(/\\/g, '/');
  if (p === '') return c;
  if (c === '' || c === '/') return p.endsWith('/') ? p : p + '/';
  const right = c.startsWith('/') ? c.slice(1) : c;
  return p.endsWith('/') || right.startsWith('/') ? p + right : `${p}/${right}`;
}

export const joinPathCmdlet: CmdletDecl = {
  name: 'Join-Path',
  module: MANAGEMENT_MODULE,
  synopsis: 'Combines a path and a child path into a single path.',
  description: 'The Join-Path cmdlet combines a path and child-path into a single path. The provider supplies the path delimiters.',
  outputType: ['System.String'],
  parameters: [
    { name: 'Path', type: 'string[]', aliases: ['PSPath'], position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'ChildPath', type: 'string[]', position: 1, valueFromPipelineByPropertyName: true, allowNull: true, allowEmptyString: true, allowEmptyCollection: true },
    { name: 'AdditionalChildPath', type: 'string[]', position: 2, valueFromPipelineByPropertyName: true, valueFromRemainingArguments: true, allowNull: true, allowEmptyString: true, allowEmptyCollection: true },
    { name: 'Resolve', type: 'switch' },
    { name: 'Extension', type: 'string', valueFromPipelineByPropertyName: true, validateNotNull: true },
    { name: 'Credential', type: 'object' },
  ],
  process(ctx) {
    // The child parts are combined first, then joined to each parent (as JoinPathCommand does).
    let child = '';
    for (const c of [...asStringArray(ctx.params.ChildPath), ...asStringArray(ctx.params.AdditionalChildPath)]) child = joinPath(child, c);
    const ext = ctx.params.Extension as string | undefined;
    for (const p of asStringArray(ctx.params.Path)) {
      let joined = joinPath(p, child);
      if (ext !== undefined) joined = changeExtension(joined, ext === '' ? null : ext);
      if (ctx.params.Resolve) {
        for (const item of resolveExistingItems(ctx, joined, false, false, null)) ctx.write(item.path);
        continue;
      }
      ctx.write(joined);
    }
  },
};

// ---------------------------------------------------------------------------------------------

const SPLIT_SETS = ['ParentSet', 'LeafSet', 'LeafBaseSet', 'ExtensionSet', 'QualifierSet', 'NoQualifierSet', 'IsAbsoluteSet'];
const LITERAL_SETS = SPLIT_SETS.map((s) => 'Literal' + s);

function qualifierOf(p: string): string | null {
  const m = /^([^:/\\]+:)/.exec(p);
  return m ? m[1] : null;
}

function leafPart(p: string): string {
  const t = p.replace(/\\/g, '/');
  const trimmed = t.length > 1 ? t.replace(/\/+$/, '') : t;
  if (trimmed === '/') return '';
  const noQual = trimmed.replace(/^[^:/]+:/, '');
  const i = noQual.lastIndexOf('/');
  return i < 0 ? noQual : noQual.slice(i + 1);
}

function parentPart(p: string): string {
  const t = p.replace(/\\/g, '/');
  const trimmed = t.length > 1 ? t.replace(/\/+$/, '') : t;
  if (trimmed === '/' || trimmed === '') return '';
  const q = qualifierOf(trimmed);
  const rest = q ? trimmed.slice(q.length) : trimmed;
  // A drive's root has no parent, and the flat providers' drives (env:, variable:, ...) have no folders.
  if (q && (rest === '' || rest === '/' || /^(env|variable|function|alias):$/i.test(q))) return '';
  const i = rest.lastIndexOf('/');
  if (i < 0) return q ?? '';
  if (i === 0) return (q ?? '') + '/';
  return (q ?? '') + rest.slice(0, i);
}

export const splitPath: CmdletDecl = {
  name: 'Split-Path',
  module: MANAGEMENT_MODULE,
  synopsis: 'Returns the specified part of a path.',
  description: 'The Split-Path cmdlet returns only the specified part of a path, such as the parent folder, a subfolder, or a file name.',
  defaultParameterSet: 'ParentSet',
  outputType: ['System.String', 'System.Boolean'],
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: SPLIT_SETS },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: LITERAL_SETS },
    { name: 'Parent', type: 'switch', parameterSets: ['ParentSet', 'LiteralParentSet'] },
    { name: 'Leaf', type: 'switch', mandatory: true, parameterSets: ['LeafSet', 'LiteralLeafSet'] },
    { name: 'LeafBase', type: 'switch', mandatory: true, parameterSets: ['LeafBaseSet', 'LiteralLeafBaseSet'] },
    { name: 'Extension', type: 'switch', mandatory: true, parameterSets: ['ExtensionSet', 'LiteralExtensionSet'] },
    { name: 'Qualifier', type: 'switch', position: 1, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['QualifierSet', 'LiteralQualifierSet'] },
    { name: 'NoQualifier', type: 'switch', mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['NoQualifierSet', 'LiteralNoQualifierSet'] },
    { name: 'IsAbsolute', type: 'switch', mandatory: true, parameterSets: ['IsAbsoluteSet', 'LiteralIsAbsoluteSet'] },
    { name: 'Resolve', type: 'switch' },
    { name: 'Credential', type: 'object' },
  ],
  process(ctx) {
    const literal = ctx.isBound('LiteralPath');
    let paths = asStringArray(literal ? ctx.params.LiteralPath : ctx.params.Path);
    if (ctx.params.Resolve) {
      const resolved: string[] = [];
      for (const p of paths) {
        const found = !literal && isWildcardPattern(p) ? expandWildcardPath(ctx, p, true) : exists(resolveFsPath(ctx, p)) ? [resolveFsPath(ctx, p)] : [];
        if (found.length === 0) ctx.writeError(pathNotFound(isWildcardPattern(p) ? p : resolveFsPath(ctx, p)));
        resolved.push(...found);
      }
      paths = resolved;
    }
    for (const p of paths) {
      if (ctx.params.IsAbsolute) {
        ctx.write(p.startsWith('/') || p.startsWith('\\') || qualifierOf(p) !== null);
      } else if (ctx.params.Qualifier) {
        const q = qualifierOf(p);
        if (q === null) {
          ctx.writeError({
            message: `Cannot parse path because path '${p}' does not have a qualifier specified.`,
            errorId: 'ParsePathFormatError',
            category: 'InvalidArgument',
            exceptionType: 'System.Management.Automation.PSArgumentException',
            targetObject: p,
          });
          continue;
        }
        ctx.write(q);
      } else if (ctx.params.NoQualifier) {
        const q = qualifierOf(p);
        ctx.write(q ? p.slice(q.length) : p);
      } else if (ctx.params.Leaf) {
        ctx.write(leafPart(p));
      } else if (ctx.params.LeafBase) {
        const leaf = leafPart(p);
        const i = leaf.lastIndexOf('.');
        ctx.write(i < 0 || i === leaf.length - 1 ? leaf : leaf.slice(0, i));
      } else if (ctx.params.Extension) {
        const leaf = leafPart(p);
        const i = leaf.lastIndexOf('.');
        ctx.write(i < 0 || i === leaf.length - 1 ? '' : leaf.slice(i));
      } else {
        ctx.write(parentPart(p));
      }
    }
  },
};

export const cmdlets: CmdletDecl[] = [testPath, resolvePath, convertPath, joinPathCmdlet, splitPath];
