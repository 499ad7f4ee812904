// Item cmdlets over the FileSystem and Environment providers: Get-ChildItem, Get-Item, New-Item, Remove-Item,
// Copy-Item, Move-Item, Rename-Item, Set-Item.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletDecl, CmdletContext, ErrorDetails, ParameterDecl } from '../../runtime/cmdlet-api.js';
import { toStr } from '../../runtime/values/convert.js';
import type { PSObject } from '../../runtime/values/objects.js';
import { isWildcardPattern, unescapeWildcard, wildcardToRegExp } from '../../runtime/values/wildcard.js';
import { DictionaryEntry } from '../../runtime/types/index.js';
import { MANAGEMENT_MODULE, asCmdletWriteError, asStringArray, isPromise } from './util.js';
import {
  compareNames, environmentOf, exists, fileSystemInfoOf, ioError, isHiddenName, itemFromPath, listChildren, makeItem,
  nameFilter, parseProviderPath, pathNotFound, qualifierError, resolveFsPath, resolveFsPaths, type NameFilter,
} from './fs-items.js';
import {
  parseSessionDrivePath, removeSessionDriveItem, renameSessionDriveItem, sessionDriveItems, sessionDriveNotFound, setSessionDriveItem,
} from './session-drives.js';

// ---------------------------------------------------------------------------------------------
// Shared pieces

function rawPaths(ctx: CmdletContext, fallback?: string): { paths: string[]; literal: boolean } {
  const literal = ctx.isBound('LiteralPath');
  const v = literal ? ctx.params.LiteralPath : ctx.params.Path;
  const paths = asStringArray(v);
  if (paths.length === 0 && fallback !== undefined) paths.push(fallback);
  return { paths, literal };
}

function envEntries(ctx: CmdletContext, pattern: string): DictionaryEntry[] {
  const env = environmentOf(ctx);
  const names = Object.keys(env).filter((k) => env[k] !== undefined);
  names.sort(compareNames);
  if (pattern === '') return names.map((k) => new DictionaryEntry(k, env[k]));
  if (isWildcardPattern(pattern)) {
    const re = wildcardToRegExp(pattern, false);
    return names.filter((k) => re.test(k)).map((k) => new DictionaryEntry(k, env[k]));
  }
  // Environment variable names are case-sensitive on Unix.
  return env[pattern] !== undefined ? [new DictionaryEntry(pattern, env[pattern])] : [];
}

function envPathNotFound(ctx: CmdletContext, raw: string, name: string): void {
  void raw;
  ctx.writeError(pathNotFound(name));
}

const PATH_PARAMS = (mandatory: boolean, pipeline = true): ParameterDecl[] => [
  { name: 'Path', type: 'string[]', position: 0, mandatory: mandatory ? ['Path'] : undefined, valueFromPipeline: pipeline, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
  { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
];

const FILTER_PARAMS: ParameterDecl[] = [
  { name: 'Filter', type: 'string' },
  { name: 'Include', type: 'string[]' },
  { name: 'Exclude', type: 'string[]' },
];

// ---------------------------------------------------------------------------------------------
// Get-ChildItem

export const getChildItem: CmdletDecl = {
  name: 'Get-ChildItem',
  module: MANAGEMENT_MODULE,
  synopsis: 'Gets the items and child items in one or more specified locations.',
  description: 'The Get-ChildItem cmdlet gets the items in one or more specified locations. If the item is a container, it gets the items inside the container, known as child items.',
  defaultParameterSet: 'Items',
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo', 'System.String'],
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Items'] },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralItems'] },
    { name: 'Filter', type: 'string', position: 1 },
    { name: 'Include', type: 'string[]' },
    { name: 'Exclude', type: 'string[]' },
    { name: 'Recurse', type: 'switch', aliases: ['s', 'r'] },
    { name: 'Depth', type: 'uint32' },
    { name: 'Force', type: 'switch' },
    { name: 'Name', type: 'switch' },
    { name: 'Attributes', type: 'string' },
    { name: 'FollowSymlink', type: 'switch' },
    { name: 'Directory', type: 'switch', aliases: ['ad'] },
    { name: 'File', type: 'switch', aliases: ['af'] },
    { name: 'Hidden', type: 'switch', aliases: ['ah', 'h'] },
    { name: 'ReadOnly', type: 'switch', aliases: ['ar'] },
    { name: 'System', type: 'switch', aliases: ['as'] },
  ],
  process(ctx) {
    const literal = ctx.isBound('LiteralPath');
    const paths = asStringArray(literal ? ctx.params.LiteralPath : ctx.params.Path);
    if (paths.length === 0) paths.push('.');
    const force = !!ctx.params.Force || !!ctx.params.Hidden;
    const recurse = !!ctx.params.Recurse || ctx.isBound('Depth');
    const maxDepth = ctx.isBound('Depth') ? Number(ctx.params.Depth) : Infinity;
    const filter = nameFilter(ctx);
    const wantFile = !!ctx.params.File;
    const wantDir = !!ctx.params.Directory;
    const onlyHidden = !!ctx.params.Hidden;
    const onlyReadOnly = !!ctx.params.ReadOnly;
    const emitName = !!ctx.params.Name;

    const accept = (item: ReturnType<typeof makeItem>): boolean => {
      const info = fileSystemInfoOf(item)!;
      if (wantFile && !wantDir && info.isDirectory) return false;
      if (wantDir && !wantFile && !info.isDirectory) return false;
      if (onlyHidden && !isHiddenName(info.Name)) return false;
      if (onlyReadOnly && !(info.stats && !(info.stats.mode & 0o200))) return false;
      return filter.test(info.Name);
    };

    const outputs: unknown[] = [];
    const emit = (item: ReturnType<typeof makeItem>, rel: string) => outputs.push(emitName ? rel : item);

    // With -FollowSymlink every directory entered is remembered by device and inode, so a link back to a directory
    // already listed is skipped with a warning instead of looping (pwsh's InodeTracker).
    const visited = ctx.params.FollowSymlink ? new Set<string>() : null;
    const firstVisit = (dir: string): boolean => {
      if (!visited) return true;
      let key: string;
      try {
        const st = fs.statSync(dir);
        key = `${st.dev}:${st.ino}`;
      } catch {
        return true;
      }
      if (visited.has(key)) return false;
      visited.add(key);
      return true;
    };

    // `leaf`: with -Recurse, a wildcard last segment of -Path selects names at every level (pwsh searches its parent).
    const walk = (dir: string, relBase: string, depth: number, leaf: RegExp | null = null) => {
      const children = listChildren(dir, force);
      for (const c of children) {
        const info = fileSystemInfoOf(c)!;
        if ((!leaf || leaf.test(info.Name)) && accept(c)) emit(c, relBase + info.Name);
      }
      if (!recurse || depth >= maxDepth) return;
      for (const c of children) {
        const info = fileSystemInfoOf(c)!;
        if (!info.isDirectory) continue;
        if (info.linkTarget !== null && !visited) continue;
        if (!firstVisit(info.path)) {
          ctx.writeWarning(`Skip already-visited directory ${info.path}.`);
          continue;
        }
        walk(info.path, relBase + info.Name + '/', depth + 1, leaf);
      }
    };

    /** `-Recurse` with a wildcard leaf (`dir/F*.txt`): the parent folders and the leaf pattern, else null. */
    const recursiveSearch = (raw: string): { parents: string; leaf: RegExp } | null => {
      if (!recurse || literal) return null;
      const norm = raw.replace(/\\/g, '/').replace(/(.)\/+$/, '$1');
      const slash = norm.lastIndexOf('/');
      const leaf = norm.slice(slash + 1);
      if (!isWildcardPattern(leaf) || qualifierError(ctx, norm)) return null;
      return { parents: slash < 0 ? '.' : norm.slice(0, slash) || '/', leaf: wildcardToRegExp(leaf, false) };
    };

    for (const raw of paths) {
      const sd = parseSessionDrivePath(raw);
      if (sd) {
        const items = sessionDriveItems(ctx, sd);
        if (items.length === 0 && sd.name !== '' && !isWildcardPattern(sd.name)) ctx.writeError(sessionDriveNotFound(sd));
        for (const it of items) outputs.push(emitName ? (it as PSObject).getMember('Name')?.value ?? null : it);
        continue;
      }
      const pp = parseProviderPath(ctx, raw);
      if (pp.provider === 'Environment') {
        const entries = envEntries(ctx, pp.name);
        if (entries.length === 0 && !isWildcardPattern(pp.name)) envPathNotFound(ctx, raw, pp.name);
        for (const e of entries) outputs.push(emitName ? e.Key : e);
        continue;
      }
      const search = recursiveSearch(raw);
      if (search) {
        for (const dir of resolveFsPaths(ctx, search.parents, { force })) {
          if (!isDirectory(dir)) continue;
          firstVisit(dir);
          walk(dir, '', 0, search.leaf);
        }
        continue;
      }
      const found = resolveFsPaths(ctx, raw, { literal, force });
      for (const p of found) {
        let st: fs.Stats;
        try {
          st = fs.statSync(p);
        } catch {
          const item = itemFromPath(p);
          if (item && accept(item)) emit(item, nodePath.basename(p));
          continue;
        }
        if (st.isDirectory()) {
          firstVisit(p);
          walk(p, '', 0);
        } else {
          const item = makeItem(p);
          if (accept(item)) emit(item, nodePath.basename(p));
        }
      }
    }
    return writeAll(ctx, outputs);
  },
};

function writeAll(ctx: CmdletContext, items: unknown[], start = 0): void | Promise<void> {
  for (let i = start; i < items.length; i++) {
    const r = ctx.write(items[i]);
    if (isPromise(r)) return r.then(() => writeAll(ctx, items, i + 1));
  }
}

// ---------------------------------------------------------------------------------------------
// Get-Item

export const getItem: CmdletDecl = {
  name: 'Get-Item',
  module: MANAGEMENT_MODULE,
  synopsis: 'Gets the item at the specified location.',
  description: 'The Get-Item cmdlet gets the item at the specified location. It does not get the contents of the item at the location unless you use a wildcard character (*) to request all the contents of the item.',
  defaultParameterSet: 'Path',
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  parameters: [...PATH_PARAMS(true), ...FILTER_PARAMS, { name: 'Force', type: 'switch' }],
  process(ctx) {
    const { paths, literal } = rawPaths(ctx);
    const filter = nameFilter(ctx);
    for (const raw of paths) {
      const sd = parseSessionDrivePath(raw);
      if (sd) {
        const items = sessionDriveItems(ctx, sd);
        if (items.length === 0 && !isWildcardPattern(sd.name)) ctx.writeError(sessionDriveNotFound(sd));
        for (const it of items) ctx.write(it);
        continue;
      }
      const pp = parseProviderPath(ctx, raw);
      if (pp.provider === 'Environment') {
        const entries = envEntries(ctx, pp.name);
        if (entries.length === 0 && !isWildcardPattern(pp.name)) envPathNotFound(ctx, raw, pp.name);
        for (const e of entries) ctx.write(e);
        continue;
      }
      for (const p of resolveFsPaths(ctx, raw, { literal, force: !!ctx.params.Force })) {
        // The file system provider hides hidden items (dot names on Unix) from Get-Item unless -Force.
        if (!ctx.params.Force && p !== '/' && isHiddenName(nodePath.basename(p))) {
          ctx.writeError({
            message: `Could not find item ${p}.`,
            errorId: 'ItemNotFound',
            category: 'ObjectNotFound',
            exceptionType: 'System.IO.IOException',
            targetObject: p,
          });
          continue;
        }
        const item = itemFromPath(p);
        if (item && filter.test(fileSystemInfoOf(item)!.Name)) ctx.write(item);
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// New-Item

type ItemKind = 'File' | 'Directory' | 'SymbolicLink' | 'HardLink';

/** pwsh matches -ItemType as a prefix of the known names (`dir` → Directory). */
function itemKind(type: string): ItemKind | null {
  const t = type.toLowerCase();
  if (t === '') return null;
  if ('directory'.startsWith(t) || 'container'.startsWith(t)) return 'Directory';
  if ('file'.startsWith(t)) return 'File';
  if ('symboliclink'.startsWith(t)) return 'SymbolicLink';
  if ('hardlink'.startsWith(t)) return 'HardLink';
  return null;
}

/** A directory cannot be made (New-Item) or moved (Move-Item) where an item of that name exists. */
function directoryExists(path: string): ErrorDetails {
  return {
    message: `An item with the specified name ${path} already exists.`,
    errorId: 'DirectoryExist',
    category: 'ResourceExists',
    exceptionType: 'System.IO.IOException',
    targetObject: path,
  };
}

/** New-Item of a session-state or environment item that exists (without -Force). */
function itemAlreadyExists(name: string): ErrorDetails {
  return {
    message: `The item at path '${name}' already exists.`,
    errorId: 'NewItemAlreadyExists',
    category: 'ResourceExists',
    exceptionType: 'System.Management.Automation.SessionStateException',
    targetObject: name,
  };
}

export const newItem: CmdletDecl = {
  name: 'New-Item',
  module: MANAGEMENT_MODULE,
  synopsis: 'Creates a new item.',
  description: 'The New-Item cmdlet creates a new item and sets its value. The types of items that can be created depend on the location of the item.',
  defaultParameterSet: 'pathSet',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  parameters: [
    // Listing both sets makes `pathSet` a known set, so -Path alone picks it (the default) rather than nameSet.
    { name: 'Path', type: 'string[]', position: 0, mandatory: ['pathSet'], valueFromPipelineByPropertyName: true, parameterSets: ['pathSet', 'nameSet'] },
    { name: 'Name', type: 'string', mandatory: ['nameSet'], valueFromPipelineByPropertyName: true, parameterSets: ['nameSet'] },
    { name: 'ItemType', type: 'string', aliases: ['Type'], valueFromPipelineByPropertyName: true },
    { name: 'Value', type: 'object', aliases: ['Target'], valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'Force', type: 'switch' },
    { name: 'Credential', type: 'object' },
  ],
  process(ctx) {
    const paths = asStringArray(ctx.params.Path);
    const name = ctx.params.Name === undefined || ctx.params.Name === null ? null : String(ctx.params.Name);
    if (paths.length === 0) paths.push('.');
    const force = !!ctx.params.Force;
    const value = ctx.params.Value;
    for (const rawPath of paths) {
      const raw = name !== null ? `${rawPath.replace(/[\\/]+$/, '')}/${name}` : rawPath;
      const sd = parseSessionDrivePath(name !== null && /^(variable|function|alias):$/i.test(rawPath) ? `${rawPath}${name}` : raw);
      if (sd) {
        if (sessionDriveItems(ctx, sd).length > 0 && !force) {
          ctx.writeError(itemAlreadyExists(sd.name));
          continue;
        }
        const create = () => {
          if (asCmdletWriteError(ctx, () => setSessionDriveItem(ctx, sd, value, value !== undefined), true)) {
            for (const item of sessionDriveItems(ctx, sd)) ctx.write(item);
          }
        };
        const ok = ctx.shouldProcess(`Item: ${sd.name}`, 'New Item');
        if (isPromise(ok)) return ok.then((yes) => (yes ? create() : undefined));
        if (ok) create();
        continue;
      }
      // New-Item's -Path is not globbed, but its wildcard escapes are removed (`Test``[Dir``]` names `Test[Dir]`).
      const pp = parseProviderPath(ctx, name !== null && /^env:$/i.test(rawPath) ? `env:${name}` : unescapeWildcard(raw));
      if (pp.provider === 'Environment') {
        const env = environmentOf(ctx);
        if (env[pp.name] !== undefined && !force) {
          ctx.writeError(itemAlreadyExists(pp.name));
          continue;
        }
        if (!ctx.shouldProcess(`Item: ${pp.name} Value: ${toStr(value)}`, 'New Item')) continue;
        env[pp.name] = toStr(value);
        ctx.write(new DictionaryEntry(pp.name, env[pp.name]));
        continue;
      }
      const full = pp.path;
      const typeArg = ctx.params.ItemType === undefined || ctx.params.ItemType === null ? 'File' : String(ctx.params.ItemType);
      const kind = itemKind(typeArg);
      if (!kind) {
        ctx.writeError({
          message: 'The type is not a known type for the file system. Only "file","directory","symboliclink","junction","hardlink" can be specified.',
          errorId: 'Argument',
          category: 'InvalidArgument',
          exceptionType: 'System.Management.Automation.PSArgumentException',
          targetObject: full,
        });
        continue;
      }
      const action = kind === 'Directory' ? 'Create Directory' : 'Create File';
      const target = `Destination: ${full}`;
      const ok = ctx.shouldProcess(target, action);
      if (isPromise(ok)) return ok.then((yes) => (yes ? createItem(ctx, full, kind, value, force) : undefined));
      if (ok) createItem(ctx, full, kind, value, force);
    }
  },
};

function createItem(ctx: CmdletContext, full: string, kind: ItemKind, value: unknown, force: boolean): void {
  const present = exists(full);
  if (kind === 'Directory') {
    if (present) {
      const st = fs.statSync(full);
      if (!force || !st.isDirectory()) {
        ctx.writeError(directoryExists(full));
        return;
      }
      ctx.write(makeItem(full));
      return;
    }
    try {
      fs.mkdirSync(full, { recursive: true });
    } catch (e) {
      ctx.writeError(ioError(e, full, 'CreateDirectoryIOError'));
      return;
    }
    ctx.write(makeItem(full));
    return;
  }
  if (kind === 'SymbolicLink' || kind === 'HardLink') {
    if (present && !force) {
      ctx.writeError({
        message: `An item with the specified name ${full} already exists.`,
        errorId: 'SymLinkExists',
        category: 'ResourceExists',
        exceptionType: 'System.IO.IOException',
        targetObject: full,
      });
      return;
    }
    try {
      if (present) fs.rmSync(full, { force: true });
      // Targets may use `\` separators (`.\someDir`); Unix link text uses `/`.
      const tgt = toStr(value).replace(/\\/g, '/');
      if (kind === 'SymbolicLink') fs.symlinkSync(tgt, full);
      else fs.linkSync(resolveFsPath(ctx, tgt), full);
    } catch (e) {
      ctx.writeError(ioError(e, full, 'NewItemIOError'));
      return;
    }
    ctx.write(makeItem(full));
    return;
  }
  if (present && !force) {
    ctx.writeError({
      message: `The file '${full}' already exists.`,
      errorId: 'NewItemIOError',
      category: 'WriteError',
      exceptionType: 'System.IO.IOException',
      targetObject: full,
    });
    return;
  }
  if (present && fs.statSync(full).isDirectory()) {
    ctx.writeError({
      message: `Access to the path '${full}' is denied.`,
      errorId: 'NewItemUnauthorizedAccessError',
      category: 'PermissionDenied',
      exceptionType: 'System.UnauthorizedAccessException',
      targetObject: full,
    });
    return;
  }
  try {
    if (force) fs.mkdirSync(nodePath.dirname(full), { recursive: true });
    fs.writeFileSync(full, value === undefined || value === null ? '' : toStr(value));
  } catch (e) {
    ctx.writeError(ioError(e, full, 'NewItemIOError'));
    return;
  }
  ctx.write(makeItem(full));
}

// ---------------------------------------------------------------------------------------------
// Remove-Item

function isNonEmptyDir(p: string): boolean {
  try {
    const st = fs.lstatSync(p);
    return st.isDirectory() && fs.readdirSync(p).length > 0;
  } catch {
    return false;
  }
}

async function confirmChildren(ctx: CmdletContext, p: string): Promise<boolean> {
  const choice = await ctx.host.promptForChoice!(
    'Confirm',
    `The item at ${p} has children and the Recurse parameter was not specified. If you continue, all children will be removed with the item. Are you sure you want to continue?`,
    [
      { label: '&Yes', help: 'Continue with only the next step of the operation.' },
      { label: 'Yes to &All', help: 'Continue with all the steps of the operation.' },
      { label: '&No', help: 'Skip this operation and proceed with the next operation.' },
      { label: 'No to A&ll', help: 'Skip this operation and all subsequent operations.' },
      { label: '&Suspend', help: 'Pause the current pipeline and return to the command prompt. Type "exit" to resume the pipeline.' },
    ],
    0,
  );
  return choice === 0 || choice === 1;
}

function removePath(ctx: CmdletContext, p: string, recursive: boolean): void {
  try {
    const st = fs.lstatSync(p);
    // rmSync refuses any directory without `recursive`; an empty one (or a confirmed one) goes with rmdir.
    if (st.isDirectory()) {
      if (recursive) fs.rmSync(p, { recursive: true, force: false });
      else fs.rmdirSync(p);
    } else fs.unlinkSync(p);
  } catch (e) {
    const isDir = (() => {
      try {
        return fs.lstatSync(p).isDirectory();
      } catch {
        return false;
      }
    })();
    ctx.writeError(ioError(e, p, isDir ? 'RemoveFileSystemItemIOError' : 'RemoveFileSystemItemIOError'));
  }
}

export const removeItem: CmdletDecl = {
  name: 'Remove-Item',
  module: MANAGEMENT_MODULE,
  synopsis: 'Deletes the specified items.',
  description: 'The Remove-Item cmdlet deletes one or more items. Because it is supported by many providers, it can delete many different types of items, including files, folders, registry keys, variables, aliases, and functions.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: [
    // Path takes pipeline values too (pwsh: by property name) so `Get-ChildItem | Remove-Item` binds while the binder
    // chooses the set before seeing pipeline input.
    ...PATH_PARAMS(true),
    ...FILTER_PARAMS,
    { name: 'Recurse', type: 'switch', aliases: ['r'] },
    { name: 'Force', type: 'switch' },
    { name: 'Credential', type: 'object' },
  ],
  async process(ctx) {
    const { paths, literal } = rawPaths(ctx);
    const filter = nameFilter(ctx);
    const force = !!ctx.params.Force;
    for (const raw of paths) {
      const sd = parseSessionDrivePath(raw);
      if (sd) {
        const targets = isWildcardPattern(sd.name) ? sessionDriveItems(ctx, sd).map((it) => String((it as PSObject).getMember('Name')?.value)) : [sd.name];
        for (const name of targets) {
          let ok = ctx.shouldProcess(`Item: ${name}`, 'Remove Item');
          if (typeof ok !== 'boolean') ok = await ok;
          if (!ok) continue;
          const target = { drive: sd.drive, name };
          let removed = false;
          if (!asCmdletWriteError(ctx, () => void (removed = removeSessionDriveItem(ctx, target, force)), true)) continue;
          if (!removed) ctx.writeError(sessionDriveNotFound(target));
        }
        continue;
      }
      const pp = parseProviderPath(ctx, raw);
      if (pp.provider === 'Environment') {
        const entries = envEntries(ctx, pp.name);
        if (entries.length === 0 && !isWildcardPattern(pp.name)) envPathNotFound(ctx, raw, pp.name);
        const env = environmentOf(ctx);
        for (const e of entries) {
          if (!(await ctx.shouldProcess(`Item: ${String(e.Key)}`, 'Remove Item'))) continue;
          delete env[String(e.Key)];
        }
        continue;
      }
      for (const p of resolveFsPaths(ctx, raw, { literal, force })) {
        if (!filter.test(nodePath.basename(p))) continue;
        let isDir = false;
        try {
          isDir = fs.lstatSync(p).isDirectory();
        } catch {
          // vanished
        }
        if (!(await ctx.shouldProcess(p, isDir ? 'Remove Directory' : 'Remove File'))) continue;
        // Without -Force the file system provider leaves hidden (dot) and read-only items alone.
        const info = force ? null : fileSystemInfoOf(itemFromPath(p));
        if (info && (isHiddenName(info.Name) || info.Attributes.includes('ReadOnly'))) {
          ctx.writeError({
            message: `Cannot remove item ${p}: You do not have sufficient access rights to perform this operation or the item is hidden, system, or read only.`,
            errorId: 'RemoveFileSystemItemUnAuthorizedAccess',
            category: 'PermissionDenied',
            exceptionType: 'System.IO.IOException',
            targetObject: p,
          });
          continue;
        }
        let recursive = !!ctx.params.Recurse;
        if (isDir && !recursive && isNonEmptyDir(p)) {
          if (ctx.host.interactive && ctx.host.promptForChoice) {
            if (!(await confirmChildren(ctx, p))) continue;
            recursive = true;
          } else {
            // pwsh asks for confirmation here; without a user to ask, the host refuses the prompt.
            ctx.throwTerminating({
              message: 'PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
              errorId: 'System.Management.Automation.PSInvalidOperationException',
              category: 'InvalidOperation',
              exceptionType: 'System.Management.Automation.PSInvalidOperationException',
              targetObject: p,
            });
          }
        }
        removePath(ctx, p, recursive);
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Copy-Item / Move-Item

function copyRecursive(src: string, dest: string, recurse: boolean, filter: NameFilter): void {
  const st = fs.lstatSync(src);
  if (st.isDirectory()) {
    fs.mkdirSync(dest, { recursive: true });
    if (!recurse) return;
    for (const name of fs.readdirSync(src)) {
      const child = nodePath.join(src, name);
      const childIsDir = fs.lstatSync(child).isDirectory();
      if (!childIsDir && !filter.test(name)) continue;
      copyRecursive(child, nodePath.join(dest, name), recurse, filter);
    }
    return;
  }
  if (st.isSymbolicLink()) {
    fs.rmSync(dest, { force: true });
    fs.symlinkSync(fs.readlinkSync(src), dest);
    return;
  }
  fs.copyFileSync(src, dest);
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function destinationFor(ctx: CmdletContext, src: string): string {
  const raw = ctx.params.Destination;
  const dest = raw === undefined || raw === null || raw === '' ? ctx.cwd : resolveFsPath(ctx, String(raw));
  return isDirectory(dest) ? nodePath.join(dest, nodePath.basename(src)) : dest;
}

export const copyItem: CmdletDecl = {
  name: 'Copy-Item',
  module: MANAGEMENT_MODULE,
  synopsis: 'Copies an item from one location to another.',
  description: 'The Copy-Item cmdlet copies an item from one location to another location in the same namespace.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: [
    ...PATH_PARAMS(true),
    { name: 'Destination', type: 'string', position: 1, valueFromPipelineByPropertyName: true },
    { name: 'Container', type: 'switch' },
    { name: 'Force', type: 'switch' },
    ...FILTER_PARAMS,
    { name: 'Recurse', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
    { name: 'Credential', type: 'object' },
  ],
  async process(ctx) {
    const { paths, literal } = rawPaths(ctx);
    const filter = nameFilter(ctx);
    for (const raw of paths) {
      for (const src of resolveFsPaths(ctx, raw, { literal, force: !!ctx.params.Force })) {
        const srcIsDir = isDirectory(src);
        if (!srcIsDir && !filter.test(nodePath.basename(src))) continue;
        const dest = destinationFor(ctx, src);
        if (dest === src) {
          if (!srcIsDir) {
            ctx.writeError({
              message: `Cannot overwrite the item ${src} with itself.`,
              errorId: 'CopyError',
              category: 'WriteError',
              exceptionType: 'System.IO.IOException',
              targetObject: src,
            });
          }
          continue;
        }
        if (!(await ctx.shouldProcess(`Item: ${src} Destination: ${dest}`, srcIsDir ? 'Copy Directory' : 'Copy File'))) continue;
        if (!srcIsDir && isDirectory(dest)) {
          ctx.writeError(ioError({ code: 'EISDIR' }, dest, 'CopyFileInfoItemUnauthorizedAccessError', 'PermissionDenied'));
          continue;
        }
        try {
          copyRecursive(src, dest, !!ctx.params.Recurse, filter);
        } catch (e) {
          ctx.writeError(ioError(e, dest, srcIsDir ? 'CopyDirectoryInfoItemIOError' : 'CopyFileInfoItemIOError'));
          continue;
        }
        if (ctx.params.PassThru) {
          const item = itemFromPath(dest);
          if (item) ctx.write(item);
        }
      }
    }
  },
};

function movePath(src: string, dest: string): void {
  try {
    fs.renameSync(src, dest);
  } catch (e) {
    if ((e as { code?: string }).code !== 'EXDEV') throw e;
    // Across file systems: copy, then remove the source.
    fs.cpSync(src, dest, { recursive: true });
    fs.rmSync(src, { recursive: true, force: true });
  }
}

export const moveItem: CmdletDecl = {
  name: 'Move-Item',
  module: MANAGEMENT_MODULE,
  synopsis: 'Moves an item from one location to another.',
  description: 'The Move-Item cmdlet moves an item, including its properties, contents, and child items, from one location to another location.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: [
    ...PATH_PARAMS(true),
    { name: 'Destination', type: 'string', position: 1, valueFromPipelineByPropertyName: true },
    { name: 'Force', type: 'switch' },
    ...FILTER_PARAMS,
    { name: 'PassThru', type: 'switch' },
    { name: 'Credential', type: 'object' },
  ],
  async process(ctx) {
    const { paths, literal } = rawPaths(ctx);
    const filter = nameFilter(ctx);
    for (const raw of paths) {
      const pp = parseProviderPath(ctx, raw);
      if (pp.provider === 'Environment') continue;
      for (const src of resolveFsPaths(ctx, raw, { literal, force: !!ctx.params.Force })) {
        if (!filter.test(nodePath.basename(src))) continue;
        const srcIsDir = isDirectory(src);
        const dest = destinationFor(ctx, src);
        if (srcIsDir && (dest === src || dest.startsWith(src + '/'))) {
          ctx.writeError({
            message: `Destination path cannot be a subdirectory of the source or the source itself: ${dest}.`,
            errorId: 'MoveItemArgumentError',
            category: 'InvalidArgument',
            exceptionType: 'System.IO.IOException',
            targetObject: dest,
          });
          continue;
        }
        if (dest === src) continue;
        if (!(await ctx.shouldProcess(`Item: ${src} Destination: ${dest}`, srcIsDir ? 'Move Directory' : 'Move File'))) continue;
        if (srcIsDir && exists(dest) && !isDirectory(dest)) {
          ctx.writeError(directoryExists(dest));
          continue;
        }
        if (exists(dest)) {
          if (!ctx.params.Force || srcIsDir) {
            ctx.writeError({
              message: 'Cannot create a file when that file already exists.',
              errorId: srcIsDir ? 'MoveDirectoryItemIOError' : 'MoveFileInfoItemIOError',
              category: 'WriteError',
              exceptionType: 'System.IO.IOException',
              targetObject: src,
            });
            continue;
          }
          fs.rmSync(dest, { force: true });
        }
        try {
          movePath(src, dest);
        } catch (e) {
          ctx.writeError(ioError(e, dest, srcIsDir ? 'MoveDirectoryItemIOError' : 'MoveFileInfoItemIOError'));
          continue;
        }
        if (ctx.params.PassThru) {
          const item = itemFromPath(dest);
          if (item) ctx.write(item);
        }
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Rename-Item

export const renameItem: CmdletDecl = {
  name: 'Rename-Item',
  module: MANAGEMENT_MODULE,
  synopsis: 'Renames an item in a PowerShell provider namespace.',
  description: 'The Rename-Item cmdlet changes the name of a specified item. This cmdlet does not affect the content of the item being renamed.',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  parameters: [
    { name: 'Path', type: 'string', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['ByPath'] },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['ByLiteralPath'] },
    { name: 'NewName', type: 'string', position: 1, mandatory: true, valueFromPipelineByPropertyName: true },
    { name: 'Force', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
    { name: 'Credential', type: 'object' },
  ],
  async process(ctx) {
    const literal = ctx.isBound('LiteralPath');
    const raw = String(literal ? ctx.params.LiteralPath : ctx.params.Path);
    const newName = String(ctx.params.NewName ?? '');
    const sd = parseSessionDrivePath(raw);
    if (sd) {
      let ok = ctx.shouldProcess(`Item: ${sd.name} Destination: ${newName}`, 'Rename Item');
      if (typeof ok !== 'boolean') ok = await ok;
      if (!ok) return;
      let renamed = false;
      if (asCmdletWriteError(ctx, () => void (renamed = renameSessionDriveItem(ctx, sd, newName)), true) && !renamed) {
        ctx.writeError(sessionDriveNotFound(sd));
      }
      if (renamed && ctx.params.PassThru) for (const item of sessionDriveItems(ctx, { drive: sd.drive, name: newName })) ctx.write(item);
      return;
    }
    const pp = parseProviderPath(ctx, raw);
    if (pp.provider === 'Environment') {
      const env = environmentOf(ctx);
      if (env[pp.name] === undefined) {
        ctx.writeError(pathNotFound(pp.name));
        return;
      }
      if (!(await ctx.shouldProcess(`Item: ${pp.name} Destination: ${newName}`, 'Rename Item'))) return;
      env[newName] = env[pp.name];
      delete env[pp.name];
      if (ctx.params.PassThru) ctx.write(new DictionaryEntry(newName, env[newName]));
      return;
    }
    for (const src of resolveFsPaths(ctx, raw, { literal })) {
      const dir = nodePath.dirname(src);
      const dest = resolveFsPath(ctx, nodePath.isAbsolute(newName) ? newName : nodePath.join(dir, newName));
      if (nodePath.dirname(dest) !== dir) {
        ctx.writeError({
          message: 'Cannot rename the specified target, because it represents a path or device name.',
          errorId: 'Argument',
          category: 'InvalidArgument',
          exceptionType: 'System.Management.Automation.PSArgumentException',
          targetObject: newName,
        });
        continue;
      }
      const srcIsDir = isDirectory(src);
      if (!(await ctx.shouldProcess(`Item: ${src} Destination: ${dest}`, srcIsDir ? 'Rename Directory' : 'Rename File'))) continue;
      if (exists(dest) && dest !== src) {
        ctx.writeError({
          message: 'Cannot create a file when that file already exists.',
          errorId: 'RenameItemIOError',
          category: 'WriteError',
          exceptionType: 'System.IO.IOException',
          targetObject: src,
        });
        continue;
      }
      try {
        fs.renameSync(src, dest);
      } catch (e) {
        ctx.writeError(ioError(e, src, 'RenameItemIOError'));
        continue;
      }
      if (ctx.params.PassThru) {
        const item = itemFromPath(dest);
        if (item) ctx.write(item);
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Set-Item (environment variables; the file system provider does not support it)

export const setItem: CmdletDecl = {
  name: 'Set-Item',
  module: MANAGEMENT_MODULE,
  synopsis: 'Changes the value of an item to the value specified in the command.',
  description: 'The Set-Item cmdlet changes the value of an item, such as a variable or registry key, to the value specified in the command.',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: [
    { name: 'Path', type: 'string[]', position: 0, mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
    { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
    { name: 'Value', type: 'object', position: 1, valueFromPipeline: true, valueFromPipelineByPropertyName: true },
    { name: 'Force', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
    ...FILTER_PARAMS,
    { name: 'Credential', type: 'object' },
  ],
  async process(ctx) {
    const { paths } = rawPaths(ctx);
    for (const raw of paths) {
      const sd = parseSessionDrivePath(raw);
      if (sd) {
        // Session variable calls resolve scopes from the running command's frame: only wait when a prompt did.
        let ok = ctx.shouldProcess(`Item: ${sd.name}`, 'Set Item');
        if (typeof ok !== 'boolean') ok = await ok;
        if (ok) asCmdletWriteError(ctx, () => setSessionDriveItem(ctx, sd, ctx.params.Value, ctx.isBound('Value')), true);
        continue;
      }
      const pp = parseProviderPath(ctx, raw);
      if (pp.provider !== 'Environment') {
        ctx.writeError({
          message: 'Provider operation stopped because the provider does not support this operation.',
          errorId: 'NotSupported',
          category: 'NotImplemented',
          exceptionType: 'System.Management.Automation.PSNotSupportedException',
          targetObject: raw,
        });
        continue;
      }
      const value = ctx.params.Value;
      if (!(await ctx.shouldProcess(`Item: ${pp.name} Value: ${toStr(value)}`, 'Set Item'))) continue;
      const env = environmentOf(ctx);
      if (value === null || value === undefined || value === '') delete env[pp.name];
      else env[pp.name] = toStr(value);
      if (ctx.params.PassThru) ctx.write(new DictionaryEntry(pp.name, env[pp.name] ?? null));
    }
  },
};

export const cmdlets: CmdletDecl[] = [getChildItem, getItem, newItem, removeItem, copyItem, moveItem, renameItem, setItem];
