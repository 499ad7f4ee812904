// The Pester run state of a session: the block stack, collected test results, filters and output mode.
// One state per session; Describe outside Invoke-Pester starts an implicit run.
import type { CmdletContext } from '../../runtime/cmdlet-api.js';
import type { ErrorRecord } from '../../runtime/errors.js';
import type { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import type { Scope } from '../../runtime/interpreter/scope.js';

export type BlockKind = 'File' | 'Describe' | 'Context';
/** Pester 5 results: a pending test counts as skipped; a test a filter left out is NotRun. */
export type TestOutcome = 'Passed' | 'Failed' | 'Skipped' | 'Inconclusive' | 'NotRun';

export interface BlockNode {
  id: number;
  kind: BlockKind;
  name: string;
  parent: BlockNode | null;
  tags: string[];
  beforeEach: ScriptBlock[];
  afterEach: ScriptBlock[];
  /** Setup-block ASTs hoisted out of this block's body: when the body reaches them they do nothing. */
  hoisted: Set<unknown>;
  scope: Scope;
  /** Where the body runs (Pester 5's discovery): a child of `scope`, so its variables are not seen by the tests. */
  discoveryScope: Scope;
  testDrive: string | null;
  file: string;
  /** -Skip on this block or an enclosing one: every It is reported as skipped. */
  skip: boolean;
  /** Left out by a filter: the body still runs (Pester's discovery), its tests are NotRun and setup blocks do not run. */
  notRun: boolean;
  /** The error of this block's (or an enclosing block's) BeforeAll: its tests fail without running. */
  setupFailure: ErrorRecord | null;
  /** Errors of this block's own setup/teardown (BeforeAll, AfterAll). */
  errors: ErrorRecord[];
  line: number;
  /** For the outermost block: what the container was (a test file or a script block given to Invoke-Pester). */
  containerType?: 'File' | 'ScriptBlock';
  children: BlockNode[];
  tests: TestRecord[];
}

export interface TestRecord {
  name: string;
  expandedName: string;
  path: string[];
  block: BlockNode | null;
  result: TestOutcome;
  /** Every error of the test (several with Should.ErrorAction Continue); the first is the one shown. */
  errors: ErrorRecord[];
  errorRecord: ErrorRecord | null;
  failureMessage: string;
  stackTrace: string;
  durationMs: number;
  file: string;
  tags: string[];
  parameters: unknown;
  line: number;
}

export interface MockCall {
  command: string;
  /** Bound parameters by name (as the mock function bound them). */
  bound: Map<string, unknown>;
  args: unknown[];
  /** Ids of the blocks (and test) active when the call was made. */
  blockIds: number[];
}

export interface RunState {
  results: TestRecord[];
  stack: BlockNode[];
  /** The It running now: its id joins the block ids mock calls are attributed to. */
  currentTestId: number | null;
  output: 'None' | 'Normal' | 'Detailed' | 'Minimal';
  tagFilter: string[];
  excludeTag: string[];
  fullNameFilter: string[];
  /** Filter.Line / ExcludeLine: `path:line` of a test or block. */
  lineFilter: string[];
  excludeLine: string[];
  /** Should.ErrorAction Continue: failed assertions are collected and fail the test at its end. */
  shouldContinue: boolean;
  /** The failed assertions of the running test (Should.ErrorAction Continue). */
  softFailures: ErrorRecord[] | null;
  /** Top-level blocks of each file (the File blocks), for the result object's Containers. */
  containers: BlockNode[];
  /** Files whose discovery failed: their tests are dropped, as Pester drops a container that fails discovery. */
  failedContainers: { file: string; error: ErrorRecord }[];
  ctx: CmdletContext | null;
  mockCalls: MockCall[];
  implicit: boolean;
  startedAt: number;
}

const states = new WeakMap<object, RunState>();
let nextId = 1;

export function newId(): number {
  return nextId++;
}

export function newRunState(ctx: CmdletContext | null, implicit: boolean): RunState {
  return {
    results: [], stack: [], currentTestId: null, output: 'Normal', tagFilter: [], excludeTag: [], fullNameFilter: [], lineFilter: [], excludeLine: [],
    shouldContinue: false, softFailures: null, containers: [], failedContainers: [], ctx, mockCalls: [], implicit, startedAt: Date.now(),
  };
}

export function getRunState(session: object): RunState | undefined {
  return states.get(session);
}

export function setRunState(session: object, state: RunState | undefined): void {
  if (state) states.set(session, state);
  else states.delete(session);
}

export function currentBlock(state: RunState): BlockNode | null {
  return state.stack[state.stack.length - 1] ?? null;
}

/** Ids of the active blocks, outermost first, plus the running test. */
export function activeIds(state: RunState): number[] {
  const ids = state.stack.map((b) => b.id);
  if (state.currentTestId !== null) ids.push(state.currentTestId);
  return ids;
}
