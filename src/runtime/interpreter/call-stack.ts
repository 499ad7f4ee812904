// The script call stack: one entry per running function / script block / script body, so an error can carry
// pwsh's ScriptStackTrace ("at Name, file: line N" lines, innermost first).
import type * as A from '../../parser/ast.js';
import { positionOf } from '../../parser/extent.js';

export interface CallEntry {
  /** The function's name; `<ScriptBlock>` for script blocks and script files. */
  name: string;
  /** Where the caller invoked it, in `siteSource`. */
  site: A.Extent | null;
  siteSource: A.SourceFile | undefined;
}

const where = (src: A.SourceFile | undefined, extent: A.Extent | null): string => {
  const file = src?.path ?? '<No file>';
  const line = src && extent ? positionOf(extent, src).line : 1;
  return `${file}: line ${line}`;
};

/** The trace for an error at `extent` in `source`, with `stack` the calls running now (outermost first). */
export function scriptStackTrace(stack: readonly CallEntry[], extent: A.Extent, source: A.SourceFile): string {
  const n = stack.length;
  const lines = [`at ${n ? stack[n - 1].name : '<ScriptBlock>'}, ${where(source, extent)}`];
  for (let i = n - 1; i >= 0; i--) {
    const e = stack[i];
    // Bodies the host or a command runs (a script file, a ForEach-Object block) have no call site of their own.
    if (e.site) lines.push(`at ${i > 0 ? stack[i - 1].name : '<ScriptBlock>'}, ${where(e.siteSource, e.site)}`);
  }
  // The host's own frame ends every trace.
  if (!lines[lines.length - 1].includes(', <No file>:')) lines.push('at <ScriptBlock>, <No file>: line 1');
  return lines.join('\n');
}
