// Mock, Assert-MockCalled / Should -Invoke, Assert-VerifiableMock.
// A mock is a function with the mocked command's name defined in the calling scope (functions win over cmdlets in
// command lookup, and the scope chain gives Pester's block scoping). Its body hands the call to Invoke-PesterMock,
// which records it and runs the matching -MockWith, or the original command when no -ParameterFilter matches.
import type { CmdletContext, CmdletDecl, CommandInfo, ParameterDecl } from '../../runtime/cmdlet-api.js';
import type { Scope } from '../../runtime/interpreter/scope.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { ScriptProcessor } from '../../runtime/interpreter/script-processor.js';
import { CmdletProcessor } from '../../runtime/interpreter/cmdlet-processor.js';
import { runPipeline } from '../../runtime/interpreter/pipeline.js';
import type { CallArg } from '../../runtime/interpreter/binder.js';
import { Frame } from '../../runtime/interpreter/frame.js';
import { PSHashtable } from '../../runtime/values/objects.js';
import { toBool, toStr } from '../../runtime/values/convert.js';
import { activeIds, currentBlock, getRunState, type MockCall, type RunState } from './state.js';
import { callerFrame, scriptBlockFromText, sessionOf, streamsOf } from './exec.js';
import { formatBecause } from './format-nicely.js';
import { assertionFailure } from './failure.js';

interface Behavior {
  mockWith: ScriptBlock | null;
  filter: ScriptBlock | null;
  verifiable: boolean;
  scope: Scope;
  called: boolean;
  /** -ModuleName mocks: the Pester block that defined it; the mock applies only while that block runs. */
  blockId?: number;
}

interface MockEntry {
  name: string;
  original: { kind: 'cmdlet'; decl: CmdletDecl } | { kind: 'function'; sb: ScriptBlock } | { kind: 'none' };
  behaviors: Behavior[];
  calls: MockCall[];
}

const registries = new WeakMap<object, Map<string, MockEntry>>();

function registry(session: object): Map<string, MockEntry> {
  let r = registries.get(session);
  if (!r) registries.set(session, (r = new Map()));
  return r;
}

/** Mock proxies defined inside module scopes (-ModuleName), removed when the run ends. */
const moduleProxies = new WeakMap<object, { scope: Scope; name: string }[]>();

export function clearMocks(session: object): void {
  registries.delete(session);
  for (const p of moduleProxies.get(session) ?? []) p.scope.functions?.delete(p.name.toLowerCase());
  moduleProxies.delete(session);
}

function inChain(scope: Scope, target: Scope): boolean {
  for (let s: Scope | null = scope; s; s = s.parent) if (s === target) return true;
  return false;
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A param() block for the proxy that accepts what the original command accepts. */
function proxyParamText(decls: ParameterDecl[]): string {
  const usedPositions = new Set<number>();
  const params = decls.filter((d) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(d.name)).map((d) => {
    const args: string[] = [];
    if (d.position !== undefined && !usedPositions.has(d.position)) {
      usedPositions.add(d.position);
      args.push(`Position=${d.position}`);
    }
    if (d.valueFromPipeline) args.push('ValueFromPipeline=$true');
    if (d.valueFromPipelineByPropertyName) args.push('ValueFromPipelineByPropertyName=$true');
    if (d.valueFromRemainingArguments) args.push('ValueFromRemainingArguments=$true');
    const attrs = [`[Parameter(${args.join(', ')})]`];
    if (d.aliases?.length) attrs.push(`[Alias(${d.aliases.map(quote).join(', ')})]`);
    if (d.type === 'switch') attrs.push('[switch]');
    return `${attrs.join('')}$${d.name}`;
  });
  return `[CmdletBinding()]\nparam(${params.join(',\n')})`;
}

function buildProxy(session: object, name: string, original: CommandInfo | null): ScriptBlock {
  let paramText = '';
  if (original?.CommandType === 'Cmdlet' && original.decl) paramText = proxyParamText(original.decl.parameters);
  else if (original && (original.CommandType === 'Function' || original.CommandType === 'Filter')) {
    const sb = (original as CommandInfo & { ScriptBlock?: ScriptBlock }).ScriptBlock;
    const pb = sb?.ast.paramBlock;
    if (pb) paramText = sb!.ast.source.text.slice(pb.start, pb.end);
  }
  const call = `Invoke-PesterMock -MockName ${quote(name)} -BoundParameters $PSBoundParameters -ArgumentList $args`;
  const body = paramText ? `${paramText}\nprocess { ${call} -PipelineItem $_ -HasPipelineItem:$MyInvocation.ExpectingInput }` : call;
  return scriptBlockFromText(session, body);
}

function originalOf(ctx: CmdletContext, info: CommandInfo | null): MockEntry['original'] {
  let i = info;
  for (let d = 0; i && i.CommandType === 'Alias' && d < 10; d++) i = i.ResolvedCommand;
  if (!i) return { kind: 'none' };
  if (i.CommandType === 'Cmdlet' && i.decl) return { kind: 'cmdlet', decl: i.decl };
  const sb = (i as CommandInfo & { ScriptBlock?: ScriptBlock }).ScriptBlock;
  if (sb) return { kind: 'function', sb };
  void ctx;
  return { kind: 'none' };
}

const mockDecl: CmdletDecl = {
  name: 'Mock',
  module: 'Pester',
  synopsis: 'Mocks the behavior of an existing command with an alternate implementation.',
  parameters: [
    { name: 'CommandName', type: 'string', position: 0, mandatory: true },
    { name: 'MockWith', type: 'scriptblock', position: 1 },
    { name: 'Verifiable', type: 'switch' },
    { name: 'ParameterFilter', type: 'scriptblock', position: 2 },
    { name: 'ModuleName', type: 'string' },
    { name: 'RemoveParameterType', type: 'string[]' },
    { name: 'RemoveParameterValidation', type: 'string[]' },
  ],
  // A built-in cmdlet that loads on first use must be loaded before it can be looked up and wrapped.
  begin: (ctx) => ctx.session.loadCommand(toStr(ctx.params.CommandName)),
  end: (ctx) => {
    const session = sessionOf(ctx);
    const name = toStr(ctx.params.CommandName);
    const reg = registry(session);
    const key = name.toLowerCase();
    let entry = reg.get(key);
    // -ModuleName: calls made from inside that module see the mock (its functions resolve through the module scope).
    const moduleName = ctx.params.ModuleName ? toStr(ctx.params.ModuleName) : null;
    const moduleRec = moduleName ? (session as unknown as { modules?: Map<string, { scope: Scope }> }).modules?.get(moduleName.toLowerCase()) : undefined;
    const scope = moduleRec ? moduleRec.scope : callerFrame(ctx).scope;
    if (moduleRec) {
      const list = moduleProxies.get(session) ?? [];
      list.push({ scope: moduleRec.scope, name });
      moduleProxies.set(session, list);
    }
    if (!entry) {
      // A module's private function is found through the module's scope (-ModuleName).
      const privateFn = moduleRec?.scope.lookupFunction(key);
      const info = ctx.session.resolveCommand(name) ?? (privateFn ? ({ CommandType: 'Function', Name: privateFn.name, ScriptBlock: privateFn.scriptBlock } as unknown as CommandInfo) : null);
      if (!info) {
        ctx.throwTerminating({ message: `Could not find Command ${name}`, errorId: 'CommandNotFound', category: 'ObjectNotFound' });
      }
      entry = { name: info!.CommandType === 'Alias' ? name : info!.Name, original: originalOf(ctx, info), behaviors: [], calls: [] };
      reg.set(key, entry);
    }
    const info = entry.original.kind === 'cmdlet'
      ? ({ CommandType: 'Cmdlet', decl: entry.original.decl } as unknown as CommandInfo)
      : entry.original.kind === 'function'
        ? ({ CommandType: 'Function', ScriptBlock: entry.original.sb } as unknown as CommandInfo)
        : null;
    scope.setFunction({ name, isFilter: false, scriptBlock: buildProxy(session, name, info), options: 0, description: '' });
    const runState = getRunState(session);
    const ids = runState ? activeIds(runState) : [];
    entry.behaviors.push({
      mockWith: (ctx.params.MockWith as ScriptBlock | undefined) ?? null, filter: (ctx.params.ParameterFilter as ScriptBlock | undefined) ?? null,
      verifiable: !!ctx.params.Verifiable, scope, called: false,
      blockId: moduleRec ? ids[ids.length - 1] : undefined,
    });
  },
};

function boundToVariables(bound: Map<string, unknown>, args: unknown[]): Record<string, unknown> {
  const vars: Record<string, unknown> = {};
  for (const [k, v] of bound) vars[k] = v;
  const bp = new PSHashtable();
  for (const [k, v] of bound) bp.set(k, v);
  vars.PesterBoundParameters = bp;
  vars.args = args;
  return vars;
}

async function truthy(ctx: CmdletContext, filter: ScriptBlock, bound: Map<string, unknown>, args: unknown[]): Promise<boolean> {
  let r = ctx.invokeScript(filter, { newScope: true, variables: boundToVariables(bound, args) });
  if (r instanceof Promise) r = await r;
  const out = (r ?? []) as unknown[];
  if (out.length === 0) return false;
  return out.length === 1 ? toBool(out[0]) : true;
}

function hashtableToMap(v: unknown): Map<string, unknown> {
  const m = new Map<string, unknown>();
  if (v instanceof PSHashtable) for (const [k, val] of v.map.values()) m.set(toStr(k), val);
  return m;
}

async function callOriginal(ctx: CmdletContext, entry: MockEntry, bound: Map<string, unknown>, args: unknown[], input: unknown[] | null): Promise<void> {
  const callArgs: CallArg[] = [];
  for (const [k, v] of bound) callArgs.push({ name: k, value: v, hasValue: true, text: `-${k}:` });
  for (const a of args) callArgs.push({ name: null, value: a, hasValue: true });
  const caller = callerFrame(ctx);
  const session = sessionOf(ctx);
  const out = (v: unknown) => void ctx.write(v);
  const frame = caller.child(caller.scope, out, caller.streams, null);
  let proc;
  if (entry.original.kind === 'cmdlet') proc = new CmdletProcessor(entry.original.decl, callArgs, frame, caller.streams);
  else if (entry.original.kind === 'function') proc = new ScriptProcessor(entry.original.sb, callArgs, frame, caller.streams, { name: entry.name, dotSource: false, isScriptFile: false });
  else return;
  const r = runPipeline([proc], input, out);
  if (r instanceof Promise) await r;
}

const dispatchDecl: CmdletDecl = {
  name: 'Invoke-PesterMock',
  module: 'Pester',
  synopsis: 'Internal: runs a mocked command (called by the mock functions Mock defines).',
  parameters: [
    { name: 'MockName', type: 'string', mandatory: true },
    { name: 'BoundParameters', type: 'object' },
    { name: 'ArgumentList', type: 'object[]' },
    { name: 'PipelineItem', type: 'object' },
    { name: 'HasPipelineItem', type: 'switch' },
  ],
  end: async (ctx) => {
    const session = sessionOf(ctx);
    const entry = registry(session).get(toStr(ctx.params.MockName).toLowerCase());
    if (!entry) return;
    const bound = hashtableToMap(ctx.params.BoundParameters);
    const args = (ctx.params.ArgumentList as unknown[] | undefined) ?? [];
    const scope = callerFrame(ctx).scope;
    const state0 = getRunState(session);
    const active = state0 ? activeIds(state0) : [];
    const visible = entry.behaviors.filter((b) => (b.blockId !== undefined ? active.includes(b.blockId) : inChain(scope, b.scope)));
    const ordered = [...visible.filter((b) => b.filter).reverse(), ...visible.filter((b) => !b.filter).reverse()];
    let chosen: Behavior | null = null;
    for (const b of ordered) {
      if (!b.filter || (await truthy(ctx, b.filter, bound, args))) {
        chosen = b;
        break;
      }
    }
    const state = getRunState(session);
    const call: MockCall = { command: entry.name, bound, args, blockIds: state ? activeIds(state) : [] };
    entry.calls.push(call);
    const input = ctx.params.HasPipelineItem ? [ctx.params.PipelineItem] : null;
    if (!chosen) return callOriginal(ctx, entry, bound, args, input);
    chosen.called = true;
    if (!chosen.mockWith) return;
    const vars = boundToVariables(bound, args);
    if (input) vars._ = input[0];
    const r = ctx.invokeScript(chosen.mockWith, { newScope: true, variables: vars, args, output: (v) => ctx.write(v) });
    if (r instanceof Promise) await r;
  },
};

export interface InvokeAssertion {
  commandName: string;
  times: number;
  exactly: boolean;
  parameterFilter: ScriptBlock | null;
  exclusiveFilter?: ScriptBlock | null;
  scope: string | null;
  not: boolean;
  verifiable: boolean;
  /** 'It' for Should -Invoke (Pester 5), 'Block' for Assert-MockCalled (Pester 4). */
  defaultScope: 'It' | 'Block';
  because: unknown;
}

function scopeId(state: RunState | undefined, scope: string | null, defaultScope: 'It' | 'Block'): number | null {
  if (!state) return null;
  const s = (scope ?? '').toLowerCase();
  if (s === 'it') return state.currentTestId ?? currentBlock(state)?.id ?? null;
  if (s === 'describe' || s === 'context') {
    for (let i = state.stack.length - 1; i >= 0; i--) if (state.stack[i].kind.toLowerCase() === s) return state.stack[i].id;
    return currentBlock(state)?.id ?? null;
  }
  if (defaultScope === 'It' && state.currentTestId !== null) return state.currentTestId;
  return currentBlock(state)?.id ?? null;
}

/** Returns a failure message, or null when the calls match the expectation. */
export async function assertInvoked(ctx: CmdletContext, a: InvokeAssertion): Promise<string | null> {
  const session = sessionOf(ctx);
  const b = formatBecause(a.because);
  if (a.verifiable) {
    const missing: string[] = [];
    const scope = callerFrame(ctx).scope;
    for (const entry of registry(session).values()) {
      for (const beh of entry.behaviors) {
        if (beh.verifiable && !beh.called && inChain(scope, beh.scope)) {
          missing.push(`Command ${entry.name}${beh.filter ? ` with { ${beh.filter.toString().trim()} }` : ''}`);
        }
      }
    }
    if (!missing.length) return null;
    return `Expected all verifiable mocks to be called,${b} but these were not:\n ${missing.join('\n ')}`;
  }
  const entry = registry(session).get(a.commandName.toLowerCase());
  if (!entry) return `You did not declare a mock of the ${a.commandName} Command.`;
  const state = getRunState(session);
  const id = scopeId(state, a.scope, a.defaultScope);
  let n = 0;
  let nonMatching = 0;
  for (const call of entry.calls) {
    if (id !== null && !call.blockIds.includes(id)) continue;
    const filter = a.parameterFilter ?? a.exclusiveFilter ?? null;
    if (!filter || (await truthy(ctx, filter, call.bound, call.args))) n++;
    else nonMatching++;
  }
  const name = entry.name;
  if (a.exclusiveFilter && nonMatching > 0) {
    return `Expected ${name} to only be called with with parameters matching the specified filter,${b} but ${nonMatching} non-matching calls were made`;
  }
  const exact = a.exactly || a.times === 0;
  if (a.not) {
    const fails = exact ? n === a.times : n >= a.times;
    if (!fails) return null;
    return exact
      ? `Expected ${name} not to be called exactly ${a.times} times,${b} but it was`
      : `Expected ${name} not to be called at least ${a.times} times,${b} but it was called ${n} times`;
  }
  const ok = exact ? n === a.times : n >= a.times;
  if (ok) return null;
  return exact
    ? `Expected ${name} to be called ${a.times} times exactly,${b} but was called ${n} times`
    : `Expected ${name} to be called at least ${a.times} times,${b} but was called ${n} times`;
}

const assertMockCalledDecl: CmdletDecl = {
  name: 'Assert-MockCalled',
  module: 'Pester',
  synopsis: 'Checks if a mocked command has been called a certain number of times.',
  parameters: [
    { name: 'CommandName', type: 'string', position: 0, mandatory: true },
    { name: 'Times', type: 'int', position: 1 },
    { name: 'ParameterFilter', type: 'scriptblock', position: 2 },
    { name: 'ExclusiveFilter', type: 'scriptblock' },
    { name: 'ModuleName', type: 'string' },
    { name: 'Scope', type: 'string' },
    { name: 'Exactly', type: 'switch' },
  ],
  end: async (ctx) => {
    const failure = await assertInvoked(ctx, {
      commandName: toStr(ctx.params.CommandName), times: ctx.params.Times ?? 1, exactly: !!ctx.params.Exactly,
      parameterFilter: ctx.params.ParameterFilter ?? null, exclusiveFilter: ctx.params.ExclusiveFilter ?? null, scope: ctx.params.Scope ?? null,
      not: false, verifiable: false, defaultScope: 'Block', because: null,
    });
    if (failure) {
      throw assertionFailure(ctx, failure);
    }
  },
};

const assertVerifiableDecl: CmdletDecl = {
  name: 'Assert-VerifiableMock',
  module: 'Pester',
  synopsis: 'Checks that all verifiable mocks were called.',
  parameters: [],
  end: async (ctx) => {
    const failure = await assertInvoked(ctx, {
      commandName: '', times: 1, exactly: false, parameterFilter: null, scope: null, not: false, verifiable: true, defaultScope: 'Block', because: null,
    });
    if (failure) {
      throw assertionFailure(ctx, failure);
    }
  },
};

export const mockCmdlets: CmdletDecl[] = [mockDecl, dispatchDecl, assertMockCalledDecl, assertVerifiableDecl];
void streamsOf;
