// PSType (what `[int]` evaluates to) and the type registry: definitions, accelerators, generic and array types.
import type { TypeName, Extent, SourceFile } from '../../parser/ast.js';
import { runtimeError, type PSRuntimeError } from '../errors.js';

/** Returned by a TypeDef's `convert` when it cannot convert the value. */
export const NO_CONVERSION: unique symbol = Symbol('awsh.noConversion');

export interface PropertyDef {
  name: string;
  /** PowerShell type name of the property (for conversion on set and for display), default 'System.Object'. */
  type?: string;
}

/** Everything the runtime knows about one type. Behaviour hooks are optional. */
export interface TypeDef {
  fullName: string;
  /** Full name of the base type; default 'System.Object' (null for System.Object itself). */
  baseType?: string | null;
  /** Accelerator names (lower case is not required), e.g. ['int', 'int32']. The first is the display name. */
  accelerators?: string[];
  isValueType?: boolean;
  /** Generic type definition arity (List`1 → 1). */
  genericArity?: number;
  /** Extra names reported by pstypenames after the base chain is not needed; interfaces for -is. */
  interfaces?: string[];
  /** Is v an instance of this exact type or a derived one? */
  isInstance?: (v: unknown, t: PSType) => boolean;
  /** Cast v to this type; return NO_CONVERSION when not possible (the caller raises the error). */
  convert?: (v: unknown, t: PSType) => unknown;
  /** `[T]::new(...)` / New-Object. */
  construct?: (args: unknown[], t: PSType) => unknown;
  /** Static properties by lower-case name. */
  staticProps?: Record<string, (t: PSType) => unknown>;
  /** Static methods by lower-case name. */
  staticMethods?: Record<string, (args: unknown[], t: PSType) => unknown>;
  /** Enum members in declaration order: [name, value]. */
  enumValues?: [string, number][];
  /** An enum's underlying integral type (full name); System.Int32 when not given. */
  enumUnderlying?: string;
  flags?: boolean;
  /** Instance properties of registered (model) types: instances are plain objects tagged with TYPE_NAME. */
  properties?: PropertyDef[];
  /** The base type itself, for script classes (their bases are session-local: not found by name in the registry). */
  baseTypeRef?: PSType;
  /** Behaviour of a script-defined (`class`/`enum`) type: statics live per definition, not in the shared tables. */
  script?: ScriptTypeInfo;
}

/** Static members of a script-defined type (implemented by the interpreter, which runs their code). */
export interface ScriptTypeInfo {
  kind: 'class' | 'enum';
  /** `[T]::name` → `{ value }`, or null when there is no such static member. */
  getStatic(lname: string): { value: unknown } | null;
  /** `[T]::name = value`; false when there is no such static property. */
  setStatic(lname: string, value: unknown): boolean;
  /** `[T]::name(args)` → `{ value }` (a Promise when the method ran an async command), or null when there is no such static method. */
  invokeStatic(lname: string, args: unknown[]): { value: unknown } | null;
}

/**
 * Script-defined types of the running session (`class`/`enum`), consulted before the registry so that two shells
 * in one process never see each other's types. Installed by the interpreter.
 */
let localTypes: () => Map<string, PSType> | null = () => null;
export function setLocalTypesHook(fn: () => Map<string, PSType> | null): void {
  localTypes = fn;
}

const SYSTEM_PRIVATE_CORELIB = 'System.Private.CoreLib, Version=8.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e';
const SMA_ASSEMBLY = 'System.Management.Automation, Version=7.4.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35';

/** The assembly a generic argument's name is qualified with (PowerShell's own types live in S.M.A). */
function assemblyOf(t: PSType): string {
  return t.Namespace.startsWith('System.Management.Automation') && !t.IsArray ? SMA_ASSEMBLY : SYSTEM_PRIVATE_CORELIB;
}

/** A resolved type: one singleton per type (definition + generic args + array rank). */
export class PSType {
  readonly FullName: string;
  readonly Name: string;
  readonly Namespace: string;
  readonly IsArray: boolean;
  readonly IsEnum: boolean;
  readonly IsGenericType: boolean;
  readonly IsValueType: boolean;
  /** PowerShell's display name (`int`, `System.Collections.Generic.List[string]`), used for string conversion. */
  readonly psName: string;

  constructor(
    readonly def: TypeDef,
    readonly elementType: PSType | null = null,
    readonly genericArgs: PSType[] | null = null,
    readonly arrayRank = 0,
  ) {
    this.IsArray = elementType !== null;
    this.IsEnum = !!def.enumValues;
    this.IsGenericType = !!genericArgs;
    this.IsValueType = !!def.isValueType || this.IsEnum;
    if (elementType) {
      const suffix = '[' + ','.repeat(Math.max(0, arrayRank - 1)) + ']';
      this.FullName = elementType.FullName + suffix;
      this.Name = elementType.Name + suffix;
      this.Namespace = elementType.Namespace;
      this.psName = elementType.psName + suffix;
    } else {
      const dot = def.fullName.lastIndexOf('.');
      this.Namespace = dot < 0 ? '' : def.fullName.slice(0, dot);
      let baseName = dot < 0 ? def.fullName : def.fullName.slice(dot + 1);
      // A nested type's Name is its own (`ArrayList+ArrayListEnumeratorSimple` → `ArrayListEnumeratorSimple`).
      if (!genericArgs) baseName = baseName.slice(baseName.lastIndexOf('+') + 1);
      if (genericArgs) {
        this.Name = baseName;
        this.FullName =
          def.fullName + '[' + genericArgs.map((g) => `[${g.FullName}, ${assemblyOf(g)}]`).join(',') + ']';
        this.psName = def.fullName.replace(/`\d+$/, '') + '[' + genericArgs.map((g) => g.psName).join(',') + ']';
      } else {
        this.Name = baseName;
        this.FullName = def.fullName;
        this.psName = def.accelerators?.[0] ?? (def.fullName === 'System.Management.Automation.PSCustomObject' ? 'PSCustomObject' : def.fullName);
      }
    }
  }

  get BaseType(): PSType | null {
    if (this.IsArray) return resolveType('System.Array');
    if (this.IsEnum) return resolveType('System.Enum');
    if (this.def.baseTypeRef) return this.def.baseTypeRef;
    const b = this.def.baseType === undefined ? 'System.Object' : this.def.baseType;
    return b === null ? null : resolveType(b);
  }

  get IsPublic(): boolean {
    return true;
  }
  /** [Serializable]: true for the .NET base library types; PowerShell's own runtime types mostly are not. */
  get IsSerial(): boolean {
    if (this.IsArray) return true;
    const n = this.def.fullName;
    return !n.startsWith('System.Management.Automation.') || /\.(ErrorRecord|PSObject|PSCustomObject)$/.test(n);
  }

  /** The names of this type and its base types, most derived first (PSObject.TypeNames). */
  get typeNameChain(): string[] {
    const names: string[] = [];
    for (let t: PSType | null = this; t && names.length < 20; t = t.BaseType) names.push(t.FullName);
    return names;
  }

  ToString(): string {
    return this.FullName;
  }
  /** PowerShell's string conversion of a type object: the accelerator or PowerShell-style name. */
  toString(): string {
    return this.psName;
  }
  IsInstanceOfType(v: unknown): boolean {
    return isInstanceHook(v, this);
  }
  GetType(): PSType {
    return resolveType('System.RuntimeType')!;
  }
  /** Is this type the same as, or derived from, `other` (by name)? */
  isSubclassOrSame(other: PSType): boolean {
    if (this === other) return true;
    const want = other.FullName.toLowerCase();
    for (let t: PSType | null = this; t; t = t.BaseType) if (t.FullName.toLowerCase() === want) return true;
    return !!this.def.interfaces?.some((i) => i.toLowerCase() === want);
  }
}

// -------------------------------------------------------------------------------------------------
// Registry

const defsByName = new Map<string, TypeDef>(); // lower-case full name → def
const accelerators = new Map<string, string>(); // lower-case accelerator → full name
const plainTypes = new Map<TypeDef, PSType>();
const derivedTypes = new Map<string, PSType>(); // key for array / generic instantiations

let isInstanceHook: (v: unknown, t: PSType) => boolean = () => false;
/** Installed by cast.ts (avoids a module cycle). */
export function setIsInstanceHook(fn: (v: unknown, t: PSType) => boolean): void {
  isInstanceHook = fn;
}

let builtinsLoaders: (() => void)[] = [];
/** Builtin type tables load lazily, on the first resolve (keeps start-up cheap); each loader runs once. */
export function setBuiltinsLoader(fn: () => void): void {
  builtinsLoaders.push(fn);
}
let builtinsLoaded = false;
/** Whether the builtin type tables have loaded (start-up should not need them: see test/embedding/startup-work.test.ts). */
export function builtinTypesLoaded(): boolean {
  return builtinsLoaded;
}
function ensureBuiltins(): void {
  builtinsLoaded = true;
  if (builtinsLoaders.length) {
    const loaders = builtinsLoaders;
    builtinsLoaders = [];
    for (const f of loaders) f();
  }
}

/** Register (or replace) a type. Returns its PSType. */
export function registerType(def: TypeDef): PSType {
  ensureBuiltins();
  return defineType(def);
}

/** Internal registration used while loading the builtins. */
export function defineType(def: TypeDef): PSType {
  const key = def.fullName.toLowerCase();
  const old = defsByName.get(key);
  if (old) plainTypes.delete(old);
  defsByName.set(key, def);
  for (const a of def.accelerators ?? []) accelerators.set(a.toLowerCase(), def.fullName);
  return typeForDef(def);
}

function typeForDef(def: TypeDef): PSType {
  let t = plainTypes.get(def);
  if (!t) {
    t = new PSType(def);
    plainTypes.set(def, t);
  }
  return t;
}

/** The array type `T[]` (rank 1 unless given). */
export function arrayTypeOf(element: PSType, rank = 1): PSType {
  const key = `${element.FullName}|[${rank}]`;
  let t = derivedTypes.get(key);
  if (!t) {
    t = new PSType(ARRAY_DEF, element, null, rank);
    derivedTypes.set(key, t);
  }
  return t;
}
const ARRAY_DEF: TypeDef = { fullName: 'System.Array' };

function genericType(def: TypeDef, args: PSType[]): PSType {
  const key = `${def.fullName}|<${args.map((a) => a.FullName).join(',')}>`;
  let t = derivedTypes.get(key);
  if (!t) {
    t = new PSType(def, null, args);
    derivedTypes.set(key, t);
  }
  return t;
}

function lookupDef(name: string): TypeDef | undefined {
  const lower = name.toLowerCase();
  const acc = accelerators.get(lower);
  if (acc) return defsByName.get(acc.toLowerCase());
  const d = defsByName.get(lower) ?? defsByName.get('system.' + lower);
  if (d) return d;
  const namespaces = usingNamespaces();
  if (namespaces) {
    for (const ns of namespaces) {
      const inNs = defsByName.get(ns + '.' + lower);
      if (inNs) return inNs;
    }
  }
  return undefined;
}

/** Lower-cased namespaces of the running session's `using namespace` statements. */
let usingNamespaces: () => string[] | null = () => null;
export function setUsingNamespacesHook(fn: () => string[] | null): void {
  usingNamespaces = fn;
}

/** A script's `using namespace` names join the running session's lookup list (when its code is compiled). */
export function addUsingNamespaces(names: readonly string[]): void {
  const list = usingNamespaces();
  if (!list) return;
  for (const n of names) {
    const lower = n.toLowerCase();
    if (!list.includes(lower)) list.push(lower);
  }
}

/** Split `List[string]`, `Dictionary[string,int]`, `int[]`, `int[,]` text into parts (for string type names). */
function parseTypeNameText(text: string): TypeName | null {
  let pos = 0;
  const s = text.trim();
  function parseOne(): TypeName | null {
    const start = pos;
    while (pos < s.length && !'[],'.includes(s[pos]!)) pos++;
    const name = s.slice(start, pos).trim();
    if (!name) return null;
    let genericArgs: TypeName[] | null = null;
    let result: TypeName = { name, genericArgs: null, arrayRank: 0, elementType: null, text: '' };
    // generic args: `[` followed by something other than `]` or `,`
    if (s[pos] === '[' && s[pos + 1] !== ']' && s[pos + 1] !== ',') {
      pos++;
      genericArgs = [];
      for (;;) {
        while (s[pos] === ' ') pos++;
        let bracketed = false;
        if (s[pos] === '[') {
          bracketed = true;
          pos++;
        }
        const arg = parseOne();
        if (!arg) return null;
        if (bracketed) {
          // skip an assembly qualification inside [[T, Assembly]]
          while (pos < s.length && s[pos] !== ']') pos++;
          pos++;
        }
        genericArgs.push(arg);
        while (s[pos] === ' ') pos++;
        if (s[pos] === ',') {
          pos++;
          continue;
        }
        if (s[pos] === ']') {
          pos++;
          break;
        }
        return null;
      }
      result = { ...result, genericArgs };
    }
    while (s[pos] === '[' && (s[pos + 1] === ']' || s[pos + 1] === ',')) {
      pos++;
      let rank = 1;
      while (s[pos] === ',') {
        rank++;
        pos++;
      }
      if (s[pos] !== ']') return null;
      pos++;
      result =
        result.arrayRank === 0
          ? { ...result, arrayRank: rank }
          : { name: result.name, genericArgs: null, arrayRank: rank, elementType: result, text: '' };
    }
    result.text = s.slice(start, pos);
    return result;
  }
  const r = parseOne();
  return r && pos === s.length ? r : null;
}

/** Resolve a type name (case-insensitive, implied `System.`, accelerators, generics, arrays). Unknown → null. */
export function resolveType(name: TypeName | string, local: Map<string, PSType> | null = localTypes()): PSType | null {
  ensureBuiltins();
  let tn: TypeName | null;
  if (typeof name === 'string') {
    const own = local?.get(name.toLowerCase());
    if (own) return own;
    const direct = lookupDef(name);
    if (direct && !direct.genericArity) return typeForDef(direct);
    tn = parseTypeNameText(name);
    if (!tn) return null;
  } else tn = name;
  return resolveParsed(tn, local !== null && local.size > 0 ? local : null);
}

function resolveParsed(tn: TypeName, local: Map<string, PSType> | null): PSType | null {
  if (tn.elementType) {
    const inner = resolveParsed(tn.elementType, local);
    return inner && tn.arrayRank > 0 ? arrayTypeOf(inner, tn.arrayRank) : inner;
  }
  let base: PSType | null;
  if (tn.genericArgs && tn.genericArgs.length > 0) {
    const n = tn.genericArgs.length;
    const stripped = tn.name.replace(/`\d+$/, '');
    const def = lookupDef(`${stripped}\`${n}`);
    if (!def) return null;
    const args: PSType[] = [];
    for (const a of tn.genericArgs) {
      const r = resolveParsed(a, local);
      if (!r) return null;
      args.push(r);
    }
    base = genericType(def, args);
  } else {
    const own = local?.get(tn.name.toLowerCase());
    const def = own ? null : lookupDef(tn.name);
    if (!own && !def) return null;
    base = own ?? typeForDef(def!);
  }
  return tn.arrayRank > 0 ? arrayTypeOf(base, tn.arrayRank) : base;
}

/** Resolve or throw TypeNotFound. */
export function resolveTypeOrThrow(name: TypeName | string, extent?: Extent, source?: SourceFile): PSType {
  const t = resolveType(name);
  if (!t) throw typeNotFoundError(typeof name === 'string' ? name : name.text, extent, source);
  return t;
}

/** `Unable to find type [Foo].` (errorId TypeNotFound). */
export function typeNotFoundError(name: string, extent?: Extent, source?: SourceFile): PSRuntimeError {
  return runtimeError(`Unable to find type [${name}].`, 'TypeNotFound', {
    category: 'InvalidOperation',
    target: name,
    extent,
    source,
  });
}

/** The PSType of a definition already registered under this full name (no parsing). */
export function typeByFullName(fullName: string): PSType | null {
  ensureBuiltins();
  const def = defsByName.get(fullName.toLowerCase());
  return def ? typeForDef(def) : null;
}

/** All registered type definitions (for Get-TypeData-like listings and tests). */
export function registeredTypeNames(): string[] {
  ensureBuiltins();
  return [...defsByName.values()].map((d) => d.fullName);
}

/** `Name[args...]` for a generic definition registered as `Name`n`. */
export function instantiateGeneric(name: string, args: PSType[]): PSType | null {
  ensureBuiltins();
  const def = lookupDef(`${name}\`${args.length}`);
  return def ? genericType(def, args) : null;
}
