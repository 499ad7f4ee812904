// ErrorRecord and the exceptions scripts catch. A PSRuntimeError carries an ErrorRecord through JS `throw`.
import type { Extent, SourceFile } from '../parser/ast.js';
import { positionOf } from '../parser/extent.js';
import { PSObject, PSHashtable } from './values/objects.js';
import { categoryInfoText, errorCategoryText } from './format/error-view.js';

/**
 * A .NET-like exception object. `typeName` is the full .NET type name used for typed `catch`,
 * `$_.Exception.GetType().FullName` and CategoryInfo's reason (the last segment).
 */
export class PSException {
  /** Extra properties (e.g. AWS ErrorCode/StatusCode/RequestId, ParameterName...). */
  [key: string]: unknown;
  constructor(
    public Message: string,
    public typeName = 'System.Management.Automation.RuntimeException',
    public InnerException: PSException | null = null,
  ) {}
  toString(): string {
    return this.Message;
  }
}

/** .NET exception type hierarchy for typed catch: child → parent. Unknown types derive from System.Exception. */
export const exceptionBaseTypes: Record<string, string> = {
  'System.SystemException': 'System.Exception',
  'System.ApplicationException': 'System.Exception',
  'System.ArgumentException': 'System.SystemException',
  'System.ArgumentNullException': 'System.ArgumentException',
  'System.ArgumentOutOfRangeException': 'System.ArgumentException',
  'System.ArithmeticException': 'System.SystemException',
  'System.DivideByZeroException': 'System.ArithmeticException',
  'System.OverflowException': 'System.ArithmeticException',
  'System.FormatException': 'System.SystemException',
  'System.InvalidCastException': 'System.SystemException',
  'System.InvalidOperationException': 'System.SystemException',
  'System.ObjectDisposedException': 'System.InvalidOperationException',
  'System.NotSupportedException': 'System.SystemException',
  'System.NotImplementedException': 'System.SystemException',
  'System.NullReferenceException': 'System.SystemException',
  'System.IndexOutOfRangeException': 'System.SystemException',
  'System.Collections.Generic.KeyNotFoundException': 'System.SystemException',
  'System.TimeoutException': 'System.SystemException',
  'System.OperationCanceledException': 'System.SystemException',
  'System.IO.IOException': 'System.SystemException',
  'System.IO.FileNotFoundException': 'System.IO.IOException',
  'System.IO.DirectoryNotFoundException': 'System.IO.IOException',
  'System.UnauthorizedAccessException': 'System.SystemException',
  'System.Management.Automation.RuntimeException': 'System.SystemException',
  'System.Management.Automation.ActionPreferenceStopException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ParseException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.IncompleteParseException': 'System.Management.Automation.ParseException',
  'System.Management.Automation.ScriptRequiresException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ParameterBindingException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.CommandNotFoundException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ItemNotFoundException': 'System.Management.Automation.SessionStateException',
  'System.Management.Automation.SessionStateException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.SessionStateUnauthorizedAccessException': 'System.Management.Automation.SessionStateException',
  'System.Management.Automation.DriveNotFoundException': 'System.Management.Automation.SessionStateException',
  'System.Management.Automation.ProviderNotFoundException': 'System.Management.Automation.SessionStateException',
  'System.Management.Automation.ValidationMetadataException': 'System.Management.Automation.MetadataException',
  'System.Management.Automation.MetadataException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ArgumentTransformationMetadataException': 'System.Management.Automation.MetadataException',
  'System.Management.Automation.PSInvalidCastException': 'System.InvalidCastException',
  'System.Management.Automation.PSArgumentException': 'System.ArgumentException',
  'System.Management.Automation.PSArgumentNullException': 'System.ArgumentNullException',
  'System.Management.Automation.PSArgumentOutOfRangeException': 'System.ArgumentOutOfRangeException',
  'System.Management.Automation.PSInvalidOperationException': 'System.InvalidOperationException',
  'System.Management.Automation.PSNotSupportedException': 'System.NotSupportedException',
  'System.Management.Automation.MethodInvocationException': 'System.Management.Automation.MethodException',
  'System.Management.Automation.MethodException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.PropertyNotFoundException': 'System.Management.Automation.ExtendedTypeSystemException',
  'System.Management.Automation.SetValueInvocationException': 'System.Management.Automation.SetValueException',
  'System.Management.Automation.SetValueException': 'System.Management.Automation.ExtendedTypeSystemException',
  'System.Management.Automation.GetValueInvocationException': 'System.Management.Automation.GetValueException',
  'System.Management.Automation.GetValueException': 'System.Management.Automation.ExtendedTypeSystemException',
  'System.Management.Automation.ExtendedTypeSystemException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.PipelineStoppedException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.WildcardPatternException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.CmdletInvocationException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ApplicationFailedException': 'System.Management.Automation.RuntimeException',
  'System.Management.Automation.ScriptCallDepthException': 'System.SystemException',
  'System.Management.Automation.ParameterBindingValidationException': 'System.Management.Automation.ParameterBindingException',
  'System.Management.Automation.ParameterBindingArgumentTransformationException': 'System.Management.Automation.ParameterBindingException',
  'Microsoft.PowerShell.Commands.WriteErrorException': 'System.SystemException',
  'System.Text.RegularExpressions.RegexParseException': 'System.ArgumentException',
  'System.Net.Http.HttpRequestException': 'System.Exception',
  'Microsoft.PowerShell.Commands.HttpResponseException': 'System.Net.Http.HttpRequestException',
  'System.Exception': 'System.Object',
};

/** Is exception type `typeName` the same as or derived from `baseName` (both full names)? */
export function exceptionIsA(typeName: string, baseName: string): boolean {
  const want = baseName.toLowerCase();
  let t: string | undefined = typeName;
  for (let guard = 0; t && guard < 20; guard++) {
    if (t.toLowerCase() === want) return true;
    if (t === 'System.Exception') return false;
    t = exceptionBaseTypes[t] ?? (t === 'System.Object' ? undefined : 'System.Exception');
  }
  return false;
}

export interface InvocationInfo {
  ScriptName: string;
  ScriptLineNumber: number;
  OffsetInLine: number;
  Line: string;
  PositionMessage: string;
  MyCommand: string | null;
  InvocationName: string;
  /** Internal: the extent and file for rendering. */
  extent?: Extent;
  source?: SourceFile;
}

export interface CategoryInfo {
  Category: string;
  Activity: string;
  Reason: string;
  TargetName: string;
  TargetType: string;
}

/** ErrorRecord.CategoryInfo: plain fields, and ToString() as the error view renders it. */
export class ErrorCategoryInfo implements CategoryInfo {
  constructor(
    public Category: string,
    public Activity: string,
    public Reason: string,
    public TargetName: string,
    public TargetType: string,
  ) {}
  toString(): string {
    const record = categoryRecords.get(this);
    return record ? errorCategoryText(record) : categoryInfoText(this);
  }
}
const categoryRecords = new WeakMap<CategoryInfo, ErrorRecord>();

export class ErrorRecord {
  Exception: PSException;
  FullyQualifiedErrorId: string;
  CategoryInfo: CategoryInfo;
  TargetObject: unknown;
  InvocationInfo: InvocationInfo | null;
  ErrorDetails: { Message: string } | null = null;
  ScriptStackTrace = '';
  /** Set when the record came from a parse error. */
  isParseError = false;

  constructor(
    exception: PSException,
    errorId: string,
    category: string,
    targetObject: unknown,
    invocationInfo: InvocationInfo | null = null,
    activity = '',
  ) {
    this.Exception = exception;
    this.FullyQualifiedErrorId = errorId;
    this.TargetObject = targetObject ?? null;
    this.InvocationInfo = invocationInfo;
    const reason = exception.typeName.slice(exception.typeName.lastIndexOf('.') + 1);
    this.CategoryInfo = new ErrorCategoryInfo(
      category,
      activity,
      reason,
      targetObject === null || targetObject === undefined ? '' : String(targetObject),
      targetObject === null || targetObject === undefined ? '' : targetTypeName(targetObject),
    );
    categoryRecords.set(this.CategoryInfo, this);
  }

  toString(): string {
    return this.ErrorDetails?.Message ?? this.Exception.Message;
  }
}

function targetTypeName(v: unknown): string {
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Int32' : 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) return 'Object[]';
  if (v instanceof PSObject) return 'PSCustomObject';
  if (v instanceof PSHashtable) return 'Hashtable';
  const full = dotnetTypeNameOf(v);
  if (full) return full.slice(full.lastIndexOf('.') + 1);
  const ctor = (v as object)?.constructor?.name;
  return ctor && ctor !== 'Object' ? ctor.replace(/\d+$/, '') : 'Object';
}

/** The types layer tells messages the .NET type of its values (`System.RuntimeType`, `System.TimeSpan`...). */
let typeNameHook: ((v: unknown) => string | undefined) | null = null;
export function setTypeNameHook(fn: (v: unknown) => string | undefined): void {
  typeNameHook = fn;
}
export function dotnetTypeNameOf(v: unknown): string | undefined {
  return typeNameHook?.(v);
}

/** A terminating error travelling through JS `throw`. */
export class PSRuntimeError extends Error {
  /**
   * Script-terminating (throw, -ErrorAction Stop, failed assertions) rather than statement-terminating:
   * it unwinds to the nearest try/trap instead of letting the next statement run.
   */
  scriptTerminating = false;
  /** Raised by a `throw` statement: pwsh lets $ErrorActionPreference SilentlyContinue/Ignore suppress it when no
   * try or trap encloses it. */
  fromThrow = false;
  /** Set by $PSCmdlet.ThrowTerminatingError: the frame of the command it ends. The error unwinds that command's
   * statements, then is an ordinary (statement-terminating) error for its caller. */
  unwindTo: object | null = null;
  /** The exception .NET code calling the pipeline sees, when it is not the record's own exception
   * (ActionPreferenceStopException, CmdletInvocationException). */
  thrown: PSException | null = null;
  constructor(public readonly errorRecord: ErrorRecord) {
    super(errorRecord.Exception.Message);
    this.name = 'PSRuntimeError';
  }
}

/** Convenience: build a runtime error. `errorId` is the FullyQualifiedErrorId. */
export function runtimeError(
  message: string,
  errorId: string,
  options: { category?: string; exceptionType?: string; target?: unknown; extent?: Extent; source?: SourceFile } = {},
): PSRuntimeError {
  const ex = new PSException(message, options.exceptionType ?? 'System.Management.Automation.RuntimeException');
  const rec = new ErrorRecord(ex, errorId, options.category ?? 'NotSpecified', options.target ?? null);
  if (options.extent && options.source) rec.InvocationInfo = makeInvocationInfo(options.extent, options.source, null);
  return new PSRuntimeError(rec);
}

/** On a `$MyInvocation` object: the InvocationInfo of the call it describes (what Write-Error reports its errors at). */
export const CALL_SITE: unique symbol = Symbol('awsh.callSite');

export function makeInvocationInfo(extent: Extent, source: SourceFile, commandName: string | null): InvocationInfo {
  const pos = positionOf(extent, source);
  const lines = source.text.split(/\r?\n/);
  const line = lines[pos.line - 1] ?? '';
  return {
    ScriptName: source.path ?? '',
    ScriptLineNumber: pos.line,
    OffsetInLine: pos.column,
    Line: line,
    PositionMessage: positionMessage(extent, source),
    MyCommand: commandName,
    InvocationName: commandName ?? '',
    extent,
    source,
  };
}

/**
 * pwsh's position message:
 * ```
 * At /path/script.ps1:3 char:5
 * + $x = 1/0
 * +     ~~~
 * ```
 * For -c input the file part is `line:1 char:5`.
 */
export function positionMessage(extent: Extent, source: SourceFile): string {
  const pos = positionOf(extent, source);
  const lines = source.text.split(/\r?\n/);
  const line = lines[pos.line - 1] ?? '';
  const where = source.path ? `At ${source.path}:${pos.line} char:${pos.column}` : `At line:${pos.line} char:${pos.column}`;
  const width = pos.endLine === pos.line ? Math.max(1, pos.endColumn - pos.column) : Math.max(1, line.length - pos.column + 1);
  const marker = ' '.repeat(Math.max(0, pos.column - 1)) + '~'.repeat(width);
  return `${where}\n+ ${line}\n+ ${marker}`;
}

/** ErrorCategory names, for validation and display. */
export const errorCategories = [
  'NotSpecified', 'OpenError', 'CloseError', 'DeviceError', 'DeadlockDetected', 'InvalidArgument', 'InvalidData',
  'InvalidOperation', 'InvalidResult', 'InvalidType', 'MetadataError', 'NotImplemented', 'NotInstalled', 'ObjectNotFound',
  'OperationStopped', 'OperationTimeout', 'SyntaxError', 'ParserError', 'PermissionDenied', 'ResourceBusy', 'ResourceExists',
  'ResourceUnavailable', 'ReadError', 'WriteError', 'FromStdErr', 'SecurityError', 'ProtocolError', 'ConnectionError',
  'AuthenticationError', 'LimitsExceeded', 'QuotaExceeded', 'NotEnabled',
];

/**
 * The value of script code run where the caller cannot wait (conversions, ToString() for formatting, comparers): a
 * Promise there means a command in it went async, which is reported instead of leaking the Promise as a value.
 */
export function requireSync<T>(v: T | Promise<T>): T {
  if (!(v instanceof Promise)) return v;
  v.catch(() => {});
  throw runtimeError('This script block runs an asynchronous command and cannot be invoked here.', 'AsyncNotSupported', { category: 'NotImplemented' });
}
