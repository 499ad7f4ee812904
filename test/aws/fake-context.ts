// A small CmdletContext for calling AWS CmdletDecls directly, until the interpreter runs them end to end.
import type { CmdletContext, CmdletDecl, ErrorDetails, SessionApi } from '../../src/runtime/cmdlet-api.js';
import { ErrorRecord, PSException, PSRuntimeError } from '../../src/runtime/errors.js';

export interface FakeShell {
  session: SessionApi;
  vars: Map<string, unknown>;
  env: Record<string, string | undefined>;
  warnings: string[];
  confirmations: { target: string; action?: string }[];
  /** What shouldProcess answers. */
  confirm: boolean;
}

export function fakeShell(env: Record<string, string | undefined> = {}): FakeShell {
  const vars = new Map<string, unknown>();
  const session = {
    setVariable(name: string, value: unknown) {
      vars.set(name.toLowerCase(), value);
    },
    getVariableInfo(name: string) {
      return vars.has(name.toLowerCase()) ? { Name: name, Value: vars.get(name.toLowerCase()), Description: '', Options: 'None' } : null;
    },
    host: { writeHost() {}, width: 120, interactive: false },
  } as unknown as SessionApi;
  return { session, vars, env, warnings: [], confirmations: [], confirm: true };
}

export interface RunResult {
  output: unknown[];
  error: ErrorRecord | null;
}

/** Runs a cmdlet once (one process call) with the given bound parameters. */
export async function runCmdlet(shell: FakeShell, decl: CmdletDecl, params: Record<string, unknown> = {}, signal?: AbortSignal): Promise<RunResult> {
  const output: unknown[] = [];
  const toRecord = (e: ErrorDetails | ErrorRecord) =>
    e instanceof ErrorRecord ? e : new ErrorRecord(new PSException(e.message, e.exceptionType), e.errorId, e.category ?? 'NotSpecified', e.targetObject ?? null);
  const ctx: CmdletContext = {
    name: decl.name,
    params,
    isBound: (n) => n in params,
    parameterSetName: '',
    inputObject: undefined,
    expectingInput: false,
    state: decl.init?.(),
    write(value, enumerate) {
      if (enumerate && Array.isArray(value)) output.push(...value);
      else output.push(value);
    },
    writeError(e) {
      throw new PSRuntimeError(toRecord(e));
    },
    throwTerminating(e): never {
      throw new PSRuntimeError(toRecord(e));
    },
    writeWarning: (m) => void shell.warnings.push(m),
    writeVerbose() {},
    writeDebug() {},
    writeInformation() {},
    writeHost() {},
    writeProgress() {},
    shouldProcess(target, action) {
      shell.confirmations.push({ target, action });
      return shell.confirm;
    },
    invokeScript() {
      return [];
    },
    getVariable(name) {
      if (name.toLowerCase().startsWith('env:')) {
        const k = name.slice(4);
        return k in shell.env ? (shell.env[k] ?? null) : (process.env[k] ?? null);
      }
      return shell.vars.get(name.toLowerCase().replace(/^global:/, '')) ?? null;
    },
    setVariable(name, value) {
      shell.vars.set(name.toLowerCase().replace(/^global:/, ''), value);
    },
    cwd: process.cwd(),
    resolvePath: (p) => p,
    host: { writeHost() {}, width: 120, interactive: false },
    signal: signal ?? new AbortController().signal,
    session: shell.session,
  };
  try {
    await decl.begin?.(ctx);
    await decl.process?.(ctx);
    await decl.end?.(ctx);
    return { output, error: null };
  } catch (e) {
    if (e instanceof PSRuntimeError) return { output, error: e.errorRecord };
    throw e;
  }
}
