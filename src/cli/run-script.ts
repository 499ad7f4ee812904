// Runs one script through the shell with the console host, streaming output through Out-Default to stdout.
import type { ExecuteResult, Shell } from '../api-types.js';
import type { CliIO } from './io.js';
import { outputWidth } from './io.js';

export type RunKind = 'command' | 'file';

/**
 * The process exit code after a run, as pwsh computes it:
 * - `exit N` ran: N;
 * - a terminating error ended the script: 1;
 * - `-Command` (and a script read from stdin): 0 when the last command succeeded (`$?`), else 1;
 * - `-File`: 0 (non-terminating errors do not change it).
 */
export function exitCodeFor(result: ExecuteResult, kind: RunKind): number {
  if (result.exitCode !== null) return result.exitCode;
  if (result.terminatingError) return 1;
  if (kind === 'command') return result.success ? 0 : 1;
  return 0;
}

export interface RunOptions {
  path?: string;
  args?: unknown[];
  signal?: AbortSignal;
  /** Lines for `$input` (what was piped into awsh). */
  input?: AsyncIterable<unknown>;
  /** The interactive host's commands go to the session history. */
  addToHistory?: boolean;
}

export async function runScript(shell: Shell, io: CliIO, script: string, options: RunOptions = {}): Promise<ExecuteResult> {
  const out = shell.createOutDefault({ width: outputWidth(io) });
  const emit = (text: string) => {
    if (text) io.stdout.write(text);
  };
  try {
    return await shell.execute(script, {
      path: options.path,
      args: options.args,
      signal: options.signal,
      input: options.input,
      addToHistory: options.addToHistory,
      onOutput: (value) => emit(out.write(value)),
    });
  } finally {
    emit(out.flush());
  }
}
