// Public embedding API: `import { createShell } from 'awsh'`. The CLI uses nothing else.
import { monotonicMs } from './runtime/clock.js';
import type {
  ExecuteResult, InvokeOptions, ParseCheck, ProgressRecord, Shell, ShellHost, ShellOptions,
} from './api-types.js';
import type { CmdletDecl, IsolatedRun } from './runtime/cmdlet-api.js';
import { ErrorRecord, PSRuntimeError } from './runtime/errors.js';
import { Session, type SessionHost } from './runtime/interpreter/session.js';
import { parse } from './parser/index.js';
import { ScriptBlock } from './runtime/interpreter/scriptblock.js';
import { ScriptProcessor } from './runtime/interpreter/script-processor.js';
import { checkScriptRequirements } from './runtime/interpreter/requires.js';
import { importUsingModules } from './runtime/interpreter/modules.js';
import { runPipeline } from './runtime/interpreter/pipeline.js';
import { ExitSignal, BreakSignal, ContinueSignal, PipelineStoppedSignal, isFlowSignal } from './runtime/interpreter/flow.js';
import { Frame } from './runtime/interpreter/frame.js';
import { coreCmdlets, defaultAliases, lazyCommandSets } from './cmdlets/core/index.js';
import { createOutDefault, outString, enumerationLimitOf } from './runtime/format/index.js';
import { renderErrorRecord } from './runtime/format/error-display.js';
import { toStr } from './runtime/values/convert.js';
import type { CallArg } from './runtime/interpreter/binder.js';
import { setInScope } from './runtime/interpreter/variables.js';
import { readFile } from 'node:fs';
import { homedir } from 'node:os';
import { toPlain } from './embedding/plain-values.js';
import { hostCmdlets } from './embedding/host-cmdlets.js';
import type { ParseResult } from './parser/ast.js';

export type * from './api-types.js';
export { ErrorRecord };
export const version = '0.1.0';

class ShellImpl implements Shell {
  readonly session: Session;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly host: ShellHost;
  /** Parsed scripts by text: a host that runs the same small script again skips parsing and compiling. */
  private readonly parseCache = new Map<string, ParseResult>();

  constructor(options: ShellOptions) {
    this.host = options.host ?? {};
    const h = this.host;
    const width = h.width ?? 120;
    const sessionHost: SessionHost = {
      width,
      interactive: !!(options.interactive ?? h.interactive),
      writeHost: (text, o) => h.writeHost?.(text, { noNewline: !!o?.noNewline, foregroundColor: o?.foregroundColor, backgroundColor: o?.backgroundColor }),
      error: (r) => h.error?.(r),
      warning: (m) => h.warning?.(m),
      verbose: (m) => h.verbose?.(m),
      debug: (m) => h.debug?.(m),
      information: (r) => h.information?.({ MessageData: r.MessageData, Tags: r.Tags, Source: r.Source, TimeGenerated: r.TimeGenerated }),
      progress: (r) => h.progress?.(toProgressRecord(r)),
      promptForChoice: h.promptForChoice ? (c, m, ch, d) => h.promptForChoice!(c, m, ch, d) : undefined,
      readLine: h.readLine ? (p, o) => h.readLine!(p, o) : undefined,
      formatForFile: (items) => {
        const text = outString(items, width, false, enumerationLimitOf(this.enumerationLimit())) as string;
        return text.endsWith('\n') ? text : text + '\n';
      },
    };
    this.session = new Session(sessionHost, { cwd: options.cwd, env: options.env, restricted: options.restricted });
    // A background job's runspace: a shell of its own, with the same AWS defaults, its streams collected.
    this.session.runIsolated = async (script, o) => {
      const run: IsolatedRun = { output: [], errors: [], warnings: [], verbose: [], debug: [], information: [], terminatingError: null };
      const child = new ShellImpl({
        cwd: o.cwd,
        // A job inherits the environment as the shell has it now ($env: changes included).
        env: { ...this.session.env },
        aws: options.aws,
        host: {
          error: (r) => void run.errors.push(r),
          warning: (m) => void run.warnings.push(m),
          verbose: (m) => void run.verbose.push(m),
          debug: (m) => void run.debug.push(m),
          information: (r) => void run.information.push(r.MessageData),
          // Write-Host in a job is information the job keeps until it is received.
          writeHost: (text) => void run.information.push(text),
        },
      });
      const r = await child.execute(script, { variables: o.variables, onOutput: (v) => void run.output.push(v) });
      run.terminatingError = r.terminatingError;
      if (r.terminatingError) run.errors = run.errors.filter((e) => e !== r.terminatingError);
      return run;
    };
    for (const d of coreCmdlets) this.session.registerCmdlet(d);
    for (const set of lazyCommandSets) this.session.addLazyCommands(set);
    for (const d of hostCmdlets) if (!this.session.getCmdletDecl(d.name)) this.session.registerCmdlet(d);
    for (const [a, t] of Object.entries(defaultAliases)) this.session.registerAlias(a, t);
    // The AWS cmdlets (1,200+ declarations) load on first use of a command awsh doesn't know yet.
    const session = this.session;
    session.addCommandLoader(async () => {
      const aws = await import('./cmdlets/aws/index.js');
      // Restricted shells get only the AWS services the host allowed (restricted.allowNetwork).
      const services = session.restricted ? (options.restricted?.allowNetwork ?? []).map((x) => `aws.tools.${x.toLowerCase()}`) : null;
      for (const d of aws.awsCmdlets) {
        const module = (d.module ?? '').toLowerCase();
        if (services && module !== 'aws.tools.common' && !services.includes(module)) continue;
        session.registerCmdlet(d);
      }
      for (const [a, t] of Object.entries(aws.awsAliases)) if (!session.globalScope.lookupAlias(a.toLowerCase())) session.registerAlias(a, t);
      if (options.aws) aws.setAwsShellDefaults(session, options.aws);
    });
  }

  get cwd(): string {
    return this.session.cwd;
  }

  /** Invocations on one shell run one at a time. */
  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  execute(script: string, options: InvokeOptions = {}): Promise<ExecuteResult> {
    return this.serialize(() => this.executeNow(script, options));
  }

  private async executeNow(script: string, options: InvokeOptions): Promise<ExecuteResult> {
    const s = this.session;
    const output: unknown[] = [];
    const onOutput = options.onOutput ?? ((v: unknown) => void output.push(v));
    const outer = options.signal;
    const policy = s.restricted;
    // Nothing can stop a run without a caller's signal or a time limit: share one signal instead of allocating.
    const controller = outer || policy?.options.maxRunTimeMs !== undefined ? new AbortController() : null;
    const onAbort = () => controller?.abort();
    outer?.addEventListener('abort', onAbort);
    s.signal = controller ? controller.signal : null;
    const previousSession = Session.current;
    Session.current = s;
    const result: ExecuteResult = { output, terminatingError: null, exitCode: null, success: true };
    const started = new Date();
    s.deadline = policy?.options.maxRunTimeMs !== undefined ? monotonicMs() + policy.options.maxRunTimeMs : null;
    let deadlineTimer: ReturnType<typeof setTimeout> | null = null;
    let timedOut = false;
    if (policy?.options.maxRunTimeMs !== undefined) {
      deadlineTimer = setTimeout(() => {
        timedOut = true;
        controller?.abort();
      }, policy.options.maxRunTimeMs + 50);
    }
    let produced = 0;
    const maxOutput = policy?.options.maxOutputObjects;
    try {
      if (options.variables) for (const [k, v] of Object.entries(options.variables)) s.setVariable(k, policy ? toUntrusted(v) : v, { scope: 'global' });
      const parsed = this.parseCached(script, options.path ?? null);
      // Amazon.* model types resolve synchronously in casts, so a script naming one gets the AWS module up front.
      if (/\bAmazon\./.test(script)) await s.loadAllCommands();
      if (parsed.errors.length) {
        const err = s.parseErrorToRuntime(parsed.errors, parsed.ast.source);
        throw err;
      }
      const preload = s.preloadCommandsFor(script);
      if (preload) await preload;
      const sb = new ScriptBlock(parsed.ast);
      sb.session = s;
      const isFile = !!options.path;
      if (isFile) checkScriptRequirements(s, script, options.path!);
      await importUsingModules(s, parsed.ast.source, s.defaultStreams);
      const args: CallArg[] = (options.args ?? []).map((a) => {
        if (typeof a === 'string' && /^-[A-Za-z_][\w-]*:?$/.test(a)) {
          return a.endsWith(':') ? { name: a.slice(1, -1), value: undefined, hasValue: false, text: a } : { name: a.slice(1), value: undefined, hasValue: false, text: a };
        }
        return { name: null, value: a, hasValue: true };
      });
      // Scripts get their own script scope; -c text and REPL lines run in the global scope (dot-sourced).
      const proc = new ScriptProcessor(sb, args, s.globalFrame, s.defaultStreams, {
        name: options.path ?? '', dotSource: !isFile, isScriptFile: isFile, scriptPath: options.path ?? null,
      });
      s.pushSource(parsed.ast.source);
      s.pushFrame(s.globalFrame);
      try {
        let input = options.input ? await collectInput(options.input) : null;
        if (policy && input) input = input.map(toUntrusted);
        const outSink = (v: unknown) => {
          if (maxOutput !== undefined && ++produced > maxOutput) throw policy!.limitError('output size');
          onOutput(v);
        };
        await runPipeline([proc], input, outSink);
        if (proc.exitCode !== null) result.exitCode = proc.exitCode;
      } finally {
        s.popFrame();
        s.popSource();
      }
    } catch (e) {
      if (e instanceof ExitSignal) {
        result.exitCode = e.code;
        s.setLastExitCode(e.code);
      } else if (e instanceof BreakSignal || e instanceof ContinueSignal) {
        // `break` outside a loop ends the script quietly, as in pwsh.
      } else if (policy && controller?.signal.aborted && !outer?.aborted) {
        // The restricted run-time limit fired while the script was waiting on something async.
        const rec = policy.limitError('run time').errorRecord;
        result.terminatingError = rec;
        this.host.error?.(rec);
      } else if (e instanceof PipelineStoppedSignal || controller?.signal.aborted) {
        result.success = false;
      } else if (isFlowSignal(e)) {
        // return at top level
      } else {
        const err = s.toRuntimeError(e);
        result.terminatingError = err.errorRecord;
        s.recordError(err.errorRecord);
        this.host.error?.(err.errorRecord);
        s.lastSuccess = false;
      }
    } finally {
      Session.current = previousSession;
      if (deadlineTimer) clearTimeout(deadlineTimer);
      s.deadline = null;
      outer?.removeEventListener('abort', onAbort);
      s.tryDepth = 0;
      s.callDepth = 0;
    }
    // A cmdlet that was waiting (Start-Sleep, an AWS call) may end quietly when the time limit aborts it.
    if (timedOut && result.terminatingError === null && !outer?.aborted) {
      result.terminatingError = policy!.limitError('run time').errorRecord;
      this.host.error?.(result.terminatingError);
    }
    result.success = result.terminatingError === null && s.lastSuccess && !controller?.signal.aborted;
    if (options.addToHistory) {
      // pwsh's PipelineState names.
      const status = controller?.signal.aborted ? 'Stopped' : result.terminatingError ? 'Failed' : 'Completed';
      s.history.addRun(script, status, started, new Date());
    }
    return result;
  }

  private parseCached(script: string, path: string | null): ParseResult {
    if (path !== null || script.length > 2000) return parse(script, path);
    let parsed = this.parseCache.get(script);
    if (!parsed) {
      parsed = parse(script, null);
      if (this.parseCache.size >= 200) this.parseCache.delete(this.parseCache.keys().next().value!);
      this.parseCache.set(script, parsed);
    }
    return parsed;
  }

  invoke(script: string, options: InvokeOptions = {}): AsyncIterable<unknown> & PromiseLike<unknown[]> {
    const convert = !options.raw;
    return makeInvocation((onOutput) => this.execute(script, { ...options, onOutput: convert ? (v) => onOutput(toPlain(v)) : onOutput }));
  }

  /** $AWSHistory of this shell (empty until an AWS cmdlet has run). */
  getAwsHistory(): unknown {
    const h = this.getVariable('AWSHistory');
    return h ?? { Commands: [], LastCommand: null, LastServiceResponse: null };
  }

  invokeFile(path: string, args: unknown[] = [], options: InvokeOptions = {}): AsyncIterable<unknown> & PromiseLike<unknown[]> {
    return makeInvocation(async (onOutput) => {
      const full = this.session.resolvePath(path);
      const text = await new Promise<string>((ok, fail) => readFile(full, 'utf8', (e, t) => (e ? fail(e) : ok(t))));
      return this.execute(text, { ...options, path: full, args, onOutput: options.raw ? onOutput : (v) => onOutput(toPlain(v)) });
    });
  }

  checkSyntax(script: string): ParseCheck {
    const r = parse(script, null);
    return {
      ok: r.errors.length === 0,
      incomplete: r.errors.length > 0 && r.errors.every((e) => e.incompleteInput),
      errors: r.errors.map((e) => ({ message: e.message, errorId: e.errorId, line: e.extent.line, column: e.extent.column })),
    };
  }

  format(objects: unknown[], options: { width?: number } = {}): string {
    const od = createOutDefault(options.width ?? this.host.width ?? 120, this.enumerationLimit);
    let text = '';
    for (const o of objects) text += od.write(o);
    text += od.flush();
    return text.replace(/\n+$/, '');
  }

  createOutDefault(options: { width?: number } = {}): { write(value: unknown): string; flush(): string } {
    return createOutDefault(options.width ?? this.host.width ?? 120, this.enumerationLimit);
  }

  /** $global:FormatEnumerationLimit, read by Out-Default when its first object arrives. */
  private readonly enumerationLimit = (): unknown => this.session.getVariableFrom(this.session.globalFrame, 'FormatEnumerationLimit');

  formatError(record: ErrorRecord): string {
    return renderErrorRecord(record, this.session.errorView());
  }

  getVariable(name: string): unknown {
    return this.session.getVariableFrom(this.session.globalFrame, name);
  }

  setVariable(name: string, value: unknown): void {
    setInScope(this.session.globalScope, name.toLowerCase(), name, value);
  }

  registerCmdlet(decl: CmdletDecl): void {
    this.session.registerCmdlet(decl);
  }

  async prompt(): Promise<string> {
    const fn = this.session.globalScope.lookupFunction('prompt');
    if (fn) {
      try {
        const items = this.session.invokeScriptBlockSync(fn.scriptBlock as ScriptBlock, { newScope: true, frame: this.session.globalFrame });
        return items.map((x) => toStr(x)).join('');
      } catch {
        // fall back to the default prompt
      }
    }
    return `PS ${this.session.cwd}> `;
  }

  async complete(line: string, cursor: number): Promise<{ start: number; end: number; matches: string[] }> {
    const { completeInput } = await import('./embedding/completion.js');
    return completeInput(this.session, line, cursor, this.session.env.HOME || homedir());
  }
}


/** Cmdlets report progress as ctx.writeProgress({ activity, status, ... }); hosts get pwsh's ProgressRecord shape. */
function toProgressRecord(r: unknown): ProgressRecord {
  const p = (r ?? {}) as { activity?: string; status?: string; percentComplete?: number; id?: number; completed?: boolean };
  return {
    Activity: p.activity ?? '',
    StatusDescription: p.status ?? 'Processing',
    PercentComplete: typeof p.percentComplete === 'number' ? p.percentComplete : -1,
    ActivityId: p.id ?? 0,
    RecordType: p.completed ? 'Completed' : 'Processing',
  };
}

/**
 * Restricted shells get data, not host objects: functions are dropped and class instances become plain property
 * bags, so a script can't call back into the host's JavaScript.
 */
function toUntrusted(v: unknown, depth = 0): unknown {
  if (v === null || typeof v !== 'object') return typeof v === 'function' ? null : v;
  if (depth > 32) return null;
  if (v instanceof Date || Buffer.isBuffer(v)) return v;
  if (Array.isArray(v)) return v.map((x) => toUntrusted(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x !== 'function') out[k] = toUntrusted(x, depth + 1);
  return out;
}

async function collectInput(input: Iterable<unknown> | AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  if (Symbol.asyncIterator in (input as object)) for await (const x of input as AsyncIterable<unknown>) items.push(x);
  else for (const x of input as Iterable<unknown>) items.push(x);
  return items;
}

/** An invocation that can be awaited (collects output) or iterated with for-await (streams output). */
function makeInvocation(run: (onOutput: (v: unknown) => void) => Promise<ExecuteResult>): AsyncIterable<unknown> & PromiseLike<unknown[]> {
  return {
    then(onFulfilled, onRejected) {
      const items: unknown[] = [];
      return run((v) => void items.push(v))
        .then((r) => {
          if (r.terminatingError) throw new ShellError(r.terminatingError);
          return items;
        })
        .then(onFulfilled, onRejected);
    },
    [Symbol.asyncIterator]() {
      const buffer: unknown[] = [];
      let done = false;
      let failure: unknown = null;
      let wake: (() => void) | null = null;
      run((v) => {
        buffer.push(v);
        wake?.();
      }).then(
        (r: ExecuteResult) => {
          if (r.terminatingError) failure = new ShellError(r.terminatingError);
          done = true;
          wake?.();
        },
        (e: unknown) => {
          failure = e;
          done = true;
          wake?.();
        },
      );
      return {
        async next(): Promise<IteratorResult<unknown>> {
          for (;;) {
            if (buffer.length) return { value: buffer.shift(), done: false };
            if (done) {
              if (failure) throw failure;
              return { value: undefined, done: true };
            }
            await new Promise<void>((r) => (wake = r));
            wake = null;
          }
        },
      };
    },
  };
}

/** Thrown (rejected) by `invoke` when a terminating error ended the script. */
export class ShellError extends Error {
  constructor(readonly errorRecord: ErrorRecord) {
    super(errorRecord.Exception.Message);
    this.name = 'ShellError';
  }
}

export function createShell(options: ShellOptions = {}): Shell {
  return new ShellImpl(options);
}

export { PSRuntimeError, Frame };
