// Update-TypeData (dynamic type data) and Remove-TypeData: members and a default display property set added to
// every object of a type name, as pwsh's types.ps1xml entries would (type files via -Path are not read).
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import type { PSMember } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { PSType } from '../../runtime/types/index.js';
import { addTypeMember, removeTypeMembers } from '../../runtime/types/type-data.js';
import { getView, registerView } from '../../runtime/format/index.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { UTILITY_MODULE, isPromise } from './util.js';

const UPDATABLE = ['NoteProperty', 'AliasProperty', 'ScriptProperty', 'CodeProperty', 'ScriptMethod', 'CodeMethod'];

function fail(ctx: CmdletContext, errorId: string, message: string): never {
  return ctx.throwTerminating({ message, errorId, category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException' });
}

/** The member -MemberType/-MemberName/-Value/-SecondValue describe, checked as pwsh checks them. */
function memberOf(ctx: CmdletContext): PSMember {
  const p = ctx.params;
  const type = UPDATABLE.find((t) => t.toLowerCase() === toStr(p.MemberType).toLowerCase());
  if (!type) fail(ctx, 'CannotUpdateMemberType', `Cannot update a member with type "${toStr(p.MemberType)}". Specify a different type for the MemberType parameter.`);
  if (!p.MemberName) fail(ctx, 'MemberNameShouldBeSpecified', `The MemberName parameter is required for the type "${type}". Please specify the MemberName parameter.`);
  const name = toStr(p.MemberName);
  const value = p.Value ?? null;
  const second = p.SecondValue ?? null;
  const needValue = () => {
    if (value === null) fail(ctx, 'ValueShouldBeSpecified', `The Value parameter is required for the type "${type}". Please specify the Value parameter.`);
  };
  const noSecond = () => {
    if (ctx.isBound('SecondValue')) {
      fail(ctx, 'SecondValueShouldNotBeSpecified', `The SecondValue parameter is not necessary for a member of type "${type}", and should not be specified. Do not specify the SecondValue parameter when updating this member type.`);
    }
  };
  switch (type) {
    case 'NoteProperty':
      needValue();
      noSecond();
      return { name, memberType: 'NoteProperty', value };
    case 'AliasProperty': {
      needValue();
      const aliasType = second instanceof PSType ? second : undefined;
      return { name, memberType: 'AliasProperty', value: toStr(value), aliasType };
    }
    case 'ScriptProperty':
    case 'CodeProperty':
      if (value === null && second === null) {
        fail(ctx, 'Value1AndValue2AreNotBothNull', `The Value and SecondValue parameters should not both be null for a member of type "${type}". Specify a non-null value for one of the two parameters.`);
      }
      return { name, memberType: 'ScriptProperty', value, setter: second instanceof ScriptBlock ? second : undefined };
    default:
      needValue();
      noSecond();
      return { name, memberType: type === 'CodeMethod' ? 'CodeMethod' : 'ScriptMethod', value };
  }
}

export const updateTypeData: CmdletDecl = {
  name: 'Update-TypeData',
  module: UTILITY_MODULE,
  synopsis: 'Updates the extended type data in the session.',
  defaultParameterSet: 'FileSet',
  supportsShouldProcess: true,
  parameters: [
    { name: 'AppendPath', type: 'string[]', aliases: ['PSPath', 'Path'], position: 0, valueFromPipeline: true, parameterSets: ['FileSet'] },
    { name: 'PrependPath', type: 'string[]', parameterSets: ['FileSet'] },
    { name: 'MemberType', type: 'string', parameterSets: ['DynamicTypeSet'] },
    { name: 'MemberName', type: 'string', parameterSets: ['DynamicTypeSet'] },
    { name: 'Value', type: 'object', parameterSets: ['DynamicTypeSet'] },
    { name: 'SecondValue', type: 'object', parameterSets: ['DynamicTypeSet'] },
    { name: 'TypeConverter', type: 'object', parameterSets: ['DynamicTypeSet'] },
    { name: 'TypeAdapter', type: 'object', parameterSets: ['DynamicTypeSet'] },
    { name: 'SerializationMethod', type: 'string', parameterSets: ['DynamicTypeSet'] },
    { name: 'TargetTypeForDeserialization', type: 'object', parameterSets: ['DynamicTypeSet'] },
    { name: 'SerializationDepth', type: 'int', parameterSets: ['DynamicTypeSet'] },
    { name: 'DefaultDisplayProperty', type: 'string', parameterSets: ['DynamicTypeSet'] },
    { name: 'InheritPropertySerializationSet', type: 'object', parameterSets: ['DynamicTypeSet'] },
    { name: 'StringSerializationSource', type: 'string', parameterSets: ['DynamicTypeSet'] },
    { name: 'DefaultDisplayPropertySet', type: 'string[]', parameterSets: ['DynamicTypeSet'] },
    { name: 'DefaultKeyPropertySet', type: 'string[]', parameterSets: ['DynamicTypeSet'] },
    { name: 'PropertySerializationSet', type: 'string[]', parameterSets: ['DynamicTypeSet'] },
    { name: 'TypeName', type: 'string', mandatory: true, parameterSets: ['DynamicTypeSet'] },
    { name: 'TypeData', type: 'object[]', mandatory: true, valueFromPipeline: true, parameterSets: ['TypeDataSet'] },
    { name: 'Force', type: 'switch', parameterSets: ['DynamicTypeSet', 'TypeDataSet'] },
  ],
  process(ctx) {
    // Type files (-Path) are pwsh's types.ps1xml: awsh reads none, and has nothing to reload.
    if (ctx.parameterSetName !== 'DynamicTypeSet') return;
    const p = ctx.params;
    const typeName = toStr(p.TypeName).trim();
    if (!typeName) fail(ctx, 'TargetTypeNameEmpty', 'The target type name should not be null, empty, or contain only white spaces.');
    const member = ctx.isBound('MemberType') ? memberOf(ctx) : null;
    if (!member && (ctx.isBound('MemberName') || ctx.isBound('Value') || ctx.isBound('SecondValue'))) {
      fail(ctx, 'MemberTypeIsMissing', 'The MemberName, Value, and SecondValue parameters cannot be specified without the MemberType parameter.');
    }
    const displaySet = p.DefaultDisplayPropertySet as string[] | undefined;
    if (!member && !displaySet && !p.DefaultDisplayProperty && !p.DefaultKeyPropertySet) {
      fail(ctx, 'TypeDataEmpty', `No member is specified for the update on type "${typeName}".`);
    }
    const apply = (ok: boolean) => {
      if (!ok) return;
      if (member && !addTypeMember(typeName, member, !!p.Force)) {
        ctx.writeError({
          message: `Error in TypeData "${typeName}": The member ${member.name} is already present.`,
          errorId: 'TypesDynamicUpdateException',
          category: 'InvalidOperation',
          exceptionType: 'System.Management.Automation.RuntimeException',
        });
      }
      // The default display property set is what formatting shows for the type when it has no view.
      if (displaySet) registerView(typeName, { ...(getView(typeName) ?? {}), defaultProperties: displaySet.map(String) });
    };
    const r = ctx.shouldProcess(`Name of the type that will be updated: ${typeName}`, 'Update TypeData');
    return isPromise(r) ? r.then(apply) : apply(r);
  },
};

export const removeTypeData: CmdletDecl = {
  name: 'Remove-TypeData',
  module: UTILITY_MODULE,
  synopsis: 'Deletes extended types from the current session.',
  defaultParameterSet: 'RemoveTypeDataSet',
  supportsShouldProcess: true,
  parameters: [
    { name: 'TypeName', type: 'string', position: 0, mandatory: true, valueFromPipeline: true, valueFromPipelineByPropertyName: true, parameterSets: ['RemoveTypeSet'] },
    { name: 'Path', type: 'string[]', mandatory: true, parameterSets: ['RemoveFileSet'] },
    { name: 'TypeData', type: 'object', mandatory: true, valueFromPipeline: true, parameterSets: ['RemoveTypeDataSet'] },
  ],
  process(ctx) {
    if (ctx.parameterSetName !== 'RemoveTypeSet') return;
    const typeName = toStr(ctx.params.TypeName);
    const apply = (ok: boolean) => {
      if (!ok) return;
      removeTypeMembers(typeName);
      const view = getView(typeName);
      if (view?.defaultProperties) registerView(typeName, { ...view, defaultProperties: undefined });
    };
    const r = ctx.shouldProcess(`Name of the type that will be removed: ${typeName}`, 'Remove TypeData');
    return isPromise(r) ? r.then(apply) : apply(r);
  },
};

export const cmdlets: CmdletDecl[] = [updateTypeData, removeTypeData];
