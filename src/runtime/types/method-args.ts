// Converting method arguments to the parameter types .NET methods expect, with pwsh's conversion errors.
import { runtimeError } from '../errors.js';
import { toStr } from '../values/convert.js';
import { PSChar, toJsNumber } from '../values/numbers.js';
import { PSObject } from '../values/objects.js';
import { convertTo, convertToEnum } from './cast.js';
import { PSRuntimeError } from '../errors.js';
import { getEnumerable } from './collections.js';
import { typeByFullName, resolveType } from './ps-type.js';
import { PSEnumValue } from './simple-values.js';

export function unwrapArg(v: unknown): unknown {
  return v instanceof PSObject && v.baseObject !== undefined && v.baseObject !== null ? v.baseObject : v;
}

function conv(method: string, param: string, v: unknown, typeName: string): unknown {
  return argConvert(method, param, v, resolveType(typeName)!);
}

/** Convert a method argument; failures read `Cannot convert argument "item", with value: ...`. */
export function argConvert(method: string, param: string, v: unknown, t: import('./ps-type.js').PSType): unknown {
  try {
    return convertTo(unwrapArg(v), t);
  } catch (e) {
    if (!(e instanceof PSRuntimeError)) throw e;
    throw runtimeError(
      `Cannot convert argument "${param}", with value: "${toStr(v)}", for "${method}" to type "${t.FullName}": "${e.errorRecord.Exception.Message}"`,
      'MethodArgumentConversionInvalidCastArgument',
      { category: 'NotSpecified', exceptionType: 'System.Management.Automation.MethodException' },
    );
  }
}

export function argInt(method: string, param: string, v: unknown): number {
  return conv(method, param, v, 'System.Int32') as number;
}
export function argNum(method: string, param: string, v: unknown): number {
  return toJsNumber(conv(method, param, v, 'System.Double'));
}
export function argStr(v: unknown): string {
  v = unwrapArg(v);
  return v === null || v === undefined ? '' : toStr(v);
}
export function argBool(v: unknown): boolean {
  return conv('', 'value', v, 'System.Boolean') as boolean;
}
export function argEnum(method: string, param: string, v: unknown, enumName: string): number {
  v = unwrapArg(v);
  const t = typeByFullName(enumName)!;
  try {
    return convertToEnum(v instanceof PSEnumValue && v.type !== t ? v.value : v, t).value;
  } catch (e) {
    if (!(e instanceof PSRuntimeError)) throw e;
    throw runtimeError(
      `Cannot convert argument "${param}", with value: "${toStr(v)}", for "${method}" to type "${t.FullName}": "${e.errorRecord.Exception.Message}"`,
      'MethodArgumentConversionInvalidCastArgument',
      { category: 'NotSpecified', exceptionType: 'System.Management.Automation.MethodException' },
    );
  }
}

/** Is the argument a StringComparison/StringSplitOptions-like enum value (or its name)? */
export function isEnumArg(v: unknown, enumName: string): boolean {
  v = unwrapArg(v);
  if (v instanceof PSEnumValue) return v.type.FullName === enumName;
  if (typeof v === 'string') return !!typeByFullName(enumName)!.def.enumValues!.some(([n]) => n.toLowerCase() === v.toLowerCase());
  return false;
}

/** A char argument (PSChar or one-character string), else null. */
export function asChar(v: unknown): string | null {
  v = unwrapArg(v);
  if (v instanceof PSChar) return String.fromCharCode(v.code);
  return null;
}

/** A list of strings/chars (char[] or string[] argument). */
export function argList(v: unknown): string[] | null {
  v = unwrapArg(v);
  if (!Array.isArray(v)) return null;
  return v.map((x) => argStr(x));
}

export function argItems(v: unknown): unknown[] {
  v = unwrapArg(v);
  if (typeof v === 'string') return [v];
  const e = getEnumerable(v);
  return e ? Array.from(e) : [v];
}
