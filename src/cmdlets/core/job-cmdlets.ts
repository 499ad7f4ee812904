// Background jobs: Start-Job, Start-ThreadJob, Get-Job, Wait-Job, Receive-Job, Stop-Job and Remove-Job.
// A job runs its script block in a shell of its own (session.runIsolated), as pwsh runs it in a runspace of its
// own: the caller's variables and functions are not there, `$using:` values and -ArgumentList are. awsh has no
// background threads, so a job runs to its end when it is started; its output waits in the job until received.
import type { CmdletContext, CmdletDecl, IsolatedRun, SessionApi } from '../../runtime/cmdlet-api.js';
import { PSObject } from '../../runtime/values/objects.js';
import { isWildcardPattern, wildcardToRegExp } from '../../runtime/values/wildcard.js';
import { TYPE_NAME } from '../../runtime/types/index.js';
import { ensureBuiltinViews, registerView } from '../../runtime/format/index.js';
import { CORE_MODULE, asStringArray, isPromise } from './util.js';

type JobState = 'NotStarted' | 'Running' | 'Completed' | 'Failed' | 'Stopped';

/** A job as scripts see it (System.Management.Automation.Job's members). */
export class JobData {
  [TYPE_NAME]: string;
  State: JobState = 'NotStarted';
  PSBeginTime: Date | null = null;
  PSEndTime: Date | null = null;
  // Private fields (#): the object adapter lists an instance's own fields as properties.
  #run: IsolatedRun | null = null;
  #received = false;
  constructor(
    readonly Id: number,
    readonly Name: string,
    readonly PSJobTypeName: string,
    readonly Location: string,
    readonly Command: string,
  ) {
    this[TYPE_NAME] = PSJobTypeName === 'ThreadJob' ? 'ThreadJob.ThreadJob' : 'System.Management.Automation.PSRemotingJob';
  }
  get HasMoreData(): boolean {
    return this.#run !== null && !this.#received && hasData(this.#run);
  }
  get Output(): unknown[] {
    return this.#run?.output ?? [];
  }
  get Error(): unknown[] {
    return this.#run?.errors ?? [];
  }
  get Warning(): string[] {
    return this.#run?.warnings ?? [];
  }
  get ChildJobs(): unknown[] {
    return [];
  }
  get JobStateInfo(): string {
    return this.State;
  }
  finish(run: IsolatedRun): void {
    this.#run = run;
    this.State = run.terminatingError ? 'Failed' : 'Completed';
    this.PSEndTime = new Date();
  }
  /** What the job produced, once: later calls get nothing unless `keep` was given the time before. */
  take(keep: boolean): IsolatedRun | null {
    if (this.#received || !this.#run) return null;
    if (!keep) this.#received = true;
    return this.#run;
  }
  toString(): string {
    return this[TYPE_NAME];
  }
}

function hasData(r: IsolatedRun): boolean {
  return r.output.length + r.errors.length + r.warnings.length + r.verbose.length + r.debug.length + r.information.length > 0 || r.terminatingError !== null;
}

const JOB_TYPE_NAMES = (data: JobData) => [data[TYPE_NAME], 'System.Management.Automation.Job', 'System.Object'];

/** Each session's jobs, by id, and the next id (a background job's child job takes an id too, as in pwsh). */
const tables = new WeakMap<SessionApi, { jobs: Map<number, PSObject>; nextId: number }>();
function tableOf(session: SessionApi) {
  let t = tables.get(session);
  if (!t) tables.set(session, (t = { jobs: new Map(), nextId: 1 }));
  return t;
}

function dataOf(v: unknown): JobData | null {
  if (v instanceof PSObject && v.baseObject instanceof JobData) return v.baseObject;
  return v instanceof JobData ? v : null;
}

let viewRegistered = false;
/** PowerShellCore.format.ps1xml's Job table. */
function ensureJobView(): void {
  if (viewRegistered) return;
  viewRegistered = true;
  ensureBuiltinViews();
  const widths: [string, number][] = [['Id', 6], ['Name', 15], ['PSJobTypeName', 15], ['State', 13], ['HasMoreData', 15], ['Location', 20], ['Command', 25]];
  registerView('System.Management.Automation.Job', { table: { columns: widths.map(([label, width]) => ({ label, width, alignment: 'Left' as const })) } });
}

const USING_REF = /\$(?:\{using:([^}]+)\}|using:([\p{L}\p{N}_]+))/giu;
/** The variable a `$using:name` value is copied to in the job's shell (a name the job's own code does not use). */
const usingCopy = (name: string) => `__awshUsing_${name}`;

/**
 * The job's script with each `$using:name` turned into its copy, and the names: the job sees the caller's value
 * there, while a plain `$name` stays the job's own (unset) variable, as in a runspace of its own.
 */
function withUsingCopies(text: string): { text: string; names: string[] } {
  const names = new Set<string>();
  const rewritten = text.replace(USING_REF, (_, braced: string | undefined, plain: string | undefined) => {
    const name = (braced ?? plain)!;
    names.add(name);
    return braced !== undefined ? `\${${usingCopy(name)}}` : `$${usingCopy(name)}`;
  });
  return { text: rewritten, names: [...names] };
}

/**
 * Start-Job / Start-ThreadJob: the job runs once its input is in (all pipeline input goes to the one job, as its
 * `$input`), in a shell of its own; the job object is the output.
 */
function startJob(typeName: 'BackgroundJob' | 'ThreadJob'): Pick<CmdletDecl<unknown[]>, 'init' | 'process' | 'end'> {
  return {
    init: () => [],
    process(ctx) {
      if (ctx.isBound('InputObject')) ctx.state.push(ctx.params.InputObject);
    },
    end(ctx) {
      const run = ctx.session.runIsolated;
      if (!run) return ctx.throwTerminating({ message: 'Background jobs are not available in this host.', errorId: 'JobsNotAvailable', category: 'NotImplemented' });
      ensureJobView();
      const table = tableOf(ctx.session);
      const id = table.nextId;
      table.nextId += typeName === 'BackgroundJob' ? 2 : 1;
      const body = String(ctx.params.ScriptBlock ?? '');
      const name = ctx.isBound('Name') ? String(ctx.params.Name) : `Job${id}`;
      const data = new JobData(id, name, typeName, typeName === 'ThreadJob' ? 'PowerShell' : 'localhost', body.trim());
      const job = new PSObject(JOB_TYPE_NAMES(data), data);
      table.jobs.set(id, job);
      const variables: Record<string, unknown> = { __awshJobArgs: (ctx.params.ArgumentList as unknown[] | undefined) ?? [], __awshJobInput: ctx.state };
      const script = withUsingCopies(body);
      for (const n of script.names) variables[usingCopy(n)] = ctx.getVariable(n);
      const init = ctx.params.InitializationScript ? `. {${String(ctx.params.InitializationScript)}\n}\n` : '';
      const input = ctx.state.length ? '$__awshJobInput | ' : '';
      data.State = 'Running';
      data.PSBeginTime = new Date();
      return run(`${init}${input}& {${script.text}\n} @__awshJobArgs`, { cwd: ctx.cwd, variables }).then((r) => {
        data.finish(r);
        ctx.write(job);
      });
    },
  };
}

const jobStartParameters: CmdletDecl['parameters'] = [
  { name: 'ScriptBlock', type: 'scriptblock', aliases: ['Command'], position: 0, mandatory: true },
  { name: 'Name', type: 'string' },
  { name: 'InitializationScript', type: 'scriptblock', position: 1 },
  { name: 'ArgumentList', type: 'object[]', aliases: ['Args'] },
  { name: 'InputObject', type: 'object', valueFromPipeline: true },
];

/** The jobs -Job/-Id/-Name/-State select (all of them when none is given), in id order. */
function selectJobs(ctx: CmdletContext): PSObject[] {
  const all = [...tableOf(ctx.session).jobs.values()];
  if (ctx.isBound('Job')) {
    return (ctx.params.Job as unknown[]).filter((j): j is PSObject => dataOf(j) !== null);
  }
  let list = all;
  if (ctx.isBound('Id')) {
    const ids = new Set((ctx.params.Id as number[]).map(Number));
    list = list.filter((j) => ids.has(dataOf(j)!.Id));
    for (const id of ids) {
      if (!list.some((j) => dataOf(j)!.Id === id)) {
        ctx.writeError({
          message: `The command cannot find a job with the job ID ${id}. Verify the value of the Id parameter and then try the command again.`,
          errorId: 'JobWithSpecifiedSessionIdNotFound',
          category: 'ObjectNotFound',
          targetObject: id,
          exceptionType: 'System.ArgumentException',
        });
      }
    }
  }
  if (ctx.isBound('Name')) {
    const patterns = asStringArray(ctx.params.Name).map((p) => [p, wildcardToRegExp(p, false)] as const);
    for (const [pattern, re] of patterns) {
      if (!all.some((j) => re.test(dataOf(j)!.Name)) && !isWildcardPattern(pattern)) {
        ctx.writeError({
          message: `The command cannot find the job because the job name ${pattern} was not found. Verify the value of the Name parameter, and then try the command again.`,
          errorId: 'JobWithSpecifiedNameNotFound',
          category: 'ObjectNotFound',
          targetObject: pattern,
          exceptionType: 'System.ArgumentException',
        });
      }
    }
    list = list.filter((j) => patterns.some(([, re]) => re.test(dataOf(j)!.Name)));
  }
  if (ctx.isBound('State')) {
    const state = String(ctx.params.State).toLowerCase();
    list = list.filter((j) => dataOf(j)!.State.toLowerCase() === state);
  }
  return list;
}

/** -Job (by position or pipeline), -Id, -Name and -State: how Wait-, Stop- and Remove-Job pick jobs. */
const selectionParameters: CmdletDecl['parameters'] = [
  { name: 'Job', type: 'object[]', position: 0, valueFromPipeline: true, parameterSets: ['Job'], mandatory: true },
  { name: 'Id', type: 'int[]', parameterSets: ['Id'], mandatory: true, valueFromPipelineByPropertyName: true },
  { name: 'Name', type: 'string[]', parameterSets: ['Name'], mandatory: true, valueFromPipelineByPropertyName: true },
  { name: 'State', type: 'string', parameterSets: ['State'], mandatory: true, validateSet: ['NotStarted', 'Running', 'Completed', 'Failed', 'Stopped', 'Blocked', 'Suspended', 'Disconnected', 'Suspending', 'Stopping', 'AtBreakpoint'] },
];

/** Replays what a job produced into the caller's streams; the error that ended it comes last, as an error. */
function replay(ctx: CmdletContext, r: IsolatedRun): void {
  for (const v of r.output) ctx.write(v);
  for (const m of r.information) {
    if (typeof m === 'string') ctx.writeHost(m);
    else ctx.writeInformation(m);
  }
  for (const m of r.warnings) ctx.writeWarning(m);
  for (const m of r.verbose) ctx.writeVerbose(m);
  for (const m of r.debug) ctx.writeDebug(m);
  for (const e of r.errors) ctx.writeError(e);
  if (r.terminatingError) ctx.writeError(r.terminatingError);
}

const decls: CmdletDecl[] = [
  {
    name: 'Start-Job',
    module: CORE_MODULE,
    synopsis: 'Starts a PowerShell background job.',
    outputType: ['System.Management.Automation.PSRemotingJob'],
    parameters: jobStartParameters,
    ...startJob('BackgroundJob'),
  },
  {
    name: 'Start-ThreadJob',
    module: 'ThreadJob',
    synopsis: 'Starts a PowerShell job in a separate thread.',
    outputType: ['ThreadJob.ThreadJob'],
    parameters: [...jobStartParameters, { name: 'ThrottleLimit', type: 'int' }, { name: 'StreamingHost', type: 'object' }],
    ...startJob('ThreadJob'),
  },
  {
    name: 'Get-Job',
    module: CORE_MODULE,
    synopsis: 'Gets PowerShell background jobs that are running in the current session.',
    outputType: ['System.Management.Automation.Job'],
    defaultParameterSet: 'Id',
    parameters: [
      { name: 'Id', type: 'int[]', position: 0, parameterSets: ['Id'] },
      { name: 'Name', type: 'string[]', parameterSets: ['Name'], mandatory: true, valueFromPipelineByPropertyName: true },
      { name: 'State', type: 'string', parameterSets: ['State'], mandatory: true },
      { name: 'Command', type: 'string[]', parameterSets: ['Command'] },
      { name: 'IncludeChildJob', type: 'switch' },
      { name: 'HasMoreData', type: 'bool' },
    ],
    process(ctx) {
      let list = selectJobs(ctx);
      if (ctx.isBound('Command')) {
        const res = asStringArray(ctx.params.Command).map((p) => wildcardToRegExp(p, false));
        list = list.filter((j) => res.some((re) => re.test(dataOf(j)!.Command)));
      }
      if (ctx.isBound('HasMoreData')) list = list.filter((j) => dataOf(j)!.HasMoreData === !!ctx.params.HasMoreData);
      for (const j of list) ctx.write(j);
    },
  },
  {
    name: 'Wait-Job',
    module: CORE_MODULE,
    synopsis: 'Waits until one or all of the PowerShell jobs running in the session are in a terminating state.',
    outputType: ['System.Management.Automation.Job'],
    defaultParameterSet: 'Id',
    parameters: [...selectionParameters, { name: 'Any', type: 'switch' }, { name: 'Timeout', type: 'int', aliases: ['TimeoutSec'] }, { name: 'Force', type: 'switch' }],
    process(ctx) {
      // Jobs run to their end when started: every selected job is already done.
      for (const j of selectJobs(ctx)) ctx.write(j);
    },
  },
  {
    name: 'Receive-Job',
    module: CORE_MODULE,
    synopsis: 'Gets the results of the PowerShell background jobs in the current session.',
    outputType: ['System.Object'],
    defaultParameterSet: 'Location',
    parameters: [
      { name: 'Job', type: 'object[]', position: 0, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['Location'], mandatory: true },
      { name: 'Id', type: 'int[]', position: 0, parameterSets: ['SessionIdParameterSet'], mandatory: true, valueFromPipelineByPropertyName: true },
      { name: 'Name', type: 'string[]', position: 0, parameterSets: ['NameParameterSet'], mandatory: true, valueFromPipelineByPropertyName: true },
      { name: 'Keep', type: 'switch' },
      { name: 'NoRecurse', type: 'switch' },
      { name: 'Wait', type: 'switch' },
      { name: 'AutoRemoveJob', type: 'switch' },
      { name: 'WriteEvents', type: 'switch' },
      { name: 'WriteJobInResults', type: 'switch' },
      { name: 'Force', type: 'switch' },
    ],
    process(ctx) {
      const table = tableOf(ctx.session);
      for (const j of selectJobs(ctx)) {
        const data = dataOf(j)!;
        if (ctx.params.WriteJobInResults) ctx.write(j);
        const r = data.take(!!ctx.params.Keep);
        if (r) replay(ctx, r);
        if (ctx.params.AutoRemoveJob && ctx.params.Wait) table.jobs.delete(data.Id);
      }
    },
  },
  {
    name: 'Stop-Job',
    module: CORE_MODULE,
    synopsis: 'Stops a PowerShell background job.',
    outputType: ['System.Management.Automation.Job'],
    supportsShouldProcess: true,
    defaultParameterSet: 'Id',
    parameters: [...selectionParameters, { name: 'PassThru', type: 'switch' }],
    process(ctx) {
      const jobs = selectJobs(ctx);
      const stopFrom = (i: number): void | Promise<void> => {
        for (; i < jobs.length; i++) {
          const j = jobs[i]!;
          const ok = ctx.shouldProcess(`${dataOf(j)!.Name}`);
          const act = (yes: boolean) => {
            if (!yes) return;
            const d = dataOf(j)!;
            if (d.State === 'Running' || d.State === 'NotStarted') d.State = 'Stopped';
            if (ctx.params.PassThru) ctx.write(j);
          };
          if (isPromise(ok)) {
            const next = i + 1;
            return ok.then((yes) => (act(yes), stopFrom(next)));
          }
          act(ok);
        }
      };
      return stopFrom(0);
    },
  },
  {
    name: 'Remove-Job',
    module: CORE_MODULE,
    synopsis: 'Deletes a PowerShell background job.',
    supportsShouldProcess: true,
    defaultParameterSet: 'Id',
    parameters: [...selectionParameters, { name: 'Force', type: 'switch', aliases: ['F'] }],
    process(ctx) {
      const table = tableOf(ctx.session);
      for (const j of selectJobs(ctx)) {
        const d = dataOf(j)!;
        if (d.State === 'Running' && !ctx.params.Force) {
          ctx.writeError({
            message: `The command cannot remove the job with the job ID ${d.Id} because the job is not finished. To remove the job, first stop the job, or use the Force parameter.`,
            errorId: 'JobObjectNotFinishedCannotBeRemoved',
            category: 'InvalidOperation',
            targetObject: j,
            exceptionType: 'System.ArgumentException',
          });
          continue;
        }
        table.jobs.delete(d.Id);
      }
    },
  },
];

export const cmdlets: CmdletDecl[] = decls;
