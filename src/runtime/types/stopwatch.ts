// System.Diagnostics.Stopwatch: instances, their methods, and the type's statics (StartNew, Frequency, GetTimestamp).
// Nothing runs when this module loads: the type's hooks are attached with the builtin type table, on first resolve.
import { TimeSpan } from './datetime.js';
import { argConvert } from './method-args.js';
import { overloadCountError } from './method-errors.js';
import { resolveType, type TypeDef } from './ps-type.js';
import { TYPE_NAME } from './simple-values.js';

/** .NET on Linux and macOS counts Stopwatch ticks in nanoseconds: Frequency is 1e9. */
const FREQUENCY = 1_000_000_000n;
/** Stopwatch ticks per TimeSpan tick (100 ns). */
const RAW_PER_TIMESPAN_TICK = FREQUENCY / 10_000_000n;

function timestamp(): bigint {
  return process.hrtime.bigint();
}

/** State in private fields: scripts and formatting see only the Pascal-cased properties. */
export class Stopwatch {
  #elapsed = 0n;
  #startedAt = 0n;
  #running = false;

  get IsRunning(): boolean {
    return this.#running;
  }
  get Elapsed(): TimeSpan {
    return new TimeSpan(Number(this.#rawElapsed() / RAW_PER_TIMESPAN_TICK));
  }
  /** Int64, as all Stopwatch counters are (bigint in awsh). */
  get ElapsedMilliseconds(): bigint {
    return this.#rawElapsed() / RAW_PER_TIMESPAN_TICK / 10_000n;
  }
  get ElapsedTicks(): bigint {
    return this.#rawElapsed();
  }

  start(): void {
    if (this.#running) return;
    this.#startedAt = timestamp();
    this.#running = true;
  }
  stop(): void {
    if (!this.#running) return;
    this.#elapsed += timestamp() - this.#startedAt;
    this.#running = false;
  }
  reset(): void {
    this.#elapsed = 0n;
    this.#running = false;
  }
  restart(): void {
    this.#elapsed = 0n;
    this.#startedAt = timestamp();
    this.#running = true;
  }
  #rawElapsed(): bigint {
    return this.#running ? this.#elapsed + (timestamp() - this.#startedAt) : this.#elapsed;
  }
  /** Stopwatch.ToString() is Elapsed.ToString(). */
  toString(): string {
    return this.Elapsed.toString();
  }
}
Object.defineProperty(Stopwatch.prototype, TYPE_NAME, { value: 'System.Diagnostics.Stopwatch' });

function noArgs(method: string, a: unknown[]): void {
  if (a.length !== 0) throw overloadCountError(method, a.length);
}

/** Instance methods (the void ones return undefined: no output). */
export const stopwatchMethods: Record<string, (sw: Stopwatch, a: unknown[]) => unknown> = {
  Start: (sw, a) => (noArgs('Start', a), sw.start()),
  Stop: (sw, a) => (noArgs('Stop', a), sw.stop()),
  Reset: (sw, a) => (noArgs('Reset', a), sw.reset()),
  Restart: (sw, a) => (noArgs('Restart', a), sw.restart()),
};

function int64Arg(method: string, param: string, v: unknown): bigint {
  return argConvert(method, param, v, resolveType('System.Int64')!) as bigint;
}

/** Stopwatch.GetElapsedTime(start[, end]): the TimeSpan between two GetTimestamp() values. */
function getElapsedTime(a: unknown[]): TimeSpan {
  if (a.length < 1 || a.length > 2) throw overloadCountError('GetElapsedTime', a.length);
  const start = int64Arg('GetElapsedTime', 'startingTimestamp', a[0]);
  const end = a.length === 2 ? int64Arg('GetElapsedTime', 'endingTimestamp', a[1]) : timestamp();
  return new TimeSpan(Number((end - start) / RAW_PER_TIMESPAN_TICK));
}

/** The builtin table's entry for the type. */
export const stopwatchTypeDef: TypeDef = {
  fullName: 'System.Diagnostics.Stopwatch',
  construct: (args) => {
    if (args.length !== 0) throw overloadCountError('new', args.length);
    return new Stopwatch();
  },
  staticProps: {
    Frequency: () => FREQUENCY,
    IsHighResolution: () => true,
  },
  staticMethods: {
    StartNew: (a) => {
      noArgs('StartNew', a);
      const sw = new Stopwatch();
      sw.start();
      return sw;
    },
    GetTimestamp: (a) => (noArgs('GetTimestamp', a), timestamp()),
    GetElapsedTime: getElapsedTime,
  },
};
