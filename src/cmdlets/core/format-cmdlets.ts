// Format-Table, Format-List, Format-Wide, Format-Custom, Out-String, Out-Host, Out-Default.
// Format-* emit one FormattedText that Out-Default/Out-String render at their own width (pwsh emits format
// objects; the rendered text is the same).
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSHashtable } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import {
  FormattedText, ComputedItem, formatLines, propertyNamesOf, enumerationLimitOf, enumerableItems, type ColumnSpec, type FormatterOptions, type Shape, type Alignment,
} from '../../runtime/format/index.js';
import { nameMatcher, isPromise, isScriptBlockValue, evalScript, UTILITY_MODULE } from './util.js';
import { isWildcardPattern } from '../../runtime/values/wildcard.js';
import { findNamedView, type ViewDefinition } from '../../runtime/format/views.js';
import { typeNamesOf } from '../../runtime/format/properties.js';
import { typeOf } from '../../runtime/types/index.js';

interface RawSpec {
  label: string;
  /** Property name (maybe with wildcards), or null for a script block. */
  property: string | null;
  script: unknown;
  width?: number;
  alignment?: Alignment;
  formatString?: string;
}

interface FormatState {
  items: Array<{ obj: unknown; computed: unknown[] | undefined }>;
  specs: RawSpec[] | null;
  groupBy: RawSpec | null;
}

const ALIGNMENTS: Record<string, Alignment> = { left: 'Left', right: 'Right', center: 'Center' };

function keyMatch(key: string, names: string[]): string | null {
  const k = key.toLowerCase();
  const hits = names.filter((n) => n.toLowerCase().startsWith(k));
  return hits.length >= 1 ? hits[0]! : null;
}

/** -Property values: names, script blocks, or @{Label/Name; Expression; Width; Alignment; FormatString}. */
function parseSpecs(ctx: CmdletContext, value: unknown, allowed: string[]): RawSpec[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((v): RawSpec => {
    if (v instanceof PSHashtable) {
      const seen: Record<string, unknown> = {};
      for (const [k, val] of v.entries()) {
        const key = keyMatch(String(k), allowed);
        if (!key) {
          ctx.throwTerminating({
            message: `The "${String(k)}" key is not valid.`,
            errorId: 'DictionaryKeyIllegal',
            category: 'InvalidArgument',
            exceptionType: 'System.NotSupportedException',
          });
        }
        seen[key === 'Name' ? 'Label' : key] = val;
      }
      if (!('Expression' in seen)) {
        ctx.throwTerminating({ message: 'The "Expression" key is missing.', errorId: 'DictionaryKeyMissing', category: 'InvalidArgument', exceptionType: 'System.NotSupportedException' });
      }
      const expr = seen.Expression;
      const isScript = isScriptBlockValue(expr);
      const align = seen.Alignment !== undefined ? ALIGNMENTS[toStr(seen.Alignment).toLowerCase()] : undefined;
      return {
        label: 'Label' in seen ? toStr(seen.Label) : toStr(expr),
        property: isScript ? null : toStr(expr),
        script: isScript ? expr : null,
        width: seen.Width !== undefined ? Number(seen.Width) : undefined,
        alignment: align,
        formatString: seen.FormatString !== undefined ? toStr(seen.FormatString) : undefined,
      };
    }
    if (isScriptBlockValue(v)) return { label: String(v), property: null, script: v };
    return { label: toStr(v), property: toStr(v), script: null };
  });
}

/** The object formatting sees first: collections (a hashtable: its entries) are formatted item by item. */
function firstFormatted(first: unknown): unknown {
  const items = first instanceof PSHashtable || Array.isArray(first) ? enumerableItems(first) : null;
  if (items) for (const x of items) return firstFormatted(x);
  return first;
}

/** Turn raw specs into engine columns; wildcard names expand against the first object's properties. */
function toColumns(specs: RawSpec[], first: unknown): ColumnSpec[] {
  const cols: ColumnSpec[] = [];
  specs.forEach((s, i) => {
    if (s.property !== null && isWildcardPattern(s.property)) {
      const m = nameMatcher(s.property);
      const names = propertyNamesOf(firstFormatted(first));
      for (const n of names) if (m.test(n)) cols.push({ label: n, property: n });
      return;
    }
    cols.push({
      label: s.label,
      property: s.property ?? undefined,
      computedIndex: s.script !== null ? i : undefined,
      width: s.width,
      alignment: s.alignment,
      formatString: s.formatString,
    });
  });
  return cols;
}

function collect(ctx: CmdletContext<FormatState>): void | Promise<void> {
  const obj = ctx.params.InputObject ?? null;
  if (!ctx.isBound('InputObject') && !ctx.expectingInput) return;
  const st = ctx.state;
  const scripts: Array<[number, unknown]> = [];
  st.specs?.forEach((s, i) => {
    if (s.script !== null) scripts.push([i, s.script]);
  });
  if (st.groupBy?.script) scripts.push([st.specs?.length ?? 0, st.groupBy.script]);
  if (scripts.length === 0) {
    st.items.push({ obj, computed: undefined });
    return;
  }
  const computed: unknown[] = [];
  const run = (k: number): void | Promise<void> => {
    for (; k < scripts.length; k++) {
      const [idx, sb] = scripts[k]!;
      const v = evalScript(ctx, sb, obj);
      if (isPromise(v)) {
        const next = k + 1;
        return v.then((x) => {
          computed[idx] = x;
          return run(next);
        });
      }
      computed[idx] = v;
    }
    st.items.push({ obj, computed });
  };
  return run(0);
}

function makeFormatCmdlet(name: string, shape: Shape, extra: CmdletDecl['parameters'], allowedKeys: string[], synopsis: string): CmdletDecl<FormatState> {
  return {
    name,
    module: UTILITY_MODULE,
    synopsis,
    outputType: ['Microsoft.PowerShell.Commands.Internal.Format'],
    parameters: [
      { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
      { name: 'Property', type: 'object[]', position: 0 },
      { name: 'GroupBy', type: 'object' },
      { name: 'View', type: 'string' },
      { name: 'ShowError', type: 'switch' },
      { name: 'DisplayError', type: 'switch' },
      { name: 'Force', type: 'switch' },
      { name: 'Expand', type: 'string', validateSet: ['CoreOnly', 'EnumOnly', 'Both'] },
      ...extra,
    ],
    init: () => ({ items: [], specs: null, groupBy: null }),
    begin(ctx) {
      const p = ctx.params;
      const given = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
      if (given(p.View) && p.View !== '' && (given(p.Property) || given(p.ExcludeProperty))) {
        ctx.throwTerminating({
          message: 'Cmdlet parameters View and Property are mutually exclusive.',
          errorId: 'FormatCannotSpecifyViewAndProperty',
          category: 'InvalidArgument',
          exceptionType: 'System.IO.InvalidDataException',
        });
      }
      if (p.AutoSize && given(p.Column)) {
        ctx.throwTerminating({
          message: 'Cmdlet parameters AutoSize and Column are mutually exclusive.',
          errorId: 'FormatCannotSpecifyAutosizeAndColumns',
          category: 'InvalidArgument',
          exceptionType: 'System.IO.InvalidDataException',
        });
      }
      if (ctx.params.Property !== undefined && ctx.params.Property !== null) ctx.state.specs = parseSpecs(ctx, ctx.params.Property, allowedKeys);
      // -ExcludeProperty alone means every property but those.
      else if (given(p.ExcludeProperty)) ctx.state.specs = parseSpecs(ctx, '*', allowedKeys);
      if (ctx.params.GroupBy !== undefined && ctx.params.GroupBy !== null) ctx.state.groupBy = parseSpecs(ctx, ctx.params.GroupBy, ['Label', 'Name', 'Expression', 'FormatString'])[0] ?? null;
    },
    process: collect,
    end(ctx) {
      const st = ctx.state;
      if (st.items.length === 0) return;
      const first = st.items.find((i) => i.obj !== null)?.obj ?? null;
      let columns = st.specs ? toColumns(st.specs, first) : undefined;
      const exclude = ctx.params.ExcludeProperty as string[] | undefined;
      if (columns && exclude && exclude.length > 0) {
        const matchers = exclude.map((e) => nameMatcher(toStr(e)));
        columns = columns.filter((c) => c.property === undefined || !matchers.some((m) => m.test(c.property!)));
      }
      let groupBy: ColumnSpec | undefined;
      if (st.groupBy) {
        const gi = st.specs?.length ?? 0;
        groupBy = { label: st.groupBy.label, property: st.groupBy.property ?? undefined, computedIndex: st.groupBy.script ? gi : undefined };
      }
      const p = ctx.params;
      let view: ViewDefinition | undefined;
      if (typeof p.View === 'string' && p.View !== '' && !st.specs) view = namedViewFor(ctx, name, shape, first, p.View);
      if (view?.wide && shape === 'wide') columns = [{ label: view.wide.label, property: view.wide.property, getter: view.wide.getter }];
      const base: Omit<FormatterOptions, 'width'> = {
        enumerationLimit: enumerationLimit(ctx),
        view,
        force: !!p.Force,
        shape,
        properties: columns,
        autoSize: !!p.AutoSize,
        wrap: !!p.Wrap,
        hideTableHeaders: !!p.HideTableHeaders,
        groupBy,
        columns: typeof p.Column === 'number' ? p.Column : undefined,
        depth: typeof p.Depth === 'number' ? p.Depth : undefined,
      };
      const items = st.items;
      const text = new FormattedText((width) => {
        const lines: string[] = [];
        // Rows carry their computed values; feed them through one formatter run.
        const run = formatLinesWithComputed(items, { ...base, width });
        for (const l of run) lines.push(l);
        return lines;
      });
      return ctx.write(text);
    },
  };
}

/** The -View view for the first object's type, or FormatViewNotFound (terminating, as pwsh stops the pipeline). */
function namedViewFor(ctx: CmdletContext, cmdlet: string, shape: Shape, first: unknown, viewName: string): ViewDefinition {
  const v = findNamedView(typeNamesOf(first), viewName);
  const fits = v && (shape === 'table' ? v.table : shape === 'list' ? v.list : v.wide);
  if (v && fits) return v;
  ctx.throwTerminating({
    message: `The view name ${viewName} cannot be found. There are no existing ${cmdlet} views for ${typeOf(first).FullName} objects.`,
    errorId: 'FormatViewNotFound',
    category: 'ObjectNotFound',
    exceptionType: 'System.Management.Automation.PipelineStoppedException',
    targetObject: viewName,
  });
}

function formatLinesWithComputed(items: Array<{ obj: unknown; computed: unknown[] | undefined }>, options: FormatterOptions): string[] {
  return formatLines(items.map((i) => (i.computed ? new ComputedItem(i.obj, i.computed) : i.obj)), options);
}

const formatTableCmdlet = makeFormatCmdlet(
  'Format-Table',
  'table',
  [
    { name: 'AutoSize', type: 'switch' },
    { name: 'RepeatHeader', type: 'switch' },
    { name: 'HideTableHeaders', type: 'switch' },
    { name: 'Wrap', type: 'switch' },
    { name: 'ExcludeProperty', type: 'string[]' },
  ],
  ['Label', 'Name', 'Expression', 'Width', 'Alignment', 'FormatString'],
  'Formats the output as a table.',
);
formatTableCmdlet.aliases = ['ft'];

const formatListCmdlet = makeFormatCmdlet(
  'Format-List',
  'list',
  [{ name: 'ExcludeProperty', type: 'string[]' }],
  ['Label', 'Name', 'Expression', 'FormatString'],
  'Formats the output as a list of properties in which each property appears on a new line.',
);
formatListCmdlet.aliases = ['fl'];

const formatWideCmdlet = makeFormatCmdlet(
  'Format-Wide',
  'wide',
  [
    { name: 'AutoSize', type: 'switch' },
    { name: 'Column', type: 'int', validateRange: [1, 2147483647] },
    { name: 'ExcludeProperty', type: 'string[]' },
  ],
  ['Expression', 'FormatString'],
  'Formats objects as a wide table that displays only one property of each object.',
);
formatWideCmdlet.aliases = ['fw'];

interface OutState {
  items: unknown[];
}

const outString: CmdletDecl<OutState> = {
  name: 'Out-String',
  module: UTILITY_MODULE,
  synopsis: 'Outputs input objects as a string.',
  outputType: ['System.String'],
  defaultParameterSet: 'NoNewLineFormatting',
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Width', type: 'int', validateRange: [2, 2147483647] },
    { name: 'Stream', type: 'switch', parameterSets: ['StreamFormatting'] },
    { name: 'NoNewline', type: 'switch', parameterSets: ['NoNewLineFormatting'] },
  ],
  init: () => ({ items: [] }),
  process(ctx) {
    if (!ctx.isBound('InputObject') && !ctx.expectingInput) return;
    ctx.state.items.push(ctx.params.InputObject ?? null);
  },
  end(ctx) {
    if (ctx.state.items.length === 0) return;
    const lines = formatLines(ctx.state.items, { width: width(ctx), enumerationLimit: enumerationLimit(ctx) });
    if (ctx.params.Stream) {
      for (const l of lines) ctx.write(l);
      return;
    }
    const text = ctx.params.NoNewline ? lines.join('') : lines.length === 0 ? '' : lines.join('\n') + '\n';
    return ctx.write(text);
  },
};

/** $global:FormatEnumerationLimit as the formatting cmdlets read it. */
export function enumerationLimit(ctx: CmdletContext): number {
  return enumerationLimitOf(ctx.getVariable('global:FormatEnumerationLimit'));
}

function width(ctx: CmdletContext): number {
  const w = ctx.params.Width;
  return typeof w === 'number' && w > 0 ? w : ctx.host.width || 120;
}

/** Out-Host / Out-Default: format to the host (the console formats to one column less than its width). */
function makeOutHost(name: string): CmdletDecl<OutState> {
  return {
    name,
    module: name === 'Out-Default' ? 'Microsoft.PowerShell.Core' : 'Microsoft.PowerShell.Core',
    synopsis: name === 'Out-Host' ? 'Sends output to the command line.' : 'Sends the output to the default formatter and to the default output cmdlet.',
    parameters: [
      { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
      ...(name === 'Out-Host' ? [{ name: 'Paging', type: 'switch' }] : [{ name: 'Transcript', type: 'switch' }]),
    ],
    init: () => ({ items: [] }),
    process(ctx) {
      if (!ctx.isBound('InputObject') && !ctx.expectingInput) return;
      ctx.state.items.push(ctx.params.InputObject ?? null);
    },
    end(ctx) {
      if (ctx.state.items.length === 0) return;
      const lines = formatLines(ctx.state.items, { width: Math.max(1, (ctx.host.width || 120) - 1), enumerationLimit: enumerationLimit(ctx) });
      for (const l of lines) ctx.writeHost(l);
    },
  };
}

const formatCustomCmdlet = makeFormatCmdlet(
  'Format-Custom',
  'custom',
  [
    { name: 'Depth', type: 'int', validateRange: [1, 2147483647] },
    { name: 'ExcludeProperty', type: 'string[]' },
  ],
  ['Expression', 'Depth'],
  'Uses a customized view to format the output.',
);
formatCustomCmdlet.aliases = ['fc'];

export const cmdlets: CmdletDecl[] = [formatTableCmdlet, formatListCmdlet, formatWideCmdlet, formatCustomCmdlet, outString, makeOutHost('Out-Host'), makeOutHost('Out-Default')];
