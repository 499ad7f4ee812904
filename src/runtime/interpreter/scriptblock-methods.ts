// Methods of script blocks that need the interpreter: Invoke, InvokeReturnAsIs, GetNewClosure, GetSteppablePipeline.
import type { Frame } from './frame.js';
import { ScriptBlock } from './scriptblock.js';
import { Scope, PSVariable } from './scope.js';
import { collectedValue } from './emit.js';
import { NO_OUTPUT, isPromise } from './flow.js';
import { getSteppablePipeline } from './steppable-pipeline.js';
import { delegateReturnType } from '../types/delegates.js';
import { convertTo } from '../types/index.js';
import { scriptInvocationError } from '../types/method-errors.js';

/** Returns undefined when the method is not one of these (the types layer handles the rest); a Promise when the script block went async. */
export function scriptBlockMethod(f: Frame, sb: ScriptBlock, name: string, args: unknown[]): unknown {
  switch (name.toLowerCase()) {
    case 'invoke':
    case 'dynamicinvoke':
      if (sb.delegateType) {
        // A delegate returns its output converted to its return type (nothing for an Action).
        const ret = delegateReturnType(sb.delegateType);
        return invokeWrapped(f, sb, 'Invoke', args, (items) => (ret === 'void' ? NO_OUTPUT : convertTo(collectedValue(items), ret)));
      }
      if (name.toLowerCase() === 'dynamicinvoke') return undefined;
      return invokeWrapped(f, sb, 'Invoke', args, (items) => items);
    case 'invokereturnasis':
      return invokeWrapped(f, sb, 'InvokeReturnAsIs', args, collectedValue);
    case 'getsteppablepipeline':
      try {
        return getSteppablePipeline(f, sb.ast);
      } catch (e) {
        throw scriptInvocationError('GetSteppablePipeline', args.length, e);
      }
    case 'getnewclosure': {
      // Capture the current values of all visible variables into a new scope, as pwsh's module-bound closure does.
      const captured = new Scope(f.scope.globalScope());
      const seen = new Set<string>();
      for (let s: Scope | null = f.scope; s !== null; s = s.parent) {
        for (const [k, v] of s.vars) if (!seen.has(k)) {
          seen.add(k);
          // Values are copied, not shared: later changes outside must not reach the closure.
          captured.vars.set(k, new PSVariable(v.name, v.value, v.options));
        }
      }
      const copy = new ScriptBlock(sb.ast);
      copy.session = sb.session;
      copy.closureScope = captured;
      return copy;
    }
  }
  return undefined;
}

/** Runs the script block as a .NET method call: an error it raises reaches the caller as MethodInvocationException. */
function invokeWrapped(f: Frame, sb: ScriptBlock, method: string, args: unknown[], result: (items: unknown[]) => unknown): unknown {
  const fail = (e: unknown): never => {
    throw scriptInvocationError(method, args.length, e);
  };
  try {
    const r = f.session.invokeScriptBlockMaybe(sb, { args, newScope: true, frame: f });
    return isPromise(r) ? r.then(result, fail) : result(r);
  } catch (e) {
    return fail(e);
  }
}
