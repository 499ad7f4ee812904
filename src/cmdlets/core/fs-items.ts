// FileInfo / DirectoryInfo objects for the file system cmdlets, their pwsh 7.4 (Unix) table view, and the
// provider-path helpers shared by the item, content and path cmdlets (wildcard expansion, env: drive, errors).
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { userInfo } from 'node:os';
import type { CmdletContext, ErrorDetails } from '../../runtime/cmdlet-api.js';
import { PSObject, type PSMember } from '../../runtime/values/objects.js';
import { compareNames, expandWildcardPath, isHiddenName } from '../../runtime/fs-glob.js';

export { compareNames, expandWildcardPath, isHiddenName };
import { isWildcardPattern, unescapeWildcard, wildcardToRegExp } from '../../runtime/values/wildcard.js';
import { makeDate, formatDateTime, TYPE_NAME, convertTo, resolveType } from '../../runtime/types/index.js';
import { toBool, toStr } from '../../runtime/values/convert.js';
import { ensureBuiltinViews, registerView, propertyValueOf } from '../../runtime/format/index.js';
import { asStringArray } from './util.js';

export const FILESYSTEM_PREFIX = 'Microsoft.PowerShell.Core\\FileSystem::';

const FILE_TYPE_NAMES = ['System.IO.FileInfo', 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object'];
const DIR_TYPE_NAMES = ['System.IO.DirectoryInfo', 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object'];

// ---------------------------------------------------------------------------------------------
// User and group names (for the UnixMode view): read once from /etc/passwd and /etc/group.

let userNames: Map<number, string> | null = null;
let groupNames: Map<number, string> | null = null;

function readIdFile(file: string): Map<number, string> {
  const m = new Map<number, string>();
  try {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const parts = line.split(':');
      if (parts.length > 2 && /^\d+$/.test(parts[2])) m.set(Number(parts[2]), parts[0]);
    }
  } catch {
    // No passwd/group file: ids are shown as numbers.
  }
  return m;
}

function userName(uid: number): string {
  if (!userNames) {
    userNames = readIdFile('/etc/passwd');
    try {
      const u = userInfo();
      if (!userNames.has(u.uid)) userNames.set(u.uid, u.username);
    } catch {
      // ignore
    }
  }
  return userNames.get(uid) ?? String(uid);
}

function groupName(gid: number): string {
  if (!groupNames) groupNames = readIdFile('/etc/group');
  return groupNames.get(gid) ?? String(gid);
}

/** `drwxr-xr-x` from a stat mode, as `ls -l` and pwsh's UnixMode show it. */
export function unixModeString(mode: number): string {
  const fmt = mode & 0o170000;
  const type =
    fmt === 0o040000 ? 'd' : fmt === 0o120000 ? 'l' : fmt === 0o020000 ? 'c' : fmt === 0o060000 ? 'b' : fmt === 0o010000 ? 'p' : fmt === 0o140000 ? 's' : '-';
  const bit = (b: number, c: string) => (mode & b ? c : '-');
  const exec = (x: number, special: number, on: string, off: string) => (mode & special ? (mode & x ? on : off) : mode & x ? 'x' : '-');
  return (
    type +
    bit(0o400, 'r') + bit(0o200, 'w') + exec(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') + bit(0o020, 'w') + exec(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') + bit(0o002, 'w') + exec(0o001, 0o1000, 't', 'T')
  );
}

// ---------------------------------------------------------------------------------------------
// FileSystemInfo: the .NET-like properties, read from one lstat (and stat for links).

function leafOf(full: string): string {
  if (full === '/') return '/';
  return nodePath.basename(full);
}

function parentOf(full: string): string | null {
  if (full === '/') return null;
  return nodePath.dirname(full);
}

/** The base object of a FileInfo/DirectoryInfo PSObject; getters are the .NET properties (PascalCase). */
export class FileSystemInfo {
  [TYPE_NAME]: string;
  constructor(
    readonly path: string,
    readonly isDirectory: boolean,
    public stats: fs.Stats | null,
    readonly linkTarget: string | null,
  ) {
    this[TYPE_NAME] = isDirectory ? 'System.IO.DirectoryInfo' : 'System.IO.FileInfo';
    // Internal state, not .NET properties: hidden from `Select-Object *`, `Format-List *` and Get-Member.
    for (const k of ['path', 'isDirectory', 'stats', 'linkTarget']) Object.defineProperty(this, k, { enumerable: false });
  }
  /** FileSystemInfo.Refresh: .NET re-reads the attributes after every change made through the object. */
  refresh(): void {
    try {
      this.stats = fs.lstatSync(this.path);
    } catch {
      this.stats = null;
    }
  }
  /** Set the access and/or modification time (utimes follows links, as .NET's setters do). */
  protected setTimes(value: unknown, which: 'atime' | 'mtime'): void {
    const d = toDateValue(value);
    const st = fs.statSync(this.path);
    fs.utimesSync(this.path, which === 'atime' ? d : st.atime, which === 'mtime' ? d : st.mtime);
    this.refresh();
  }
  /** ReadOnly on Unix is the absence of the owner's write bit (clearing it removes every write bit, as .NET does). */
  protected setReadOnly(readOnly: boolean): void {
    const mode = fs.statSync(this.path).mode & 0o7777;
    fs.chmodSync(this.path, readOnly ? mode & ~0o222 : mode | 0o200);
    this.refresh();
  }
  get PSPath(): string {
    return FILESYSTEM_PREFIX + this.path;
  }
  get PSParentPath(): string {
    const p = parentOf(this.path);
    return p === null ? '' : FILESYSTEM_PREFIX + p;
  }
  get PSChildName(): string {
    return leafOf(this.path);
  }
  get PSIsContainer(): boolean {
    return this.isDirectory;
  }
  get Mode(): string {
    return modeString(this);
  }
  get ModeWithoutHardLink(): string {
    return modeString(this);
  }
  get UnixMode(): string {
    return this.stats ? unixModeString(this.stats.mode) : '';
  }
  get User(): string {
    return this.stats ? userName(this.stats.uid) : '';
  }
  get Group(): string {
    return this.stats ? groupName(this.stats.gid) : '';
  }
  get Size(): bigint {
    return BigInt(this.stats ? this.stats.size : 0);
  }
  get BaseName(): string {
    if (this.isDirectory) return leafOf(this.path);
    const name = leafOf(this.path);
    const ext = extensionOf(name);
    return ext ? name.slice(0, -ext.length) : name;
  }
  /** The final target of a link chain as a full path (a dangling link's target too); the item itself otherwise. */
  get ResolvedTarget(): string {
    if (this.linkTarget === null) return this.path;
    try {
      return fs.realpathSync(this.path);
    } catch {
      return nodePath.resolve(nodePath.dirname(this.path), this.linkTarget);
    }
  }
  get LinkType(): string | null {
    return this.linkTarget !== null ? 'SymbolicLink' : null;
  }
  get Target(): string | null {
    return this.linkTarget;
  }
  get Name(): string {
    return leafOf(this.path);
  }
  get FullName(): string {
    return this.path;
  }
  get Extension(): string {
    return extensionOf(leafOf(this.path));
  }
  get Exists(): boolean {
    return fs.existsSync(this.path);
  }
  set Attributes(value: unknown) {
    // Only ReadOnly maps onto Unix permissions; Hidden is a dot name and the rest have no Unix meaning (.NET ignores them).
    const names = toStr(value).split(',').map((x) => x.trim().toLowerCase());
    if (!this.isDirectory) this.setReadOnly(names.includes('readonly'));
  }
  get Attributes(): string {
    const attrs: string[] = [];
    const name = leafOf(this.path);
    if (this.stats && !(this.stats.mode & 0o200) && !this.isDirectory) attrs.push('ReadOnly');
    if (name.startsWith('.') && name !== '.' && name !== '..') attrs.push('Hidden');
    if (this.isDirectory) attrs.push('Directory');
    if (this.linkTarget !== null) attrs.push('ReparsePoint');
    return attrs.length === 0 ? 'Normal' : attrs.join(', ');
  }
  set CreationTime(_value: unknown) {
    // Linux keeps no settable birth time; .NET accepts the value and changes nothing there.
  }
  get CreationTime(): Date | null {
    return this.stats ? makeDate(this.stats.birthtimeMs || this.stats.ctimeMs) : null;
  }
  set CreationTimeUtc(_value: unknown) {
    // Linux keeps no settable birth time; .NET accepts the value and changes nothing there.
  }
  get CreationTimeUtc(): Date | null {
    return this.stats ? makeDate(this.stats.birthtimeMs || this.stats.ctimeMs, 'Utc') : null;
  }
  set LastAccessTime(value: unknown) {
    this.setTimes(value, 'atime');
  }
  get LastAccessTime(): Date | null {
    return this.stats ? makeDate(this.stats.atimeMs) : null;
  }
  set LastAccessTimeUtc(value: unknown) {
    this.setTimes(value, 'atime');
  }
  get LastAccessTimeUtc(): Date | null {
    return this.stats ? makeDate(this.stats.atimeMs, 'Utc') : null;
  }
  set LastWriteTime(value: unknown) {
    this.setTimes(value, 'mtime');
  }
  get LastWriteTime(): Date | null {
    return this.stats ? makeDate(this.stats.mtimeMs) : null;
  }
  set LastWriteTimeUtc(value: unknown) {
    this.setTimes(value, 'mtime');
  }
  get LastWriteTimeUtc(): Date | null {
    return this.stats ? makeDate(this.stats.mtimeMs, 'Utc') : null;
  }
  toString(): string {
    return this.path;
  }
}

/** System.IO.FileInfo's own properties. */
export class FileInfoData extends FileSystemInfo {
  get Length(): bigint {
    return BigInt(this.stats ? this.stats.size : 0);
  }
  get DirectoryName(): string | null {
    return parentOf(this.path);
  }
  get Directory(): PSObject | null {
    const p = parentOf(this.path);
    return p === null ? null : itemFromPath(p);
  }
  set IsReadOnly(value: unknown) {
    this.setReadOnly(toBool(value));
  }
  get IsReadOnly(): boolean {
    return !!this.stats && !(this.stats.mode & 0o200);
  }
}

/** System.IO.DirectoryInfo's own properties. */
export class DirectoryInfoData extends FileSystemInfo {
  get Parent(): PSObject | null {
    const p = parentOf(this.path);
    return p === null ? null : itemFromPath(p);
  }
  get Root(): PSObject | null {
    return itemFromPath('/');
  }
}

/** A value assigned to a DateTime property, converted as pwsh converts it ([datetime] cast rules). */
function toDateValue(v: unknown): Date {
  const d = convertTo(v instanceof PSObject ? v.baseObject : v, resolveType('datetime')!);
  return d as Date;
}

/** Path.GetExtension: from the last dot (a dot file's extension is its whole name; `a.` has none). */
function extensionOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 || i === name.length - 1 ? '' : name.slice(i);
}

/** pwsh's Mode on Unix: `d----` / `-----`, `l` for links, `r` read-only, `h` hidden (dot files). */
function modeString(info: FileSystemInfo): string {
  const name = leafOf(info.path);
  const hidden = name.startsWith('.') && name !== '.' && name !== '..';
  const readOnly = !info.isDirectory && !!info.stats && !(info.stats.mode & 0o200);
  return (info.linkTarget !== null ? 'l' : info.isDirectory ? 'd' : '-') + '-' + (readOnly ? 'r' : '-') + (hidden ? 'h' : '-') + '-';
}

// Methods callable from scripts: CodeMethod members whose value is a JS function (target, ...args). A void .NET
// method returns undefined, so calling it outputs nothing (null would be a $null in the output).
function codeMethod(name: string, fn: (self: PSObject, ...args: unknown[]) => unknown): PSMember {
  return { name, memberType: 'CodeMethod', value: fn };
}

function baseOf(self: PSObject): FileSystemInfo {
  return self.baseObject as FileSystemInfo;
}

const commonMethods: PSMember[] = [
  codeMethod('ToString', (self) => baseOf(self).path),
  codeMethod('Refresh', (self) => {
    baseOf(self).refresh();
    return undefined;
  }),
  codeMethod('Delete', (self, recursive) => {
    const b = baseOf(self);
    if (b.isDirectory) fs.rmSync(b.path, { recursive: recursive === true });
    else fs.rmSync(b.path);
    return undefined;
  }),
];

const fileMethods: PSMember[] = [
  ...commonMethods,
  codeMethod('OpenText', () => null),
  codeMethod('CopyTo', (self, dest, overwrite) => {
    const b = baseOf(self);
    const target = nodePath.resolve(nodePath.dirname(b.path), String(dest));
    fs.copyFileSync(b.path, target, overwrite === true ? 0 : fs.constants.COPYFILE_EXCL);
    return itemFromPath(target);
  }),
  codeMethod('MoveTo', (self, dest) => {
    const b = baseOf(self);
    fs.renameSync(b.path, nodePath.resolve(nodePath.dirname(b.path), String(dest)));
    return undefined;
  }),
];

const dirMethods: PSMember[] = [
  ...commonMethods,
  codeMethod('GetFiles', (self) => listChildren(baseOf(self).path, true).filter((c) => !baseOf(c).isDirectory)),
  codeMethod('GetDirectories', (self) => listChildren(baseOf(self).path, true).filter((c) => baseOf(c).isDirectory)),
  codeMethod('EnumerateFiles', (self) => listChildren(baseOf(self).path, true).filter((c) => !baseOf(c).isDirectory)),
  codeMethod('CreateSubdirectory', (self, name) => {
    const p = nodePath.resolve(baseOf(self).path, String(name));
    fs.mkdirSync(p, { recursive: true });
    return itemFromPath(p);
  }),
  codeMethod('Create', (self) => {
    fs.mkdirSync(baseOf(self).path, { recursive: true });
    return undefined;
  }),
];

/** A FileInfo/DirectoryInfo PSObject for an existing path (stat already done by the caller, or here). */
export function makeItem(full: string, stats?: fs.Stats | null): PSObject {
  ensureFileSystemViews();
  let st = stats ?? null;
  if (!st) {
    try {
      st = fs.lstatSync(full);
    } catch {
      st = null;
    }
  }
  let linkTarget: string | null = null;
  let isDir = !!st && st.isDirectory();
  if (st && st.isSymbolicLink()) {
    try {
      linkTarget = fs.readlinkSync(full);
      isDir = fs.statSync(full).isDirectory();
    } catch {
      isDir = false;
    }
  }
  const base = isDir ? new DirectoryInfoData(full, true, st, linkTarget) : new FileInfoData(full, false, st, linkTarget);
  const o = new PSObject(isDir ? [...DIR_TYPE_NAMES] : [...FILE_TYPE_NAMES], base);
  for (const m of isDir ? dirMethods : fileMethods) o.addMember(m);
  return o;
}

/** A FileInfo/DirectoryInfo for a path, or null when it does not exist. */
export function itemFromPath(full: string): PSObject | null {
  try {
    return makeItem(full, fs.lstatSync(full));
  } catch {
    return null;
  }
}

/** Is this value one of our FileInfo/DirectoryInfo objects? */
export function fileSystemInfoOf(v: unknown): FileSystemInfo | null {
  if (v instanceof PSObject && v.baseObject instanceof FileSystemInfo) return v.baseObject;
  if (v instanceof FileSystemInfo) return v;
  return null;
}

/** Children of a directory: directories first, then files, each sorted by name (pwsh lists directories first). */
export function listChildren(dir: string, force: boolean): PSObject[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const dirs: PSObject[] = [];
  const files: PSObject[] = [];
  entries.sort((a, b) => compareNames(a.name, b.name));
  for (const e of entries) {
    if (!force && isHiddenName(e.name)) continue;
    const item = makeItem(nodePath.join(dir, e.name));
    (baseOf(item).isDirectory ? dirs : files).push(item);
  }
  return dirs.concat(files);
}

// ---------------------------------------------------------------------------------------------
// The pwsh 7.4 Unix view (childrenWithUnixStat), registered on first use after the built-in views.

let viewsRegistered = false;

function lastWriteColumn(o: unknown): string {
  const d = propertyValueOf(o, 'LastWriteTime');
  return d instanceof Date ? `${formatDateTime(d, 'd')} ${formatDateTime(d, 'HH')}:${formatDateTime(d, 'mm')}` : '';
}

function nameColumn(o: unknown): string {
  const info = fileSystemInfoOf(o);
  if (!info) return String(propertyValueOf(o, 'Name') ?? '');
  return info.linkTarget !== null ? `${info.Name} -> ${info.linkTarget}` : info.Name;
}

function parentPathColumn(o: unknown): string {
  const p = propertyValueOf(o, 'PSParentPath');
  return typeof p === 'string' ? p.replace(FILESYSTEM_PREFIX, '') : '';
}

export function ensureFileSystemViews(): void {
  if (viewsRegistered) return;
  viewsRegistered = true;
  ensureBuiltinViews();
  const view = {
    table: {
      columns: [
        { label: 'UnixMode', width: 10, alignment: 'Left' as const },
        { label: 'User', width: 10, alignment: 'Right' as const },
        { label: 'Group', width: 10, alignment: 'Left' as const },
        { label: 'LastWriteTime', width: 16, alignment: 'Right' as const, getter: lastWriteColumn },
        { label: 'Size', width: 12, alignment: 'Right' as const },
        { label: 'Name', getter: nameColumn },
      ],
      groupBy: { getter: parentPathColumn, header: (v: unknown) => `    Directory: ${String(v ?? '')}` },
    },
    // Format-Wide: names, directories in brackets.
    wide: { label: 'Name', getter: (o: unknown) => (fileSystemInfoOf(o)?.isDirectory ? `[${String(propertyValueOf(o, 'Name'))}]` : propertyValueOf(o, 'Name')) },
  };
  registerView('System.IO.FileInfo', view);
  registerView('System.IO.DirectoryInfo', view);
}

// ---------------------------------------------------------------------------------------------
// Drives: the names a `name:` qualifier may use (the PSDriveInfo objects are in ps-drives.ts, loaded on demand).

export type ProviderName = 'Alias' | 'Environment' | 'FileSystem' | 'Function' | 'Variable';

/** The non-file-system drives every session has (the file system ones are `/` and the session's extra drives). */
export const SESSION_STATE_DRIVES: { name: string; provider: ProviderName; description: string }[] = [
  { name: 'Alias', provider: 'Alias', description: 'Drive containing a view of the aliases stored in session state.' },
  { name: 'Env', provider: 'Environment', description: 'Drive containing a view of the environment variables for the process.' },
  { name: 'Function', provider: 'Function', description: 'Drive containing a view of the functions stored in session state.' },
  { name: 'Variable', provider: 'Variable', description: 'Drive containing a view of the variables stored in session state.' },
];

/**
 * The drive name of a drive-qualified path (`name:` or `name:\rest`), or null for a provider-qualified path
 * (`FileSystem::x`), a path without a qualifier, or `~`.
 */
export function driveQualifier(raw: string): string | null {
  if (raw.includes('::')) return null;
  const m = /^([^:/\\~]+):/.exec(raw);
  return m ? m[1] : null;
}

export function driveNotFound(name: string): ErrorDetails {
  return {
    message: `Cannot find drive. A drive with the name '${name}' does not exist.`,
    errorId: 'DriveNotFound',
    category: 'ObjectNotFound',
    exceptionType: 'System.Management.Automation.DriveNotFoundException',
    targetObject: name,
  };
}

export const PROVIDER_NAMES: readonly ProviderName[] = ['Alias', 'Environment', 'FileSystem', 'Function', 'Variable'];

/**
 * The error for a path whose qualifier names nothing: DriveNotFound for a `name:` drive, ProviderNotFound for a
 * `Provider::` prefix; null when the qualifier resolves or there is none.
 */
export function qualifierError(ctx: CmdletContext, raw: string): ErrorDetails | null {
  const provider = /^([^:/\\]+(?:\\[^:/\\]+)?)::/.exec(raw);
  if (provider) {
    const name = provider[1].replace(/^Microsoft\.PowerShell\.Core\\/i, '');
    if (PROVIDER_NAMES.some((n) => n.toLowerCase() === name.toLowerCase())) return null;
    return {
      message: `Cannot find a provider with the name '${name}'.`,
      errorId: 'ProviderNotFound',
      category: 'ObjectNotFound',
      exceptionType: 'System.Management.Automation.ProviderNotFoundException',
      targetObject: name,
    };
  }
  const name = driveQualifier(raw);
  if (name === null) return null;
  const lower = name.toLowerCase();
  if (lower === '/' || SESSION_STATE_DRIVES.some((d) => d.name.toLowerCase() === lower)) return null;
  if (ctx.session.getDrives().some((d) => d.name.toLowerCase() === lower)) return null;
  return driveNotFound(name);
}

// ---------------------------------------------------------------------------------------------
// -Path/-LiteralPath, -Filter, -Include, -Exclude

/** The -Path or -LiteralPath values a provider cmdlet was given, and which of the two it was. */
export function pathArguments(ctx: CmdletContext): { paths: string[]; literal: boolean } {
  const literal = ctx.isBound('LiteralPath');
  return { paths: asStringArray(literal ? ctx.params.LiteralPath : ctx.params.Path), literal };
}

export interface NameFilter {
  test(name: string): boolean;
}

function patterns(v: unknown): RegExp[] {
  return asStringArray(v).map((p) => wildcardToRegExp(p, false));
}

/**
 * The file system's -Filter matching (.NET's Win32 rules, also on Unix): a trailing `.*` may match nothing
 * (`noext*.*` finds `noextension`) and a trailing `.` matches names without an extension (`*.`).
 */
function fileSystemFilter(pattern: string): NameFilter {
  const re = wildcardToRegExp(pattern, false);
  if (pattern.length > 2 && pattern.endsWith('.*')) {
    const bare = wildcardToRegExp(pattern.slice(0, -2), false);
    return { test: (name) => re.test(name) || bare.test(name) };
  }
  if (pattern.length > 1 && pattern.endsWith('.') && !pattern.endsWith('..')) {
    const bare = wildcardToRegExp(pattern.slice(0, -1), false);
    return { test: (name) => re.test(name) || (!name.includes('.') && bare.test(name)) };
  }
  return re;
}

/** -Filter, -Include and -Exclude applied to an item name. */
export function nameFilter(ctx: CmdletContext): NameFilter {
  const filter = ctx.params.Filter ? fileSystemFilter(String(ctx.params.Filter)) : null;
  const include = patterns(ctx.params.Include);
  const exclude = patterns(ctx.params.Exclude);
  return {
    test(name: string): boolean {
      if (filter && !filter.test(name)) return false;
      if (include.length > 0 && !include.some((r) => r.test(name))) return false;
      if (exclude.some((r) => r.test(name))) return false;
      return true;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Paths: providers, wildcard expansion, errors.

export type ProviderPath = { provider: 'FileSystem'; path: string } | { provider: 'Environment'; name: string };

/** `env:`, `env:X`, `Env:\X`, `env:/X` → the environment provider; anything else is a file system path. */
export function parseProviderPath(ctx: CmdletContext, raw: string): ProviderPath {
  const m = /^env:[\\/]?(.*)$/i.exec(raw);
  if (m) return { provider: 'Environment', name: m[1] };
  let p = raw;
  const fsm = /^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::(.*)$/i.exec(p);
  if (fsm) p = fsm[1];
  return { provider: 'FileSystem', path: resolveFsPath(ctx, p) };
}

/** Resolve a user path against the current location (`~`, relative, `\` separators as pwsh accepts on Unix). */
export function resolveFsPath(ctx: CmdletContext, p: string): string {
  const normalized = p.replace(/\\/g, '/');
  const r = ctx.resolvePath(normalized === '' ? '.' : normalized);
  const n = nodePath.normalize(r);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

export function environmentOf(ctx: CmdletContext): Record<string, string | undefined> {
  const env = (ctx.session as unknown as { env?: Record<string, string | undefined> }).env;
  return env ?? (process.env as Record<string, string | undefined>);
}

export function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * The file system paths a -Path argument names: wildcards expanded (no match = nothing, no error), literal paths
 * resolved (a missing literal path reports PathNotFound unless allowMissing).
 */
export function resolveFsPaths(
  ctx: CmdletContext,
  raw: string,
  options: { literal?: boolean; force?: boolean; allowMissing?: boolean } = {},
): string[] {
  const pp = raw.replace(/^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i, '');
  const missingDrive = qualifierError(ctx, raw);
  if (missingDrive) {
    ctx.writeError(missingDrive);
    return [];
  }
  if (!options.literal && isWildcardPattern(pp)) return expandWildcardPath(ctx, pp, !!options.force);
  const full = resolveFsPath(ctx, options.literal ? pp : unescapeWildcard(pp));
  if (!options.allowMissing && !exists(full)) {
    ctx.writeError(pathNotFound(full));
    return [];
  }
  return [full];
}

export function pathNotFound(path: string): ErrorDetails {
  return {
    message: `Cannot find path '${path}' because it does not exist.`,
    errorId: 'PathNotFound',
    category: 'ObjectNotFound',
    exceptionType: 'System.Management.Automation.ItemNotFoundException',
    targetObject: path,
  };
}

/** A Node fs error as a pwsh error record's details (message in .NET's words where we know them). */
export function ioError(err: unknown, path: string, errorId: string, category = 'WriteError'): ErrorDetails {
  const code = (err as { code?: string })?.code;
  let message: string;
  let exceptionType = 'System.IO.IOException';
  switch (code) {
    case 'ENOENT':
      message = `Could not find a part of the path '${path}'.`;
      exceptionType = 'System.IO.DirectoryNotFoundException';
      break;
    case 'EACCES':
    case 'EPERM':
      message = `Access to the path '${path}' is denied.`;
      exceptionType = 'System.UnauthorizedAccessException';
      category = 'PermissionDenied';
      break;
    case 'EEXIST':
      message = `The file '${path}' already exists.`;
      break;
    case 'EISDIR':
      message = `Access to the path '${path}' is denied.`;
      exceptionType = 'System.UnauthorizedAccessException';
      category = 'PermissionDenied';
      break;
    case 'ENOTEMPTY':
      message = `Directory not empty : '${path}'`;
      break;
    default:
      message = (err as Error)?.message ?? String(err);
  }
  return { message, errorId, category, exceptionType, targetObject: path, cause: err };
}

/** Write a file atomically: a temp file beside it, then rename (a failed write leaves the old file intact). */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const dir = nodePath.dirname(path);
  const tmp = nodePath.join(dir, `.${nodePath.basename(path)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(path).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    fs.writeFileSync(tmp, data, mode !== undefined ? { mode } : undefined);
    fs.renameSync(tmp, path);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // ignore
    }
    throw e;
  }
}
