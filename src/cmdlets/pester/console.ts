// Pester-4-style console output: block headers, [+]/[-]/[!]/[?] test lines, failure details, the summary.
import type { RunState, TestRecord, BlockNode } from './state.js';

function write(state: RunState, text: string, color?: string): void {
  if (state.output === 'None' || !state.ctx) return;
  state.ctx.writeHost(text, color ? { foregroundColor: color } : undefined);
}

/** Depth of a block for indentation (file blocks do not indent). */
export function depthOf(block: BlockNode | null): number {
  let d = 0;
  for (let b = block; b; b = b.parent) if (b.kind !== 'File') d++;
  return d;
}

export function humanTime(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  return `${(ms / 1000).toFixed(2)}s`;
}

export function printBlockHeader(state: RunState, block: BlockNode): void {
  if (state.output === 'Minimal') return;
  const margin = '  '.repeat(Math.max(0, depthOf(block) - 1));
  if (block.kind === 'Describe') {
    if (depthOf(block) === 1) write(state, '');
    write(state, `${margin}Describing ${block.name}`, 'Green');
  } else if (block.kind === 'Context') {
    write(state, '');
    write(state, `${margin}Context ${block.name}`, 'Cyan');
  }
}

export function printFileHeader(state: RunState, path: string): void {
  if (state.output === 'Minimal') return;
  write(state, `Executing script ${path}`, 'Green');
}

const MARKS: Record<string, [string, string]> = {
  Passed: ['[+]', 'DarkGreen'],
  Failed: ['[-]', 'Red'],
  Skipped: ['[!]', 'Yellow'],
  Pending: ['[?]', 'Gray'],
  Inconclusive: ['[?]', 'Gray'],
};

export function printTest(state: RunState, t: TestRecord): void {
  if (state.output === 'Minimal' && t.result !== 'Failed') return;
  const margin = '  '.repeat(depthOf(t.block));
  const [mark, color] = MARKS[t.result];
  const suffix = t.result === 'Skipped' ? ', is skipped' : t.result === 'Pending' ? ', is pending' : t.result === 'Inconclusive' ? ', is inconclusive' : '';
  write(state, `${margin}${mark} ${t.expandedName}${suffix} ${humanTime(t.durationMs)}`, color);
  if (t.result === 'Failed') {
    for (const line of t.failureMessage.split('\n')) write(state, `${margin}  ${line}`, 'Red');
    for (const line of t.stackTrace.split('\n')) if (line) write(state, `${margin}  ${line}`, 'Red');
  }
}

export function counts(results: TestRecord[]): { passed: number; failed: number; skipped: number; pending: number; inconclusive: number } {
  const c = { passed: 0, failed: 0, skipped: 0, pending: 0, inconclusive: 0 };
  for (const t of results) {
    if (t.result === 'Passed') c.passed++;
    else if (t.result === 'Failed') c.failed++;
    else if (t.result === 'Skipped') c.skipped++;
    else if (t.result === 'Pending') c.pending++;
    else c.inconclusive++;
  }
  return c;
}

export function printSummary(state: RunState, durationMs: number): void {
  const c = counts(state.results);
  write(state, `Tests completed in ${humanTime(durationMs)}`);
  write(
    state,
    `Tests Passed: ${c.passed}, Failed: ${c.failed}, Skipped: ${c.skipped}, Pending: ${c.pending}, Inconclusive: ${c.inconclusive} `,
    c.failed > 0 ? 'Red' : 'Green',
  );
}
