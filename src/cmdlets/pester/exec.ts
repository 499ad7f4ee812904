// Running script blocks in scopes the runner controls: setup blocks in a block's scope, test bodies in a child
// scope with test-case parameters splatted. Uses the interpreter's public classes (Frame, Scope, ScriptProcessor).
import type { CmdletContext } from '../../runtime/cmdlet-api.js';
import { Frame, type Streams } from '../../runtime/interpreter/frame.js';
import { Scope } from '../../runtime/interpreter/scope.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { ScriptProcessor } from '../../runtime/interpreter/script-processor.js';
import { runPipeline } from '../../runtime/interpreter/pipeline.js';
import type { CallArg } from '../../runtime/interpreter/binder.js';
import type { Session } from '../../runtime/interpreter/session.js';
import { setInScope } from '../../runtime/interpreter/variables.js';
import { parse } from '../../parser/index.js';
import type * as A from '../../parser/ast.js';

const discard = (): void => {};

export function sessionOf(ctx: CmdletContext): Session {
  return ctx.session as unknown as Session;
}

/** The frame the cmdlet was called from (its scope is the caller's scope). */
export function callerFrame(ctx: CmdletContext): Frame {
  return (ctx as unknown as { frame: Frame }).frame;
}

export function streamsOf(ctx: CmdletContext): Streams {
  return callerFrame(ctx).streams;
}

/** Run `sb` directly in `scope` (dot-source style); output is discarded unless `out` is given. */
export async function runInScope(session: Session, scope: Scope, sb: ScriptBlock, streams: Streams, out: (v: unknown) => void = discard): Promise<void> {
  const frame = new Frame(scope, out, streams, session, null);
  const r = session.invokeScriptFromCmdlet(frame, sb, { newScope: false, output: out });
  if (r instanceof Promise) await r;
}

/** Run `sb` in a new child scope of `parent`, binding `named` as named parameters (`& $sb @positional @named`). */
export async function runInChildScope(
  session: Session, parent: Scope, sb: ScriptBlock, streams: Streams, named: [string, unknown][], out: (v: unknown) => void = discard,
  positional: unknown[] = [],
): Promise<void> {
  const caller = new Frame(parent, out, streams, session, null);
  const args: CallArg[] = positional.map((value): CallArg => ({ name: null, value, hasValue: true }));
  for (const [name, value] of named) args.push({ name, value, hasValue: true, text: `-${name}:` });
  const proc = new ScriptProcessor(sb, args, caller, streams, { name: '', dotSource: false, isScriptFile: false });
  const r = runPipeline([proc], null, out);
  if (r instanceof Promise) await r;
}

export function setVar(scope: Scope, name: string, value: unknown): void {
  setInScope(scope, name.toLowerCase(), name, value);
}

/** Names declared in a script block's param() block. */
export function paramNames(sb: ScriptBlock): string[] {
  // `function f($a, $b)` keeps its parameters beside the body, not in a param block.
  const extra = (sb as ScriptBlock & { extraParameters?: A.ParameterAst[] | null }).extraParameters ?? [];
  return [...(sb.ast.paramBlock?.parameters ?? []), ...extra].map((p) => p.name);
}

/** A script block value from source text, bound to the session. */
export function scriptBlockFromText(session: unknown, text: string): ScriptBlock {
  const parsed = parse(text, null);
  if (parsed.errors.length) throw (session as Session).parseErrorToRuntime(parsed.errors, parsed.ast.source);
  const sb = new ScriptBlock(parsed.ast);
  sb.session = session;
  return sb;
}

export function scriptBlockFromAst(session: unknown, ast: A.ScriptBlockAst): ScriptBlock {
  const sb = new ScriptBlock(ast);
  sb.session = session;
  return sb;
}

const SETUP_NAMES = new Set(['beforeall', 'afterall', 'beforeeach', 'aftereach']);

export interface SetupBlocks {
  beforeAll: A.ScriptBlockAst[];
  afterAll: A.ScriptBlockAst[];
  beforeEach: A.ScriptBlockAst[];
  afterEach: A.ScriptBlockAst[];
  /** The script block ASTs found, to recognise them when the body reaches the command. */
  all: Set<unknown>;
}

/**
 * Pester 4 finds setup commands in a block body before running it (anywhere but inside nested script blocks),
 * so they run wherever they stand in the body.
 */
export function findSetupBlocks(body: A.ScriptBlockAst): SetupBlocks {
  const found: SetupBlocks = { beforeAll: [], afterAll: [], beforeEach: [], afterEach: [], all: new Set() };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const n = node as { kind?: string };
    if (n.kind === 'ScriptBlockExpression') return;
    if (n.kind === 'Command') {
      const cmd = n as A.CommandAst;
      const head = cmd.commandElements[0];
      if (head && head.kind === 'StringConstant' && SETUP_NAMES.has(head.value.toLowerCase())) {
        const sbArg = cmd.commandElements.find((e) => e.kind === 'ScriptBlockExpression') as A.ScriptBlockExpressionAst | undefined;
        if (sbArg) {
          const key = head.value.toLowerCase();
          const list = key === 'beforeall' ? found.beforeAll : key === 'afterall' ? found.afterAll : key === 'beforeeach' ? found.beforeEach : found.afterEach;
          list.push(sbArg.scriptBlock);
          found.all.add(sbArg.scriptBlock);
        }
        return;
      }
    }
    for (const [k, v] of Object.entries(n)) {
      if (k === 'source') continue;
      if (v && typeof v === 'object') visit(v);
    }
  };
  visit([body.beginBlock, body.processBlock, body.endBlock]);
  return found;
}
