// `[ref]$x`: a reference whose Value reads and writes the variable.
import type * as A from '../../parser/ast.js';
import type { Frame } from './frame.js';
import { getVariable, setVariable } from './variables.js';
import { PSReference } from '../types/index.js';

export function makeVariableReference(f: Frame, target: A.VariableExpressionAst | null, value?: unknown): unknown {
  if (target === null) return new PSReference(value);
  const key = target.name.toLowerCase();
  return new PSReference(
    null,
    () => getVariable(f, target.scope, key, target.name),
    (v: unknown) => setVariable(f, target.scope, key, target.name, v),
  );
}
