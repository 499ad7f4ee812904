// New-MockObject: an object that stands for an instance of a .NET type (its type names make `-is` and
// [type] parameters accept it), with -Properties as note properties and -Methods as script methods.
import type { CmdletDecl } from '../../runtime/cmdlet-api.js';
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { PSType, resolveType } from '../../runtime/types/index.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';

function typeChain(t: PSType): string[] {
  const names: string[] = [];
  for (let x: PSType | null = t; x; x = x.BaseType) names.push(x.FullName);
  if (!names.includes('System.Object')) names.push('System.Object');
  return names;
}

const newMockObjectDecl: CmdletDecl = {
  name: 'New-MockObject',
  module: 'Pester',
  synopsis: 'Creates a fake object of a .NET type without running its constructor.',
  parameters: [
    { name: 'Type', type: 'object', position: 0, parameterSets: ['Type'], mandatory: true },
    { name: 'InputObject', type: 'object', parameterSets: ['InputObject'], mandatory: true },
    { name: 'Properties', type: 'hashtable' },
    { name: 'Methods', type: 'hashtable' },
    { name: 'MethodHistoryPrefix', type: 'string' },
  ],
  end: (ctx) => {
    let o: PSObject;
    if (ctx.params.InputObject !== undefined) {
      const input = ctx.params.InputObject;
      o = input instanceof PSObject ? input : new PSObject(undefined, input);
    } else {
      const raw = ctx.params.Type;
      const name = toStr(raw).replace(/^\[(.*)\]$/, '$1');
      const t = raw instanceof PSType ? raw : resolveType(name);
      o = new PSObject();
      // A .NET type awsh does not model (System.Diagnostics.Process) still names the object's type.
      o.typeNames = t ? typeChain(t) : [name, 'System.Object'];
    }
    const props = ctx.params.Properties as PSHashtable | undefined;
    if (props) for (const [k, v] of props.map.values()) o.addMember({ name: toStr(k), memberType: 'NoteProperty', value: v });
    const methods = ctx.params.Methods as PSHashtable | undefined;
    const prefix = ctx.params.MethodHistoryPrefix !== undefined ? toStr(ctx.params.MethodHistoryPrefix) : '_';
    if (methods) {
      for (const [k, v] of methods.map.values()) {
        const name = toStr(k);
        if (v instanceof ScriptBlock) o.addMember({ name, memberType: 'ScriptMethod', value: v });
        // Pester keeps each method's call history in `_<name>` (empty until called).
        o.addMember({ name: `${prefix}${name}`, memberType: 'NoteProperty', value: [] });
      }
    }
    ctx.write(o);
  },
};

export const mockObjectCmdlets: CmdletDecl[] = [newMockObjectDecl];
