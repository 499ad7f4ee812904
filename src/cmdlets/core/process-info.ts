// System.Diagnostics.Process objects for Get-Process and friends, read from Linux's /proc as .NET does
// (Process.Linux.cs): memory figures come from /proc/<pid>/status, times from /proc/<pid>/stat.
import * as fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { PSObject } from '../../runtime/values/objects.js';
import { addTypeMember } from '../../runtime/types/type-data.js';
import { TimeSpan, makeDate, TYPE_NAME } from '../../runtime/types/index.js';
import { formatNumber } from '../../runtime/values/format.js';
import { ensureBuiltinViews, registerView } from '../../runtime/format/index.js';

const PROCESS_TYPE_NAMES = ['System.Diagnostics.Process', 'System.ComponentModel.Component', 'System.MarshalByRefObject', 'System.Object'];
/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux that Node runs on). */
const CLOCK_TICKS = 100;

/** The fields of /proc/<pid>/stat that .NET uses. */
interface ProcStat {
  comm: string;
  /** R, S, D, Z (exited, not yet reaped), ... */
  state: string;
  /** waitpid(2) status of an exited (zombie) process. */
  exitStatus: number;
  ppid: number;
  session: number;
  utime: number;
  stime: number;
  nice: number;
  threads: number;
  startTicks: number;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // comm is in parentheses and may itself hold spaces and parentheses: it ends at the last ')'.
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const f = text.slice(close + 2).split(' ');
  // f[0] is field 3 (state): field n is f[n - 3].
  return {
    comm: text.slice(open + 1, close),
    state: f[0] ?? '',
    exitStatus: Number(f[49] ?? 0),
    ppid: Number(f[1]),
    session: Number(f[3]),
    utime: Number(f[11]),
    stime: Number(f[12]),
    nice: Number(f[16]),
    threads: Number(f[17]),
    startTicks: Number(f[19]),
  };
}

/** `VmRSS: 1234 kB` lines of /proc/<pid>/status, in bytes. */
function readStatus(pid: number): Map<string, number> {
  const m = new Map<string, number>();
  try {
    for (const line of fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
      const match = /^(\w+):\s+(\d+) kB$/.exec(line);
      if (match) m.set(match[1]!, Number(match[2]) * 1024);
    }
  } catch {
    /* the process is gone: every figure reads 0 */
  }
  return m;
}

/**
 * When the system booted, in ms since the epoch: now minus /proc/uptime, as .NET computes it from the boot-time
 * clock (/proc/stat's btime can disagree with the real-time clock in containers).
 */
function bootTime(): number {
  try {
    return Date.now() - Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 1000;
  } catch {
    return 0;
  }
}

function readLinkOrNull(path: string): string | null {
  try {
    return fs.readlinkSync(path);
  } catch {
    return null;
  }
}

function cmdlineOf(pid: number): string[] {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((s, i, a) => i < a.length - 1 || s !== '');
  } catch {
    return [];
  }
}

/** The base object of a Process PSObject: its properties are read from /proc when asked (and re-read after Refresh). */
export class ProcessData {
  [TYPE_NAME] = 'System.Diagnostics.Process';
  // Private fields (#): the object adapter lists an instance's own fields as properties.
  #stat: ProcStat | null;
  #status: Map<string, number> | null = null;
  /** The child process when this shell started it (Start-Process): its exit code is known. */
  readonly #child: ChildProcess | null;
  constructor(
    readonly Id: number,
    child: ChildProcess | null = null,
  ) {
    this.#stat = readStat(Id);
    this.#child = child;
  }
  toString(): string {
    return `System.Diagnostics.Process (${this.ProcessName})`;
  }
  // PascalCase prototype methods are the .NET methods scripts call.
  /** Re-reads /proc; an exited process keeps its last figures (and name), as .NET keeps what it read. */
  Refresh(): void {
    this.#stat = readStat(this.Id) ?? this.#stat;
    this.#status = null;
  }
  private mem(key: string): bigint {
    this.#status ??= readStatus(this.Id);
    return BigInt(this.#status.get(key) ?? 0);
  }
  get exists(): boolean {
    return this.#stat !== null;
  }
  /** .NET reads comm, which the kernel cuts at 15 characters; the untruncated name comes from the command line. */
  get ProcessName(): string {
    const comm = this.#stat?.comm ?? '';
    if (comm.length < 15) return comm;
    const argv0 = cmdlineOf(this.Id)[0] ?? '';
    const base = argv0.slice(argv0.lastIndexOf('/') + 1);
    return base.startsWith(comm) ? base : comm;
  }
  get SessionId(): number {
    return this.#stat?.session ?? 0;
  }
  get HandleCount(): number {
    try {
      return fs.readdirSync(`/proc/${this.Id}/fd`).length;
    } catch {
      return 0;
    }
  }
  get WorkingSet64(): bigint {
    return this.mem('VmRSS');
  }
  get PeakWorkingSet64(): bigint {
    return this.mem('VmHWM');
  }
  get PagedMemorySize64(): bigint {
    return this.mem('VmSwap');
  }
  get PrivateMemorySize64(): bigint {
    return this.mem('VmData');
  }
  get VirtualMemorySize64(): bigint {
    return this.mem('VmSize');
  }
  get PeakVirtualMemorySize64(): bigint {
    return this.mem('VmPeak');
  }
  get NonpagedSystemMemorySize64(): bigint {
    return 0n;
  }
  get PagedSystemMemorySize64(): bigint {
    return this.mem('VmSwap');
  }
  get UserProcessorTime(): TimeSpan {
    return ticksToTimeSpan(this.#stat?.utime ?? 0);
  }
  get PrivilegedProcessorTime(): TimeSpan {
    return ticksToTimeSpan(this.#stat?.stime ?? 0);
  }
  get TotalProcessorTime(): TimeSpan {
    return ticksToTimeSpan((this.#stat?.utime ?? 0) + (this.#stat?.stime ?? 0));
  }
  get StartTime(): Date {
    return makeDate(bootTime() + ((this.#stat?.startTicks ?? 0) * 1000) / CLOCK_TICKS);
  }
  get Path(): string | null {
    return readLinkOrNull(`/proc/${this.Id}/exe`);
  }
  get CommandLine(): string {
    return cmdlineOf(this.Id).join(' ');
  }
  /** types.ps1xml's CPU script property: TotalProcessorTime in seconds. */
  get CPU(): number {
    return this.TotalProcessorTime.TotalSeconds;
  }
  get Description(): string {
    return this.ProcessName;
  }
  get BasePriority(): number {
    return 20 - (this.#stat?.nice ?? 0);
  }
  get HasExited(): boolean {
    const c = this.#child;
    if (c && (c.exitCode !== null || c.signalCode !== null)) return true;
    const now = readStat(this.Id);
    return now === null || now.state === 'Z';
  }
  /** Known only for processes this shell started; 128 + the signal number for one a signal ended, as .NET reports. */
  get ExitCode(): number | null {
    const c = this.#child;
    if (!c) return null;
    if (c.exitCode !== null) return c.exitCode;
    if (c.signalCode !== null) return 128 + (osSignals[c.signalCode] ?? 0);
    const now = readStat(this.Id);
    if (now?.state !== 'Z') return null;
    const st = now.exitStatus;
    return (st & 0x7f) === 0 ? (st >> 8) & 0xff : 128 + (st & 0x7f);
  }
  /**
   * Blocks until the process has exited (or `ms` have passed): scripts call it without awaiting anything.
   * WaitForExit() returns nothing; WaitForExit(ms) says whether the process exited in time.
   */
  WaitForExit(ms?: unknown): boolean | undefined {
    const deadline = ms === undefined || Number(ms) < 0 ? Infinity : Date.now() + Number(ms);
    const cell = new Int32Array(new SharedArrayBuffer(4));
    let exited = true;
    while (!this.HasExited) {
      if (Date.now() >= deadline) {
        exited = false;
        break;
      }
      Atomics.wait(cell, 0, 0, 10);
    }
    return ms === undefined ? undefined : exited;
  }
  Kill(): void {
    if (!this.HasExited) process.kill(this.Id, 'SIGKILL');
  }
  get Responding(): boolean {
    return true;
  }
  get MachineName(): string {
    return '.';
  }
  get MainWindowTitle(): string {
    return '';
  }
  get MainWindowHandle(): number {
    return 0;
  }
  get Threads(): PSObject[] {
    let ids: string[] = [];
    try {
      ids = fs.readdirSync(`/proc/${this.Id}/task`);
    } catch {
      /* gone */
    }
    return ids.map((id) => {
      const t = new PSObject(['System.Diagnostics.ProcessThread', 'System.Object']);
      t.addMember({ name: 'Id', memberType: 'NoteProperty', value: Number(id) });
      return t;
    });
  }
  get Parent(): PSObject | null {
    const ppid = this.#stat?.ppid ?? 0;
    return ppid > 0 ? processObject(ppid) : null;
  }
}

const osSignals: Record<string, number> = constants.signals as Record<string, number>;

function ticksToTimeSpan(clockTicks: number): TimeSpan {
  return new TimeSpan(Math.round((clockTicks / CLOCK_TICKS) * TimeSpan.TicksPerSecond));
}

/** types.ps1xml's alias properties of Process: type members, so they reach every Process object, wrapped or not. */
const PROCESS_ALIASES = [
  ['Name', 'ProcessName'],
  ['SI', 'SessionId'],
  ['Handles', 'HandleCount'],
  ['VM', 'VirtualMemorySize64'],
  ['WS', 'WorkingSet64'],
  ['PM', 'PagedMemorySize64'],
  ['NPM', 'NonpagedSystemMemorySize64'],
] as const;

let typeRegistered = false;
/** The Process type's members (types.ps1xml) and DotNetTypes.format.ps1xml's `process` table view. */
function ensureProcessType(): void {
  if (typeRegistered) return;
  typeRegistered = true;
  for (const [name, target] of PROCESS_ALIASES) addTypeMember(PROCESS_TYPE_NAMES[0], { name, memberType: 'AliasProperty', value: target }, false);
  ensureBuiltinViews();
  const mb = (v: bigint) => formatNumber(Number(v) / 1048576, 'N2');
  registerView('System.Diagnostics.Process', {
    table: {
      columns: [
        { label: 'NPM(K)', width: 7, alignment: 'Right', getter: (o) => String(Number(dataOf(o)?.NonpagedSystemMemorySize64 ?? 0n) / 1024) },
        { label: 'PM(M)', width: 8, alignment: 'Right', getter: (o) => mb(dataOf(o)?.PagedMemorySize64 ?? 0n) },
        { label: 'WS(M)', width: 10, alignment: 'Right', getter: (o) => mb(dataOf(o)?.WorkingSet64 ?? 0n) },
        { label: 'CPU(s)', width: 10, alignment: 'Right', getter: (o) => formatNumber(dataOf(o)?.TotalProcessorTime.TotalSeconds ?? 0, 'N2') },
        { label: 'Id', width: 7, alignment: 'Right', getter: (o) => dataOf(o)?.Id ?? '' },
        { label: 'SI', width: 3, alignment: 'Right', getter: (o) => dataOf(o)?.SessionId ?? '' },
        { label: 'ProcessName', getter: (o) => dataOf(o)?.ProcessName ?? '' },
      ],
    },
    wide: { label: 'ProcessName', getter: (o) => dataOf(o)?.ProcessName ?? '' },
  });
}

/** The ProcessData behind a Process object, or null for anything else. */
export function dataOf(v: unknown): ProcessData | null {
  if (v instanceof PSObject && v.baseObject instanceof ProcessData) return v.baseObject;
  return v instanceof ProcessData ? v : null;
}

function wrap(data: ProcessData): PSObject {
  ensureProcessType();
  return new PSObject([...PROCESS_TYPE_NAMES], data);
}

/** A Process object for a running process, or null when there is no process with that id. */
export function processObject(pid: number): PSObject | null {
  const data = new ProcessData(pid);
  return data.exists ? wrap(data) : null;
}

/** The Process object of a child this shell started (Start-Process -PassThru): it reports the child's exit code. */
export function startedProcessObject(child: ChildProcess): PSObject {
  return wrap(new ProcessData(child.pid ?? 0, child));
}

/** Every running process, sorted by name and then id (Get-Process's order). */
export function allProcesses(): PSObject[] {
  const list: PSObject[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const p = processObject(Number(entry));
    if (p) list.push(p);
  }
  return sortProcesses(list);
}

export function sortProcesses<T>(list: T[]): T[] {
  // string.Compare(..., OrdinalIgnoreCase), then the id.
  const name = (p: T) => dataOf(p)!.ProcessName.toUpperCase();
  return list.sort((a, b) => {
    const x = name(a);
    const y = name(b);
    return x < y ? -1 : x > y ? 1 : dataOf(a)!.Id - dataOf(b)!.Id;
  });
}
