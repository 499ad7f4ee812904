// Compiles statements to closures `(frame) => void | Promise<void>`; output goes to frame.out.
import { ScriptEnumerator } from './enumerators.js';
import type * as A from '../../parser/ast.js';
import { toBool, toStr } from '../values/convert.js';
import { equals, like } from '../values/operators.js';
import { toJsRegExp, matchesTable } from '../values/regex.js';
import { PSRuntimeError, ErrorRecord, PSException, exceptionIsA } from '../errors.js';
import { resolveType, PSType } from '../types/index.js';
import {
  BreakSignal, ContinueSignal, ExitSignal, MethodReturn, RETURN, ReturnSignal, NO_OUTPUT, isFlowSignal, isPromise,
} from './flow.js';
import { defineTypes } from './type-definitions.js';
import { andThen } from './maybe-async.js';
import { Frame } from './frame.js';
import { collectedValue, emitValue, enumerateForPipeline } from './emit.js';
import { compileExpr, compileExprOutput, compileAssignTarget, spreadOverTargets, compileUnary, positioned, mayRunCommands, containsCommand, addValues, subtractValues, multiplyValues, divideValues, type Eval } from './compile-expr.js';
import { compilePipeline } from './commands.js';
import { ScriptBlock } from './scriptblock.js';
import { setInScope } from './variables.js';
import { addToErrorVariables } from './common-variables.js';
import * as ops from '../values/operators.js';
import { readFileSync } from 'node:fs';

export type Exec = (f: Frame) => void | Promise<void>;

const noop: Exec = () => {};

// ---------------------------------------------------------------------------
// Blocks

/** Runs statements in order; a statement-terminating error is reported and the next statement runs (pwsh rules). */
export function compileStatements(statements: A.StatementAst[], traps: A.TrapStatementAst[]): Exec {
  const typeDefs = statements.filter((s): s is A.TypeDefinitionAst => s.kind === 'TypeDefinition');
  if (typeDefs.length > 0) {
    // `class`/`enum` definitions are made before the block's first statement, so code above them can use them.
    const rest = compileStatements(statements.filter((s) => s.kind !== 'TypeDefinition'), traps);
    return (f) => {
      defineTypes(typeDefs, f);
      return rest(f);
    };
  }
  const trapHandlers: TrapHandler[] = traps.map((t) => ({ type: t.trapType, body: compileStatements(t.body.statements, t.body.traps) }));
  const outerTraps = blockTraps;
  blockTraps = trapHandlers;
  let fns: Exec[];
  try {
    fns = statements.filter((s) => s.kind !== 'TrapStatement').map(compileStatement);
  } finally {
    blockTraps = outerTraps;
  }
  const n = fns.length;
  if (n === 0) return noop;
  const run = (f: Frame, start: number): void | Promise<void> => {
    for (let i = start; i < n; i++) {
      try {
        const r = fns[i](f);
        if (isPromise(r)) return r.then(() => run(f, i + 1), (e) => onError(f, e, i));
      } catch (e) {
        // onError continues with the statements after i itself.
        return onError(f, e, i);
      }
    }
  };
  const onError = (f: Frame, e: unknown, i: number): void | Promise<void> =>
    andThen(handleStatementError(f, e, trapHandlers), () => run(f, i + 1)) as void | Promise<void>;
  if (trapHandlers.length === 0) return (f) => run(f, 0);
  // A trap, like a try, makes errors in the commands it covers terminate them and come here.
  return (f) => {
    const s = f.session;
    s.tryDepth++;
    let r: void | Promise<void>;
    try {
      r = run(f, 0);
    } catch (e) {
      s.tryDepth--;
      throw e;
    }
    if (isPromise(r)) return r.finally(() => void s.tryDepth--);
    s.tryDepth--;
  };
}

type TrapOutcome = 'break' | 'continue' | 'report';
type TrapHandler = { type: A.TypeName | null; body: Exec };

/** The traps of the statement block being compiled: a pipeline chain inside it handles its errors with them. */
let blockTraps: TrapHandler[] = [];

/**
 * pwsh's CheckActionPreference: an error that ended a statement (or a pipeline chain element) runs the block's
 * trap, is suppressed, or is reported; then execution goes on with what follows. Throws when it must propagate
 * instead (a trap that breaks, an enclosing try/trap, $ErrorActionPreference Stop).
 */
function handleStatementError(f: Frame, e: unknown, trapHandlers: TrapHandler[]): void | Promise<void> {
  if (isFlowSignal(e)) throw e;
  const err = f.session.toRuntimeError(e);
  if (trapHandlers.length > 0) {
    const r = runTrap(f, err, trapHandlers);
    if (isPromise(r)) {
      return r.then((outcome) => {
        if (outcome === 'break') throw err;
      });
    }
    if (r === 'break') throw err;
    return;
  }
  if (f.session.suppressesThrow(err, f)) return;
  if (f.session.mustPropagate(err, f)) throw err;
  f.session.reportStatementError(err.errorRecord, f);
}

function runTrap(
  f: Frame,
  err: PSRuntimeError,
  handlers: TrapHandler[],
): TrapOutcome | Promise<TrapOutcome> {
  const rec = err.errorRecord;
  const h = handlers.find((t) => t.type === null || exceptionMatches(rec, t.type));
  if (!h) return 'break';
  const prev = f.scope.vars.get('_');
  setInScope(f.scope, '_', '_', rec);
  const restore = () => {
    if (prev) f.scope.vars.set('_', prev);
    else f.scope.vars.delete('_');
  };
  const ended = (e: unknown): TrapOutcome => {
    restore();
    if (e instanceof ContinueSignal) return 'continue';
    if (e instanceof BreakSignal) return 'break';
    throw e;
  };
  const completed = (): TrapOutcome => {
    restore();
    f.session.reportStatementError(rec, f);
    return 'report';
  };
  let r: void | Promise<void>;
  try {
    r = h.body(f);
  } catch (e) {
    return ended(e);
  }
  return isPromise(r) ? r.then(completed, ended) : completed();
}

export function compileBlock(block: A.StatementBlockAst): Exec {
  return compileStatements(block.statements, block.traps);
}

/** `@( ... )` and `$( ... )`: runs the block and returns its output as an array. */
export function compileStatementBlockCollect(block: A.StatementBlockAst): (f: Frame) => unknown[] | Promise<unknown[]> {
  const body = compileBlock(block);
  return (f) => collectOutput(f, body);
}

/**
 * Runs `exec` collecting its output. A `return` inside (`$x = if ($c) { return 'v' }`, `$('a'; return 'b')`) ends
 * the function: what was collected so far goes to the function's output instead, as in pwsh.
 */
function collectOutput(f: Frame, exec: Exec): unknown[] | Promise<unknown[]> {
  const items: unknown[] = [];
  const flushOnReturn = (e: unknown): never => {
    if (e instanceof ReturnSignal) for (const v of items) f.out(v);
    throw e;
  };
  let r: void | Promise<void>;
  try {
    r = exec(f.with((v) => void items.push(v)));
  } catch (e) {
    return flushOnReturn(e);
  }
  if (isPromise(r)) return r.then(() => items, flushOnReturn);
  return items;
}

/**
 * A statement used as a value (assignment right side, `if` condition, `( )`): a pure expression gives its value
 * unchanged (`$a = @(1)` stays an array); anything else gives its collected output. `keepVoid` (inside `( )`): a void
 * method call or `[void]` cast stays NO_OUTPUT, so `(...)` of it writes nothing either.
 */
export function compileValueStatement(stmt: A.StatementAst, keepVoid = false): Eval {
  if (stmt.kind === 'Pipeline' && stmt.elements.length === 1 && stmt.elements[0].kind === 'CommandExpression' && stmt.elements[0].redirections.length === 0) {
    const expr = stmt.elements[0].expression;
    return keepVoid ? compileExprOutput(expr) : compileExpr(expr);
  }
  if (stmt.kind === 'AssignmentStatement') return compileAssignment(stmt, true) as Eval;
  const exec = compileStatement(stmt);
  const result = keepVoid ? outputValue : collectedValue;
  return (f) => andThen(collectOutput(f, exec), result);
}

/** collectedValue, except that no output at all is NO_OUTPUT (pwsh's AutomationNull), not $null. */
function outputValue(items: unknown[]): unknown {
  return items.length === 0 ? NO_OUTPUT : collectedValue(items);
}

/**
 * For `$x = <nothing>`: marks the variable as holding AutomationNull, which reads as $null in expressions but
 * writes nothing as output (`@($x).Count` is 0, `$x | ForEach-Object {...}` doesn't run). Only plain variables.
 */
function markEmptyOutput(left: A.ExpressionAst): ((f: Frame) => void) | null {
  if (left.kind !== 'Variable' || left.scope !== null) return null;
  const key = left.name.toLowerCase();
  return (f) => {
    const v = f.scope.lookup(key);
    if (v !== undefined) v.emptyOutput = true;
  };
}

/**
 * Condition of if/while/for: truthiness of the value. One that runs a command leaves `$?` true even when the
 * command failed (pwsh: `if (Get-Command x -ea Ignore) {...}` never leaves `$?` false); set before converting to bool.
 */
function compileCondition(stmt: A.StatementAst): (f: Frame) => boolean | Promise<boolean> {
  const v = compileValueStatement(stmt);
  if (!containsCommand(stmt)) return (f) => andThen(v(f), toBool) as boolean | Promise<boolean>;
  return (f) =>
    andThen(v(f), (x) => {
      f.session.lastSuccess = true;
      return toBool(x);
    }) as boolean | Promise<boolean>;
}

/** Set while a class method body compiles: its `return` ends the method with a value (see compileMethodBody). */
let compilingMethod = false;

/**
 * A class method or constructor body. Its statements write no output (pwsh discards it: run it with a discarding
 * frame); `return value` throws MethodReturn. Nested script blocks compile later, on their own, as plain script blocks.
 */
export function compileMethodBody(body: A.ScriptBlockAst): Exec {
  const prev = compilingMethod;
  compilingMethod = true;
  try {
    const end = body.endBlock;
    return end ? compileStatements(end.statements, end.traps) : noop;
  } finally {
    compilingMethod = prev;
  }
}

// ---------------------------------------------------------------------------
// Statements

export function compileStatement(ast: A.StatementAst): Exec {
  switch (ast.kind) {
    case 'Pipeline':
      return compilePipelineStatement(ast);
    case 'PipelineChain':
      return compileChain(ast);
    case 'AssignmentStatement':
      return compileAssignment(ast, false) as Exec;
    case 'IfStatement':
      return compileIf(ast);
    case 'SwitchStatement':
      return compileSwitch(ast);
    case 'ForEachStatement':
      return compileForEach(ast);
    case 'ForStatement':
      return compileLoop(ast.label, ast.initializer, ast.condition, ast.iterator, ast.body, false, false);
    case 'WhileStatement':
      return compileLoop(ast.label, null, ast.condition, null, ast.body, false, false);
    case 'DoWhileStatement':
      return compileLoop(ast.label, null, ast.condition, null, ast.body, true, false);
    case 'DoUntilStatement':
      return compileLoop(ast.label, null, ast.condition, null, ast.body, true, true);
    case 'FunctionDefinition':
      return compileFunctionDefinition(ast);
    case 'ReturnStatement': {
      if (compilingMethod) {
        const v = ast.pipeline ? compileValueStatement(ast.pipeline) : null;
        return (f) =>
          andThen(v ? v(f) : undefined, (x) => {
            throw new MethodReturn(x);
          }) as unknown as void;
      }
      const p = ast.pipeline ? compileStatement(ast.pipeline) : null;
      return (f) => {
        if (p) {
          const r = p(f);
          if (isPromise(r)) return r.then(() => {
            throw RETURN;
          });
        }
        throw RETURN;
      };
    }
    case 'ExitStatement': {
      const p = ast.pipeline ? compileValueStatement(ast.pipeline) : null;
      return (f) =>
        andThen(p ? p(f) : 0, (v) => {
          const n = Number(toStr(v ?? 0));
          throw new ExitSignal(Number.isFinite(n) ? Math.trunc(n) : 0);
        }) as unknown as void;
    }
    case 'ThrowStatement':
      return compileThrow(ast);
    case 'BreakStatement':
    case 'ContinueStatement': {
      const isBreak = ast.kind === 'BreakStatement';
      const labelAst = ast.label;
      if (labelAst === null) {
        const sig = isBreak ? new BreakSignal(null) : new ContinueSignal(null);
        return () => {
          throw sig;
        };
      }
      const le = compileExpr(labelAst);
      return (f) =>
        andThen(le(f), (l) => {
          const label = toStr(l).toLowerCase();
          throw isBreak ? new BreakSignal(label) : new ContinueSignal(label);
        }) as unknown as void;
    }
    case 'TryStatement':
      return compileTry(ast);
    case 'TrapStatement':
      return noop; // handled by the enclosing block
    case 'BlockStatement':
      return compileBlock(ast.body);
    case 'TypeDefinition':
      return noop; // defined when the enclosing block starts (see compileStatements)
    case 'DataStatement': {
      const body = compileBlock(ast.body);
      const name = ast.variableName;
      if (!name) return body;
      const collect = compileStatementBlockCollect(ast.body);
      return (f) => andThen(collect(f), (items) => void setInScope(f.scope, name.toLowerCase(), name, collectedValue(items))) as unknown as void;
    }
  }
}

function compilePipelineStatement(ast: A.PipelineAst): Exec {
  const exec = compilePipelineOnly(ast);
  if (!setsSuccessAfter(ast)) return exec;
  return (f) =>
    andThen(exec(f), () => {
      f.session.lastSuccess = true;
    }) as void | Promise<void>;
}

/**
 * pwsh's ShouldSetExecutionStatusToSuccess: after a statement that is just an expression (`"Hi"`, `$x = 5`,
 * `("Hi")`, `@()`, `"a $(cmd)"`), `$?` is set to true; one whose value came from commands (`(Get-Item x)`,
 * `$(cmd)`, `$x = cmd`) leaves `$?` as those commands set it.
 */
function setsSuccessAfter(stmt: A.StatementAst): boolean {
  if (stmt.kind === 'AssignmentStatement') {
    let rhs: A.StatementAst = stmt.right;
    while (rhs.kind === 'AssignmentStatement') rhs = rhs.right;
    return setsSuccessAfter(rhs);
  }
  if (stmt.kind !== 'Pipeline' || stmt.elements.length !== 1 || stmt.elements[0].kind !== 'CommandExpression') return false;
  return expressionSetsSuccess(stmt.elements[0].expression);
}

function expressionSetsSuccess(e: A.ExpressionAst): boolean {
  switch (e.kind) {
    case 'ParenExpression':
      return setsSuccessAfter(e.pipeline);
    case 'SubExpression':
      return statementsOf(e.body).length === 0;
    case 'ArrayExpression': {
      const statements = statementsOf(e.body);
      if (statements.length === 0) return true;
      // `@(trap {...} "Hi")` runs as a statement block, which sets `$?` itself.
      return statements.length === 1 && e.body.traps.length === 0 && setsSuccessAfter(statements[0]!);
    }
    default:
      return true;
  }
}

function statementsOf(block: A.StatementBlockAst): A.StatementAst[] {
  return block.statements.filter((s) => s.kind !== 'TrapStatement');
}

function compilePipelineOnly(ast: A.PipelineAst): Exec {
  if (ast.elements.length === 1 && ast.elements[0].kind === 'CommandExpression' && ast.elements[0].redirections.length === 0) {
    const expr = ast.elements[0].expression;
    // `$i++` as a statement writes nothing.
    const e = expr.kind === 'UnaryExpression' ? compileUnary(expr, true) : compileExprOutput(expr);
    if (!mayRunCommands(expr)) {
      return (f) => {
        const v = e(f);
        // No command, but a script method or property may still have run an async one.
        if (isPromise(v)) return v.then((x) => emitSucceeded(x, f));
        emitValue(v, f.out);
        f.session.lastSuccess = true;
      };
    }
    return (f) =>
      andThen(e(f), (v) => {
        emitValue(v, f.out);
      }) as unknown as void;
  }
  return compilePipeline(ast);
}

function emitSucceeded(v: unknown, f: Frame): void {
  emitValue(v, f.out);
  f.session.lastSuccess = true;
}

/**
 * `a && b || c`: each element runs when `$?` after the previous one says so. An error that ends an element is
 * handled as a statement's would be (the enclosing block's traps, or reported), leaving `$?` false for the next.
 */
function compileChain(ast: A.PipelineChainAst): Exec {
  const elements: Exec[] = [];
  const operators: boolean[] = []; // per element after the first: true for &&
  let node: A.PipelineChainAst | A.PipelineAst = ast;
  while (node.kind === 'PipelineChain') {
    elements.unshift(compilePipelineStatement(node.right));
    operators.unshift(node.operator === '&&');
    node = node.left;
  }
  elements.unshift(compilePipelineStatement(node));
  const traps = blockTraps;
  const from = (f: Frame, i: number): void | Promise<void> => {
    for (; i < elements.length; i++) {
      if (i > 0 && f.session.lastSuccess !== operators[i - 1]) continue;
      const next = i + 1;
      const failed = (e: unknown) =>
        andThen(handleStatementError(f, e, traps), () => {
          f.session.lastSuccess = false;
          return from(f, next);
        }) as void | Promise<void>;
      try {
        const r = elements[i](f);
        if (isPromise(r)) return r.then(() => from(f, next), failed);
      } catch (e) {
        return failed(e);
      }
    }
  };
  return (f) => from(f, 0);
}

// ---------------------------------------------------------------------------
// Assignment

function compileAssignment(ast: A.AssignmentStatementAst, asValue: boolean): (f: Frame) => unknown {
  const target = compileAssignTarget(ast.left);
  const success = setsSuccessAfter(ast);
  // As a value, an assignment to a variable is what the variable now holds (converted by a type constraint).
  const variable = ast.left.kind === 'ConvertExpression' ? ast.left.operand : ast.left;
  const readBack = asValue && variable.kind === 'Variable' ? compileExpr(variable) : null;
  const targetCount = ast.left.kind === 'ArrayLiteral' ? ast.left.elements.length : 0;
  if (ast.operator === '=') {
    // NO_OUTPUT (nothing written: an empty pipeline, `$()`, a void method) is stored as $null; a plain variable
    // also remembers it, as pwsh's variables hold AutomationNull (see markEmptyOutput).
    const value = compileValueStatement(ast.right, true);
    const mark = markEmptyOutput(ast.left);
    return (f) =>
      andThen(value(f), (v) => {
        const empty = v === NO_OUTPUT;
        if (empty) v = null;
        return andThen(target(f, v), () => {
          if (empty && mark) mark(f);
          if (success) f.session.lastSuccess = true;
          if (!asValue) return undefined;
          return readBack ? readBack(f) : targetCount ? spreadOverTargets(v, targetCount) : v;
        });
      });
  }
  const rhs = compileValueStatement(ast.right);
  const current = compileExpr(ast.left);
  const opFor: Record<string, (a: unknown, b: unknown) => unknown> = {
    '+=': addValues,
    '-=': subtractValues,
    '*=': multiplyValues,
    '/=': divideValues,
    '%=': ops.modulo,
  };
  if (ast.operator === '??=') {
    return (f) =>
      andThen(current(f), (cur) => {
        if (cur !== null && cur !== undefined) return asValue ? cur : undefined;
        return andThen(rhs(f), (v) => andThen(target(f, v), () => (asValue ? v : undefined)));
      });
  }
  const op = opFor[ast.operator];
  return (f) =>
    andThen(current(f), (cur) =>
      andThen(rhs(f), (v) => {
        let nv: unknown;
        try {
          nv = typeof cur === 'number' && typeof v === 'number' && ast.operator === '+=' && (cur | 0) === cur && (v | 0) === v ? cur + v : op(cur, v);
        } catch (e) {
          throw positioned(e, f, ast);
        }
        return andThen(target(f, nv), () => {
          if (success) f.session.lastSuccess = true;
          return asValue ? (readBack ? readBack(f) : nv) : undefined;
        });
      }),
    );
}

// ---------------------------------------------------------------------------
// if / switch

function compileIf(ast: A.IfStatementAst): Exec {
  const clauses = ast.clauses.map((c) => ({ cond: compileCondition(c.condition), body: compileBlock(c.body) }));
  const elseBody = ast.elseClause ? compileBlock(ast.elseClause) : null;
  const from = (f: Frame, i: number): void | Promise<void> => {
    for (; i < clauses.length; i++) {
      const c = clauses[i].cond(f);
      if (isPromise(c)) {
        const idx = i;
        return c.then((b) => (b ? clauses[idx].body(f) : from(f, idx + 1)));
      }
      if (c) return clauses[i].body(f);
    }
    if (elseBody) return elseBody(f);
  };
  return (f) => from(f, 0);
}

function loopSignal(e: unknown, label: string | null): 'break' | 'continue' {
  if (e instanceof BreakSignal && (e.label === null || e.label === label)) return 'break';
  if (e instanceof ContinueSignal && (e.label === null || e.label === label)) return 'continue';
  throw e;
}

function compileSwitch(ast: A.SwitchStatementAst): Exec {
  const label = ast.label?.toLowerCase() ?? null;
  const flags = ast.flags;
  const input = compileValueStatement(ast.condition);
  const clauses = ast.clauses.map((c) => ({
    isScript: c.condition.kind === 'ScriptBlockExpression',
    cond: compileExpr(c.condition),
    body: compileBlock(c.body),
  }));
  const defaultBody = ast.defaultClause ? compileBlock(ast.defaultClause) : null;
  const n = clauses.length;

  const test = (f: Frame, cv: unknown, value: unknown): boolean | Promise<boolean> => {
    if (flags.regex && !flags.exact) {
      const re = toJsRegExp(toStr(cv), { ignoreCase: !flags.caseSensitive });
      const m = re.exec(toStr(value));
      if (m) setInScope(f.scope, 'matches', 'Matches', matchesTable(m));
      return m !== null;
    }
    if (flags.wildcard && !flags.exact) return like(toStr(value), toStr(cv), flags.caseSensitive);
    if (typeof cv === 'string' || typeof value === 'string') {
      const a = toStr(value), b = toStr(cv);
      return flags.caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();
    }
    return equals(value, cv, flags.caseSensitive);
  };

  /** Does the clause match? A script-block condition is run with `$_` = value; either may go async. */
  const matches = (f: Frame, clause: (typeof clauses)[number], value: unknown): boolean | Promise<boolean> => {
    const cv = clause.cond(f);
    if (isPromise(cv)) return cv.then((c) => (clause.isScript ? runCondition(f, c, value) : test(f, c, value)));
    return clause.isScript ? runCondition(f, cv, value) : test(f, cv, value);
  };

  // A body's `break`/`continue` (unlabelled or naming this switch) end the switch / go on with the next value.
  const ended = (e: unknown): Step => (loopSignal(e, label) === 'break' ? 'break' : 'next');

  /** Clauses from i on, for one value; the default body when none matched. Sync until something goes async. */
  const fromClause = (f: Frame, value: unknown, i: number, matched: boolean): Step | Promise<Step> => {
    for (; i < n; i++) {
      const clause = clauses[i]!;
      const m = matches(f, clause, value);
      if (m === false) continue;
      if (m !== true) {
        const idx = i;
        return m.then((ok) => (ok ? runBody(f, value, idx) : fromClause(f, value, idx + 1, matched)));
      }
      matched = true;
      let r: void | Promise<void>;
      try {
        r = clause.body(f);
      } catch (e) {
        return ended(e);
      }
      if (isPromise(r)) {
        const next = i + 1;
        return r.then(() => fromClause(f, value, next, true), ended);
      }
    }
    if (matched || !defaultBody) return 'next';
    let r: void | Promise<void>;
    try {
      r = defaultBody(f);
    } catch (e) {
      return ended(e);
    }
    return isPromise(r) ? r.then(() => 'next' as Step, ended) : 'next';
  };

  const runBody = (f: Frame, value: unknown, i: number): Step | Promise<Step> => {
    let r: void | Promise<void>;
    try {
      r = clauses[i]!.body(f);
    } catch (e) {
      return ended(e);
    }
    return isPromise(r) ? r.then(() => fromClause(f, value, i + 1, true), ended) : fromClause(f, value, i + 1, true);
  };

  /** The values from the enumerator on; `$switch.MoveNext()` in a body skips values. */
  const loop = (f: Frame, en: ScriptEnumerator): void | Promise<void> => {
    for (;;) {
      if (!en.step()) return;
      const value = en.Current;
      setInScope(f.scope, '_', '_', value);
      const s = fromClause(f, value, 0, false);
      if (isPromise(s)) return s.then((x) => (x === 'break' ? undefined : loop(f, en)));
      if (s === 'break') return;
    }
  };

  return (f) =>
    andThen(input(f), (v) => {
      let values: Iterable<unknown>;
      if (flags.file) {
        const path = f.session.resolvePath(toStr(v));
        const text = readFileSync(path, 'utf8');
        const lines = text.split(/\r?\n/);
        if (lines.length && lines[lines.length - 1] === '') lines.pop();
        values = lines;
      } else values = enumerateForPipeline(v) ?? [v];
      const scope = f.scope;
      const prev = scope.vars.get('_');
      const prevSwitch = scope.vars.get('switch');
      const en = Array.isArray(values) ? new ScriptEnumerator(values) : new ScriptEnumerator(null, values[Symbol.iterator]());
      setInScope(scope, 'switch', 'switch', en);
      const restore = () => {
        if (prev) scope.vars.set('_', prev);
        else scope.vars.delete('_');
        if (prevSwitch) scope.vars.set('switch', prevSwitch);
        else scope.vars.delete('switch');
      };
      let r: void | Promise<void>;
      try {
        r = loop(f, en);
      } catch (e) {
        restore();
        throw e;
      }
      if (isPromise(r)) return r.finally(restore);
      restore();
    }) as unknown as void;
}

type Step = 'break' | 'next';


/** A script-block switch condition: run in the current scope with `$_` = value; true when its output is. */
function runCondition(f: Frame, sb: unknown, value: unknown): boolean | Promise<boolean> {
  const out = f.session.invokeScriptBlockMaybe(sb as ScriptBlock, { dollarUnder: value, newScope: false, frame: f });
  return isPromise(out) ? out.then((o) => toBool(collectedValue(o))) : toBool(collectedValue(out));
}

// ---------------------------------------------------------------------------
// Loops

function compileForEach(ast: A.ForEachStatementAst): Exec {
  const label = ast.label?.toLowerCase() ?? null;
  // `$PSItem` is another name for `$_`.
  const varName = ast.variable.name.toLowerCase() === 'psitem' ? '_' : ast.variable.name;
  const varKey = varName.toLowerCase();
  const body = compileBlock(ast.body);
  const iterable = compileIterable(ast.iterable);
  return (f) =>
    andThen(iterable(f), (items) => {
      if (items === null) return;
      // `$foreach` is the loop's enumerator: a script may advance it with MoveNext().
      const en = Array.isArray(items) ? new ScriptEnumerator(items) : new ScriptEnumerator(null, items[Symbol.iterator]());
      const prev = f.scope.vars.get('foreach');
      setInScope(f.scope, 'foreach', 'foreach', en);
      const restore = () => {
        if (prev) f.scope.vars.set('foreach', prev);
        else f.scope.vars.delete('foreach');
      };
      let r: void | Promise<void>;
      try {
        r = loopOver(f, en, varKey, varName, body, label);
      } catch (e) {
        restore();
        throw e;
      }
      if (isPromise(r)) return r.finally(restore);
      restore();
    }) as unknown as void;
}


function loopOver(f: Frame, it: ScriptEnumerator, key: string, name: string, body: Exec, label: string | null): void | Promise<void> {
  const scope = f.scope;
  let v = scope.vars.get(key);
  for (;;) {
    const y = f.session.tick();
    if (y) return y.then(() => loopOver(f, it, key, name, body, label));
    if (!it.step()) return;
    const value = it.Current;
    if (v === undefined || scope.vars.get(key) !== v) v = setInScope(scope, key, name, value);
    else if (v.typeConstraint === null && v.options === 0) {
      v.value = value;
      v.emptyOutput = false;
    }
    else setInScope(scope, key, name, value);
    try {
      const r = body(f);
      if (isPromise(r)) return r.then(() => loopOver(f, it, key, name, body, label), (e) => (loopSignal(e, label) === 'break' ? undefined : loopOver(f, it, key, name, body, label)));
    } catch (e) {
      if (loopSignal(e, label) === 'break') return;
    }
  }
}

/** The values a foreach iterates: ranges lazily, collections unrolled, a scalar once, $null not at all. */
function compileIterable(stmt: A.StatementAst): (f: Frame) => Iterable<unknown> | null | Promise<Iterable<unknown> | null> {
  if (stmt.kind === 'Pipeline' && stmt.elements.length === 1 && stmt.elements[0].kind === 'CommandExpression') {
    const expr = stmt.elements[0].expression;
    if (expr.kind === 'BinaryExpression' && expr.operator === '..') {
      const l = compileExpr(expr.left), r = compileExpr(expr.right);
      return (f) => andThen(l(f), (a) => andThen(r(f), (b) => ops.rangeIterator(a, b))) as Iterable<unknown>;
    }
  }
  const v = compileValueStatement(stmt);
  return (f) =>
    andThen(v(f), (x) => {
      if (x === null || x === undefined) return null;
      return enumerateForPipeline(x) ?? [x];
    }) as Iterable<unknown> | null;
}

function compileLoop(
  labelText: string | null,
  init: A.StatementAst | null,
  condAst: A.StatementAst | null,
  stepAst: A.StatementAst | null,
  bodyAst: A.StatementBlockAst,
  bodyFirst: boolean,
  until: boolean,
): Exec {
  const label = labelText?.toLowerCase() ?? null;
  const initF = init ? compileValueStatement(init) : null;
  const cond = condAst ? compileCondition(condAst) : null;
  const step = stepAst ? compileValueStatement(stepAst) : null;
  const body = compileBlock(bodyAst);
  const evalCond = (f: Frame): boolean | Promise<boolean> => {
    if (!cond) return true;
    const c = cond(f);
    return isPromise(c) ? c.then((b) => b !== until) : c !== until;
  };
  const check = (f: Frame): boolean | Promise<boolean> => {
    const y = f.session.tick();
    return y ? y.then(() => evalCond(f)) : evalCond(f);
  };
  // Sync loop; switches to the async version at the first Promise.
  const run = (f: Frame, first: boolean): void | Promise<void> => {
    let skipCheck = first && bodyFirst;
    for (;;) {
      if (!skipCheck) {
        const c = check(f);
        if (isPromise(c)) return runAsync(f, c);
        if (!c) return;
      }
      skipCheck = false;
      try {
        const r = body(f);
        if (isPromise(r)) return runAsync(f, null, r);
      } catch (e) {
        if (loopSignal(e, label) === 'break') return;
      }
      if (step) {
        const s = step(f);
        if (isPromise(s)) return runAsync(f, null, null, s);
      }
    }
  };
  const runAsync = async (f: Frame, pendingCheck: Promise<boolean> | null, pendingBody?: Promise<void> | null, pendingStep?: Promise<unknown>): Promise<void> => {
    let stage: 'check' | 'body' | 'step' = pendingCheck ? 'check' : pendingBody ? 'body' : 'step';
    let first = true;
    for (;;) {
      if (stage === 'check') {
        const c = first && pendingCheck ? await pendingCheck : await check(f);
        if (!c) return;
        stage = 'body';
        first = false;
        continue;
      }
      if (stage === 'body') {
        try {
          if (first && pendingBody) await pendingBody;
          else await body(f);
        } catch (e) {
          if (loopSignal(e, label) === 'break') return;
        }
        first = false;
        stage = 'step';
        continue;
      }
      if (first && pendingStep) await pendingStep;
      else if (step) await step(f);
      first = false;
      stage = 'check';
    }
  };
  return (f) => {
    if (initF) {
      const r = initF(f);
      if (isPromise(r)) return r.then(() => run(f, true));
    }
    return run(f, true);
  };
}

// ---------------------------------------------------------------------------
// Functions

function compileFunctionDefinition(ast: A.FunctionDefinitionAst): Exec {
  let name = ast.name;
  let scopeName: string | null = null;
  const m = /^(global|script|local|private):(.+)$/i.exec(name);
  if (m) {
    scopeName = m[1].toLowerCase();
    name = m[2];
  }
  return (f) => {
    const sb = new ScriptBlock(ast.body);
    sb.session = f.session;
    sb.definitionAst = ast;
    (sb as ScriptBlock & { extraParameters?: A.ParameterAst[] | null }).extraParameters = ast.parameters;
    (sb as ScriptBlock & { isFilter?: boolean }).isFilter = ast.isFilter;
    const target = scopeName === 'global' ? f.scope.globalScope() : scopeName === 'script' ? f.scope.scriptScope() : f.scope;
    target.setFunction({ name, isFilter: ast.isFilter, scriptBlock: sb, options: 0, description: '' });
  };
}

// ---------------------------------------------------------------------------
// throw / try / catch / finally

function compileThrow(ast: A.ThrowStatementAst): Exec {
  const value = ast.pipeline ? compileValueStatement(ast.pipeline) : null;
  return (f) =>
    andThen(value ? value(f) : null, (v) => {
      throw f.session.makeThrowError(v, ast.pipeline === null, f, ast);
    }) as unknown as void;
}

export function exceptionMatches(rec: ErrorRecord, tn: A.TypeName): boolean {
  const t = resolveType(tn);
  const full = t instanceof PSType ? t.FullName : tn.name.includes('.') ? tn.name : `System.${tn.name}`;
  // pwsh wraps .NET exceptions from operations in a RuntimeException; typed catch also sees the inner ones.
  for (let ex: PSException | null = rec.Exception; ex; ex = ex.InnerException) {
    if (exceptionIsA(ex.typeName, full)) return true;
  }
  return false;
}

function thrownMatches(typeName: string, tn: A.TypeName): boolean {
  const t = resolveType(tn);
  return exceptionIsA(typeName, t instanceof PSType ? t.FullName : tn.name.includes('.') ? tn.name : `System.${tn.name}`);
}

function compileTry(ast: A.TryStatementAst): Exec {
  const body = compileBlock(ast.body);
  const catches = ast.catchClauses.map((c) => ({ types: c.catchTypes, body: compileBlock(c.body) }));
  const fin = ast.finallyClause ? compileBlock(ast.finallyClause) : null;

  const runCatch = (f: Frame, e: unknown): void | Promise<void> => {
    if (isFlowSignal(e)) throw e;
    const err = f.session.toRuntimeError(e);
    const rec = err.errorRecord;
    // The exception actually raised (ActionPreferenceStopException for -ErrorAction Stop) is also matched.
    const thrown = err.thrown;
    const matches = (t: A.TypeName) => exceptionMatches(rec, t) || (thrown !== null && thrownMatches(thrown.typeName, t));
    const c = catches.find((c) => c.types.length === 0 || c.types.some(matches));
    if (!c) throw err;
    f.session.recordError(rec);
    // A caught error still counts as one the enclosing commands wrote (their -ErrorVariable gets it).
    addToErrorVariables(f, rec);
    const prev = f.scope.vars.get('_');
    setInScope(f.scope, '_', '_', rec);
    const restore = () => {
      if (prev) f.scope.vars.set('_', prev);
      else f.scope.vars.delete('_');
    };
    try {
      const r = c.body(f);
      if (isPromise(r)) return r.finally(restore);
    } catch (e2) {
      restore();
      throw e2;
    }
    restore();
  };

  const withFinally = (f: Frame, r: void | Promise<void>, threw: boolean, err: unknown): void | Promise<void> => {
    if (!fin) {
      if (threw) throw err;
      return r;
    }
    const runFin = () => {
      const fr = fin(f);
      if (isPromise(fr)) return fr.then(() => {
        if (threw) throw err;
      });
      if (threw) throw err;
    };
    return runFin();
  };

  return (f) => {
    const s = f.session;
    s.tryDepth++;
    let r: void | Promise<void>;
    try {
      r = body(f);
    } catch (e) {
      s.tryDepth--;
      return afterBody(f, e);
    }
    if (isPromise(r)) {
      return r.then(
        () => {
          s.tryDepth--;
          return withFinally(f, undefined, false, null);
        },
        (e) => {
          s.tryDepth--;
          return afterBody(f, e);
        },
      );
    }
    s.tryDepth--;
    return withFinally(f, undefined, false, null);
  };

  function afterBody(f: Frame, e: unknown): void | Promise<void> {
    if (catches.length === 0 || isFlowSignal(e)) return withFinally(f, undefined, true, e);
    let cr: void | Promise<void>;
    try {
      cr = runCatch(f, e);
    } catch (e2) {
      return withFinally(f, undefined, true, e2);
    }
    if (isPromise(cr)) return cr.then(() => withFinally(f, undefined, false, null), (e2) => withFinally(f, undefined, true, e2));
    return withFinally(f, undefined, false, null);
  }
}

