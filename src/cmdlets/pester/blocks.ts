// Describe / Context / It and the setup blocks. Bodies run in order when reached (a block's body is Pester 5's
// discovery code), setup blocks are hoisted out of their block, BeforeEach/AfterEach wrap every It below them.
// Results follow Pester 5: a failed BeforeAll fails the block's tests, an error in a block body fails the whole
// file (container), tests a filter leaves out are NotRun, pending tests count as skipped.
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
import { printBlockFailure, printBlockHeader, printDiscoveryFailure, printTest } from './console.js';
import { formatBecause } from './format-nicely.js';
import { installTestDrive, setupDecl as testDriveSetupDecl } from './test-drive.js';

const MODULE = 'Pester';

/** Thrown by Set-ItResult: ends the test with the given outcome. */
export class ItResultSignal extends PSRuntimeError {
  constructor(readonly outcome: TestOutcome, message: string, errorId: string) {
    super(new ErrorRecord(new PSException(message), errorId, 'NotSpecified', null));
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

function isExcluded(state: RunState, tags: string[], lines: string[] = []): boolean {
  if (state.excludeTag.length > 0 && matchesAny(tags, state.excludeTag)) return true;
  return state.excludeLine.length > 0 && lines.some((l) => state.excludeLine.some((p) => samePlace(l, p)));
}

function hasIncludeFilter(state: RunState): boolean {
  return state.tagFilter.length > 0 || state.fullNameFilter.length > 0 || state.lineFilter.length > 0;
}

/** `path:line` of a filter and of a test compare with the path normalized. */
function samePlace(actual: string, pattern: string): boolean {
  const norm = (x: string) => x.replace(/\\/g, '/').toLowerCase();
  return norm(actual) === norm(pattern);
}

/** Pester 5's include filters: a test runs when any of Tag, FullName or Line matches it (or one of its blocks). */
function isIncluded(state: RunState, tags: string[], fullNames: string[] = [], lines: string[] = []): boolean {
  if (!hasIncludeFilter(state)) return true;
  if (state.tagFilter.length > 0 && matchesAny(tags, state.tagFilter)) return true;
  if (state.fullNameFilter.length > 0 && fullNames.some((n) => state.fullNameFilter.some((p) => wildcardMatch(n, p, false)))) return true;
  return state.lineFilter.length > 0 && lines.some((l) => state.lineFilter.some((p) => samePlace(l, p)));
}

/** The full names (`Describe.Context.It`) of a test and its blocks, and their `file:line` places. */
function placesOf(block: BlockNode | null, testName: string | null, testLine: number): { fullNames: string[]; lines: string[] } {
  const fullNames: string[] = [];
  const lines: string[] = [];
  const path = blockPath(block);
  if (testName !== null) {
    fullNames.push([...path, testName].join('.'));
    if (block) lines.push(`${block.file}:${testLine}`);
  }
  for (let b = block, p = path; b && b.kind !== 'File'; b = b.parent, p = p.slice(0, -1)) {
    fullNames.push(p.join('.'));
    lines.push(`${b.file}:${b.line}`);
  }
  return { fullNames, lines };
}

function ensureState(ctx: CmdletContext): { state: RunState; implicit: boolean } {
  const session = sessionOf(ctx);
  const existing = getRunState(session);
  if (existing) return { state: existing, implicit: false };
  const state = newRunState(ctx, true);
  // A Describe run on its own (not through Invoke-Pester) shows each test.
  state.output = 'Detailed';
  setRunState(session, state);
  return { state, implicit: true };
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

/** An error in a block body is a discovery error: it fails the whole file, whose tests are then dropped. */
export class DiscoveryError extends PSRuntimeError {
  constructor(readonly record: ErrorRecord) {
    super(record);
    (this as unknown as { scriptTerminating: boolean }).scriptTerminating = true;
  }
}

/** Records a file whose discovery failed, dropping the results its tests already had. */
export function recordContainerFailure(state: RunState, file: string, rec: ErrorRecord): void {
  state.results = state.results.filter((t) => t.file !== file);
  state.failedContainers.push({ file, error: rec });
  printDiscoveryFailure(state, file, rec);
}

/** Can a block with these tags hold a test the filters let through? Tags are known only for the block itself. */
function mayHoldIncludedTests(state: RunState, allTags: string[], body: ScriptBlock): boolean {
  if (!hasIncludeFilter(state)) return true;
  if (state.fullNameFilter.length > 0 || state.lineFilter.length > 0) return true;
  return isIncluded(state, allTags) || /-Tags?\b/i.test(body.toString());
}

async function runSetup(session: ReturnType<typeof sessionOf>, scope: Scope, sbs: ScriptBlock[], streams: ReturnType<typeof streamsOf>): Promise<ErrorRecord | null> {
  try {
    for (const sb of sbs) await runInScope(session, scope, sb, streams);
    return null;
  } catch (e) {
    if (mustRethrow(e) || isFlowSignal(e)) throw e;
    return errorRecordOf(e);
  }
}

/**
 * The scope a test or a nested block runs under: the block's own scope (BeforeAll's variables, -ForEach data) when
 * called straight from the block body, not the body's discovery scope; the caller's scope otherwise (InModuleScope).
 */
export function runParentScope(ctx: CmdletContext, block: BlockNode | null): Scope {
  const caller = callerFrame(ctx).scope;
  return block && caller === block.discoveryScope ? block.scope : caller;
}

/** Runs a Describe/Context (or a test file as the outermost block). */
export async function runBlock(
  ctx: CmdletContext, kind: BlockKind, name: string, body: ScriptBlock,
  options: { tags?: string[]; skip?: boolean; scope?: Scope; file?: string; line?: number },
): Promise<void> {
  const session = sessionOf(ctx);
  const { state, implicit } = ensureState(ctx);
  const parent = currentBlock(state);
  const tags = options.tags ?? [];
  const allTags = tagsOf(parent, tags);
  const line = options.line ?? 0;
  const file = options.file ?? parent?.file ?? '';
  let notRun = !!parent?.notRun;
  if (kind !== 'File' && !notRun) {
    const places = placesOf(null, null, 0);
    places.lines.push(`${file}:${line}`);
    notRun = isExcluded(state, allTags, places.lines) || !mayHoldIncludedTests(state, allTags, body);
  }
  const scope = options.scope ?? new Scope(runParentScope(ctx, parent));
  // Pester 5 runs block bodies at discovery and tests later, so body variables do not reach the tests there. Here the
  // body runs in the block's own scope: suites written for Pester 5 behave the same, and Pester-4-style suites (body
  // variables, Mock in the body, foreach-generated It) still pass.
  const discoveryScope = scope;
  const setup = findSetupBlocks(body.ast);
  const node: BlockNode = {
    id: newId(), kind, name, parent, tags, scope, discoveryScope, testDrive: parent?.testDrive ?? null, file,
    beforeEach: setup.beforeEach.map((a) => scriptBlockFromAst(session, a)),
    afterEach: setup.afterEach.map((a) => scriptBlockFromAst(session, a)),
    hoisted: setup.all, skip: !!options.skip || !!parent?.skip, notRun, setupFailure: parent?.setupFailure ?? null, errors: [], line,
    children: [], tests: [],
  };
  if (parent) parent.children.push(node);
  else if (kind === 'File' || implicit) state.containers.push(node);
  let ownDrive: string | null = null;
  if (!notRun && (kind === 'Describe' || (kind === 'Context' && !node.testDrive))) {
    ownDrive = mkdtempSync(nodePath.join(tmpdir(), 'awsh-testdrive-'));
    node.testDrive = ownDrive;
  }
  if (node.testDrive) setVar(scope, 'TestDrive', node.testDrive);
  if (!notRun) printBlockHeader(state, node);
  state.stack.push(node);
  const uninstallDrive = node.testDrive ? installTestDrive(session, node.testDrive) : null;
  const streams = streamsOf(ctx);
  const runsSetup = !node.skip && !notRun && !node.setupFailure;
  let discoveryError: unknown = null;
  session.tryDepth++;
  try {
    if (runsSetup) {
      const failed = await runSetup(session, scope, setup.beforeAll.map((a) => scriptBlockFromAst(session, a)), streams);
      if (failed) {
        node.setupFailure = failed;
        node.errors.push(failed);
        printBlockFailure(state, node, failed);
      }
    }
    try {
      await runInScope(session, discoveryScope, body, streams);
    } catch (e) {
      if (mustRethrow(e)) throw e;
      if (!isFlowSignal(e)) discoveryError = e;
    }
    if (runsSetup) {
      const failed = await runSetup(session, scope, setup.afterAll.map((a) => scriptBlockFromAst(session, a)), streams);
      if (failed) {
        node.errors.push(failed);
        printBlockFailure(state, node, failed);
      }
    }
  } finally {
    session.tryDepth--;
    state.stack.pop();
    uninstallDrive?.();
    if (ownDrive) rmSync(ownDrive, { recursive: true, force: true });
    if (implicit && !discoveryError) setRunState(session, undefined);
  }
  if (discoveryError) {
    // Up to the file: the whole container fails, as Pester's discovery does.
    const rec = discoveryError instanceof DiscoveryError ? discoveryError.record : errorRecordOf(discoveryError);
    if (kind !== 'File' && parent) throw discoveryError instanceof DiscoveryError ? discoveryError : new DiscoveryError(rec);
    recordContainerFailure(state, file, rec);
    if (implicit) setRunState(session, undefined);
  }
}

/** Replace `<Key>` (and `<Key.Prop>`, `<_>`) in a test name with values from the test case. */
export function expandName(name: string, testCase: PSHashtable | null, item: unknown, scope: Scope | null = null): string {
  return name.replace(/<([^<>]+)>/g, (whole, key: string) => {
    const [head, ...rest] = key.split('.');
    let v: unknown;
    if (head === '_' && item !== null && item !== undefined) v = item;
    else if (testCase && testCase.has(head)) v = testCase.get(head);
    else {
      // Pester 5 expands a template from any variable the test sees (a -ForEach block's data, BeforeAll's variables).
      const found = scope?.lookup(head.toLowerCase());
      if (!found) return whole;
      v = found.value;
    }
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
    const cases = o.cases ?? [null];
    for (const item of cases) await runOneTest(ctx, session, state, block, o, item);
  } finally {
    if (implicit) setRunState(session, undefined);
  }
}

function newRecord(o: ItOptions, block: BlockNode | null, expanded: string, parameters: unknown): TestRecord {
  return {
    name: o.name, expandedName: expanded, path: [...blockPath(block), expanded], block, result: 'Passed', errors: [], errorRecord: null,
    failureMessage: '', stackTrace: '', durationMs: 0, file: block?.file ?? '', tags: o.tags, parameters, line: o.line,
  };
}

async function runOneTest(
  ctx: CmdletContext, session: ReturnType<typeof sessionOf>, state: RunState, block: BlockNode | null, o: ItOptions, item: unknown,
): Promise<void> {
  const testCase = caseEntries(item);
  const expanded = expandName(o.name, testCase, item, block ? block.scope : null);
  const rec = newRecord(o, block, expanded, testCase ?? new PSHashtable());
  const allTags = tagsOf(block, o.tags);
  const places = placesOf(block, expanded, o.line);
  if (block?.notRun || isExcluded(state, allTags, places.lines) || !isIncluded(state, allTags, places.fullNames, places.lines)) rec.result = 'NotRun';
  else if (o.skip || o.pending || block?.skip) rec.result = 'Skipped';
  else if (block?.setupFailure) {
    // The block's BeforeAll failed: the test did not run and counts as failed (its error is the block's).
    rec.result = 'Failed';
    rec.failureMessage = block.setupFailure.Exception.Message;
  } else await executeTest(ctx, session, state, block, o.test!, testCase, item, rec);
  state.results.push(rec);
  block?.tests.push(rec);
  if (rec.result !== 'NotRun') printTest(state, rec);
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
  const scope = new Scope(runParentScope(ctx, block));
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
  if (item !== null) setVar(scope, '_', item);
  const chain = setupChain(block);
  const testId = newId();
  const savedTest = state.currentTestId;
  const savedSoft = state.softFailures;
  state.currentTestId = testId;
  state.softFailures = [];
  const started = performance.now();
  const failures: unknown[] = [];
  session.tryDepth++;
  try {
    try {
      for (const b of chain) for (const sb of b.beforeEach) await runInScope(session, scope, sb, streams);
      await runInChildScope(session, scope, test, streams, named);
    } catch (e) {
      if (mustRethrow(e)) throw e;
      if (!isFlowSignal(e)) failures.push(e);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      for (const sb of chain[i].afterEach) {
        try {
          await runInScope(session, scope, sb, streams);
        } catch (e) {
          if (mustRethrow(e)) throw e;
          if (!isFlowSignal(e)) failures.push(e);
        }
      }
    }
  } finally {
    session.tryDepth--;
    state.currentTestId = savedTest;
    rec.durationMs = performance.now() - started;
    // Assertions that failed under Should.ErrorAction Continue come first, in the order they failed.
    failures.unshift(...(state.softFailures ?? []));
    state.softFailures = savedSoft;
  }
  const signal = failures.find((f): f is ItResultSignal => f instanceof ItResultSignal);
  if (signal && failures.length === 1) {
    rec.result = signal.outcome;
    rec.failureMessage = signal.message;
    rec.errors = [signal.errorRecord];
    rec.errorRecord = signal.errorRecord;
    return;
  }
  const records = failures.filter((f) => !(f instanceof ItResultSignal)).map(errorRecordOf);
  if (records.length) {
    rec.result = 'Failed';
    rec.errors = records;
    rec.errorRecord = records[0];
    rec.failureMessage = records.map((r) => r.Exception.Message).join('\n');
    rec.stackTrace = stackTraceOf(records[0]);
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
      const name = toStr(ctx.params.Name);
      if (!fixture) {
        throw new PSRuntimeError(new ErrorRecord(new PSException(name.includes('\n')
          ? 'Test fixture name has multiple lines and no test fixture is provided. (Have you provided a name for the test group?)'
          : 'No test fixture is provided. (Have you put the open curly brace on the next line?)'), 'RuntimeException', 'OperationStopped', null));
      }
      const line = lineOf(ctx);
      if (!('ForEach' in ctx.params)) {
        await runBlock(ctx, kind, name, fixture!, { tags: toStringList(ctx.params.Tag), skip: !!ctx.params.Skip, line });
        return;
      }
      // -ForEach @() or $null: no blocks at all.
      for (const item of normalizeCases(ctx.params.ForEach) ?? []) {
        const data = caseEntries(item);
        // -ForEach: each item's keys become variables of the block (Pester 5 data-driven blocks).
        const state = getRunState(sessionOf(ctx));
        const scope = new Scope(runParentScope(ctx, state ? currentBlock(state) : null));
        if (data) for (const [k, v] of data.map.values()) setVar(scope, toStr(k), v);
        setVar(scope, '_', item);
        await runBlock(ctx, kind, expandName(name, data, item), fixture!, { tags: toStringList(ctx.params.Tag), skip: !!ctx.params.Skip, scope, line });
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
    const name = toStr(ctx.params.Name);
    if (!test) {
      throw new PSRuntimeError(new ErrorRecord(new PSException(name.includes('\n')
        ? 'Test name has multiple lines and no test scriptblock is provided. Did you provide the test name?'
        : 'No test scriptblock is provided. Did you put the opening curly brace on the next line?'), 'RuntimeException', 'OperationStopped', null));
    }
    // -ForEach @() or $null: no tests at all.
    const cases = 'TestCases' in ctx.params ? (normalizeCases(ctx.params.TestCases) ?? []) : null;
    await runIt(ctx, { name, test, cases, skip: !!ctx.params.Skip, pending: !!ctx.params.Pending, tags: toStringList(ctx.params.Tag), line: lineOf(ctx) });
  },
};

function lineOf(ctx: CmdletContext): number {
  const extent = (ctx as unknown as { extent?: Extent }).extent;
  const source = sessionOf(ctx).currentSource;
  return extent && source ? positionOf(extent, source).line : 0;
}

/** BeforeDiscovery: runs at once where it stands, in the caller's scope (discovery code, like the block body). */
const beforeDiscoveryDecl: CmdletDecl = {
  name: 'BeforeDiscovery',
  module: MODULE,
  synopsis: 'Runs setup code during discovery, before the tests are discovered.',
  parameters: [{ name: 'ScriptBlock', type: 'scriptblock', position: 0, mandatory: true }],
  end: async (ctx) => {
    await runInScope(sessionOf(ctx), callerFrame(ctx).scope, ctx.params.ScriptBlock as ScriptBlock, streamsOf(ctx));
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
      if (block!.hoisted.has(sb.ast) || block!.notRun || block!.skip) return;
      if (name === 'BeforeEach') block!.beforeEach.push(sb);
      else if (name === 'AfterEach') block!.afterEach.push(sb);
      else if (name === 'BeforeAll') await runInScope(sessionOf(ctx), runParentScope(ctx, block), sb, streamsOf(ctx));
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
    // Pester 5 has no pending result: a pending test counts as skipped.
    const word = ctx.params.Skipped ? 'skipped' : ctx.params.Pending ? 'pending' : 'inconclusive';
    const outcome: TestOutcome = word === 'inconclusive' ? 'Inconclusive' : 'Skipped';
    const because = ctx.params.Because ? `,${formatBecause(ctx.params.Because).slice(0, -1)}` : '';
    throw new ItResultSignal(outcome, `is ${word}${because}`, `PesterTest${word[0].toUpperCase()}${word.slice(1)}`);
  },
};

export const blockCmdlets: CmdletDecl[] = [
  blockDecl('Describe'), blockDecl('Context'), itDecl, setupDecl('BeforeAll'), setupDecl('AfterAll'), setupDecl('BeforeEach'), setupDecl('AfterEach'),
  setItResultDecl, testDriveSetupDecl, beforeDiscoveryDecl,
];
