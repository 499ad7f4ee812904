// Get-History, Add-History, Invoke-History, Clear-History over the session's command history.
import type { CmdletContext, CmdletDecl } from '../../runtime/cmdlet-api.js';
import { HistoryInfo } from '../../runtime/interpreter/history.js';
import { convertTo, resolveType } from '../../runtime/types/index.js';
import { toStr } from '../../runtime/values/convert.js';
import { wildcardMatch } from '../../runtime/values/wildcard.js';
import { CORE_MODULE, getProp, isPromise } from './util.js';

const noHistoryForId = (id: unknown): string => `Cannot locate the history for Id ${id}.`;

export const getHistory: CmdletDecl = {
  name: 'Get-History',
  module: CORE_MODULE,
  synopsis: 'Gets a list of the commands entered during the current session.',
  description: 'The Get-History cmdlet gets the session history, that is, the list of commands entered during the current session.',
  outputType: ['Microsoft.PowerShell.Commands.HistoryInfo'],
  parameters: [
    { name: 'Id', type: 'long[]', position: 0, valueFromPipeline: true },
    { name: 'Count', type: 'int', position: 1 },
  ],
  process(ctx) {
    const h = ctx.session.history;
    const ids = ctx.params.Id as unknown[] | undefined;
    const count = ctx.params.Count as number | undefined;
    if (ids && ids.length) {
      if (ids.length > 1 && count !== undefined) {
        ctx.throwTerminating({ message: 'The count cannot be combined with multiple Ids.', errorId: 'GetHistoryNoCountWithMultipleIds', category: 'InvalidArgument', exceptionType: 'System.ArgumentException' });
      }
      if (count !== undefined) {
        // One Id with a count: that entry and the ones before it.
        const upTo = h.all().filter((e) => e.Id <= Number(ids[0]));
        for (const e of upTo.slice(-count)) ctx.write(e.Clone());
        return;
      }
      for (const id of ids) {
        const e = h.byId(Number(id));
        if (e) ctx.write(e.Clone());
        else ctx.writeError({ message: noHistoryForId(id), errorId: 'GetHistoryNoHistoryForId', category: 'ObjectNotFound', targetObject: id, exceptionType: 'System.ArgumentException' });
      }
      return;
    }
    const all = h.all();
    for (const e of count !== undefined ? all.slice(-count) : all) ctx.write(e.Clone());
  },
};

function toDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  try {
    const d = convertTo(v, resolveType('datetime')!);
    return d instanceof Date ? d : null;
  } catch {
    return null;
  }
}

export const addHistory: CmdletDecl = {
  name: 'Add-History',
  module: CORE_MODULE,
  synopsis: 'Appends entries to the session history.',
  description: 'The Add-History cmdlet adds entries to the end of the session history, that is, the list of commands entered during the current session.',
  outputType: ['Microsoft.PowerShell.Commands.HistoryInfo'],
  parameters: [
    { name: 'InputObject', type: 'psobject[]', position: 0, valueFromPipeline: true },
    { name: 'Passthru', type: 'switch' },
  ],
  process(ctx) {
    for (const item of (ctx.params.InputObject as unknown[] | undefined) ?? []) {
      const commandLine = getProp(item, 'CommandLine');
      const status = getProp(item, 'ExecutionStatus');
      const start = toDate(getProp(item, 'StartExecutionTime'));
      const end = toDate(getProp(item, 'EndExecutionTime'));
      if (commandLine === null || commandLine === undefined || status === null || status === undefined || !start || !end) {
        ctx.writeError({
          message: 'Cannot add history because the input object has a format that is not valid.',
          errorId: 'AddHistoryInvalidInput',
          category: 'InvalidData',
          targetObject: item,
          exceptionType: 'System.InvalidOperationException',
        });
        continue;
      }
      const e = ctx.session.history.add(toStr(commandLine), toStr(status), start, end);
      if (ctx.params.Passthru) ctx.write(e.Clone());
    }
  },
};

export const clearHistory: CmdletDecl = {
  name: 'Clear-History',
  module: CORE_MODULE,
  synopsis: 'Deletes entries from the PowerShell session command history.',
  description: 'The Clear-History cmdlet deletes commands from the PowerShell session history, which is the list of commands entered during the current session.',
  defaultParameterSet: 'IDParameter',
  supportsShouldProcess: true,
  parameters: [
    { name: 'Id', type: 'int[]', position: 0, parameterSets: ['IDParameter'] },
    { name: 'CommandLine', type: 'string[]', parameterSets: ['CommandLineParameter'] },
    { name: 'Count', type: 'int', position: 1 },
    { name: 'Newest', type: 'switch' },
  ],
  end(ctx) {
    const h = ctx.session.history;
    const ids = ctx.params.Id as number[] | undefined;
    const lines = ctx.params.CommandLine as string[] | undefined;
    const count = ctx.params.Count as number | undefined;
    const newest = ctx.params.Newest === true;
    let doomed: HistoryInfo[];
    const all = h.all();
    if (ids && ids.length) {
      if (count !== undefined) {
        // From the Id, Count entries back (or forward with -Newest).
        const id = ids[0]!;
        doomed = newest ? all.filter((e) => e.Id >= id).slice(0, count) : all.filter((e) => e.Id <= id).slice(-count);
      } else {
        doomed = [];
        for (const id of ids) {
          const e = h.byId(id);
          if (e) doomed.push(e);
          else ctx.writeError({ message: noHistoryForId(id), errorId: 'GetHistoryNoHistoryForId', category: 'ObjectNotFound', targetObject: id, exceptionType: 'System.ArgumentException' });
        }
      }
    } else if (lines && lines.length) {
      doomed = [];
      for (const line of lines) {
        const matching = all.filter((e) => wildcardMatch(e.CommandLine, line, false));
        doomed.push(...(count === undefined ? matching : newest ? matching.slice(-count) : matching.slice(0, count)));
      }
    } else if (count !== undefined) {
      doomed = newest ? all.slice(-count) : all.slice(0, count);
    } else doomed = all;
    const set = new Set(doomed);
    const go = (ok: boolean): void => {
      if (ok) h.remove((e) => set.has(e));
    };
    const ok = ctx.shouldProcess('This command will clear all the entries from the session history.', 'Clear-History');
    if (isPromise(ok)) return ok.then(go);
    go(ok);
  },
};

/** The entry `-Id` names: a number is an Id, other text the newest command line that starts with it. */
function entryToInvoke(ctx: CmdletContext): HistoryInfo {
  const h = ctx.session.history;
  const id = ctx.params.Id as string | undefined;
  if (id === undefined || id === '') {
    const last = h.last();
    if (!last) ctx.throwTerminating({ message: 'Cannot locate most recent history.', errorId: 'InvokeHistoryNoLastHistoryEntryFound', category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException' });
    return last;
  }
  if (/^\s*-?\d+\s*$/.test(id)) {
    const n = Number(id);
    if (n <= 0) {
      ctx.throwTerminating({ message: `The identifier ${id} is not a valid value for a History identifier. Specify a positive number, and then try again.`, errorId: 'InvokeHistoryInvalidIdGetHistory', category: 'InvalidArgument', targetObject: n, exceptionType: 'System.ArgumentOutOfRangeException' });
    }
    const e = h.byId(n);
    if (!e) ctx.throwTerminating({ message: noHistoryForId(n), errorId: 'InvokeHistoryNoHistoryForId', category: 'ObjectNotFound', targetObject: n, exceptionType: 'System.ArgumentException' });
    return e;
  }
  const match = h.all().reverse().find((e) => e.CommandLine.startsWith(id));
  if (!match) ctx.throwTerminating({ message: `Cannot locate the history for command line ${id}.`, errorId: 'InvokeHistoryNoHistoryForCommandline', category: 'ObjectNotFound', targetObject: id, exceptionType: 'System.ArgumentException' });
  return match;
}

export const invokeHistory: CmdletDecl = {
  name: 'Invoke-History',
  module: CORE_MODULE,
  synopsis: 'Runs commands from the session history.',
  description: 'The Invoke-History cmdlet runs commands from the session history. The command is displayed before it runs.',
  supportsShouldProcess: true,
  parameters: [{ name: 'Id', type: 'string', position: 0, valueFromPipelineByPropertyName: true }],
  end(ctx) {
    const h = ctx.session.history;
    const entry = entryToInvoke(ctx);
    if (h.invoking.has(entry.Id)) {
      ctx.throwTerminating({ message: 'The Invoke-History cmdlet is called repeatedly, in a loop.', errorId: 'InvokeHistoryLoopDetected', category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException' });
    }
    // The interactive host records the command that ran rather than `Invoke-History`.
    h.replacement = entry.CommandLine;
    ctx.writeHost(entry.CommandLine);
    h.invoking.add(entry.Id);
    const done = (): void => void h.invoking.delete(entry.Id);
    try {
      const r = ctx.session.invokeExpression(entry.CommandLine, (v) => ctx.write(v));
      if (isPromise(r)) return r.then(done, (e) => {
        done();
        throw e;
      });
    } catch (e) {
      done();
      throw e;
    }
    done();
  },
};

export const cmdlets: CmdletDecl[] = [getHistory, addHistory, clearHistory, invokeHistory];
