// Delegate types (Action, Func, Predicate, Comparison, Converter): a script block cast to one becomes a delegate,
// a script block that remembers the type; its Invoke() returns the output converted to the delegate's return type.
import { ScriptBlock } from '../interpreter/scriptblock.js';
import { NO_CONVERSION, defineType, typeByFullName, type PSType } from './ps-type.js';

const DELEGATES: [string, number][] = [
  ['System.Action', 0], ['System.Action`1', 1], ['System.Action`2', 2], ['System.Action`3', 3], ['System.Action`4', 4],
  ['System.Func`1', 1], ['System.Func`2', 2], ['System.Func`3', 3], ['System.Func`4', 4], ['System.Func`5', 5],
  ['System.Predicate`1', 1], ['System.Comparison`1', 1], ['System.Converter`2', 2], ['System.EventHandler', 0],
];

export function loadDelegateTypes(): void {
  defineType({ fullName: 'System.Delegate' });
  defineType({ fullName: 'System.MulticastDelegate', baseType: 'System.Delegate' });
  for (const [fullName, arity] of DELEGATES) {
    defineType({
      fullName,
      baseType: 'System.MulticastDelegate',
      genericArity: arity || undefined,
      isInstance: (v, t) => v instanceof ScriptBlock && v.delegateType === t,
      convert: (v, t) => (v instanceof ScriptBlock ? asDelegate(v, t) : NO_CONVERSION),
    });
  }
}

function asDelegate(sb: ScriptBlock, t: PSType): ScriptBlock {
  const d = new ScriptBlock(sb.ast);
  d.session = sb.session;
  d.closureScope = sb.closureScope;
  d.moduleScope = sb.moduleScope;
  d.delegateType = t;
  return d;
}

/** What a delegate's Invoke returns: null for an Action (void), else the type its output converts to. */
export function delegateReturnType(t: PSType): PSType | 'void' {
  const name = t.def.fullName;
  const args = t.genericArgs ?? [];
  if (name.startsWith('System.Func`')) return args[args.length - 1]!;
  if (name === 'System.Converter`2') return args[1]!;
  if (name === 'System.Predicate`1') return typeByFullName('System.Boolean')!;
  if (name === 'System.Comparison`1') return typeByFullName('System.Int32')!;
  return 'void';
}
