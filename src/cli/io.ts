// The streams and process facts the CLI works with; tests pass their own.
import { fstatSync, writeSync } from 'node:fs';
import { packageRequire } from '../runtime/node-builtins.js';

export interface CliOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIO {
  stdout: CliOutput;
  stderr: CliOutput;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** Is stdin an interactive terminal? Defaults to stdin.isTTY. */
  isTTY?: boolean;
}

/**
 * The process's own streams. Output that is not a terminal is written straight to its file descriptor:
 * process.stdout/stderr on a pipe or file would load Node's whole stream stack (~25 modules, a large part of
 * `awsh -c` start-up), and their writes are synchronous on Linux anyway. stdin is created only when read.
 */
export function processIO(): CliIO {
  return {
    stdout: isatty(1) ? process.stdout : new FdOutput(1),
    stderr: isatty(2) ? process.stderr : new FdOutput(2),
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
    isTTY: isatty(0),
  };
}

/** Synchronous writes to a descriptor that is not a terminal (a pipe or a file). */
export class FdOutput implements CliOutput {
  readonly isTTY = false;
  constructor(private readonly fd: 1 | 2) {}

  write(text: string): boolean {
    const bytes = Buffer.from(text, 'utf8');
    for (let off = 0; off < bytes.length;) {
      try {
        off += writeSync(this.fd, bytes, off);
      } catch (e) {
        // A non-blocking pipe (inherited from the parent) that is full: wait a moment for the reader.
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
        Atomics.wait(pause, 0, 0, 1);
      }
    }
    return true;
  }

  /** The Node stream on the same descriptor, for APIs that need one (readline). */
  get stream(): NodeJS.WritableStream {
    return this.fd === 1 ? process.stdout : process.stderr;
  }
}
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Is this descriptor a terminal? Asked of node:tty only for character devices other than /dev/null and its
 * kin (major number 1): loading node:tty loads node:net and the stream stack, which pipes and files don't need.
 */
export function isatty(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice() || ((st.rdev >> 8) & 0xfff) === 1) return false;
  } catch {
    return false;
  }
  return (packageRequire('node:tty') as typeof import('node:tty')).isatty(fd);
}

/** A stream for APIs that need one (readline), whatever kind of output the CLI writes to. */
export function writableStream(out: CliOutput): NodeJS.WritableStream {
  return out instanceof FdOutput ? out.stream : (out as NodeJS.WritableStream);
}

/** Resolves once what was written to the process's streams has been handed to the OS. */
export function flushOutput(io: CliIO): Promise<unknown> {
  return Promise.all([io.stdout, io.stderr].map((out) => {
    if (out instanceof FdOutput || typeof (out as { once?: unknown }).once !== 'function') return undefined;
    return new Promise<void>((done) => (out as NodeJS.WritableStream).write('', () => done()));
  }));
}

export function stdinIsTTY(io: CliIO): boolean {
  return io.isTTY ?? io.stdin.isTTY === true;
}

/** Colour only on a terminal and when NO_COLOR is unset (https://no-color.org: an empty value counts as unset). */
export function colorEnabled(stream: CliOutput, env: Record<string, string | undefined>): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/** Formatting width: the terminal's width, else pwsh's 120 for redirected output. */
export function outputWidth(io: CliIO): number {
  return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 120;
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
