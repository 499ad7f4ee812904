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
  /** Next reference entry to pair with an incoming difference entry. */
  refIndex: number;
  /** Unmatched entries still inside -SyncWindow (oldest first). */
  refBacklog: Entry[];
  diffBacklog: Entry[];
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
    { name: 'ReferenceObject', type: 'psobject[]', position: 0, mandatory: true, allowEmptyCollection: true },
    { name: 'DifferenceObject', type: 'psobject[]', position: 1, mandatory: true, valueFromPipeline: true, allowEmptyCollection: true },
    { name: 'SyncWindow', type: 'int', validateRange: [0, 2147483647] },
    { name: 'Property', type: 'object[]' },
    { name: 'ExcludeDifferent', type: 'switch' },
    { name: 'IncludeEqual', type: 'switch' },
    { name: 'PassThru', type: 'switch' },
    { name: 'Culture', type: 'string' },
    { name: 'CaseSensitive', type: 'switch' },
  ],
  init: () => ({ specs: [], reference: null, refIndex: 0, refBacklog: [], diffBacklog: [] }),
  begin(ctx) {
    ctx.state.specs = parsePropertySpecs(ctx.params.Property, 'select');
  },
  process(ctx) {
    const st = ctx.state;
    st.reference ??= toItems(ctx.params.ReferenceObject).map((input) => ({ input, keys: keysOf(ctx, st.specs, input) }));
    const diffs = toItems(ctx.params.DifferenceObject).map((input) => ({ input, keys: keysOf(ctx, st.specs, input) }));
    if (st.reference.length === 0) return forEachMaybeAsync(diffs, (d) => emitDifferent(ctx, d, '=>'));
    const results: Result[] = [];
    for (const d of diffs) step(ctx, d, results);
    return writeResults(ctx, results);
  },
  end(ctx) {
    const st = ctx.state;
    st.reference ??= toItems(ctx.params.ReferenceObject).map((input) => ({ input, keys: keysOf(ctx, st.specs, input) }));
    const results: Result[] = [];
    while (st.refIndex < st.reference.length) step(ctx, null, results);
    for (const d of st.diffBacklog) results.push([d, '=>']);
    for (const r of st.refBacklog) results.push([r, '<=']);
    st.diffBacklog = [];
    st.refBacklog = [];
    return writeResults(ctx, results);
  },
};

/** -ExcludeDifferent implies -IncludeEqual unless -IncludeEqual:$false was given explicitly. */
function includeEqual(ctx: CmdletContext<CompareState>): boolean {
  if (ctx.isBound('IncludeEqual')) return ctx.params.IncludeEqual === true;
  return ctx.params.ExcludeDifferent === true;
}

function emitEqual(ctx: CmdletContext<CompareState>, e: Entry): void | Promise<void> {
  if (includeEqual(ctx)) return emit(ctx, e, '==');
}

function emitDifferent(ctx: CmdletContext<CompareState>, e: Entry, side: '<=' | '=>'): void | Promise<void> {
  if (ctx.params.ExcludeDifferent !== true) return emit(ctx, e, side);
}

function matchAndRemove(e: Entry | null, list: Entry[], cs: boolean): Entry | null {
  if (!e) return null;
  const i = list.findIndex((x) => sameKeys(e, x, cs));
  return i < 0 ? null : list.splice(i, 1)[0]!;
}

type Result = [Entry, '<=' | '=>' | '=='];

function writeResults(ctx: CmdletContext<CompareState>, results: Result[]): void | Promise<void> {
  return forEachMaybeAsync(results, ([e, side]) => (side === '==' ? emitEqual(ctx, e) : emitDifferent(ctx, e, side)));
}

/**
 * One step of pwsh's windowed comparison: pair the difference entry with the next reference entry, else
 * look for each in the other side's backlog; unmatched ones wait in a backlog of -SyncWindow entries and
 * are reported as different once they fall out of it.
 */
function step(ctx: CmdletContext<CompareState>, diff: Entry | null, out: Result[]): void {
  const st = ctx.state;
  const cs = ctx.params.CaseSensitive === true;
  const window = ctx.isBound('SyncWindow') ? (ctx.params.SyncWindow as number) : 2147483647;
  let ref: Entry | null = st.refIndex < st.reference!.length ? st.reference![st.refIndex++]! : null;
  if (ref && diff && sameKeys(ref, diff, cs)) {
    out.push([ref, '==']);
    return;
  }
  const backlogMatch = matchAndRemove(diff, st.refBacklog, cs);
  if (backlogMatch) {
    out.push([backlogMatch, '==']);
    diff = null;
  }
  if (matchAndRemove(ref, st.diffBacklog, cs)) {
    out.push([ref!, '==']);
    ref = null;
  }
  if (diff) {
    if (window > 0) {
      while (st.diffBacklog.length >= window) out.push([st.diffBacklog.shift()!, '=>']);
      st.diffBacklog.push(diff);
    } else out.push([diff, '=>']);
  }
  if (ref) {
    if (window > 0) {
      while (st.refBacklog.length >= window) out.push([st.refBacklog.shift()!, '<=']);
      st.refBacklog.push(ref);
    } else out.push([ref, '<=']);
  }
}

export const cmdlets: CmdletDecl[] = [compareObject];
