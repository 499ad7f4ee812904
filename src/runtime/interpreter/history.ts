// The session's command history (Get-History, Add-History, Invoke-History, Clear-History; the REPL adds to it).
import { TYPE_NAME, TimeSpan } from '../types/index.js';

/** Microsoft.PowerShell.Commands.HistoryInfo. */
export class HistoryInfo {
  declare readonly [TYPE_NAME]: string;
  constructor(
    readonly Id: number,
    readonly CommandLine: string,
    /** A PipelineState name: Completed, Failed, Stopped. */
    readonly ExecutionStatus: string,
    readonly StartExecutionTime: Date,
    readonly EndExecutionTime: Date,
  ) {
    Object.defineProperty(this, TYPE_NAME, { value: 'Microsoft.PowerShell.Commands.HistoryInfo', enumerable: false });
  }
  get Duration(): TimeSpan {
    return new TimeSpan((this.EndExecutionTime.getTime() - this.StartExecutionTime.getTime()) * TimeSpan.TicksPerMillisecond);
  }
  Clone(): HistoryInfo {
    return new HistoryInfo(this.Id, this.CommandLine, this.ExecutionStatus, this.StartExecutionTime, this.EndExecutionTime);
  }
  toString(): string {
    return this.CommandLine;
  }
}

export class SessionHistory {
  private entries: HistoryInfo[] = [];
  private nextId = 1;
  /** Nesting of Invoke-History (a history entry that invokes history again is a loop). */
  invoking = new Set<number>();
  /** Set by Invoke-History: the command line the host records for the command that ran it. */
  replacement: string | null = null;

  constructor(private readonly maximumCount: () => number) {}

  /** The interactive host's entry for a command it ran (Invoke-History's command line in place of its own). */
  addRun(commandLine: string, status: string, start: Date, end: Date): HistoryInfo {
    const line = this.replacement ?? commandLine;
    this.replacement = null;
    return this.add(line, status, start, end);
  }

  add(commandLine: string, status: string, start: Date, end: Date): HistoryInfo {
    const h = new HistoryInfo(this.nextId++, commandLine, status, start, end);
    this.entries.push(h);
    const max = Math.max(1, this.maximumCount());
    if (this.entries.length > max) this.entries.splice(0, this.entries.length - max);
    return h;
  }

  /** Oldest first. */
  all(): HistoryInfo[] {
    return [...this.entries];
  }

  byId(id: number): HistoryInfo | null {
    return this.entries.find((h) => h.Id === id) ?? null;
  }

  last(): HistoryInfo | null {
    return this.entries[this.entries.length - 1] ?? null;
  }

  remove(pred: (h: HistoryInfo) => boolean): void {
    this.entries = this.entries.filter((h) => !pred(h));
  }
}
