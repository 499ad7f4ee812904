// -OutVariable / -ErrorVariable: an ArrayList, put in the caller's scope when the command starts, that collects
// what the command (and the commands it runs) writes.
import { PSList } from '../types/collections.js';
import type { Frame } from './frame.js';
import { PSVariable } from './scope.js';

/** The list the variable named by `spec` holds from now on. `+name` keeps what the variable held: an existing
 * growable list is appended to in place, other values are copied into a new ArrayList (as pwsh does). */
export function startVariableList(caller: Frame, spec: string): unknown[] {
  const append = spec.startsWith('+');
  const name = append ? spec.slice(1) : spec;
  let list: unknown[] = PSList.create(null);
  if (append) {
    const cur = caller.session.getVariableFrom(caller, name);
    if (cur instanceof PSList) list = cur;
    else if (Array.isArray(cur)) list.push(...cur);
    else if (cur !== null && cur !== undefined) list.push(cur);
  }
  caller.session.setVariableFrom(caller, name, list);
  return list;
}

/** Makes `f` (a command's own frame) add the errors written under it to `list` as well as to the outer lists. */
export function collectErrors(f: Frame, list: unknown[]): void {
  f.errorVars = f.errorVars ? [...f.errorVars, list] : [list];
}

/** Adds an error written under `f` to the -ErrorVariable lists of the commands it runs inside. */
export function addToErrorVariables(f: Frame, rec: unknown): void {
  const lists = f.errorVars;
  if (!lists) return;
  for (const l of lists) {
    const last = l[l.length - 1] as { ErrorRecord?: unknown } | undefined;
    // Not twice: a caught error may already be there (or the exception that carries it, for -ErrorAction Stop).
    if (last !== rec && !(last && typeof last === 'object' && last.ErrorRecord === rec)) l.push(rec);
  }
}

/**
 * -PipelineVariable: a variable in the caller's scope that holds each object the command writes, while the pipeline
 * runs. One that already exists in that scope is reused (and stays afterwards); one made here is removed by
 * `remove` when the pipeline is over, as pwsh does.
 */
export function startPipelineVariable(caller: Frame, name: string): { variable: PSVariable; remove: () => void } {
  const key = name.toLowerCase();
  const vars = caller.scope.vars;
  const existing = vars.get(key);
  if (existing) return { variable: existing, remove: () => {} };
  const variable = new PSVariable(name, null);
  vars.set(key, variable);
  return {
    variable,
    remove: () => {
      if (vars.get(key) === variable) vars.delete(key);
    },
  };
}
