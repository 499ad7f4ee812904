// Write-Output, Write-Host, Write-Error, Write-Warning, Write-Verbose, Write-Debug, Write-Information, Write-Progress, Out-Null.
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { ErrorRecord, PSException, errorCategories } from '../../runtime/errors.js';
import { toStr } from '../../runtime/values/convert.js';
import { enumerateValue, UTILITY_MODULE, CORE_MODULE } from './util.js';

export const writeOutput: CmdletDecl = {
  name: 'Write-Output',
  module: UTILITY_MODULE,
  synopsis: 'Writes the specified objects to the pipeline.',
  description: 'Writes the specified objects to the pipeline. If Write-Output is the last command in the pipeline, the objects are displayed in the console.',
  outputType: ['System.Management.Automation.PSObject'],
  parameters: [
    // A single object in pwsh (remaining arguments arrive as one list), so a piped or passed collection keeps its type.
    { name: 'InputObject', type: 'object', position: 0, mandatory: true, valueFromPipeline: true, valueFromRemainingArguments: true, remainingAsOne: true, allowNull: true },
    { name: 'NoEnumerate', type: 'switch' },
  ],
  process(ctx) {
    const v = ctx.params.InputObject;
    if (v === undefined) return;
    return ctx.write(v, ctx.params.NoEnumerate !== true);
  },
};

/** Write-Host's text for one object: collections are flattened and joined with the separator. */
export function hostText(value: unknown, separator: string): string {
  if (typeof value === 'string') return value;
  const items = enumerateValue(value);
  if (items) return items.map((x) => hostText(x, separator)).join(separator);
  return toStr(value);
}

export const writeHost: CmdletDecl = {
  name: 'Write-Host',
  module: UTILITY_MODULE,
  synopsis: 'Writes customized output to a host.',
  description: 'The Write-Host cmdlet customizes output. You can specify the color of text by using the ForegroundColor parameter, and you can specify the background color by using the BackgroundColor parameter. The Separator parameter lets you specify a string to use to separate displayed objects.',
  parameters: [
    { name: 'Object', type: 'object', position: 0, valueFromPipeline: true, valueFromRemainingArguments: true },
    { name: 'NoNewline', type: 'switch' },
    { name: 'Separator', type: 'object' },
    { name: 'ForegroundColor', type: 'System.ConsoleColor' },
    { name: 'BackgroundColor', type: 'System.ConsoleColor' },
  ],
  process(ctx) {
    const p = ctx.params;
    const sep = p.Separator === undefined || p.Separator === null ? ' ' : toStr(p.Separator);
    const text = p.Object === undefined || p.Object === null ? '' : hostText(p.Object, sep);
    const color = (c: unknown) => (c === undefined || c === null ? undefined : toStr(c));
    ctx.writeHost(text, { noNewline: p.NoNewline === true, foregroundColor: color(p.ForegroundColor), backgroundColor: color(p.BackgroundColor) });
  },
};

function toException(v: unknown): PSException {
  if (v instanceof PSException) return v;
  if (v instanceof Error) return new PSException(v.message, 'System.Exception');
  return new PSException(toStr(v), 'System.Exception');
}

export const writeError: CmdletDecl = {
  name: 'Write-Error',
  module: UTILITY_MODULE,
  synopsis: 'Writes an object to the error stream.',
  description: 'The Write-Error cmdlet declares a non-terminating error. By default, errors are sent in the error stream to the host program to be displayed, along with output.',
  defaultParameterSet: 'NoException',
  parameters: [
    { name: 'Exception', type: 'System.Exception', position: 0, mandatory: true, parameterSets: ['WithException'] },
    { name: 'Message', type: 'string', aliases: ['Msg'], position: 0, mandatory: ['NoException'], valueFromPipeline: true, parameterSets: ['NoException', 'WithException'] },
    { name: 'ErrorRecord', type: 'System.Management.Automation.ErrorRecord', position: 0, mandatory: true, parameterSets: ['ErrorRecord'] },
    { name: 'Category', type: 'string', parameterSets: ['NoException', 'WithException'], validateSet: errorCategories },
    { name: 'ErrorId', type: 'string', parameterSets: ['NoException', 'WithException'] },
    { name: 'TargetObject', type: 'object', parameterSets: ['NoException', 'WithException'] },
    { name: 'RecommendedAction', type: 'string' },
    { name: 'CategoryActivity', type: 'string', aliases: ['Activity'] },
    { name: 'CategoryReason', type: 'string', aliases: ['Reason'] },
    { name: 'CategoryTargetName', type: 'string', aliases: ['TargetName'] },
    { name: 'CategoryTargetType', type: 'string', aliases: ['TargetType'] },
  ],
  process(ctx) {
    const p = ctx.params;
    let record: ErrorRecord;
    if (p.ErrorRecord instanceof ErrorRecord) {
      const src = p.ErrorRecord;
      record = new ErrorRecord(src.Exception, src.FullyQualifiedErrorId, src.CategoryInfo.Category, src.TargetObject, src.InvocationInfo);
      Object.assign(record.CategoryInfo, src.CategoryInfo);
      record.ErrorDetails = src.ErrorDetails ? { ...src.ErrorDetails } : null;
    } else {
      const hasException = p.Exception !== undefined && p.Exception !== null;
      const msg: string = p.Message ?? '';
      const ex = hasException ? toException(p.Exception) : new PSException(msg, 'Microsoft.PowerShell.Commands.WriteErrorException');
      const id = p.ErrorId ? String(p.ErrorId) : ex.typeName;
      record = new ErrorRecord(ex, id, p.Category ?? 'NotSpecified', p.TargetObject ?? null);
      if (hasException && msg) record.ErrorDetails = { Message: msg };
    }
    if (p.RecommendedAction) {
      record.ErrorDetails ??= { Message: record.toString() };
      (record.ErrorDetails as { RecommendedAction?: string }).RecommendedAction = p.RecommendedAction;
    }
    record.CategoryInfo.Activity = p.CategoryActivity || 'Write-Error';
    if (p.CategoryReason) record.CategoryInfo.Reason = p.CategoryReason;
    if (p.CategoryTargetName) record.CategoryInfo.TargetName = p.CategoryTargetName;
    if (p.CategoryTargetType) record.CategoryInfo.TargetType = p.CategoryTargetType;
    // An ErrorRecord (not ErrorDetails) is passed so no `,Microsoft.PowerShell.Commands.WriteErrorCommand` suffix is added.
    ctx.writeError(record);
  },
};

function messageCmdlet(name: string, stream: 'writeWarning' | 'writeVerbose' | 'writeDebug', synopsis: string): CmdletDecl {
  return {
    name,
    module: UTILITY_MODULE,
    synopsis,
    description: synopsis,
    parameters: [{ name: 'Message', type: 'string', aliases: ['Msg'], position: 0, mandatory: true, valueFromPipeline: true }],
    process(ctx) {
      ctx[stream](ctx.params.Message ?? '');
    },
  };
}

export const writeWarning = messageCmdlet('Write-Warning', 'writeWarning', 'Writes a warning message.');
export const writeVerbose = messageCmdlet('Write-Verbose', 'writeVerbose', 'Writes text to the verbose message stream.');
export const writeDebug = messageCmdlet('Write-Debug', 'writeDebug', 'Writes a debug message to the console.');

export const writeInformation: CmdletDecl = {
  name: 'Write-Information',
  module: UTILITY_MODULE,
  synopsis: 'Specifies how PowerShell handles information stream data for a command.',
  description: 'The Write-Information cmdlet specifies how PowerShell handles information stream data for a command.',
  parameters: [
    { name: 'MessageData', type: 'object', aliases: ['Msg', 'Message'], position: 0, mandatory: true },
    { name: 'Tags', type: 'string[]', position: 1 },
  ],
  process(ctx) {
    ctx.writeInformation(ctx.params.MessageData ?? null, ctx.params.Tags ?? []);
  },
};

export const writeProgress: CmdletDecl = {
  name: 'Write-Progress',
  module: UTILITY_MODULE,
  synopsis: 'Displays a progress bar within a PowerShell command window.',
  description: 'The Write-Progress cmdlet displays a progress bar in a PowerShell command window that depicts the status of a running command or script.',
  parameters: [
    { name: 'Activity', type: 'string', position: 0 },
    { name: 'Status', type: 'string', position: 1, validateNotNullOrEmpty: true },
    { name: 'Id', type: 'int', position: 2, validateRange: [0, 2147483647] },
    { name: 'PercentComplete', type: 'int', validateRange: [-1, 100] },
    { name: 'SecondsRemaining', type: 'int' },
    { name: 'CurrentOperation', type: 'string' },
    { name: 'ParentId', type: 'int' },
    { name: 'Completed', type: 'switch' },
    { name: 'SourceId', type: 'int' },
  ],
  process(ctx) {
    const p = ctx.params;
    ctx.writeProgress({
      activity: p.Activity ?? '',
      status: p.Status,
      percentComplete: p.PercentComplete,
      id: p.Id,
      completed: p.Completed === true,
    });
  },
};

export const outNull: CmdletDecl = {
  name: 'Out-Null',
  module: CORE_MODULE,
  synopsis: 'Hides the output instead of sending it down the pipeline or displaying it.',
  description: 'The Out-Null cmdlet sends its output to NULL, in effect, removing it from the pipeline and preventing the output from being displayed at the screen.',
  parameters: [{ name: 'InputObject', type: 'psobject', valueFromPipeline: true }],
  process() {},
};

export const cmdlets: CmdletDecl[] = [
  writeOutput, writeHost, writeError, writeWarning, writeVerbose, writeDebug, writeInformation, writeProgress, outNull,
];
