// Where-Object: a filter script block, or the simplified syntax `Where-Object Name -eq 'x'` (one switch per operator).
import type { CmdletDecl, CmdletContext, ParameterDecl } from '../../runtime/cmdlet-api.js';
import type { BinaryOperator } from '../../parser/ast.js';
import { PSHashtable } from '../../runtime/values/objects.js';
import { binaryOp, type OperatorEnv } from '../../runtime/values/operators.js';
import { toBool } from '../../runtime/values/convert.js';
import { resolveType } from '../../runtime/types/index.js';
import { getProp, isPromise, unwrapOutput, CORE_MODULE } from './util.js';

interface OperatorSpec {
  /** Switch parameter name. */
  name: string;
  aliases?: string[];
  set: string;
  op: BinaryOperator | 'not';
  cs: boolean;
}

/** Each operator switch, its parameter set and the operator it applies (pwsh's WhereObjectCommand). */
const operators: OperatorSpec[] = [
  { name: 'EQ', aliases: ['IEQ'], set: 'EqualSet', op: '-eq', cs: false },
  { name: 'CEQ', set: 'CaseSensitiveEqualSet', op: '-eq', cs: true },
  { name: 'NE', aliases: ['INE'], set: 'NotEqualSet', op: '-ne', cs: false },
  { name: 'CNE', set: 'CaseSensitiveNotEqualSet', op: '-ne', cs: true },
  { name: 'GT', aliases: ['IGT'], set: 'GreaterThanSet', op: '-gt', cs: false },
  { name: 'CGT', set: 'CaseSensitiveGreaterThanSet', op: '-gt', cs: true },
  { name: 'LT', aliases: ['ILT'], set: 'LessThanSet', op: '-lt', cs: false },
  { name: 'CLT', set: 'CaseSensitiveLessThanSet', op: '-lt', cs: true },
  { name: 'GE', aliases: ['IGE'], set: 'GreaterOrEqualSet', op: '-ge', cs: false },
  { name: 'CGE', set: 'CaseSensitiveGreaterOrEqualSet', op: '-ge', cs: true },
  { name: 'LE', aliases: ['ILE'], set: 'LessOrEqualSet', op: '-le', cs: false },
  { name: 'CLE', set: 'CaseSensitiveLessOrEqualSet', op: '-le', cs: true },
  { name: 'Like', aliases: ['ILike'], set: 'LikeSet', op: '-like', cs: false },
  { name: 'CLike', set: 'CaseSensitiveLikeSet', op: '-like', cs: true },
  { name: 'NotLike', aliases: ['INotLike'], set: 'NotLikeSet', op: '-notlike', cs: false },
  { name: 'CNotLike', set: 'CaseSensitiveNotLikeSet', op: '-notlike', cs: true },
  { name: 'Match', aliases: ['IMatch'], set: 'MatchSet', op: '-match', cs: false },
  { name: 'CMatch', set: 'CaseSensitiveMatchSet', op: '-match', cs: true },
  { name: 'NotMatch', aliases: ['INotMatch'], set: 'NotMatchSet', op: '-notmatch', cs: false },
  { name: 'CNotMatch', set: 'CaseSensitiveNotMatchSet', op: '-notmatch', cs: true },
  { name: 'Contains', aliases: ['IContains'], set: 'ContainsSet', op: '-contains', cs: false },
  { name: 'CContains', set: 'CaseSensitiveContainsSet', op: '-contains', cs: true },
  { name: 'NotContains', aliases: ['INotContains'], set: 'NotContainsSet', op: '-notcontains', cs: false },
  { name: 'CNotContains', set: 'CaseSensitiveNotContainsSet', op: '-notcontains', cs: true },
  { name: 'In', aliases: ['IIn'], set: 'InSet', op: '-in', cs: false },
  { name: 'CIn', set: 'CaseSensitiveInSet', op: '-in', cs: true },
  { name: 'NotIn', aliases: ['INotIn'], set: 'NotInSet', op: '-notin', cs: false },
  { name: 'CNotIn', set: 'CaseSensitiveNotInSet', op: '-notin', cs: true },
  { name: 'Is', set: 'IsSet', op: '-is', cs: false },
  { name: 'IsNot', set: 'IsNotSet', op: '-isnot', cs: false },
  { name: 'Not', set: 'Not', op: 'not', cs: false },
];

const operatorBySet = new Map(operators.map((o) => [o.set, o]));
const allOperatorSets = operators.map((o) => o.set);
const valueSets = allOperatorSets.filter((s) => s !== 'Not');

interface WhereState {
  op: OperatorSpec | null;
  /** The right operand, converted once (type names for -is). */
  value: unknown;
  valueGiven: boolean;
  env: OperatorEnv | null;
}

function operatorEnv(ctx: CmdletContext): OperatorEnv {
  return {
    setMatches: (m) => ctx.setVariable('Matches', m),
    ofs: () => {
      const v = ctx.getVariable('OFS');
      return v === null || v === undefined ? ' ' : String(v);
    },
    invokeScriptBlock: (sb, dollarUnder) => unwrapOutput(ctx.invokeScript(sb, { dollarUnder }) as unknown[]),
  };
}

function argumentError(ctx: CmdletContext, message: string, errorId: string): never {
  return ctx.throwTerminating({ message, errorId, category: 'InvalidArgument', exceptionType: 'System.Management.Automation.PSArgumentException' });
}

function propertyValue(input: unknown, property: string): unknown {
  if (input instanceof PSHashtable && input.has(property)) return input.get(property);
  return getProp(input, property);
}

export const whereObject: CmdletDecl<WhereState> = {
  name: 'Where-Object',
  module: CORE_MODULE,
  synopsis: 'Selects objects from a collection based on their property values.',
  description:
    'The Where-Object cmdlet selects objects that have particular property values from the collection of objects that are passed to it. You can use a script block (-FilterScript) or the simplified syntax with a property name, a comparison operator switch and a value.',
  defaultParameterSet: 'EqualSet',
  outputType: ['System.Object'],
  parameters: [
    { name: 'InputObject', type: 'psobject', valueFromPipeline: true },
    { name: 'FilterScript', type: 'scriptblock', position: 0, mandatory: true, parameterSets: ['ScriptBlockSet'] },
    { name: 'Property', type: 'string', position: 0, mandatory: true, parameterSets: allOperatorSets },
    { name: 'Value', type: 'object', position: 1, parameterSets: valueSets },
    ...operators.map(
      (o): ParameterDecl => ({
        name: o.name,
        type: 'switch',
        aliases: o.aliases,
        parameterSets: [o.set],
        // -EQ belongs to the default set, so it is optional there (`Where-Object Name` alone tests truthiness).
        mandatory: o.set !== 'EqualSet',
      }),
    ),
  ],
  init: () => ({ op: null, value: null, valueGiven: false, env: null }),
  begin(ctx) {
    if (ctx.parameterSetName === 'ScriptBlockSet') return;
    const st = ctx.state;
    st.op = operatorBySet.get(ctx.parameterSetName) ?? operators[0];
    st.valueGiven = ctx.isBound('Value');
    // An operator switch given as `-GT:$false` selects its parameter set but is not specified: pwsh then
    // behaves as if no operator were given (the property's truth value, or OperatorNotSpecified with -Value).
    const switchOn = ctx.params[st.op.name] === true;
    if (!switchOn) st.op = operators[0];
    const explicitEq = st.op.set === 'EqualSet' && switchOn;
    const booleanEval = st.op.set === 'EqualSet' && !explicitEq;
    if (!st.valueGiven && ((st.op.set !== 'EqualSet' && st.op.op !== 'not') || explicitEq)) {
      argumentError(
        ctx,
        'The specified operator requires both the -Property and -Value parameters. Provide values for both parameters, and then try the command again.',
        'ValueNotSpecifiedForWhereObject',
      );
    }
    if (st.valueGiven && booleanEval) {
      argumentError(
        ctx,
        'An operator is required to compare the two specified values. Include a valid operator in the command, and then try the command again. For example, Get-Process | Where-Object -Property Name -eq Idle',
        'OperatorNotSpecified',
      );
    }
    let value = ctx.params.Value ?? null;
    if ((st.op.op === '-is' || st.op.op === '-isnot') && typeof value === 'string') {
      // Users write `-Is [int]` as they would in a script: strip the brackets and resolve the type.
      const name = value.length > 2 && value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
      value = resolveType(name) ?? value;
    }
    st.value = value;
    st.env = operatorEnv(ctx);
  },
  process(ctx) {
    const input = ctx.params.InputObject;
    if (input === undefined) return; // no input at all (AutomationNull)
    if (ctx.parameterSetName === 'ScriptBlockSet') {
      const r = ctx.invokeScript(ctx.params.FilterScript, { dollarUnder: input });
      if (isPromise(r)) return r.then((out) => (toBool(unwrapOutput(out as unknown[])) ? ctx.write(input) : undefined));
      if (toBool(unwrapOutput(r as unknown[]))) return ctx.write(input);
      return;
    }
    const st = ctx.state;
    const op = st.op!;
    const left = input === null ? null : propertyValue(input, ctx.params.Property);
    let pass: boolean;
    if (op.op === 'not') pass = !toBool(left);
    else if (!st.valueGiven) pass = toBool(left); // `Where-Object Name`: the property's truth value
    else {
      try {
        pass = toBool(binaryOp(op.op, left, st.value, op.cs, st.env!));
      } catch (e) {
        ctx.writeError({
          message: `The operation '${op.op}' failed: ${(e as Error).message}`,
          errorId: 'OperatorFailed',
          category: 'InvalidOperation',
          targetObject: input,
          exceptionType: 'System.InvalidOperationException',
          cause: e,
        });
        return;
      }
    }
    if (pass) return ctx.write(input);
  },
};

export const cmdlets: CmdletDecl[] = [whereObject];
