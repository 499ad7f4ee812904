// Invoke-Pester: finds *.Tests.ps1 files, runs each as the outermost block, prints the summary, returns the
// result object (-PassThru), writes NUnit/JUnit XML (-OutputFile, -CI) and sets the exit code (-CI, -EnableExit).
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { CmdletContext, CmdletDecl } from '../../runtime/cmdlet-api.js';
import { Scope } from '../../runtime/interpreter/scope.js';
import { ExitSignal } from '../../runtime/interpreter/flow.js';
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { toStr } from '../../runtime/values/convert.js';
import { TimeSpan } from '../../runtime/types/index.js';
import { getRunState, newRunState, setRunState, type RunState, type TestRecord } from './state.js';
import { callerFrame, sessionOf, setVar } from './exec.js';
import { runBlock } from './blocks.js';
import { counts, humanTime, printFileHeader, printSummary, printTest } from './console.js';
import { junitXml, nunitXml } from './reports.js';
import { clearMocks } from './mock.js';

function findTestFiles(root: string): string[] {
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
      } else if (n.toLowerCase().endsWith('.tests.ps1')) out.push(p);
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

function testObject(t: TestRecord): PSObject {
  const names = t.path.slice(0, -1);
  const blocks: string[] = [];
  for (let b = t.block; b; b = b.parent) if (b.kind !== 'File') blocks.unshift(`${b.kind}:${b.name}`);
  const describe = blocks.find((b) => b.startsWith('Describe:'))?.slice(9) ?? names[0] ?? '';
  const context = [...blocks].reverse().find((b) => b.startsWith('Context:'))?.slice(8) ?? '';
  const o = PSObject.fromEntries([
    ['Name', t.expandedName],
    ['ExpandedName', t.expandedName],
    ['Path', t.path],
    ['ExpandedPath', t.path.join('.')],
    ['Describe', describe],
    ['Context', context],
    ['Result', t.result],
    ['Passed', t.result === 'Passed'],
    ['Skipped', t.result === 'Skipped'],
    ['ErrorRecord', t.errorRecord],
    ['FailureMessage', t.failureMessage],
    ['StackTrace', t.stackTrace],
    ['Duration', timeSpan(t.durationMs)],
    ['Time', timeSpan(t.durationMs)],
    ['Parameters', t.parameters],
    ['Tag', t.tags],
    ['File', t.file],
    ['ScriptBlockLine', t.line],
  ]);
  o.typeNames = ['Pester.Test', 'System.Management.Automation.PSCustomObject', 'System.Object'];
  return o;
}

function resultObject(state: RunState, durationMs: number): PSObject {
  const c = counts(state.results);
  const tests = state.results.map(testObject);
  const o = PSObject.fromEntries([
    ['Result', c.failed > 0 ? 'Failed' : 'Passed'],
    ['TotalCount', state.results.length],
    ['PassedCount', c.passed],
    ['FailedCount', c.failed],
    ['SkippedCount', c.skipped],
    ['PendingCount', c.pending],
    ['InconclusiveCount', c.inconclusive],
    ['NotRunCount', 0],
    ['Duration', timeSpan(durationMs)],
    ['Time', timeSpan(durationMs)],
    ['TagFilter', state.tagFilter],
    ['ExcludeTagFilter', state.excludeTag],
    ['Tests', tests],
    ['TestResult', tests],
    ['Passed', tests.filter((t) => t.getMember('Result')?.value === 'Passed')],
    ['Failed', tests.filter((t) => t.getMember('Result')?.value === 'Failed')],
    ['Skipped', tests.filter((t) => t.getMember('Result')?.value === 'Skipped')],
  ]);
  o.typeNames = ['Pester.Run', 'System.Management.Automation.PSCustomObject', 'System.Object'];
  return o;
}

function configValue(cfg: unknown, section: string, key: string): unknown {
  const get = (o: unknown, k: string): unknown => (o instanceof PSHashtable ? o.get(k) : o instanceof PSObject ? o.getMember(k)?.value : undefined);
  const s = get(cfg, section);
  const v = get(s, key);
  return v instanceof PSObject || v instanceof PSHashtable ? (get(v, 'Value') ?? v) : v;
}

function outputMode(v: unknown): RunState['output'] {
  const s = toStr(v ?? 'Normal').toLowerCase();
  if (s === 'none') return 'None';
  if (s === 'minimal' || s === 'failed' || s === 'fails') return 'Minimal';
  if (s === 'detailed' || s === 'diagnostic' || s === 'all') return 'Detailed';
  return 'Normal';
}

async function invokePester(ctx: CmdletContext): Promise<void> {
  const session = sessionOf(ctx);
  const p = ctx.params;
  const cfg = p.Configuration;
  const paths = list(p.Path ?? configValue(cfg, 'Run', 'Path'));
  if (paths.length === 0) paths.push(ctx.cwd);
  const outerState = getRunState(session);
  const state = newRunState(ctx, false);
  state.output = outputMode(p.Output ?? p.Show ?? configValue(cfg, 'Output', 'Verbosity'));
  state.tagFilter = list(p.TagFilter ?? configValue(cfg, 'Filter', 'Tag')).map((x) => toStr(x));
  state.excludeTag = list(p.ExcludeTag ?? configValue(cfg, 'Filter', 'ExcludeTag')).map((x) => toStr(x));
  setRunState(session, state);
  const started = new Date();
  const t0 = performance.now();
  try {
    for (const entry of paths) {
      let pathText: string;
      let scriptParams: PSHashtable | null = null;
      if (entry instanceof PSHashtable) {
        pathText = toStr(entry.get('Path'));
        scriptParams = entry.get('Parameters') instanceof PSHashtable ? (entry.get('Parameters') as PSHashtable) : null;
      } else pathText = toStr(entry);
      const root = ctx.resolvePath(pathText.replace(/\\/g, '/'));
      if (!existsSync(root)) {
        ctx.writeError({ message: `Cannot find path '${root}' because it does not exist.`, errorId: 'PathNotFound', category: 'ObjectNotFound', targetObject: root });
        continue;
      }
      for (const file of findTestFiles(root)) {
        if (state.output === 'Detailed' || state.output === 'Normal') printFileHeader(state, file);
        const scope = new Scope(callerFrame(ctx).scope, true);
        setVar(scope, 'PSScriptRoot', nodePath.dirname(file));
        setVar(scope, 'PSCommandPath', file);
        // Pester runs each file as a script (`& $path`), so `Split-Path $MyInvocation.MyCommand.Path` finds its folder.
        setVar(scope, 'MyInvocation', session.makeMyInvocation(nodePath.basename(file), file, false));
        if (scriptParams) for (const [k, v] of scriptParams.map.values()) setVar(scope, toStr(k), v);
        let body;
        try {
          body = session.loadScriptFile(file);
          await session.preloadCommandsFor(body.ast.source.text);
        } catch (e) {
          const { errorRecordOf, stackTraceOf } = await import('./blocks.js');
          const rec = errorRecordOf(e);
          const failed: TestRecord = {
            name: `Error occurred in test script '${file}'`, expandedName: `Error occurred in test script '${file}'`, path: [file], block: null,
            result: 'Failed', errorRecord: rec, failureMessage: rec.Exception.Message, stackTrace: stackTraceOf(rec), durationMs: 0, file, tags: [],
            parameters: null, line: 0,
          };
          state.results.push(failed);
          // A file that does not parse is reported, not just counted.
          printTest(state, failed);
          continue;
        }
        await runBlock(ctx, 'File', file, body, { scope, file });
      }
    }
  } finally {
    setRunState(session, outerState);
    clearMocks(session);
  }
  const duration = performance.now() - t0;
  printSummary(state, duration);
  void humanTime;
  const c = counts(state.results);
  const ci = !!p.CI;
  let outputFile = p.OutputFile ? toStr(p.OutputFile) : (configValue(cfg, 'TestResult', 'Enabled') === true ? toStr(configValue(cfg, 'TestResult', 'OutputPath') ?? 'testResults.xml') : null);
  if (!outputFile && ci) outputFile = 'testResults.xml';
  if (outputFile) {
    const format = toStr(p.OutputFormat ?? configValue(cfg, 'TestResult', 'OutputFormat') ?? 'NUnitXml').toLowerCase();
    const xml = format.startsWith('junit') ? junitXml(state.results, duration, started) : nunitXml(state.results, duration, started);
    writeFileSync(ctx.resolvePath(outputFile), xml);
  }
  if (p.PassThru || configValue(cfg, 'Run', 'PassThru') === true) ctx.write(resultObject(state, duration));
  if ((ci || p.EnableExit || configValue(cfg, 'Run', 'Exit') === true) && c.failed > 0) throw new ExitSignal(Math.min(c.failed, 255));
}

const invokePesterDecl: CmdletDecl = {
  name: 'Invoke-Pester',
  module: 'Pester',
  synopsis: 'Runs Pester tests: *.Tests.ps1 files in the given paths.',
  parameters: [
    { name: 'Path', type: 'object[]', position: 0, aliases: ['Script'] },
    { name: 'TagFilter', type: 'string[]', aliases: ['Tag', 'Tags'] },
    { name: 'ExcludeTag', type: 'string[]', aliases: ['ExcludeTagFilter'] },
    { name: 'TestName', type: 'string[]', aliases: ['FullNameFilter'] },
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
  ],
  end: (ctx) => {
    if (ctx.params.Quiet && !ctx.params.Output) ctx.params.Output = 'None';
    return invokePester(ctx);
  },
};

// Import-Module itself lives in src/cmdlets/core/module-cmdlets.ts (it treats `Pester` as built in).
export const invokePesterCmdlets: CmdletDecl[] = [invokePesterDecl];
