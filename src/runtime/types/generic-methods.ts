// Generic method calls (`[Array]::Empty[string]()`): the few whose type arguments change the result. Other generic
// calls run the ordinary method, their type arguments only checked to exist.
import { runtimeError } from '../errors.js';
import type { PSType } from './ps-type.js';
import { setArrayElementType } from './type-of.js';

/** Returned when a generic call needs no special handling. */
export const ORDINARY_CALL: unique symbol = Symbol('awsh.ordinaryGenericCall');

export function invokeGenericStatic(type: PSType, method: string, typeArgs: PSType[], args: unknown[]): unknown {
  if (type.FullName === 'System.Array' && method.toLowerCase() === 'empty') {
    if (typeArgs.length !== 1 || args.length !== 0) {
      throw runtimeError(`Cannot find an overload for "${method}" and the argument count: "${args.length}".`, 'MethodCountCouldNotFindBestGeneric', {
        category: 'NotSpecified', exceptionType: 'System.Management.Automation.MethodException',
      });
    }
    const empty: unknown[] = [];
    setArrayElementType(empty, typeArgs[0]!);
    return empty;
  }
  return ORDINARY_CALL;
}
