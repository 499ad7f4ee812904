// Compare-Object: reports objects that differ between two sets (SideIndicator '<=' / '=>' / '==').
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSObject } from '../../runtime/values/objects.js';
import { typeNamesOf } from '../../runtime/types/index.js';
import { parsePropertySpecs, evaluateSpecValue, type PropertySpec } from './property-expr.js';
import { compareValues } from './order-keys.js';
import { toItems, isPromise, forEachMaybeAsync, UTILITY_MODULE } from './util.js';

interface Entry {
  input: unknown;
  keys: unknown[];
}

interface CompareState {
  specs: PropertySpec[];
  reference: Entry[] | null;
  /** Index in the difference stream, for -SyncWindow. */
  diffIndex: number;
}

function keysOf(ctx: CmdletContext, specs: PropertySpec[], input: unknown): unknown[] {
  if (specs.length === 0) return [input];
  // Property expressions for Compare-Object are expected to be synchronous (names or simple script blocks).
  return specs.map((s) => {
    const v = evaluateSpecValue(ctx, s, input);
    return isPromise(v) ? null : v;
  });
}

function sameKeys(a: Entry, b: Entry, cs: boolean): boolean {
  for (let i = 0; i < a.keys.length; i++) if (compareValues(a.keys[i], b.keys[i], cs) !== 0) return false;
  return true;
}

function emit(ctx: CmdletContext<CompareState>, e: Entry, side: '<=' | '=>' | '=='): void | Promise<void> {
  const specs = ctx.state.specs;
  if (ctx.params.PassThru) {
    const o = e.input instanceof PSObject ? e.input : new PSObject(typeNamesOf(e.input) ?? undefined, e.input);
    o.setProperty('SideIndicator', side);
    return ctx.write(o);
  }
  const o = new PSObject();
  if (specs.length === 0) o.setProperty('InputObject', e.input);
  else specs.forEach((s, i) => o.setProperty(s.name, e.keys[i]));
  o.setProperty('SideIndicator', side);
  return ctx.write(o);
}

export const compareObject: CmdletDecl<CompareState> = {
  name: 'Compare-Object',
  module: UTILITY_MODULE,
  synopsis: 'Compares two sets of objects.',
  description:
    'The Compare-Object cmdlet compares two sets of objects. One set of objects is the reference, and the other set of objects is the difference. The result indicates whether a property value appeared only in the reference set (<=), only in the difference set (=>) or, with -IncludeEqual, in both (==).',
  outputType: ['System.Management.Automation.PSCustomObject'],
  parameters: [
    { name: 'ReferenceObject', type: 'psobject[]', position: 0, mandatory: true },
    { name: 'DifferenceObject', type: 'psobject[]', position: 1, mandatory: true, valueFromPipeline: true },
    { name: 'SyncWindow', type: 'int', validateRange: [0, 2147483647] },
    { name: 'Property', type: 'object[]' },
    { name: 'ExcludeDifferent', type: 'switch' },
    { name: 'IncludeEqual', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
    { name: 'Culture', type: 'string' },
    { name: 'CaseSensitive', type: 'switch' },
  ],
  init: () => ({ specs: [], reference: null, diffIndex: 0 }),
  begin(ctx) {
    ctx.state.specs = parsePropertySpecs(ctx.params.Property, 'select');
  },
  process(ctx) {
    const st = ctx.state;
    if (!st.reference) st.reference = toItems(ctx.params.ReferenceObject).map((input) => ({ input, keys: keysOf(ctx, st.specs, input) }));
    const cs = ctx.params.CaseSensitive === true;
    // -ExcludeDifferent implies -IncludeEqual (pwsh 6+). -SyncWindow is accepted; the search is unbounded.
    const includeEqual = ctx.params.IncludeEqual === true || ctx.params.ExcludeDifferent === true;
    const excludeDifferent = ctx.params.ExcludeDifferent === true;
    return forEachMaybeAsync(toItems(ctx.params.DifferenceObject), (input) => {
      const d: Entry = { input, keys: keysOf(ctx, st.specs, input) };
      st.diffIndex++;
      const ref = st.reference!;
      let found = -1;
      for (let i = 0; i < ref.length; i++) {
        if (sameKeys(ref[i], d, cs)) {
          found = i;
          break;
        }
      }
      if (found >= 0) {
        const [r] = ref.splice(found, 1);
        if (includeEqual) return emit(ctx, r, '==');
        return;
      }
      if (!excludeDifferent) return emit(ctx, d, '=>');
    });
  },
  end(ctx) {
    const st = ctx.state;
    if (ctx.params.ExcludeDifferent) return;
    const ref = st.reference ?? toItems(ctx.params.ReferenceObject).map((input) => ({ input, keys: keysOf(ctx, st.specs, input) }));
    return forEachMaybeAsync(ref, (r) => emit(ctx, r, '<='));
  },
};

export const cmdlets: CmdletDecl[] = [compareObject];
