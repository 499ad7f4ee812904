// PowerShell drives and providers as objects: PSDriveInfo/ProviderInfo for the built-in drives of a Unix session
// (`/`, Alias, Env, Function, Temp, Variable) and the file system drives made by New-PSDrive (and Pester's TestDrive),
// with their Get-PSDrive/Get-PSProvider views. Which drive names exist (DriveNotFound) is decided in fs-items.ts.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletContext, SessionApi } from '../../runtime/cmdlet-api.js';
import { TYPE_NAME } from '../../runtime/types/index.js';
import { ensureBuiltinViews, registerView } from '../../runtime/format/index.js';
import { nameMatcher } from './util.js';
import { PROVIDER_NAMES, SESSION_STATE_DRIVES, type ProviderName } from './fs-items.js';


const CAPABILITIES: Record<ProviderName, string> = {
  Alias: 'ShouldProcess',
  Environment: 'ShouldProcess',
  FileSystem: 'Filter, ShouldProcess, Credentials',
  Function: 'ShouldProcess',
  Variable: 'ShouldProcess',
};

const IMPLEMENTING_TYPES: Record<ProviderName, string> = {
  Alias: 'Microsoft.PowerShell.Commands.AliasProvider',
  Environment: 'Microsoft.PowerShell.Commands.EnvironmentProvider',
  FileSystem: 'Microsoft.PowerShell.Commands.FileSystemProvider',
  Function: 'Microsoft.PowerShell.Commands.FunctionProvider',
  Variable: 'Microsoft.PowerShell.Commands.VariableProvider',
};

/** System.Management.Automation.ProviderInfo. */
export class ProviderInfo {
  readonly [TYPE_NAME] = 'System.Management.Automation.ProviderInfo';
  readonly ModuleName = 'Microsoft.PowerShell.Core';
  readonly PSSnapIn = 'Microsoft.PowerShell.Core';
  readonly Description = '';
  readonly HelpFile = 'System.Management.Automation.dll-Help.xml';
  readonly Module = null;
  constructor(
    readonly Name: ProviderName,
    private readonly _session: SessionApi,
    private readonly _cwd: () => string,
  ) {}
  get ImplementingType(): string {
    return IMPLEMENTING_TYPES[this.Name];
  }
  get Capabilities(): string {
    return CAPABILITIES[this.Name];
  }
  get Home(): string {
    return this.Name === 'FileSystem' ? (process.env.HOME ?? '') : '';
  }
  get Drives(): PSDriveInfo[] {
    return allDrives(this._session, this._cwd).filter((d) => d.Provider.Name === this.Name);
  }
  toString(): string {
    return `${this.ModuleName}\\${this.Name}`;
  }
}

/** System.Management.Automation.PSDriveInfo; Used/Free are the file system drives' script properties. */
export class PSDriveInfo {
  readonly [TYPE_NAME] = 'System.Management.Automation.PSDriveInfo';
  readonly Credential = null;
  readonly MaximumSize = null;
  readonly DisplayRoot = null;
  readonly VolumeSeparatedByColon = false;
  Description: string;
  constructor(
    readonly Name: string,
    readonly Provider: ProviderInfo,
    readonly Root: string,
    description: string,
    private readonly _cwd: () => string,
  ) {
    this.Description = description;
  }
  /** The current location relative to the root when it is inside this drive, else empty. */
  get CurrentLocation(): string {
    if (this.Provider.Name !== 'FileSystem') return '';
    const root = this.Root.replace(/\/+$/, '') || '/';
    const cwd = this._cwd();
    if (root === '/') return cwd.slice(1);
    return cwd === root ? '' : cwd.startsWith(root + '/') ? cwd.slice(root.length + 1) : '';
  }
  get Used(): bigint | null {
    const st = this.volume();
    return st ? BigInt(st.blocks - st.bfree) * BigInt(st.bsize) : null;
  }
  get Free(): bigint | null {
    const st = this.volume();
    return st ? BigInt(st.bavail) * BigInt(st.bsize) : null;
  }
  private volume(): fs.StatsFs | null {
    if (this.Provider.Name !== 'FileSystem') return null;
    try {
      return fs.statfsSync(this.Root);
    } catch {
      return null;
    }
  }
  toString(): string {
    return this.Name;
  }
}

// Drive and provider objects are made once per session and drive, so repeated Get-PSDrive calls return the same
// objects (pwsh compares PSDriveInfo by identity of the drive, and scripts compare them with -eq).
const cache = new WeakMap<SessionApi, Map<string, PSDriveInfo | ProviderInfo>>();

function cached<T extends PSDriveInfo | ProviderInfo>(session: SessionApi, key: string, make: () => T): T {
  let m = cache.get(session);
  if (!m) {
    m = new Map();
    cache.set(session, m);
  }
  const hit = m.get(key) as T | undefined;
  if (hit) return hit;
  const made = make();
  m.set(key, made);
  return made;
}

function providerOf(session: SessionApi, name: ProviderName, cwd: () => string): ProviderInfo {
  return cached(session, `provider:${name}`, () => new ProviderInfo(name, session, cwd));
}

/** New-PSDrive's description, kept beside the session's drive table (which holds only names and roots). */
const descriptions = new WeakMap<SessionApi, Map<string, string>>();

export function setDriveDescription(session: SessionApi, name: string, description: string): void {
  let m = descriptions.get(session);
  if (!m) {
    m = new Map();
    descriptions.set(session, m);
  }
  m.set(name.toLowerCase(), description);
}

/** Every drive of the session, sorted by name as Get-PSDrive lists them. */
export function allDrives(session: SessionApi, cwd: () => string): PSDriveInfo[] {
  const fsProvider = providerOf(session, 'FileSystem', cwd);
  const drives: PSDriveInfo[] = [cached(session, 'drive:/:/', () => new PSDriveInfo('/', fsProvider, '/', 'root', cwd))];
  for (const d of SESSION_STATE_DRIVES) {
    drives.push(cached(session, `drive:${d.name}:`, () => new PSDriveInfo(d.name, providerOf(session, d.provider, cwd), '', d.description, cwd)));
  }
  for (const d of session.getDrives()) {
    const description = descriptions.get(session)?.get(d.name.toLowerCase()) ?? '';
    // Keyed by root too: a drive re-created with another root (each Pester block's TestDrive) is a new drive.
    drives.push(cached(session, `drive:${d.name.toLowerCase()}:${d.root}`, () => new PSDriveInfo(d.name, fsProvider, d.root, description, cwd)));
  }
  return drives.sort((a, b) => a.Name.toLowerCase().localeCompare(b.Name.toLowerCase()));
}

export function contextDrives(ctx: CmdletContext): PSDriveInfo[] {
  return allDrives(ctx.session, () => ctx.cwd);
}

export function findDrive(ctx: CmdletContext, name: string): PSDriveInfo | null {
  const lower = name.toLowerCase();
  return contextDrives(ctx).find((d) => d.Name.toLowerCase() === lower) ?? null;
}

export function contextProviders(ctx: CmdletContext): ProviderInfo[] {
  return PROVIDER_NAMES.map((n) => providerOf(ctx.session, n, () => ctx.cwd));
}

/** Drives (or providers) whose name matches a pattern (wildcards allowed; case-insensitive). */
export function matchingByName<T extends { Name: string }>(items: T[], pattern: string): T[] {
  const m = nameMatcher(pattern);
  return items.filter((i) => m.test(i.Name));
}

// ---------------------------------------------------------------------------------------------
// Views: Get-PSDrive's table ("drive" view) and Get-PSProvider's.

let viewsRegistered = false;

function gigabytes(v: unknown): string {
  return typeof v === 'bigint' ? (Number(v) / 1024 ** 3).toFixed(2) : '';
}

export function ensureDriveViews(): void {
  if (viewsRegistered) return;
  viewsRegistered = true;
  ensureBuiltinViews();
  const usedOrFree = (o: unknown, which: 'Used' | 'Free'): string => {
    const d = o as PSDriveInfo;
    return d.Used || d.Free ? gigabytes(d[which]) : '';
  };
  registerView('System.Management.Automation.PSDriveInfo', {
    table: {
      columns: [
        { label: 'Name', width: 10 },
        { label: 'Used (GB)', width: 13, alignment: 'Right', getter: (o) => usedOrFree(o, 'Used') },
        { label: 'Free (GB)', width: 13, alignment: 'Right', getter: (o) => usedOrFree(o, 'Free') },
        { label: 'Provider', width: 13, getter: (o) => (o as PSDriveInfo).Provider.Name },
        { label: 'Root', width: 35, getter: (o) => (o as PSDriveInfo).DisplayRoot ?? (o as PSDriveInfo).Root },
        { label: 'CurrentLocation', alignment: 'Right' },
      ],
    },
    list: { items: ['Name', 'Description', 'Provider', 'Root', 'CurrentLocation'].map((label) => ({ label })) },
  });
  registerView('System.Management.Automation.ProviderInfo', {
    table: {
      columns: [
        { label: 'Name', width: 20 },
        { label: 'Capabilities' },
        { label: 'Drives', getter: (o) => `{${(o as ProviderInfo).Drives.map((d) => d.Name).join(', ')}}` },
      ],
    },
  });
}

/** The root a New-PSDrive -Root names, resolved like any path (it may itself use a drive, as `TestDrive:` does). */
export function driveRootPath(ctx: CmdletContext, root: string): string {
  const full = nodePath.normalize(ctx.resolvePath(root.replace(/\\/g, '/')));
  return full.length > 1 && full.endsWith('/') ? full.slice(0, -1) : full;
}
