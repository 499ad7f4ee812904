// Invoke-Pester: finds *.Tests.ps1 files (and script-block containers), runs each as the outermost block, prints the
// summary, returns Pester 5's result object (-PassThru / Run.PassThru), writes NUnit/JUnit XML (TestResult, -CI),
// sets $LASTEXITCODE and exits or throws on failure (Run.Exit, Run.Throw). New-PesterConfiguration, New-PesterContainer.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletContext, CmdletDecl } from '../../runtime/cmdlet-api.js';
import { Scope } from '../../runtime/interpreter/scope.js';
import { ExitSignal } from '../../runtime/interpreter/flow.js';
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { PSList, TimeSpan } from '../../runtime/types/index.js';
import { ErrorRecord, PSException, PSRuntimeError } from '../../runtime/errors.js';
import { ScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { wildcardMatch } from '../../runtime/values/wildcard.js';
import { getRunState, newRunState, setRunState, type BlockNode, type RunState, type TestRecord } from './state.js';
import { callerFrame, sessionOf, setVar } from './exec.js';
import { errorRecordOf, recordContainerFailure, runBlock } from './blocks.js';
import { counts, printFileHeader, printRunStart, printSummary } from './console.js';
import { PesterConfiguration, toPesterConfiguration } from './config.js';
import { joinAnd } from './should-parameter.js';
import { junitXml, nunitXml } from './reports.js';
import { clearMocks } from './mock.js';

function findTestFiles(root: string, extension: string): string[] {
  const st = statSync(root);
  if (st.isFile()) return [root];
  const out: string[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort((a, b) => a.localeCompare(b));
    for (const n of names) {
      const p = nodePath.join(dir, n);
      let s;
      try {
        s = statSync(p);
      } catch {
        continue;
      }
      if (s.isDirectory()) {
        if (!n.startsWith('.') && n !== 'node_modules') walk(p);
      } else if (n.toLowerCase().endsWith(extension)) out.push(p);
    }
  };
  walk(root);
  return out;
}

function list(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

function timeSpan(ms: number): TimeSpan {
  return new TimeSpan(Math.round(ms * 10000));
}

/** Pester's ErrorRecord lists are List[object]. */
function errorList(records: ErrorRecord[]): PSList {
  return PSList.create(null, records);
}

function testObject(t: TestRecord): PSObject {
  const names = t.path.slice(0, -1);
  const blocks: string[] = [];
  for (let b = t.block; b; b = b.parent) if (b.kind !== 'File') blocks.unshift(`${b.kind}:${b.name}`);
  const describe = blocks.find((b) => b.startsWith('Describe:'))?.slice(9) ?? names[0] ?? '';
  const context = [...blocks].reverse().find((b) => b.startsWith('Context:'))?.slice(8) ?? '';
  const o = PSObject.fromEntries([
    ['Name', t.name],
    ['Path', [...t.path.slice(0, -1), t.name]],
    ['Data', t.parameters],
    ['ExpandedName', t.expandedName],
    ['ExpandedPath', t.path.join('.')],
    ['Result', t.result],
    ['ErrorRecord', errorList(t.errors)],
    ['StandardOutput', null],
    ['Duration', timeSpan(t.durationMs)],
    ['ItemType', 'Test'],
    ['Tag', t.tags.length ? t.tags : null],
    ['Skip', t.result === 'Skipped'],
    ['ShouldRun', t.result !== 'NotRun'],
    ['Executed', t.result !== 'NotRun' && t.result !== 'Skipped'],
    ['Passed', t.result === 'Passed' || t.result === 'Skipped' || t.result === 'Inconclusive'],
    ['Skipped', t.result === 'Skipped'],
    ['Inconclusive', t.result === 'Inconclusive'],
    ['StartLine', t.line],
    ['UserDuration', timeSpan(t.durationMs)],
    ['FrameworkDuration', timeSpan(0)],
    // Pester 4 names some suites still read.
    ['Describe', describe],
    ['Context', context],
    ['FailureMessage', t.failureMessage],
    ['StackTrace', t.stackTrace],
    ['Parameters', t.parameters],
    ['File', t.file],
    ['ScriptBlockLine', t.line],
  ]);
  o.typeNames = ['Pester.Test', 'System.Management.Automation.PSCustomObject', 'System.Object'];
  return o;
}

function blockResult(b: BlockNode): string {
  const tests = allTests(b);
  if (b.skip) return 'Skipped';
  if (b.errors.length || tests.some((t) => t.result === 'Failed')) return 'Failed';
  if (b.notRun || (tests.length > 0 && tests.every((t) => t.result === 'NotRun'))) return 'NotRun';
  return 'Passed';
}

function allTests(b: BlockNode): TestRecord[] {
  return [...b.tests, ...b.children.flatMap(allTests)];
}

function blockObject(b: BlockNode, tests: Map<TestRecord, PSObject>): PSObject {
  const names: string[] = [];
  for (let x: BlockNode | null = b; x; x = x.parent) if (x.kind !== 'File') names.unshift(x.name);
  const o = PSObject.fromEntries([
    ['Name', b.name],
    ['Path', names],
    ['ExpandedName', b.name],
    ['ExpandedPath', names.join('.')],
    ['Result', blockResult(b)],
    ['ErrorRecord', errorList(b.errors)],
    ['Tag', b.tags.length ? b.tags : null],
    ['ItemType', b.kind],
    ['Blocks', b.children.map((c) => blockObject(c, tests))],
    ['Tests', b.tests.map((t) => tests.get(t)).filter((t) => t)],
    ['Skip', b.skip],
    ['StartLine', b.line],
  ]);
  o.typeNames = ['Pester.Block', 'System.Management.Automation.PSCustomObject', 'System.Object'];
  return o;
}

function containerObject(c: BlockNode, tests: Map<TestRecord, PSObject>, failure: ErrorRecord | null): PSObject {
  const o = PSObject.fromEntries([
    ['Name', c.file],
    ['Type', c.containerType ?? (c.kind === 'File' ? 'File' : 'ScriptBlock')],
    ['Item', c.file],
    ['Result', failure ? 'Failed' : blockResult(c)],
    ['ErrorRecord', errorList(failure ? [failure] : c.errors)],
    ['Blocks', failure ? [] : c.kind === 'File' ? c.children.map((x) => blockObject(x, tests)) : [blockObject(c, tests)]],
    ['Passed', !failure && blockResult(c) !== 'Failed'],
  ]);
  o.typeNames = ['Pester.Container', 'System.Management.Automation.PSCustomObject', 'System.Object'];
  return o;
}

function failedBlocksOf(state: RunState): BlockNode[] {
  const out: BlockNode[] = [];
  const visit = (b: BlockNode) => {
    if (b.errors.length) out.push(b);
    b.children.forEach(visit);
  };
  state.containers.forEach(visit);
  return out;
}

function resultObject(state: RunState, durationMs: number, config: PesterConfiguration): PSObject {
  const c = counts(state.results);
  const byRecord = new Map(state.results.map((t) => [t, testObject(t)]));
  const tests = [...byRecord.values()];
  const failedFiles = new Map(state.failedContainers.map((f) => [f.file, f.error]));
  const containers = state.containers.map((b) => containerObject(b, byRecord, failedFiles.get(b.file) ?? null));
  const failedBlocks = failedBlocksOf(state);
  const failedContainers = containers.filter((x) => x.getMember('Result')?.value === 'Failed' && (x.getMember('ErrorRecord')?.value as PSList).length > 0);
  const failedTotal = c.failed + failedBlocks.length + failedContainers.length;
  const pick = (r: string) => tests.filter((t) => t.getMember('Result')?.value === r);
  const o = PSObject.fromEntries([
    ['Containers', containers],
    ['Result', failedTotal > 0 ? 'Failed' : 'Passed'],
    ['FailedCount', c.failed],
    ['FailedBlocksCount', failedBlocks.length],
    ['FailedContainersCount', failedContainers.length],
    ['PassedCount', c.passed],
    ['SkippedCount', c.skipped],
    ['InconclusiveCount', c.inconclusive],
    ['NotRunCount', c.notRun],
    ['TotalCount', state.results.length],
    ['Duration', timeSpan(durationMs)],
    ['Executed', true],
    ['ExecutedAt', new Date(state.startedAt)],
    ['Version', PESTER_VERSION],
    ['PSVersion', '7.4.0'],
    ['Configuration', config],
    ['Failed', pick('Failed')],
    ['FailedBlocks', failedBlocks.map((b) => blockObject(b, byRecord))],
    ['FailedContainers', failedContainers],
    ['Passed', pick('Passed')],
    ['Skipped', pick('Skipped')],
    ['Inconclusive', pick('Inconclusive')],
    ['NotRun', pick('NotRun')],
    ['Tests', tests],
    ['CodeCoverage', null],
    // Pester 4 names some suites still read.
    ['TestResult', tests],
    ['PendingCount', 0],
    ['TagFilter', state.tagFilter],
    ['ExcludeTagFilter', state.excludeTag],
    ['Time', timeSpan(durationMs)],
  ]);
  o.typeNames = ['Pester.Run', 'System.Management.Automation.PSCustomObject', 'System.Object'];
  return o;
}

const PESTER_VERSION = '5.7.1';

function outputMode(v: unknown): RunState['output'] {
  const s = toStr(v ?? 'Normal').toLowerCase();
  if (s === 'none') return 'None';
  if (s === 'minimal' || s === 'failed' || s === 'fails') return 'Minimal';
  if (s === 'detailed' || s === 'diagnostic' || s === 'all') return 'Detailed';
  return 'Normal';
}

/** The configuration of the run: -Configuration (a PesterConfiguration or a hashtable) with the simple parameters on top. */
function runConfiguration(p: Record<string, any>): PesterConfiguration {
  const cfg = toPesterConfiguration(p.Configuration ?? null);
  const simple: [string, string, string][] = [
    ['Path', 'Run', 'Path'], ['ExcludePath', 'Run', 'ExcludePath'], ['TagFilter', 'Filter', 'Tag'], ['ExcludeTag', 'Filter', 'ExcludeTag'],
    ['TestName', 'Filter', 'FullName'], ['Container', 'Run', 'Container'],
  ];
  for (const [param, section, option] of simple) if (p[param] !== undefined && p[param] !== null) cfg.set(section, option, p[param]);
  if (p.PassThru) cfg.set('Run', 'PassThru', true);
  if (p.EnableExit) cfg.set('Run', 'Exit', true);
  if (p.CI) {
    cfg.set('Run', 'Exit', true);
    cfg.set('TestResult', 'Enabled', true);
  }
  const output = p.Output ?? p.Show;
  if (output !== undefined) cfg.set('Output', 'Verbosity', output);
  if (p.OutputFile) {
    cfg.set('TestResult', 'Enabled', true);
    cfg.set('TestResult', 'OutputPath', p.OutputFile);
  }
  if (p.OutputFormat) cfg.set('TestResult', 'OutputFormat', p.OutputFormat);
  return cfg;
}

interface RunItem {
  kind: 'File' | 'ScriptBlock';
  file: string;
  sb: ScriptBlock | null;
  data: PSHashtable | null;
}

function dataOf(v: unknown): PSHashtable | null {
  if (v instanceof PSHashtable) return v;
  if (Array.isArray(v) && v[0] instanceof PSHashtable) return v[0];
  return null;
}

/** What the run executes: test files found under Run.Path (less Run.ExcludePath), Run.ScriptBlock and Run.Container items. */
function runItems(ctx: CmdletContext, cfg: PesterConfiguration): RunItem[] {
  const items: RunItem[] = [];
  const extension = toStr(cfg.value('Run', 'TestExtension') ?? '.Tests.ps1').toLowerCase();
  const excluded = (list(cfg.value('Run', 'ExcludePath')) as unknown[]).map((x) => toStr(x));
  const isExcluded = (f: string) => excluded.some((p) => wildcardMatch(f, p, false) || wildcardMatch(f, ctx.resolvePath(p.replace(/\\/g, '/')), false));
  const addPath = (entry: unknown, data: PSHashtable | null) => {
    let pathText: string;
    if (entry instanceof PSHashtable) {
      pathText = toStr(entry.get('Path'));
      data = dataOf(entry.get('Parameters')) ?? data;
    } else pathText = toStr(entry);
    const root = ctx.resolvePath(pathText.replace(/\\/g, '/'));
    if (!existsSync(root)) {
      ctx.writeError({ message: `Cannot find path '${root}' because it does not exist.`, errorId: 'PathNotFound', category: 'ObjectNotFound', targetObject: root });
      return;
    }
    for (const file of findTestFiles(root, extension)) if (!isExcluded(file)) items.push({ kind: 'File', file, sb: null, data });
  };
  const containers = list(cfg.value('Run', 'Container'));
  const scriptBlocks = list(cfg.value('Run', 'ScriptBlock'));
  const paths = list(cfg.value('Run', 'Path'));
  // Pester runs Run.Path only when it was set or nothing else was given.
  if (cfg.isModified('Run', 'Path') || (containers.length === 0 && scriptBlocks.length === 0)) for (const p of paths) addPath(p, null);
  for (const sb of scriptBlocks) if (sb instanceof ScriptBlock) items.push({ kind: 'ScriptBlock', file: '', sb, data: null });
  for (const c of containers) {
    const info = c instanceof PSObject ? c : null;
    const type = toStr(info?.getMember('Type')?.value ?? '');
    const item = info?.getMember('Item')?.value;
    const data = dataOf(info?.getMember('Data')?.value);
    if (type === 'ScriptBlock' && item instanceof ScriptBlock) items.push({ kind: 'ScriptBlock', file: '', sb: item, data });
    else if (item !== undefined && item !== null) addPath(item, data);
  }
  return items;
}

async function runItem(ctx: CmdletContext, state: RunState, item: RunItem): Promise<void> {
  const session = sessionOf(ctx);
  const file = item.file;
  if (item.kind === 'File') printFileHeader(state, file);
  const scope = new Scope(callerFrame(ctx).scope, true);
  if (file) {
    setVar(scope, 'PSScriptRoot', nodePath.dirname(file));
    setVar(scope, 'PSCommandPath', file);
    // Pester runs each file as a script (`& $path`), so `Split-Path $MyInvocation.MyCommand.Path` finds its folder.
    setVar(scope, 'MyInvocation', session.makeMyInvocation(nodePath.basename(file), file, false));
  }
  if (item.data) for (const [k, v] of item.data.map.values()) setVar(scope, toStr(k), v);
  let body: ScriptBlock;
  if (item.sb) body = item.sb;
  else {
    try {
      body = session.loadScriptFile(file);
      await session.preloadCommandsFor(body.ast.source.text);
    } catch (e) {
      recordContainerFailure(state, file, errorRecordOf(e));
      return;
    }
  }
  await runBlock(ctx, 'File', file, body, { scope, file });
  const container = state.containers[state.containers.length - 1];
  if (container) container.containerType = item.kind;
}

function filterList(v: unknown): string[] {
  return (list(v) as unknown[]).map((x) => toStr(x));
}

async function invokePester(ctx: CmdletContext): Promise<void> {
  const session = sessionOf(ctx);
  const p = ctx.params;
  const cfg = runConfiguration(p);
  const outerState = getRunState(session);
  const state = newRunState(ctx, false);
  state.output = outputMode(cfg.value('Output', 'Verbosity'));
  state.tagFilter = filterList(cfg.value('Filter', 'Tag'));
  state.excludeTag = filterList(cfg.value('Filter', 'ExcludeTag'));
  state.fullNameFilter = filterList(cfg.value('Filter', 'FullName'));
  state.lineFilter = filterList(cfg.value('Filter', 'Line'));
  state.excludeLine = filterList(cfg.value('Filter', 'ExcludeLine'));
  state.shouldContinue = toStr(cfg.value('Should', 'ErrorAction')).toLowerCase() === 'continue';
  setRunState(session, state);
  const started = new Date();
  const t0 = performance.now();
  try {
    const items = runItems(ctx, cfg);
    printRunStart(state, items.length);
    for (const item of items) await runItem(ctx, state, item);
  } finally {
    setRunState(session, outerState);
    clearMocks(session);
  }
  const duration = performance.now() - t0;
  const failedBlocks = failedBlocksOf(state);
  printSummary(state, duration, failedBlocks.map((b) => blockPathText(b)), state.failedContainers.map((f) => f.file));
  const c = counts(state.results);
  if (cfg.value('TestResult', 'Enabled') === true) {
    const outputFile = toStr(cfg.value('TestResult', 'OutputPath') ?? 'testResults.xml');
    const format = toStr(cfg.value('TestResult', 'OutputFormat') ?? 'NUnitXml').toLowerCase();
    const reported = state.results.filter((t) => t.result !== 'NotRun');
    const xml = format.startsWith('junit') ? junitXml(reported, duration, started) : nunitXml(reported, duration, started);
    writeFileSync(ctx.resolvePath(outputFile), xml);
  }
  if (cfg.value('Run', 'PassThru') === true) ctx.write(resultObject(state, duration, cfg));
  const failedTotal = c.failed + failedBlocks.length + state.failedContainers.length;
  // Pester always sets $LASTEXITCODE to the number of failures (tests, blocks and containers).
  session.setLastExitCode(failedTotal);
  if (cfg.value('Run', 'Throw') === true && failedTotal > 0) {
    const parts: string[] = [];
    if (c.failed > 0) parts.push(`${c.failed} test${c.failed > 1 ? 's' : ''} failed`);
    if (failedBlocks.length > 0) parts.push(`${failedBlocks.length} block${failedBlocks.length > 1 ? 's' : ''} failed`);
    if (state.failedContainers.length > 0) parts.push(`${state.failedContainers.length} container${state.failedContainers.length > 1 ? 's' : ''} failed`);
    throw new PSRuntimeError(new ErrorRecord(new PSException(`Pester run failed, because ${joinAnd(parts)}`), `Pester run failed, because ${joinAnd(parts)}`, 'OperationStopped', null));
  }
  if (cfg.value('Run', 'Exit') === true && failedTotal > 0) throw new ExitSignal(Math.min(failedTotal, 255));
}

function blockPathText(b: BlockNode): string {
  const names: string[] = [];
  for (let x: BlockNode | null = b; x; x = x.parent) if (x.kind !== 'File') names.unshift(x.name);
  return names.join('.');
}

const invokePesterDecl: CmdletDecl = {
  name: 'Invoke-Pester',
  module: 'Pester',
  synopsis: 'Runs Pester tests: *.Tests.ps1 files in the given paths.',
  parameters: [
    { name: 'Path', type: 'object[]', position: 0, aliases: ['Script'] },
    { name: 'ExcludePath', type: 'string[]' },
    { name: 'TagFilter', type: 'string[]', aliases: ['Tag', 'Tags'] },
    { name: 'ExcludeTag', type: 'string[]', aliases: ['ExcludeTagFilter'] },
    { name: 'TestName', type: 'string[]', aliases: ['FullNameFilter', 'Name'] },
    { name: 'Container', type: 'object[]' },
    { name: 'PassThru', type: 'switch' },
    { name: 'Output', type: 'string', validateSet: ['None', 'Normal', 'Detailed', 'Diagnostic', 'Minimal'] },
    { name: 'Show', type: 'string' },
    { name: 'CI', type: 'switch' },
    { name: 'EnableExit', type: 'switch' },
    { name: 'OutputFile', type: 'string' },
    { name: 'OutputFormat', type: 'string', validateSet: ['NUnitXml', 'NUnit2.5', 'NUnit3', 'JUnitXml'] },
    { name: 'Configuration', type: 'object' },
    { name: 'Strict', type: 'switch' },
    { name: 'Quiet', type: 'switch' },
    { name: 'CodeCoverage', type: 'object[]' },
    { name: 'CodeCoverageOutputFile', type: 'string' },
  ],
  end: (ctx) => {
    if (ctx.params.Quiet && !ctx.params.Output) ctx.params.Output = 'None';
    return invokePester(ctx);
  },
};

// Import-Module itself lives in src/cmdlets/core/module-cmdlets.ts (it treats `Pester` as built in).

const newPesterConfigurationDecl: CmdletDecl = {
  name: 'New-PesterConfiguration',
  module: 'Pester',
  synopsis: 'Creates a Pester configuration object, optionally from a hashtable of sections and options.',
  parameters: [{ name: 'Hashtable', type: 'object', position: 0 }],
  end: (ctx) => {
    ctx.write(toPesterConfiguration(ctx.params.Hashtable ?? null));
  },
};

const newPesterContainerDecl: CmdletDecl = {
  name: 'New-PesterContainer',
  module: 'Pester',
  synopsis: 'Creates containers of tests (files or script blocks), optionally with data for their parameters.',
  defaultParameterSet: 'Path',
  parameters: [
    { name: 'Path', type: 'string[]', parameterSets: ['Path'], mandatory: true },
    { name: 'ScriptBlock', type: 'scriptblock[]', parameterSets: ['ScriptBlock'], mandatory: true },
    { name: 'Data', type: 'object' },
  ],
  end: (ctx) => {
    const data = list(ctx.params.Data);
    const datas = data.length ? data : [null];
    const make = (type: string, item: unknown) => {
      for (const d of datas) {
        const o = PSObject.fromEntries([['Type', type], ['Item', item], ['Data', d ?? new PSHashtable()]]);
        o.typeNames = ['Pester.ContainerInfo', 'System.Object'];
        ctx.write(o);
      }
    };
    if (ctx.params.ScriptBlock) for (const sb of list(ctx.params.ScriptBlock)) make('ScriptBlock', sb);
    else {
      for (const p of list(ctx.params.Path)) {
        const root = ctx.resolvePath(toStr(p).replace(/\\/g, '/'));
        for (const f of existsSync(root) ? findTestFiles(root, '.tests.ps1') : [root]) make('File', f);
      }
    }
  },
};

export const invokePesterCmdlets: CmdletDecl[] = [invokePesterDecl, newPesterConfigurationDecl, newPesterContainerDecl];
