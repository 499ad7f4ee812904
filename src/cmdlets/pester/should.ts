// Should: Pester's assertion command with its operators, -Not forms, -Because and Pester's failure messages.
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { CmdletContext, CmdletDecl, ParameterDecl } from '../../runtime/cmdlet-api.js';
import { ErrorRecord, PSException, PSRuntimeError, exceptionIsA } from '../../runtime/errors.js';
import { PSHashtable } from '../../runtime/values/objects.js';
import { toBool, toStr } from '../../runtime/values/convert.js';
import { compareOp, contains, equals, like } from '../../runtime/values/operators.js';
import { toJsRegExp } from '../../runtime/values/regex.js';
import { PSType, isInstanceOf, resolveType } from '../../runtime/types/index.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { isFlowSignal } from '../../runtime/interpreter/flow.js';
import { formatBecause, formatNicely, formatType, shortTypeOf } from './format-nicely.js';
import { sessionOf } from './exec.js';
import { assertInvoked } from './mock.js';
import { getRunState } from './state.js';
import { checkCustom, customOperatorIn, customOperators, registerShould, shouldOperatorCmdlets } from './should-operators.js';
import { assertionFailure } from './failure.js';
import { HaveParameterUsageError, checkHaveParameter, joinAnd } from './should-parameter.js';
import { expandWildcardPath, exists, resolveFsPath } from '../core/fs-items.js';
import { isWildcardPattern, unescapeWildcard } from '../../runtime/values/wildcard.js';
export { assertionFailure };

/** Operators that see the whole collected input; the others run once per input item. */
const WHOLE_INPUT = new Set(['Be', 'BeExactly', 'BeNullOrEmpty', 'Contain', 'HaveCount', 'Throw', 'Invoke', 'InvokeVerifiable']);

const OPERATORS: [string, string[]][] = [
  ['Be', ['EQ']], ['BeExactly', ['CEQ']], ['BeNullOrEmpty', []], ['BeTrue', []], ['BeFalse', []], ['BeOfType', ['HaveType']],
  ['BeGreaterThan', ['GT']], ['BeLessThan', ['LT']], ['BeGreaterOrEqual', ['GE']], ['BeLessOrEqual', ['LE']], ['Match', []],
  ['MatchExactly', ['CMATCH']], ['BeLike', []], ['BeLikeExactly', []], ['Contain', []], ['BeIn', []], ['HaveCount', []], ['Exist', []],
  ['FileContentMatch', []], ['FileContentMatchExactly', []], ['FileContentMatchMultiline', []], ['Throw', []], ['Invoke', []],
  ['InvokeVerifiable', []], ['HaveParameter', []],
];
const OPERATOR_BY_KEY = new Map<string, string>();
for (const [name, aliases] of OPERATORS) {
  OPERATOR_BY_KEY.set(name.toLowerCase(), name);
  for (const a of aliases) OPERATOR_BY_KEY.set(a.toLowerCase(), name);
}

interface Assertion {
  op: string;
  not: boolean;
  expected: unknown;
  because: unknown;
  p: Record<string, any>;
}

function isCollection(v: unknown): v is unknown[] {
  return Array.isArray(v);
}

function nullOrEmptyList(v: unknown[]): boolean {
  return v.length === 0 || (v.length === 1 && (v[0] === null || v[0] === undefined));
}

/** Pester's ArraysAreEqual: `actual` and `expected` item by item, compared as `$Expected -eq $Actual`. */
function arraysEqual(a: unknown, b: unknown, cs: boolean): boolean {
  // Expected on the left, as Pester does: `"x" -eq $matchInfo` converts the MatchInfo to a string, the reverse doesn't.
  if (!isCollection(a) && !isCollection(b)) return equals(b, a, cs);
  const x = isCollection(a) ? a : [a];
  const y = isCollection(b) ? b : [b];
  // An empty array, $null and @($null) are all "null or empty", and equal to each other.
  const xEmpty = nullOrEmptyList(x);
  const yEmpty = nullOrEmptyList(y);
  if (xEmpty || yEmpty) return xEmpty && yEmpty;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!arraysEqual(x[i], y[i], cs)) return false;
  return true;
}

function stringDiffMessage(expected: string, actual: string, because: unknown, cs: boolean): string {
  const max = Math.max(expected.length, actual.length);
  let index = -1;
  for (let i = 0; i < max && index < 0; i++) {
    const e = expected[i] ?? '';
    const a = actual[i] ?? '';
    if (cs ? e !== a : e.toLowerCase() !== a.toLowerCase()) index = i;
  }
  const lines = [`Expected strings to be the same,${formatBecause(because)} but they were different.`];
  if (expected.length !== actual.length) lines.push(`Expected length: ${expected.length}`, `Actual length:   ${actual.length}`);
  else lines.push(`String lengths are both ${expected.length}.`);
  lines.push(`Strings differ at index ${index}.`);
  const esc = (s: string) => s.replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  lines.push(`Expected: '${esc(expected)}'`, `But was:  '${esc(actual)}'`, `${'-'.repeat(index + 11)}^`);
  return lines.join('\n');
}

function unwrapSingle(v: unknown): unknown {
  return Array.isArray(v) && v.length === 1 ? v[0] : v;
}

function countOf(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (Array.isArray(v)) return v.length;
  if (v instanceof PSHashtable) return v.map.size;
  return 1;
}

function typeArg(v: unknown): PSType | null {
  if (v instanceof PSType) return v;
  if (v === null || v === undefined) return null;
  // `[int]` written as a string loses its brackets; an array type name (`Object[]`) keeps its own.
  const name = toStr(v).trim();
  return resolveType(/^\[.*\]$/.test(name) ? name.slice(1, -1) : name);
}

function regexTest(pattern: unknown, value: unknown, cs: boolean, multiline = false): boolean {
  return toJsRegExp(toStr(pattern), { ignoreCase: !cs, multiline }).test(toStr(value));
}

/** Returns a failure message, or null when the assertion holds. */
async function check(ctx: CmdletContext, a: Assertion, actual: unknown): Promise<string | null> {
  const { op, not, because } = a;
  const b = formatBecause(because);
  const exp = a.expected;
  const fmtA = () => formatNicely(actual);
  const fmtE = () => formatNicely(exp);
  switch (op) {
    case 'Be':
    case 'BeExactly': {
      const cs = op === 'BeExactly';
      const ok = arraysEqual(actual, exp, cs);
      if (ok === !not) return null;
      if (not) return `Expected ${fmtE()} to be different from the actual value,${b} but got ${cs ? 'exactly ' : ''}the same value.`;
      const ue = unwrapSingle(exp);
      const ua = unwrapSingle(actual);
      if (typeof ue === 'string' && typeof ua === 'string') return stringDiffMessage(ue, ua, because, cs);
      return `Expected ${cs ? 'exactly ' : ''}${formatNicely(ue)},${b} but got ${formatNicely(ua)}.`;
    }
    case 'BeNullOrEmpty': {
      let ok: boolean;
      if (actual === null || actual === undefined || countOf(actual) === 0) ok = true;
      else if (countOf(actual) === 1) {
        const v = Array.isArray(actual) ? actual[0] : actual;
        ok = v instanceof PSHashtable ? v.map.size === 0 : v === null || v === undefined || v === '';
      } else ok = false;
      if (ok === !not) return null;
      return not ? `Expected a value,${b} but got $null or empty.` : `Expected $null or empty,${b} but got ${fmtA()}.`;
    }
    case 'BeTrue':
    case 'BeFalse': {
      const want = (op === 'BeTrue') !== not;
      if (toBool(actual) === want) return null;
      return `Expected ${want ? '$true' : '$false'},${b} but got ${fmtA()}.`;
    }
    case 'BeOfType': {
      const t = typeArg(a.p.ExpectedType ?? exp);
      if (!t) return `Expected the value to have type ${toStr(a.p.ExpectedType ?? exp)},${b} but the type was not found.`;
      const ok = actual !== null && actual !== undefined && isInstanceOf(actual, t);
      if (ok === !not) return null;
      return `Expected the value to ${not ? 'not ' : ''}have type ${formatType(t)} or any of its subtypes,${b} but got ${fmtA()} with type ${shortTypeOf(actual)}.`;
    }
    case 'BeGreaterThan':
    case 'BeLessThan':
    case 'BeGreaterOrEqual':
    case 'BeLessOrEqual': {
      const table: Record<string, ['-gt' | '-lt' | '-ge' | '-le', string, string]> = {
        BeGreaterThan: ['-gt', 'greater than', 'less than or equal to'],
        BeLessThan: ['-lt', 'less than', 'greater than or equal to'],
        BeGreaterOrEqual: ['-ge', 'greater than or equal to', 'less than'],
        BeLessOrEqual: ['-le', 'less than or equal to', 'greater than'],
      };
      const [cmp, words, notWords] = table[op];
      const ok = toBool(compareOp(cmp, actual, exp));
      if (ok === !not) return null;
      return `Expected the actual value to be ${not ? notWords : words} ${fmtE()},${b} but got ${fmtA()}.`;
    }
    case 'Match':
    case 'MatchExactly': {
      const pattern = a.p.RegularExpression ?? exp;
      const cs = op === 'MatchExactly';
      const ok = regexTest(pattern, actual, cs);
      if (ok === !not) return null;
      const how = cs ? 'case sensitively ' : '';
      return not
        ? `Expected regular expression ${formatNicely(pattern)} to not ${how}match ${fmtA()},${b} but it did match.`
        : `Expected regular expression ${formatNicely(pattern)} to ${how}match ${fmtA()},${b} but it did not match.`;
    }
    case 'BeLike':
    case 'BeLikeExactly': {
      const cs = op === 'BeLikeExactly';
      const ok = like(actual, exp, cs);
      if (ok === !not) return null;
      const what = cs ? 'case sensitive like wildcard' : 'like wildcard';
      return not
        ? `Expected ${what} ${fmtE()} to not match ${fmtA()},${b} but it did match.`
        : `Expected ${what} ${fmtE()} to match ${fmtA()},${b} but it did not match.`;
    }
    case 'Contain': {
      const ok = contains(actual, exp);
      if (ok === !not) return null;
      return not
        ? `Expected ${fmtE()} to not be found in collection ${fmtA()},${b} but it was found.`
        : `Expected ${fmtE()} to be found in collection ${fmtA()},${b} but it was not found.`;
    }
    case 'BeIn': {
      const ok = contains(exp, actual);
      if (ok === !not) return null;
      return not
        ? `Expected collection ${fmtE()} to not contain ${fmtA()},${b} but it was found.`
        : `Expected collection ${fmtE()} to contain ${fmtA()},${b} but it was not found.`;
    }
    case 'HaveCount': {
      const n = countOf(actual);
      const want = Number(toStr(exp));
      const ok = n === want;
      if (ok === !not) return null;
      if (not) return `Expected a collection with size different from ${want},${b} but got collection with that size ${fmtA()}.`;
      if (want === 0) return `Expected an empty collection,${b} but got collection with size ${n} ${fmtA()}.`;
      return `Expected a collection with size ${want},${b} but got collection with size ${n} ${fmtA()}.`;
    }
    case 'Exist': {
      // Pester's Exist is Test-Path: wildcards match, backtick escapes name literal characters (`` `[x`] ``).
      const ok = actual !== null && actual !== undefined && toStr(actual) !== '' && pathExists(ctx, toStr(actual));
      if (ok === !not) return null;
      return `Expected path ${fmtA()} to ${not ? 'not ' : ''}exist,${b} but it ${not ? 'did' : 'did not'} exist.`;
    }
    case 'HaveParameter': {
      const p = a.p;
      try {
        return checkHaveParameter(actual, {
          name: toStr(p.ParameterName ?? exp ?? ''), type: p.Type, defaultValue: p.DefaultValue, hasDefaultValue: p.DefaultValue !== undefined,
          mandatory: !!p.Mandatory, inParameterSet: p.InParameterSet ? toStr(p.InParameterSet) : '', hasArgumentCompleter: !!p.HasArgumentCompleter,
          alias: p.Alias ? (p.Alias as unknown[]).map((x) => toStr(x)) : [], not, because,
        });
      } catch (e) {
        if (e instanceof HaveParameterUsageError) ctx.throwTerminating({ message: e.message, errorId: 'System.ArgumentException', category: 'NotSpecified', exceptionType: 'System.ArgumentException' });
        throw e;
      }
    }
    case 'FileContentMatch':
    case 'FileContentMatchExactly':
    case 'FileContentMatchMultiline': {
      const pattern = a.p.ExpectedContent ?? exp;
      const path = resolveFsPath(ctx, unescapeWildcard(toStr(actual)));
      let text = '';
      try {
        if (statSync(path).isFile()) text = readFileSync(path, 'utf8');
      } catch {
        text = '';
      }
      const cs = op === 'FileContentMatchExactly';
      const ok = op === 'FileContentMatchMultiline'
        ? regexTest(pattern, text, false, true)
        : text.split(/\r?\n/).some((line) => regexTest(pattern, line, cs));
      if (ok === !not) return null;
      const how = cs ? ' exactly' : '';
      return not
        ? `Expected ${formatNicely(pattern)} to not be found in file '${toStr(actual)}'${how},${b} but it was found.`
        : `Expected ${formatNicely(pattern)} to be found in file '${toStr(actual)}'${how},${b} but it was not found.`;
    }
  }
  return `Unknown Should operator '${op}'.`;
}

/** Pester's Get-ExceptionLineInfo: the error's position message with `At` turned into `from`, continuation lines indented. */
function exceptionLine(rec: ErrorRecord): string {
  const pm = rec.InvocationInfo?.PositionMessage ?? '';
  return pm.split(/\r?\n/).filter((l) => /\S/.test(l)).join('\n').replace(/^At /, 'from ').replace(/\n/g, '\n    ');
}

async function checkThrow(ctx: CmdletContext, a: Assertion, actual: unknown): Promise<void> {
  if (!(actual instanceof ScriptBlock)) {
    ctx.throwTerminating({
      message: "Input is missing or not a ScriptBlock. Input to '-Throw' and '-Not -Throw' must be enclosed in curly braces.",
      errorId: 'System.ArgumentException', category: 'NotSpecified', exceptionType: 'System.ArgumentException',
    });
  }
  const session = sessionOf(ctx);
  let caught: ErrorRecord | null = null;
  session.tryDepth++;
  try {
    const r = ctx.invokeScript(actual as ScriptBlock, { newScope: true, output: () => {} });
    if (r instanceof Promise) await r;
  } catch (e) {
    if (isFlowSignal(e)) throw e;
    caught = e instanceof PSRuntimeError ? e.errorRecord : new ErrorRecord(new PSException(e instanceof Error ? e.message : toStr(e), 'System.Exception'), 'System.Exception', 'NotSpecified', null);
  } finally {
    session.tryDepth--;
  }
  const b = formatBecause(a.because);
  if (a.not) {
    if (!caught) return;
    throw assertionFailure(ctx, `Expected no exception to be thrown,${b} but an exception "${caught.Exception.Message}" was thrown ${exceptionLine(caught)}.`);
  }
  const message = a.p.ExpectedMessage ?? (a.expected === null || a.expected === undefined ? undefined : a.expected);
  const errorId = a.p.ErrorId;
  const exType = a.p.ExceptionType ? typeArg(a.p.ExceptionType) : null;
  const filters: string[] = [];
  const buts: string[] = [];
  if (exType) {
    filters.push(`type ${formatType(exType)}`);
    if (caught && !exceptionIsA(caught.Exception.typeName, exType.FullName)) {
      const t = resolveType(caught.Exception.typeName);
      buts.push(`the exception type was ${t ? formatType(t) : `[${caught.Exception.typeName}]`}`);
    }
  }
  // Message and error id match as -like patterns, the whole text (Pester 5).
  if (message !== undefined && toStr(message).trim() !== '') {
    const m = toStr(message);
    filters.push(`message like ${formatNicely(unescapeWildcard(m))}`);
    if (caught && !like(caught.Exception.Message, m)) buts.push(`the message was ${formatNicely(caught.Exception.Message)}`);
  }
  if (errorId && toStr(errorId).trim() !== '') {
    filters.push(`FullyQualifiedErrorId ${formatNicely(toStr(errorId))}`);
    if (caught && !like(caught.FullyQualifiedErrorId, toStr(errorId))) buts.push(`the FullyQualifiedErrorId was ${formatNicely(caught.FullyQualifiedErrorId)}`);
  }
  if (!caught) buts.push('no exception was thrown');
  if (buts.length) {
    const filter = joinAnd(filters);
    const text = `Expected an exception${filter ? ` with ${filter}` : ''} to be thrown,${b} but ${joinAnd(buts)}. ${caught ? exceptionLine(caught) : ''}`.trim();
    throw assertionFailure(ctx, text);
  }
  if (a.p.PassThru) ctx.write(caught);
}

function bindAssertion(ctx: CmdletContext): Assertion {
  const p = ctx.params;
  let op: string | null = null;
  for (const [name] of OPERATORS) if (p[name]) op = name;
  const custom = customOperatorIn(p);
  if (custom) op = `custom:${custom.name}`;
  let not = !!p.Not;
  let expected: unknown = p.ExpectedValue;
  let because: unknown = p.Because;
  if (!op) {
    // Pester 3 syntax: `Should Be 5`, `Should Not Be 5`.
    const legacy = [p.ExpectedValue, p.Because, p.LegacyArg].filter((x) => x !== undefined);
    if (typeof legacy[0] === 'string' && legacy[0].toLowerCase() === 'not') {
      not = true;
      legacy.shift();
    }
    const name = typeof legacy[0] === 'string' ? OPERATOR_BY_KEY.get(legacy[0].toLowerCase()) : undefined;
    if (!name) {
      throw assertionFailure(ctx, 'Could not find any Should operator. Use one of the operators, for example: Should -Be 1');
    }
    op = name;
    expected = legacy[1];
    because = undefined;
  }
  if (op === 'Throw' && expected === undefined) expected = null;
  return { op, not, expected, because, p };
}

const operatorParams: ParameterDecl[] = OPERATORS.map(([name, aliases]) => ({ name, type: 'switch', aliases }));

const shouldDecl: CmdletDecl<{ items: unknown[] }> = {
  name: 'Should',
  module: 'Pester',
  synopsis: 'Should is a keyword that is used to define an assertion inside an It block.',
  parameters: [
    { name: 'ActualValue', type: 'object', valueFromPipeline: true },
    { name: 'Not', type: 'switch' },
    ...operatorParams,
    { name: 'ExpectedValue', type: 'object', position: 0 },
    { name: 'Because', type: 'object', position: 1 },
    { name: 'LegacyArg', type: 'object', position: 2, dontShow: true },
    { name: 'ExpectedType', type: 'object' },
    { name: 'RegularExpression', type: 'object' },
    { name: 'ExpectedContent', type: 'object' },
    { name: 'ExpectedMessage', type: 'string' },
    { name: 'ErrorId', type: 'string' },
    { name: 'ExceptionType', type: 'object' },
    { name: 'PassThru', type: 'switch' },
    { name: 'CommandName', type: 'string' },
    { name: 'Times', type: 'int' },
    { name: 'Exactly', type: 'switch' },
    { name: 'ParameterFilter', type: 'scriptblock' },
    { name: 'ExclusiveFilter', type: 'scriptblock' },
    { name: 'Scope', type: 'string' },
    { name: 'ModuleName', type: 'string' },
    { name: 'ParameterName', type: 'string' },
    { name: 'Type', type: 'object' },
    { name: 'DefaultValue', type: 'object' },
    { name: 'Mandatory', type: 'switch' },
    { name: 'InParameterSet', type: 'string' },
    { name: 'HasArgumentCompleter', type: 'switch' },
    { name: 'Alias', type: 'string[]' },
  ],
  init: () => ({ items: [] }),
  process: (ctx) => {
    if (ctx.expectingInput) ctx.state.items.push(ctx.inputObject === undefined ? null : ctx.inputObject);
  },
  end: async (ctx) => {
    try {
      await runShould(ctx);
    } catch (e) {
      // Should.ErrorAction Continue (or -ErrorAction Continue): inside a test, a failed assertion is collected and
      // the test goes on; it fails at its end with every collected failure.
      const state = getRunState(sessionOf(ctx));
      if (!(e instanceof PSRuntimeError) || e.errorRecord.FullyQualifiedErrorId !== 'PesterAssertionFailed' || !state?.softFailures) throw e;
      const explicit = (ctx as unknown as { errorAction: string | null }).errorAction;
      const soft = explicit ? explicit.toLowerCase() !== 'stop' : state.shouldContinue;
      if (!soft) throw e;
      state.softFailures.push(e.errorRecord);
    }
  },
};

async function runShould(ctx: CmdletContext<{ items: unknown[] }>): Promise<void> {
  {
    const a = bindAssertion(ctx);
    const items = ctx.state.items;
    const fromPipeline = ctx.expectingInput;
    const whole = fromPipeline ? (items.length === 0 ? null : items.length === 1 ? items[0] : items) : (ctx.params.ActualValue ?? null);
    if (a.op === 'Throw') return checkThrow(ctx, a, whole);
    if (a.op === 'Invoke' || a.op === 'InvokeVerifiable') {
      const msg = assertInvoked(ctx, {
        commandName: toStr(ctx.params.CommandName ?? a.expected ?? ''), times: ctx.params.Times ?? 1, exactly: !!ctx.params.Exactly,
        parameterFilter: ctx.params.ParameterFilter ?? null, scope: ctx.params.Scope ?? null, not: a.not, verifiable: a.op === 'InvokeVerifiable',
        defaultScope: 'It', because: a.because,
      });
      const failure = await msg;
      if (failure) throw assertionFailure(ctx, failure);
      return;
    }
    const custom = a.op.startsWith('custom:') ? customOperators.get(a.op.slice(7).toLowerCase()) : undefined;
    const wholeInput = custom ? custom.supportsArrayInput : WHOLE_INPUT.has(a.op);
    const targets = wholeInput || !fromPipeline || items.length === 0 ? [whole] : items;
    for (const v of targets) {
      const failure = custom ? await checkCustom(ctx, custom, v, a.not) : await check(ctx, a, v);
      if (failure) throw assertionFailure(ctx, failure);
    }
  }
}

registerShould(shouldDecl, OPERATORS);
export const shouldCmdlets: CmdletDecl[] = [shouldDecl, ...shouldOperatorCmdlets];

function pathExists(ctx: CmdletContext, path: string): boolean {
  if (isWildcardPattern(path)) return expandWildcardPath(ctx, path, true).length > 0;
  return exists(resolveFsPath(ctx, unescapeWildcard(path)));
}
