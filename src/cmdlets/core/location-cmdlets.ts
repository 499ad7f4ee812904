// Get-Location, Set-Location (with `cd -` / `cd +` history), Push-Location, Pop-Location.
import * as fs from 'node:fs';
import type { CmdletDecl, CmdletContext, SessionApi } from '../../runtime/cmdlet-api.js';
import { TYPE_NAME } from '../../runtime/types/index.js';
import { MANAGEMENT_MODULE } from './util.js';
import { qualifierError, pathNotFound, resolveFsPath } from './fs-items.js';

interface LocationStacks {
  stacks: Map<string, string[]>;
  back: string[];
  forward: string[];
}

// Location stacks belong to a session; a WeakMap keeps them without touching the session's shape.
const sessionStacks = new WeakMap<SessionApi, LocationStacks>();

function stacksOf(session: SessionApi): LocationStacks {
  let s = sessionStacks.get(session);
  if (!s) {
    s = { stacks: new Map(), back: [], forward: [] };
    sessionStacks.set(session, s);
  }
  return s;
}

/** System.Management.Automation.PathInfo: formats as a `Path` table; converts to a string as its Path. */
export class PathInfo {
  readonly [TYPE_NAME] = 'System.Management.Automation.PathInfo';
  readonly Drive = '/';
  readonly Provider = 'Microsoft.PowerShell.Core\\FileSystem';
  readonly ProviderPath: string;
  readonly Path: string;
  /** `path` as the user sees it (drive-qualified, `TestDrive:/x`); `providerPath` the file system path it names. */
  constructor(path: string, providerPath = path) {
    this.ProviderPath = providerPath;
    this.Path = path;
  }
  toString(): string {
    return this.Path;
  }
}

export function pathInfo(path: string, providerPath = path): PathInfo {
  return new PathInfo(path, providerPath);
}

function stackName(ctx: CmdletContext): string {
  return ctx.params.StackName ? String(ctx.params.StackName).toLowerCase() : 'default';
}

export const getLocation: CmdletDecl = {
  name: 'Get-Location',
  module: MANAGEMENT_MODULE,
  synopsis: 'Gets information about the current working location or a location stack.',
  description: 'The Get-Location cmdlet gets an object that represents the current directory, much like the print working directory (pwd) command.',
  defaultParameterSet: 'Location',
  outputType: ['System.Management.Automation.PathInfo'],
  parameters: [
    { name: 'PSProvider', type: 'string[]', parameterSets: ['Location'] },
    { name: 'PSDrive', type: 'string[]', parameterSets: ['Location'] },
    { name: 'Stack', type: 'switch', parameterSets: ['Stack'] },
    { name: 'StackName', type: 'string[]', parameterSets: ['Stack'] },
  ],
  process(ctx) {
    if (ctx.parameterSetName === 'Stack') {
      const st = stacksOf(ctx.session);
      const stack = st.stacks.get(stackName(ctx)) ?? [];
      for (let i = stack.length - 1; i >= 0; i--) ctx.write(pathInfo(stack[i]));
      return;
    }
    ctx.write(pathInfo(ctx.cwd));
  },
};

/** Change the location; a missing drive or folder is a non-terminating error (false), as pwsh reports it. */
function changeTo(ctx: CmdletContext, path: string): boolean {
  const missingDrive = qualifierError(ctx, path);
  if (missingDrive) {
    ctx.writeError(missingDrive);
    return false;
  }
  const full = resolveFsPath(ctx, path);
  let isDir = false;
  try {
    isDir = fs.statSync(full).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    ctx.writeError(pathNotFound(full));
    return false;
  }
  ctx.session.setLocation(full);
  return true;
}

export const setLocation: CmdletDecl = {
  name: 'Set-Location',
  module: MANAGEMENT_MODULE,
  synopsis: 'Sets the current working location to a specified location.',
  description: 'The Set-Location cmdlet sets the working location to a specified location. That location could be a directory, a subdirectory, a registry location, or any provider path.',
  defaultParameterSet: 'Path',
  outputType: ['System.Management.Automation.PathInfo'],
  parameters: [
    { name: 'Path', type: 'string', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], mandatory: true, valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
    { name: 'PassThru', type: 'switch' },
    { name: 'StackName', type: 'string', valueFromPipelineByPropertyName: true, parameterSets: ['Stack'] },
  ],
  process(ctx) {
    const st = stacksOf(ctx.session);
    const before = ctx.cwd;
    const raw = ctx.params.Path ?? ctx.params.LiteralPath;
    if (ctx.parameterSetName === 'Path' && (raw === '-' || raw === '+')) {
      // `cd -` / `cd +`: walk the location history (pwsh 6.2+).
      const from = raw === '-' ? st.back : st.forward;
      const to = raw === '-' ? st.forward : st.back;
      const target = from.pop();
      if (target === undefined) {
        ctx.throwTerminating({
          message: raw === '-' ? 'There is no location history left to navigate backwards.' : 'There is no location history left to navigate forwards.',
          errorId: 'InvalidOperation',
          category: 'InvalidOperation',
          exceptionType: 'System.InvalidOperationException',
        });
      }
      if (!changeTo(ctx, target!)) return;
      to.push(before);
    } else if (ctx.parameterSetName === 'Stack') {
      // -StackName makes that stack the default for Push-Location/Pop-Location; awsh keeps stacks by name only.
    } else {
      if (!changeTo(ctx, raw === undefined || raw === null || raw === '' ? '~' : String(raw))) return;
      if (ctx.cwd !== before) {
        st.back.push(before);
        st.forward.length = 0;
      }
    }
    if (ctx.params.PassThru) ctx.write(pathInfo(ctx.cwd));
  },
};

export const pushLocation: CmdletDecl = {
  name: 'Push-Location',
  module: MANAGEMENT_MODULE,
  synopsis: 'Adds the current location to the top of a location stack.',
  description: 'The Push-Location cmdlet adds ("pushes") the current location onto a location stack. If you specify a path, Push-Location pushes the current location onto a location stack and then changes the current location to the location specified by the path.',
  defaultParameterSet: 'Path',
  parameters: [
    { name: 'Path', type: 'string', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Path'] },
    { name: 'LiteralPath', type: 'string', aliases: ['PSPath', 'LP'], valueFromPipelineByPropertyName: true, parameterSets: ['LiteralPath'] },
    { name: 'PassThru', type: 'switch' },
    { name: 'StackName', type: 'string', valueFromPipelineByPropertyName: true },
  ],
  process(ctx) {
    const st = stacksOf(ctx.session);
    const name = stackName(ctx);
    const stack = st.stacks.get(name) ?? [];
    const before = ctx.cwd;
    const raw = ctx.params.Path ?? ctx.params.LiteralPath;
    if (raw !== undefined && raw !== null && raw !== '' && !changeTo(ctx, String(raw))) return;
    stack.push(before);
    st.stacks.set(name, stack);
    if (ctx.params.PassThru) ctx.write(pathInfo(ctx.cwd));
  },
};

export const popLocation: CmdletDecl = {
  name: 'Pop-Location',
  module: MANAGEMENT_MODULE,
  synopsis: 'Changes the current location to the location most recently pushed onto the stack.',
  description: 'The Pop-Location cmdlet changes the current location to the location most recently pushed onto the stack by using the Push-Location cmdlet.',
  parameters: [
    { name: 'PassThru', type: 'switch' },
    { name: 'StackName', type: 'string', valueFromPipelineByPropertyName: true },
  ],
  process(ctx) {
    const st = stacksOf(ctx.session);
    const name = stackName(ctx);
    const stack = st.stacks.get(name);
    const target = stack?.pop();
    if (target === undefined) {
      if (ctx.params.StackName) {
        ctx.throwTerminating({
          message: `Cannot find location stack '${ctx.params.StackName}'. It does not exist or it is not a container.`,
          errorId: 'Argument',
          category: 'InvalidArgument',
          exceptionType: 'System.Management.Automation.PSArgumentException',
        });
      }
      return;
    }
    if (!changeTo(ctx, target)) return;
    if (ctx.params.PassThru) ctx.write(pathInfo(ctx.cwd));
  },
};

export const cmdlets: CmdletDecl[] = [getLocation, setLocation, pushLocation, popLocation];
