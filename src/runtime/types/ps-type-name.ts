// System.Management.Automation.PSTypeName: a type's name that may or may not resolve. Scripts use
// `([PSTypeName]'Name').Type` to ask whether a type (a script class, say) is defined without an error.
import { toStr } from '../values/convert.js';
import { overloadCountError } from './method-errors.js';
import { NO_CONVERSION, PSType, resolveType, type TypeDef } from './ps-type.js';
import { TYPE_NAME } from './simple-values.js';

export class PSTypeName {
  readonly [TYPE_NAME] = 'System.Management.Automation.PSTypeName';
  constructor(readonly Name: string) {}
  /** The resolved type, or null when no type has that name. */
  get Type(): PSType | null {
    return resolveType(this.Name);
  }
  toString(): string {
    return this.Name;
  }
}

function fromValue(v: unknown): PSTypeName | typeof NO_CONVERSION {
  if (v instanceof PSTypeName) return v;
  if (v instanceof PSType) return new PSTypeName(v.FullName);
  if (typeof v === 'string') return new PSTypeName(v);
  return NO_CONVERSION;
}

/** The builtin table's entry for the type: `[PSTypeName]'x'`, `[PSTypeName]::new('x')` and from a [type]. */
export const psTypeNameTypeDef: TypeDef = {
  fullName: 'System.Management.Automation.PSTypeName',
  construct: (args) => {
    if (args.length !== 1) throw overloadCountError('new', args.length);
    const r = fromValue(args[0]);
    return r === NO_CONVERSION ? new PSTypeName(toStr(args[0])) : r;
  },
  convert: (v) => fromValue(v),
};
