// The runtime type of a value (`.GetType()`) and its PSObject.TypeNames.
import { PSSemanticVersion } from './semver.js';
import { PSException, ErrorRecord, setTypeNameHook } from '../errors.js';
import { ScriptBlock } from '../interpreter/scriptblock.js';
import { PSChar, PSDecimal, PSDouble, PSNumber, isInt32 } from '../values/numbers.js';
import { ClassInstance, PSHashtable, PSObject, PSOrderedHashtable } from '../values/objects.js';
import { RegexMatch } from '../values/regex.js';
import { PSSwitch } from '../values/switch.js';
import './builtin-types.js';
import { PSBoundParametersDictionary, PSDictionary, PSHashSet, PSList, PSQueue, PSStack, PSStringBuilder } from './collections.js';
import { TimeSpan } from './datetime.js';
import { PSMultiArray } from './multi-array.js';
import { PSType, arrayTypeOf, defineType, instantiateGeneric, resolveType, typeByFullName } from './ps-type.js';
import {
  DictionaryEntry, KeyValuePair, PSEncoding, PSEnumValue, PSGuid, PSReference, PSTuple, PSRegex, PSUri, PSVersion, PSWildcardPattern, TYPE_NAME,
} from './simple-values.js';

/** Typed arrays (`[int[]]$a`) remember their element type; plain JS arrays are object[]. */
const arrayElementTypes = new WeakMap<unknown[], PSType>();

export function setArrayElementType(arr: unknown[], element: PSType): void {
  arrayElementTypes.set(arr, element);
}
export function arrayElementType(arr: unknown[]): PSType {
  return arrayElementTypes.get(arr) ?? T('System.Object');
}

function T(fullName: string): PSType {
  return typeByFullName(fullName)!;
}

// Error messages of the values layer name other values by their .NET type (`[System.RuntimeType]`).
setTypeNameHook((v) => typeOf(v).FullName);

/** The type of a value with a .NET type name that may not be registered (exceptions, AWS model objects). */
export function typeForName(fullName: string, baseType = 'System.Object'): PSType {
  return typeByFullName(fullName) ?? resolveType(fullName) ?? defineType({ fullName, baseType });
}

export function typeOf(v: unknown): PSType {
  switch (typeof v) {
    case 'string':
      return T('System.String');
    case 'number':
      return T(isInt32(v) ? 'System.Int32' : 'System.Double');
    case 'boolean':
      return T('System.Boolean');
    case 'bigint':
      return T('System.Int64');
    case 'undefined':
      return T('System.Object');
    case 'function':
      return T('System.Object');
  }
  if (v === null) return T('System.Object');
  if (Array.isArray(v)) {
    if (v instanceof PSList) {
      return v.elementType ? generic(v.genericName ?? 'System.Collections.Generic.List', [v.elementType]) : T('System.Collections.ArrayList');
    }
    return arrayTypeOf(arrayElementType(v));
  }
  if (v instanceof PSMultiArray) return arrayTypeOf(v.elementType, v.Rank);
  if (v instanceof PSDouble) return T('System.Double');
  if (v instanceof PSNumber) return T(v.type === 'BigInteger' ? 'System.Numerics.BigInteger' : `System.${v.type}`);
  if (v instanceof PSDecimal) return T('System.Decimal');
  if (v instanceof PSChar) return T('System.Char');
  if (v instanceof PSObject) {
    if (v instanceof ClassInstance) return v.behaviour.type as PSType;
    if (v.baseObject !== undefined && v.baseObject !== null) return typeOf(v.baseObject);
    return dotNetClassOf(v.typeNames) ?? T('System.Management.Automation.PSCustomObject');
  }
  if (v instanceof PSBoundParametersDictionary) return T('System.Management.Automation.PSBoundParametersDictionary');
  if (v instanceof KeyValuePair) return generic('System.Collections.Generic.KeyValuePair', [typeOf(v.Key), typeOf(v.Value)]);
  if (v instanceof PSDictionary) return generic(v.sorted ? 'System.Collections.Generic.SortedDictionary' : 'System.Collections.Generic.Dictionary', [v.keyType, v.valueType]);
  if (v instanceof PSOrderedHashtable) return T('System.Management.Automation.OrderedHashtable');
  if (v instanceof PSHashtable) return T(v.ordered ? 'System.Collections.Specialized.OrderedDictionary' : 'System.Collections.Hashtable');
  if (v instanceof Date) return T('System.DateTime');
  if (v instanceof TimeSpan) return T('System.TimeSpan');
  if (v instanceof ScriptBlock) return v.delegateType ?? T('System.Management.Automation.ScriptBlock');
  if (v instanceof PSType) return T('System.RuntimeType');
  if (v instanceof PSException) return typeForName(v.typeName, 'System.Exception');
  if (v instanceof ErrorRecord) return T('System.Management.Automation.ErrorRecord');
  if (v instanceof PSEnumValue) return v.type;
  if (v instanceof PSGuid) return T('System.Guid');
  if (v instanceof PSTuple) return generic('System.Tuple', v.items.map(typeOf));
  if (v instanceof PSVersion) return T('System.Version');
  if (v instanceof PSSemanticVersion) return T('System.Management.Automation.SemanticVersion');
  if (v instanceof PSSwitch) return T('System.Management.Automation.SwitchParameter');
  if (v instanceof PSUri) return T('System.Uri');
  if (v instanceof PSRegex) return T('System.Text.RegularExpressions.Regex');
  if (v instanceof PSWildcardPattern) return T('System.Management.Automation.WildcardPattern');
  if (v instanceof RegexMatch) return T('System.Text.RegularExpressions.Match');
  if (v instanceof PSEncoding) return T(`System.Text.${v.className}`);
  if (v instanceof DictionaryEntry) return T('System.Collections.DictionaryEntry');
  if (v instanceof PSReference) return T('System.Management.Automation.PSReference');
  if (v instanceof PSStringBuilder) return T('System.Text.StringBuilder');
  if (v instanceof PSHashSet) return generic('System.Collections.Generic.HashSet', [v.elementType]);
  if (v instanceof PSQueue) return v.elementType ? generic('System.Collections.Generic.Queue', [v.elementType]) : T('System.Collections.Queue');
  if (v instanceof PSStack) return v.elementType ? generic('System.Collections.Generic.Stack', [v.elementType]) : T('System.Collections.Stack');
  if (v instanceof Uint8Array) return arrayTypeOf(T('System.Byte'));
  const tagged = (v as { [TYPE_NAME]?: unknown })[TYPE_NAME];
  if (typeof tagged === 'string') return typeForName(tagged);
  return T('System.Object');
}

/**
 * Cmdlet result classes (GroupInfo, GenericMeasureInfo, MatchInfo) are emulated with property bags carrying
 * the class name first; GetType() reports that class rather than PSCustomObject.
 */
function dotNetClassOf(typeNames: string[]): PSType | null {
  const name = typeNames[0];
  if (name === undefined || !name.startsWith('Microsoft.PowerShell.Commands.')) return null;
  return typeByFullName(name) ?? null;
}

function generic(name: string, args: (PSType | null)[]): PSType {
  return instantiateGeneric(name, args.map((a) => a ?? T('System.Object'))) ?? T('System.Object');
}

/** PSObject.TypeNames / pstypenames of a value, most derived first. */
export function typeNamesOf(v: unknown): string[] {
  if (v instanceof PSObject) return v.typeNames;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const tagged = (v as { [TYPE_NAME]?: unknown })[TYPE_NAME];
    if (typeof tagged === 'string' && !typeByFullName(tagged)) return [tagged, 'System.Object'];
  }
  if (v === null || v === undefined) return [];
  return typeOf(v).typeNameChain;
}
