// Should operators a script adds (Add-ShouldOperator) and the list of operators (Get-ShouldOperator). A custom
// operator becomes a switch parameter of Should (its aliases too), and its test's own parameters become Should
// parameters; the test gets -ActualValue, -Negate and those parameters and returns Succeeded / FailureMessage.
import type { CmdletContext, CmdletDecl, ParameterDecl } from '../../runtime/cmdlet-api.js';
import { invalidateCmdletMetadata } from '../../runtime/interpreter/cmdlet-processor.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { toBool, toStr } from '../../runtime/values/convert.js';
import { callerFrame, paramNames, runInChildScope, sessionOf, streamsOf } from './exec.js';

export interface CustomOperator {
  name: string;
  aliases: string[];
  test: ScriptBlock;
  supportsArrayInput: boolean;
}

export const customOperators = new Map<string, CustomOperator>();

/** Built-in operator names with their aliases, in Pester's listing. */
let builtIns: [string, string[]][] = [];
let shouldDeclRef: CmdletDecl | null = null;

export function registerShould(decl: CmdletDecl, operators: [string, string[]][]): void {
  shouldDeclRef = decl;
  builtIns = operators;
}

export function customOperatorIn(params: Record<string, unknown>): CustomOperator | null {
  for (const op of customOperators.values()) if (params[op.name]) return op;
  return null;
}

function member(o: unknown, name: string): unknown {
  if (o instanceof PSHashtable) return o.get(name);
  if (o instanceof PSObject) return o.getMember(name)?.value;
  return undefined;
}

/** Runs a custom operator's test on one value; returns the failure message or null. */
export async function checkCustom(ctx: CmdletContext, op: CustomOperator, actual: unknown, not: boolean): Promise<string | null> {
  const declared = new Set(paramNames(op.test).map((n) => n.toLowerCase()));
  const named: [string, unknown][] = [['ActualValue', actual]];
  if (declared.has('negate')) named.push(['Negate', not]);
  for (const [k, v] of Object.entries(ctx.params)) {
    const key = k.toLowerCase();
    if (declared.has(key) && key !== 'actualvalue' && key !== 'negate') named.push([k, v]);
  }
  const out: unknown[] = [];
  await runInChildScope(sessionOf(ctx), callerFrame(ctx).scope, op.test, streamsOf(ctx), named, (v) => void out.push(v));
  const result = out[out.length - 1];
  if (toBool(member(result, 'Succeeded'))) return null;
  return toStr(member(result, 'FailureMessage') ?? `Assertion ${op.name} failed.`);
}

const addShouldOperatorDecl: CmdletDecl = {
  name: 'Add-ShouldOperator',
  module: 'Pester',
  synopsis: 'Registers a custom assertion operator for Should.',
  parameters: [
    { name: 'Name', type: 'string', mandatory: true },
    { name: 'Test', type: 'scriptblock', mandatory: true },
    { name: 'Alias', type: 'string[]' },
    { name: 'InternalName', type: 'string' },
    { name: 'SupportsArrayInput', type: 'switch' },
  ],
  end: (ctx) => {
    const name = toStr(ctx.params.Name);
    const aliases = ((ctx.params.Alias as unknown[] | undefined) ?? []).map((x) => toStr(x)).filter((x) => x.trim());
    const test = ctx.params.Test as ScriptBlock;
    const existing = customOperators.get(name.toLowerCase());
    // Adding the same operator again (a test file run twice) is a no-op, as in Pester.
    if (existing && existing.test.toString() === test.toString() && existing.aliases.join() === aliases.join()) return;
    const decl = shouldDeclRef!;
    const taken = new Set<string>();
    for (const p of decl.parameters) {
      taken.add(p.name.toLowerCase());
      for (const a of p.aliases ?? []) taken.add(a.toLowerCase());
    }
    const isOperator = (n: string) => builtIns.some(([b, al]) => b.toLowerCase() === n || al.some((a) => a.toLowerCase() === n)) || customOperators.has(n);
    for (const n of [name, ...aliases]) {
      if (isOperator(n.toLowerCase())) {
        ctx.throwTerminating({ message: `Assertion operator name '${n}' has been added multiple times.`, errorId: 'RuntimeException', category: 'OperationStopped' });
      }
    }
    customOperators.set(name.toLowerCase(), { name, aliases, test, supportsArrayInput: !!ctx.params.SupportsArrayInput });
    const added: ParameterDecl[] = [{ name, type: 'switch', aliases }];
    for (const p of paramNames(test)) {
      if (!taken.has(p.toLowerCase()) && !['actualvalue', 'negate', 'callersessionstate'].includes(p.toLowerCase())) {
        added.push({ name: p, type: 'object' });
        taken.add(p.toLowerCase());
      }
    }
    decl.parameters.push(...added);
    invalidateCmdletMetadata(decl);
  },
};

const getShouldOperatorDecl: CmdletDecl = {
  name: 'Get-ShouldOperator',
  module: 'Pester',
  synopsis: 'Lists the Should operators with their aliases.',
  parameters: [{ name: 'Name', type: 'string', position: 0 }],
  end: (ctx) => {
    const all: [string, string[]][] = [...builtIns, ...[...customOperators.values()].map((o): [string, string[]] => [o.name, o.aliases])];
    const wanted = ctx.params.Name ? toStr(ctx.params.Name).toLowerCase() : null;
    for (const [name, aliases] of all) {
      if (wanted && name.toLowerCase() !== wanted && !aliases.some((a) => a.toLowerCase() === wanted)) continue;
      const o = wanted
        ? PSObject.fromEntries([['Name', name], ['Aliases', aliases], ['Help', null]])
        : PSObject.fromEntries([['Name', name], ['Alias', aliases.join(', ')]]);
      if (wanted) o.typeNames = ['PesterAssertionOperatorHelp', ...o.typeNames];
      ctx.write(o);
    }
  },
};

export const shouldOperatorCmdlets: CmdletDecl[] = [addShouldOperatorDecl, getShouldOperatorDecl];
