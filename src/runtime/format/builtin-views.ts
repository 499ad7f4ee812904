// Views of built-in types, as pwsh's DotNetTypes/PowerShellCore/FileSystem format data define them.
import { registerView } from './views.js';
import { formatDateTime, dateTimeDisplay } from '../types/index.js';
import { propertyValueOf } from './properties.js';

function dateOf(v: unknown): Date | null {
  return v instanceof Date ? v : null;
}

/** `1/15/2024  10:30 AM`: the file system view's LastWriteTime column ({0:d} and {0:t} with two spaces). */
function fileTime(v: unknown): string {
  const d = dateOf(v);
  return d ? `${formatDateTime(d, 'd')}  ${formatDateTime(d, 't')}` : '';
}

export function registerBuiltinViews(): void {
  registerView('System.Collections.DictionaryEntry', {
    table: { columns: [{ label: 'Name', width: 30 }, { label: 'Value' }] },
    list: { items: [{ label: 'Name' }, { label: 'Value' }] },
  });
  registerView('System.Collections.Generic.KeyValuePair', {
    table: { columns: [{ label: 'Key', width: 30 }, { label: 'Value' }] },
  });
  registerView('System.Management.Automation.PSVariable', {
    table: { columns: [{ label: 'Name', width: 30 }, { label: 'Value' }] },
  });
  registerView('Microsoft.PowerShell.Commands.GroupInfo', {
    table: { columns: [{ label: 'Count', width: 5, alignment: 'Right' }, { label: 'Name', width: 25 }, { label: 'Group' }] },
    list: { items: [{ label: 'Name' }, { label: 'Count' }, { label: 'Group' }, { label: 'Values' }] },
  });
  registerView('Microsoft.PowerShell.Commands.GroupInfoNoElement', {
    table: { columns: [{ label: 'Count', width: 5, alignment: 'Right' }, { label: 'Name' }] },
  });
  const commandColumns = {
    table: {
      columns: [
        { label: 'CommandType', width: 15 },
        { label: 'Name', width: 50, getter: commandDisplayName },
        { label: 'Version', width: 10 },
        { label: 'Source' },
      ],
    },
  };
  for (const t of ['CommandInfo', 'AliasInfo', 'CmdletInfo', 'FunctionInfo', 'FilterInfo', 'ApplicationInfo', 'ExternalScriptInfo']) {
    registerView(`System.Management.Automation.${t}`, commandColumns);
  }
  registerView('Microsoft.PowerShell.Commands.HistoryInfo', {
    table: {
      columns: [
        { label: 'Id', width: 4, alignment: 'Right' },
        { label: 'Duration', width: 12, alignment: 'Right', getter: historyDuration },
        { label: 'CommandLine' },
      ],
    },
    wide: { label: 'CommandLine' },
  });
  registerView('System.Management.Automation.PathInfo', { table: { columns: [{ label: 'Path' }] } });
  // pwsh has a view only for the Deserialized type; live objects list every property, StandardDeviation included.
  const measureItems = ['Count', 'Average', 'Sum', 'Maximum', 'Minimum', 'StandardDeviation', 'Property'].map((label) => ({ label }));
  registerView('Microsoft.PowerShell.Commands.GenericMeasureInfo', { list: { items: measureItems } });
  registerView('Microsoft.PowerShell.Commands.GenericObjectMeasureInfo', { list: { items: measureItems } });
  // TextMeasureInfo has no view in pwsh (only its Deserialized form does): it formats as a default table, numbers
  // right-aligned.
  registerView('System.TimeSpan', {
    list: {
      items: ['Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds', 'Ticks', 'TotalDays', 'TotalHours', 'TotalMinutes', 'TotalSeconds', 'TotalMilliseconds'].map(
        (label) => ({ label }),
      ),
    },
    listFirst: true,
    table: { columns: ['Days', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'].map((label) => ({ label })) },
  });
  registerView('System.Guid', { table: { columns: [{ label: 'Guid' }] } });
  registerView('System.Globalization.CultureInfo', {
    table: { columns: [{ label: 'LCID', width: 16 }, { label: 'Name', width: 16 }, { label: 'DisplayName' }] },
  });
  registerView('System.Version', {
    table: { columns: [{ label: 'Major', width: 6 }, { label: 'Minor', width: 6 }, { label: 'Build', width: 6 }, { label: 'Revision', width: 8 }] },
  });
  registerView('System.Management.Automation.SemanticVersion', {
    table: {
      columns: [
        { label: 'Major', width: 6 }, { label: 'Minor', width: 6 }, { label: 'Patch', width: 6 },
        { label: 'PreReleaseLabel', width: 15 }, { label: 'BuildLabel', width: 11 },
      ],
    },
  });
  // Type objects (`[int]`): DotNetTypes.format.ps1xml's System.RuntimeType table.
  registerView('System.RuntimeType', {
    table: {
      columns: [
        { label: 'IsPublic', width: 8 },
        { label: 'IsSerial', width: 8 },
        { label: 'Name', width: 40 },
        { label: 'BaseType' },
      ],
    },
  });
  // A script block shows as its text (pwsh writes ScriptBlock.ToString() for it).
  registerView('System.Management.Automation.ScriptBlock', { custom: (sb) => String(sb).split(/\r?\n/), outOfBand: true });
  // Stream records (in a redirected file, Out-String, or merged into output) show as their message text.
  for (const kind of ['Warning', 'Verbose', 'Debug', 'Information']) {
    registerView(`System.Management.Automation.${kind}Record`, { custom: (r) => String(r).split(/\r?\n/), outOfBand: true });
  }
  // Get-Date: the long date and time (DateTime's `DateTime` script property); a run of dates is one document, framed
  // by blank lines (`Get-Date; Get-Date` prints the two lines together).
  registerView('System.DateTime', { custom: (d) => [d instanceof Date ? dateTimeDisplay(d) : String(d)], framed: true });
  const fileView = {
    table: {
      columns: [
        { label: 'Mode', width: 7 },
        { label: 'LastWriteTime', width: 26, alignment: 'Right' as const, getter: (o: unknown) => fileTime(propertyValueOf(o, 'LastWriteTime')) },
        { label: 'Length', width: 14, alignment: 'Right' as const },
        { label: 'Name' },
      ],
      groupBy: {
        getter: (o: unknown) => directoryOf(o),
        header: (v: unknown) => `    Directory: ${String(v ?? '')}`,
      },
    },
  };
  registerView('System.IO.FileInfo', fileView);
  registerView('System.IO.DirectoryInfo', fileView);
}

function directoryOf(o: unknown): string {
  const dir = propertyValueOf(o, 'DirectoryName') ?? propertyValueOf(o, 'PSParentPath');
  if (typeof dir === 'string' && dir) return dir.replace(/^Microsoft\.PowerShell\.Core\\FileSystem::/, '');
  const full = propertyValueOf(o, 'FullName');
  if (typeof full === 'string') {
    const i = full.replace(/[\\/]+$/, '').lastIndexOf('/');
    return i > 0 ? full.slice(0, i) : '/';
  }
  return '';
}

/** Aliases show `name -> target` in the Name column. */
/** The history view's Duration: s.fff, m:ss.fff, h:mm:ss.fff, or total hours from 10 h on. */
function historyDuration(o: unknown): unknown {
  const d = propertyValueOf(o, 'Duration') as { Ticks?: number } | null;
  if (!d || typeof d.Ticks !== 'number') return '';
  const ms = Math.floor(d.Ticks / 10000);
  const fff = String(ms % 1000).padStart(3, '0');
  const s = Math.floor(ms / 1000) % 60;
  const m = Math.floor(ms / 60000) % 60;
  const h = Math.floor(ms / 3600000);
  if (h >= 10) return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${fff}`;
  if (h >= 1) return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${fff}`;
  if (m >= 1) return `${m}:${String(s).padStart(2, '0')}.${fff}`;
  return `${s}.${fff}`;
}

function commandDisplayName(o: unknown): unknown {
  const type = propertyValueOf(o, 'CommandType');
  const name = propertyValueOf(o, 'Name');
  if (String(type) === 'Alias') {
    const def = propertyValueOf(o, 'Definition');
    if (def) return `${String(name)} -> ${String(def)}`;
  }
  return name;
}
