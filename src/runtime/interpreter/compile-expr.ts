// Compiles expression ASTs to closures `(frame) => value`. A closure returns a Promise only when it contains a
// command that went async; callers use `then` from maybe-async.ts.
import type * as A from '../../parser/ast.js';
import { PSDecimal, PSDouble, PSNumber, isInt32, isNumeric, toJsNumber } from '../values/numbers.js';
import { ClassInstance, PSHashtable } from '../values/objects.js';
import { toBool, toStr, toNumber, psTypeName } from '../values/convert.js';
import * as ops from '../values/operators.js';
import {
  asType, convertTo, getMemberMaybe, hasMember, getStaticMember, invokeMethodMaybe, invokeMethodOrVoid, isMagicMethodName, invokeStaticMethod, isInstanceOf,
  resolveType, setMemberMaybe, setStaticMember, typeNotFoundError, PSType, TimeSpan, addDateTime, subtractDateTime, scaleTimeSpan, typeOf,
} from '../types/index.js';
import { runtimeError, PSRuntimeError } from '../errors.js';
import { NO_OUTPUT, isPromise } from './flow.js';
import { andThen, eachMaybe, evalAll } from './maybe-async.js';
import type { Frame } from './frame.js';
import { getVariable, setVariable, scopeFor } from './variables.js';
import { ScriptBlock } from './scriptblock.js';
import { collectedValue } from './emit.js';
import { VarOptions, PSVariable, moduleScopeOf } from './scope.js';
import { compileStatementBlockCollect, compileValueStatement } from './compile-stmt.js';
import { getIndex, setIndex } from './indexing.js';
import { ORDINARY_CALL, invokeGenericStatic } from '../types/generic-methods.js';
import { operatorEnv } from './operator-env.js';
import { scriptBlockMethod } from './scriptblock-methods.js';
import { makeVariableReference } from './references.js';
import { paramDecl } from './script-meta.js';
import { toParamMeta, validateArg } from './binder.js';

export type Eval = (f: Frame) => unknown;

const constTrue: Eval = () => true;
const constFalse: Eval = () => false;
const constNull: Eval = () => null;

/** Does evaluating this expression possibly run a command (and so possibly go async)? Cached per node. */
const asyncCache = new WeakMap<object, boolean>();
export function mayRunCommands(ast: A.ExpressionAst): boolean {
  let r = asyncCache.get(ast);
  if (r === undefined) {
    r = scanForCommands(ast);
    asyncCache.set(ast, r);
  }
  return r;
}

function scanForCommands(node: unknown): boolean {
  return containsNode(node, (kind) => kind === 'ParenExpression' || kind === 'SubExpression' || kind === 'ArrayExpression' || kind === 'Hashtable');
}

/** Whether a command is invoked by this statement itself (not by a script block it holds). */
export function containsCommand(ast: A.StatementAst): boolean {
  return containsNode(ast, (kind) => kind === 'Command');
}

/** Whether the AST has a node of a kind `test` accepts, outside script block bodies (those run later, separately). */
function containsNode(node: unknown, test: (kind: string | undefined) => boolean): boolean {
  if (node === null || typeof node !== 'object') return false;
  const n = node as { kind?: string };
  if (n.kind === 'ScriptBlock' || n.kind === 'ScriptBlockExpression') return false;
  if (test(n.kind)) return true;
  for (const key in n) {
    if (key === 'source') continue;
    const v = (n as Record<string, unknown>)[key];
    if (Array.isArray(v)) {
      for (const x of v) if (containsNode(x, test)) return true;
    } else if (v && typeof v === 'object' && containsNode(v, test)) return true;
  }
  return false;
}

export function constantValue(ast: A.ConstantExpressionAst): unknown {
  const v = ast.value;
  switch (ast.numberType) {
    case 'Int32':
      return v as number;
    case 'Double': {
      const n = v as number;
      return Number.isInteger(n) && isInt32(n) ? new PSDouble(n) : n;
    }
    case 'Int64':
      return typeof v === 'bigint' ? v : BigInt(v as number);
    case 'Decimal':
      return PSDecimal.parse(String(v));
    case 'UInt64':
    case 'BigInteger':
      return new PSNumber(ast.numberType, typeof v === 'bigint' ? v : BigInt(v as number));
    default:
      return new PSNumber(ast.numberType, Number(v));
  }
}

/** Largest array / string an operation may build: past these V8 aborts the whole process, which no script may do. */
const MAX_ELEMENTS = 50_000_000;
const MAX_STRING = 256 * 1024 * 1024;

function checkCollectionSize(f: Frame, size: number, isString: boolean): void {
  const policy = f.session.restricted;
  const limit = policy?.options.maxMemoryObjects;
  if (policy && limit !== undefined && size > (isString ? limit * 16 : limit)) throw policy.limitError('collection size');
  if (size > (isString ? MAX_STRING : MAX_ELEMENTS)) {
    throw runtimeError(`Exception of type 'System.OutOfMemoryException' was thrown.`, 'System.OutOfMemoryException', {
      category: 'NotSpecified',
      exceptionType: 'System.OutOfMemoryException',
    });
  }
}

/** `+` with DateTime/TimeSpan operands handled by the types layer, everything else by the values layer. */
export function addValues(a: unknown, b: unknown): unknown {
  if (a instanceof Date && b instanceof TimeSpan) return addDateTime(a, b);
  if (a instanceof TimeSpan && b instanceof TimeSpan) return new TimeSpan(a.Ticks + b.Ticks);
  return ops.add(a, b);
}

export function subtractValues(a: unknown, b: unknown): unknown {
  if (a instanceof Date && (b instanceof Date || b instanceof TimeSpan)) return subtractDateTime(a, b);
  if (a instanceof TimeSpan && b instanceof TimeSpan) return new TimeSpan(a.Ticks - b.Ticks);
  return ops.subtract(a, b);
}

/** `*` and `/` with a TimeSpan on the left use .NET's TimeSpan operators; everything else the values layer. */
export function multiplyValues(a: unknown, b: unknown): unknown {
  return a instanceof TimeSpan ? scaleTimeSpan(a, '*', toJsNumber(toNumber(b))) : ops.multiply(a, b);
}

export function divideValues(a: unknown, b: unknown): unknown {
  return a instanceof TimeSpan ? scaleTimeSpan(a, '/', b instanceof TimeSpan ? b : toJsNumber(toNumber(b))) : ops.divide(a, b);
}

/**
 * An expression whose value is written (a statement, a pipeline's first element, the inside of `( )`): a void method
 * call or `[void]` cast gives NO_OUTPUT (pwsh's AutomationNull), which writes nothing. compileExpr is the operand form:
 * there the same expressions give $null.
 */
export function compileExprOutput(ast: A.ExpressionAst): Eval {
  switch (ast.kind) {
    case 'InvokeMemberExpression':
      return compileInvokeMember(ast, true);
    case 'ConvertExpression':
      return compileConvert(ast, true);
    case 'ParenExpression':
      return compileValueStatement(ast.pipeline, true);
    case 'SubExpression': {
      // `$()` with no output writes nothing (`@($()).Count` is 0); as an operand it is $null.
      const body = compileStatementBlockCollect(ast.body);
      return (f) => andThen(body(f), (items) => (items.length === 0 ? NO_OUTPUT : collectedValue(items)));
    }
    case 'Variable':
      return compileVariableOutput(ast);
    default:
      return compileExpr(ast);
  }
}

/** Variables compileVariableRead answers without a lookup of that name. */
const SPECIAL_READS = new Set(['true', 'false', 'null', '?', 'psitem', 'pwd']);

/** A variable written as output: one holding AutomationNull (see PSVariable.emptyOutput) writes nothing. */
function compileVariableOutput(ast: A.VariableExpressionAst): Eval {
  const read = compileVariableRead(ast);
  const key = ast.name.toLowerCase();
  if ((ast.scope !== null && ast.scope !== 'variable') || SPECIAL_READS.has(key)) return read;
  return (f) => {
    const v = f.scope.lookup(key);
    if (v === undefined) return read(f);
    return v.emptyOutput ? NO_OUTPUT : v.value;
  };
}

export function compileExpr(ast: A.ExpressionAst): Eval {
  switch (ast.kind) {
    case 'Constant': {
      const v = constantValue(ast);
      return () => v;
    }
    case 'StringConstant': {
      const v = ast.value;
      return () => v;
    }
    case 'ExpandableString':
      return compileExpandable(ast);
    case 'Variable':
      return compileVariableRead(ast);
    case 'BinaryExpression':
      return compileBinary(ast);
    case 'UnaryExpression':
      return compileUnary(ast, false);
    case 'TernaryExpression': {
      const c = compileExpr(ast.condition), t = compileExpr(ast.ifTrue), e = compileExpr(ast.ifFalse);
      return (f) => andThen(c(f), (cv) => (toBool(cv) ? t(f) : e(f)));
    }
    case 'ConvertExpression':
      return compileConvert(ast, false);
    case 'TypeExpression': {
      const get = typeGetter(ast.type, ast);
      return (f) => get(f);
    }
    case 'MemberExpression':
      return compileMember(ast);
    case 'InvokeMemberExpression':
      return compileInvokeMember(ast, false);
    case 'IndexExpression': {
      const t = compileExpr(ast.target), i = compileExpr(ast.index);
      const nc = ast.nullConditional;
      return (f) =>
        andThen(t(f), (tv) => {
          if (nc && tv === null) return null;
          return andThen(i(f), (iv) => getIndex(tv, iv, f, ast));
        });
    }
    case 'ArrayLiteral': {
      const els = ast.elements.map(compileExpr);
      return (f) => evalAll(els, f);
    }
    case 'ArrayExpression': {
      const body = compileStatementBlockCollect(ast.body);
      return (f) => body(f);
    }
    case 'SubExpression': {
      const body = compileStatementBlockCollect(ast.body);
      return (f) => andThen(body(f), collectedValue);
    }
    case 'ParenExpression':
      return compileValueStatement(ast.pipeline);
    case 'Hashtable':
      return compileHashtable(ast);
    case 'ScriptBlockExpression': {
      const sbAst = ast.scriptBlock;
      return (f) => {
        const sb = new ScriptBlock(sbAst);
        sb.session = f.session;
        sb.moduleScope = moduleScopeOf(f.scope);
        return sb;
      };
    }
    case 'AttributedExpression':
      return compileExpr(ast.child);
    case 'UsingExpression':
      return compileExpr(ast.subExpression);
  }
}

// ---------------------------------------------------------------------------

function compileExpandable(ast: A.ExpandableStringExpressionAst): Eval {
  const parts = ast.parts.map((p) => (typeof p === 'string' ? p : compileExpr(p)));
  if (parts.length === 1 && typeof parts[0] === 'string') {
    const s = parts[0];
    return () => s;
  }
  return (f) => {
    let acc = '';
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (typeof p === 'string') acc += p;
      else {
        const v = p(f);
        if (isPromise(v)) return finishExpandable(parts, i, acc, v, f);
        acc += toStr(v, ofsOf(f));
      }
    }
    return acc;
  };
}

async function finishExpandable(parts: (string | Eval)[], i: number, acc: string, p: Promise<unknown>, f: Frame): Promise<string> {
  acc += toStr(await p, ofsOf(f));
  for (let j = i + 1; j < parts.length; j++) {
    const q = parts[j];
    acc += typeof q === 'string' ? q : toStr(await q(f), ofsOf(f));
  }
  return acc;
}

export function ofsOf(f: Frame): string {
  const v = f.scope.lookup('ofs');
  return v === undefined || v.value === null ? ' ' : toStr(v.value);
}

function compileVariableRead(ast: A.VariableExpressionAst): Eval {
  let key = ast.name.toLowerCase();
  const name = ast.name;
  const q = ast.scope;
  if (q === null || q === 'variable') {
    if (key === 'true') return constTrue;
    if (key === 'false') return constFalse;
    if (key === 'null') return constNull;
    if (key === '?') return (f) => f.session.lastSuccess;
    if (key === 'psitem') key = '_';
    if (key === 'pwd') return (f) => f.session.pwdValue();
    return (f) => {
      const v = f.scope.lookup(key);
      return v === undefined ? f.session.strictUndefined(name, ast) : v.value;
    };
  }
  return (f) => getVariable(f, q, key, name);
}

// ---------------------------------------------------------------------------
// Binary operators

function compileBinary(ast: A.BinaryExpressionAst): Eval {
  const l = compileExpr(ast.left);
  const r = compileExpr(ast.right);
  const cs = ast.caseSensitive;
  const op = ast.operator;
  const anyAsync = mayRunCommands(ast.left) || mayRunCommands(ast.right);
  const wrapErrors = (fn: (a: unknown, b: unknown, f: Frame) => unknown): Eval => {
    const call = (a: unknown, b: unknown, f: Frame) => {
      try {
        return fn(a, b, f);
      } catch (e) {
        throw positioned(e, f, ast);
      }
    };
    // Operands that run no command may still go async (a method or ScriptProperty that runs an async command):
    // checked without allocating on the synchronous path.
    if (!anyAsync) {
      return (f) => {
        const a = l(f);
        if (isPromise(a)) return a.then((av) => andThen(r(f), (b) => call(av, b, f)));
        const b = r(f);
        return isPromise(b) ? b.then((bv) => call(a, bv, f)) : call(a, b, f);
      };
    }
    return (f) => andThen(l(f), (a) => andThen(r(f), (b) => call(a, b, f)));
  };
  switch (op) {
    case '-and':
      return (f) => andThen(l(f), (a) => (toBool(a) ? andThen(r(f), toBool) : false));
    case '-or':
      return (f) => andThen(l(f), (a) => (toBool(a) ? true : andThen(r(f), toBool)));
    case '-xor':
      return wrapErrors((a, b) => toBool(a) !== toBool(b));
    case '??':
      return (f) => andThen(l(f), (a) => (a === null || a === undefined ? r(f) : a));
    case '+':
      return wrapErrors((a, b, f) => {
        if (typeof a === 'number' && typeof b === 'number' && isInt32(a) && isInt32(b)) return a + b;
        if (Array.isArray(a)) checkCollectionSize(f, a.length + (Array.isArray(b) ? b.length : 1), false);
        return addValues(a, b);
      });
    case '-':
      return wrapErrors((a, b) =>
        typeof a === 'number' && typeof b === 'number' && isInt32(a) && isInt32(b) ? a - b : subtractValues(a, b),
      );
    case '*':
      return wrapErrors((a, b, f) => {
        if (typeof a === 'number' && typeof b === 'number' && isInt32(a) && isInt32(b)) {
          const p = a * b;
          if (Number.isSafeInteger(p)) return p;
        }
        if (Array.isArray(a) || typeof a === 'string') checkCollectionSize(f, a.length * Math.max(0, toJsNumber(isNumeric(b) ? b : toNumber(b))), typeof a === 'string');
        return multiplyValues(a, b);
      });
    case '/':
      return wrapErrors((a, b) => divideValues(a, b));
    case '%':
      return wrapErrors((a, b) =>
        typeof a === 'number' && typeof b === 'number' && isInt32(a) && isInt32(b) && b !== 0 ? a % b : ops.modulo(a, b),
      );
    case '-eq':
      return wrapErrors((a, b) => (typeof a === 'number' && typeof b === 'number' ? a === b : ops.binaryOp(op, a, b, cs, operatorEnv())));
    case '-ne':
      return wrapErrors((a, b) => (typeof a === 'number' && typeof b === 'number' ? a !== b : ops.binaryOp(op, a, b, cs, operatorEnv())));
    case '-lt':
      return wrapErrors((a, b) => (typeof a === 'number' && typeof b === 'number' ? a < b : ops.binaryOp(op, a, b, cs, operatorEnv())));
    case '-le':
      return wrapErrors((a, b) => (typeof a === 'number' && typeof b === 'number' ? a <= b : ops.binaryOp(op, a, b, cs, operatorEnv())));
    case '-gt':
      return wrapErrors((a, b) => (typeof a === 'number' && typeof b === 'number' ? a > b : ops.binaryOp(op, a, b, cs, operatorEnv())));
    case '-ge':
      return wrapErrors((a, b) => (typeof a === 'number' && typeof b === 'number' ? a >= b : ops.binaryOp(op, a, b, cs, operatorEnv())));
    case '-is':
    case '-isnot': {
      const neg = op === '-isnot';
      return wrapErrors((a, b, f) => {
        const t = toType(b, f, ast.right);
        return isInstanceOf(a, t) !== neg;
      });
    }
    case '-as':
      return wrapErrors((a, b, f) => asType(a, toType(b, f, ast.right)));
    case '..':
      return wrapErrors((a, b, f) => {
        const limit = f.session.restricted?.options.maxMemoryObjects;
        if (limit !== undefined && Math.abs(Number(b) - Number(a)) + 1 > limit) throw f.session.restricted!.limitError('collection size');
        return ops.range(a, b);
      });
    default:
      return wrapErrors((a, b, f) => ops.binaryOp(op, a, b, cs, operatorEnv(f)));
  }
}

/** The right operand of -is/-as: a type literal, a type name string, or a PSType. */
function toType(v: unknown, f: Frame, extent: A.Extent): PSType {
  if (v instanceof PSType) return v;
  // `$obj::Member`: a value other than a type name stands for its own type, as in pwsh (PSObject.GetStaticCLRMember;
  // `$this::Count` in a class, `$i::MaxValue`).
  if (v !== null && v !== undefined && typeof v !== 'string' && !(v instanceof String)) return typeOf(v);
  const name = toStr(v);
  const t = f.session.resolveTypeName(name.replace(/^\[|\]$/g, ''));
  // A value that names no type fails as a conversion to System.Type (a type literal fails earlier: TypeNotFound).
  if (!t) {
    throw runtimeError(`Cannot convert the "${name}" value of type "${psTypeName(v)}" to type "System.Type".`, 'RuntimeException', {
      category: 'InvalidOperation', target: v, extent, source: f.session.currentSource,
    });
  }
  return t;
}

/** Attach a position to an error thrown by an operation, if it has none yet. */
export function positioned(e: unknown, f: Frame, extent: A.Extent): unknown {
  if (e instanceof PSRuntimeError) {
    const rec = e.errorRecord;
    if (!rec.InvocationInfo) f.session.attachPosition(rec, extent);
    return e;
  }
  return f.session.wrapJsError(e, extent);
}

// ---------------------------------------------------------------------------
// Unary operators and ++/--

export function compileUnary(ast: A.UnaryExpressionAst, asStatement: boolean): Eval {
  const op = ast.operator;
  if (op === '++' || op === '--' || op === 'post++' || op === 'post--') {
    const delta = op === '++' || op === 'post++' ? 1 : -1;
    const post = op.startsWith('post');
    const read = compileExpr(ast.operand);
    const write = compileAssignTarget(ast.operand);
    return (f) =>
      andThen(read(f), (old) => {
        const nv = ops.add(old === null ? 0 : old, delta);
        return andThen(write(f, nv), () => (asStatement ? NO_OUTPUT : post ? (old === null ? 0 : old) : nv));
      });
  }
  const e = compileExpr(ast.operand);
  const cs = ast.caseSensitive;
  const apply = (v: unknown, f: Frame): unknown => {
    try {
      switch (op) {
        case '!':
        case '-not':
          return !toBool(v);
        case '-':
          return ops.negate(v);
        case '+':
          return toNumber(v);
        case '-bnot': {
          const n = toNumber(v);
          if (typeof n === 'bigint') return ~n;
          const x = Number(n);
          return isInt32(x) ? ~x : BigInt.asIntN(64, ~BigInt(Math.trunc(x)));
        }
        case ',':
          return [v];
        case '-split':
          return ops.unarySplit(v);
        case '-join':
          return ops.join(v, '');
      }
    } catch (err) {
      throw positioned(err, f, ast);
    }
    void cs;
    return null;
  };
  return (f) => andThen(e(f), (v) => apply(v, f));
}

// ---------------------------------------------------------------------------
// Casts and types

function isScriptDefined(t: PSType): boolean {
  for (let e: PSType | null = t; e; e = e.elementType) if (e.def.script || e.genericArgs?.some(isScriptDefined)) return true;
  return false;
}

function typeGetter(tn: A.TypeName, extent: A.Extent): (f: Frame) => PSType {
  let cached: PSType | null = null;
  return (f) => {
    if (cached) return cached;
    const t = f.session.resolveTypeName(tn);
    if (!t) throw typeNotFoundError(tn.text, extent, f.session.currentSource);
    const policy = f.session.restricted;
    if (policy && !policy.typeAllowed(t.FullName)) throw positioned(policy.typeBlocked(t.FullName), f, extent);
    // Script-defined types are per session and may be redefined: only registry types are cached.
    if (f.session.scriptTypes.size > 0 && isScriptDefined(t)) return t;
    return (cached = t);
  };
}

function compileConvert(ast: A.ConvertExpressionAst, keepVoid: boolean): Eval {
  const tname = ast.type.name.toLowerCase();
  if (tname === 'ordered' && ast.operand.kind === 'Hashtable') return compileHashtable(ast.operand, true);
  if (tname === 'ref') {
    const target = ast.operand;
    if (target.kind === 'Variable') return (f) => makeVariableReference(f, target);
    const e = compileExpr(target);
    return (f) => andThen(e(f), (v) => makeVariableReference(f, null, v));
  }
  const e = compileExpr(ast.operand);
  if (tname === 'void') {
    const none = keepVoid ? NO_OUTPUT : null;
    return (f) => andThen(e(f), () => none);
  }
  const getType = typeGetter(ast.type, ast);
  return (f) =>
    andThen(e(f), (v) => {
      try {
        return convertTo(v, getType(f));
      } catch (err) {
        throw positioned(err, f, ast);
      }
    });
}

// ---------------------------------------------------------------------------
// Members

function memberName(ast: A.ExpressionAst): Eval {
  if (ast.kind === 'StringConstant') {
    const s = ast.value;
    return () => s;
  }
  const e = compileExpr(ast);
  return (f) => andThen(e(f), (v) => toStr(v));
}

function compileMember(ast: A.MemberExpressionAst): Eval {
  const name = memberName(ast.member);
  if (ast.static) {
    const t = ast.target.kind === 'TypeExpression' ? typeGetter(ast.target.type, ast.target) : null;
    const te = t ? null : compileExpr(ast.target);
    return (f) =>
      andThen(t ? t(f) : te!(f), (tv) =>
        andThen(name(f), (n) => {
          try {
            return getStaticMember(tv instanceof PSType ? tv : toType(tv, f, ast.target), n as string);
          } catch (e) {
            throw positioned(e, f, ast.member);
          }
        }),
      );
  }
  const target = compileExpr(ast.target);
  const nc = ast.nullConditional;
  return (f) =>
    andThen(target(f), (tv) => {
      if (tv === null || tv === undefined) {
        if (nc) return null;
      }
      return andThen(name(f), (n) => {
        try {
          const r = getMemberMaybe(tv, n as string);
          if (f.session.strictMode >= 2 && (r === undefined || r === null) && !hasMember(tv, n as string)) {
            throw runtimeError(`The property '${n}' cannot be found on this object. Verify that the property exists.`, 'PropertyNotFoundStrict', { category: 'NotSpecified' });
          }
          return r === undefined ? null : settle(r, f, ast.member, false);
        } catch (e) {
          throw positioned(e, f, ast.member);
        }
      });
    });
}

/** `keepVoid`: a void method's result is NO_OUTPUT (see compileExprOutput), else null. */
function compileInvokeMember(ast: A.InvokeMemberExpressionAst, keepVoid: boolean): Eval {
  const name = memberName(ast.member);
  const args = ast.arguments.map(compileExpr);
  const nc = ast.nullConditional;
  // `Method[T](...)`: the type arguments resolve first (TypeNotFound names the missing one).
  const typeArgs = ast.genericArguments?.map((tn) => typeGetter(tn, ast.member)) ?? null;
  if (ast.static) {
    const t = ast.target.kind === 'TypeExpression' ? typeGetter(ast.target.type, ast.target) : null;
    const te = t ? null : compileExpr(ast.target);
    return (f) =>
      andThen(t ? t(f) : te!(f), (tv) =>
        andThen(name(f), (n) =>
          andThen(evalAll(args, f), (av) => {
            try {
              const type = tv instanceof PSType ? tv : toType(tv, f, ast.target);
              if (typeArgs) {
                const g = invokeGenericStatic(type, n as string, typeArgs.map((get) => get(f)), av);
                if (g !== ORDINARY_CALL) return settle(g, f, ast.member, keepVoid);
              }
              const r = invokeStaticMethod(type, n as string, av);
              return settle(r, f, ast.member, keepVoid);
            } catch (e) {
              throw positioned(e, f, ast.member);
            }
          }),
        ),
      );
  }
  const baseCall = baseMethodCall(ast, name, args, keepVoid);
  if (baseCall) return baseCall;
  const target = compileExpr(ast.target);
  return (f) =>
    andThen(target(f), (tv) => {
      if ((tv === null || tv === undefined) && nc) return null;
      return andThen(name(f), (n) =>
        andThen(evalAll(args, f), (av) => {
          try {
            if (tv instanceof ScriptBlock) {
              const r = scriptBlockMethod(f, tv, n as string, av);
              if (r !== undefined) return settle(r, f, ast.member, false);
            }
            if ((tv === null || tv === undefined) && !isMagicMethodName(n as string)) {
              throw runtimeError('You cannot call a method on a null-valued expression.', 'InvokeMethodOnNull', {
                category: 'InvalidOperation',
              });
            }
            if (typeArgs) for (const get of typeArgs) get(f);
            return settle(invokeOrEnumerate(tv, n as string, av), f, ast.member, keepVoid);
          } catch (e) {
            throw positioned(e, f, ast.member);
          }
        }),
      );
    });
}

/**
 * A method's value (undefined = void: NO_OUTPUT when `keepVoid`, else null); when a script method went async, its
 * Promise, failing with the same position.
 */
function settle(r: unknown, f: Frame, extent: A.Extent, keepVoid: boolean): unknown {
  if (r === undefined) return keepVoid ? NO_OUTPUT : null;
  if (!isPromise(r)) return r;
  return r.then(
    (v) => (v === undefined ? (keepVoid ? NO_OUTPUT : null) : v),
    (e) => {
      throw positioned(e, f, extent);
    },
  );
}

/**
 * `([Base]$this).Method(args)`: calls Base's implementation, not the override (pwsh's non-virtual call through a
 * cast to a base class). Null when the target is not that shape.
 */
function baseMethodCall(ast: A.InvokeMemberExpressionAst, name: Eval, args: Eval[], keepVoid: boolean): Eval | null {
  let t = ast.target;
  if (t.kind === 'ParenExpression' && t.pipeline.kind === 'Pipeline' && t.pipeline.elements.length === 1 && t.pipeline.elements[0]!.kind === 'CommandExpression')
    t = t.pipeline.elements[0]!.expression;
  // Any variable, not only `$this`: `([Base]$derived).M()` calls Base's M too. (A variable reads again without side effects.)
  if (t.kind !== 'ConvertExpression' || t.operand.kind !== 'Variable') return null;
  const self = compileExpr(t.operand);
  const getType = typeGetter(t.type, t);
  const plain = compileExpr(ast.target);
  return (f) =>
    andThen(self(f), (tv) => {
      const type = tv instanceof ClassInstance ? getType(f) : null;
      if (!type || !type.def.script || !isInstanceOf(tv, type)) {
        return andThen(plain(f), (pv) =>
          andThen(name(f), (n) => andThen(evalAll(args, f), (av) => settle(invokeOrEnumerate(pv, n as string, av), f, ast.member, keepVoid))),
        );
      }
      return andThen(name(f), (n) =>
        andThen(evalAll(args, f), (av) => {
          try {
            const r = (tv as ClassInstance).behaviour.invoke(tv as ClassInstance, (n as string).toLowerCase(), av, type);
            return settle(r ? r.value : invokeOrEnumerate(tv, n as string, av), f, ast.member, keepVoid);
          } catch (e) {
            throw positioned(e, f, ast.member);
          }
        }),
      );
    });
}

/**
 * A method a collection lacks is called on each element (member enumeration), as in pwsh. A Promise when one went
 * async; undefined for a void method.
 */
function invokeOrEnumerate(target: unknown, name: string, args: unknown[]): unknown {
  try {
    return invokeMethodOrVoid(target, name, args);
  } catch (e) {
    if (!Array.isArray(target) || !(e instanceof PSRuntimeError) || !e.errorRecord.FullyQualifiedErrorId.startsWith('MethodNotFound')) throw e;
    return invokeOnEach(target, name, args, 0, []);
  }
}

function invokeOnEach(items: unknown[], name: string, args: unknown[], start: number, out: unknown[]): unknown {
  for (let i = start; i < items.length; i++) {
    const item = items[i];
    if (item === null || item === undefined) continue;
    const r = invokeMethodMaybe(item, name, args);
    if (isPromise(r)) {
      return r.then((v) => {
        if (v !== undefined && v !== null) out.push(v);
        return invokeOnEach(items, name, args, i + 1, out);
      });
    }
    if (r !== undefined && r !== null) out.push(r);
  }
  return out.length === 1 ? out[0] : out;
}

// ---------------------------------------------------------------------------
// Hashtable literals

function compileHashtable(ast: A.HashtableAst, ordered = false): Eval {
  const pairs = ast.pairs.map((p) => ({ key: compileExpr(p.key), value: compileValueStatement(p.value), extent: p.key }));
  return (f) => {
    const h = new PSHashtable(ordered);
    let i = 0;
    const step = (): unknown => {
      for (; i < pairs.length; i++) {
        const p = pairs[i];
        const k = p.key(f);
        if (isPromise(k)) return k.then((kv) => andThen(p.value(f), (vv) => { add(kv, vv, p.extent); i++; return step(); }));
        const v = p.value(f);
        if (isPromise(v)) return v.then((vv) => { add(k, vv, p.extent); i++; return step(); });
        add(k, v, p.extent);
      }
      return h;
    };
    const add = (k: unknown, v: unknown, extent: A.Extent) => {
      if (h.has(k)) {
        throw positioned(
          runtimeError(`Duplicate keys '${toStr(k)}' are not allowed in hash literals.`, 'DuplicateKeyInHashLiteral', { category: 'ParserError' }),
          f,
          extent,
        );
      }
      h.set(k, v);
    };
    return step();
  };
}

// ---------------------------------------------------------------------------
// Assignment targets

export type Assign = (f: Frame, value: unknown) => void | Promise<void>;

/**
 * `[ValidateRange(1,5)][int]$v = 3`: the attributes validate this and every later assignment to the variable.
 * A failing value is not assigned (ValidationMetadataException).
 */
function compileValidatedAssign(ast: A.AttributedExpressionAst): Assign {
  const attributes: A.AttributeAst[] = [];
  let inner: A.ExpressionAst = ast;
  while (inner.kind === 'AttributedExpression') {
    attributes.push(inner.attribute);
    inner = inner.child;
  }
  const assign = compileAssignTarget(inner);
  const variable = inner.kind === 'Variable' ? inner : inner.kind === 'ConvertExpression' && inner.operand.kind === 'Variable' ? inner.operand : null;
  if (!variable) return assign;
  const key = variable.name.toLowerCase();
  return (f, value) => {
    const decl = paramDecl({ kind: 'Parameter', name: variable.name, attributes, defaultValue: null, start: ast.start, end: ast.end }, f);
    const meta = toParamMeta(decl);
    const check = (v: unknown) => {
      try {
        validateArg(variable.name, meta, v);
      } catch {
        throw positioned(
          runtimeError(`The variable cannot be validated because the value ${toStr(v)} is not a valid value for the ${variable.name} variable.`, 'ValidationMetadataException', {
            category: 'MetadataError', exceptionType: 'System.Management.Automation.ValidationMetadataException',
          }),
          f,
          ast,
        );
      }
    };
    check(value);
    return andThen(assign(f, value), () => {
      const scope = scopeFor(f.scope, variable.scope) ?? f.scope;
      const pv = scope.vars.get(key);
      if (pv) pv.validators = [check];
    }) as void;
  };
}

/**
 * `$a, $b = <value>`: one value per target, the last taking all that remain (as an array) and missing ones $null.
 * This list is also the assignment's own value (`$x = $a, $b = 1, 2, 3` makes $x `1, @(2, 3)`).
 */
export function spreadOverTargets(v: unknown, count: number): unknown[] {
  const items = Array.isArray(v) ? v : [v];
  const values: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const last = i === count - 1;
    values.push(last && items.length > count ? items.slice(i) : i < items.length ? items[i] : null);
  }
  return values;
}

export function compileAssignTarget(ast: A.ExpressionAst): Assign {
  switch (ast.kind) {
    case 'Variable': {
      const key = (ast.name.toLowerCase() === 'psitem' ? '_' : ast.name.toLowerCase());
      const q = ast.scope;
      const name = ast.name;
      if (key === 'true' || key === 'false' || key === 'null') {
        if (key === 'null') return () => undefined; // `$null = expr` discards
        return (f) => {
          throw positioned(
            runtimeError(`Cannot overwrite variable ${name} because it is read-only or constant.`, 'VariableNotWritable', { category: 'WriteError' }),
            f,
            ast,
          );
        };
      }
      return (f, v) => {
        try {
          setVariable(f, q, key, name, v);
        } catch (e) {
          throw positioned(e, f, ast);
        }
      };
    }
    case 'ConvertExpression': {
      // `[int]$x = ...` gives the variable a type constraint.
      const inner = ast.operand;
      if (inner.kind !== 'Variable') break;
      const getType = typeGetter(ast.type, ast);
      const key = inner.name.toLowerCase();
      return (f, v) => {
        try {
          const t = getType(f);
          const scope = scopeFor(f.scope, inner.scope) ?? f.scope;
          const converted = convertTo(v, t);
          let pv = scope.vars.get(key);
          if (pv === undefined) {
            pv = new PSVariable(inner.name, converted, VarOptions.None);
            scope.vars.set(key, pv);
          } else pv.value = converted;
          pv.typeConstraint = t;
        } catch (e) {
          throw positioned(e, f, ast);
        }
      };
    }
    case 'AttributedExpression':
      return compileValidatedAssign(ast);
    case 'MemberExpression': {
      const name = memberName(ast.member);
      if (ast.static) {
        const te = compileExpr(ast.target);
        return (f, v) =>
          andThen(te(f), (tv) =>
            andThen(name(f), (n) => {
              try {
                setStaticMember(toType(tv, f, ast.target), n as string, v);
              } catch (e) {
                throw positioned(e, f, ast.member);
              }
            }),
          ) as void;
      }
      const target = compileExpr(ast.target);
      return (f, v) =>
        andThen(target(f), (tv) =>
          andThen(name(f), (n) => {
            try {
              if (tv === null || tv === undefined) {
                throw runtimeError(`The property '${n}' cannot be found on this object. Verify that the property exists and can be set.`, 'PropertyNotFound', {
                  category: 'InvalidOperation',
                });
              }
              return settle(setMemberMaybe(tv, n as string, v), f, ast.member, false) as void | Promise<void>;
            } catch (e) {
              throw positioned(e, f, ast.member);
            }
          }),
        ) as void;
    }
    case 'IndexExpression': {
      const target = compileExpr(ast.target);
      const index = compileExpr(ast.index);
      return (f, v) =>
        andThen(target(f), (tv) =>
          andThen(index(f), (iv) => {
            try {
              setIndex(tv, iv, v);
            } catch (e) {
              throw positioned(e, f, ast);
            }
          }),
        ) as void;
    }
    case 'ArrayLiteral': {
      const targets = ast.elements.map(compileAssignTarget);
      return (f, v) => {
        const values = spreadOverTargets(v, targets.length);
        // A target may go async (`$h[(Get-Key)], $b = ...`): the rest are assigned after it, in order.
        return eachMaybe(targets, (target, i) => target(f, values[i]));
      };
    }
    case 'ParenExpression': {
      const p = ast.pipeline;
      if (p.kind === 'Pipeline' && p.elements.length === 1 && p.elements[0].kind === 'CommandExpression') {
        return compileAssignTarget(p.elements[0].expression);
      }
      break;
    }
  }
  return (f) => {
    throw positioned(
      runtimeError('The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.', 'InvalidLeftHandSide', {
        category: 'ParserError',
      }),
      f,
      ast,
    );
  };
}

