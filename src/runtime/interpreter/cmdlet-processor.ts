// Runs a declared cmdlet (CmdletDecl) in a pipeline and gives it its CmdletContext.
import type { CmdletContext, CmdletDecl, ErrorDetails, InvokeScriptOptions } from '../cmdlet-api.js';
import type { Processor, Sink } from './pipeline.js';
import { NO_INPUT } from './pipeline.js';
import { Frame, type Streams } from './frame.js';
import {
  CommandMetadata, bindArguments, bindDelayed, bindPipelineItemInSets, candidateSets, inputNotBoundError, missingMandatory, missingMandatoryError, type CallArg,
} from './binder.js';
import { CALL_SITE, ErrorRecord, PSException, PSRuntimeError, type InvocationInfo } from '../errors.js';
import { emitValue } from './emit.js';
import { isPromise, StopUpstreamCommand } from './flow.js';
import { toStr } from '../values/convert.js';
import type { Session } from './session.js';
import { startVariableList, collectErrors, startPipelineVariable } from './common-variables.js';

const metaCache = new WeakMap<CmdletDecl, CommandMetadata>();
/** What `out` really is: the next command's ProcessorInput.push, which returns a Promise while that command is busy. */
type Downstream = (value: unknown) => void | Promise<void>;

export function cmdletMetadata(decl: CmdletDecl): CommandMetadata {
  let m = metaCache.get(decl);
  if (!m) {
    m = new CommandMetadata(decl.name, decl.parameters, true, !!decl.supportsShouldProcess, decl.defaultParameterSet, false);
    m.idName = cmdletClassName(decl);
    for (const p of m.params) if (typeof p.type === 'string') p.plainCmdletType = true;
    metaCache.set(decl, m);
  }
  return m;
}

/** Forget a declaration's bound metadata after its parameter list changed (Pester's Add-ShouldOperator adds parameters to Should). */
export function invalidateCmdletMetadata(decl: CmdletDecl): void {
  metaCache.delete(decl);
}

/** `Get-ChildItem` → `Microsoft.PowerShell.Commands.GetChildItemCommand` (for FullyQualifiedErrorId). */
export function cmdletClassName(decl: CmdletDecl): string {
  if (decl.className) return decl.className;
  const base = decl.name.replace(/-/g, '') + 'Command';
  const mod = decl.module ?? '';
  if (mod.startsWith('AWS')) return `Amazon.PowerShell.Cmdlets.${decl.name.split('-')[1]?.slice(0, 3).toUpperCase() ?? ''}.${base}`;
  return `Microsoft.PowerShell.Commands.${base}`;
}

export class CmdletProcessor implements Processor, CmdletContext {
  out: Sink = () => {};
  expectingInput = false;
  params: Record<string, any> = {};
  parameterSetName = '__AllParameterSets';
  inputObject: unknown = undefined;
  state: any;
  readonly frame: Frame;
  private meta: CommandMetadata;
  private baseBound: Map<string, unknown> = new Map();
  private itemBound: string[] | null = null;
  private sets: string[] | null = null;
  private hasPipelineParams: boolean;
  private singleByValue: string | null = null;
  private errorAction: string | null = null;
  private warningAction: string | null = null;
  private verbose: boolean | null = null;
  private debugPref: boolean | null = null;
  private errorVariable: string | null = null;
  private outVariable: string | null = null;
  private whatIf = false;
  private readonly callerName: string | null;
  private informationAction: string | null = null;
  /** -Confirm / -Confirm:$false; undefined when not given (then $ConfirmPreference decides). */
  private confirm: boolean | undefined = undefined;
  private pipelineVariable: string | null = null;
  private removePipelineVariable: (() => void) | null = null;
  /** Delay-bound script-block arguments, evaluated per pipeline object. */
  private delayed: Map<string, import('./scriptblock.js').ScriptBlock> | null = null;

  /** After the pipeline: removes the -PipelineVariable this command made. */
  clean(): void {
    this.removePipelineVariable?.();
  }
  private warningVariable: string | null = null;
  private warningItems: unknown[] | null = null;
  private informationVariable: string | null = null;
  private informationItems: unknown[] | null = null;
  /** Where the command stands in the script, for error positions. */
  extent: import('../../parser/ast.js').Extent | null = null;
  /** pwsh keeps -ErrorVariable lists with the output pipe: a command that feeds another one inside a function
   * doesn't add its errors to the function's -ErrorVariable. */
  feedsNext = false;

  constructor(
    readonly decl: CmdletDecl,
    private readonly args: CallArg[],
    caller: Frame,
    streams: Streams,
  ) {
    this.frame = caller.child(caller.scope, (v) => this.out(v), streams, decl.name);
    this.callerName = caller.commandName;
    this.meta = cmdletMetadata(decl);
    this.hasPipelineParams = this.meta.pipelineByValue.length > 0 || this.meta.pipelineByName.length > 0;
    if (this.meta.pipelineByValue.length === 1 && this.meta.pipelineByName.length === 0) {
      const p = this.meta.pipelineByValue[0];
      if (p.typeName.toLowerCase() === 'object' || p.typeName.toLowerCase() === 'psobject') this.singleByValue = p.name;
    }
    this.state = decl.init ? decl.init() : {};
  }

  get name(): string {
    return this.decl.name;
  }
  get session(): Session {
    return this.frame.session;
  }
  get host() {
    return this.frame.session.host;
  }
  get signal(): AbortSignal {
    return this.frame.session.signal;
  }
  get cwd(): string {
    return this.frame.session.cwd;
  }

  isBound(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.params, name);
  }

  begin(): void | Promise<void> {
    try {
      return this.beginInner();
    } catch (e) {
      // Binding errors point at the command in the script.
      if (e instanceof PSRuntimeError && this.extent) this.session.attachPosition(e.errorRecord, this.extent, this.decl.name);
      throw e;
    }
  }

  private beginInner(): void | Promise<void> {
    if (this.feedsNext) this.frame.errorVars = null;
    const b = bindArguments(this.meta, this.args, false, this.session.defaultParameterValues(this.frame, this.decl.name), this.expectingInput);
    this.parameterSetName = b.parameterSet;
    this.delayed = b.delayed;
    for (const [k, v] of b.bound) {
      switch (k) {
        case 'ErrorAction': this.errorAction = toStr(v); continue;
        case 'WarningAction': this.warningAction = toStr(v); continue;
        case 'Verbose': this.verbose = !!v; continue;
        case 'Debug': this.debugPref = !!v; continue;
        case 'ErrorVariable': this.errorVariable = toStr(v); continue;
        case 'OutVariable': this.outVariable = toStr(v); continue;
        case 'WhatIf': this.whatIf = !!v; continue;
        case 'InformationAction': this.informationAction = toStr(v); continue;
        case 'PipelineVariable': this.pipelineVariable = toStr(v); continue;
        case 'WarningVariable': this.warningVariable = toStr(v); continue;
        case 'InformationVariable': this.informationVariable = toStr(v); continue;
        case 'Confirm': this.confirm = !!v; continue;
        case 'ProgressAction': case 'OutBuffer':
          continue;
      }
      this.baseBound.set(k, v);
      this.params[k] = v;
    }
    if (this.errorVariable) collectErrors(this.frame, startVariableList(this.frame, this.errorVariable));
    if (!this.expectingInput) {
      const missing = missingMandatory(this.meta, this.baseBound, this.parameterSetName, false);
      if (missing.length) {
        // In the REPL pwsh asks for them; elsewhere it is an error.
        const asked = this.session.promptForMandatory(this.decl.name, this.meta, missing);
        if (!asked) throw missingMandatoryError(this.meta.idName, missing);
        return asked.then((values) => {
          for (const [k, v] of values) {
            this.baseBound.set(k, v);
            this.params[k] = v;
          }
          return this.beginRest();
        });
      }
    }
    return this.beginRest();
  }

  private beginRest(): void | Promise<void> {
    if (this.outVariable) {
      const inner = this.out as Downstream;
      const items = startVariableList(this.frame, this.outVariable);
      this.out = (v) => {
        items.push(v);
        return inner(v);
      };
    }
    if (this.pipelineVariable) {
      // -PipelineVariable: each object this command writes is visible downstream under that name.
      const inner = this.out as Downstream;
      const { variable, remove } = startPipelineVariable(this.frame, this.pipelineVariable);
      this.out = (v) => {
        variable.value = v;
        return inner(v);
      };
      this.removePipelineVariable = remove;
    }
    if (this.warningVariable) {
      this.warningItems = [];
      this.session.warningVariables.push(this.warningItems);
      this.session.setVariableFrom(this.frame, this.warningVariable.replace(/^\+/, ''), this.warningItems);
    }
    if (this.informationVariable) {
      this.informationItems = [];
      this.session.infoVariables.push(this.informationItems);
      this.session.setVariableFrom(this.frame, this.informationVariable.replace(/^\+/, ''), this.informationItems);
    }
    if (this.decl.begin) return this.call(this.decl.begin);
  }

  process(item: unknown): void | Promise<void> {
    if (item === NO_INPUT) {
      this.inputObject = undefined;
      if (this.decl.process) return this.call(this.decl.process);
      return;
    }
    this.inputObject = item;
    if (this.singleByValue !== null && !this.baseBound.has(this.singleByValue)) {
      this.params[this.singleByValue] = item;
    } else if (this.hasPipelineParams) {
      if (this.itemBound) for (const n of this.itemBound) {
        if (this.baseBound.has(n)) this.params[n] = this.baseBound.get(n);
        else delete this.params[n];
      }
      const bound = new Map(this.baseBound);
      const delayedNames = this.delayed ? bindDelayed(this.meta, bound, this.delayed, item) : [];
      this.sets ??= candidateSets(this.meta, this.baseBound, this.parameterSetName);
      const r = bindPipelineItemInSets(this.meta, bound, this.sets, item);
      if (r === null && delayedNames.length === 0) {
        this.writeError(inputNotBoundError(this.meta.idName, item).errorRecord);
        return;
      }
      const names = r ? [...delayedNames, ...r.names] : delayedNames;
      if (r) this.parameterSetName = r.set;
      for (const n of names) this.params[n] = bound.get(n);
      this.itemBound = names;
      const missing = missingMandatory(this.meta, bound, this.parameterSetName, false);
      if (missing.length) throw missingMandatoryError(this.meta.idName, missing);
    } else if (this.decl.process) {
      this.writeError(inputNotBoundError(this.meta.idName, item).errorRecord);
      return;
    }
    if (this.decl.process) return this.call(this.decl.process);
  }

  end(): void | Promise<void> {
    const finish = () => {
      const drop = (list: unknown[][], items: unknown[] | null) => {
        const i = items ? list.indexOf(items) : -1;
        if (i >= 0) list.splice(i, 1);
      };
      drop(this.session.warningVariables, this.warningItems);
      drop(this.session.infoVariables, this.informationItems);
    };
    if (this.decl.end) {
      const r = this.call(this.decl.end);
      if (isPromise(r)) return r.then(finish);
    }
    finish();
  }

  /** Errors thrown by the cmdlet's code: keep PS errors, turn JS errors into ErrorRecords for this cmdlet. */
  /** Run a lifecycle function with this command's frame current (SessionApi calls resolve scopes from it). */
  private call(fn: (ctx: CmdletContext) => void | Promise<void>): void | Promise<void> {
    const s = this.session;
    s.pushFrame(this.frame);
    try {
      return this.guard(fn(this));
    } finally {
      s.popFrame();
    }
  }

  private guard(r: void | Promise<void>): void | Promise<void> {
    if (isPromise(r)) return r.catch((e) => {
      throw this.session.toRuntimeError(e, cmdletClassName(this.decl));
    });
    return r;
  }

  // --- CmdletContext -------------------------------------------------------

  /**
   * WriteObject. When the next command went async for this item, the Promise settles once it has taken the item:
   * a cmdlet that awaits it waits for its downstream as pwsh's synchronous pipeline does, so a producer (a paged
   * AWS listing, say) does not run ahead and queue everything it fetched. Sync downstream: nothing to await.
   */
  write(value: unknown, enumerate = false): void | Promise<void> {
    if (enumerate) emitValue(value, this.out);
    else return (this.out as Downstream)(value === undefined ? null : value);
  }

  private makeRecord(error: ErrorDetails | ErrorRecord): ErrorRecord {
    if (error instanceof ErrorRecord) {
      // A record built by the cmdlet (Write-Error's) is positioned at this command, as pwsh's WriteError does.
      if (!error.InvocationInfo && this.extent) this.session.attachPosition(error, this.extent, this.decl.name);
      return error;
    }
    const ex = new PSException(error.message, error.exceptionType ?? 'System.Exception');
    if (error.exceptionProperties) Object.assign(ex, error.exceptionProperties);
    const id = error.errorId.includes(',') ? error.errorId : `${error.errorId},${cmdletClassName(this.decl)}`;
    const rec = new ErrorRecord(ex, id, error.category ?? 'NotSpecified', error.targetObject ?? null, null, this.decl.name);
    if (error.detailsMessage) rec.ErrorDetails = { Message: error.detailsMessage };
    if (this.extent) this.session.attachPosition(rec, this.extent, this.decl.name);
    return rec;
  }

  writeError(error: ErrorDetails | ErrorRecord): void {
    const rec = this.makeRecord(error);
    // Write-Error inside a function names the function in the error id, as pwsh does.
    if (rec.FullyQualifiedErrorId === 'Microsoft.PowerShell.Commands.WriteErrorException' && this.callerName) {
      rec.FullyQualifiedErrorId += `,${this.callerName}`;
      // pwsh's Write-Error reports at its caller's $MyInvocation: the function, where it was called from.
      const site = (this.session.getVariableFrom(this.frame, 'MyInvocation') as { [CALL_SITE]?: InvocationInfo } | null)?.[CALL_SITE];
      if (site) rec.InvocationInfo = { ...site, MyCommand: this.callerName, InvocationName: this.callerName };
    }
    this.session.writeNonTerminatingError(this.frame, rec, this.errorAction);
  }

  throwTerminating(error: ErrorDetails | ErrorRecord): never {
    throw new PSRuntimeError(this.makeRecord(error));
  }

  writeWarning(message: string): void {
    this.session.writeWarning(this.frame, message, this.warningAction);
  }
  writeVerbose(message: string): void {
    this.session.writeVerbose(this.frame, message, this.verbose);
  }
  writeDebug(message: string): void {
    this.session.writeDebug(this.frame, message, this.debugPref);
  }
  writeInformation(messageData: unknown, tags?: string[]): void {
    this.session.writeInformation(this.frame, messageData, tags ?? [], this.decl.name, this.informationAction);
  }
  writeHost(text: string, options?: { noNewline?: boolean; foregroundColor?: string; backgroundColor?: string }): void {
    this.session.writeHostText(this.frame, text, options ?? {});
  }
  writeProgress(record: { activity: string; status?: string; percentComplete?: number; id?: number; completed?: boolean }): void {
    this.session.writeProgress(record);
  }
  shouldProcess(target: string, action?: string): boolean | Promise<boolean> {
    return this.session.shouldProcess(this.frame, this.decl.name, target, action ?? this.decl.name, this.whatIf, this.decl.confirmImpact ?? 'Medium', this.confirm);
  }
  invokeScript(scriptBlock: unknown, options?: InvokeScriptOptions) {
    return this.session.invokeScriptFromCmdlet(this.frame, scriptBlock, options ?? {});
  }
  getVariable(name: string): unknown {
    return this.session.getVariableFrom(this.frame, name);
  }
  setVariable(name: string, value: unknown): void {
    this.session.setVariableFrom(this.frame, name, value);
  }
  resolvePath(path: string): string {
    return this.session.resolvePath(path);
  }
  /** Select-Object -First: stop the commands upstream of this one. */
  stopUpstream(): never {
    throw new StopUpstreamCommand(this);
  }
}
