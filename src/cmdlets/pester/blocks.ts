// Describe / Context / It and the setup blocks, with Pester 4 semantics: bodies run in order when reached,
// setup blocks are hoisted out of their block, BeforeEach/AfterEach wrap every It below them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import type { Extent } from '../../parser/ast.js';
import { positionOf } from '../../parser/extent.js';
import type { CmdletContext, CmdletDecl } from '../../runtime/cmdlet-api.js';
import { ErrorRecord, PSException, PSRuntimeError } from '../../runtime/errors.js';
import { Scope } from '../../runtime/interpreter/scope.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { ExitSignal, PipelineStoppedSignal, isFlowSignal } from '../../runtime/interpreter/flow.js';
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { wildcardMatch } from '../../runtime/values/wildcard.js';
import {
  type BlockKind, type BlockNode, type RunState, type TestOutcome, type TestRecord, currentBlock, getRunState, newId, newRunState, setRunState,
} from './state.js';
import {
  callerFrame, findSetupBlocks, paramNames, runInChildScope, runInScope, scriptBlockFromAst, sessionOf, setVar, streamsOf,
} from './exec.js';
import { printBlockHeader, printTest } from './console.js';
import { installTestDrive, setupDecl as testDriveSetupDecl } from './test-drive.js';

const MODULE = 'Pester';

/** Thrown by Set-ItResult: ends the test with the given outcome. */
export class ItResultSignal extends PSRuntimeError {
  constructor(readonly outcome: TestOutcome, message: string) {
    super(new ErrorRecord(new PSException(message), `PesterTest${outcome}`, 'NotSpecified', null));
    (this as unknown as { scriptTerminating: boolean }).scriptTerminating = true;
  }
}

function toStringList(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => toStr(x));
}

function tagsOf(block: BlockNode | null, own: string[]): string[] {
  const tags = [...own];
  for (let b = block; b; b = b.parent) tags.push(...b.tags);
  return tags;
}

function matchesAny(tags: string[], patterns: string[]): boolean {
  return tags.some((t) => patterns.some((p) => wildcardMatch(t, p, false)));
}

function isExcluded(state: RunState, tags: string[]): boolean {
  return state.excludeTag.length > 0 && matchesAny(tags, state.excludeTag);
}

function isIncluded(state: RunState, tags: string[]): boolean {
  return state.tagFilter.length === 0 || matchesAny(tags, state.tagFilter);
}

function ensureState(ctx: CmdletContext): { state: RunState; implicit: boolean } {
  const session = sessionOf(ctx);
  const existing = getRunState(session);
  if (existing) return { state: existing, implicit: false };
  const state = newRunState(ctx, true);
  setRunState(session, state);
  return { state, implicit: true };
}

/** An error outside any It: reported as a failed test, as Pester 4 does. */
function recordBlockFailure(state: RunState, block: BlockNode, label: string, e: unknown): void {
  const rec = errorRecordOf(e);
  const t: TestRecord = {
    name: label, expandedName: label, path: [...blockPath(block), label], block, result: 'Failed', errorRecord: rec,
    failureMessage: rec.Exception.Message, stackTrace: stackTraceOf(rec), durationMs: 0, file: block.file, tags: [], parameters: null,
    line: rec.InvocationInfo?.ScriptLineNumber ?? 0,
  };
  state.results.push(t);
  printTest(state, t);
}

export function errorRecordOf(e: unknown): ErrorRecord {
  if (e instanceof PSRuntimeError) return e.errorRecord;
  if (e instanceof ErrorRecord) return e;
  const msg = e instanceof Error ? e.message : toStr(e);
  return new ErrorRecord(new PSException(msg, 'System.Exception'), 'System.Exception', 'NotSpecified', null);
}

export function stackTraceOf(rec: ErrorRecord): string {
  const ii = rec.InvocationInfo;
  if (!ii || !ii.ScriptLineNumber) return '';
  const file = ii.ScriptName || '<No file>';
  return `at <ScriptBlock>, ${file}: line ${ii.ScriptLineNumber}\n${ii.ScriptLineNumber}: ${ii.Line.trim()}`;
}

function blockPath(block: BlockNode | null): string[] {
  const names: string[] = [];
  for (let b = block; b; b = b.parent) if (b.kind !== 'File') names.unshift(b.name);
  return names;
}

function mustRethrow(e: unknown): boolean {
  return e instanceof ExitSignal || e instanceof PipelineStoppedSignal;
}

/** Runs a Describe/Context (or a test file as the outermost block). */
export async function runBlock(
  ctx: CmdletContext, kind: BlockKind, name: string, body: ScriptBlock, options: { tags?: string[]; skip?: boolean; scope?: Scope; file?: string },
): Promise<void> {
  const session = sessionOf(ctx);
  const { state, implicit } = ensureState(ctx);
  const parent = currentBlock(state);
  const tags = options.tags ?? [];
  const allTags = tagsOf(parent, tags);
  if (kind !== 'File') {
    if (isExcluded(state, allTags)) return;
    // A block that cannot contain a matching test is not run at all (Pester 4 filters at the Describe).
    if (!isIncluded(state, allTags) && !/-Tags?\b/i.test(body.toString())) return;
  }
  const scope = options.scope ?? new Scope(callerFrame(ctx).scope);
  const setup = findSetupBlocks(body.ast);
  const node: BlockNode = {
    id: newId(), kind, name, parent, tags, scope, testDrive: parent?.testDrive ?? null, file: options.file ?? parent?.file ?? '',
    beforeEach: setup.beforeEach.map((a) => scriptBlockFromAst(session, a)),
    afterEach: setup.afterEach.map((a) => scriptBlockFromAst(session, a)),
    hoisted: setup.all, skip: !!options.skip || !!parent?.skip,
  };
  let ownDrive: string | null = null;
  if (kind === 'Describe' || (kind === 'Context' && !node.testDrive)) {
    ownDrive = mkdtempSync(nodePath.join(tmpdir(), 'awsh-testdrive-'));
    node.testDrive = ownDrive;
  }
  if (node.testDrive) setVar(scope, 'TestDrive', node.testDrive);
  printBlockHeader(state, node);
  state.stack.push(node);
  const uninstallDrive = node.testDrive ? installTestDrive(session, node.testDrive) : null;
  const streams = streamsOf(ctx);
  const skipped = node.skip;
  session.tryDepth++;
  try {
    try {
      if (!skipped) for (const a of setup.beforeAll) await runInScope(session, scope, scriptBlockFromAst(session, a), streams);
      await runInScope(session, scope, body, streams);
    } catch (e) {
      if (mustRethrow(e)) throw e;
      if (!isFlowSignal(e)) recordBlockFailure(state, node, kind === 'File' ? `Error occurred in test script '${node.file}'` : `Error occurred in ${kind} block`, e);
    }
    try {
      if (!skipped) for (const a of setup.afterAll) await runInScope(session, scope, scriptBlockFromAst(session, a), streams);
    } catch (e) {
      if (mustRethrow(e)) throw e;
      if (!isFlowSignal(e)) recordBlockFailure(state, node, `Error occurred in ${kind} block AfterAll`, e);
    }
  } finally {
    session.tryDepth--;
    state.stack.pop();
    uninstallDrive?.();
    if (ownDrive) rmSync(ownDrive, { recursive: true, force: true });
    if (implicit) setRunState(session, undefined);
  }
}

/** Replace `<Key>` (and `<Key.Prop>`, `<_>`) in a test name with values from the test case. */
export function expandName(name: string, testCase: PSHashtable | null, item: unknown): string {
  return name.replace(/<([^<>]+)>/g, (whole, key: string) => {
    const [head, ...rest] = key.split('.');
    let v: unknown;
    if (head === '_') v = item;
    else if (testCase && testCase.has(head)) v = testCase.get(head);
    else return whole;
    for (const p of rest) {
      if (v instanceof PSHashtable) v = v.get(p);
      else if (v instanceof PSObject) v = v.getMember(p)?.value;
      else if (v && typeof v === 'object') v = (v as Record<string, unknown>)[p];
      else v = null;
    }
    return toStr(v);
  });
}

function normalizeCases(v: unknown): unknown[] | null {
  if (v === null || v === undefined) return null;
  return Array.isArray(v) ? v : [v];
}

function caseEntries(item: unknown): PSHashtable | null {
  if (item instanceof PSHashtable) return item;
  if (item instanceof PSObject) {
    const h = new PSHashtable();
    for (const m of item.members.values()) h.set(m.name, m.value);
    return h;
  }
  return null;
}

interface ItOptions {
  name: string;
  test: ScriptBlock | null;
  cases: unknown[] | null;
  skip: boolean;
  pending: boolean;
  tags: string[];
  line: number;
}

export async function runIt(ctx: CmdletContext, o: ItOptions): Promise<void> {
  const session = sessionOf(ctx);
  const { state, implicit } = ensureState(ctx);
  try {
    const block = currentBlock(state);
    const allTags = tagsOf(block, o.tags);
    if (isExcluded(state, allTags) || !isIncluded(state, allTags)) return;
    const cases = o.cases ?? [null];
    for (const item of cases) await runOneTest(ctx, session, state, block, o, item);
  } finally {
    if (implicit) setRunState(session, undefined);
  }
}

async function runOneTest(
  ctx: CmdletContext, session: ReturnType<typeof sessionOf>, state: RunState, block: BlockNode | null, o: ItOptions, item: unknown,
): Promise<void> {
  const testCase = caseEntries(item);
  const expanded = expandName(o.name, testCase, item);
  const rec: TestRecord = {
    name: o.name, expandedName: expanded, path: [...blockPath(block), expanded], block, result: 'Passed', errorRecord: null, failureMessage: '',
    stackTrace: '', durationMs: 0, file: block?.file ?? '', tags: o.tags, parameters: testCase ?? new PSHashtable(), line: o.line,
  };
  const blockSkipped = !!block?.skip;
  if (o.skip || blockSkipped) rec.result = 'Skipped';
  else if (o.pending || !o.test) rec.result = 'Pending';
  else await executeTest(ctx, session, state, block, o.test, testCase, item, rec);
  state.results.push(rec);
  printTest(state, rec);
}

function setupChain(block: BlockNode | null): BlockNode[] {
  const chain: BlockNode[] = [];
  for (let b = block; b; b = b.parent) chain.unshift(b);
  return chain;
}

async function executeTest(
  ctx: CmdletContext, session: ReturnType<typeof sessionOf>, state: RunState, block: BlockNode | null, test: ScriptBlock,
  testCase: PSHashtable | null, item: unknown, rec: TestRecord,
): Promise<void> {
  const streams = streamsOf(ctx);
  const scope = new Scope(callerFrame(ctx).scope);
  const named: [string, unknown][] = [];
  if (testCase) {
    const declared = new Map(paramNames(test).map((n) => [n.toLowerCase(), n]));
    for (const [k, v] of testCase.map.values()) {
      const key = toStr(k);
      // Every key is visible as a variable (Pester 5); keys with a matching parameter are also bound to it.
      setVar(scope, key, v);
      const p = declared.get(key.toLowerCase());
      if (p) named.push([p, v]);
    }
  }
  if (item !== null && !testCase) setVar(scope, '_', item);
  const chain = setupChain(block);
  const testId = newId();
  const savedTest = state.currentTestId;
  state.currentTestId = testId;
  const started = performance.now();
  let failure: unknown = null;
  session.tryDepth++;
  try {
    try {
      for (const b of chain) for (const sb of b.beforeEach) await runInScope(session, scope, sb, streams);
      await runInChildScope(session, scope, test, streams, named);
    } catch (e) {
      if (mustRethrow(e)) throw e;
      if (!isFlowSignal(e)) failure = e;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      for (const sb of chain[i].afterEach) {
        try {
          await runInScope(session, scope, sb, streams);
        } catch (e) {
          if (mustRethrow(e)) throw e;
          if (!isFlowSignal(e)) failure ??= e;
        }
      }
    }
  } finally {
    session.tryDepth--;
    state.currentTestId = savedTest;
    rec.durationMs = performance.now() - started;
  }
  if (failure instanceof ItResultSignal) {
    rec.result = failure.outcome;
    rec.failureMessage = failure.message;
    return;
  }
  if (failure) {
    const er = errorRecordOf(failure);
    rec.result = 'Failed';
    rec.errorRecord = er;
    rec.failureMessage = er.Exception.Message;
    rec.stackTrace = stackTraceOf(er);
  }
}

// ---------------------------------------------------------------------------
// Cmdlet declarations

function blockDecl(kind: 'Describe' | 'Context'): CmdletDecl {
  return {
    name: kind,
    module: MODULE,
    synopsis: `Creates a logical group of tests (Pester ${kind}).`,
    parameters: [
      { name: 'Name', type: 'string', position: 0, mandatory: true },
      { name: 'Fixture', type: 'scriptblock', position: 1 },
      { name: 'Tag', type: 'string[]', aliases: ['Tags'] },
      { name: 'Skip', type: 'switch' },
      { name: 'ForEach', type: 'object' },
    ],
    end: async (ctx) => {
      const fixture = ctx.params.Fixture as ScriptBlock | undefined;
      if (!fixture) ctx.throwTerminating({ message: `No test script block is provided. (Have you put the open curly brace on the next line?)`, errorId: 'PesterNoFixture', category: 'InvalidArgument' });
      const name = toStr(ctx.params.Name);
      const items = normalizeCases(ctx.params.ForEach);
      if (!items) {
        await runBlock(ctx, kind, name, fixture!, { tags: toStringList(ctx.params.Tag), skip: !!ctx.params.Skip });
        return;
      }
      for (const item of items) {
        const data = caseEntries(item);
        // -ForEach: each item's keys become variables of the block (Pester 5 data-driven blocks).
        const scope = new Scope(callerFrame(ctx).scope);
        if (data) for (const [k, v] of data.map.values()) setVar(scope, toStr(k), v);
        setVar(scope, '_', item);
        await runBlock(ctx, kind, expandName(name, data, item), fixture!, { tags: toStringList(ctx.params.Tag), skip: !!ctx.params.Skip, scope });
      }
    },
  };
}

const itDecl: CmdletDecl = {
  name: 'It',
  module: MODULE,
  synopsis: 'Validates the results of a test inside of a Describe block.',
  parameters: [
    { name: 'Name', type: 'string', position: 0, mandatory: true },
    { name: 'Test', type: 'scriptblock', position: 1 },
    { name: 'TestCases', type: 'object', aliases: ['TestCase', 'ForEach'] },
    { name: 'Tag', type: 'string[]', aliases: ['Tags'] },
    { name: 'Skip', type: 'switch' },
    { name: 'Pending', type: 'switch' },
  ],
  end: async (ctx) => {
    const test = (ctx.params.Test as ScriptBlock | undefined) ?? null;
    const extent = (ctx as unknown as { extent?: Extent }).extent;
    const source = sessionOf(ctx).currentSource;
    const line = extent && source ? positionOf(extent, source).line : 0;
    await runIt(ctx, {
      name: toStr(ctx.params.Name), test, cases: normalizeCases(ctx.params.TestCases), skip: !!ctx.params.Skip, pending: !!ctx.params.Pending,
      tags: toStringList(ctx.params.Tag), line,
    });
  },
};

function setupDecl(name: 'BeforeAll' | 'AfterAll' | 'BeforeEach' | 'AfterEach'): CmdletDecl {
  return {
    name,
    module: MODULE,
    synopsis: `Defines a ${name} setup block for the enclosing Describe or Context.`,
    parameters: [{ name: 'Scriptblock', type: 'scriptblock', position: 0, mandatory: true }],
    end: async (ctx) => {
      const sb = ctx.params.Scriptblock as ScriptBlock;
      const state = getRunState(sessionOf(ctx));
      const block = state ? currentBlock(state) : null;
      if (!state || !block) {
        ctx.throwTerminating({ message: `The ${name} command may only be used inside a Describe block.`, errorId: 'PesterNotInDescribe', category: 'InvalidOperation' });
      }
      // Already taken out of the body and run (or registered) when the block started.
      if (block!.hoisted.has(sb.ast)) return;
      if (name === 'BeforeEach') block!.beforeEach.push(sb);
      else if (name === 'AfterEach') block!.afterEach.push(sb);
      else if (name === 'BeforeAll') await runInScope(sessionOf(ctx), callerFrame(ctx).scope, sb, streamsOf(ctx));
      // A dynamically generated AfterAll: not supported beyond running at once would be wrong; ignore it.
    },
  };
}

const setItResultDecl: CmdletDecl = {
  name: 'Set-ItResult',
  module: MODULE,
  synopsis: 'Sets the result of the current It to Skipped, Pending or Inconclusive.',
  parameters: [
    { name: 'Inconclusive', type: 'switch', parameterSets: ['Inconclusive'] },
    { name: 'Pending', type: 'switch', parameterSets: ['Pending'] },
    { name: 'Skipped', type: 'switch', parameterSets: ['Skipped'] },
    { name: 'Because', type: 'string', position: 0 },
  ],
  end: (ctx) => {
    const outcome: TestOutcome = ctx.params.Skipped ? 'Skipped' : ctx.params.Pending ? 'Pending' : 'Inconclusive';
    const word = outcome === 'Skipped' ? 'skipped' : outcome === 'Pending' ? 'pending' : 'inconclusive';
    const because = ctx.params.Because ? `, because ${toStr(ctx.params.Because)}` : '';
    throw new ItResultSignal(outcome, `is ${word}${because}`);
  },
};

export const blockCmdlets: CmdletDecl[] = [
  blockDecl('Describe'), blockDecl('Context'), itDecl, setupDecl('BeforeAll'), setupDecl('AfterAll'), setupDecl('BeforeEach'), setupDecl('AfterEach'),
  setItResultDecl, testDriveSetupDecl,
];
