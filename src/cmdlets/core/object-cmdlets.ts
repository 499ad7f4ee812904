// New-Object, Add-Member, Get-Member.
import type { CmdletDecl, CmdletContext } from '../../runtime/cmdlet-api.js';
import { PSRuntimeError } from '../../runtime/errors.js';
import { ClassInstance, PSObject, PSHashtable, type PSMember } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { PSType, resolveType, setMember, typeOf, typeNamesOf, TYPE_NAME } from '../../runtime/types/index.js';
import { newObject as constructObject } from '../../runtime/types/constructors.js';
import { attachedMemberWrapper, getProperties } from '../../runtime/types/members.js';
import { typeMemberOf } from '../../runtime/types/type-data.js';
import { stringMethods } from '../../runtime/types/string-methods.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { registerView, ensureBuiltinViews } from '../../runtime/format/index.js';
import { UTILITY_MODULE, asStringArray, nameMatcher, matchesAny, isPromise } from './util.js';

// ---------------------------------------------------------------------------------------------
// New-Object

const PSOBJECT_NAMES = new Set(['psobject', 'system.management.automation.psobject']);

export const newObjectCmdlet: CmdletDecl = {
  name: 'New-Object',
  module: UTILITY_MODULE,
  synopsis: 'Creates an instance of a Microsoft .NET Framework or COM object.',
  description: 'The New-Object cmdlet creates an instance of a .NET Framework or COM object. You can specify either the type of a .NET Framework class or a ProgID of a COM object.',
  defaultParameterSet: 'Net',
  outputType: ['System.Object'],
  parameters: [
    { name: 'TypeName', type: 'string', position: 0, mandatory: true, parameterSets: ['Net'] },
    { name: 'ComObject', type: 'string', position: 0, mandatory: true, parameterSets: ['Com'] },
    { name: 'ArgumentList', type: 'object[]', aliases: ['Args'], position: 1, parameterSets: ['Net'] },
    { name: 'Strict', type: 'switch', parameterSets: ['Com'] },
    { name: 'Property', type: 'hashtable' },
  ],
  process(ctx) {
    if (ctx.parameterSetName === 'Com') {
      ctx.throwTerminating({
        message: 'A parameter cannot be found that matches parameter name \'ComObject\'.',
        errorId: 'NamedParameterNotFound',
        category: 'InvalidArgument',
        exceptionType: 'System.Management.Automation.ParameterBindingException',
      });
    }
    const typeName = String(ctx.params.TypeName);
    const args = ctx.params.ArgumentList === undefined || ctx.params.ArgumentList === null ? [] : (ctx.params.ArgumentList as unknown[]);
    let obj: unknown;
    if (PSOBJECT_NAMES.has(typeName.toLowerCase())) {
      obj = args.length > 0 && args[0] !== null && args[0] !== undefined && !(args[0] instanceof PSObject) ? new PSObject(typeNamesOf(args[0]), args[0]) : new PSObject();
    } else {
      if (!resolveType(typeName)) {
        ctx.throwTerminating({
          message: `Cannot find type [${typeName}]: verify that the assembly containing this type is loaded.`,
          errorId: 'TypeNotFound',
          category: 'InvalidType',
          exceptionType: 'System.Management.Automation.PSArgumentException',
          targetObject: typeName,
        });
      }
      const failed = (e: unknown): never => {
        if (e instanceof PSRuntimeError) {
          const rec = e.errorRecord;
          const id = rec.FullyQualifiedErrorId.split(',')[0];
          ctx.throwTerminating({
            message: rec.Exception.Message,
            errorId: id === 'CannotFindAppropriateCtor' ? id : 'ConstructorInvokedThrowException',
            category: rec.CategoryInfo.Category,
            exceptionType: rec.Exception.typeName,
            targetObject: typeName,
          });
        }
        throw e;
      };
      try {
        obj = constructObject(typeName, args);
      } catch (e) {
        failed(e);
      }
      // A script class whose constructor ran an async command.
      if (isPromise(obj)) return obj.then((o) => withProperties(ctx, o), failed);
    }
    return withProperties(ctx, obj);
  },
};

/** New-Object -Property, then the output. */
function withProperties(ctx: CmdletContext, obj: unknown): void | Promise<void> {
  const props = ctx.params.Property;
  if (props instanceof PSHashtable) {
    for (const [k, v] of props.entries()) {
      const name = String(k);
      if (obj instanceof PSObject && (obj.baseObject === undefined || obj.baseObject === null)) {
        obj.setProperty(name, v);
        continue;
      }
      try {
        setMember(obj, name, v);
      } catch {
        // Terminating in pwsh: no half-initialised object is written.
        ctx.throwTerminating({
          message: `The member "${name}" was not found for the specified .NET object.`,
          errorId: 'InvalidOperationException',
          category: 'InvalidOperation',
          exceptionType: 'System.InvalidOperationException',
          targetObject: null,
        });
      }
    }
  }
  return ctx.write(obj);
}

// ---------------------------------------------------------------------------------------------
// Add-Member

// PSMemberTypes, by value.
const MEMBER_TYPES: Array<[string, number]> = [
  ['AliasProperty', 1], ['CodeProperty', 2], ['Property', 4], ['NoteProperty', 8], ['ScriptProperty', 16], ['Properties', 31],
  ['PropertySet', 32], ['Method', 64], ['CodeMethod', 128], ['ScriptMethod', 256], ['Methods', 448], ['ParameterizedProperty', 512],
  ['MemberSet', 1024], ['Event', 2048], ['Dynamic', 4096], ['InferredProperty', 8192], ['All', 16383],
];

/** -MemberType's conversion to PSMemberTypes: a name or a number. */
function memberTypeName(v: unknown): string {
  const s = toStr(v).trim();
  const n = /^\d+$/.test(s) ? Number(s) : null;
  const found = MEMBER_TYPES.find(([name, value]) => (n === null ? name.toLowerCase() === s.toLowerCase() : value === n));
  if (!found) {
    throw new Error(
      `Cannot convert value "${s}" to type "System.Management.Automation.PSMemberTypes". Error: "Unable to match the identifier name ${s} to a valid enumerator name. Specify one of the following enumerator names and try again:\n${MEMBER_TYPES.map(([name]) => name).join(', ')}"`,
    );
  }
  return found[0];
}

/** The member types a note property can't be named after, with their PSMemberTypes values. */
const RESERVED_NOTE_NAMES: Record<string, number> = {
  aliasproperty: 1, codeproperty: 2, noteproperty: 8, scriptproperty: 16, propertyset: 32, codemethod: 128, scriptmethod: 256, memberset: 1024,
};

/**
 * pwsh's ValidateNotePropertyName: a NotePropertyName that converts to one of those member types is refused. Given
 * positionally, the refusal makes the binder try the next parameter at that position, so `Add-Member NoteProperty
 * N 5` binds MemberType, Name and Value (the MemberSet set), not NotePropertyName.
 */
function notMemberTypeName(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim().toLowerCase();
  const reserved = /^\d+$/.test(s) ? Object.values(RESERVED_NOTE_NAMES).includes(Number(s)) : s in RESERVED_NOTE_NAMES;
  return reserved
    ? 'The parameter NotePropertyName cannot take values that could be converted to the type System.Management.Automation.PSMemberTypes. To define the name of a member with those values, use Add-Member, and specify the member type.'
    : null;
}

/** Does the object already have a member of this name (its own, or a property of what it wraps)? */
function hasExistingMember(target: PSObject, name: string): boolean {
  if (target.getMember(name)) return true;
  const base = target.baseObject;
  if (base === undefined || base === null) return false;
  const lower = name.toLowerCase();
  return getProperties(base).some((p) => p.name.toLowerCase() === lower);
}

const ALL_MEMBER_SETS = ['TypeNameSet', 'MemberSet', 'NotePropertySingleMemberSet', 'NotePropertyMultiMemberSet'];

export const addMember: CmdletDecl = {
  name: 'Add-Member',
  module: UTILITY_MODULE,
  synopsis: 'Adds custom properties and methods to an instance of a PowerShell object.',
  description: 'The Add-Member cmdlet lets you add members (properties and methods) to an instance of a PowerShell object.',
  defaultParameterSet: 'TypeNameSet',
  outputType: ['System.Object'],
  parameters: [
    { name: 'InputObject', type: 'psobject', mandatory: true, valueFromPipeline: true, parameterSets: ALL_MEMBER_SETS },
    { name: 'MemberType', type: memberTypeName, aliases: ['Type'], position: 0, mandatory: true, parameterSets: ['MemberSet'] },
    { name: 'Name', type: 'string', position: 1, mandatory: true, parameterSets: ['MemberSet'] },
    { name: 'Value', type: 'object', position: 2, parameterSets: ['MemberSet'] },
    { name: 'SecondValue', type: 'object', position: 3, parameterSets: ['MemberSet'] },
    { name: 'NotePropertyName', type: 'string', position: 0, mandatory: true, parameterSets: ['NotePropertySingleMemberSet'], validate: notMemberTypeName },
    { name: 'NotePropertyValue', type: 'object', position: 1, mandatory: true, parameterSets: ['NotePropertySingleMemberSet'] },
    { name: 'NotePropertyMembers', type: 'hashtable', position: 0, mandatory: true, parameterSets: ['NotePropertyMultiMemberSet'] },
    { name: 'TypeName', type: 'string', mandatory: ['TypeNameSet'] },
    { name: 'Force', type: 'switch', parameterSets: ['MemberSet', 'NotePropertySingleMemberSet', 'NotePropertyMultiMemberSet'] },
    { name: 'PassThru', type: 'switch' },
  ],
  process(ctx) {
    const input = ctx.params.InputObject;
    if (input === null || input === undefined) {
      ctx.throwTerminating({
        message: 'Cannot bind argument to parameter \'InputObject\' because it is null.',
        errorId: 'ParameterArgumentValidationErrorNullNotAllowed',
        category: 'InvalidData',
        exceptionType: 'System.Management.Automation.ParameterBindingValidationException',
      });
    }
    // Members go on the PSObject itself, or on a PSObject wrapping any other value.
    // An object keeps the members (attachedMemberWrapper); a primitive only gets them on the wrapper -PassThru returns.
    const target =
      input instanceof PSObject ? input : typeof input === 'object' ? attachedMemberWrapper(input as object) : new PSObject(typeNamesOf(input).slice(), input);
    const members: PSMember[] = [];
    const set = ctx.parameterSetName;
    if (set === 'NotePropertySingleMemberSet' || ctx.isBound('NotePropertyName')) {
      members.push({ name: String(ctx.params.NotePropertyName), memberType: 'NoteProperty', value: ctx.params.NotePropertyValue ?? null });
    } else if (set === 'NotePropertyMultiMemberSet' || ctx.isBound('NotePropertyMembers')) {
      const h = ctx.params.NotePropertyMembers;
      if (h instanceof PSHashtable) for (const [k, v] of h.entries()) members.push({ name: String(k), memberType: 'NoteProperty', value: v });
    } else if (ctx.isBound('MemberType')) {
      const m = memberFromParams(ctx);
      if (!m) return;
      members.push(m);
    }
    for (const m of members) {
      if (hasExistingMember(target, m.name)) {
        if (!ctx.params.Force) {
          ctx.writeError({
            message: `Cannot add a member with the name "${m.name}" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command.`,
            errorId: 'MemberAlreadyExists',
            category: 'InvalidOperation',
            exceptionType: 'System.InvalidOperationException',
            targetObject: input,
          });
          return;
        }
        target.removeMember(m.name);
      }
      target.addMember(m);
    }
    if (ctx.isBound('TypeName') && ctx.params.TypeName) {
      const tn = String(ctx.params.TypeName);
      if (target.typeNames[0] !== tn) target.typeNames.unshift(tn);
    }
    if (ctx.params.PassThru) return ctx.write(target);
  },
};

/** Builds the member of the MemberSet parameter set, with pwsh's (terminating) argument checks. */
function memberFromParams(ctx: CmdletContext): PSMember | null {
  const type = String(ctx.params.MemberType);
  const name = String(ctx.params.Name);
  const value = ctx.params.Value ?? null;
  const second = ctx.params.SecondValue ?? null;
  const hasSecond = ctx.isBound('SecondValue');
  const fail = (errorId: string, message: string, exceptionType = 'System.InvalidOperationException', targetObject: unknown = null): never =>
    ctx.throwTerminating({ message, errorId, category: 'InvalidOperation', exceptionType, targetObject });
  const noSecond = () => {
    if (hasSecond) fail('Value2ShouldNotBeSpecified', `The SecondValue parameter is not necessary for a member of type "${type}", and should not be specified. Do not specify the SecondValue parameter when you add members of this type.`);
  };
  const valueNotNull = () => {
    if (value === null) fail('Value1ShouldNotBeNull', `The Value parameter should not be null for a member of type "${type}". Specify a non-null value for the Value parameter when adding members of this type.`);
  };
  const notBothNull = () => {
    if (value === null && (second === null || !hasSecond)) fail('Value1AndValue2AreNotBothNull', `Both Value and SecondValue parameters should not be null for a member of type "${type}". Specify a non-null value for one of the two parameters.`);
  };
  const scriptBlock = (v: unknown): unknown => {
    if (v === null || v instanceof ScriptBlock || typeof v === 'function') return v;
    const typeName = typeOf(v).FullName;
    return fail('ConvertToFinalInvalidCastException', `Cannot convert the "${toStr(v)}" value of type "${typeName}" to type "System.Management.Automation.ScriptBlock".`, 'System.Management.Automation.PSInvalidCastException', v);
  };
  switch (type) {
    case 'NoteProperty':
      noSecond();
      return { name, memberType: 'NoteProperty', value };
    case 'AliasProperty': {
      valueNotNull();
      // -SecondValue: the type the aliased value converts to.
      let aliasType: PSType | undefined;
      if (second !== null) {
        aliasType = second instanceof PSType ? second : (resolveType(toStr(second)) ?? undefined);
        if (!aliasType) {
          fail('InvalidCastFromStringToType', `Cannot convert the "${toStr(second)}" value of type "System.String" to type "System.Type".`, 'System.Management.Automation.PSInvalidCastException', second);
        }
      }
      return { name, memberType: 'AliasProperty', value: toStr(value), aliasType };
    }
    case 'ScriptProperty': {
      notBothNull();
      const getter = scriptBlock(value);
      const setter = hasSecond ? scriptBlock(second) : null;
      return { name, memberType: 'ScriptProperty', value: getter, setter: setter ?? undefined };
    }
    case 'ScriptMethod':
      noSecond();
      valueNotNull();
      return { name, memberType: 'ScriptMethod', value: scriptBlock(value) };
    case 'CodeMethod':
      valueNotNull();
      noSecond();
      return { name, memberType: 'CodeMethod', value };
    default:
      return fail('CannotAddMemberType', `Cannot add a member with type "${type}". Specify a different type for the MemberTypes parameter.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Get-Member

/** Microsoft.PowerShell.Commands.MemberDefinition. */
export class MemberDefinition {
  [TYPE_NAME] = 'Microsoft.PowerShell.Commands.MemberDefinition';
  constructor(
    public TypeName: string,
    public Name: string,
    public MemberType: string,
    public Definition: string,
  ) {}
  toString(): string {
    return this.Definition;
  }
}

let viewRegistered = false;
function ensureMemberView(): void {
  if (viewRegistered) return;
  viewRegistered = true;
  ensureBuiltinViews();
  registerView('Microsoft.PowerShell.Commands.MemberDefinition', {
    table: {
      columns: [{ label: 'Name' }, { label: 'MemberType' }, { label: 'Definition' }],
      groupBy: { getter: (o) => (o as MemberDefinition).TypeName, header: (v) => `   TypeName: ${String(v)}` },
    },
  });
}

/** The short type name pwsh shows in definitions (`int`, `string`, `Object[]`, `datetime`). */
export function displayTypeName(v: unknown): string {
  if (v === null || v === undefined) return 'object';
  const t = typeOf(v);
  return typeDisplay(t);
}

function typeDisplay(t: PSType): string {
  if (t.IsArray && t.elementType) {
    const el = t.elementType.FullName === 'System.Object' ? 'Object' : typeDisplay(t.elementType);
    return el + t.FullName.slice(t.elementType.FullName.length);
  }
  if (t.FullName === 'System.Object') return 'System.Object';
  if (t.FullName === 'System.Management.Automation.PSCustomObject') return 'PSCustomObject';
  return t.psName;
}

/** Value text in a NoteProperty definition (a PSCustomObject's ToString() is empty). */
function definitionValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof PSObject && (v.baseObject === undefined || v.baseObject === null)) return '';
  if (Array.isArray(v)) return typeOf(v).FullName;
  return toStr(v);
}

const OBJECT_METHODS: [string, string][] = [
  ['Equals', 'bool Equals(System.Object obj)'],
  ['GetHashCode', 'int GetHashCode()'],
  ['GetType', 'type GetType()'],
  ['ToString', 'string ToString()'],
];

interface RawMember {
  name: string;
  memberType: string;
  definition: string;
}

function membersOf(v: unknown): RawMember[] {
  const out: RawMember[] = [];
  const seen = new Set<string>();
  const add = (m: RawMember) => {
    const k = m.name.toLowerCase();
    if (seen.has(k)) return;
    seen.add(k);
    out.push(m);
  };
  const addProperties = (): void => {
    for (const p of getProperties(v)) {
      // Listed already (an instance member): its value is not computed again (a script property's getter would run).
      if (seen.has(p.name.toLowerCase())) continue;
      let value: unknown = null;
      try {
        value = p.get();
      } catch {
        value = null;
      }
      // An alias property that type data gives the object's type (Update-TypeData, types.ps1xml) lists as one.
      const alias = p.memberType === 'AliasProperty' ? typeMemberOf(typeNamesOf(v), p.name) : undefined;
      if (alias?.memberType === 'AliasProperty') {
        add({ name: p.name, memberType: 'AliasProperty', definition: `${p.name} = ${String(alias.value)}` });
        continue;
      }
      const memberType = p.memberType === 'NoteProperty' ? 'NoteProperty' : 'Property';
      const definition =
        memberType === 'NoteProperty' ? `${displayTypeName(value)} ${p.name}=${definitionValue(value)}` : `${displayTypeName(value)} ${p.name} {get;${p.settable ? 'set;' : ''}}`;
      add({ name: p.name, memberType, definition });
    }
  };
  if (v instanceof PSObject) {
    for (const m of v.members.values()) {
      if (m.hidden) continue;
      switch (m.memberType) {
        case 'NoteProperty':
          add({ name: m.name, memberType: 'NoteProperty', definition: `${displayTypeName(m.value)} ${m.name}=${definitionValue(m.value)}` });
          break;
        case 'AliasProperty':
          add({ name: m.name, memberType: 'AliasProperty', definition: `${m.name} = ${String(m.value)}` });
          break;
        case 'ScriptProperty': {
          const get = m.value === null || m.value === undefined ? '' : `get=${String(m.value)};`;
          const set = m.setter === null || m.setter === undefined ? '' : `set=${String(m.setter)};`;
          add({ name: m.name, memberType: 'ScriptProperty', definition: `System.Object ${m.name} {${get}${set}}` });
          break;
        }
        case 'ScriptMethod':
          add({ name: m.name, memberType: 'ScriptMethod', definition: `System.Object ${m.name}();` });
          break;
        case 'CodeMethod':
          add({ name: m.name, memberType: 'Method', definition: `${m.name}()` });
          break;
        default: {
          const declared = v instanceof ClassInstance ? v.behaviour.propertyTypeName(m.name) : null;
          add({ name: m.name, memberType: m.memberType, definition: `${declared ?? displayTypeName(m.value)} ${m.name} {get;set;}` });
        }
      }
    }
    if (v instanceof ClassInstance) for (const [n, d] of v.behaviour.methodSignatures()) add({ name: n, memberType: 'Method', definition: d });
    if (v.baseObject === undefined || v.baseObject === null) {
      // Properties type data gives the object's type names (its own ones are listed above).
      if (!(v instanceof ClassInstance)) addProperties();
      for (const [n, d] of OBJECT_METHODS) add({ name: n, memberType: 'Method', definition: d });
      return out;
    }
    for (const m of membersOf(v.baseObject)) add(m);
    return out;
  }
  if (typeof v === 'string') {
    add({ name: 'Chars', memberType: 'ParameterizedProperty', definition: 'char Chars(int index) {get;}' });
    add({ name: 'Length', memberType: 'Property', definition: 'int Length {get;}' });
    for (const n of Object.keys(stringMethods)) add({ name: n, memberType: 'Method', definition: `${n}(...)` });
  }
  addProperties();
  for (const [n, d] of OBJECT_METHODS) add({ name: n, memberType: 'Method', definition: d });
  return out;
}

function staticMembersOf(t: PSType): RawMember[] {
  const out: RawMember[] = [];
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  for (const n of Object.keys(t.def.staticMethods ?? {})) out.push({ name: cap(n), memberType: 'Method', definition: `static ${cap(n)}(...)` });
  for (const n of Object.keys(t.def.staticProps ?? {})) out.push({ name: cap(n), memberType: 'Property', definition: `static ${cap(n)} {get;}` });
  if (t.def.enumValues) for (const [n] of t.def.enumValues) out.push({ name: n, memberType: 'Property', definition: `static ${t.FullName} ${n} {get;}` });
  out.push({ name: 'Equals', memberType: 'Method', definition: 'static bool Equals(System.Object objA, System.Object objB)' });
  out.push({ name: 'ReferenceEquals', memberType: 'Method', definition: 'static bool ReferenceEquals(System.Object objA, System.Object objB)' });
  const seen = new Set<string>();
  return out.filter((m) => (seen.has(m.name.toLowerCase()) ? false : (seen.add(m.name.toLowerCase()), true)));
}

/** -MemberType values and what they select (Properties / Methods / All are groups). */
function memberTypeFilter(v: unknown): ((t: string) => boolean) | null {
  const names = asStringArray(v).flatMap((s) => s.split(',')).map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  if (names.length === 0) return null;
  const wanted = new Set<string>();
  for (const n of names) {
    if (n === 'all') return () => true;
    if (n === 'properties') for (const t of ['aliasproperty', 'codeproperty', 'property', 'noteproperty', 'scriptproperty']) wanted.add(t);
    else if (n === 'methods') for (const t of ['method', 'codemethod', 'scriptmethod']) wanted.add(t);
    else wanted.add(n);
  }
  return (t) => wanted.has(t.toLowerCase());
}

interface GetMemberState {
  seen: Set<string>;
  results: MemberDefinition[];
}

export const getMember: CmdletDecl<GetMemberState> = {
  name: 'Get-Member',
  module: UTILITY_MODULE,
  synopsis: 'Gets the properties and methods of objects.',
  description: 'The Get-Member cmdlet gets the members, the properties and methods, of objects.',
  outputType: ['Microsoft.PowerShell.Commands.MemberDefinition'],
  aliases: ['gm'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'Name', type: 'string[]', position: 0 },
    { name: 'MemberType', type: 'string[]', aliases: ['Type'] },
    { name: 'View', type: 'string[]', validateSet: ['Extended', 'Adapted', 'Base', 'All'] },
    { name: 'Static', type: 'switch' },
    { name: 'Force', type: 'switch' },
  ],
  init: () => ({ seen: new Set(), results: [] }),
  begin() {
    ensureMemberView();
  },
  process(ctx) {
    if (!ctx.isBound('InputObject')) return;
    const input = ctx.params.InputObject;
    if (input === null || input === undefined) return;
    const isStatic = !!ctx.params.Static;
    const type = isStatic ? (input instanceof PSType ? input : typeOf(input)) : null;
    const typeName = type ? type.FullName : typeNamesOf(input)[0] ?? typeOf(input).FullName;
    if (ctx.state.seen.has(typeName)) return;
    ctx.state.seen.add(typeName);
    const names = asStringArray(ctx.params.Name).map(nameMatcher);
    const typeFilter = memberTypeFilter(ctx.params.MemberType);
    const raw = type ? staticMembersOf(type) : membersOf(input);
    const selected = raw.filter((m) => (names.length === 0 || matchesAny(m.name, names)) && (!typeFilter || typeFilter(m.memberType)));
    // pwsh sorts by member type name, then by member name.
    selected.sort((a, b) => cmp(a.memberType, b.memberType) || cmp(a.name.toLowerCase(), b.name.toLowerCase()));
    for (const m of selected) ctx.state.results.push(new MemberDefinition(typeName, m.name, m.memberType, m.definition));
  },
  end(ctx) {
    if (!ctx.expectingInput && !ctx.isBound('InputObject')) {
      ctx.writeError({
        message: 'You must specify an object for the Get-Member cmdlet.',
        errorId: 'NoObjectInGetMember',
        category: 'CloseError',
        exceptionType: 'System.InvalidOperationException',
      });
      return;
    }
    return writeSeq(ctx, ctx.state.results, 0);
  },
};

function writeSeq(ctx: CmdletContext, items: readonly unknown[], start: number): void | Promise<void> {
  for (let i = start; i < items.length; i++) {
    const r = ctx.write(items[i]);
    if (isPromise(r)) return r.then(() => writeSeq(ctx, items, i + 1));
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const cmdlets: CmdletDecl[] = [newObjectCmdlet, addMember, getMember];
