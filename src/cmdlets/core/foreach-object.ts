// ForEach-Object: script blocks run in the caller's scope per item, or `% Name` / `% Method args` member access.
import { hasMember } from '../../runtime/types/index.js';
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { getMemberMaybe, invokeMethodMaybe } from '../../runtime/types/index.js';
import { getProp, isPromise, forEachMaybeAsync, CORE_MODULE } from './util.js';

interface ForEachState {
  /** Begin (if named) + Process + RemainingScripts, as pwsh collects them. */
  scripts: unknown[];
  start: number;
  end: number;
  endScript: unknown;
}

const SCRIPT_SET = 'ScriptBlockSet';
const MEMBER_SET = 'PropertyAndMethodSet';
const PARALLEL_SET = 'ParallelParameterSet';

function toScriptList(v: unknown): unknown[] {
  if (v === undefined) return [];
  if (v === null) return [null];
  return Array.isArray(v) ? v : [v];
}

function runScript(ctx: CmdletContext, sb: unknown, dollarUnder: unknown, withItem: boolean): void | Promise<void> {
  if (sb === null || sb === undefined) return;
  const r = ctx.invokeScript(sb, withItem ? { dollarUnder, output: (v) => ctx.write(v) } : { output: (v) => ctx.write(v) });
  if (isPromise(r)) return r.then(() => undefined);
}

/** `% Name`: a property's value (unrolled), or a method's result when Name is a method or arguments are given. */
function memberAccess(ctx: CmdletContext): void | Promise<void> {
  const input = ctx.params.InputObject ?? null;
  const name: string = ctx.params.MemberName;
  const args: unknown[] = ctx.params.ArgumentList ?? [];
  if (input === null) {
    if (args.length > 0) {
      ctx.writeError({
        message: 'You cannot call a method on a null-valued expression.',
        errorId: 'InvokeMethodOnNull',
        category: 'InvalidOperation',
        exceptionType: 'System.Management.Automation.RuntimeException',
      });
      return;
    }
    return ctx.write(null);
  }
  if (args.length === 0 && input instanceof PSHashtable && input.has(name)) return ctx.write(input.get(name), true);
  let value: unknown;
  // A script method or ScriptProperty may run an async command: its value is then a Promise.
  if (args.length > 0 || isMethodName(input, name)) {
    value = invokeMethodMaybe(input, name, args);
  } else {
    value = input instanceof PSHashtable ? getProp(input, name) : getMemberMaybe(input, name);
    if (value === undefined) value = null;
  }
  if (isPromise(value)) return value.then((v) => ctx.write(v, true));
  return ctx.write(value, true);
}

/** Is `name` a method (and not a property) of obj? The types layer marks methods as functions or method objects. */
function isMethodName(obj: unknown, name: string): boolean {
  // Not a property: treat the name as a method (the types layer resolves methods only when called).
  if (!hasMember(obj, name)) return true;
  // An added member says what it is (without running a ScriptProperty's getter).
  const m = obj instanceof PSObject ? obj.getMember(name) : undefined;
  if (m) return m.memberType === 'ScriptMethod' || m.memberType === 'CodeMethod';
  const v = getProp(obj, name);
  if (typeof v === 'function') return true;
  if (v !== null && typeof v === 'object') {
    const ctor = (v as object).constructor?.name ?? '';
    return /Method/.test(ctor) && typeof (v as { Invoke?: unknown }).Invoke === 'function';
  }
  return false;
}

export const forEachObject: CmdletDecl<ForEachState> = {
  name: 'ForEach-Object',
  module: CORE_MODULE,
  synopsis: 'Performs an operation against each item in a collection of input objects.',
  description:
    'The ForEach-Object cmdlet performs an operation on each item in a collection of input objects. The operation can be a script block or the name of a property or method of the input objects.',
  defaultParameterSet: SCRIPT_SET,
  supportsShouldProcess: true,
  outputType: ['System.Object'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true, parameterSets: [SCRIPT_SET, MEMBER_SET] },
    { name: 'Begin', type: 'scriptblock', parameterSets: [SCRIPT_SET] },
    { name: 'Process', type: 'scriptblock[]', position: 0, mandatory: true, parameterSets: [SCRIPT_SET] },
    { name: 'End', type: 'scriptblock', parameterSets: [SCRIPT_SET] },
    { name: 'RemainingScripts', type: 'scriptblock[]', valueFromRemainingArguments: true, parameterSets: [SCRIPT_SET] },
    { name: 'MemberName', type: 'string', position: 0, mandatory: true, parameterSets: [MEMBER_SET], validateNotNullOrEmpty: true },
    { name: 'ArgumentList', type: 'object[]', aliases: ['Args'], valueFromRemainingArguments: true, parameterSets: [MEMBER_SET] },
    { name: 'Parallel', type: 'scriptblock', mandatory: true, parameterSets: [PARALLEL_SET] },
    { name: 'ThrottleLimit', type: 'int', parameterSets: [PARALLEL_SET], validateRange: [1, 2147483647] },
    { name: 'TimeoutSeconds', type: 'int', parameterSets: [PARALLEL_SET], validateRange: [0, 2147483] },
    { name: 'AsJob', type: 'switch', parameterSets: [PARALLEL_SET] },
    { name: 'UseNewRunspace', type: 'switch', parameterSets: [PARALLEL_SET] },
  ],
  init: () => ({ scripts: [], start: 0, end: 0, endScript: null }),
  begin(ctx) {
    if (ctx.parameterSetName !== SCRIPT_SET) return;
    const st = ctx.state;
    const scripts: unknown[] = [];
    if (ctx.isBound('Begin')) scripts.push(ctx.params.Begin ?? null);
    scripts.push(...toScriptList(ctx.params.Process), ...toScriptList(ctx.params.RemainingScripts));
    st.scripts = scripts;
    st.end = scripts.length;
    st.start = scripts.length > 1 ? 1 : 0;
    st.endScript = ctx.isBound('End') ? ctx.params.End ?? null : null;
    // Of several unnamed blocks, the first is Begin and (with more than two, when -End is not named) the last is End.
    if (!ctx.isBound('End') && scripts.length > 2) {
      st.end = scripts.length - 1;
      st.endScript = scripts[st.end];
    }
    if (st.end < 2) return;
    return runScript(ctx, scripts[0], undefined, false);
  },
  process(ctx) {
    if (ctx.parameterSetName === MEMBER_SET) {
      // With no pipeline input and no -InputObject, pwsh does nothing.
      if (!ctx.expectingInput && !ctx.isBound('InputObject')) return;
      return memberAccess(ctx);
    }
    if (ctx.parameterSetName === PARALLEL_SET) {
      // -Parallel runs each item in its own new scope, one after another (no runspaces here); `$using:x` reads the
      // caller's variable through the scope chain. Output order is therefore the input order.
      if (!ctx.expectingInput && !ctx.isBound('InputObject')) return;
      const r = ctx.invokeScript(ctx.params.Parallel, { dollarUnder: ctx.params.InputObject ?? null, newScope: true, output: (v) => ctx.write(v) });
      if (isPromise(r)) return r.then(() => undefined);
      return;
    }
    const st = ctx.state;
    const item = ctx.params.InputObject ?? null;
    if (st.end - st.start === 1) return runScript(ctx, st.scripts[st.start], item, true);
    const blocks = st.scripts.slice(st.start, st.end);
    return forEachMaybeAsync(blocks, (sb) => runScript(ctx, sb, item, true));
  },
  end(ctx) {
    if (ctx.parameterSetName !== SCRIPT_SET) return;
    return runScript(ctx, ctx.state.endScript, undefined, false);
  },
};

export const cmdlets: CmdletDecl[] = [forEachObject];
