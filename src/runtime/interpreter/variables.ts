// Reading and writing variables with scope qualifiers (`$global:x`, `$script:x`, `$env:X`, `$variable:x`).
import { PSVariable, Scope, VarOptions } from './scope.js';
import { runtimeError } from '../errors.js';
import type { Frame } from './frame.js';
import { convertTo, type PSType } from '../types/index.js';

/** Which scope a qualifier names, relative to `scope`. null for drives that are not scopes (env, function...). */
export function scopeFor(scope: Scope, qualifier: string | null): Scope | null {
  switch (qualifier) {
    case null:
    case 'local':
    case 'private':
    case 'variable':
      return scope;
    case 'global':
      return scope.globalScope();
    case 'script':
      return scope.scriptScope();
    default:
      return null;
  }
}

export function getVariable(f: Frame, qualifier: string | null, key: string, name: string): unknown {
  switch (qualifier) {
    case null:
    case 'variable':
    case 'using': {
      const v = f.scope.lookup(key);
      return v === undefined ? null : v.value;
    }
    case 'local':
    case 'private': {
      const v = f.scope.vars.get(key);
      return v === undefined ? null : v.value;
    }
    case 'global': {
      const v = f.scope.globalScope().vars.get(key);
      return v === undefined ? null : v.value;
    }
    case 'script': {
      const v = f.scope.scriptScope().lookup(key);
      return v === undefined ? null : v.value;
    }
    case 'env': {
      const v = f.session.env[name];
      return v === undefined ? null : v;
    }
    case 'function': {
      const fn = f.scope.lookupFunction(key);
      return fn ? fn.scriptBlock : null;
    }
    default:
      return null;
  }
}

export function setVariable(f: Frame, qualifier: string | null, key: string, name: string, value: unknown): void {
  if (qualifier === 'env') {
    if (value === null || value === '') delete f.session.env[name];
    else f.session.env[name] = String(value);
    return;
  }
  const target = scopeFor(f.scope, qualifier === 'using' ? null : qualifier);
  if (target === null) {
    throw runtimeError(`Cannot find drive. A drive with the name '${qualifier}' does not exist.`, 'DriveNotFound', {
      category: 'ObjectNotFound',
      exceptionType: 'System.Management.Automation.DriveNotFoundException',
    });
  }
  setInScope(target, key, name, value, qualifier === 'private' ? VarOptions.Private : VarOptions.None);
}

export function setInScope(scope: Scope, key: string, name: string, value: unknown, newOptions = VarOptions.None): PSVariable {
  const existing = scope.vars.get(key);
  if (existing !== undefined) {
    assignToVariable(existing, value);
    return existing;
  }
  // An AllScope variable is one variable in every scope below the one that made it.
  for (let s = scope.parent; s !== null; s = s.parent) {
    const up = s.vars.get(key);
    if (up !== undefined) {
      if ((up.options & VarOptions.AllScope) === 0) break;
      assignToVariable(up, value);
      return up;
    }
  }
  const v = new PSVariable(name, value, newOptions);
  scope.vars.set(key, v);
  return v;
}

/** Assign with the variable's type constraint and validation, and its ReadOnly/Constant options. */
export function assignToVariable(v: PSVariable, value: unknown): void {
  if ((v.options & (VarOptions.ReadOnly | VarOptions.Constant)) !== 0) {
    throw runtimeError(`Cannot overwrite variable ${v.name} because it is read-only or constant.`, 'VariableNotWritable', {
      category: 'WriteError',
      exceptionType: 'System.Management.Automation.SessionStateUnauthorizedAccessException',
      target: v.name,
    });
  }
  if (v.typeConstraint !== null) value = convertTo(value, v.typeConstraint as PSType);
  if (v.validators !== null) for (const check of v.validators) check(value);
  v.value = value;
  v.emptyOutput = false;
}
