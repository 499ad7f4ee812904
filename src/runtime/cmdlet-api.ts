// How a cmdlet is declared (as data) and what it receives when it runs.
// Built-in cmdlets, generated AWS cmdlets and cmdlets registered by embedders all use this;
// the shared binder (src/runtime/interpreter/binder.ts) does all argument binding.

import type { ErrorRecord } from './errors.js';

/**
 * Parameter types understood by the binder. A string names a PowerShell type as in a cast
 * (`'string'`, `'string[]'`, `'int'`, `'object'`, `'object[]'`, `'scriptblock'`, `'hashtable'`, `'datetime'`,
 * `'switch'`, `'bool'`, `'long'`, `'double'`, `'type'`, ...). A function converts the raw argument itself
 * (throw a Error with a message to report ParameterArgumentTransformationError).
 */
export type ParameterType = string | ((value: unknown) => unknown);

export interface ParameterDecl {
  name: string;
  type?: ParameterType; // default 'object'
  aliases?: string[];
  /** Parameter sets this parameter belongs to; omitted = all sets. */
  parameterSets?: string[];
  /** true = mandatory in all its sets; an array = mandatory only in those sets. */
  mandatory?: boolean | string[];
  /** 0-based position; omitted = named only. */
  position?: number;
  valueFromPipeline?: boolean;
  valueFromPipelineByPropertyName?: boolean;
  valueFromRemainingArguments?: boolean;
  /**
   * ValueFromRemainingArguments on a single-object parameter (Write-Output's PSObject): one remaining argument binds
   * as itself, whatever collection it is; several bind as an array.
   */
  remainingAsOne?: boolean;
  helpMessage?: string;
  description?: string;
  validateSet?: string[];
  /**
   * Values tab completion offers after the parameter, like pwsh's [ArgumentCompletions]: unlike validateSet they
   * are not enforced. A function is called at completion time (so a large list can load lazily).
   */
  argumentCompletions?: string[] | (() => string[] | Promise<string[]>);
  validateSetCaseSensitive?: boolean;
  validateRange?: [number, number];
  /** [ValidateRange('Positive')] and the other ValidateRangeKind values. */
  validateRangeKind?: string;
  validateNotNull?: boolean;
  validateNotNullOrEmpty?: boolean;
  /** [AllowNull()] / [AllowEmptyString()] / [AllowEmptyCollection()] on a mandatory parameter. */
  allowNull?: boolean;
  allowEmptyString?: boolean;
  allowEmptyCollection?: boolean;
  validatePattern?: string;
  validateCount?: [number, number];
  /** [ValidateLength(min, max)]: the length of each string value. */
  validateLength?: [number, number];
  /** Extra validation: return an error message, or null when valid. */
  validate?: (value: unknown) => string | null;
  /** Hidden from Get-Help/Get-Command syntax and tab completion. */
  dontShow?: boolean;
  /**
   * A converter `type` that stands for a plain .NET parameter type: its failures read "Cannot bind parameter 'X'. ..."
   * (pwsh's type conversion), not "Cannot process argument transformation ...".
   */
  plainCmdletType?: boolean;
}

export type ConfirmImpact = 'None' | 'Low' | 'Medium' | 'High';

export interface CmdletDecl<State = any> {
  /** `Verb-Noun`. */
  name: string;
  parameters: ParameterDecl[];
  defaultParameterSet?: string;
  supportsShouldProcess?: boolean;
  confirmImpact?: ConfirmImpact;
  /** Module name shown by Get-Command (`Microsoft.PowerShell.Utility`, `AWS.Tools.S3`, ...). */
  module?: string;
  /** The implementing .NET class, named in binding errors' FullyQualifiedErrorId (default: derived from the name). */
  className?: string;
  synopsis?: string;
  description?: string;
  /** Output type names for Get-Help/Get-Command. */
  outputType?: string[];
  /** Extra text for Get-Help (e.g. the AWS service operation called). */
  notes?: string;
  /** Aliases the cmdlet defines (e.g. `%` for ForEach-Object is registered by the alias table instead). */
  aliases?: string[];
  /** Called once per invocation, before begin, to create per-invocation state (available as ctx.state). */
  init?: () => State;
  begin?: (ctx: CmdletContext<State>) => void | Promise<void>;
  /**
   * Called once per pipeline input object (with pipeline-bound parameters rebound), or once with no
   * input when the command is first in the pipeline. `ctx.params` holds all bound parameters.
   */
  process?: (ctx: CmdletContext<State>) => void | Promise<void>;
  end?: (ctx: CmdletContext<State>) => void | Promise<void>;
  /** Always runs last, even after errors or when the pipeline is stopped early. */
  clean?: (ctx: CmdletContext<State>) => void | Promise<void>;
}

/** Details for writing a non-terminating or terminating error. */
export interface ErrorDetails {
  message: string;
  /** The FullyQualifiedErrorId's first part, e.g. `PathNotFound`; the binder appends `,Microsoft.PowerShell.Commands.XxxCommand`. */
  errorId: string;
  /** ErrorCategory name: `ObjectNotFound`, `InvalidArgument`, `InvalidOperation`, `ResourceExists`, `WriteError`, `NotSpecified`, ... */
  category?: string;
  targetObject?: unknown;
  /** .NET exception type name for the record's Exception, e.g. `System.Management.Automation.ItemNotFoundException`. */
  exceptionType?: string;
  /** Any extra properties to put on the exception (AWS: ErrorCode, StatusCode, RequestId). */
  exceptionProperties?: Record<string, unknown>;
  /** The record's ErrorDetails.Message: shown instead of the exception's message (a web response's body). */
  detailsMessage?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

export interface InvokeScriptOptions {
  /** Value of `$_` / `$PSItem`. Omit to leave them unset. */
  dollarUnder?: unknown;
  /** Values of `$args` / positional arguments bound to the script block's param(). */
  args?: unknown[];
  /** Run in a new child scope (like `&`) instead of the caller's scope (like ForEach-Object/Where-Object). Default false. */
  newScope?: boolean;
  /** Where output goes; if omitted, output is collected and returned as an array. */
  output?: (value: unknown) => void | Promise<void>;
  /** Variables to define in the (new or current) scope before running. */
  variables?: Record<string, unknown>;
}

/** The host: where text goes and how the user is asked things. Implemented by the CLI, the REPL and embedders. */
export interface HostUI {
  /** Write-Host and Out-Host text (already formatted); newline=false for -NoNewline. */
  writeHost(text: string, options?: { noNewline?: boolean; foregroundColor?: string; backgroundColor?: string }): void;
  /** Terminal width in columns for formatting (120 when not a TTY). */
  readonly width: number;
  readonly interactive: boolean;
  /** Ask a yes/no/all question. Returns 'yes' | 'yesToAll' | 'no' | 'noToAll' | 'suspend'. Hosts without a user throw. */
  promptForChoice?(caption: string, message: string, choices: { label: string; help: string }[], defaultIndex: number): Promise<number>;
  /** Ask for a value (mandatory parameters, Read-Host). */
  readLine?(prompt: string, options?: { secret?: boolean }): Promise<string>;
}

/** What a running cmdlet gets. One context per command invocation; `params` is updated before each process call. */
export interface CmdletContext<State = any> {
  readonly name: string;
  /** Bound parameters by declared name (switches are booleans; unbound parameters are absent). */
  readonly params: Record<string, any>;
  /** Was this parameter bound (by name, position or pipeline) for the current item? */
  isBound(name: string): boolean;
  /** The parameter set chosen by the binder. */
  readonly parameterSetName: string;
  /** The current pipeline input object (what `$_` would be), or undefined when there is none. */
  readonly inputObject: unknown;
  /** Was there pipeline input at all for this invocation (false when the command is first in the pipeline)? */
  readonly expectingInput: boolean;
  readonly state: State;

  /** WriteObject: send one object down the pipeline; with enumerate=true, a collection is sent item by item. */
  write(value: unknown, enumerate?: boolean): void | Promise<void>;
  writeError(error: ErrorDetails | ErrorRecord): void;
  /** Throws a terminating error (never returns). */
  throwTerminating(error: ErrorDetails | ErrorRecord): never;
  writeWarning(message: string): void;
  writeVerbose(message: string): void;
  writeDebug(message: string): void;
  writeInformation(messageData: unknown, tags?: string[]): void;
  writeHost(text: string, options?: { noNewline?: boolean; foregroundColor?: string; backgroundColor?: string }): void;
  writeProgress(record: { activity: string; status?: string; percentComplete?: number; id?: number; completed?: boolean }): void;

  /** ShouldProcess for -WhatIf/-Confirm; prints the WhatIf line itself. */
  shouldProcess(target: string, action?: string): boolean | Promise<boolean>;

  /** Runs a script block (e.g. ForEach-Object's -Process). Returns collected output when options.output is not given. */
  invokeScript(scriptBlock: unknown, options?: InvokeScriptOptions): unknown[] | Promise<unknown[]> | void | Promise<void>;

  /** Session state access. */
  getVariable(name: string): unknown;
  setVariable(name: string, value: unknown): void;
  /** Current location (a filesystem path). */
  readonly cwd: string;
  /** Resolve a user-supplied path against the current location (handles `~`). */
  resolvePath(path: string): string;
  readonly host: HostUI;
  /** Aborted when the user presses Ctrl+C or the embedding caller cancels. */
  readonly signal: AbortSignal;
  /** The shell session; see SessionApi. */
  readonly session: SessionApi;
}

/** A command as Get-Command shows it. */
export interface CommandInfo {
  Name: string;
  CommandType: 'Alias' | 'Function' | 'Filter' | 'Cmdlet' | 'Application' | 'ExternalScript';
  /** Module name ('' for user functions). */
  ModuleName: string;
  Source: string;
  Version: string;
  /** Alias: the target command name; Function: the body text; Application: its path. */
  Definition: string;
  /** Alias only: what it resolves to. */
  ResolvedCommand: CommandInfo | null;
  /** Parameter declarations (cmdlets, and functions with param blocks converted to the same shape). */
  Parameters: ParameterDecl[];
  /** Cmdlets only. */
  decl?: CmdletDecl;
  /** Functions: every parameter the function binds (common ones too when it is advanced), worked out when asked. */
  parameterMetadata?: () => import('./interpreter/binder.js').ParamMeta[];
}

/** A variable as Get-Variable returns it. */
export interface PSVariableInfo {
  Name: string;
  Value: unknown;
  Description: string;
  Options: string; // 'None', 'ReadOnly', 'Constant', 'Private', 'AllScope' (comma-separated)
}

/** Cmdlets that load on first use: command lookup knows their names before their module is loaded. */
export interface LazyCommandSet {
  readonly names: readonly string[];
  load(): Promise<CmdletDecl[]>;
}

export interface IsolatedRunOptions {
  cwd: string;
  /** Global variables of the new shell (`$using:` values, the job's arguments). */
  variables: Record<string, unknown>;
}

/** Everything an isolated run produced, stream by stream. */
export interface IsolatedRun {
  output: unknown[];
  errors: ErrorRecord[];
  warnings: string[];
  verbose: string[];
  debug: string[];
  information: unknown[];
  /** The error that ended the run, if one did. */
  terminatingError: ErrorRecord | null;
}

/** Session state operations cmdlets need (implemented by the interpreter). */
export interface SessionApi {
  /** Runs script text in a new shell of its own (Start-Job); null when the embedder provided none. */
  readonly runIsolated: ((script: string, options: IsolatedRunOptions) => Promise<IsolatedRun>) | null;
  /** All commands visible from the current scope: aliases, functions, cmdlets (not native applications). */
  getCommands(): CommandInfo[];
  /** Resolve a name as the command lookup would (alias → function → cmdlet → application on PATH). */
  resolveCommand(name: string): CommandInfo | null;
  /** `scope`: 'global' | 'script' | 'local' | a number of levels up; default local (the caller's scope). */
  setAlias(name: string, target: string, options?: { scope?: string; description?: string; option?: string; force?: boolean }): void;
  removeAlias(name: string, scope?: string): boolean;
  /** Define (or replace) a function: `body` is a ScriptBlock or script text; scope as for setAlias. */
  setFunction(name: string, body: unknown, options?: { scope?: string }): void;
  removeFunction(name: string, scope?: string): boolean;
  /** The aliases defined in one scope ('global' | 'script' | 'local' | a number of levels up). */
  getAliases(scope: string): CommandInfo[];
  getVariableInfo(name: string, scope?: string): PSVariableInfo | null;
  /** All variables visible from the scope (or only that scope when given), by name. */
  getVariableInfos(scope?: string): PSVariableInfo[];
  /** `keepValue`: an existing variable keeps its value (Set-Variable without -Value changes options/description). */
  setVariable(name: string, value: unknown, options?: { scope?: string; option?: string; description?: string; force?: boolean; keepValue?: boolean }): void;
  newVariable(name: string, value: unknown, options?: { scope?: string; option?: string; description?: string; force?: boolean }): void;
  /** `force` removes a read-only variable (a constant one never goes). */
  removeVariable(name: string, scope?: string, force?: boolean): boolean;
  /** Parse and run text in the caller's scope (Invoke-Expression); output goes to `output` or is returned. */
  invokeExpression(text: string, output?: (v: unknown) => void | Promise<void>): unknown[] | Promise<unknown[]> | void | Promise<void>;
  /** Set the current location (Set-Location); throws PathNotFound errors itself. */
  setLocation(path: string): void;
  /** File system drives beyond the built-in ones (New-PSDrive, Pester's TestDrive): `name:` paths resolve under root. */
  addDrive(name: string, root: string): void;
  removeDrive(name: string): void;
  getDrives(): { name: string; root: string }[];
  /** Registered cmdlets (for Get-Help). */
  getCmdletDecl(name: string): CmdletDecl | null;
  /** Loads the cmdlet set that holds `name` if it is not loaded yet (before a lookup that can't wait). */
  loadCommand(name: string): Promise<void> | undefined;
  /** The shell's formatting width and host. */
  readonly host: HostUI;
  /** The command history (Get-History and its kin; the interactive host adds each command line it runs). */
  readonly history: import('./interpreter/history.js').SessionHistory;
}
