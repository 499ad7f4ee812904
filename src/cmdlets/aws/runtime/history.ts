// $AWSHistory: a ring buffer of the last MaxCmdletHistory AWS cmdlet invocations, each keeping the last
// MaxServiceCallHistory service requests/responses. Filled by SDK middleware (see recordCalls), so every call,
// including each page of an auto-iterated listing, is recorded.
import { TYPE_NAME } from './credentials-value.js';

/** A fixed-size FIFO (AWS Tools' HistoryBuffer<T>): History, Count, Last. */
export class ServiceCallBuffer {
  History: unknown[] = [];
  Count = 0;
  Last: unknown = null;
  constructor(private readonly max: () => number) {
    Object.defineProperty(this, 'max', { enumerable: false });
  }
  Add(item: unknown): void {
    this.History.push(item);
    while (this.History.length > this.max()) this.History.shift();
    this.Count = this.History.length;
    this.Last = item;
  }
  Clear(): void {
    this.History = [];
    this.Count = 0;
    this.Last = null;
  }
  ElementAt(i: number): unknown {
    return this.History[i] ?? null;
  }
}

export class AWSCmdletHistory {
  CmdletName: string;
  CmdletStart: Date = new Date();
  CmdletEnd: Date | null = null;
  EmittedObjectsCount = 0;
  Requests: ServiceCallBuffer;
  Responses: ServiceCallBuffer;
  LastServiceResponse: unknown = null;
  LastServiceRequest: unknown = null;
  constructor(name: string, maxCalls: () => number) {
    this.CmdletName = name;
    this.Requests = new ServiceCallBuffer(maxCalls);
    this.Responses = new ServiceCallBuffer(maxCalls);
    Object.defineProperty(this, TYPE_NAME, { value: 'Amazon.PowerShell.Common.AWSCmdletHistory', enumerable: false });
  }
  toString(): string {
    return this.CmdletName;
  }
}

export interface HistorySettings {
  maxCmdletHistory: number;
  maxServiceCallHistory: number;
  recordServiceRequests: boolean;
  includeSensitiveData: boolean;
}

/** The $AWSHistory object (AWS Tools' AWSCmdletHistoryBuffer). */
export class HistoryBuffer {
  Commands: AWSCmdletHistory[] = [];
  LastCommand: AWSCmdletHistory | null = null;
  LastServiceResponse: unknown = null;
  LastServiceRequest: unknown = null;
  declare settings: HistorySettings;

  constructor() {
    Object.defineProperty(this, 'settings', {
      value: { maxCmdletHistory: 5, maxServiceCallHistory: 5, recordServiceRequests: false, includeSensitiveData: false },
      enumerable: false,
    });
    Object.defineProperty(this, TYPE_NAME, { value: 'Amazon.PowerShell.Common.AWSCmdletHistoryBuffer', enumerable: false });
  }

  get enabled(): boolean {
    return this.settings.maxCmdletHistory > 0;
  }

  /** Starts an entry for a cmdlet invocation; it joins the buffer on its first service call. */
  startCommand(name: string): AWSCmdletHistory {
    return new AWSCmdletHistory(name, () => this.settings.maxServiceCallHistory);
  }

  /** Adds the entry (once) and refreshes the summary members. */
  push(entry: AWSCmdletHistory): void {
    if (!this.enabled) return;
    if (!this.Commands.includes(entry)) {
      this.Commands.push(entry);
      while (this.Commands.length > this.settings.maxCmdletHistory) this.Commands.shift();
    }
    this.refresh();
  }

  refresh(): void {
    const last = this.Commands[this.Commands.length - 1] ?? null;
    this.LastCommand = last;
    this.LastServiceResponse = last?.LastServiceResponse ?? null;
    this.LastServiceRequest = last?.LastServiceRequest ?? null;
    // the [int] indexer: $AWSHistory[0]
    for (let i = 0; i < Math.max(this.Commands.length, 16); i++) {
      Object.defineProperty(this, String(i), { value: this.Commands[i] ?? null, enumerable: false, configurable: true, writable: true });
    }
  }

  clear(): void {
    this.Commands = [];
    this.refresh();
  }

  configure(s: Partial<HistorySettings>): void {
    Object.assign(this.settings, s);
    if (this.settings.maxCmdletHistory === 0) this.clear();
    while (this.Commands.length > this.settings.maxCmdletHistory) this.Commands.shift();
    this.refresh();
  }

  toString(): string {
    if (!this.enabled) return 'AWS History Disabled';
    const last = this.LastCommand;
    return `${this.Commands.length} command(s) recorded, last = ${last ? last.CmdletName : ''}`;
  }
  ToString(): string {
    return this.toString();
  }
}
