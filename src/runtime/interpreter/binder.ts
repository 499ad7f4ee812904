// The shared parameter binder for cmdlets, functions and scripts: named (prefix, alias), positional, switches,
// pipeline by value and by property name, type conversion, validation, parameter sets, mandatory checks.
import type { ParameterDecl } from '../cmdlet-api.js';
import { PSRuntimeError, ErrorRecord, PSException, requireSync } from '../errors.js';
import { convertTo, resolveType, getMember, hasMember, isInstanceOf, type PSType } from '../types/index.js';
import { toStr, toBool, psTypeName } from '../values/convert.js';
import { PSSwitch } from '../values/switch.js';
import { PSHashtable } from '../values/objects.js';
import { toJsRegExp } from '../values/regex.js';
import { isNumeric, toJsNumber } from '../values/numbers.js';
import type { Extent } from '../../parser/ast.js';
import { ScriptBlock, invokeScriptBlock } from './scriptblock.js';
import { andThen } from './maybe-async.js';

/** An argument as written at the call site, before binding. */
export interface CallArg {
  /** Parameter name for `-Name` / `-Name:value` / splatted hashtable keys; null for a value. */
  name: string | null;
  value: unknown;
  /** `-Name:value` or a splatted key: the value is attached to the name. */
  hasValue: boolean;
  /** Token text as written (for native commands and $args), e.g. `-Name`. */
  text?: string;
  /** The `--` marker: native commands get it, the binder drops it. */
  endOfParameters?: boolean;
  /** A number written as a command argument (`5.0`, `0x10`): a [string] parameter gets this text, as in pwsh. */
  literalText?: string;
  /** A native command's view of an array literal of bare words (`a,b`, `1, 2`): its source text, which pwsh's
   * Standard argument passing splits on spaces only (`a,b` stays one argument). */
  nativeText?: string;
  /** `-Name: value` written with a space: a native command gets `-Name:` and the value as two arguments. */
  separateValue?: boolean;
  extent?: Extent;
}

export interface ParamMeta extends ParameterDecl {
  key: string;
  isSwitch: boolean;
  /** Converter resolved lazily from `type`. */
  convert: ((v: unknown) => unknown) | null;
  typeName: string;
  allowNull?: boolean;
  allowEmptyString?: boolean;
  allowEmptyCollection?: boolean;
  /** ErrorMessage of ValidateScript / ValidatePattern / ValidateSet, by `script`, `pattern`, `set`. */
  validationMessages?: Record<string, string>;
  /** Default value thunk for script parameters. */
  defaultValue?: () => unknown;
  /** Validation of script parameters (ValidateScript), run by the caller with $_ set. */
  validateScript?: (value: unknown) => boolean | Promise<boolean>;
  /**
   * A compiled cmdlet's parameter converted by type alone: a failed conversion is pwsh's CannotConvertArgumentNoMessage
   * (script parameters and custom converters go through an argument transformation instead).
   */
  plainCmdletType?: boolean;
  /** A [bool] / [bool[]] parameter of a cmdlet or advanced function: takes only Boolean values and numbers. */
  strictBool?: boolean;
}

export const COMMON_PARAMETERS: ParameterDecl[] = [
  { name: 'Verbose', type: 'switch', aliases: ['vb'] },
  { name: 'Debug', type: 'switch', aliases: ['db'] },
  { name: 'ErrorAction', type: 'string', aliases: ['ea'] },
  { name: 'WarningAction', type: 'string', aliases: ['wa'] },
  { name: 'InformationAction', type: 'string', aliases: ['infa'] },
  { name: 'ProgressAction', type: 'string', aliases: ['proga'] },
  { name: 'ErrorVariable', type: 'string', aliases: ['ev'] },
  { name: 'WarningVariable', type: 'string', aliases: ['wv'] },
  { name: 'InformationVariable', type: 'string', aliases: ['iv'] },
  { name: 'OutVariable', type: 'string', aliases: ['ov'] },
  { name: 'OutBuffer', type: 'int', aliases: ['ob'] },
  { name: 'PipelineVariable', type: 'string', aliases: ['pv'] },
];
export const SHOULD_PROCESS_PARAMETERS: ParameterDecl[] = [
  { name: 'WhatIf', type: 'switch', aliases: ['wi'] },
  { name: 'Confirm', type: 'switch', aliases: ['cf'] },
];
const COMMON_KEYS = new Set([...COMMON_PARAMETERS, ...SHOULD_PROCESS_PARAMETERS].map((p) => p.name.toLowerCase()));
export function isCommonParameter(name: string): boolean {
  return COMMON_KEYS.has(name.toLowerCase());
}

/** ActionPreference names in enum value order (SilentlyContinue = 0). */
const ACTION_VALUES = ['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Suspend', 'Break'];

function actionName(value: unknown): unknown {
  const text = typeof value === 'string' ? value.trim() : isNumeric(value) ? toStr(value) : null;
  if (text === null || !/^\d+$/.test(text)) return value;
  return ACTION_VALUES[Number(text)] ?? value;
}

export function toParamMeta(d: ParameterDecl): ParamMeta {
  const t = d.type ?? 'object';
  const typeName = typeof t === 'string' ? t : 'object';
  const isSwitch = typeof t === 'string' && (t.toLowerCase() === 'switch' || t.toLowerCase() === 'switchparameter' || t.toLowerCase() === 'system.management.automation.switchparameter');
  const meta: ParamMeta = { ...d, key: d.name.toLowerCase(), isSwitch, convert: null, typeName };
  if (typeof t === 'function') meta.convert = t;
  if (d.name === 'ErrorAction' || d.name === 'WarningAction' || d.name === 'InformationAction' || d.name === 'ProgressAction') {
    meta.validateSet = ACTION_VALUES;
  }
  return meta;
}

/** The .NET-style type name shown in messages (`System.String`, `System.Int32`). */
function displayTypeName(p: ParamMeta): string {
  if (p.isSwitch) return 'System.Management.Automation.SwitchParameter';
  const t = resolveType(p.typeName);
  return t ? t.FullName : p.typeName;
}

export class BindingError extends PSRuntimeError {}

export function bindingError(
  cmd: string,
  message: string,
  errorId: string,
  category = 'InvalidArgument',
  exceptionType = 'System.Management.Automation.ParameterBindingException',
  target: unknown = null,
): BindingError {
  const ex = new PSException(message, exceptionType);
  const rec = new ErrorRecord(ex, `${errorId},${cmd}`, category, target);
  return new BindingError(rec);
}

function convertArg(cmdName: string, p: ParamMeta, value: unknown): unknown {
  if (p.isSwitch) return value === undefined ? true : toBool(value);
  // -ErrorAction 0 (and the like): ActionPreference enum values convert from their numbers.
  if (p.validateSet === ACTION_VALUES) return actionName(value);
  if (p.convert === null) {
    const tn = p.typeName.toLowerCase();
    if (tn === 'object' || tn === 'psobject' || tn === 'system.object') p.convert = identity;
    else {
      const t = resolveType(p.typeName);
      if (!t) p.convert = identity;
      else p.convert = (v) => convertTo(v, t as PSType);
    }
  }
  if (p.convert === identity) return value;
  if (p.strictBool) checkBoolArgument(cmdName, p, value);
  if (value === null && !p.mandatory) return p.typeName.toLowerCase().endsWith('[]') ? null : safeConvert(cmdName, p, value);
  return safeConvert(cmdName, p, value);
}

const identity = (v: unknown) => v;

function isBoolOrNumber(v: unknown): boolean {
  return typeof v === 'boolean' || v instanceof PSSwitch || isNumeric(v);
}

function checkBoolArgument(cmdName: string, p: ParamMeta, value: unknown): void {
  for (const v of Array.isArray(value) ? value : [value]) {
    if (v === null || v === undefined || typeof v === 'boolean' || v instanceof PSSwitch || isNumeric(v)) continue;
    const typeName = psTypeName(v);
    throw bindingError(
      cmdName,
      `Cannot process argument transformation on parameter '${p.name}'. Cannot convert value "${typeName}" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`,
      'ParameterArgumentTransformationError',
      'InvalidData',
      'System.Management.Automation.ParameterBindingArgumentTransformationException',
    );
  }
}

function safeConvert(cmdName: string, p: ParamMeta, value: unknown): unknown {
  try {
    return p.convert!(value);
  } catch (e) {
    const inner = e instanceof PSRuntimeError ? e.errorRecord.Exception.Message : (e as Error).message;
    if (p.plainCmdletType) {
      throw bindingError(cmdName, `Cannot bind parameter '${p.name}'. ${inner}`, 'CannotConvertArgumentNoMessage', 'InvalidArgument', 'System.Management.Automation.ParameterBindingException');
    }
    throw bindingError(
      cmdName,
      `Cannot process argument transformation on parameter '${p.name}'. ${inner}`,
      'ParameterArgumentTransformationError',
      'InvalidData',
      'System.Management.Automation.ParameterBindingArgumentTransformationException',
    );
  }
}

/** ValidateScript checks that ran an async command, during a binding that can wait for them (withDeferredValidation). */
let deferral: { chain: Promise<void> | null } | null = null;

/**
 * Runs a binding where a ValidateScript check may go async: such checks (and the ones after them) are chained into
 * `pending`, which fails with the validation error; the caller waits for it before running the command. Elsewhere an
 * async check is reported (AsyncNotSupported).
 */
export function withDeferredValidation<T>(bind: () => T): { value: T; pending: Promise<void> | null } {
  const prev = deferral;
  const mine: { chain: Promise<void> | null } = { chain: null };
  deferral = mine;
  try {
    const value = bind();
    return { value, pending: mine.chain };
  } catch (e) {
    mine.chain?.catch(() => {});
    throw e;
  } finally {
    deferral = prev;
  }
}

/** [ValidateRange(<kind>)]: the test, and the reason pwsh gives when it fails (its inner error id). */
const RANGE_KINDS: Record<string, [(n: number) => boolean, string, string]> = {
  positive: [(n) => n > 0, 'ValidateRangePositiveFailure', 'greater than zero'],
  nonnegative: [(n) => n >= 0, 'ValidateRangeNonNegativeFailure', 'greater than or equal to zero'],
  negative: [(n) => n < 0, 'ValidateRangeNegativeFailure', 'less than zero'],
  nonpositive: [(n) => n <= 0, 'ValidateRangeNonPositiveFailure', 'less than or equal to zero'],
};

export function validateArg(cmdName: string, p: ParamMeta, value: unknown): void {
  /** `innerId`: the FullyQualifiedErrorId of the ValidationMetadataException pwsh puts inside the binding error. */
  const fail = (why: string, innerId?: string) => {
    const err = bindingError(
      cmdName,
      `Cannot validate argument on parameter '${p.name}'. ${why}`,
      'ParameterArgumentValidationError',
      'InvalidData',
      'System.Management.Automation.ParameterBindingValidationException',
    );
    if (innerId) {
      const inner = new PSException(why, 'System.Management.Automation.ValidationMetadataException');
      inner.ErrorRecord = new ErrorRecord(inner, innerId, 'MetadataError', null);
      err.errorRecord.Exception.InnerException = inner;
    }
    throw err;
  };
  if ((p.validateNotNull || p.validateNotNullOrEmpty) && (value === null || value === undefined)) {
    fail(p.validateNotNullOrEmpty
      ? 'The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.'
      : 'The argument is null. Provide a valid value for the argument, and then try the command again.');
  }
  if (p.validateNotNullOrEmpty && value === '') {
    fail('The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.');
  }
  if (p.validateNotNullOrEmpty && Array.isArray(value) && (value.length === 0 || value.some((x) => x === null || x === undefined || x === ''))) {
    fail('The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.');
  }
  if (p.mandatory && !p.allowNull && value === null && !p.isSwitch) {
    throw bindingError(cmdName, `Cannot bind argument to parameter '${p.name}' because it is null.`, 'ParameterArgumentValidationErrorNullNotAllowed', 'InvalidData', 'System.Management.Automation.ParameterBindingValidationException');
  }
  if (p.mandatory && !p.allowEmptyString && value === '' && /^(string|system\.string)$/i.test(p.typeName)) {
    throw bindingError(cmdName, `Cannot bind argument to parameter '${p.name}' because it is an empty string.`, 'ParameterArgumentValidationErrorEmptyStringNotAllowed', 'InvalidData', 'System.Management.Automation.ParameterBindingValidationException');
  }
  // A mandatory string[] checks each element as a mandatory string would be checked (pwsh recurses into collections).
  if (p.mandatory && Array.isArray(value) && /^(string|system\.string)\[\]$/i.test(p.typeName)) {
    if (!p.allowNull && value.some((x) => x === null || x === undefined)) {
      throw bindingError(cmdName, `Cannot bind argument to parameter '${p.name}' because it is null.`, 'ParameterArgumentValidationErrorNullNotAllowed', 'InvalidData', 'System.Management.Automation.ParameterBindingValidationException');
    }
    if (!p.allowEmptyString && value.some((x) => x === '')) {
      throw bindingError(cmdName, `Cannot bind argument to parameter '${p.name}' because it is an empty string.`, 'ParameterArgumentValidationErrorEmptyStringNotAllowed', 'InvalidData', 'System.Management.Automation.ParameterBindingValidationException');
    }
  }
  if (p.mandatory && !p.allowEmptyCollection && Array.isArray(value) && value.length === 0 && p.typeName.endsWith('[]')) {
    throw bindingError(cmdName, `Cannot bind argument to parameter '${p.name}' because it is an empty array.`, 'ParameterArgumentValidationErrorEmptyArrayNotAllowed', 'InvalidData', 'System.Management.Automation.ParameterBindingValidationException');
  }
  /** The attribute's ErrorMessage, when it has one, else pwsh's standard text. */
  const custom = (kind: string, v: unknown, detail: string, standard: string) => {
    const m = p.validationMessages?.[kind];
    return m === undefined ? standard : m.replace(/\{([01])\}/g, (_, i: string) => (i === '0' ? toStr(v) : detail));
  };
  const values = Array.isArray(value) ? value : [value];
  if (p.validateSet) {
    const set = p.validateSet;
    for (const v of values) {
      const s = toStr(v);
      const ok = p.validateSetCaseSensitive ? set.includes(s) : set.some((x) => x.toLowerCase() === s.toLowerCase());
      if (!ok) {
        fail(custom('set', s, set.join(','), `The argument "${s}" does not belong to the set "${set.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`));
      }
    }
  }
  if (p.validateRange) {
    const [min, max] = p.validateRange;
    for (const v of values) {
      const n = isNumeric(v) ? toJsNumber(v) : Number(v);
      if (n < min) fail(`The ${toStr(v)} argument is less than the minimum allowed range of ${min}. Supply an argument that is greater than or equal to ${min} and then try the command again.`, 'ValidateRangeTooSmall');
      if (n > max) fail(`The ${toStr(v)} argument is greater than the maximum allowed range of ${max}. Supply an argument that is less than or equal to ${max} and then try the command again.`, 'ValidateRangeTooBig');
    }
  }
  const kind = p.validateRangeKind ? RANGE_KINDS[p.validateRangeKind.toLowerCase()] : undefined;
  if (kind) {
    const [ok, id, text] = kind;
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (!ok(isNumeric(v) ? toJsNumber(v) : Number(v))) fail(`The argument "${toStr(v)}" cannot be validated because its value is not ${text}.`, id);
    }
  }
  if (p.validatePattern) {
    const re = toJsRegExp(p.validatePattern, { ignoreCase: true });
    for (const v of values) {
      if (!re.test(toStr(v))) fail(custom('pattern', v, p.validatePattern, `The argument "${toStr(v)}" does not match the "${p.validatePattern}" pattern. Supply an argument that matches "${p.validatePattern}" and try the command again.`));
    }
  }
  if (p.validateLength) {
    const [min, max] = p.validateLength;
    for (const v of values) {
      const len = toStr(v).length;
      if (len < min) fail(`The character length (${len}) of the argument is too short. Specify an argument with a length that is greater than or equal to "${min}", and then try the command again.`, 'ValidateLengthMinLengthFailure');
      if (len > max) fail(`The character length (${len}) of the argument is too long. Specify an argument with a length that is shorter than or equal to "${max}", and then try the command again.`, 'ValidateLengthMaxLengthFailure');
    }
  }
  if (p.validateCount && Array.isArray(value)) {
    const [min, max] = p.validateCount;
    if (value.length < min || value.length > max) {
      if (min === max) fail(`The parameter requires exactly ${min} value(s) - ${value.length} value(s) were provided.`, 'ValidateCountExactFailure');
      fail(`The parameter requires at least ${min} value(s) and no more than ${max} value(s) - ${value.length} value(s) were provided.`, 'ValidateCountMinMaxFailure');
    }
  }
  if (p.validateScript) {
    const script = p.validateScript;
    const check = (v: unknown, ok: boolean) => {
      if (!ok) {
        const text = (p as ParamMeta & { validateScriptText?: string }).validateScriptText ?? '';
        fail(custom('script', v, text, `The "${text}" validation script for the argument with value "${toStr(v)}" did not return a result of True. Determine why the validation script failed, and then try the command again.`));
      }
    };
    for (const v of values) {
      // After one check went async, the later ones run after it, in order.
      if (deferral?.chain) {
        deferral.chain = deferral.chain.then(() => andThen(script(v), (ok) => check(v, ok)));
        continue;
      }
      const ok = script(v);
      if (ok instanceof Promise) {
        if (!deferral) requireSync(ok);
        deferral!.chain = ok.then((b) => check(v, b));
        continue;
      }
      check(v, ok);
    }
  }
  if (p.validate) {
    for (const v of values) {
      const msg = p.validate(v);
      if (msg) fail(msg);
    }
  }
}

/** A command's bindable parameter metadata, computed once per declaration. */
export class CommandMetadata {
  readonly params: ParamMeta[];
  readonly byKey = new Map<string, ParamMeta>();
  readonly positional: ParamMeta[];
  readonly pipelineByValue: ParamMeta[];
  readonly pipelineByName: ParamMeta[];
  readonly remaining: ParamMeta | null;
  readonly remainingParams: ParamMeta[];
  readonly setNames: string[];
  /** Second part of binding errors' FullyQualifiedErrorId: the cmdlet class (`...SortObjectCommand`) or the function name. */
  idName: string;
  /** A script's parameters: two declared at one position in one parameter set make positional binding fail, as in
   * pwsh. (Built-in cmdlet declarations may share positions across sets they don't spell out.) */
  scriptParameters = false;
  constructor(
    readonly name: string,
    decls: ParameterDecl[],
    readonly advanced: boolean,
    supportsShouldProcess: boolean,
    readonly defaultSet: string | undefined,
    /** Simple functions bind positionally in declaration order when no parameter says Position. */
    implicitPositions: boolean,
  ) {
    this.idName = name;
    const all = [...decls];
    if (advanced) {
      all.push(...COMMON_PARAMETERS);
      if (supportsShouldProcess) all.push(...SHOULD_PROCESS_PARAMETERS);
    }
    this.params = all.map(toParamMeta);
    for (const p of this.params) {
      this.byKey.set(p.key, p);
      if (advanced && /^(system\.)?bool(ean)?(\[\])?$/i.test(p.typeName)) p.strictBool = true;
    }
    const own = this.params.filter((p) => !isCommonParameter(p.name) || decls.includes(p as never));
    const anyPosition = decls.some((d) => d.position !== undefined);
    if (implicitPositions && !anyPosition) {
      let i = 0;
      for (const p of own) if (!p.isSwitch && !isCommonParameter(p.name)) p.position = i++;
    }
    this.positional = this.params.filter((p) => p.position !== undefined && !p.valueFromRemainingArguments).sort((a, b) => a.position! - b.position!);
    this.pipelineByValue = this.params.filter((p) => p.valueFromPipeline);
    this.pipelineByName = this.params.filter((p) => p.valueFromPipelineByPropertyName);
    this.remainingParams = this.params.filter((p) => p.valueFromRemainingArguments);
    this.remaining = this.remainingParams[0] ?? null;
    const sets = new Set<string>();
    for (const p of this.params) for (const s of p.parameterSets ?? []) if (s !== '__AllParameterSets') sets.add(s);
    this.setNames = [...sets];
  }

  /** Find a parameter by exact name, alias, or unique prefix. */
  find(name: string): ParamMeta {
    const key = name.toLowerCase();
    const exact = this.byKey.get(key);
    if (exact) return exact;
    for (const p of this.params) if (p.aliases?.some((a) => a.toLowerCase() === key)) return p;
    const matches = this.params.filter((p) => p.key.startsWith(key));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) {
      // Prefer a non-common parameter when the prefix is otherwise ambiguous only with common ones.
      const own = matches.filter((p) => !isCommonParameter(p.name));
      if (own.length === 1) return own[0];
      throw bindingError(
        this.idName,
        `Parameter cannot be processed because the parameter name '${name}' is ambiguous. Possible matches include: ${matches.map((p) => '-' + p.name).join(' ')}.`,
        'AmbiguousParameter',
      );
    }
    throw notFound(this.idName, name);
  }

  tryFind(name: string): ParamMeta | null {
    try {
      return this.find(name);
    } catch (e) {
      if (e instanceof BindingError && e.errorRecord.FullyQualifiedErrorId.startsWith('NamedParameterNotFound')) return null;
      throw e;
    }
  }
}

function notFound(cmd: string, name: string): BindingError {
  return bindingError(cmd, `A parameter cannot be found that matches parameter name '${name}'.`, 'NamedParameterNotFound');
}

export interface BindResult {
  /** Bound values by declared parameter name. */
  bound: Map<string, unknown>;
  /** Arguments no parameter took (simple functions: `$args`). */
  unbound: unknown[];
  /** Chosen parameter set. */
  parameterSet: string;
  /** Delay-bound script blocks by parameter name (see bindDelayed), or null. */
  delayed: Map<string, ScriptBlock> | null;
}

/**
 * Binds call-site arguments (named, then positional). Pipeline binding happens later per item with bindPipeline.
 * `allowUnbound`: simple functions and scripts put leftovers into $args instead of failing.
 */
/**
 * `defaults`: this command's entries of $PSDefaultParameterValues (parameter name as written, value). They bind
 * after the command line, only to parameters it left unbound, and a default that doesn't fit is skipped, as in pwsh.
 */
export function bindArguments(
  meta: CommandMetadata, args: CallArg[], allowUnbound: boolean, defaults: [string, unknown][] | null = null, expectingInput = false,
): BindResult {
  const bound = new Map<string, unknown>();
  let delayed: Map<string, ScriptBlock> | null = null;
  const positionalValues: CallArg[] = [];
  const unbound: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.endOfParameters) continue;
    if (a.name === null) {
      positionalValues.push(a);
      continue;
    }
    let p: ParamMeta | null;
    if (allowUnbound) {
      p = meta.tryFind(a.name);
      if (p === null) {
        unbound.push(a.text ?? `-${a.name}`);
        if (a.hasValue) unbound.push(a.value);
        else if (args[i + 1] !== undefined && args[i + 1].name === null) unbound.push(args[++i].value);
        continue;
      }
    } else {
      p = meta.remaining ? meta.tryFind(a.name) : meta.find(a.name);
      if (p === null) {
        // With a ValueFromRemainingArguments parameter an unknown `-name` is just another argument.
        positionalValues.push({ name: null, value: a.text ?? `-${a.name}`, hasValue: true });
        if (a.hasValue) positionalValues.push({ name: null, value: a.value, hasValue: true });
        continue;
      }
    }
    if (bound.has(p.name)) {
      throw bindingError(
        meta.idName,
        `Cannot bind parameter because parameter '${p.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
        'ParameterAlreadyBound',
      );
    }
    let value: unknown;
    if (p.isSwitch) value = a.hasValue ? a.value : true;
    else if (a.hasValue) value = argumentFor(p, a);
    else {
      const next = args[i + 1];
      if (next === undefined || next.name !== null) {
        throw bindingError(
          meta.idName,
          `Missing an argument for parameter '${p.name}'. Specify a parameter of type '${displayTypeName(p)}' and try again.`,
          'MissingArgument',
        );
      }
      value = argumentFor(p, next);
      i++;
    }
    if (expectingInput && value instanceof ScriptBlock && isDelayBindable(p)) {
      // Bound per pipeline object (bindDelayed); the parameter counts as given for parameter sets and mandatory checks.
      (delayed ??= new Map()).set(p.name, value);
      bound.set(p.name, value);
      continue;
    }
    bound.set(p.name, bindValue(meta, p, value));
  }
  // Positional binding, in position order, skipping already-bound parameters. Several parameters may share a
  // position in different parameter sets (Where-Object's FilterScript and Property): pick one whose sets fit what
  // is bound so far and whose type takes the value.
  const positions = [...new Set(meta.positional.map((p) => p.position!))];
  let pi = 0;
  const remaining: unknown[] = [];
  for (const a of positionalValues) {
    let placed = false;
    while (!placed && pi < positions.length) {
      const group = meta.positional.filter((p) => p.position === positions[pi] && !bound.has(p.name));
      const anyBoundAtPosition = meta.positional.some((p) => p.position === positions[pi] && bound.has(p.name));
      pi++;
      if (group.length === 0 || anyBoundAtPosition) continue;
      const fits = group.filter((p) => setsCompatible(meta, bound, p));
      if (meta.scriptParameters && sharePositionInASet(meta, fits)) {
        throw bindingError(meta.idName, 'Cannot bind positional parameters because no names were given.', 'AmbiguousPositionalParameterNoName', 'InvalidArgument');
      }
      // A switch with a Position (Split-Path's -Qualifier) takes only a Boolean or a number positionally: any other
      // argument fails its conversion, so binding moves on (and ends in PositionalParameterNotFound).
      const takes = (p: ParamMeta) => !p.isSwitch || isBoolOrNumber(a.value);
      const ordered = orderCandidates((fits.length ? fits : group).filter(takes), a.value, meta.defaultSet);
      let lastErr: unknown = null;
      for (const p of ordered) {
        try {
          bound.set(p.name, bindValue(meta, p, argumentFor(p, a)));
          placed = true;
          break;
        } catch (e) {
          lastErr = e;
        }
      }
      if (!placed && lastErr) throw lastErr;
    }
    if (placed) continue;
    if (meta.remaining) remaining.push(a.value);
    else if (allowUnbound) unbound.push(a.value);
    else {
      throw bindingError(
        meta.idName,
        `A positional parameter cannot be found that accepts argument '${toStr(a.value)}'.`,
        'PositionalParameterNotFound',
      );
    }
  }
  // Several sets may each have a ValueFromRemainingArguments parameter: take the one that fits what is bound.
  const remainingParam = meta.remainingParams.find((p) => setsCompatible(meta, bound, p)) ?? meta.remaining;
  if (remainingParam && remaining.length > 0) {
    const existing = bound.get(remainingParam.name);
    // One remaining argument that is itself a collection binds as that collection (`Write-Output 3, 4`).
    const rest = remaining.length === 1 && Array.isArray(remaining[0]) ? (remaining[0] as unknown[]) : remaining;
    const single = remainingParam.remainingAsOne && existing === undefined && remaining.length === 1;
    const all = single ? remaining[0] : existing === undefined ? rest : [...(Array.isArray(existing) ? existing : [existing]), ...rest];
    bound.set(remainingParam.name, bindValue(meta, remainingParam, all));
  }
  if (defaults) {
    for (const [name, value] of defaults) {
      const p = meta.tryFind(name);
      if (p === null || bound.has(p.name) || !setsCompatible(meta, bound, p)) continue;
      try {
        bound.set(p.name, bindValue(meta, p, value));
      } catch {
        // A default that doesn't convert or validate is not an error of the command.
      }
    }
  }
  const parameterSet = chooseParameterSet(meta, bound);
  return { bound, unbound, parameterSet, delayed };
}

/**
 * A script block given by name to a parameter that takes pipeline input is delay-bound when the command gets pipeline
 * input, unless the parameter takes script blocks or objects as they are (pwsh's IsParameterScriptBlockBindable).
 */
function isDelayBindable(p: ParamMeta): boolean {
  if (!p.valueFromPipeline && !p.valueFromPipelineByPropertyName) return false;
  return !/^(object|system\.object|scriptblock|system\.management\.automation\.scriptblock)(\[\])?$/i.test(p.typeName);
}

/**
 * Delay-bind script blocks (`| Rename-Item -NewName { $_.Name + '.bak' }`): for each pipeline object the block runs
 * with `$_` set to it, and what it returns binds to the parameter. Returns the names bound.
 */
export function bindDelayed(meta: CommandMetadata, bound: Map<string, unknown>, delayed: Map<string, ScriptBlock>, item: unknown): string[] {
  const names: string[] = [];
  for (const [name, sb] of delayed) {
    const out = invokeScriptBlock(sb, { dollarUnder: item, newScope: true });
    bound.set(name, bindValue(meta, meta.byKey.get(name.toLowerCase())!, out.length === 1 ? out[0] : out.length === 0 ? null : out));
    names.push(name);
  }
  return names;
}

/** Do two of these parameters (declared at one position) belong to the same parameter set? pwsh can't choose then. */
function sharePositionInASet(meta: CommandMetadata, group: ParamMeta[]): boolean {
  if (group.length < 2) return false;
  const sets = meta.setNames.length ? meta.setNames : ['__AllParameterSets'];
  return sets.some((set) => group.filter((p) => inSet(p, set)).length > 1);
}

/** Can p be bound together with the parameters bound so far (some parameter set holds them all)? */
function setsCompatible(meta: CommandMetadata, bound: Map<string, unknown>, p: ParamMeta): boolean {
  if (meta.setNames.length === 0) return true;
  const others = [...bound.keys()].map((k) => meta.byKey.get(k.toLowerCase())!);
  return meta.setNames.some((s) => inSet(p, s) && others.every((o) => inSet(o, s)));
}

/** Script blocks go to script-block parameters first; other values to other parameters first. */
function orderCandidates(group: ParamMeta[], value: unknown, defaultSet: string | undefined): ParamMeta[] {
  if (group.length < 2) return group;
  const isSb = value instanceof ScriptBlock;
  const sbTyped = (p: ParamMeta) => /^scriptblock(\[\])?$/i.test(p.typeName);
  const inDefault = (p: ParamMeta) => (defaultSet !== undefined && inSet(p, defaultSet) ? 1 : 0);
  // pwsh first tries the parameters that take the value without conversion (a hashtable goes to an IDictionary
  // parameter before a string one), then the default set.
  const exact = (p: ParamMeta) => (!/^(object|psobject|system\.object)(\[\])?$/i.test(p.typeName) && takesWithoutConversion(p, value) ? 1 : 0);
  return [...group].sort((x, y) => Number(sbTyped(y) === isSb) - Number(sbTyped(x) === isSb) || exact(y) - exact(x) || inDefault(y) - inDefault(x));
}

/** Convert and validate a value the user typed at a mandatory-parameter prompt. */
export function bindPromptedValue(meta: CommandMetadata, p: ParamMeta, value: unknown): unknown {
  return bindValue(meta, p, value);
}

const STRING_TYPE = /^(system\.)?string$/i;

/** The value an argument gives `p`: a number literal's own text for a [string] parameter (`f 5.0` binds "5.0"). */
function argumentFor(p: ParamMeta, a: CallArg): unknown {
  return a.literalText !== undefined && STRING_TYPE.test(p.typeName) ? a.literalText : a.value;
}

function bindValue(meta: CommandMetadata, p: ParamMeta, value: unknown): unknown {
  // $null for a mandatory parameter is rejected before conversion, except for a script's [string]: its type
  // converter makes it '' first, so it fails as an empty string (and AllowEmptyString lets it through). A cmdlet's
  // string parameter has no such converter: `Get-Content -Path $null` fails as null.
  if (value === null && p.mandatory && !p.allowNull && !p.isSwitch && !(meta.scriptParameters && /^(system\.)?string$/i.test(p.typeName))) {
    throw bindingError(meta.idName, `Cannot bind argument to parameter '${p.name}' because it is null.`, 'ParameterArgumentValidationErrorNullNotAllowed', 'InvalidData', 'System.Management.Automation.ParameterBindingValidationException');
  }
  const v = convertArg(meta.idName, p, value);
  validateArg(meta.idName, p, v);
  return v;
}

function inSet(p: ParamMeta, set: string): boolean {
  return !p.parameterSets || p.parameterSets.length === 0 || p.parameterSets.includes(set) || p.parameterSets.includes('__AllParameterSets');
}

export function chooseParameterSet(meta: CommandMetadata, bound: Map<string, unknown>): string {
  if (meta.setNames.length === 0) return meta.defaultSet ?? '__AllParameterSets';
  const candidates = meta.setNames.filter((s) => [...bound.keys()].every((k) => inSet(meta.byKey.get(k.toLowerCase())!, s)));
  if (candidates.length === 0) {
    throw bindingError(meta.idName, 'Parameter set cannot be resolved using the specified named parameters.', 'AmbiguousParameterSet');
  }
  if (candidates.length === 1) return candidates[0];
  if (meta.defaultSet && candidates.includes(meta.defaultSet)) return meta.defaultSet;
  // Prefer a set whose mandatory parameters are all bound.
  const satisfied = candidates.filter((s) => meta.params.every((p) => !isMandatoryIn(p, s) || bound.has(p.name) || p.valueFromPipeline || p.valueFromPipelineByPropertyName));
  return satisfied[0] ?? candidates[0];
}

export function isMandatoryIn(p: ParamMeta, set: string): boolean {
  if (!p.mandatory) return false;
  if (p.mandatory === true) return inSet(p, set);
  return p.mandatory.includes(set) || (set === '__AllParameterSets' && p.mandatory.length > 0);
}

/** Mandatory parameters of the set that are still unbound (and can't come from the pipeline when none will). */
export function missingMandatory(meta: CommandMetadata, bound: Map<string, unknown>, set: string, expectingInput: boolean): ParamMeta[] {
  return meta.params.filter(
    (p) => isMandatoryIn(p, set) && !bound.has(p.name) && !(expectingInput && (p.valueFromPipeline || p.valueFromPipelineByPropertyName)),
  );
}

export function missingMandatoryError(cmd: string, missing: ParamMeta[]): BindingError {
  return bindingError(
    cmd,
    `Cannot process command because of one or more missing mandatory parameters: ${missing.map((p) => p.name).join(' ')}.`,
    'MissingMandatoryParameter',
  );
}

/**
 * Binds one pipeline object: by value first (without then with conversion), then by property name.
 * Returns the names bound for this item, or null when nothing could take it.
 */
export function bindPipelineItem(meta: CommandMetadata, bound: Map<string, unknown>, set: string, item: unknown): string[] | null {
  return bindPipelineItemInSets(meta, bound, [set], item)?.names ?? null;
}

/** Parameter sets that can hold everything bound so far, the chosen one first. */
export function candidateSets(meta: CommandMetadata, bound: Map<string, unknown>, chosen: string): string[] {
  if (meta.setNames.length === 0) return [chosen];
  const others = meta.setNames.filter((s) => s !== chosen && [...bound.keys()].every((k) => inSet(meta.byKey.get(k.toLowerCase())!, s)));
  return [chosen, ...others];
}

/**
 * Pipeline binding that may switch parameter set per item, as pwsh does (a piped FileInfo binds -LiteralPath by
 * property name even when the default set is Path). Returns the bound names and the set used.
 */
export function bindPipelineItemInSets(meta: CommandMetadata, bound: Map<string, unknown>, sets: string[], item: unknown): { names: string[]; set: string } | null {
  // Each stage runs over every candidate set before the next stage: a piped @{LiteralPath=...} binds
  // -LiteralPath by name rather than being converted to a string for -Path in the default set.
  let firstError: unknown = null;
  for (const coerce of [false, true]) {
    for (const set of sets) {
      const trial = sets.length > 1 ? new Map(bound) : bound;
      let names: string[] | null;
      try {
        names = bindPipelineItemIn(meta, trial, set, item, coerce);
      } catch (e) {
        firstError ??= e;
        continue;
      }
      if (names) {
        if (trial !== bound) for (const n of names) bound.set(n, trial.get(n));
        return { names, set };
      }
    }
  }
  // No set took the item: an argument that failed validation in one of them is the error to report.
  if (firstError) throw firstError;
  return null;
}

/**
 * pwsh's order: by value when no conversion is needed, then by property name (the `coerce` = false stage), then
 * by value with conversion. (So a piped S3Object binds -BucketName/-Key by name instead of being turned into a string.)
 */
function bindPipelineItemIn(meta: CommandMetadata, bound: Map<string, unknown>, set: string, item: unknown, coerce: boolean): string[] | null {
  const names: string[] = [];
  const tryByValue = (coerce: boolean): boolean => {
    for (const p of meta.pipelineByValue) {
      if (bound.has(p.name) || !inSet(p, set)) continue;
      if (!coerce && !takesWithoutConversion(p, item)) continue;
      try {
        const v = convertArg(meta.idName, p, item);
        validateArg(meta.idName, p, v);
        bound.set(p.name, v);
        names.push(p.name);
        return true;
      } catch (e) {
        // A validation failure is the error, unless the item may still bind by property name (an object).
        const byNamePossible = meta.pipelineByName.length > 0 && item !== null && typeof item === 'object' && !(item instanceof PSHashtable);
        if (e instanceof BindingError && e.errorRecord.FullyQualifiedErrorId.startsWith('ParameterArgumentValidationError') && !byNamePossible) throw e;
        if (e instanceof BindingError) continue;
        throw e;
      }
    }
    return false;
  };
  if (coerce) return tryByValue(true) ? names : null;
  if (tryByValue(false)) return names;
  // Any object's properties bind by name ('abc' gives its Length), except a hashtable's keys.
  if (item !== null && item !== undefined && !(item instanceof PSHashtable)) {
    for (const p of meta.pipelineByName) {
      if (bound.has(p.name) || names.includes(p.name) || !inSet(p, set)) continue;
      const candidates = [p.name, ...(p.aliases ?? [])];
      for (const c of candidates) {
        if (!hasMember(item, c)) continue;
        const v = convertArg(meta.idName, p, getMember(item, c));
        validateArg(meta.idName, p, v);
        bound.set(p.name, v);
        names.push(p.name);
        break;
      }
    }
  }
  return names.length > 0 ? names : null;
}

/** Does the item already have the parameter's type (so binding it by value needs no conversion)? */
function takesWithoutConversion(p: ParamMeta, item: unknown): boolean {
  if (p.convert === identity || /^(object|psobject|system\.object)(\[\])?$/i.test(p.typeName)) return true;
  if (typeof p.type === 'function') return false;
  const t = resolveType(p.typeName.replace(/\[\]$/, ''));
  if (!t) return true;
  return item !== null && item !== undefined && isInstanceOf(item, t);
}

export function inputNotBoundError(cmd: string, item: unknown): BindingError {
  return bindingError(
    cmd,
    'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
    'InputObjectNotBound',
    'InvalidArgument',
    'System.Management.Automation.ParameterBindingException',
    item,
  );
}

