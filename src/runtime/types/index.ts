// The .NET-like type surface: type resolution, casts, -is/-as, members, methods and static members.
export {
  PSType, NO_CONVERSION, registerType, resolveType, resolveTypeOrThrow, typeNotFoundError, arrayTypeOf,
  instantiateGeneric, typeByFullName, registeredTypeNames, setLocalTypesHook, setUsingNamespacesHook, addUsingNamespaces, type TypeDef, type PropertyDef, type ScriptTypeInfo,
} from './ps-type.js';
export { typeOf, typeNamesOf, typeForName, setArrayElementType, arrayElementType } from './type-of.js';
export { convertTo, isInstanceOf, asType, castError } from './cast.js';
export { getMember, getMemberMaybe, hasMember, setMember, setMemberMaybe, TIMESPAN_PROPS, dateTimePropertyNames } from './members.js';
export { invokeMethod, invokeMethodMaybe, invokeMethodOrVoid, isMagicMethodName, setGetNewClosureHook } from './methods.js';
export { getStaticMember, setStaticMember, invokeStaticMethod, newObject } from './statics.js';
export {
  makeDate, dateKind, dateFromParts, addDateTime, subtractDateTime, scaleTimeSpan, formatDateTime, parseDateTime, TimeSpan,
  setDisplayHint, dateTimeDisplay, type DisplayHint,
  type DateTimeKind,
} from './datetime.js';
export { PSSemanticVersion } from './semver.js';
export {
  TYPE_NAME, PSReference, PSGuid, PSVersion, PSUri, PSEnumValue, DictionaryEntry, KeyValuePair, PSRegex, PSEncoding, encodings,
} from './simple-values.js';
export {
  PSList, PSDictionary, PSBoundParametersDictionary, PSHashSet, PSQueue, PSStack, PSStringBuilder, getEnumerable, isEnumerable,
} from './collections.js';
