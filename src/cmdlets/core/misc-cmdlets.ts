// Small cmdlets scripts call for facts about the machine and session: Get-Host, Get-Uptime, Get-TimeZone,
// Get-/Set-ExecutionPolicy (as on Linux pwsh), Import-PowerShellDataFile and Register-ArgumentCompleter.
import * as fs from 'node:fs';
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { PSObject } from '../../runtime/values/objects.js';
import { TimeSpan, makeDate } from '../../runtime/types/index.js';
import { parse } from '../../parser/index.js';
import { CORE_MODULE, MANAGEMENT_MODULE, UTILITY_MODULE, asStringArray } from './util.js';

const SECURITY_MODULE = 'Microsoft.PowerShell.Security';

function uptimeSeconds(): number {
  return Number(fs.readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
}

/** What Intl says of an IANA zone now: a `long`/`longOffset` name ("GMT-05:00"), or null for an unknown id. */
function zoneName(id: string, style: 'long' | 'longOffset'): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: style }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? null;
  } catch {
    return null;
  }
}

/** A TimeZoneInfo for an IANA id (as .NET reports zones on Linux), with its current offset; null for an unknown id. */
function timeZone(id: string): PSObject | null {
  const offsetText = zoneName(id, 'longOffset');
  if (offsetText === null) return null;
  // "GMT", "GMT+05:30", "GMT-05:00".
  const m = /([+-])(\d\d):(\d\d)/.exec(offsetText);
  const offsetMinutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const long = zoneName(id, 'long') ?? id;
  const tz = new PSObject(['System.TimeZoneInfo', 'System.Object']);
  const props: [string, unknown][] = [
    ['Id', id],
    ['HasIanaId', true],
    ['DisplayName', `(UTC${m ? `${m[1]}${m[2]}:${m[3]}` : ''}) ${long}`],
    ['StandardName', long],
    ['DaylightName', long],
    ['BaseUtcOffset', new TimeSpan(offsetMinutes * 60 * TimeSpan.TicksPerSecond)],
    ['SupportsDaylightSavingTime', false],
  ];
  for (const [name, value] of props) tz.addMember({ name, memberType: 'NoteProperty', value });
  return tz;
}

/** Node kinds a data file may hold: literals, arrays and hashtables (no commands, no expressions with effects). */
const DATA_KINDS = new Set(['ScriptBlock', 'NamedBlock', 'Pipeline', 'CommandExpression', 'Hashtable', 'ArrayLiteral', 'ArrayExpression', 'StatementBlock', 'StringConstant', 'Constant', 'ParenExpression']);
const DATA_VARIABLES = new Set(['true', 'false', 'null']);

/** The first node that is not plain data (pwsh's "dynamic expression"), or null. */
function dynamicPart(node: unknown): { start: number; end: number } | null {
  if (Array.isArray(node)) {
    for (const n of node) {
      const bad = dynamicPart(n);
      if (bad) return bad;
    }
    return null;
  }
  if (node === null || typeof node !== 'object') return null;
  const n = node as Record<string, unknown> & { kind?: string; start: number; end: number };
  if (typeof n.kind === 'string') {
    if (n.kind === 'Variable') return DATA_VARIABLES.has(String(n.name).toLowerCase()) ? null : n;
    if (n.kind === 'UnaryExpression') return (n.operator === '-' || n.operator === '+') ? dynamicPart(n.operand) : n;
    if (!DATA_KINDS.has(n.kind)) return n;
  }
  for (const [k, v] of Object.entries(n)) {
    if (k === 'source' || v === null || typeof v !== 'object') continue;
    const bad = dynamicPart(v);
    if (bad) return bad;
  }
  return null;
}

export const cmdlets: CmdletDecl[] = [
  {
    name: 'Get-Host',
    module: UTILITY_MODULE,
    synopsis: 'Gets an object that represents the current host program.',
    outputType: ['System.Management.Automation.Host.PSHost'],
    parameters: [],
    end(ctx) {
      return ctx.write(ctx.getVariable('Host'));
    },
  },
  {
    name: 'Get-Uptime',
    module: UTILITY_MODULE,
    synopsis: 'Gets the TimeSpan since last boot.',
    outputType: ['System.TimeSpan', 'System.DateTime'],
    defaultParameterSet: 'Timespan',
    parameters: [{ name: 'Since', type: 'switch', parameterSets: ['Since'] }],
    end(ctx) {
      const seconds = uptimeSeconds();
      return ctx.write(ctx.params.Since ? makeDate(Date.now() - seconds * 1000) : new TimeSpan(Math.round(seconds * TimeSpan.TicksPerSecond)));
    },
  },
  {
    name: 'Get-TimeZone',
    module: MANAGEMENT_MODULE,
    synopsis: 'Gets the current time zone or a list of available time zones.',
    outputType: ['System.TimeZoneInfo'],
    parameters: [
      { name: 'Name', type: 'string[]', position: 0, parameterSets: ['Name'] },
      { name: 'Id', type: 'string[]', parameterSets: ['Id'], mandatory: true },
      { name: 'ListAvailable', type: 'switch', parameterSets: ['ListAvailable'], mandatory: true },
    ],
    end(ctx) {
      if (ctx.params.ListAvailable) {
        for (const id of Intl.supportedValuesOf('timeZone')) ctx.write(timeZone(id));
        return;
      }
      const local = Intl.DateTimeFormat().resolvedOptions().timeZone || 'Etc/UTC';
      const wanted = ctx.isBound('Id') ? asStringArray(ctx.params.Id) : ctx.isBound('Name') ? asStringArray(ctx.params.Name) : [local];
      for (const id of wanted) {
        const tz = timeZone(id);
        if (tz) ctx.write(tz);
        else
          ctx.writeError({
            message: `A time zone with the ${ctx.isBound('Name') ? 'name' : 'specified ID'} '${id}' was not found.`,
            errorId: 'TimeZoneNotFound',
            category: 'ObjectNotFound',
            targetObject: id,
            exceptionType: 'System.TimeZoneNotFoundException',
          });
      }
    },
  },
  {
    name: 'Get-ExecutionPolicy',
    module: SECURITY_MODULE,
    synopsis: 'Gets the execution policies for the current session.',
    outputType: ['Microsoft.PowerShell.ExecutionPolicy'],
    parameters: [
      { name: 'Scope', type: 'string', position: 0, validateSet: ['Process', 'CurrentUser', 'LocalMachine', 'UserPolicy', 'MachinePolicy'] },
      { name: 'List', type: 'switch' },
    ],
    end(ctx) {
      // Off Windows execution policies do not apply: everything is Unrestricted, as pwsh reports it.
      const scopes: [string, string][] = [['MachinePolicy', 'Undefined'], ['UserPolicy', 'Undefined'], ['Process', 'Undefined'], ['CurrentUser', 'Undefined'], ['LocalMachine', 'Unrestricted']];
      if (!ctx.params.List) {
        const scope = ctx.params.Scope as string | undefined;
        return ctx.write(scope ? (scopes.find(([s]) => s.toLowerCase() === scope.toLowerCase())?.[1] ?? 'Undefined') : 'Unrestricted');
      }
      for (const [Scope, ExecutionPolicy] of scopes) {
        const o = new PSObject(['System.Management.Automation.PSCustomObject', 'System.Object']);
        o.addMember({ name: 'Scope', memberType: 'NoteProperty', value: Scope });
        o.addMember({ name: 'ExecutionPolicy', memberType: 'NoteProperty', value: ExecutionPolicy });
        ctx.write(o);
      }
    },
  },
  {
    name: 'Set-ExecutionPolicy',
    module: SECURITY_MODULE,
    synopsis: 'Sets the PowerShell execution policies for Windows computers.',
    supportsShouldProcess: true,
    parameters: [
      { name: 'ExecutionPolicy', type: 'string', position: 0, mandatory: true, validateSet: ['Unrestricted', 'RemoteSigned', 'AllSigned', 'Restricted', 'Default', 'Bypass', 'Undefined'] },
      { name: 'Scope', type: 'string', position: 1, validateSet: ['Process', 'CurrentUser', 'LocalMachine', 'UserPolicy', 'MachinePolicy'] },
      { name: 'Force', type: 'switch' },
    ],
    end(ctx) {
      ctx.throwTerminating({
        message: 'Operation is not supported on this platform.',
        errorId: 'System.PlatformNotSupportedException',
        category: 'NotSpecified',
        exceptionType: 'System.PlatformNotSupportedException',
      });
    },
  },
  {
    name: 'Import-PowerShellDataFile',
    module: UTILITY_MODULE,
    synopsis: 'Imports values from a .PSD1 file without invoking its contents.',
    outputType: ['System.Collections.Hashtable'],
    defaultParameterSet: 'ByPath',
    parameters: [
      { name: 'Path', type: 'string[]', position: 0, mandatory: true, parameterSets: ['ByPath'], valueFromPipelineByPropertyName: true },
      { name: 'LiteralPath', type: 'string[]', aliases: ['PSPath', 'LP'], mandatory: true, parameterSets: ['ByLiteralPath'], valueFromPipelineByPropertyName: true },
      { name: 'SkipLimitCheck', type: 'switch' },
    ],
    process(ctx) {
      const paths = ((ctx.params.Path ?? ctx.params.LiteralPath) as string[]).map((p) => ctx.resolvePath(String(p)));
      const next = (i: number): void | Promise<void> => {
        for (; i < paths.length; i++) {
          const file = paths[i]!;
          let text: string;
          try {
            text = fs.readFileSync(file, 'utf8');
          } catch {
            ctx.writeError({ message: `Cannot find path '${file}' because it does not exist.`, errorId: 'PathNotFound', category: 'ObjectNotFound', targetObject: file, exceptionType: 'System.Management.Automation.ItemNotFoundException' });
            continue;
          }
          const parsed = parse(text, file);
          const statements = parsed.ast.endBlock?.statements ?? [];
          const only = statements.length === 1 ? statements[0] : null;
          const isHashtable = only?.kind === 'Pipeline' && only.elements.length === 1 && only.elements[0]!.kind === 'CommandExpression' && only.elements[0]!.expression.kind === 'Hashtable';
          if (parsed.errors.length || !isHashtable) {
            ctx.writeError({
              message: `Cannot convert '${file}' to a hashtable. The file does not contain a valid PowerShell data file.`,
              errorId: 'CouldNotParseAsPowerShellDataFileNoHashtableRoot',
              category: 'InvalidData',
              targetObject: file,
              exceptionType: 'System.InvalidOperationException',
            });
            continue;
          }
          const bad = dynamicPart(only);
          if (bad) {
            ctx.writeError({
              message: `Cannot generate a PowerShell object for a ScriptBlock evaluating dynamic expressions. Dynamic expression: ${text.slice(bad.start, bad.end)}.`,
              errorId: 'System.InvalidOperationException',
              category: 'InvalidData',
              targetObject: file,
              exceptionType: 'System.InvalidOperationException',
            });
            continue;
          }
          // Only constants are left: evaluating the text can have no effect beyond building the hashtable.
          const r = ctx.session.invokeExpression(text, (v) => ctx.write(v));
          if (r instanceof Promise) {
            const after = i + 1;
            return r.then(() => next(after));
          }
        }
      };
      return next(0);
    },
  },
  {
    name: 'Register-ArgumentCompleter',
    module: CORE_MODULE,
    synopsis: 'Registers a custom argument completer.',
    defaultParameterSet: 'PowerShellSet',
    parameters: [
      { name: 'CommandName', type: 'string[]', parameterSets: ['NativeSet', 'PowerShellSet'], mandatory: ['NativeSet'] },
      { name: 'ParameterName', type: 'string', parameterSets: ['PowerShellSet'], mandatory: true },
      { name: 'ScriptBlock', type: 'scriptblock', mandatory: true },
      { name: 'Native', type: 'switch', parameterSets: ['NativeSet'] },
    ],
    // Completers serve interactive tab completion; registering one in a script has no other effect.
    end() {},
  },
];
