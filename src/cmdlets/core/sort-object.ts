// Sort-Object: sort by one or more keys (names, script blocks, @{Expression=..; Descending=..}), -Unique, -Top/-Bottom.
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { parsePropertySpecs, type PropertySpec } from './property-expr.js';
import { makeEntry, compareEntries, type OrderEntry } from './order-keys.js';
import { introSort } from './introsort.js';
import { isPromise, UTILITY_MODULE } from './util.js';

interface SortState {
  specs: PropertySpec[];
  entries: OrderEntry[];
}

export const sortObject: CmdletDecl<SortState> = {
  name: 'Sort-Object',
  module: UTILITY_MODULE,
  synopsis: 'Sorts objects by property values.',
  description:
    'The Sort-Object cmdlet sorts objects in ascending or descending order based on object property values. If sort properties are not included in a command, PowerShell uses the objects themselves.',
  defaultParameterSet: 'Default',
  outputType: ['System.Management.Automation.PSObject'],
  parameters: [
    { name: 'Stable', type: 'switch', parameterSets: ['Default'] },
    { name: 'Descending', type: 'switch' },
    { name: 'Unique', type: 'switch' },
    { name: 'Top', type: 'int', mandatory: true, parameterSets: ['Top'], validateRange: [1, 2147483647] },
    { name: 'Bottom', type: 'int', mandatory: true, parameterSets: ['Bottom'], validateRange: [1, 2147483647] },
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Property', type: 'object[]', position: 0 },
    { name: 'Culture', type: 'string' },
    { name: 'CaseSensitive', type: 'switch' },
  ],
  init: () => ({ specs: [], entries: [] }),
  begin(ctx) {
    ctx.state.specs = parsePropertySpecs(ctx.params.Property, 'sort');
  },
  process(ctx) {
    const input = ctx.params.InputObject;
    if (input === undefined) return;
    const e = makeEntry(ctx, ctx.state.specs, input);
    if (isPromise(e)) return e.then((x) => void ctx.state.entries.push(x));
    ctx.state.entries.push(e);
  },
  end(ctx) {
    const { specs, entries } = ctx.state;
    const descending = ctx.params.Descending === true;
    const cs = ctx.params.CaseSensitive === true;
    const ascending = specs.length === 0 ? [!descending] : specs.map((s) => keyAscending(s, descending));
    const cmp = (a: OrderEntry, b: OrderEntry) => compareEntries(a, b, ascending, cs);
    // pwsh's plain sort is .NET's unstable introsort; -Stable, -Top and -Bottom use its stable heap sort.
    const stable = ctx.params.Stable === true || ctx.isBound('Top') || ctx.isBound('Bottom');
    let sorted = stable ? entries.slice().sort(cmp) : introSort(entries.slice(), cmp);
    if (ctx.params.Unique) {
      const unique: OrderEntry[] = [];
      for (const e of sorted) if (unique.length === 0 || compareEntries(unique[unique.length - 1], e, ascending, cs) !== 0) unique.push(e);
      sorted = unique;
    }
    if (ctx.isBound('Top')) sorted = sorted.slice(0, ctx.params.Top);
    else if (ctx.isBound('Bottom')) sorted = sorted.slice(Math.max(0, sorted.length - ctx.params.Bottom));
    for (const e of sorted) {
      const r = ctx.write(e.input);
      if (isPromise(r)) return writeRest(ctx, sorted, sorted.indexOf(e) + 1, r);
    }
  },
};

/**
 * A hashtable's Ascending/Descending key overrides -Descending for that key; when both are given and
 * contradict each other (Ascending=$false + Descending=$false, or both $true) pwsh ignores them.
 */
function keyAscending(spec: PropertySpec, descending: boolean): boolean {
  const { ascending: asc, descending: desc } = spec;
  if (asc !== undefined && desc !== undefined) return asc === desc ? !descending : asc;
  if (asc !== undefined) return asc;
  if (desc !== undefined) return !desc;
  return !descending;
}

async function writeRest(ctx: { write(v: unknown): void | Promise<void> }, list: OrderEntry[], from: number, pending: Promise<void>): Promise<void> {
  await pending;
  for (let i = from; i < list.length; i++) await ctx.write(list[i].input);
}

export const cmdlets: CmdletDecl[] = [sortObject];
