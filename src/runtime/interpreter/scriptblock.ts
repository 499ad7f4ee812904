// The ScriptBlock value: a compiled script block plus the scope it closes over (for GetNewClosure).
import type { ScriptBlockAst } from '../../parser/ast.js';
import { requireSync } from '../errors.js';

export class ScriptBlock {
  /** Compiled form, filled lazily by the interpreter on first invocation. */
  compiled: unknown = null;
  /** Scope captured by GetNewClosure (or a module scope); null = run in the caller's dynamic scope chain. */
  closureScope: unknown = null;
  /** The scope of the module the script block was made in (see boundParentScope), or null. */
  moduleScope: unknown = null;
  /** Session the script block was created in. */
  session: unknown = null;
  /** A function's body: its `function` statement, which `.Ast` shows (pwsh's FunctionDefinitionAst). */
  definitionAst: unknown = null;
  /** Set when the script block was cast to a delegate type ([Func[int,int]]{ ... }): that PSType. */
  delegateType: import('../types/ps-type.js').PSType | null = null;

  constructor(readonly ast: ScriptBlockAst) {}

  /** The text between the braces, as written (what `"$sb"` / `.ToString()` give). */
  toString(): string {
    const ast = this.ast;
    const text = ast.source.text.slice(ast.start, ast.end);
    // A script block expression's extent includes its braces; the top-level script's does not.
    return text.startsWith('{') && text.endsWith('}') ? text.slice(1, -1) : text;
  }
}

/**
 * How code outside the interpreter (the types layer: ScriptMethod, ScriptProperty, .Invoke(), .Where(), .ForEach();
 * operators: -replace with a script block) runs a script block. Installed by the interpreter at start.
 * Returns the collected output (an array; unwrapped by the caller if needed), or a Promise of it when a command in the
 * script block went async.
 */
export type ScriptBlockInvoker = (
  sb: ScriptBlock,
  options: { thisValue?: unknown; dollarUnder?: unknown; args?: unknown[]; newScope?: boolean },
) => unknown[] | Promise<unknown[]>;

let invoker: ScriptBlockInvoker | null = null;

export function setScriptBlockInvoker(fn: ScriptBlockInvoker): void {
  invoker = fn;
}

/** Runs a script block where the caller can take a Promise (the expression evaluator chains on it). */
export function invokeScriptBlockMaybe(
  sb: ScriptBlock,
  options: { thisValue?: unknown; dollarUnder?: unknown; args?: unknown[]; newScope?: boolean } = {},
): unknown[] | Promise<unknown[]> {
  if (!invoker) throw new Error('script block invoker not installed');
  return invoker(sb, options);
}

/** Runs a script block where only a synchronous result will do (see requireSync in errors.ts). */
export function invokeScriptBlock(
  sb: ScriptBlock,
  options: { thisValue?: unknown; dollarUnder?: unknown; args?: unknown[]; newScope?: boolean } = {},
): unknown[] {
  return requireSync(invokeScriptBlockMaybe(sb, options));
}
