// Compiles pipelines of commands: argument evaluation, command resolution, redirections, and running them.
import type * as A from '../../parser/ast.js';
import { compileExpr, compileExprOutput, positioned, type Eval } from './compile-expr.js';
import { evalAll } from './maybe-async.js';
import { Frame, type Streams } from './frame.js';
import { runPipeline, type Processor, type Sink } from './pipeline.js';
import { NO_OUTPUT, isPromise } from './flow.js';
import type { CallArg } from './binder.js';
import { PSHashtable, PSObject } from '../values/objects.js';
import type { Scope } from './scope.js';
import { toStr } from '../values/convert.js';
import { ScriptBlock } from './scriptblock.js';
import { ScriptProcessor } from './script-processor.js';
import { CmdletProcessor } from './cmdlet-processor.js';
import { NativeProcessor } from './native.js';
import { checkScriptRequirements } from './requires.js';
import { importUsingModules } from './modules.js';
import { runtimeError } from '../errors.js';
import { getMember, hasMember } from '../types/index.js';
import { makeRedirectedStreams } from './redirection.js';
import { enumerateForPipeline } from './emit.js';
import * as ops from '../values/operators.js';
import type { Exec } from './compile-stmt.js';

interface CompiledArg {
  isBareDashDash?: boolean;
  /** An array literal of bare words and numbers (see CallArg.nativeText). */
  bareArray?: A.ArrayLiteralAst;
  /** A number literal's source text (see CallArg.literalText). */
  literalText?: string;
  /** `-Name: value`, with a space between (see CallArg.separateValue). */
  spaceAfterParameter?: boolean;
  kind: 'param' | 'value' | 'splat';
  name: string | null;
  value: Eval | null;
  text: string;
  extent: A.Extent;
}

interface CompiledCommand {
  kind: 'command';
  ast: A.CommandAst;
  /** Static command name (bareword), or null when the name is an expression. */
  staticName: string | null;
  nameEval: Eval | null;
  args: CompiledArg[];
  dot: boolean;
  call: boolean;
  redirections: A.RedirectionAst[];
}

interface CompiledSource {
  kind: 'expression';
  value: Eval;
  /** `1..N` as the first element: iterate lazily so `| Select -First 3` returns at once. */
  lazyRange: [Eval, Eval] | null;
  redirections: A.RedirectionAst[];
}

function compileArgs(elements: A.CommandElementAst[]): CompiledArg[] {
  return elements.map((e): CompiledArg => {
    if (e.kind === 'CommandParameter') {
      const spaceAfterParameter = e.argument !== null && e.argument.start > e.start + e.text.length;
      return { kind: 'param', name: e.parameterName, value: e.argument ? compileExpr(e.argument) : null, text: e.text, extent: e, spaceAfterParameter };
    }
    if (e.kind === 'Variable' && e.splatted) return { kind: 'splat', name: null, value: compileExpr({ ...e, splatted: false }), text: '', extent: e };
    const text = e.kind === 'StringConstant' ? e.value : '';
    const bareArray = e.kind === 'ArrayLiteral' && e.elements.every((x) => x.kind === 'Constant' || (x.kind === 'StringConstant' && x.quote === 'bare' && !/[\s"]/.test(x.value)));
    return {
      kind: 'value', name: null, value: compileExpr(e), text, extent: e, isBareDashDash: e.kind === 'StringConstant' && e.quote === 'bare' && e.value === '--',
      bareArray: bareArray ? (e as A.ArrayLiteralAst) : undefined,
      literalText: e.kind === 'Constant' ? e.text : undefined,
    };
  });
}

/** A command name followed, without a space, by a parenthesized comma list: `f(1, 2)`. */
function calledLikeMethod(name: A.CommandElementAst, arg: A.CommandElementAst): boolean {
  if (arg.kind !== 'ParenExpression' || name.end !== arg.start) return false;
  const p = arg.pipeline;
  if (p.kind !== 'Pipeline' || p.elements.length !== 1) return false;
  const e = p.elements[0]!;
  return e.kind === 'CommandExpression' && e.expression.kind === 'ArrayLiteral';
}

function compileElement(el: A.CommandAst | A.CommandExpressionAst): CompiledCommand | CompiledSource {
  if (el.kind === 'CommandExpression') {
    const x = el.expression;
    const lazyRange = x.kind === 'BinaryExpression' && x.operator === '..' && !el.redirections.length ? ([compileExpr(x.left), compileExpr(x.right)] as [Eval, Eval]) : null;
    return { kind: 'expression', value: compileExprOutput(x), lazyRange, redirections: el.redirections };
  }
  const [first, ...rest] = el.commandElements;
  const staticName = first.kind === 'StringConstant' ? first.value : null;
  const args = compileArgs(rest);
  if (rest.length === 1 && calledLikeMethod(first, rest[0]!)) {
    // `f(1, 2)`: strict mode 2+ rejects method-call syntax for a command (checked when it runs, as pwsh does).
    const arg = args[0]!;
    const value = arg.value!;
    arg.value = (f) => {
      if (f.session.strictMode >= 2) {
        throw runtimeError(
          'The function or command was called as if it were a method. Parameters should be separated by spaces. For information about parameters, see the about_Parameters Help topic.',
          'StrictModeFunctionCallWithParens',
          { category: 'InvalidOperation' },
        );
      }
      return value(f);
    };
  }
  return {
    kind: 'command',
    ast: el,
    staticName,
    nameEval: staticName === null ? compileExpr(first as A.ExpressionAst) : null,
    args,
    dot: el.invocationOperator === '.',
    call: el.invocationOperator === '&',
    redirections: el.redirections,
  };
}

/** Evaluate arguments: splatting expands hashtables to named arguments and arrays to positional ones. */
function evalArgs(f: Frame, args: CompiledArg[]): CallArg[] | Promise<CallArg[]> {
  const evals = args.map((a) => a.value ?? (() => undefined));
  return then2(evalAll(evals, f), (values) => {
    const out: CallArg[] = [];
    let endOfParameters = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const v = values[i];
      if (endOfParameters && a.kind === 'param') {
        // After `--`, `-x` is an ordinary argument.
        out.push({ name: null, value: a.text, hasValue: true, text: a.text, extent: a.extent });
        continue;
      }
      if (a.kind === 'value' && a.text === '--' && a.isBareDashDash && !endOfParameters) {
        endOfParameters = true;
        out.push({ name: null, value: '--', hasValue: true, text: '--', extent: a.extent, endOfParameters: true });
        continue;
      }
      if (a.kind === 'param') {
        const arg: CallArg = { name: a.name, value: a.value ? v : undefined, hasValue: a.value !== null, text: a.text, extent: a.extent };
        if (a.spaceAfterParameter) arg.separateValue = true;
        out.push(arg);
      }
      else if (a.kind === 'splat') {
        if (v instanceof PSHashtable) for (const [k, hv] of v.entries()) out.push({ name: toStr(k), value: hv, hasValue: true, text: `-${toStr(k)}:`, extent: a.extent });
        else if (Array.isArray(v)) {
          // `@args` passes `-Name` tokens on as parameter names, as pwsh does for $args.
          for (const x of v) {
            if (typeof x === 'string' && /^-[A-Za-z_][\w-]*:?$/.test(x)) {
              out.push({ name: x.slice(1).replace(/:$/, ''), value: undefined, hasValue: false, text: x, extent: a.extent });
            } else out.push({ name: null, value: x, hasValue: true, extent: a.extent });
          }
        }
        else if (v !== null) out.push({ name: null, value: v, hasValue: true, extent: a.extent });
      } else {
        const arg: CallArg = { name: null, value: v, hasValue: true, text: a.text, extent: a.extent };
        if (a.literalText !== undefined) arg.literalText = a.literalText;
        if (a.bareArray) {
          const text = sourceTextOf(f, a.bareArray);
          if (text !== null) arg.nativeText = text;
        }
        out.push(arg);
      }
    }
    return out;
  });
}

/**
 * An array literal's text in the running source. The source is the one current when the command runs, so the
 * slice is checked against the elements (a block run from elsewhere may not be its own source); null if it differs.
 */
function sourceTextOf(f: Frame, ast: A.ArrayLiteralAst): string | null {
  const src = f.session.currentSource;
  if (!src) return null;
  const text = src.text.slice(ast.start, ast.end);
  const written = ast.elements.map((e) => (e.kind === 'Constant' ? e.text : e.kind === 'StringConstant' ? e.value : '')).join('');
  return text.replace(/[\s,]/g, '') === written ? text : null;
}

function then2<T, R>(v: T | Promise<T>, k: (x: T) => R): R | Promise<R> {
  return isPromise(v) ? (v as Promise<T>).then(k) : k(v as T);
}

export function compilePipeline(ast: A.PipelineAst): Exec {
  const elements = ast.elements.map(compileElement);
  return (f) => {
    const s = f.session;
    s.checkAbort();
    const processors: Processor[] = [];
    let source: Iterable<unknown> | null = null;
    let i = 0;
    const build = (): void | Promise<void> => {
      for (; i < elements.length; i++) {
        const el = elements[i];
        if (el.kind === 'expression') {
          if (i !== 0) throw positioned(runtimeError('Expressions are only allowed as the first element of a pipeline.', 'ExpressionsMustBeFirstInPipeline', { category: 'ParserError' }), f, ast);
          if (el.lazyRange) {
            const a = el.lazyRange[0](f), b = el.lazyRange[1](f);
            if (isPromise(a) || isPromise(b)) {
              return Promise.all([a, b]).then(([x, y]) => {
                source = ops.rangeIterator(x, y);
                i++;
                return build();
              });
            }
            try {
              source = ops.rangeIterator(a, b);
            } catch (e) {
              throw positioned(e, f, ast.elements[0]);
            }
            continue;
          }
          if (el.redirections.length) {
            const r = redirectedExpression(f, el, elements.length === 1);
            if (isPromise(r)) {
              return r.then((x) => {
                source = x;
                i++;
                return build();
              });
            }
            source = r;
            continue;
          }
          const v = el.value(f);
          if (isPromise(v)) {
            return v.then((x) => {
              source = sourceOf(x);
              i++;
              return build();
            });
          }
          source = sourceOf(v);
          continue;
        }
        const r = createProcessor(f, el, processors);
        if (isPromise(r)) {
          return r.then((p) => {
            processors.push(p);
            i++;
            return build();
          });
        }
        processors.push(r);
      }
    };
    const run = (): void | Promise<void> => {
      // A lone expression with redirections (`"x" > file.txt`) has written everything already.
      if (processors.length === 0) return;
      const r = runPipeline(processors, source, f.out);
      if (isPromise(r)) return r.then(() => done(), (e) => failed(e));
      done();
    };
    const done = () => {
      s.lastSuccess = !s.pipelineHadErrors;
      s.pipelineHadErrors = false;
    };
    const failed = (e: unknown): never => {
      s.pipelineHadErrors = false;
      s.lastSuccess = false;
      throw e;
    };
    s.pipelineHadErrors = false;
    let b: void | Promise<void> = undefined;
    try {
      b = build();
    } catch (e) {
      failed(e);
    }
    if (isPromise(b)) return b.then(run);
    try {
      return run();
    } catch (e) {
      failed(e);
    }
  };
}

const NOTHING: readonly unknown[] = [];

/** A pipeline's input from its first expression; NO_OUTPUT (pwsh's AutomationNull) sends nothing. */
function sourceOf(v: unknown): Iterable<unknown> {
  if (v === undefined) return [null];
  if (v === NO_OUTPUT) return NOTHING;
  if (Array.isArray(v)) return v;
  const en = enumerateForPipeline(v);
  return en ?? [v];
}

/**
 * An expression with redirections (`$(...) 2> err.txt`, `"x" > file | Out-Null`): it runs with the redirected
 * streams; what its output redirection doesn't take goes to the caller's output (a lone expression) or on down the
 * pipeline (the returned items).
 */
function redirectedExpression(f: Frame, el: CompiledSource, lone: boolean): Iterable<unknown> | Promise<Iterable<unknown>> {
  const passed: unknown[] = [];
  const r = makeRedirectedStreams(f, el.redirections, lone ? f.out : (v) => void passed.push(v));
  const complete = (v: unknown): Iterable<unknown> | Promise<Iterable<unknown>> => {
    for (const x of sourceOf(v)) r.out(x);
    const fin = r.finish();
    return isPromise(fin) ? fin.then(() => passed) : passed;
  };
  const v = el.value(f.child(f.scope, f.out, r.streams, f.commandName));
  return isPromise(v) ? v.then(complete) : complete(v);
}

function createProcessor(f: Frame, el: CompiledCommand, processors: Processor[]): Processor | Promise<Processor> {
  return then2<CallArg[], Processor | Promise<Processor>>(evalArgs(f, el.args), (args): Processor | Promise<Processor> =>
    then2<unknown, Processor>(el.nameEval ? el.nameEval(f) : el.staticName, (nameValue) => {
      const redirected = el.redirections.length ? makeRedirectedStreams(f, el.redirections, null) : null;
      const streams: Streams = redirected ? redirected.streams : f.streams;
      const finish = (p: Processor): Processor => {
        f.session.setCommandPosition(p, el.ast);
        return redirected ? redirected.wrap(p) : p;
      };
      void processors;
      try {
        const p = resolveProcessor(f, el, nameValue, args, streams);
        if (isPromise(p)) {
          return p.then(finish, (e) => {
            throw positioned(e, f, el.ast.commandElements[0]);
          }) as unknown as Processor;
        }
        return finish(p);
      } catch (e) {
        throw positioned(e, f, el.ast.commandElements[0]);
      }
    }),
  ) as Processor | Promise<Processor>;
}

/** A script module's scope when `v` is its PSModuleInfo (`& $module command args`), else null. */
function moduleScopeFromInfo(f: Frame, v: unknown): Scope | null {
  if (!(v instanceof PSObject) || v.typeNames[0] !== 'System.Management.Automation.PSModuleInfo') return null;
  for (const rec of f.session.modules.values()) if (rec.info === v) return rec.scope;
  return null;
}

/** A script block given to a command run in a module (`& $m ForEach-Object { ... }`) runs in that module too. */
function bindToModule(v: unknown, moduleScope: Scope): unknown {
  if (!(v instanceof ScriptBlock) || v.closureScope !== null || v.moduleScope !== null) return v;
  const copy = new ScriptBlock(v.ast);
  copy.session = v.session;
  copy.moduleScope = moduleScope;
  return copy;
}

function resolveProcessor(f: Frame, el: CompiledCommand, nameValue: unknown, args: CallArg[], streams: Streams): Processor | Promise<Processor> {
  const s = f.session;
  const moduleScope = moduleScopeFromInfo(f, nameValue);
  if (moduleScope) {
    // `& $module command args`: the command (a name or a script block) runs in the module's scope.
    const first = args.findIndex((a) => a.name === null);
    if (first < 0) throw runtimeError('The command to run in the module is missing.', 'ModuleCommandMissing', { category: 'InvalidArgument' });
    const rest = args.filter((_, i) => i !== first).map((a) => ({ ...a, value: bindToModule(a.value, moduleScope) }));
    const inModule = f.child(moduleScope, f.out, f.streams, f.commandName);
    return resolveProcessor(inModule, el, bindToModule(args[first].value, moduleScope), rest, streams);
  }
  if (nameValue instanceof ScriptBlock) {
    return new ScriptProcessor(nameValue, args, f, streams, { name: '', dotSource: el.dot, isScriptFile: false });
  }
  // A CommandInfo (from Get-Command) names its command.
  const isInfo = nameValue !== null && typeof nameValue === 'object' && hasMember(nameValue, 'CommandType') && hasMember(nameValue, 'Name');
  const name = isInfo ? toStr(getMember(nameValue, 'Name')) : toStr(nameValue);
  const resolved = s.resolveCommandForInvocation(f, name);
  switch (resolved.kind) {
    case 'deferred':
      // A command set not loaded yet (AWS): load it, then resolve again.
      return resolved.load.then(() => resolveProcessor(f, el, nameValue, args, streams));
    case 'function':
      return new ScriptProcessor(resolved.scriptBlock, args, f, streams, { name: resolved.name, dotSource: el.dot, isScriptFile: false });
    case 'cmdlet':
      return new CmdletProcessor(resolved.decl, args, f, streams);
    case 'script': {
      checkScriptRequirements(s, resolved.scriptBlock.ast.source.text, resolved.path);
      const make = () => new ScriptProcessor(resolved.scriptBlock, args, f, streams, { name: resolved.path, dotSource: el.dot, isScriptFile: true, scriptPath: resolved.path });
      const using = importUsingModules(s, resolved.scriptBlock.ast.source, streams);
      return isPromise(using) ? using.then(make) : make();
    }
    case 'native':
      return new NativeProcessor(resolved.path, args, f, streams);
  }
}

/**
 * The command processors of a pipeline of commands only (a steppable pipeline's): arguments are evaluated and
 * commands resolved now, in frame `f`. An expression element is an error.
 */
export function commandProcessors(f: Frame, ast: A.PipelineAst): Processor[] | Promise<Processor[]> {
  const elements = ast.elements.map(compileElement);
  const processors: Processor[] = [];
  const from = (i: number): Processor[] | Promise<Processor[]> => {
    for (; i < elements.length; i++) {
      const el = elements[i]!;
      if (el.kind !== 'command') throw notSteppable();
      const p = createProcessor(f, el, processors);
      if (isPromise(p)) {
        const next = i + 1;
        return p.then((x) => {
          processors.push(x);
          return from(next);
        });
      }
      processors.push(p);
    }
    return processors;
  };
  return from(0);
}

export function notSteppable(): Error {
  return runtimeError(
    'Only a script block that contains exactly one pipeline or command can be converted. Expressions or control structures are not permitted. Verify that the script block contains exactly one pipeline or command.',
    'CanOnlyConvertOnePipeline',
    { category: 'InvalidOperation' },
  );
}
