// Group-Object: GroupInfo objects (Count, Name, Group, Values), -NoElement, -AsHashTable/-AsString.
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { PSObject, PSHashtable } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { parsePropertySpecs, type PropertySpec } from './property-expr.js';
import { makeEntry, compareEntries, type OrderEntry } from './order-keys.js';
import { enumerateValue, isPromise, primaryTypeName, UTILITY_MODULE } from './util.js';

const GROUPINFO = 'Microsoft.PowerShell.Commands.GroupInfo';
const GROUPINFO_NOELEMENT = 'Microsoft.PowerShell.Commands.GroupInfoNoElement';

interface GroupState {
  specs: PropertySpec[];
  entries: OrderEntry[];
  keyTypes: (string | null)[] | null;
  mixedTypes: boolean;
}

interface Group {
  first: OrderEntry;
  items: unknown[];
}

/** GroupInfo.Name: key values joined with ", "; a collection key shows as `{a, b}`. */
function groupName(keys: unknown[]): string {
  const parts: string[] = [];
  for (const k of keys) {
    if (k === null || k === undefined) continue;
    const items = typeof k === 'string' ? null : enumerateValue(k);
    parts.push(items ? `{${items.map((x) => toStr(x)).join(', ')}}` : toStr(k));
  }
  return parts.join(', ');
}

function makeGroupInfo(g: Group, noElement: boolean): PSObject {
  const o = new PSObject(noElement ? [GROUPINFO_NOELEMENT, GROUPINFO, 'System.Object'] : [GROUPINFO, 'System.Object']);
  o.setProperty('Name', groupName(g.first.keys));
  o.setProperty('Count', g.items.length);
  o.setProperty('Group', noElement ? [] : g.items);
  o.setProperty('Values', g.first.keys.slice());
  return o;
}

function keyTypes(keys: unknown[]): (string | null)[] {
  return keys.map((k) => (k === null || k === undefined ? null : primaryTypeName(k)));
}

export const groupObject: CmdletDecl<GroupState> = {
  name: 'Group-Object',
  module: UTILITY_MODULE,
  synopsis: 'Groups objects that contain the same value for specified properties.',
  description:
    'The Group-Object cmdlet displays objects in groups based on the value of a specified property. Group-Object returns a table with one row for each property value and a column that displays the number of items with that value.',
  outputType: ['System.Collections.Hashtable', GROUPINFO],
  parameters: [
    { name: 'NoElement', type: 'switch' },
    { name: 'AsHashTable', type: 'switch', aliases: ['AHT'], parameterSets: ['HashTable'] },
    { name: 'AsString', type: 'switch', parameterSets: ['HashTable'] },
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Property', type: 'object[]', position: 0 },
    { name: 'Culture', type: 'string' },
    { name: 'CaseSensitive', type: 'switch' },
  ],
  init: () => ({ specs: [], entries: [], keyTypes: null, mixedTypes: false }),
  begin(ctx) {
    const st = ctx.state;
    st.specs = parsePropertySpecs(ctx.params.Property, 'group');
    if (ctx.params.AsString && !ctx.params.AsHashTable) {
      ctx.throwTerminating({
        message: 'The AsString parameter requires the AsHashTable parameter.',
        errorId: 'ArgumentException',
        category: 'InvalidArgument',
        exceptionType: 'System.ArgumentException',
        targetObject: true,
      });
    }
    if (ctx.params.AsHashTable && !ctx.params.AsString && st.specs.length > 1) {
      ctx.throwTerminating({
        message: 'The AsHashTable parameter cannot be used with multiple properties unless AsString is also specified.',
        errorId: 'ArgumentException',
        category: 'InvalidArgument',
        exceptionType: 'System.ArgumentException',
        targetObject: ctx.params.Property,
      });
    }
  },
  process(ctx) {
    const input = ctx.params.InputObject;
    if (input === undefined || input === null) return;
    const add = (e: OrderEntry) => {
      const st = ctx.state;
      st.entries.push(e);
      if (st.mixedTypes) return;
      const types = keyTypes(e.keys);
      if (!st.keyTypes) st.keyTypes = types;
      else
        for (let i = 0; i < types.length; i++) {
          if (types[i] === null) continue;
          if (st.keyTypes[i] === null) st.keyTypes[i] = types[i];
          else if (st.keyTypes[i] !== types[i]) st.mixedTypes = true;
        }
    };
    const e = makeEntry(ctx, ctx.state.specs, input);
    if (isPromise(e)) return e.then(add);
    add(e);
  },
  end(ctx) {
    const st = ctx.state;
    const cs = ctx.params.CaseSensitive === true;
    const ascending = st.specs.map(() => true);
    const groups: Group[] = [];
    if (!st.mixedTypes) {
      // Keys of one type: pwsh sorts, then groups neighbours.
      const sorted = st.entries.slice().sort((a, b) => compareEntries(a, b, ascending, cs));
      for (const e of sorted) {
        const last = groups[groups.length - 1];
        if (last && compareEntries(last.first, e, ascending, cs) === 0) last.items.push(e.input);
        else groups.push({ first: e, items: [e.input] });
      }
    } else {
      for (const e of st.entries) {
        const g = groups.find((x) => compareEntries(x.first, e, ascending, cs) === 0);
        if (g) g.items.push(e.input);
        else groups.push({ first: e, items: [e.input] });
      }
    }
    if (groups.length === 0) return;
    if (ctx.params.AsHashTable) {
      const h = new PSHashtable();
      for (const g of groups) {
        const key = ctx.params.AsString ? groupName(g.first.keys) : g.first.keys[0];
        h.set(key, g.items);
      }
      return ctx.write(h);
    }
    const noElement = ctx.params.NoElement === true;
    return ctx.write(groups.map((g) => makeGroupInfo(g, noElement)), true);
  },
};

export const cmdlets: CmdletDecl[] = [groupObject];
