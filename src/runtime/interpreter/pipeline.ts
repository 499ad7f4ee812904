// The pipeline engine: push-based, synchronous while every step is, awaiting only when a step returns a Promise.
export { StopUpstreamCommand } from './flow.js';
import { StopUpstreamCommand, isPromise } from './flow.js';

export type Sink = (value: unknown) => void;

/** A running command in a pipeline. */
export interface Processor {
  begin(): void | Promise<void>;
  /** One input object; `NO_INPUT` when the command is first in its pipeline. */
  process(item: unknown): void | Promise<void>;
  end(): void | Promise<void>;
  /** Set by the pipeline before begin: where this command's output goes. */
  out: Sink;
  /** Set by the pipeline: whether input will be pushed. */
  expectingInput: boolean;
  /** Set by the pipeline when this command's output goes to a next command rather than the pipeline's sink. */
  feedsNext?: boolean;
  /** Runs once the whole pipeline is over, also after a failure or an early stop (a function's `clean` block). */
  clean?(): void;
}

export const NO_INPUT: unique symbol = Symbol('awsh.noInput');

/**
 * Feeds one processor while keeping order when it goes async: items that arrive while an earlier item is still being
 * processed wait in a queue. Callers that can await (async commands) await `push`; synchronous emitters (script
 * blocks) ignore the returned Promise and the pipeline awaits `drain()` before ending the command.
 */
export class ProcessorInput {
  private pending: Promise<void> | null = null;
  private failure: unknown = undefined;
  private failed = false;
  /**
   * Objects written to this command before its begin block ran (an upstream command's begin output): pwsh queues
   * them in the command's input pipe and processes them after its begin. null once the command has begun.
   */
  private early: unknown[] | null = [];
  constructor(readonly processor: Processor) {}

  readonly push = (item: unknown): void | Promise<void> => {
    if (this.early !== null) {
      this.early.push(item);
      return;
    }
    if (this.pending === null) {
      const r = this.processor.process(item);
      if (isPromise(r)) return this.track(r);
      return;
    }
    return this.track(this.pending.then(() => this.processor.process(item)));
  };

  private track(p: Promise<void>): Promise<void> {
    const tracked = p.then(
      () => {
        if (this.pending === tracked) this.pending = null;
      },
      (e) => {
        if (this.pending === tracked) this.pending = null;
        if (!this.failed) {
          this.failed = true;
          this.failure = e;
        }
        throw e;
      },
    );
    this.pending = tracked;
    // The rejection is re-thrown from drain(); mark it handled here so Node does not report it.
    tracked.catch(() => undefined);
    return tracked;
  }

  /** The command has begun: process what was written to it before, then take input as it comes. */
  started(): void | Promise<void> {
    const queued = this.early;
    this.early = null;
    if (!queued || queued.length === 0) return;
    for (let i = 0; i < queued.length; i++) {
      const r = this.push(queued[i]);
      if (isPromise(r)) return queued.slice(i + 1).reduce<Promise<void>>((p, item) => p.then(() => this.push(item)), r);
    }
  }

  /** Resolves once queued items are processed; rethrows the first failure. */
  drain(): void | Promise<void> {
    if (this.pending !== null) return this.pending.then(() => this.checkFailure());
    this.checkFailure();
  }

  private checkFailure(): void {
    if (this.failed) {
      this.failed = false;
      throw this.failure;
    }
  }
}

/**
 * Runs processors wired in sequence. `source` produces the first command's input (an expression's values) or is
 * null when the first element is a command. Returns a Promise only if some step went async.
 */
export function runPipeline(
  processors: Processor[],
  source: Iterable<unknown> | null,
  out: Sink,
): void | Promise<void> {
  const n = processors.length;
  const inputs: ProcessorInput[] = new Array(n);
  for (let i = 0; i < n; i++) inputs[i] = new ProcessorInput(processors[i]);
  for (let i = 0; i < n; i++) {
    const p = processors[i];
    p.out = i + 1 < n ? (inputs[i + 1].push as Sink) : out;
    p.expectingInput = i > 0 || source !== null;
    if (i + 1 < n) p.feedsNext = true;
  }
  const state: RunState = { processors, inputs, source, index: 0, stoppedAt: -1, beginning: -1 };
  if (!processors.some((p) => p.clean)) return runFrom(state, 'begin');
  let r: void | Promise<void>;
  try {
    r = runFrom(state, 'begin');
  } catch (e) {
    cleanAll(processors);
    throw e;
  }
  if (isPromise(r)) return r.finally(() => cleanAll(processors));
  cleanAll(processors);
}

/** The commands' clean-up, in pipeline order, after everything else. */
function cleanAll(processors: Processor[]): void {
  for (const p of processors) p.clean?.();
}

interface RunState {
  processors: Processor[];
  inputs: ProcessorInput[];
  source: Iterable<unknown> | null;
  index: number;
  /** Index of the processor that asked to stop upstream, or -1. */
  stoppedAt: number;
  /** Index of the last processor whose begin started. */
  beginning: number;
}

/** Begin processor i and then process what reached it before. */
function beginOne(st: RunState, i: number): void | Promise<void> {
  st.beginning = i;
  const r = st.processors[i].begin();
  if (isPromise(r)) return r.then(() => st.inputs[i].started());
  return st.inputs[i].started();
}

type Phase = 'begin' | 'feed' | 'end';

function runFrom(st: RunState, phase: Phase): void | Promise<void> {
  try {
    if (phase === 'begin') {
      for (; st.index < st.processors.length; st.index++) {
        const r = beginOne(st, st.index);
        if (isPromise(r)) {
          st.index++;
          return r.then(() => runFrom(st, 'begin'), (e) => handleStop(st, e));
        }
      }
      phase = 'feed';
    }
    if (phase === 'feed') {
      const r = feed(st);
      if (isPromise(r)) return r.then(() => runEnd(st, 0), (e) => handleStop(st, e));
      return runEnd(st, 0);
    }
    return runEnd(st, 0);
  } catch (e) {
    return handleStop(st, e);
  }
}

function handleStop(st: RunState, e: unknown): void | Promise<void> {
  if (e instanceof StopUpstreamCommand) {
    const idx = st.processors.indexOf(e.processor as Processor);
    if (idx >= 0) {
      st.stoppedAt = idx;
      // A stop while the commands are still beginning (on an upstream begin block's output): the ones after it
      // still begin (and process what it wrote them) before they end.
      const rest = beginRest(st, st.beginning + 1);
      return isPromise(rest) ? rest.then(() => runEnd(st, idx)) : runEnd(st, idx);
    }
  }
  throw e;
}

function beginRest(st: RunState, from: number): void | Promise<void> {
  for (let i = from; i < st.processors.length; i++) {
    const r = beginOne(st, i);
    if (isPromise(r)) return r.then(() => beginRest(st, i + 1));
  }
}

function feed(st: RunState): void | Promise<void> {
  const first = st.inputs[0];
  if (st.source === null) {
    const r = first.push(NO_INPUT);
    if (isPromise(r)) return r;
    return;
  }
  const it = st.source[Symbol.iterator]();
  for (;;) {
    const next = it.next();
    if (next.done) return;
    const r = first.push(next.value);
    if (isPromise(r)) return r.then(() => feedRest(first, it));
  }
}

async function feedRest(first: ProcessorInput, it: Iterator<unknown>): Promise<void> {
  for (;;) {
    const next = it.next();
    if (next.done) return;
    await first.push(next.value);
  }
}

/** Ends processors from `from` onwards, in order, after draining each one's queued input. */
function runEnd(st: RunState, from: number): void | Promise<void> {
  for (let i = from; i < st.processors.length; i++) {
    const d = st.inputs[i].drain();
    if (isPromise(d)) return d.then(() => endFrom(st, i), (e) => handleStop(st, e));
    try {
      const r = st.processors[i].end();
      if (isPromise(r)) return r.then(() => runEnd(st, i + 1), (e) => handleStopInEnd(st, e, i));
    } catch (e) {
      return handleStopInEnd(st, e, i);
    }
  }
}

/** End processor i (its input is drained), then the rest. */
function endFrom(st: RunState, i: number): void | Promise<void> {
  try {
    const r = st.processors[i].end();
    if (isPromise(r)) return r.then(() => runEnd(st, i + 1), (e) => handleStopInEnd(st, e, i));
  } catch (e) {
    return handleStopInEnd(st, e, i);
  }
  return runEnd(st, i + 1);
}

function handleStopInEnd(st: RunState, e: unknown, i: number): void | Promise<void> {
  if (e instanceof StopUpstreamCommand) {
    const idx = st.processors.indexOf(e.processor as Processor);
    if (idx > i) return runEnd(st, idx);
    if (idx >= 0) return runEnd(st, i + 1);
  }
  throw e;
}
