// Get-Unique: drops items equal to the one before them (input is expected to be sorted).
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { toStr } from '../../runtime/values/convert.js';
import { compareValues } from './order-keys.js';
import { primaryTypeName, UTILITY_MODULE } from './util.js';

interface UniqueState {
  hasPrevious: boolean;
  previous: unknown;
}

export const getUnique: CmdletDecl<UniqueState> = {
  name: 'Get-Unique',
  module: UTILITY_MODULE,
  synopsis: 'Returns unique items from a sorted list.',
  description: 'The Get-Unique cmdlet compares each item in a sorted list to the next item, eliminates duplicates, and returns only one instance of each item. The list must be sorted for the cmdlet to work properly.',
  defaultParameterSet: 'AsString',
  outputType: ['System.Management.Automation.PSObject'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'AsString', type: 'switch', parameterSets: ['AsString'] },
    { name: 'OnType', type: 'switch', parameterSets: ['UniqueByType'] },
    { name: 'CaseInsensitive', type: 'switch' },
  ],
  init: () => ({ hasPrevious: false, previous: null }),
  process(ctx) {
    const input = ctx.params.InputObject;
    if (input === undefined) return;
    const st = ctx.state;
    const cs = ctx.params.CaseInsensitive !== true;
    let same = false;
    if (st.hasPrevious) {
      if (ctx.params.OnType) same = primaryTypeName(input) === primaryTypeName(st.previous);
      else if (ctx.params.AsString) {
        const a = toStr(input);
        const b = toStr(st.previous);
        same = cs ? a === b : a.toLowerCase() === b.toLowerCase();
      } else same = compareValues(input, st.previous, cs) === 0;
    }
    st.hasPrevious = true;
    st.previous = input;
    if (!same) return ctx.write(input);
  },
};

export const cmdlets: CmdletDecl[] = [getUnique];
