// Public types of the embedding API (`import { createShell } from 'awsh'`). The CLI uses nothing else.
import type { ErrorRecord } from './runtime/errors.js';
import type { CmdletDecl } from './runtime/cmdlet-api.js';
import type { RestrictedOptions } from './runtime/interpreter/restricted.js';

export type { RestrictedOptions };

export type { ErrorRecord, CmdletDecl };

export interface InformationRecord {
  MessageData: unknown;
  Tags: string[];
  Source: string;
  TimeGenerated: Date;
}

export interface ProgressRecord {
  Activity: string;
  StatusDescription: string;
  PercentComplete: number;
  ActivityId: number;
  RecordType: 'Processing' | 'Completed';
}

/** What the host is told as a script runs. Everything is optional: without a handler a stream is dropped. */
export interface ShellHost {
  /** Write-Host / Out-Host text. */
  writeHost?(text: string, options: { noNewline: boolean; foregroundColor?: string; backgroundColor?: string }): void;
  error?(record: ErrorRecord): void;
  warning?(message: string): void;
  verbose?(message: string): void;
  debug?(message: string): void;
  information?(record: InformationRecord): void;
  progress?(record: ProgressRecord): void;
  /** Terminal width for formatting; default 120. */
  width?: number;
  /** True when a user can answer prompts (REPL). */
  interactive?: boolean;
  /** Confirmation / choice prompt; returns the chosen index. */
  promptForChoice?(caption: string, message: string, choices: { label: string; help: string }[], defaultIndex: number): Promise<number>;
  /** Read a line from the user (mandatory parameters, Read-Host); secret=true masks input. */
  readLine?(prompt: string, options?: { secret?: boolean }): Promise<string>;
}

export interface ShellOptions {
  /** Working directory (default process.cwd()). */
  cwd?: string;
  /** Environment for `$env:` (default: a copy of process.env). */
  env?: Record<string, string | undefined>;
  host?: ShellHost;
  /** `$PSCommandPath`-less interactive session (REPL) vs script runner. */
  interactive?: boolean;
  /** AWS defaults for this shell. */
  aws?: { region?: string; endpoint?: string; credentials?: unknown; clientConfig?: Record<string, unknown> };
  /** Run untrusted scripts: allow-listed commands only, one folder tree, no environment, time and size limits. */
  restricted?: RestrictedOptions;
}

export interface InvokeOptions {
  /** Pipeline input (`$input`, and `$_` for a pipeline that starts with a command). */
  input?: Iterable<unknown> | AsyncIterable<unknown>;
  /** Variables set before the run. */
  variables?: Record<string, unknown>;
  signal?: AbortSignal;
  /** Script path, for `$PSCommandPath`, `$PSScriptRoot` and error positions. */
  path?: string;
  /** Script arguments, bound to the script's param() block or to `$args`. Strings like `-Name` are parameter names. */
  args?: unknown[];
  /** Called for every output object as it is produced (instead of or besides collecting). */
  onOutput?: (value: unknown) => void;
  /**
   * invoke/invokeFile only: hand out PowerShell's own value objects (PSObject, PSHashtable, PSDouble, ...) instead
   * of converting them to plain JS (objects with ordered properties, numbers, strings, Dates, Buffers).
   */
  raw?: boolean;
  /** Record the script in the session history (Get-History), as pwsh's PSInvocationSettings.AddToHistory does. */
  addToHistory?: boolean;
}

/** Outcome of `shell.execute`. */
export interface ExecuteResult {
  /** Output objects (empty when onOutput was given). */
  output: unknown[];
  /** A terminating error ended the script. It has also been reported to host.error. */
  terminatingError: ErrorRecord | null;
  /** `exit N` was run: N (0 for plain `exit`); null when the script ran to its end. */
  exitCode: number | null;
  /** `$?` at the end: false when the last command failed. */
  success: boolean;
}

export interface ParseCheck {
  /** The text parses. */
  ok: boolean;
  /** The text is a prefix of something valid: the REPL should read another line (`>> `). */
  incomplete: boolean;
  errors: { message: string; errorId: string; line: number; column: number }[];
}

export interface Shell {
  /** Run a script; streams go to the host; resolves when done (never rejects for script errors). */
  execute(script: string, options?: InvokeOptions): Promise<ExecuteResult>;
  /** Run a script and collect (await) or stream (for await) its output objects; a terminating error rejects/throws. */
  invoke(script: string, options?: InvokeOptions): AsyncIterable<unknown> & PromiseLike<unknown[]>;
  invokeFile(path: string, args?: unknown[], options?: InvokeOptions): AsyncIterable<unknown> & PromiseLike<unknown[]>;
  /** Does this text parse, or is it incomplete (for the REPL's `>> `)? */
  checkSyntax(script: string): ParseCheck;
  /** Format objects as pwsh's Out-Default would, as text (lines joined with \n, no trailing newline). */
  format(objects: unknown[], options?: { width?: number }): string;
  /** A streaming Out-Default: feed objects one by one, get text to print (may be empty until more is known). */
  createOutDefault(options?: { width?: number }): { write(value: unknown): string; flush(): string };
  /** Render an ErrorRecord the way pwsh's console shows it, in the view $ErrorView names (pwsh 7's default: ConciseView). */
  formatError(record: ErrorRecord): string;
  getVariable(name: string): unknown;
  setVariable(name: string, value: unknown): void;
  registerCmdlet(decl: CmdletDecl): void;
  /** `$AWSHistory`: the AWS cmdlets this shell ran and their service calls (empty until one has run). */
  getAwsHistory(): unknown;
  /** Current location. */
  readonly cwd: string;
  /** The REPL prompt text (`PS /path> `, or the result of a user `prompt` function). */
  prompt(): Promise<string>;
  /** Tab completion: replacement range and candidates. */
  complete(line: string, cursor: number): Promise<{ start: number; end: number; matches: string[] }>;
}
