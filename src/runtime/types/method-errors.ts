// Errors raised by member access and method calls, worded as pwsh words them.
import { ErrorRecord, PSException, PSRuntimeError, runtimeError } from '../errors.js';

/** A .NET exception thrown inside a method implementation; the dispatcher wraps it as pwsh does. */
export class DotNetError extends Error {
  constructor(
    readonly typeName: string,
    message: string,
  ) {
    super(message);
  }
}

export function argumentOutOfRange(param: string, message: string): DotNetError {
  return new DotNetError('System.ArgumentOutOfRangeException', `${message} (Parameter '${param}')`);
}
export function argumentError(message: string, param?: string): DotNetError {
  return new DotNetError('System.ArgumentException', param ? `${message} (Parameter '${param}')` : message);
}
export function argumentNull(param: string): DotNetError {
  return new DotNetError('System.ArgumentNullException', `Value cannot be null. (Parameter '${param}')`);
}
export function formatError(message = 'Input string was not in a correct format.'): DotNetError {
  return new DotNetError('System.FormatException', message);
}
export function invalidOperation(message: string): DotNetError {
  return new DotNetError('System.InvalidOperationException', message);
}

/**
 * `Exception calling "Name" with "n" argument(s): "message"` (MethodInvocationException) around what the method
 * threw: a .NET exception, or a PowerShell error (whose record the inner exception keeps). Its id is the inner
 * exception's type name, as pwsh's.
 */
export function methodInvocationError(method: string, argCount: number, err: DotNetError | PSRuntimeError): PSRuntimeError {
  let inner: PSException;
  if (err instanceof DotNetError) inner = new PSException(err.message, err.typeName);
  else {
    inner = err.thrown ?? err.errorRecord.Exception;
    if (!inner.ErrorRecord) inner.ErrorRecord = err.errorRecord;
  }
  const ex = new PSException(
    `Exception calling "${method}" with "${argCount}" argument(s): "${inner.Message}"`,
    'System.Management.Automation.MethodInvocationException',
    inner,
  );
  const id = inner.typeName.slice(inner.typeName.lastIndexOf('.') + 1);
  return new PSRuntimeError(new ErrorRecord(ex, id, 'NotSpecified', null));
}

/**
 * What a script catches when a .NET method that ran PowerShell code failed (ScriptBlock.Invoke(), PowerShell.Invoke()):
 * a MethodInvocationException around the exception the code raised (for -ErrorAction Stop an
 * ActionPreferenceStopException, for ThrowTerminatingError a CmdletInvocationException), which keeps its record.
 * Anything but a PowerShell error (flow control: break, return, exit) passes through.
 */
export function scriptInvocationError(method: string, argCount: number, e: unknown): unknown {
  return e instanceof PSRuntimeError ? methodInvocationError(method, argCount, e) : e;
}

export function methodNotFoundError(typeFullName: string, method: string): PSRuntimeError {
  return runtimeError(`Method invocation failed because [${typeFullName}] does not contain a method named '${method}'.`, 'MethodNotFound', {
    category: 'InvalidOperation',
    exceptionType: 'System.Management.Automation.RuntimeException',
  });
}

export function invokeOnNullError(): PSRuntimeError {
  return runtimeError('You cannot call a method on a null-valued expression.', 'InvokeMethodOnNull', {
    category: 'InvalidOperation',
  });
}

export function overloadCountError(method: string, argCount: number): PSRuntimeError {
  return runtimeError(`Cannot find an overload for "${method}" and the argument count: "${argCount}".`, 'MethodCountCouldNotFindBest', {
    category: 'NotSpecified',
    exceptionType: 'System.Management.Automation.MethodException',
  });
}

export function propertyNotFoundError(name: string): PSRuntimeError {
  return runtimeError(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`, 'PropertyNotFound', {
    category: 'InvalidOperation',
  });
}

/** Assigning a missing property of a PSObject (pwsh's PSSetMemberBinder reports it as PropertyAssignmentException). */
export function psObjectPropertyNotFoundError(name: string): PSRuntimeError {
  return runtimeError(`The property '${name}' cannot be found on this object. Verify that the property exists and can be set.`, 'PropertyAssignmentException', {
    category: 'InvalidOperation',
  });
}

export function readOnlyPropertyError(name: string): PSRuntimeError {
  return runtimeError(`'${name}' is a ReadOnly property.`, 'PropertyAssignmentException', { category: 'InvalidOperation' });
}

/** Run a method body, translating DotNetError into MethodInvocationException. */
export function callWrapped<R>(method: string, argCount: number, fn: () => R): R {
  try {
    const r = fn();
    // A script-defined method or constructor that went async: its failure is wrapped the same way.
    if (r instanceof Promise) {
      return r.catch((e) => {
        throw e instanceof DotNetError ? methodInvocationError(method, argCount, e) : e;
      }) as R;
    }
    return r;
  } catch (e) {
    if (e instanceof DotNetError) throw methodInvocationError(method, argCount, e);
    throw e;
  }
}
