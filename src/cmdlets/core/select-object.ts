// Select-Object: property selection (wildcards, calculated properties), -ExpandProperty, -First/-Last/-Skip/-SkipLast,
// -Index/-SkipIndex, -Unique. Stops upstream commands once -First (or -Index) is satisfied.
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSObject } from '../../runtime/values/objects.js';
import { compare } from '../../runtime/values/operators.js';
import { typeNamesOf } from '../../runtime/types/index.js';
import { StopUpstreamCommand } from '../../runtime/interpreter/pipeline.js';
import { parsePropertySpecs, evaluateSpec, hasProperty, type PropertySpec } from './property-expr.js';
import { enumerateValue, isPromise, nameMatcher, matchesAny, forEachMaybeAsync, UTILITY_MODULE, type NameMatcher } from './util.js';

const PSCUSTOMOBJECT = 'System.Management.Automation.PSCustomObject';

type Pairs = Array<[string, unknown]>;

interface SelectState {
  specs: PropertySpec[];
  expand: PropertySpec | null;
  exclude: NameMatcher[] | null;
  hasSelection: boolean;
  /** The input queue of pwsh's SelectObjectQueue. */
  queue: unknown[];
  first: number;
  last: number;
  skip: number;
  skipLast: number;
  firstOrLast: boolean;
  streamed: number;
  index: number[] | null;
  includeIndex: boolean;
  filterPos: number;
  objectPos: number;
  uniques: { obj: unknown; notes: Pairs }[] | null;
  caseSensitive: boolean;
  ended: boolean;
}

/** The .NET type name pwsh puts after `Selected.` (the input's base object type). */
function baseTypeName(v: unknown): string {
  if (v instanceof PSObject) return v.baseObject === undefined || v.baseObject === null ? PSCUSTOMOBJECT : baseTypeName(v.baseObject);
  const names = typeNamesOf(v);
  return names && names.length > 0 ? names[0] : 'System.Object';
}

function selectedObject(input: unknown, notes: Pairs): PSObject {
  const o = new PSObject(['Selected.' + baseTypeName(input), PSCUSTOMOBJECT, 'System.Object']);
  for (const [k, v] of notes) o.setProperty(k, v);
  return o;
}

function isCustomObject(v: unknown): v is PSObject {
  return v instanceof PSObject && (v.baseObject === undefined || v.baseObject === null);
}

function argumentError(input: unknown, message: string, errorId: string, category = 'InvalidArgument') {
  return { message, errorId, category, targetObject: input, exceptionType: 'System.Management.Automation.PSArgumentException' };
}

/** Evaluate all property specs for one input: (name, value) pairs, honouring -ExcludeProperty. */
function collectNotes(ctx: CmdletContext<SelectState>, input: unknown): Pairs | Promise<Pairs> | null {
  const st = ctx.state;
  const notes: Pairs = [];
  let failed = false;
  const step = (spec: PropertySpec): void | Promise<void> => {
    if (failed) return;
    // An unnamed script block property is named by its text, so `{}` has no name at all.
    if (spec.isScript && spec.name === '') {
      ctx.throwTerminating({ ...argumentError(null, 'A property is an empty script block and does not provide a name.', 'EmptyScriptBlockAndNoName', 'InvalidArgument') });
    }
    const r = evaluateSpec(ctx, spec, input);
    const add = (pairs: Pairs) => {
      let list = pairs;
      if (st.exclude && !spec.isScript) list = list.filter(([n]) => !matchesAny(n, st.exclude!));
      const renamed = spec.hashtable !== undefined && !spec.isScript && spec.name !== String(spec.expression);
      if (renamed && list.length > 1) {
        ctx.writeError({ ...argumentError(input, 'Cannot rename multiple results.', 'RenamingMultipleResults', 'InvalidOperation'), exceptionType: 'System.InvalidOperationException' });
        failed = true;
        return;
      }
      for (const [n, v] of list) notes.push([spec.hashtable ? spec.name : n, v]);
    };
    if (isPromise(r)) return r.then(add);
    add(r);
  };
  const done = forEachMaybeAsync(st.specs, step);
  if (isPromise(done)) return done.then(() => (failed ? null : notes)) as Promise<Pairs>;
  return failed ? null : notes;
}

function processObject(ctx: CmdletContext<SelectState>, input: unknown): void | Promise<void> {
  const st = ctx.state;
  if (!st.hasSelection) return filteredWrite(ctx, input, input, []);
  const notes = collectNotes(ctx, input);
  if (notes === null) return;
  if (isPromise(notes)) return notes.then((n) => (n === null ? undefined : finishObject(ctx, input, n)));
  return finishObject(ctx, input, notes);
}

function finishObject(ctx: CmdletContext<SelectState>, input: unknown, notes: Pairs): void | Promise<void> {
  const st = ctx.state;
  if (!st.expand) {
    const seen = new Set<string>();
    const unique: Pairs = [];
    for (const [n, v] of notes) {
      if (seen.has(n.toLowerCase())) {
        ctx.writeError(argumentError(input, `The property cannot be processed because the property "${n}" already exists.`, 'AlreadyExistingUserSpecifiedPropertyNoExpand', 'InvalidOperation'));
        continue;
      }
      seen.add(n.toLowerCase());
      unique.push([n, v]);
    }
    return filteredWrite(ctx, input, selectedObject(input, unique), unique);
  }
  const r = evaluateSpec(ctx, st.expand, input);
  if (isPromise(r)) return r.then((pairs) => expand(ctx, input, notes, pairs));
  return expand(ctx, input, notes, r);
}

function expand(ctx: CmdletContext<SelectState>, input: unknown, notes: Pairs, pairs: Pairs): void | Promise<void> {
  const st = ctx.state;
  const name = String(st.expand!.expression);
  // A plain name that the object lacks resolves to nothing (evaluateSpec gives null): pwsh reports it as not found.
  if (pairs.length === 0 || (!st.expand!.isScript && !st.expand!.wildcard && !hasMember(input, name))) {
    ctx.writeError(argumentError(input, `Property "${name}" cannot be found.`, 'ExpandPropertyNotFound'));
    return;
  }
  if (pairs.length > 1) {
    ctx.writeError(argumentError(input, 'Multiple properties cannot be expanded.', 'MutlipleExpandProperties'));
    return;
  }
  const value = pairs[0][1];
  if (value === null || value === undefined) return;
  const items = enumerateValue(value);
  const list = items ?? [value];
  return forEachMaybeAsync(list, (item) => {
    if (item === null || item === undefined) return;
    let out: unknown = item;
    if (notes.length > 0) {
      const wrapped = item instanceof PSObject ? item : new PSObject(typeNamesOf(item) ?? undefined, item);
      for (const [n, v] of notes) {
        if (wrapped.getMember(n)) {
          ctx.writeError(argumentError(input, `The property cannot be processed because the property "${n}" already exists.`, 'AlreadyExistingUserSpecifiedPropertyExpand', 'InvalidOperation'));
        } else wrapped.setProperty(n, v);
      }
      out = wrapped;
    }
    return filteredWrite(ctx, input, out, notes);
  });
}

/** evaluateSpec returns [name, null] for a missing plain property; this tells "missing" from "null-valued". */
function hasMember(input: unknown, name: string): boolean {
  return hasProperty(input, name);
}

function filteredWrite(ctx: CmdletContext<SelectState>, input: unknown, obj: unknown, notes: Pairs): void | Promise<void> {
  const st = ctx.state;
  if (st.uniques) {
    for (const u of st.uniques) if (sameObject(u.obj, obj, u.notes, notes, st.caseSensitive)) return;
    markSelected(input, obj, notes.length > 0);
    st.uniques.push({ obj, notes });
    return;
  }
  markSelected(input, obj, notes.length > 0);
  return ctx.write(obj);
}

/** pwsh tags a PSCustomObject it writes with `Selected.<input type>` (once). */
function markSelected(input: unknown, obj: unknown, isNew: boolean): void {
  if (isNew || !isCustomObject(obj)) return;
  const name = 'Selected.' + baseTypeName(input);
  if (!obj.typeNames.includes(name)) obj.typeNames.unshift(name);
}

function compareSafe(a: unknown, b: unknown, cs: boolean): number {
  try {
    return compare(a, b, cs);
  } catch {
    return a === b ? 0 : 1;
  }
}

function sameObject(a: unknown, b: unknown, notesA: Pairs, notesB: Pairs, cs: boolean): boolean {
  if (notesA.length !== notesB.length) return false;
  if (notesA.length === 0) {
    if (isCustomObject(a) || isCustomObject(b)) return a === b;
    return compareSafe(a, b, cs) === 0;
  }
  for (let i = 0; i < notesB.length; i++) {
    const [n, v] = notesB[i];
    const other = notesA.find(([m]) => m.toLowerCase() === n.toLowerCase());
    if (!other || compareSafe(other[1], v, cs) !== 0) return false;
  }
  return true;
}

/** pwsh's SelectObjectQueue: decides which queued input is processed now. */
function enqueue(st: SelectState, obj: unknown): void {
  if (st.last > 0 && st.queue.length >= st.last + st.skip && st.first === 0) st.queue.shift();
  else if (st.last > 0 && st.queue.length >= st.last && st.first !== 0) st.queue.shift();
  st.queue.push(obj);
}

const NOTHING = Symbol('nothing');

function streamingDequeue(st: SelectState): unknown {
  if (st.skip === 0) {
    if (st.skipLast > 0) {
      if (st.queue.length > st.skipLast) return st.queue.shift();
    } else {
      if (st.streamed < st.first || !st.firstOrLast) {
        st.streamed++;
        return st.queue.shift();
      }
      if (st.last === 0) st.queue.shift();
    }
  } else if (st.last === 0) {
    st.queue.shift();
    st.skip--;
  } else if (st.first !== 0) {
    st.skip--;
    st.queue.shift();
  }
  return NOTHING;
}

function allRequestedProcessed(st: SelectState): boolean {
  return st.firstOrLast && st.last === 0 && st.first !== 0 && st.streamed >= st.first;
}

function finish(ctx: CmdletContext<SelectState>): void | Promise<void> {
  const st = ctx.state;
  if (st.ended) return;
  st.ended = true;
  const rest: unknown[] = [];
  if (ctx.parameterSetName === 'DefaultParameter') {
    if (st.first !== 0) rest.push(...st.queue.splice(0));
    else while (st.queue.length > st.skip) rest.push(st.queue.shift());
  }
  const r = forEachMaybeAsync(rest, (o) => processObject(ctx, o));
  const writeUniques = () => forEachMaybeAsync(st.uniques ?? [], (u) => ctx.write(u.obj));
  return isPromise(r) ? r.then(writeUniques) : writeUniques();
}

/** End our own processing, then tell the pipeline to stop the commands before us (pwsh's StopUpstreamCommandsException). */
function stopUpstream(ctx: CmdletContext<SelectState>): void | Promise<void> {
  const r = finish(ctx);
  if (isPromise(r)) return r.then(() => { throw new StopUpstreamCommand(ctx); });
  // The pipeline maps the context to its processor (the lead's cmdlet processor owns `ctx`).
  throw new StopUpstreamCommand(ctx);
}

function processIndexed(ctx: CmdletContext<SelectState>, input: unknown): void | Promise<void> {
  const st = ctx.state;
  const index = st.index!;
  let r: void | Promise<void> = undefined;
  if (st.includeIndex) {
    if (st.filterPos < index.length) {
      const next = index[st.filterPos];
      if (st.objectPos === next) {
        r = processObject(ctx, input);
        while (st.filterPos < index.length && index[st.filterPos] === next) st.filterPos++;
      }
    }
    st.objectPos++;
    if (!ctx.params.Wait && st.filterPos >= index.length) {
      return isPromise(r) ? r.then(() => stopUpstream(ctx)) : stopUpstream(ctx);
    }
    return r;
  }
  if (st.filterPos < index.length) {
    const next = index[st.filterPos];
    if (st.objectPos !== next) r = processObject(ctx, input);
    else while (st.filterPos < index.length && index[st.filterPos] === next) st.filterPos++;
  } else r = processObject(ctx, input);
  st.objectPos++;
  return r;
}

export const selectObject: CmdletDecl<SelectState> = {
  name: 'Select-Object',
  module: UTILITY_MODULE,
  synopsis: 'Selects objects or object properties.',
  description:
    'The Select-Object cmdlet selects specified properties of an object or set of objects. It can also select unique objects, a specified number of objects, or objects in a specified position in an array.',
  defaultParameterSet: 'DefaultParameter',
  outputType: ['System.Management.Automation.PSObject'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Property', type: 'object[]', position: 0, parameterSets: ['DefaultParameter', 'SkipLastParameter'] },
    { name: 'ExcludeProperty', type: 'string[]', parameterSets: ['DefaultParameter', 'SkipLastParameter'] },
    { name: 'ExpandProperty', type: 'string', parameterSets: ['DefaultParameter', 'SkipLastParameter'] },
    { name: 'Unique', type: 'switch' },
    { name: 'CaseInsensitive', type: 'switch' },
    { name: 'Last', type: 'int', parameterSets: ['DefaultParameter'], validateRange: [0, 2147483647] },
    { name: 'First', type: 'int', parameterSets: ['DefaultParameter'], validateRange: [0, 2147483647] },
    { name: 'Skip', type: 'int', parameterSets: ['DefaultParameter', 'SkipLastParameter'], validateRange: [0, 2147483647] },
    { name: 'SkipLast', type: 'int', parameterSets: ['SkipLastParameter'], validateRange: [0, 2147483647] },
    { name: 'Wait', type: 'switch', parameterSets: ['DefaultParameter', 'IndexParameter'] },
    { name: 'Index', type: 'int[]', parameterSets: ['IndexParameter'], validateRange: [0, 2147483647] },
    { name: 'SkipIndex', type: 'int[]', parameterSets: ['SkipIndexParameter'], validateRange: [0, 2147483647] },
  ],
  init: () => ({
    specs: [], expand: null, exclude: null, hasSelection: false, queue: [], first: 0, last: 0, skip: 0, skipLast: 0,
    firstOrLast: false, streamed: 0, index: null, includeIndex: false, filterPos: 0, objectPos: 0, uniques: null,
    caseSensitive: true, ended: false,
  }),
  begin(ctx) {
    const st = ctx.state;
    const p = ctx.params;
    let property = p.Property;
    if (p.ExcludeProperty) {
      st.exclude = (p.ExcludeProperty as string[]).map(nameMatcher);
      // -ExcludeProperty implies -Property * (pwsh 7.1+).
      if (property === undefined || property === null || (Array.isArray(property) && property.length === 0)) property = ['*'];
    }
    st.specs = parsePropertySpecs(property, 'select');
    if (p.ExpandProperty !== undefined && p.ExpandProperty !== null && p.ExpandProperty !== '') {
      st.expand = parsePropertySpecs(p.ExpandProperty, 'select')[0];
    }
    st.hasSelection = st.specs.length > 0 || st.expand !== null;
    st.first = p.First ?? 0;
    st.last = p.Last ?? 0;
    st.skip = p.Skip ?? 0;
    st.skipLast = p.SkipLast ?? 0;
    st.firstOrLast = ctx.isBound('First') || ctx.isBound('Last');
    if (p.Index) {
      st.index = [...(p.Index as number[])].sort((a, b) => a - b);
      st.includeIndex = true;
    } else if (p.SkipIndex) {
      st.index = [...(p.SkipIndex as number[])].sort((a, b) => a - b);
    }
    if (p.Unique) st.uniques = [];
    st.caseSensitive = !p.CaseInsensitive;
  },
  process(ctx) {
    const st = ctx.state;
    const input = ctx.params.InputObject;
    if (input === undefined || input === null || st.ended) return;
    if (st.index) return processIndexed(ctx, input);
    enqueue(st, input);
    const obj = streamingDequeue(st);
    const r = obj !== NOTHING ? processObject(ctx, obj) : undefined;
    if (allRequestedProcessed(st) && !ctx.params.Wait) {
      return isPromise(r) ? r.then(() => stopUpstream(ctx)) : stopUpstream(ctx);
    }
    return r;
  },
  end(ctx) {
    return finish(ctx);
  },
};

export const cmdlets: CmdletDecl[] = [selectObject];
