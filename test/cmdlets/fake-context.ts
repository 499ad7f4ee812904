// A small CmdletContext for testing cmdlets without the interpreter. "Script blocks" are JS functions
// `(dollarUnder, args) => value | value[]`; invokeScript calls them.
import type { CmdletDecl, CmdletContext, ErrorDetails, SessionApi, PSVariableInfo, CommandInfo } from '../../src/runtime/cmdlet-api.js';
import { ErrorRecord } from '../../src/runtime/errors.js';
import { StopUpstreamCommand } from '../../src/runtime/interpreter/pipeline.js';

export type FakeScript = (dollarUnder: unknown, args: unknown[]) => unknown;

export interface RunResult {
  output: unknown[];
  errors: (ErrorDetails | ErrorRecord)[];
  warnings: string[];
  verbose: string[];
  debug: string[];
  information: { data: unknown; tags?: string[] }[];
  host: { text: string; options?: unknown }[];
  progress: unknown[];
  variables: Map<string, unknown>;
  /** True when the cmdlet threw StopUpstreamCommand. */
  stopped: boolean;
  /** How many input items the cmdlet was given before it stopped. */
  consumed: number;
}

export interface RunOptions {
  /** Pipeline input; omit for "first in the pipeline". */
  input?: unknown[];
  /** The name of the parameter that pipeline input binds to (default InputObject). */
  pipelineParam?: string;
  parameterSet?: string;
  variables?: Record<string, unknown>;
  session?: Partial<SessionApi>;
  cwd?: string;
  signal?: AbortSignal;
}

const sessionCache = new WeakMap<object, SessionApi>();
const trackedSessions = new WeakMap<SessionApi, { api: SessionApi; onChange: (p: string) => void }>();

/** A session whose setLocation also updates the fake ctx.cwd (one wrapper per session, for identity). */
function locationTracking(session: SessionApi, onChange: (p: string) => void): SessionApi {
  let t = trackedSessions.get(session);
  if (!t) {
    const entry = { api: session, onChange };
    entry.api = { ...session, setLocation: (p: string) => { session.setLocation(p); entry.onChange(p); } };
    trackedSessions.set(session, entry);
    t = entry;
  }
  t.onChange = onChange;
  return t.api;
}

export class TerminatingError extends Error {
  constructor(readonly details: ErrorDetails | ErrorRecord) {
    super(details instanceof ErrorRecord ? details.Exception.Message : details.message);
  }
}

/** Default parameter set the binder would choose: the sets of the bound parameters, else the default. */
function chooseSet(decl: CmdletDecl, bound: string[]): string {
  let candidates: string[] | null = null;
  for (const name of bound) {
    const p = decl.parameters.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!p || !p.parameterSets) continue;
    candidates = candidates ? candidates.filter((s) => p.parameterSets!.includes(s)) : [...p.parameterSets];
  }
  if (candidates && candidates.length > 0) {
    if (decl.defaultParameterSet && candidates.includes(decl.defaultParameterSet)) return decl.defaultParameterSet;
    return candidates[0];
  }
  return decl.defaultParameterSet ?? '__AllParameterSets';
}

export function fakeSession(vars: Map<string, unknown>, extra: Partial<SessionApi> = {}): SessionApi {
  const drives = new Map<string, { name: string; root: string }>();
  const info = (name: string): PSVariableInfo | null => {
    for (const [k, v] of vars) if (k.toLowerCase() === name.toLowerCase()) return { Name: k, Value: v, Description: '', Options: 'None' };
    return null;
  };
  const aliases = new Map<string, string>();
  const base: SessionApi = {
    getCommands: () => [...aliases].map(([n, d]): CommandInfo => ({ Name: n, CommandType: 'Alias', ModuleName: '', Source: '', Version: '', Definition: d, ResolvedCommand: null, Parameters: [] })),
    resolveCommand: () => null,
    loadCommand: () => undefined,
    setAlias: (n, t) => void aliases.set(n, t),
    removeAlias: (n) => aliases.delete(n),
    getVariableInfo: (n) => info(n),
    getVariableInfos: () => [...vars.keys()].map((k) => info(k)!),
    setVariable: (n, v) => {
      const existing = [...vars.keys()].find((k) => k.toLowerCase() === n.toLowerCase());
      vars.set(existing ?? n, v);
    },
    newVariable: (n, v) => void vars.set(n, v),
    removeVariable: (n) => {
      const existing = [...vars.keys()].find((k) => k.toLowerCase() === n.toLowerCase());
      return existing ? vars.delete(existing) : false;
    },
    invokeExpression: () => [],
    setLocation: () => {},
    setFunction: () => {},
    removeFunction: () => false,
    addDrive: (name: string, root: string) => void drives.set(name.toLowerCase(), { name, root }),
    removeDrive: (name: string) => void drives.delete(name.toLowerCase()),
    getDrives: () => [...drives.values()],
    getCmdletDecl: () => null,
    host: { writeHost: () => {}, width: 120, interactive: false },
  };
  return { ...base, ...extra };
}

/**
 * Run a cmdlet through init, begin, process (per item), end as the pipeline would: `params` are the bound parameters
 * (switches as true); pipeline items are bound to `pipelineParam` for each process call.
 */
export async function runCmdlet(decl: CmdletDecl, params: Record<string, unknown> = {}, options: RunOptions = {}): Promise<RunResult> {
  const result: RunResult = {
    output: [], errors: [], warnings: [], verbose: [], debug: [], information: [], host: [], progress: [],
    variables: new Map(Object.entries(options.variables ?? {})), stopped: false, consumed: 0,
  };
  const bound = { ...params };
  const pipelineParam = options.pipelineParam ?? 'InputObject';
  const set = options.parameterSet ?? chooseSet(decl, Object.keys(params));
  // The same options.session object gives the same session (cmdlets may key per-session state on it).
  let session = options.session ? sessionCache.get(options.session) : undefined;
  if (!session) {
    session = fakeSession(result.variables, options.session);
    if (options.session) sessionCache.set(options.session, session);
  }
  let cwd = options.cwd ?? '/home/user';
  let current: unknown;
  const state = decl.init ? decl.init() : undefined;
  const write = (value: unknown, enumerate = false) => {
    if (enumerate && Array.isArray(value)) result.output.push(...value);
    else result.output.push(value === undefined ? null : value);
  };
  const ctx: CmdletContext = {
    name: decl.name,
    params: bound,
    isBound: (n) => Object.keys(bound).some((k) => k.toLowerCase() === n.toLowerCase()),
    parameterSetName: set,
    get inputObject() {
      return current;
    },
    expectingInput: options.input !== undefined,
    state,
    write,
    writeError: (e) => void result.errors.push(e),
    throwTerminating: (e) => {
      throw new TerminatingError(e);
    },
    writeWarning: (m) => void result.warnings.push(m),
    writeVerbose: (m) => void result.verbose.push(m),
    writeDebug: (m) => void result.debug.push(m),
    writeInformation: (data, tags) => void result.information.push({ data, tags }),
    writeHost: (text, opts) => void result.host.push({ text, options: opts }),
    writeProgress: (r) => void result.progress.push(r),
    shouldProcess: () => true,
    invokeScript: (sb, opts = {}) => {
      const fn = sb as FakeScript;
      if (opts.variables) for (const [k, v] of Object.entries(opts.variables)) result.variables.set(k, v);
      const r = fn(opts.dollarUnder, opts.args ?? []);
      const out = r === undefined ? [] : Array.isArray(r) ? r : [r];
      if (opts.output) {
        for (const v of out) opts.output(v);
        return;
      }
      return out;
    },
    getVariable: (n) => result.variables.get(n) ?? null,
    setVariable: (n, v) => void result.variables.set(n, v),
    get cwd() {
      return cwd;
    },
    resolvePath: (p) => (p.startsWith('/') ? p : `${cwd}/${p}`),
    host: session.host,
    signal: options.signal ?? new AbortController().signal,
    session: locationTracking(session, (p) => (cwd = p)),
  };
  try {
    await decl.begin?.(ctx);
    if (options.input === undefined) {
      await decl.process?.(ctx);
    } else {
      for (const item of options.input) {
        current = item;
        bound[pipelineParam] = item;
        result.consumed++;
        await decl.process?.(ctx);
      }
    }
    await decl.end?.(ctx);
  } catch (e) {
    if (e instanceof StopUpstreamCommand) {
      result.stopped = true;
      await decl.end?.(ctx);
    } else throw e;
  }
  return result;
}
