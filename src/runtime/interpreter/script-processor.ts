// Runs a script block (function, filter, script file, `& {}`) as a pipeline command.
import type { Processor, Sink } from './pipeline.js';
import { NO_INPUT } from './pipeline.js';
import { Frame, type Streams } from './frame.js';
import { Scope, PSVariable, boundParentScope } from './scope.js';
import { ScriptBlock } from './scriptblock.js';
import { compileScript, scriptMetadata, type CompiledScript } from './script-meta.js';
import { andThen, eachMaybe } from './maybe-async.js';
import {
  bindArguments, bindDelayed, bindPipelineItem, inputNotBoundError, withDeferredValidation, missingMandatory, missingMandatoryError, type CallArg, type CommandMetadata, type BindResult,
} from './binder.js';
import { ReturnSignal, ExitSignal, isPromise } from './flow.js';
import { setInScope } from './variables.js';
import { PSBoundParametersDictionary, convertTo, resolveType } from '../types/index.js';
import { PSList } from '../types/collections.js';
import { toBool, toStr } from '../values/convert.js';
import { PSSwitch } from '../values/switch.js';
import { ErrorRecord, PSException, PSRuntimeError } from '../errors.js';
import { emitValue } from './emit.js';
import type { Exec } from './compile-stmt.js';
import { InputEnumerator } from './enumerators.js';
import { startVariableList, collectErrors, startPipelineVariable } from './common-variables.js';
import type { CallEntry } from './call-stack.js';

export interface ScriptInvocation {
  name: string;
  /** Run in the caller's scope (dot-sourcing) instead of a new child scope. */
  dotSource: boolean;
  /** A script file: a new script scope; `exit` ends only this script. */
  isScriptFile: boolean;
  scriptPath?: string | null;
}

export class ScriptProcessor implements Processor {
  out: Sink = () => {};
  expectingInput = false;
  feedsNext = false;
  private frame!: Frame;
  private compiled: CompiledScript;
  private meta: CommandMetadata | null = null;
  private binding: BindResult | null = null;
  private inputItems: unknown[] = [];
  private underVar: PSVariable | null = null;
  /** A process block's `$input`: one enumerator, reloaded with each item. */
  private itemInput: InputEnumerator | null = null;
  private readonly itemList: unknown[] = [null];
  private inputVar: PSVariable | null = null;
  /** Set when `exit N` ended this script file. */
  exitCode: number | null = null;

  constructor(
    private readonly sb: ScriptBlock,
    private readonly args: CallArg[],
    private readonly caller: Frame,
    private readonly streams: Streams,
    private readonly inv: ScriptInvocation,
  ) {
    this.compiled = compileScript(sb);
  }

  /** Where the call stands in the script, for binding error positions. */
  extent: import('../../parser/ast.js').Extent | null = null;

  begin(): void | Promise<void> {
    try {
      return this.beginInner();
    } catch (e) {
      throw this.atCall(e);
    }
  }

  /** A binding error is reported at the call. */
  private atCall(e: unknown): unknown {
    if (e instanceof PSRuntimeError && this.extent) this.caller.session.attachPosition(e.errorRecord, this.extent, this.inv.name || null);
    return e;
  }

  private beginInner(): void | Promise<void> {
    const s = this.caller.session;
    const callerScope = boundParentScope(this.sb.moduleScope as Scope | null, this.caller.scope);
    const parentScope = (this.sb.closureScope as Scope | null) ?? callerScope;
    const scope = this.inv.dotSource ? callerScope : new Scope(parentScope, this.inv.isScriptFile);
    const out: Sink = (v) => this.out(v);
    this.frame = this.caller.child(scope, out, this.streams, this.inv.name);
    // pwsh keeps -ErrorVariable lists with the output pipe: a command that feeds another one inside a function
    // doesn't add its errors to the function's -ErrorVariable.
    if (this.feedsNext) this.frame.errorVars = null;
    s.enterCall();
    const c = this.compiled;
    if (c.parameters.length > 0 || c.advanced) {
      this.meta = scriptMetadata(c, this.inv.name, this.frame);
      const meta = this.meta;
      // ValidateScript checks that run an async command are waited for before the call goes on (see binder.ts).
      const { value: binding, pending } = withDeferredValidation(() =>
        // $PSDefaultParameterValues applies to cmdlets and advanced functions, as in pwsh.
        bindArguments(meta, this.args, !c.advanced, c.advanced && this.inv.name ? s.defaultParameterValues(this.frame, this.inv.name) : null, this.expectingInput),
      );
      this.binding = binding;
      const bound = pending
        ? pending.then(
            () => this.applyBinding(),
            (e: unknown) => {
              throw this.atCall(e);
            },
          )
        : this.applyBinding();
      if (isPromise(bound)) return bound.then(() => this.afterBinding());
      return this.afterBinding();
    } else {
      const unbound: unknown[] = [];
      for (const a of this.args) {
        if (a.endOfParameters) continue;
        if (a.name !== null) {
          unbound.push(a.text ?? `-${a.name}`);
          if (a.hasValue) unbound.push(a.value);
        } else unbound.push(a.value);
      }
      setInScope(scope, 'args', 'args', unbound);
      setInScope(scope, 'psboundparameters', 'PSBoundParameters', new PSBoundParametersDictionary());
    }
    return this.afterBinding();
  }

  private afterBinding(): void | Promise<void> {
    const s = this.caller.session;
    const scope = this.frame.scope;
    const c = this.compiled;
    if (c.advanced) setInScope(scope, 'pscmdlet', 'PSCmdlet', makePSCmdlet(this.frame, this.inv.name, () => this.binding?.parameterSet ?? '__AllParameterSets', c.confirmImpact));
    if (this.inv.isScriptFile && this.inv.scriptPath) {
      setInScope(scope, 'pscommandpath', 'PSCommandPath', this.inv.scriptPath);
      setInScope(scope, 'psscriptroot', 'PSScriptRoot', this.inv.scriptPath.replace(/[/\\][^/\\]*$/, '') || '/');
    }
    setInScope(scope, 'myinvocation', 'MyInvocation', s.makeMyInvocation(this.inv.name, this.inv.scriptPath ?? null, this.expectingInput, this.extent, scope.lookup('psboundparameters')?.value ?? null, this.binding?.unbound ?? null));
    if (this.pendingPrompt) {
      const p = this.pendingPrompt;
      this.pendingPrompt = null;
      return p.then(() => (c.begin ? this.runBlock(c.begin) : undefined));
    }
    if (c.begin) {
      this.setInput(this.inputValue([]));
      return this.runBlock(c.begin);
    }
  }

  private applyBinding(): void | Promise<void> {
    const scope = this.frame.scope;
    const c = this.compiled;
    const b = this.binding!;
    // The binder gives switches as booleans (what cmdlets take); scripts see SwitchParameter values.
    for (const [name, value] of b.bound) {
      if (typeof value === 'boolean' && this.meta!.byKey.get(name.toLowerCase())?.isSwitch) b.bound.set(name, PSSwitch.of(value));
    }
    for (const [name, value] of b.bound) {
      const v = setInScope(scope, name.toLowerCase(), name, value);
      const tc = c.typeConstraints.get(name);
      if (tc) v.typeConstraint = resolveType(tc);
    }
    const setDefault = (p: (typeof c.parameters)[number], def: unknown, value: unknown) => {
      const tc = c.typeConstraints.get(p.name);
      if (tc && (def || isValueType(tc.name))) {
        const t = resolveType(tc);
        if (t) value = convertTo(value, t);
      }
      const key = p.name.toLowerCase();
      if (!def && this.meta!.byKey.get(key)?.isSwitch) value = PSSwitch.ABSENT;
      const v = setInScope(scope, key, p.name, value);
      if (tc) v.typeConstraint = resolveType(tc);
    };
    // Defaults in order (one may use an earlier parameter); one that runs an async command is waited for.
    const defaults = eachMaybe(c.parameters, (p) => {
      if (b.bound.has(this.declName(p.name))) return;
      // Unbound: default value, or the type's default ($null, 0 for [int], $false for [switch]).
      const def = c.defaults.get(p.name.toLowerCase());
      if (!def) return setDefault(p, def, null);
      return andThen(def(this.frame), (value) => setDefault(p, def, value));
    });
    return isPromise(defaults) ? defaults.then(() => this.finishBinding()) : this.finishBinding();
  }

  private finishBinding(): void {
    const scope = this.frame.scope;
    const c = this.compiled;
    const b = this.binding!;
    const bp = new PSBoundParametersDictionary();
    for (const [name, value] of b.bound) bp.set(name, value);
    setInScope(scope, 'psboundparameters', 'PSBoundParameters', bp);
    setInScope(scope, 'args', 'args', b.unbound);
    if (c.advanced) this.applyCommonParameters(b.bound);
    if (!this.expectingInput) this.checkMandatory();
  }

  /** Sets the automatic `$input`, bypassing any type constraint a parameter named `$input` put on it (as pwsh does). */
  private setInput(value: unknown): void {
    const scope = this.frame.scope;
    if (this.inputVar === null || scope.vars.get('input') !== this.inputVar) {
      this.inputVar = scope.vars.get('input') ?? setInScope(scope, 'input', 'input', value);
    }
    this.inputVar.value = value;
  }

  /**
   * `$input` in a begin/process block. An advanced function (pwsh's PSScriptCmdlet) hands its blocks
   * the ArrayList of pending input itself; a simple function gets an enumerator over it.
   */
  private inputValue(items: readonly unknown[]): unknown {
    return this.compiled.advanced ? PSList.create(null, items) : new InputEnumerator(items);
  }

  private declName(n: string): string {
    return this.meta?.byKey.get(n.toLowerCase())?.name ?? n;
  }

  private applyCommonParameters(bound: Map<string, unknown>): void {
    const scope = this.frame.scope;
    const pref = (param: string, variable: string) => {
      if (bound.has(param)) setInScope(scope, variable.toLowerCase(), variable, toStr(bound.get(param)));
    };
    pref('ErrorAction', 'ErrorActionPreference');
    pref('WarningAction', 'WarningPreference');
    pref('InformationAction', 'InformationPreference');
    if (bound.has('Verbose')) setInScope(scope, 'verbosepreference', 'VerbosePreference', toBool(bound.get('Verbose')) ? 'Continue' : 'SilentlyContinue');
    if (bound.has('Debug')) setInScope(scope, 'debugpreference', 'DebugPreference', toBool(bound.get('Debug')) ? 'Continue' : 'SilentlyContinue');
    if (bound.has('WhatIf')) setInScope(scope, 'whatifpreference', 'WhatIfPreference', toBool(bound.get('WhatIf')));
    // -Confirm in an advanced function lowers (or, with :$false, disables) $ConfirmPreference there, as in pwsh.
    if (bound.has('Confirm')) setInScope(scope, 'confirmpreference', 'ConfirmPreference', toBool(bound.get('Confirm')) ? 'Low' : 'None');
    if (bound.has('ErrorVariable')) collectErrors(this.frame, startVariableList(this.caller, toStr(bound.get('ErrorVariable'))));
    if (bound.has('WarningVariable')) {
      this.warningItems = startVariableList(this.caller, toStr(bound.get('WarningVariable')));
      this.frame.session.warningVariables.push(this.warningItems);
    }
    if (bound.has('InformationVariable')) {
      this.informationItems = startVariableList(this.caller, toStr(bound.get('InformationVariable')));
      this.frame.session.infoVariables.push(this.informationItems);
    }
    if (bound.has('PipelineVariable')) {
      const { variable, remove } = startPipelineVariable(this.caller, toStr(bound.get('PipelineVariable')));
      this.removePipelineVariable = remove;
      const inner = this.out;
      this.out = (v) => {
        variable.value = v;
        return inner(v);
      };
    }
    if (bound.has('OutVariable')) {
      const items = startVariableList(this.caller, toStr(bound.get('OutVariable')));
      const inner = this.out;
      this.out = (v) => {
        items.push(v);
        return inner(v);
      };
    }
  }

  private checkMandatory(): void {
    const missing = missingMandatory(this.meta!, this.binding!.bound, this.binding!.parameterSet, false);
    if (missing.length) {
      const asked = this.frame.session.promptForMandatory(this.inv.name, this.meta!, missing);
      if (!asked) throw missingMandatoryError(this.inv.name, missing);
      this.pendingPrompt = asked.then((values) => {
        for (const [k, v] of values) {
          this.binding!.bound.set(k, v);
          setInScope(this.frame.scope, k.toLowerCase(), k, v);
        }
      });
    }
  }

  /** Set while the REPL asks for mandatory parameters. */
  private pendingPrompt: Promise<void> | null = null;

  process(item: unknown): void | Promise<void> {
    const c = this.compiled;
    if (item === NO_INPUT) {
      if (c.process) {
        this.setInput(this.inputValue([]));
        return this.runBlock(c.process);
      }
      return;
    }
    if (this.meta && this.binding && (this.meta.pipelineByValue.length || this.meta.pipelineByName.length)) {
      const meta = this.meta, binding = this.binding;
      const bound = new Map(binding.bound);
      const delayedNames = binding.delayed ? bindDelayed(meta, bound, binding.delayed, item) : [];
      const { value: names, pending } = withDeferredValidation(() => bindPipelineItem(meta, bound, binding.parameterSet, item));
      if (names === null && delayedNames.length === 0 && c.process) {
        pending?.catch(() => {});
        throw inputNotBoundError(this.inv.name, item);
      }
      const apply = () => {
        // Parameters bound from the pipeline join $PSBoundParameters, as in pwsh (a mock's call record reads them).
        const bp = this.frame.scope.vars.get('psboundparameters')?.value;
        for (const n of [...delayedNames, ...(names ?? [])]) {
          setInScope(this.frame.scope, n.toLowerCase(), n, bound.get(n));
          if (bp instanceof PSBoundParametersDictionary) bp.set(n, bound.get(n));
        }
        return this.processItem(item);
      };
      return pending ? pending.then(apply) : apply();
    }
    return this.processItem(item);
  }

  private processItem(item: unknown): void | Promise<void> {
    const c = this.compiled;
    if (c.process) {
      const scope = this.frame.scope;
      if (this.underVar === null || scope.vars.get('_') !== this.underVar) this.underVar = setInScope(scope, '_', '_', item);
      else this.underVar.value = item;
      // pwsh's process block sees `$input` enumerating just the current item.
      this.itemList[0] = item;
      const en = c.advanced
        ? this.inputValue(this.itemList)
        : this.itemInput === null
          ? (this.itemInput = new InputEnumerator(this.itemList))
          : this.itemInput.load(this.itemList);
      this.setInput(en);
      return this.runBlock(c.process);
    }
    this.inputItems.push(item);
  }

  end(): void | Promise<void> {
    const c = this.compiled;
    this.setInput(this.compiled.advanced ? [...this.inputItems] : new InputEnumerator(this.inputItems));
    const finish = () => {
      this.frame.session.leaveCall();
    };
    if (c.end) {
      let r: void | Promise<void>;
      try {
        r = this.runBlock(c.end);
      } catch (e) {
        finish();
        throw e;
      }
      if (isPromise(r)) return r.finally(finish);
    }
    finish();
  }

  /** Set once a begin, process or end block of this command has run: only then does its `clean` block run. */
  private ranBlock = false;
  /** -WarningVariable's / -InformationVariable's lists while the command runs. */
  private warningItems: unknown[] | null = null;
  private informationItems: unknown[] | null = null;
  private removePipelineVariable: (() => void) | null = null;

  /** After the whole pipeline (also after a failure): the `clean` block (pwsh 7.3+), if another block ran; what it
   * writes to the success stream is discarded. */
  clean(): void {
    try {
      this.runClean();
    } finally {
      const s = this.caller.session;
      const drop = (lists: unknown[][], items: unknown[] | null) => {
        const i = items ? lists.indexOf(items) : -1;
        if (i >= 0) lists.splice(i, 1);
      };
      drop(s.warningVariables, this.warningItems);
      drop(s.infoVariables, this.informationItems);
      this.removePipelineVariable?.();
    }
  }

  private runClean(): void {
    const clean = this.compiled.clean;
    if (!clean || !this.ranBlock) return;
    const f = this.frame;
    // A terminating error ends the clean block but does not propagate: pwsh writes it to the error stream, and
    // the command's `$?` is false.
    const failed = (e: unknown) => {
      if (e instanceof ReturnSignal || !(e instanceof Error)) return;
      const s = f.session;
      s.reportStatementError(s.toRuntimeError(e).errorRecord, this.caller);
      s.pipelineHadErrors = true;
    };
    try {
      const r = clean(f.child(f.scope, () => {}, f.streams, f.commandName));
      if (isPromise(r)) r.catch(failed);
    } catch (e) {
      failed(e);
    }
  }

  /** This call's entry in the session's call stack, made at begin (when the caller's source is current). */
  private callEntry: CallEntry | null = null;

  private runBlock(block: Exec): void | Promise<void> {
    // While the block runs, errors are positioned in its own source and traced through this call.
    this.ranBlock = true;
    const s = this.frame.session;
    const entry = (this.callEntry ??= { name: this.inv.name && !this.inv.isScriptFile ? this.inv.name : '<ScriptBlock>', site: this.extent, siteSource: s.currentSource });
    s.callStack.push(entry);
    s.pushSource(this.sb.ast.source);
    // Script blocks that .NET-style members run (.Where(), script methods and properties, -replace) see this
    // block's scope; its synchronous part is current (an async continuation runs with whatever frame is then current).
    s.pushFrame(this.frame);
    let async = false;
    try {
      const r = this.runBlockInner(block);
      if (isPromise(r)) {
        async = true;
        return r.finally(() => this.leaveBlock(entry));
      }
    } finally {
      s.popFrame();
      if (!async) this.leaveBlock(entry);
    }
  }

  private leaveBlock(entry: CallEntry): void {
    const s = this.frame.session;
    s.popSource();
    const i = s.callStack.lastIndexOf(entry);
    if (i >= 0) s.callStack.splice(i, 1);
  }

  private runBlockInner(block: Exec): void | Promise<void> {
    const onError = (e: unknown): void => {
      if (e instanceof ReturnSignal) return;
      // $PSCmdlet.ThrowTerminatingError ended this command: for the caller it is a statement-terminating error.
      if (e instanceof PSRuntimeError && e.unwindTo === this.frame) e.unwindTo = null;
      if (e instanceof ExitSignal && this.inv.isScriptFile) {
        this.frame.session.setLastExitCode(e.code);
        this.exitCode = e.code;
        return;
      }
      throw e;
    };
    try {
      const r = block(this.frame);
      if (isPromise(r)) return r.catch(onError);
    } catch (e) {
      onError(e);
    }
  }
}

function isValueType(name: string): boolean {
  return /^(int|int32|long|int64|double|decimal|byte|bool|boolean|char|single|float|int16|uint\d*|switch|datetime|timespan|string)$/i.test(name);
}

export { toStr };

/** `$PSCmdlet` of an advanced function: the cmdlet-like methods scripts call. Own function properties, so the
 * types layer can invoke them case-insensitively. */
function makePSCmdlet(f: Frame, name: string, parameterSet: () => string, confirmImpact: string): Record<string, unknown> {
  const s = f.session;
  const suffix = (rec: ErrorRecord) => {
    if (name && !rec.FullyQualifiedErrorId.endsWith(`,${name}`)) rec.FullyQualifiedErrorId += `,${name}`;
    return rec;
  };
  const o: Record<string, unknown> = {
    WriteObject: (v: unknown, enumerate?: unknown) => {
      // A void method: only a Promise (an async downstream) is handed back, to be waited for.
      const r = enumerate ? emitValue(v, f.out) : f.out(v);
      return isPromise(r) ? r : undefined;
    },
    WriteError: (rec: ErrorRecord) => s.writeNonTerminatingError(f, suffix(rec), null),
    ThrowTerminatingError: (rec: ErrorRecord) => {
      const err = new PSRuntimeError(suffix(rec));
      err.unwindTo = f;
      err.thrown = new PSException(rec.Exception.Message, 'System.Management.Automation.CmdletInvocationException', rec.Exception);
      err.thrown.ErrorRecord = rec;
      throw err;
    },
    WriteVerbose: (m: unknown) => s.writeVerbose(f, toStr(m), null),
    WriteWarning: (m: unknown) => s.writeWarning(f, toStr(m), null),
    WriteDebug: (m: unknown) => s.writeDebug(f, toStr(m), null),
    WriteInformation: (m: unknown, tags?: unknown) => s.writeInformation(f, m, Array.isArray(tags) ? tags.map((t) => toStr(t)) : [], name),
    ShouldProcess: (target: unknown, action?: unknown) => {
      const whatIf = f.scope.lookup('whatifpreference')?.value === true;
      const r = s.shouldProcess(f, name, toStr(target), action === undefined ? name : toStr(action), whatIf, confirmImpact, undefined);
      if (r instanceof Promise) throw new Error('interactive confirmation is not available here');
      return r;
    },
    // Nothing to ask with: a host that can't prompt fails the call, as pwsh's non-interactive hosts do.
    ShouldContinue: () => {
      if (!s.host.interactive || !s.host.promptForChoice) throw s.nonInteractiveError();
      return false;
    },
    GetVariableValue: (n: unknown) => s.getVariableFrom(f, toStr(n)),
  };
  Object.defineProperty(o, 'ParameterSetName', { get: parameterSet, enumerable: true });
  Object.defineProperty(o, 'MyInvocation', { get: () => f.scope.lookup('myinvocation')?.value ?? null, enumerable: true });
  Object.defineProperty(o, Symbol.for('awsh.typeName'), { value: 'System.Management.Automation.PSScriptCmdlet' });
  return o;
}
