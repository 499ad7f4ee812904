// Script-defined types: `enum` and `class` definitions become session-local PSTypes (see Session.scriptTypes).
// Instances of classes are ClassInstance objects whose behaviour (methods, typed properties, constructors) is the
// ClassInfo below; the types layer reaches it through ClassBehaviour (instances) and ScriptTypeInfo (statics).
import type * as A from '../../parser/ast.js';
import { PSRuntimeError, requireSync, runtimeError } from '../errors.js';
import { PSType, NO_CONVERSION, convertTo, isInstanceOf, typeNotFoundError, typeOf, PSEnumValue, type TypeDef, type ScriptTypeInfo } from '../types/index.js';
import { overloadCountError } from '../types/method-errors.js';
import { toNumber, toStr } from '../values/convert.js';
import { isNumeric } from '../values/numbers.js';
import { ClassInstance, PSHashtable, type ClassBehaviour, type PSMember } from '../values/objects.js';
import { compileExpr, type Eval } from './compile-expr.js';
import { compileMethodBody, type Exec } from './compile-stmt.js';
import { MethodReturn, isPromise } from './flow.js';
import { andThen, eachMaybe } from './maybe-async.js';
import { Frame } from './frame.js';
import { Scope } from './scope.js';
import type { Session } from './session.js';
import { setInScope } from './variables.js';
import { paramDecl } from './script-meta.js';
import { toParamMeta, validateArg } from './binder.js';

/** Defines the `class`/`enum` types of one block (all of them first, so they may refer to each other). */
export function defineTypes(defs: A.TypeDefinitionAst[], f: Frame): void {
  const session = f.session;
  const made: [A.TypeDefinitionAst, PSType][] = [];
  for (const d of defs) {
    const def: TypeDef = { fullName: d.name };
    if (d.typeKind === 'enum') {
      def.enumValues = [];
      def.isValueType = true;
      def.flags = d.attributes.some((a) => /^(System\.)?Flags(Attribute)?$/i.test(a.typeName.name));
    }
    const t = new PSType(def);
    session.scriptTypes.set(d.name.toLowerCase(), t);
    made.push([d, t]);
  }
  fillEnums(made.filter(([d]) => d.typeKind === 'enum'), f);
  const infos: ClassInfo[] = [];
  for (const [d, t] of made) if (d.typeKind === 'class') infos.push(new ClassInfo(d, t, f));
  // Bases first: a derived class's property list includes its base's.
  const done = new Set<ClassInfo>();
  const link = (c: ClassInfo): void => {
    if (done.has(c)) return;
    done.add(c);
    if (c.base && infos.includes(c.base)) link(c.base);
    c.link();
  };
  for (const c of infos) link(c);
  for (const c of infos) c.initStatics();
}

// -------------------------------------------------------------------------------------------------
// Enums

const UNDERLYING: Record<string, [number, number]> = {
  'system.byte': [0, 255], 'system.sbyte': [-128, 127], 'system.int16': [-32768, 32767], 'system.uint16': [0, 65535],
  'system.int32': [-2147483648, 2147483647], 'system.uint32': [0, 4294967295],
  'system.int64': [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER], 'system.uint64': [0, Number.MAX_SAFE_INTEGER],
};

/** An enum's values may use another enum of the block defined further down (`e0 = [Later]::x + 2`): when any
 * initializer is more than a literal, the enums are filled again until their values settle (each pass resolves
 * one more level); a failure only counts in the last pass. */
function fillEnums(enums: [A.TypeDefinitionAst, PSType][], f: Frame): void {
  const literal = (e: A.ExpressionAst | null) => !e || e.kind === 'Constant' || (e.kind === 'UnaryExpression' && e.operand.kind === 'Constant');
  const dependent = enums.length > 1 && enums.some(([d]) => d.members.some((m) => m.kind === 'PropertyMember' && !literal(m.initialValue)));
  if (!dependent) {
    for (const [d, t] of enums) fillEnum(d, t, f);
    return;
  }
  const snapshot = () => JSON.stringify(enums.map(([, t]) => t.def.enumValues));
  let before = '';
  for (let pass = 0; pass <= enums.length; pass++) {
    const last = pass === enums.length;
    for (const [d, t] of enums) {
      try {
        fillEnum(d, t, f);
      } catch (e) {
        if (last) throw e;
      }
    }
    const now = snapshot();
    if (now === before) return;
    before = now;
  }
}

function fillEnum(d: A.TypeDefinitionAst, t: PSType, f: Frame): void {
  let range = UNDERLYING['system.int32']!;
  let underlying = 'Int32';
  if (d.baseTypes.length) {
    const ut = resolveIn(d.baseTypes[0]!, f);
    const r = UNDERLYING[ut.FullName.toLowerCase()];
    if (!r) throw definitionError(`'${ut.FullName}' is not a valid underlying type for enums. Expected a builtin integral type (one of byte, sbyte, short, ushort, int, uint, long or ulong)`, 'InvalidUnderlyingType', d, f);
    range = r;
    underlying = ut.Name;
    t.def.enumUnderlying = ut.FullName;
  }
  const values = t.def.enumValues!;
  values.length = 0;
  let next = 0;
  for (const m of d.members) {
    if (m.kind !== 'PropertyMember') continue;
    let v = next;
    if (m.initialValue) {
      const raw = runSync(compileExpr(m.initialValue), f);
      const n = raw instanceof PSEnumValue ? raw.value : Number(toNumber(raw));
      if (!Number.isInteger(n)) throw definitionError('Enumerator value must be a constant value.', 'EnumeratorValueMustBeConstant', m, f);
      v = n;
    }
    if (v < range[0] || v > range[1]) throw definitionError(`Enumerator value is either too large or too small for ${underlying}.`, 'EnumeratorValueOutOfBounds', m, f);
    values.push([m.name, v]);
    next = v + 1;
  }
  t.def.script = { kind: 'enum', getStatic: () => null, setStatic: () => false, invokeStatic: () => null };
}

// -------------------------------------------------------------------------------------------------
// Classes

interface PropInfo {
  name: string;
  type: PSType | null;
  hidden: boolean;
  init: Eval | null;
  /** Validation attributes (`[ValidateRange(1, 5)]`...), checked on every assignment. */
  validate: ((value: unknown) => void) | null;
}

interface ParamInfo {
  name: string;
  type: PSType | null;
  init: Eval | null;
}

interface MethodInfo {
  name: string;
  owner: ClassInfo;
  ast: A.FunctionMemberAst;
  params: ParamInfo[];
  /** null: void (no return type written, or `[void]`). */
  returnType: PSType | null;
  body: Exec | null;
  baseArgs: Eval[] | null;
}

interface StaticProp {
  name: string;
  type: PSType | null;
  value: unknown;
}

class ClassInfo implements ClassBehaviour, ScriptTypeInfo {
  readonly kind = 'class' as const;
  base: ClassInfo | null = null;
  /** Own instance properties, in declaration order. */
  readonly props: PropInfo[] = [];
  /** Instance properties of this class and its bases, derived first (the order .NET lists them). */
  allProps: PropInfo[] = [];
  readonly propsByName = new Map<string, PropInfo>();
  readonly methods = new Map<string, MethodInfo[]>();
  readonly staticMethods = new Map<string, MethodInfo[]>();
  readonly ctors: MethodInfo[] = [];
  readonly staticProps = new Map<string, StaticProp>();
  private readonly staticInits: [StaticProp, Eval | null][] = [];
  /** `static C() {...}`: run once, before the class's statics or a new instance are first used (as .NET runs it). */
  private staticCtor: MethodInfo | null = null;
  private readonly session: Session;
  /** Scope the class was defined in: method bodies run in child scopes of it. */
  private readonly scope: Scope;
  private readonly source: A.SourceFile;
  private typeNames: string[] = [];

  constructor(
    readonly ast: A.TypeDefinitionAst,
    readonly type: PSType,
    f: Frame,
  ) {
    this.session = f.session;
    this.scope = f.scope;
    this.source = f.session.currentSource ?? { text: '', path: null };
    const def = type.def;
    def.script = this;
    def.construct = (args) => this.construct(args);
    def.convert = (v) => this.convertFrom(v);
    def.isInstance = (v, t) => v instanceof ClassInstance && (v.behaviour.type as PSType).isSubclassOrSame(t);
    const interfaces: string[] = [];
    ast.baseTypes.forEach((tn, i) => {
      // Interfaces only tag the type for -is (most .NET interfaces are not modelled): unknown ones are kept by name.
      const known = f.session.resolveTypeName(tn);
      if (!known && (i > 0 || /^I[A-Z]/.test(tn.name.slice(tn.name.lastIndexOf('.') + 1)))) {
        interfaces.push(tn.genericArgs ? tn.name : tn.name.includes('.') ? tn.name : 'System.' + tn.name);
        return;
      }
      const bt = resolveIn(tn, f);
      const info = bt.def.script instanceof ClassInfo ? bt.def.script : null;
      if (i === 0 && info) {
        this.base = info;
        def.baseTypeRef = bt;
      } else if (i === 0 && !isInterfaceName(bt)) def.baseTypeRef = bt;
      else interfaces.push(bt.FullName);
    });
    if (interfaces.length) def.interfaces = interfaces;
    for (const m of ast.members) {
      if (m.kind === 'PropertyMember') {
        const type = m.propertyType ? resolveIn(m.propertyType, f) : null;
        const init = m.initialValue ? compileExpr(m.initialValue) : null;
        if (m.isStatic) {
          const sp: StaticProp = { name: m.name, type, value: null };
          this.staticProps.set(m.name.toLowerCase(), sp);
          this.staticInits.push([sp, init]);
        } else this.props.push({ name: m.name, type, hidden: m.isHidden, init, validate: validator(m, f) });
        continue;
      }
      const returnType = m.returnType && m.returnType.name.toLowerCase() !== 'void' ? resolveIn(m.returnType, f) : null;
      const params = m.parameters.map((p) => {
        const tc = p.attributes.find((a): a is A.TypeConstraintAst => a.kind === 'TypeConstraint');
        return { name: p.name, type: tc ? resolveIn(tc.typeName, f) : null, init: p.defaultValue ? compileExpr(p.defaultValue) : null };
      });
      const info: MethodInfo = {
        name: m.name, owner: this, ast: m, params, returnType, body: null, baseArgs: m.baseArguments ? m.baseArguments.map(compileExpr) : null,
      };
      if (m.isConstructor) this.ctors.push(info);
      else if (m.isStatic && m.name.toLowerCase() === ast.name.toLowerCase()) this.staticCtor = info;
      else {
        const table = m.isStatic ? this.staticMethods : this.methods;
        const key = m.name.toLowerCase();
        const list = table.get(key);
        if (list) list.push(info);
        else table.set(key, [info]);
      }
    }
  }

  /** After the base class is linked: the full property list and type names. */
  link(): void {
    this.allProps = this.base ? [...this.props, ...this.base.allProps.filter((p) => !this.props.some((q) => q.name.toLowerCase() === p.name.toLowerCase()))] : [...this.props];
    for (const p of this.allProps) this.propsByName.set(p.name.toLowerCase(), p);
    this.typeNames = this.type.typeNameChain;
  }

  initStatics(): void {
    const f = this.frame(this.scope);
    for (const [sp, init] of this.staticInits) sp.value = init ? this.convertValue(runSync(init, f), sp.type) : defaultFor(sp.type);
  }

  private runStaticConstructor(): void {
    const m = this.staticCtor;
    if (!m) return;
    this.staticCtor = null;
    this.call(m, null, []);
  }

  // --- ScriptTypeInfo (statics) ---

  getStatic(lname: string): { value: unknown } | null {
    for (let c: ClassInfo | null = this; c; c = c.base) {
      const sp = c.staticProps.get(lname);
      if (sp) {
        c.runStaticConstructor();
        return { value: sp.value };
      }
    }
    return null;
  }

  setStatic(lname: string, value: unknown): boolean {
    for (let c: ClassInfo | null = this; c; c = c.base) {
      const sp = c.staticProps.get(lname);
      if (sp) {
        c.runStaticConstructor();
        sp.value = this.convertForSet(sp.name, value, sp.type);
        return true;
      }
    }
    return false;
  }

  invokeStatic(lname: string, args: unknown[]): { value: unknown } | null {
    this.runStaticConstructor();
    return this.callOverload(this, true, lname, null, args);
  }

  /** Calls the overload of `lname` that fits `args`, searching `start` and its base classes; null when none has the name. */
  private callOverload(start: ClassInfo, isStatic: boolean, lname: string, target: ClassInstance | null, args: unknown[]): { value: unknown } | null {
    const candidates: MethodInfo[] = [];
    for (let c: ClassInfo | null = start; c; c = c.base) candidates.push(...((isStatic ? c.staticMethods : c.methods).get(lname) ?? []));
    if (!candidates.length) return null;
    const m = pickOverload(candidates, args);
    if (!m) throw overloadCountError(candidates[0]!.name, args.length);
    return { value: this.call(m, target, args) };
  }

  // --- ClassBehaviour (instances) ---

  invoke(target: ClassInstance, lname: string, args: unknown[], from?: unknown): { value: unknown } | null {
    const start = from instanceof PSType && from.def.script instanceof ClassInfo ? from.def.script : this;
    return this.callOverload(start, false, lname, target, args);
  }

  propertyTypeName(name: string): string | null {
    const p = this.propsByName.get(name.toLowerCase());
    return p ? (p.type ? p.type.psName : 'System.Object') : null;
  }

  methodSignatures(): [string, string][] {
    const out: [string, string][] = [];
    const seen = new Set<string>();
    for (let c: ClassInfo | null = this; c; c = c.base) {
      for (const list of c.methods.values()) {
        for (const m of list) {
          if (m.ast.isHidden) continue;
          const sig = `${m.returnType ? m.returnType.psName : 'void'} ${m.name}(${m.params.map((p) => `${p.type ? p.type.psName : 'System.Object'} ${p.name}`).join(', ')})`;
          const key = m.name.toLowerCase();
          if (seen.has(key)) continue;
          seen.add(key);
          out.push([m.name, sig]);
        }
      }
    }
    return out;
  }

  assign(target: ClassInstance, member: PSMember, value: unknown): void {
    const p = this.propsByName.get(member.name.toLowerCase());
    const v = this.convertForSet(member.name, value, p?.type ?? null);
    if (p?.validate) {
      try {
        p.validate(v);
      } catch (e) {
        if (!(e instanceof PSRuntimeError)) throw e;
        const why = e.errorRecord.Exception.Message.replace(/^Cannot validate argument on parameter '[^']*'\. /, '');
        throw runtimeError(`Exception setting "${member.name}": "${why}"`, 'ExceptionWhenSetting', {
          category: 'NotSpecified', exceptionType: 'System.Management.Automation.SetValueInvocationException',
        });
      }
    }
    member.value = v;
  }

  // --- construction and conversion ---

  /** A new instance; a Promise of it when an initializer or constructor ran an async command. */
  construct(args: unknown[]): ClassInstance | Promise<ClassInstance> {
    for (let c: ClassInfo | null = this; c; c = c.base) c.runStaticConstructor();
    const obj = new ClassInstance(this, this.typeNames);
    const set = (p: PropInfo, value: unknown) => {
      obj.members.set(p.name.toLowerCase(), { name: p.name, memberType: 'Property', value, hidden: p.hidden || undefined });
    };
    const inits = eachMaybe(this.allProps, (p) => {
      if (!p.init) return set(p, defaultFor(p.type));
      return andThen(runMaybe(p.init, this.frame(this.methodScope(obj))), (v) => set(p, this.convertValue(v, p.type)));
    });
    return andThen(andThen(inits, () => this.runConstructor(obj, args)), () => obj);
  }

  private runConstructor(obj: ClassInstance, args: unknown[]): void | Promise<void> {
    if (!this.ctors.length) {
      if (args.length) throw overloadCountError('new', args.length);
      return this.base?.runConstructor(obj, []);
    }
    const ctor = pickOverload(this.ctors, args);
    if (!ctor) throw overloadCountError('new', args.length);
    return this.call(ctor, obj, args, (frame) => {
      if (!this.base) return;
      const baseArgs: unknown[] = [];
      const evaluated = ctor.baseArgs ? eachMaybe(ctor.baseArgs, (e) => andThen(runMaybe(e, frame), (v) => void baseArgs.push(v))) : undefined;
      return andThen(evaluated, () => this.base!.runConstructor(obj, baseArgs));
    }) as void | Promise<void>;
  }

  private convertFrom(v: unknown): unknown {
    // A constructor taking a dictionary wins over setting properties from the hashtable's keys.
    const takesDictionary = (c: MethodInfo) =>
      c.params.length === 1 && /^System\.Collections\.(Hashtable|IDictionary|Specialized\.OrderedDictionary)$/.test(c.params[0]!.type?.FullName ?? '');
    if (v instanceof PSHashtable && this.ctors.some(takesDictionary)) return requireSync(this.construct([v]));
    if (v instanceof PSHashtable) {
      // Conversions run synchronously: a constructor that goes async is reported.
      const obj = requireSync(this.construct([]));
      for (const [k, x] of v.entries()) {
        const name = toStr(k);
        const m = obj.getMember(name);
        if (!m) {
          const list = this.allProps.map((p) => `[${p.name} <${(p.type ?? OBJECT()).FullName}>]`).join(' , ');
          throw runtimeError(
            `Cannot create object of type "${this.type.FullName}". The ${name} property was not found for the ${this.type.FullName} object. The available property is: ${list}`,
            'ObjectCreationError', { category: 'InvalidArgument', exceptionType: 'System.Management.Automation.PSInvalidCastException' },
          );
        }
        this.assign(obj, m, x);
      }
      return obj;
    }
    // A one-argument constructor converts (pwsh tries constructors after the other conversions).
    const one = this.ctors.filter((c) => c.params.length === 1);
    if (one.length) {
      const c = pickOverload(one, [v]);
      if (c) return requireSync(this.construct([v]));
    }
    return NO_CONVERSION;
  }

  // --- running code ---

  private methodScope(target: ClassInstance | null): Scope {
    const scope = new Scope(this.scope);
    if (target) setInScope(scope, 'this', 'this', target);
    return scope;
  }

  private frame(scope: Scope): Frame {
    const cur = this.session.currentFrame();
    return cur.child(scope, discard, cur.streams, null);
  }

  /**
   * Runs a method or constructor with bound arguments; the value of its `return`, converted to the return type. A
   * Promise of it when the body (or a parameter default) ran an async command; callers that cannot wait use requireSync.
   */
  private call(m: MethodInfo, target: ClassInstance | null, args: unknown[], beforeBody?: (f: Frame) => unknown): unknown {
    const session = this.session;
    // The synchronous part never yields on its own (see the script block invoker in session.ts).
    session.syncDepth++;
    try {
      return this.callBody(m, target, args, beforeBody);
    } finally {
      session.syncDepth--;
    }
  }

  private callBody(m: MethodInfo, target: ClassInstance | null, args: unknown[], beforeBody?: (f: Frame) => unknown): unknown {
    const scope = this.methodScope(target);
    const frame = this.frame(scope);
    const params = m.params;
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      if (i < args.length || !p.init) {
        bindParam(m, p, i, args, i < args.length ? args[i] : null, scope);
        continue;
      }
      const d = runMaybe(p.init, frame);
      // A default that ran an async command: the rest of the call follows it.
      if (isPromise(d)) return this.callAfter(m, frame, args, i, d, beforeBody);
      bindParam(m, p, i, args, d, scope);
    }
    if (beforeBody) {
      const b = beforeBody(frame);
      if (isPromise(b)) return b.then(() => this.runBody(m, frame));
    }
    return this.runBody(m, frame);
  }

  private async callAfter(m: MethodInfo, frame: Frame, args: unknown[], i: number, pending: Promise<unknown>, beforeBody?: (f: Frame) => unknown): Promise<unknown> {
    bindParam(m, m.params[i]!, i, args, await pending, frame.scope);
    for (let j = i + 1; j < m.params.length; j++) {
      const p = m.params[j]!;
      bindParam(m, p, j, args, j < args.length ? args[j] : p.init ? await runMaybe(p.init, frame) : null, frame.scope);
    }
    if (beforeBody) await beforeBody(frame);
    return this.runBody(m, frame);
  }

  private runBody(m: MethodInfo, frame: Frame): unknown {
    const body = m.body ?? (m.body = compileMethodBody(m.ast.body));
    const session = this.session;
    session.pushSource(m.ast.body.source);
    let r: void | Promise<void>;
    // The method's scope is current for script blocks its .NET-style calls run (see ScriptProcessor.runBlock).
    session.pushFrame(frame);
    try {
      r = body(frame);
    } catch (e) {
      session.popFrame();
      session.popSource();
      if (!(e instanceof MethodReturn)) throw e;
      return methodResult(m, e.value);
    }
    session.popFrame();
    if (!isPromise(r)) {
      session.popSource();
      return methodResult(m, undefined);
    }
    return r.then(
      () => {
        session.popSource();
        return methodResult(m, undefined);
      },
      (e) => {
        session.popSource();
        if (!(e instanceof MethodReturn)) throw e;
        return methodResult(m, e.value);
      },
    );
  }

  private convertValue(v: unknown, type: PSType | null): unknown {
    return type ? convertTo(v, type) : v;
  }

  /** Property assignment: a conversion failure is pwsh's "Exception setting" error. */
  private convertForSet(name: string, value: unknown, type: PSType | null): unknown {
    if (!type) return value;
    try {
      return convertTo(value, type);
    } catch (e) {
      if (!(e instanceof PSRuntimeError)) throw e;
      throw runtimeError(`Exception setting "${name}": "${e.errorRecord.Exception.Message}"`, 'ExceptionWhenSetting', {
        category: 'NotSpecified', exceptionType: 'System.Management.Automation.SetValueInvocationException',
      });
    }
  }
}

const discard = (): void => {};

function bindParam(m: MethodInfo, p: ParamInfo, i: number, args: unknown[], v: unknown, scope: Scope): void {
  if (p.type) v = convertArgument(v, p, m.name, i < args.length ? args[i] : v);
  setInScope(scope, p.name.toLowerCase(), p.name, v);
}

/** The value of a method's `return`, converted to its return type (constructors and void methods give nothing). */
function methodResult(m: MethodInfo, value: unknown): unknown {
  return m.ast.isConstructor || m.returnType === null ? undefined : convertTo(value, m.returnType);
}

let objectType: PSType | null = null;
function OBJECT(): PSType {
  return (objectType ??= typeOf({}));
}

function isInterfaceName(t: PSType): boolean {
  return /^I[A-Z]/.test(t.Name) || t.FullName === 'System.IComparable';
}

/** Default value of a typed property or parameter: 0/false/the zero enum value for value types, else null. */
function defaultFor(type: PSType | null): unknown {
  if (!type) return null;
  if (type.IsEnum) return new PSEnumValue(type, 0);
  if (type.FullName === 'System.Boolean') return false;
  if (type.IsValueType && isNumeric(convertTo(0, type))) return convertTo(0, type);
  return null;
}

/**
 * The overload for these arguments: the right count (parameters with defaults may be left out), then the one whose
 * parameter types the arguments already have (most derived class first on ties).
 */
function pickOverload(candidates: MethodInfo[], args: unknown[]): MethodInfo | null {
  // The common case, one method of the name: no trial conversions (binding reports a bad argument itself).
  if (candidates.length === 1) {
    const m = candidates[0]!;
    return args.length <= m.params.length && args.length >= m.params.filter((p) => !p.init).length ? m : null;
  }
  let best: MethodInfo | null = null;
  let bestScore = -1;
  for (const m of candidates) {
    const required = m.params.filter((p) => !p.init).length;
    if (args.length > m.params.length || args.length < required) continue;
    let score = 0;
    let ok = true;
    for (let i = 0; i < args.length; i++) {
      const t = m.params[i]!.type;
      if (!t) continue;
      const a = args[i];
      if (isInstanceOf(a, t)) score += 2;
      else {
        try {
          convertTo(a, t);
          score += 1;
        } catch {
          ok = false;
          break;
        }
      }
    }
    if (m.params.length === args.length) score += 1;
    if (!ok && best === null && bestScore < 0) {
      // Keep the count match so the conversion error names the parameter (pwsh reports it).
      best = m;
      bestScore = -0.5;
      continue;
    }
    if (ok && score > bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}

/** The validation attributes of a property as a check, or null when it has none. */
function validator(m: A.PropertyMemberAst, f: Frame): ((value: unknown) => void) | null {
  if (!m.attributes.some((a) => /^(System\.Management\.Automation\.)?Validate/i.test(a.typeName.name))) return null;
  const decl = paramDecl({ kind: 'Parameter', name: m.name, attributes: m.attributes, defaultValue: null, start: m.start, end: m.end }, f);
  const meta = toParamMeta(decl);
  return (v) => validateArg(m.name, meta, v);
}

function convertArgument(v: unknown, p: ParamInfo, method: string, original: unknown): unknown {
  try {
    return convertTo(v, p.type!);
  } catch (e) {
    if (!(e instanceof PSRuntimeError)) throw e;
    throw runtimeError(
      `Cannot convert argument "${p.name}", with value: "${toStr(original)}", for "${method}" to type "${p.type!.FullName}": "${e.errorRecord.Exception.Message}"`,
      'MethodArgumentConversionInvalidCastArgument', { category: 'NotSpecified', exceptionType: 'System.Management.Automation.MethodException' },
    );
  }
}

function resolveIn(tn: A.TypeName, f: Frame): PSType {
  const t = f.session.resolveTypeName(tn);
  if (!t) throw typeNotFoundError(tn.text);
  return t;
}

function definitionError(message: string, id: string, node: A.Extent, f: Frame): PSRuntimeError {
  return runtimeError(message, id, { category: 'ParserError', extent: node, source: f.session.currentSource });
}

/** Evaluates an initializer, default or base-constructor argument; a Promise when it ran an async command. */
function runMaybe(e: Eval, f: Frame): unknown {
  f.session.syncDepth++;
  try {
    return e(f);
  } finally {
    f.session.syncDepth--;
  }
}

/** Evaluates an enum value or static initializer, which run when the type is defined: synchronously. */
function runSync(e: Eval, f: Frame): unknown {
  f.session.syncDepth++;
  try {
    const r = e(f);
    if (isPromise(r)) {
      r.catch(() => {});
      throw runtimeError('This expression runs an asynchronous command and cannot be used here.', 'AsyncNotSupported', { category: 'NotImplemented' });
    }
    return r;
  } finally {
    f.session.syncDepth--;
  }
}
