// $sb.GetSteppablePipeline(): a pipeline whose commands are begun, fed and ended one call at a time (proxy functions).
import type * as A from '../../parser/ast.js';
import type { Frame } from './frame.js';
import { NO_INPUT, ProcessorInput, StopUpstreamCommand, type Processor } from './pipeline.js';
import { isPromise } from './flow.js';
import { commandProcessors, notSteppable } from './commands.js';
import { TYPE_NAME, getMember } from '../types/index.js';
import { toBool } from '../values/convert.js';

type Step = unknown[] | Promise<unknown[]>;

/** The single pipeline of commands a script block must consist of (ScriptBlockAst.GetSimplePipeline). */
function simplePipeline(ast: A.ScriptBlockAst): A.PipelineAst {
  if (ast.beginBlock || ast.processBlock || ast.cleanBlock || ast.dynamicParamBlock) throw notSteppable();
  const st = ast.endBlock?.statements ?? [];
  if (st.length !== 1 || st[0]!.kind !== 'Pipeline' || ast.endBlock!.traps.length) throw notSteppable();
  return st[0] as A.PipelineAst;
}

export function getSteppablePipeline(f: Frame, ast: A.ScriptBlockAst): SteppablePipeline | Promise<SteppablePipeline> {
  const ps = commandProcessors(f, simplePipeline(ast));
  return isPromise(ps) ? ps.then((p) => new SteppablePipeline(p)) : new SteppablePipeline(ps);
}

/**
 * System.Management.Automation.SteppablePipeline. Process() and End() return what the pipeline wrote (as pwsh does
 * for Begin($bool)); after Begin($PSCmdlet) pwsh writes it straight to that command's output, which for the usual
 * `process { $steppablePipeline.Process($_) }` is the same, so both modes return it here.
 */
export class SteppablePipeline {
  declare [TYPE_NAME]: string;
  private readonly inputs: ProcessorInput[];
  private buffer: unknown[] = [];
  private expectInput = false;
  /** The first command ran its process step without input (when it expects none, once). */
  private fedNoInput = false;
  private stopped = false;
  private ended = false;
  private cleaned = false;

  constructor(private readonly processors: Processor[]) {
    Object.defineProperty(this, TYPE_NAME, { value: 'System.Management.Automation.SteppablePipeline', enumerable: false });
    this.inputs = processors.map((p) => new ProcessorInput(p));
    processors.forEach((p, i) => {
      p.out = i + 1 < processors.length ? this.inputs[i + 1]!.push : (v) => void this.buffer.push(v);
      if (i + 1 < processors.length) p.feedsNext = true;
    });
  }

  private take(): unknown[] {
    const b = this.buffer;
    this.buffer = [];
    return b;
  }

  /** Begin($expectInput) or Begin($PSCmdlet) (input expected when that command's was). */
  Begin(arg: unknown): unknown[] | Promise<unknown[]> {
    return this.cleanOnFailure(() => this.begin(arg));
  }

  Process(...args: unknown[]): Step {
    return this.cleanOnFailure(() => this.process(args));
  }

  End(): Step {
    return this.cleanOnFailure(() => this.end());
  }

  /** A failure in any step runs the commands' clean blocks at once (pwsh disposes the pipeline). */
  private cleanOnFailure<T>(run: () => T | Promise<T>): T | Promise<T> {
    const fail = (e: unknown): never => {
      this.Clean();
      throw e;
    };
    try {
      const r = run();
      return isPromise(r) ? r.catch(fail) : r;
    } catch (e) {
      return fail(e);
    }
  }

  private begin(arg: unknown): unknown[] | Promise<unknown[]> {
    if (typeof arg === 'boolean') this.expectInput = arg;
    else {
      const inv = arg !== null && typeof arg === 'object' ? getMember(arg, 'MyInvocation') : null;
      this.expectInput = inv !== null && typeof inv === 'object' ? toBool(getMember(inv, 'ExpectingInput')) : toBool(arg);
    }
    this.processors.forEach((p, i) => (p.expectingInput = i > 0 || this.expectInput));
    const from = (i: number): unknown[] | Promise<unknown[]> => {
      for (; i < this.processors.length; i++) {
        const r = this.guard(() => this.processors[i]!.begin());
        if (isPromise(r)) {
          const next = i + 1;
          return r.then(() => this.inputs[i]!.started()).then(() => from(next));
        }
        const s = this.inputs[i]!.started();
        if (isPromise(s)) {
          const next = i + 1;
          return s.then(() => from(next));
        }
      }
      // Begin($bool) returns nothing: what the begin blocks wrote comes back from the first Process/End.
      return typeof arg === 'boolean' ? [] : this.take();
    };
    const r = from(0);
    return isPromise(r) ? r : typeof arg === 'boolean' ? (undefined as never) : r;
  }

  private process(args: unknown[]): Step {
    if (this.stopped || this.ended) return this.take();
    let item: unknown;
    if (this.expectInput && args.length > 0) item = args[0];
    else if (this.fedNoInput) return this.take();
    else {
      this.fedNoInput = true;
      item = NO_INPUT;
    }
    const r = this.guard(() => this.inputs[0]!.push(item));
    if (isPromise(r)) return r.then(() => this.take());
    return this.take();
  }

  private end(): Step {
    if (this.ended) return this.take();
    const finish = (): Step => {
      this.ended = true;
      const from = (i: number): Step => {
        for (; i < this.processors.length; i++) {
          const d = this.inputs[i]!.drain();
          const e = isPromise(d) ? d.then(() => this.processors[i]!.end()) : this.guard(() => this.processors[i]!.end());
          if (isPromise(e)) {
            const next = i + 1;
            return e.then(() => from(next));
          }
        }
        this.Clean();
        return this.take();
      };
      return from(0);
    };
    if (!this.expectInput && !this.fedNoInput && !this.stopped) {
      const p = this.process([]);
      if (isPromise(p)) return p.then((first) => then(finish(), (rest) => [...first, ...rest]));
      const rest = finish();
      return then(rest, (x) => [...p, ...x]);
    }
    return finish();
  }

  /** Runs the clean blocks once: after End, after a failure, or when called. */
  Clean(): void {
    if (this.cleaned) return;
    this.cleaned = true;
    for (const p of this.processors) p.clean?.();
  }

  Dispose(): void {}

  /** A downstream `Select-Object -First` that has all it wants: nothing more goes in. */
  private guard<T>(run: () => T): T | void {
    try {
      return run();
    } catch (e) {
      if (e instanceof StopUpstreamCommand) {
        this.stopped = true;
        return;
      }
      throw e;
    }
  }
}

function then<T, R>(v: T | Promise<T>, k: (x: T) => R): R | Promise<R> {
  return isPromise(v) ? v.then(k) : k(v);
}
