// Get-Process, Stop-Process, Wait-Process and Start-Process (Microsoft.PowerShell.Management), on Linux's /proc.
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { spawn, type StdioOptions } from 'node:child_process';
import type { CmdletContext, CmdletDecl, ErrorDetails } from '../../runtime/cmdlet-api.js';
import type { PSObject } from '../../runtime/values/objects.js';
import { isWildcardPattern, wildcardToRegExp } from '../../runtime/values/wildcard.js';
import { MANAGEMENT_MODULE, asStringArray, isPromise } from './util.js';
import { allProcesses, dataOf, processObject, sortProcesses, startedProcessObject } from './process-info.js';

const PROCESS_TYPE = 'System.Diagnostics.Process';

/** The selection parameters every process cmdlet shares: -Name, -Id and -InputObject, in their own sets. */
function selectionParameters(namePosition: boolean, idPosition: boolean, inputPosition: boolean): CmdletDecl['parameters'] {
  return [
    { name: 'Name', type: 'string[]', aliases: ['ProcessName'], parameterSets: ['Name'], position: namePosition ? 0 : undefined, valueFromPipelineByPropertyName: true, mandatory: !namePosition },
    { name: 'Id', type: 'int[]', aliases: ['PID'], parameterSets: ['Id'], position: idPosition ? 0 : undefined, mandatory: true, valueFromPipelineByPropertyName: true },
    { name: 'InputObject', type: `${PROCESS_TYPE}[]`, parameterSets: ['InputObject'], position: inputPosition ? 0 : undefined, mandatory: true, valueFromPipeline: true },
  ];
}

function processError(message: string, errorId: string, category: string, targetObject: unknown): ErrorDetails {
  return { message, errorId, category, targetObject, exceptionType: 'Microsoft.PowerShell.Commands.ProcessCommandException' };
}

/**
 * The processes the -Name/-Id/-InputObject parameters select, each once, sorted by name and id (ProcessBaseCommand).
 * A name without wildcards that matches nothing, or an id with no process, is a non-terminating error.
 */
function matchingProcesses(ctx: CmdletContext): unknown[] {
  const found = new Map<number, unknown>();
  const add = (p: unknown) => {
    const id = dataOf(p)!.Id;
    if (!found.has(id)) found.set(id, p);
  };
  if (ctx.parameterSetName === 'Id') {
    for (const id of (ctx.params.Id as number[] | null) ?? []) {
      const p = processObject(id);
      if (p) add(p);
      else ctx.writeError(processError(`Cannot find a process with the process identifier ${id}.`, 'NoProcessFoundForGivenId', 'ObjectNotFound', id));
    }
  } else if (ctx.parameterSetName === 'InputObject') {
    // The binder hands over the Process objects themselves (a typed .NET parameter takes the base object).
    for (const p of (ctx.params.InputObject as unknown[] | null) ?? []) if (dataOf(p)) add(p);
  } else {
    const all = allProcesses();
    if (!ctx.isBound('Name')) return all;
    for (const pattern of asStringArray(ctx.params.Name)) {
      const re = wildcardToRegExp(pattern, false);
      let any = false;
      for (const p of all) {
        if (!re.test(dataOf(p)!.ProcessName)) continue;
        any = true;
        add(p);
      }
      if (any || isWildcardPattern(pattern)) continue;
      const byIdHint = /^\d+$/.test(pattern);
      const message = byIdHint
        ? `Cannot find a process with the name "${pattern}". Try running with -Id to search by Id of processes.`
        : `Cannot find a process with the name "${pattern}". Verify the process name and call the cmdlet again.`;
      ctx.writeError(processError(message, byIdHint ? 'RecommendIdTagForGivenName' : 'NoProcessFoundForGivenName', 'ObjectNotFound', pattern));
    }
  }
  return sortProcesses([...found.values()]);
}

const getProcess: CmdletDecl = {
  name: 'Get-Process',
  module: MANAGEMENT_MODULE,
  synopsis: 'Gets the processes that are running on the local computer.',
  outputType: [PROCESS_TYPE],
  defaultParameterSet: 'Name',
  parameters: [
    ...selectionParameters(true, false, false),
    { name: 'IncludeUserName', type: 'switch' },
    { name: 'Module', type: 'switch' },
    { name: 'FileVersionInfo', type: 'switch', aliases: ['FV', 'FVI'] },
  ],
  process(ctx) {
    for (const p of matchingProcesses(ctx)) ctx.write(p);
  },
};

const stopProcess: CmdletDecl = {
  name: 'Stop-Process',
  module: MANAGEMENT_MODULE,
  synopsis: 'Stops one or more running processes.',
  outputType: [PROCESS_TYPE],
  supportsShouldProcess: true,
  defaultParameterSet: 'Id',
  parameters: [...selectionParameters(false, true, true), { name: 'PassThru', type: 'switch' }, { name: 'Force', type: 'switch' }],
  process(ctx) {
    const list = matchingProcesses(ctx);
    const stopFrom = (i: number): void | Promise<void> => {
      for (; i < list.length; i++) {
        const p = list[i]!;
        const data = dataOf(p)!;
        const ok = ctx.shouldProcess(`${data.ProcessName} (${data.Id})`);
        if (isPromise(ok)) {
          const next = i + 1;
          return ok.then((yes) => {
            if (yes) kill(ctx, p);
            return stopFrom(next);
          });
        }
        if (ok) kill(ctx, p);
      }
    };
    return stopFrom(0);
  },
};

/** Process.Kill (SIGKILL); the shell's own process is left alone, as pwsh leaves it for last. */
function kill(ctx: CmdletContext, p: unknown): void {
  const data = dataOf(p)!;
  if (!data.HasExited && data.Id !== process.pid) {
    try {
      process.kill(data.Id, 'SIGKILL');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'EPERM' ? 'Operation not permitted' : String((e as Error).message);
      ctx.writeError(processError(`Cannot stop process "${data.ProcessName} (${data.Id})" because of the following error: ${reason}`, 'CouldNotStopProcess', 'CloseError', p));
      return;
    }
  }
  if (ctx.params.PassThru) ctx.write(p);
}

const waitProcess: CmdletDecl = {
  name: 'Wait-Process',
  module: MANAGEMENT_MODULE,
  synopsis: 'Waits for the processes to be stopped before accepting more input.',
  outputType: [PROCESS_TYPE],
  defaultParameterSet: 'Name',
  parameters: [
    ...selectionParameters(true, true, false),
    { name: 'Timeout', type: 'int', aliases: ['TimeoutSec'], position: 1, validateRange: [0, 32767] },
    { name: 'Any', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
  ],
  process(ctx) {
    const list = matchingProcesses(ctx).filter((p) => {
      if (dataOf(p)!.Id !== process.pid) return true;
      ctx.writeError(processError('This command stopped operation because it cannot wait on itself. Specify another process and Run your command again.', 'WaitOnItself', 'ObjectNotFound', p));
      return false;
    });
    if (list.length === 0) return;
    const timeout = ctx.isBound('Timeout') ? (ctx.params.Timeout as number) * 1000 : Infinity;
    const started = Date.now();
    // Errors are written once the wait is over, by the cmdlet and not from a timer callback: under
    // -ErrorAction Stop, writing one throws.
    const waited = new Promise<unknown[]>((resolve) => {
      const poll = () => {
        const running = list.filter((p) => !dataOf(p)!.HasExited);
        const done = ctx.params.Any ? running.length < list.length : running.length === 0;
        if (done || ctx.signal.aborted) return resolve([]);
        if (Date.now() - started >= timeout) return resolve(running);
        setTimeout(poll, 50);
      };
      poll();
    });
    return waited.then((timedOut) => {
      for (const p of timedOut) {
        const d = dataOf(p)!;
        ctx.writeError({
          ...processError(`This command stopped operation because process "${d.ProcessName} (${d.Id})" is not stopped in the specified time-out.`, 'ProcessNotTerminated', 'CloseError', p),
          exceptionType: 'System.TimeoutException',
        });
      }
      if (timedOut.length === 0 && ctx.params.PassThru) for (const p of list) ctx.write(p);
    });
  },
};

/**
 * ProcessStartInfo.Arguments splitting: Start-Process joins -ArgumentList with spaces, and .NET then splits the
 * line the way Windows' CommandLineToArgvW does (double quotes group, `\"` is a quote, backslashes before a quote pair up).
 */
export function splitArguments(line: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let arg = '';
    let quoted = false;
    for (; i < line.length; i++) {
      const c = line[i]!;
      if (c === '\\') {
        let n = 0;
        while (line[i + n] === '\\') n++;
        if (line[i + n] === '"') {
          arg += '\\'.repeat(n >> 1);
          if (n % 2 === 1) {
            arg += '"';
            i += n;
          } else i += n - 1;
        } else {
          arg += '\\'.repeat(n);
          i += n - 1;
        }
      } else if (c === '"') {
        if (quoted && line[i + 1] === '"') {
          arg += '"';
          i++;
        } else quoted = !quoted;
      } else if (!quoted && /\s/.test(c)) break;
      else arg += c;
    }
    args.push(arg);
  }
  return args;
}

/** Where Start-Process finds -FilePath: a path with a separator is resolved from the current location, a name on PATH. */
function resolveExecutable(ctx: CmdletContext, file: string): string | null {
  if (file.includes('/')) {
    const full = ctx.resolvePath(file);
    return fs.existsSync(full) ? full : null;
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (!dir) continue;
    const full = nodePath.join(dir, file);
    try {
      fs.accessSync(full, fs.constants.X_OK);
      if (fs.statSync(full).isFile()) return full;
    } catch {
      /* not here */
    }
  }
  const local = ctx.resolvePath(file);
  return fs.existsSync(local) && fs.statSync(local).isFile() ? local : null;
}

/** -Environment's entries over this process's environment (or none, with -UseNewEnvironment); $null removes one. */
function childEnvironment(ctx: CmdletContext): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = ctx.params.UseNewEnvironment ? {} : { ...process.env };
  const extra = ctx.params.Environment as Map<unknown, unknown> | undefined;
  if (extra && typeof extra.entries === 'function') {
    for (const [k, v] of extra.entries()) {
      if (v === null || v === undefined) delete env[String(k)];
      else env[String(k)] = String(v);
    }
  }
  return env;
}

const startProcess: CmdletDecl = {
  name: 'Start-Process',
  module: MANAGEMENT_MODULE,
  synopsis: 'Starts one or more processes on the local computer.',
  outputType: [PROCESS_TYPE],
  supportsShouldProcess: true,
  parameters: [
    { name: 'FilePath', type: 'string', aliases: ['PSPath', 'Path'], position: 0, mandatory: true },
    { name: 'ArgumentList', type: 'string[]', aliases: ['Args'], position: 1 },
    { name: 'WorkingDirectory', type: 'string' },
    { name: 'PassThru', type: 'switch' },
    { name: 'Wait', type: 'switch' },
    { name: 'NoNewWindow', type: 'switch', aliases: ['nnw'] },
    { name: 'RedirectStandardInput', type: 'string', aliases: ['RSI'] },
    { name: 'RedirectStandardOutput', type: 'string', aliases: ['RSO'] },
    { name: 'RedirectStandardError', type: 'string', aliases: ['RSE'] },
    { name: 'Environment', type: 'hashtable' },
    { name: 'UseNewEnvironment', type: 'switch' },
  ],
  process(ctx) {
    const file = String(ctx.params.FilePath);
    const invalid = (reason: string) =>
      ctx.writeError({ message: `This command cannot be run due to the error: ${reason}`, errorId: 'InvalidOperationException', category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException' });
    const cwd = ctx.isBound('WorkingDirectory') ? ctx.resolvePath(String(ctx.params.WorkingDirectory)) : ctx.cwd;
    const exe = resolveExecutable(ctx, file);
    if (!exe) return invalid(`An error occurred trying to start process '${file}' with working directory '${cwd}'. No such file or directory.`);
    const out = ctx.params.RedirectStandardOutput as string | undefined;
    const err = ctx.params.RedirectStandardError as string | undefined;
    if (out && err && ctx.resolvePath(out) === ctx.resolvePath(err)) {
      return ctx.writeError({
        message: 'This command cannot be run because "RedirectStandardOutput" and "RedirectStandardError" are same. Give different inputs and Run your command again.',
        errorId: 'DuplicateEntry',
        category: 'InvalidOperation',
        exceptionType: 'System.InvalidOperationException',
      });
    }
    const argv = splitArguments(asStringArray(ctx.params.ArgumentList).join(' '));
    const go = (yes: boolean): void | Promise<void> => {
      if (!yes) return;
      const fds: number[] = [];
      const open = (path: string | undefined, flags: string, otherwise: 'inherit' | 'ignore') => {
        if (!path) return otherwise;
        const fd = fs.openSync(ctx.resolvePath(path), flags);
        fds.push(fd);
        return fd;
      };
      let stdio: StdioOptions;
      try {
        // Without -Wait the process must not read the shell's own input.
        stdio = [open(ctx.params.RedirectStandardInput as string | undefined, 'r', ctx.params.Wait ? 'inherit' : 'ignore'), open(out, 'w', 'inherit'), open(err, 'w', 'inherit')];
      } catch (e) {
        for (const fd of fds) fs.closeSync(fd);
        return invalid(String((e as Error).message));
      }
      const child = spawn(exe, argv, { cwd, env: childEnvironment(ctx), stdio });
      for (const fd of fds) fs.closeSync(fd);
      // Settles with the spawn error, or the Process once it runs (with -Wait: once it has exited). The object is
      // made at spawn, when the program has replaced the forked shell, so it reads the program's name.
      const started = new Promise<Error | PSObject>((resolve) => {
        child.once('error', resolve);
        child.once('spawn', () => {
          const obj = startedProcessObject(child);
          if (!ctx.params.Wait) return resolve(obj);
          child.once('exit', () => resolve(obj));
        });
      });
      return started.then((r) => {
        if (r instanceof Error) return invalid(`An error occurred trying to start process '${file}' with working directory '${cwd}'. ${r.message}`);
        // The shell does not wait for a process it started without -Wait.
        if (!ctx.params.Wait) child.unref();
        if (ctx.params.PassThru) ctx.write(r);
      });
    };
    const ok = ctx.shouldProcess(`${exe}${argv.length ? ' ' + argv.join(' ') : ''}`);
    return isPromise(ok) ? ok.then(go) : go(ok);
  },
};

export const cmdlets: CmdletDecl[] = [getProcess, stopProcess, waitProcess, startProcess];
