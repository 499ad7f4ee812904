// Pester-5-style console output: "Running tests from" and block headers (Detailed), [+]/[-]/[!] test lines,
// failure messages with their "at ..." trace, block and discovery failures, the summary.
import type { ErrorRecord } from '../../runtime/errors.js';
import type { RunState, TestRecord, BlockNode } from './state.js';

const MARGIN = ' ';

function write(state: RunState, text: string, color?: string): void {
  if (state.output === 'None' || !state.ctx) return;
  state.ctx.writeHost(text, color ? { foregroundColor: color } : undefined);
}

function detailed(state: RunState): boolean {
  return state.output === 'Detailed';
}

/** Depth of a block for indentation (file blocks do not indent). */
export function depthOf(block: BlockNode | null): number {
  let d = 0;
  for (let b = block; b; b = b.parent) if (b.kind !== 'File') d++;
  return d;
}

export function humanTime(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${Math.round(ms / 10) / 100}s`;
}

export function printBlockHeader(state: RunState, block: BlockNode): void {
  if (!detailed(state) || block.kind === 'File') return;
  const level = depthOf(block) - 1;
  const first = !block.parent || block.parent.kind === 'File' ? block.parent?.children[0] === block : true;
  if (level === 0 && !first) write(state, '');
  write(state, `${MARGIN.repeat(level)}${block.kind === 'Describe' ? 'Describing' : 'Context'} ${block.name}`, block.kind === 'Describe' ? 'Green' : 'Cyan');
}

export function printFileHeader(state: RunState, path: string): void {
  if (!detailed(state)) return;
  write(state, '');
  write(state, `Running tests from '${path}'`, 'Magenta');
}

export function printRunStart(state: RunState, files: number): void {
  if (state.output === 'None') return;
  write(state, '');
  write(state, `Starting discovery in ${files} ${files === 1 ? 'file' : 'files'}.`, 'Magenta');
}

/** The message lines and trace lines of an error, as Pester's ConvertTo-FailureLines gives them. */
export function failureLines(rec: ErrorRecord): string[] {
  const assertion = rec.FullyQualifiedErrorId === 'PesterAssertionFailed';
  const lines = rec.Exception.Message.split(/\r?\n/).filter((l) => l !== '');
  if (lines.length && !assertion) {
    const typeName = rec.Exception.typeName.split('.').pop() ?? 'Exception';
    lines[0] = `${typeName}: ${lines[0]}`;
  }
  const ii = rec.InvocationInfo;
  if (ii && ii.ScriptLineNumber) {
    const file = ii.ScriptName || '<No file>';
    if (assertion) lines.push(`at ${ii.Line.trim()}, ${file}:${ii.ScriptLineNumber}`);
    lines.push(`at <ScriptBlock>, ${file}:${ii.ScriptLineNumber}`);
  }
  return lines;
}

function writeErrors(state: RunState, records: ErrorRecord[], margin: string): void {
  for (const rec of records) for (const line of failureLines(rec)) write(state, `${margin}${line}`, 'Red');
}

export function printTest(state: RunState, t: TestRecord): void {
  if (state.output === 'None' || t.result === 'NotRun') return;
  const isDetailed = detailed(state);
  if (!isDetailed && t.result !== 'Failed') return;
  const level = depthOf(t.block);
  const margin = isDetailed ? MARGIN.repeat(level) : '';
  const errorMargin = margin + MARGIN;
  const out = isDetailed ? t.expandedName : t.path.join('.');
  const time = `${humanTime(t.durationMs)} (${humanTime(t.durationMs)}|0ms)`;
  const because = t.errorRecord && /^PesterTest(Skipped|Pending|Inconclusive)$/.test(t.errorRecord.FullyQualifiedErrorId) ? ` ${t.failureMessage}` : '';
  switch (t.result) {
    case 'Passed':
      write(state, `${margin}[+] ${out} ${time}`, 'DarkGreen');
      break;
    case 'Skipped':
      write(state, `${margin}[!] ${out}${because} ${time}`, 'Yellow');
      break;
    case 'Inconclusive':
      write(state, `${margin}[?] ${out}${because} ${time}`, 'Gray');
      break;
    case 'Failed':
      write(state, `${margin}[-] ${out} ${time}`, 'Red');
      if (t.errors.length) writeErrors(state, t.errors, errorMargin);
      else if (t.failureMessage) for (const line of t.failureMessage.split('\n')) write(state, `${errorMargin}${line}`, 'Red');
      break;
  }
}

export function blockNames(block: BlockNode | null): string[] {
  const names: string[] = [];
  for (let b = block; b; b = b.parent) if (b.kind !== 'File') names.unshift(b.name);
  return names;
}

/** A BeforeAll/AfterAll that failed: `[-] Describe d failed` and the error. */
export function printBlockFailure(state: RunState, block: BlockNode, rec: ErrorRecord): void {
  if (state.output === 'None') return;
  const level = Math.max(0, depthOf(block) - 1);
  const margin = detailed(state) ? MARGIN.repeat(level) : '';
  const what = block.kind === 'File' ? `Container '${block.file}'` : `${block.kind} ${blockNames(block).join('.')}`;
  write(state, `${margin}[-] ${what} failed`, 'Red');
  writeErrors(state, [rec], `${margin}${MARGIN}`);
}

export function printDiscoveryFailure(state: RunState, file: string, rec: ErrorRecord): void {
  if (state.output === 'None') return;
  write(state, `[-] Discovery in ${file} failed with:`, 'Red');
  writeErrors(state, [rec], '');
}

export function counts(results: TestRecord[]): { passed: number; failed: number; skipped: number; inconclusive: number; notRun: number } {
  const c = { passed: 0, failed: 0, skipped: 0, inconclusive: 0, notRun: 0 };
  for (const t of results) {
    if (t.result === 'Passed') c.passed++;
    else if (t.result === 'Failed') c.failed++;
    else if (t.result === 'Skipped') c.skipped++;
    else if (t.result === 'Inconclusive') c.inconclusive++;
    else c.notRun++;
  }
  return c;
}

export function printSummary(state: RunState, durationMs: number, failedBlocks: string[], failedContainers: string[]): void {
  const c = counts(state.results);
  write(state, `Tests completed in ${humanTime(durationMs)}`);
  write(
    state,
    `Tests Passed: ${c.passed}, Failed: ${c.failed}, Skipped: ${c.skipped}, Inconclusive: ${c.inconclusive}, NotRun: ${c.notRun}`,
    c.failed > 0 ? 'Red' : 'Green',
  );
  if (failedBlocks.length) {
    write(state, `BeforeAll \\ AfterAll failed: ${failedBlocks.length}`, 'Red');
    write(state, failedBlocks.map((p) => `  - ${p}`).join('\n'), 'Red');
  }
  if (failedContainers.length) {
    write(state, `Container failed: ${failedContainers.length}`, 'Red');
    write(state, failedContainers.map((p) => `  - ${p}`).join('\n'), 'Red');
  }
}
