// Session state: the global scope, registered cmdlets, the host, the current location, error bookkeeping,
// stream preferences, and the entry points that run scripts. Implements SessionApi for cmdlets.
import { monotonicMs } from '../clock.js';
import { existsSync, statSync, readFileSync, accessSync, constants as fsConstants } from 'node:fs';
import * as nodePath from 'node:path';
import { homedir, tmpdir } from 'node:os';
import type * as A from '../../parser/ast.js';
import { parse } from '../../parser/index.js';
import type { CmdletDecl, CommandInfo, HostUI, IsolatedRun, IsolatedRunOptions, LazyCommandSet, PSVariableInfo, SessionApi } from '../cmdlet-api.js';
import { CALL_SITE, ErrorRecord, PSException, PSRuntimeError, makeInvocationInfo, runtimeError } from '../errors.js';
import { PSHashtable, PSObject } from '../values/objects.js';
import { toBool, toStr } from '../values/convert.js';
import { wildcardMatch } from '../values/wildcard.js';
import { resolveType, convertTo, getStaticMember, setLocalTypesHook, setUsingNamespacesHook, PSList, type PSType } from '../types/index.js';
import { Scope, PSVariable, VarOptions, boundParentScope, moduleScopeOf, type AliasInfo } from './scope.js';
import { Frame, WarningRecord, InformationRecord, type Streams, type InformationRecordValue } from './frame.js';
import { setErrorViewSource } from '../format/error-display.js';
import { ScriptBlock, setScriptBlockInvoker } from './scriptblock.js';
import { psVersionTable } from './ps-version-table.js';
import { SessionHistory } from './history.js';
import { ScriptProcessor } from './script-processor.js';
import { runPipeline, type Processor, type Sink } from './pipeline.js';
import { PipelineStoppedSignal, ReturnSignal, isFlowSignal, isPromise } from './flow.js';
import { compileScript, scriptMetadata, type CompiledScript } from './script-meta.js';
import type { Exec } from './compile-stmt.js';
import { CmdletProcessor } from './cmdlet-processor.js';
import { setInScope } from './variables.js';
import { RestrictedPolicy, type RestrictedOptions } from './restricted.js';
import { makePSStyle } from '../format/psstyle.js';
import { bindPromptedValue, type CommandMetadata, type ParamMeta } from './binder.js';
import { addToErrorVariables } from './common-variables.js';
import { scriptStackTrace, type CallEntry } from './call-stack.js';
import { preloadXmlFor } from '../types/xml-support.js';

export type ResolvedCommand =
  | { kind: 'deferred'; load: Promise<void> }
  | { kind: 'function'; name: string; scriptBlock: ScriptBlock }
  | { kind: 'cmdlet'; decl: CmdletDecl }
  | { kind: 'script'; path: string; scriptBlock: ScriptBlock }
  | { kind: 'native'; path: string };

export interface SessionHost extends HostUI {
  error(record: ErrorRecord): void;
  warning(message: string): void;
  verbose(message: string): void;
  debug(message: string): void;
  information(record: InformationRecordValue): void;
  progress(record: unknown): void;
  /** Render output objects for `> file` redirection (Out-File formatting). */
  formatForFile(items: unknown[]): string;
}

export const PSVERSION = '7.4.0';


/** `$PWD` / Get-Location: a PathInfo whose string form is the path. */
export class PathInfo {
  constructor(readonly Path: string) {}
  get Provider(): string {
    return 'Microsoft.PowerShell.Core\\FileSystem';
  }
  get ProviderPath(): string {
    return this.Path;
  }
  toString(): string {
    return this.Path;
  }
}
Object.defineProperty(PathInfo.prototype, Symbol.for('awsh.typeName'), { value: 'System.Management.Automation.PathInfo' });

/** The `Temp:` drive's root: [IO.Path]::GetTempPath(), with its trailing separator. */
function tempRoot(): string {
  const t = tmpdir();
  return t.endsWith('/') ? t : t + '/';
}

export class Session implements SessionApi {
  /** Imported script modules by lower-cased name. */
  readonly modules = new Map<string, import('./modules.js').ModuleRecord>();
  /** The session whose script is running now (static .NET-style methods get no session argument). */
  static current: Session | null = null;
  readonly globalScope = new Scope(null, true);
  /** Types defined by this session's scripts (`class`/`enum`), by lower-cased name; no other shell sees them. */
  readonly scriptTypes = new Map<string, PSType>();
  readonly cmdlets = new Map<string, CmdletDecl>();
  cwd: string;
  env: Record<string, string | undefined>;
  lastSuccess = true;
  pipelineHadErrors = false;
  tryDepth = 0;
  private currentSignal: AbortSignal | null = null;
  /** What stops the running invocation (Ctrl+C, the host's signal, a time limit). Made on first use: creating an
   * AbortController loads one more Node module at start-up. */
  get signal(): AbortSignal {
    return (this.currentSignal ??= new AbortController().signal);
  }
  /** null: nothing can stop it (a never-aborted signal is made if asked for). */
  set signal(value: AbortSignal | null) {
    this.currentSignal = value;
  }
  /** `$Error`: an ArrayList, newest first (so `$Error.Clear()` and `.Count` behave as in pwsh). */
  readonly errors: unknown[] = PSList.create(null);
  readonly history = new SessionHistory(() => {
    const n = Number(this.globalScope.lookup('maximumhistorycount')?.value);
    return Number.isFinite(n) && n > 0 ? n : 4096;
  });
  readonly defaultStreams: Streams;
  private readonly sourceStack: A.SourceFile[] = [];
  /** Lower-cased namespaces of `using namespace` statements in scripts this session compiled (type lookup tries them). */
  readonly usingNamespaces: string[] = [];
  private readonly frameStack: Frame[] = [];
  readonly globalFrame: Frame;
  callDepth = 0;
  /** Inside code that must finish synchronously (the types layer calling back into scripts): never yield there. */
  syncDepth = 0;
  private ticks = 0;
  private lastYield = 0;

  /** Restricted mode's boundaries, or null for a normal shell. */
  readonly restricted: RestrictedPolicy | null;
  /**
   * Runs script text in a new shell of its own (a background job's runspace): set by the embedding API, which
   * knows how shells are built; null where there is none.
   */
  runIsolated: ((script: string, options: IsolatedRunOptions) => Promise<IsolatedRun>) | null = null;
  /** monotonicMs() deadline of the running invocation (restricted maxRunTimeMs). */
  deadline: number | null = null;

  constructor(
    public host: SessionHost,
    options: { cwd?: string; env?: Record<string, string | undefined>; restricted?: RestrictedOptions },
  ) {
    this.restricted = options.restricted ? new RestrictedPolicy(options.restricted) : null;
    this.cwd = options.cwd ?? (this.restricted && options.restricted?.fileSystemRoot ? nodePath.resolve(options.restricted.fileSystemRoot) : process.cwd());
    // A restricted shell without allowEnvironment sees an empty environment (cmdlets and `$env:` alike).
    this.env = this.restricted && !options.restricted?.allowEnvironment ? {} : options.env ?? { ...process.env };
    this.defaultStreams = {
      error: (r) => this.host.error(r),
      warning: (m) => this.host.warning(m),
      verbose: (m) => this.host.verbose(m),
      debug: (m) => this.host.debug(m),
      information: (r) => {
        if (r.isHost) this.host.writeHost(toStr(r.MessageData), { noNewline: r.noNewline, foregroundColor: r.foregroundColor, backgroundColor: r.backgroundColor });
        else if (!r.hidden) this.host.information(r);
      },
    };
    this.globalFrame = new Frame(this.globalScope, () => {}, this.defaultStreams, this, null);
    this.initAutomaticVariables();
    // Script blocks run in the session that made them (several shells can share a process).
    setLocalTypesHook(() => Session.current?.scriptTypes ?? null);
    setErrorViewSource(() => (Session.current ?? this).errorView());
    setUsingNamespacesHook(() => Session.current?.usingNamespaces ?? null);
    setScriptBlockInvoker((sb, o) => {
      const s = sb.session instanceof Session ? sb.session : Session.current ?? this;
      // The synchronous part runs with syncDepth raised, so a loop inside never yields (tick) on its own: only an async
      // command makes this a Promise, which a caller that cannot wait reports (requireSync).
      s.syncDepth++;
      try {
        return s.invokeScriptBlockMaybe(sb, { ...o, frame: s.currentFrame() });
      } finally {
        s.syncDepth--;
      }
    });
  }

  private initAutomaticVariables(): void {
    const g = this.globalScope;
    const def = (name: string, value: unknown, options = VarOptions.None) => g.vars.set(name.toLowerCase(), new PSVariable(name, value, options));
    def('Error', this.errors);
    def('ErrorActionPreference', 'Continue');
    def('ErrorView', 'ConciseView');
    def('WarningPreference', 'Continue');
    def('VerbosePreference', 'SilentlyContinue');
    def('DebugPreference', 'SilentlyContinue');
    def('InformationPreference', 'SilentlyContinue');
    def('ProgressPreference', 'Continue');
    def('ConfirmPreference', 'High');
    def('WhatIfPreference', false);
    def('FormatEnumerationLimit', 4);
    def('MaximumHistoryCount', 4096);
    def('PID', process.pid, VarOptions.Constant);
    def('HOME', this.env.HOME ?? homedir());
    def('PSHOME', nodePath.resolve(nodePath.dirname(new URL(import.meta.url).pathname), '..'));
    def('IsLinux', process.platform === 'linux', VarOptions.Constant);
    def('IsMacOS', process.platform === 'darwin', VarOptions.Constant);
    def('IsWindows', process.platform === 'win32', VarOptions.Constant);
    def('IsCoreCLR', true, VarOptions.Constant);
    def('NestedPromptLevel', 0);
    def('PSNativeCommandArgumentPassing', 'Standard');
    def('PSNativeCommandUseErrorActionPreference', false);
    def('PSEdition', 'Core');
    def('ShellId', 'Microsoft.PowerShell');
    def('PROFILE', nodePath.join(this.env.HOME ?? homedir(), '.config', 'awsh', 'profile.ps1'));
    def('PSVersionTable', psVersionTable(PSVERSION), VarOptions.ReadOnly);
    const hostInfo = { Name: 'awsh', Version: '0.1.0', UI: { RawUI: { BufferSize: { Width: this.host.width, Height: 50 }, WindowSize: { Width: this.host.width, Height: 50 } } } };
    // $Host.CurrentCulture / CurrentUICulture follow [CultureInfo]::CurrentCulture, read when asked (the culture
    // tables load with the builtin types, not at start-up).
    const culture = () => getStaticMember(resolveType('System.Globalization.CultureInfo')!, 'CurrentCulture');
    Object.defineProperty(hostInfo, 'CurrentCulture', { enumerable: true, get: culture });
    Object.defineProperty(hostInfo, 'CurrentUICulture', { enumerable: true, get: culture });
    def('Host', hostInfo);
    // pwsh's culture names as automatic variables; awsh formats as en-US.
    def('PSCulture', 'en-US');
    def('PSUICulture', 'en-US');
    def('ExecutionContext', PSObject.fromEntries([
      ['SessionState', PSObject.fromEntries([['Path', { CurrentLocation: null }]])],
      ['InvokeCommand', this.commandIntrinsics()],
      ['Host', null],
    ]));
    def('PSStyle', makePSStyle());
    def('PSDefaultParameterValues', new PSHashtable());
    def('input', []);
  }

  // ---------------------------------------------------------------------------
  // Cmdlets and commands

  /** Command sets loaded on first need (the AWS cmdlets), so start-up loads nothing it doesn't use. */
  private commandLoaders: (() => Promise<void>)[] = [];
  private loading: Promise<void> | null = null;

  addCommandLoader(load: () => Promise<void>): void {
    this.commandLoaders.push(load);
  }

  /** Cmdlet sets loaded on first use of one of their names (lower-case name → set), until they are loaded. */
  private readonly lazyCommands = new Map<string, LazyCommandSet>();
  private readonly lazyLoads = new Map<LazyCommandSet, Promise<void>>();

  addLazyCommands(set: LazyCommandSet): void {
    for (const name of set.names) this.lazyCommands.set(name.toLowerCase(), set);
  }

  loadCommand(name: string): Promise<void> | undefined {
    const key = name.toLowerCase();
    const set = this.lazyCommands.get(key) ?? this.lazyCommands.get(this.globalScope.lookupAlias(key)?.definition.toLowerCase() ?? '');
    return set ? this.loadCommandSet(set) : undefined;
  }

  private loadCommandSet(set: LazyCommandSet): Promise<void> {
    let loading = this.lazyLoads.get(set);
    if (!loading) {
      loading = set.load().then((decls) => {
        // A cmdlet the host registered under the same name stays.
        for (const d of decls) if (!this.cmdlets.has(d.name.toLowerCase())) this.registerCmdlet(d);
        for (const name of set.names) this.lazyCommands.delete(name.toLowerCase());
      });
      this.lazyLoads.set(set, loading);
    }
    return loading;
  }

  /**
   * Loads the lazy cmdlet sets a script names (directly or through an alias), before it runs: a command first
   * met where nothing can wait (a `.ForEach({...})` body, a calculated property) must already be loaded.
   */
  preloadCommandsFor(text: string): Promise<void> | undefined {
    const xml = preloadXmlFor(text);
    const commands = this.preloadCommandSetsFor(text);
    return xml && commands ? Promise.all([xml, commands]).then(() => undefined) : xml ?? commands;
  }

  private preloadCommandSetsFor(text: string): Promise<void> | undefined {
    if (this.lazyCommands.size === 0) return undefined;
    let sets: Set<LazyCommandSet> | null = null;
    for (const [word] of text.matchAll(/[A-Za-z][\w-]*/g)) {
      const key = word.toLowerCase();
      const set = this.lazyCommands.get(key) ?? this.lazyCommands.get(this.globalScope.lookupAlias(key)?.definition.toLowerCase() ?? '');
      if (set) (sets ??= new Set()).add(set);
    }
    return sets ? Promise.all([...sets].map((s) => this.loadCommandSet(s))).then(() => undefined) : undefined;
  }

  /** Loads every pending command set (for listings: Get-Command, Get-Help, completion); undefined when none is. */
  loadAllCommands(): Promise<void> | undefined {
    const sets = new Set(this.lazyCommands.values());
    const others = this.loadUnlistedCommands();
    if (sets.size === 0) return others;
    return Promise.all([others, ...[...sets].map((s) => this.loadCommandSet(s))]).then(() => undefined);
  }

  /** Loads the command sets whose names aren't known in advance (the AWS cmdlets), for a name nothing matched. */
  private loadUnlistedCommands(): Promise<void> | undefined {
    if (this.loading) return this.loading;
    if (this.commandLoaders.length === 0) return undefined;
    const loaders = this.commandLoaders.splice(0);
    this.loading = Promise.all(loaders.map((l) => l())).then(() => {
      this.loading = null;
    });
    return this.loading;
  }

  registerCmdlet(decl: CmdletDecl): void {
    this.cmdlets.set(decl.name.toLowerCase(), decl);
  }

  registerAlias(name: string, target: string): void {
    this.globalScope.setAlias({ name, definition: target, description: '', options: 0 });
  }

  resolveCommandForInvocation(f: Frame, name: string): ResolvedCommand {
    const r = this.resolveCommandUnchecked(f, name);
    const policy = this.restricted;
    if (policy && r.kind !== 'deferred' && r.kind !== 'function') {
      // Checked on what the name resolved to, so an alias can't smuggle a command in.
      const target = r.kind === 'cmdlet' ? r.decl.name : r.path;
      if (!policy.commandAllowed(target)) throw policy.commandBlocked(target);
    }
    return r;
  }

  private resolveCommandUnchecked(f: Frame, name: string): ResolvedCommand {
    let key = name.toLowerCase();
    const slash = key.lastIndexOf('\\');
    if (slash > 0 && !key.includes('/') && this.cmdlets.has(key.slice(slash + 1))) key = key.slice(slash + 1);
    for (let depth = 0; depth < 20; depth++) {
      const alias = f.scope.lookupAlias(key);
      if (!alias) break;
      key = alias.definition.toLowerCase();
      name = alias.definition;
    }
    const fn = f.scope.lookupFunction(key);
    if (fn) return { kind: 'function', name: fn.name, scriptBlock: fn.scriptBlock as ScriptBlock };
    const decl = this.cmdlets.get(key);
    if (decl) return { kind: 'cmdlet', decl };
    const lazy = this.lazyCommands.get(key);
    if (lazy) return { kind: 'deferred', load: this.loadCommandSet(lazy) };
    const pending = this.loadUnlistedCommands();
    if (pending) return { kind: 'deferred', load: pending };
    const file = this.findExternal(name);
    if (file) {
      if (file.toLowerCase().endsWith('.ps1')) {
        const scriptBlock = this.loadScriptFile(file);
        const preload = this.preloadCommandsFor(scriptBlock.ast.source.text);
        return preload ? { kind: 'deferred', load: preload } : { kind: 'script', path: file, scriptBlock };
      }
      return { kind: 'native', path: file };
    }
    throw this.commandNotFound(name);
  }

  commandNotFound(name: string): PSRuntimeError {
    return runtimeError(
      `The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.`,
      'CommandNotFoundException',
      { category: 'ObjectNotFound', exceptionType: 'System.Management.Automation.CommandNotFoundException', target: name },
    );
  }

  /** A path (`./x`, `/bin/ls`, `x.ps1`) or a name found on PATH. */
  findExternal(name: string): string | null {
    const isExecutable = (p: string) => {
      try {
        const st = statSync(p);
        if (!st.isFile()) return false;
        if (p.toLowerCase().endsWith('.ps1')) return true;
        accessSync(p, fsConstants.X_OK);
        return true;
      } catch {
        return false;
      }
    };
    if (name.includes('/') || name.includes('\\') || name.startsWith('~')) {
      const p = this.resolvePath(name);
      if (isExecutable(p)) return p;
      if (!p.toLowerCase().endsWith('.ps1') && isExecutable(p + '.ps1')) return p + '.ps1';
      return null;
    }
    for (const dir of (this.env.PATH ?? '').split(nodePath.delimiter)) {
      if (!dir) continue;
      // A relative PATH entry (`./tools`) is relative to the current location.
      const p = nodePath.resolve(this.cwd, dir, name);
      if (isExecutable(p)) return p;
    }
    return null;
  }

  loadScriptFile(path: string): ScriptBlock {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw this.commandNotFound(path);
    }
    const parsed = parse(text, path);
    if (parsed.errors.length) throw this.parseErrorToRuntime(parsed.errors);
    const sb = new ScriptBlock(parsed.ast);
    sb.session = this;
    return sb;
  }

  /**
   * The error for a failed parse. `incompleteAware` is for script text run as commands (Invoke-Expression,
   * PowerShell.AddScript): pwsh's ParseScriptBlock raises IncompleteParseException there when the first error is
   * incomplete input (an unclosed string or block), so hosts can ask for more lines; elsewhere it is ParseException.
   */
  parseErrorToRuntime(errors: A.ParseErrorInfo[], source?: A.SourceFile, incompleteAware = false): PSRuntimeError {
    const e = errors[0];
    const incomplete = incompleteAware && e.incompleteInput;
    const ex = new PSException(e.message, `System.Management.Automation.${incomplete ? 'IncompleteParseException' : 'ParseException'}`);
    const rec = new ErrorRecord(ex, e.errorId, 'ParserError', null);
    rec.isParseError = true;
    if (source) rec.InvocationInfo = makeInvocationInfo(e.extent, source, null);
    (rec as ErrorRecord & { parseErrors?: A.ParseErrorInfo[] }).parseErrors = errors;
    const err = new PSRuntimeError(rec);
    err.scriptTerminating = true;
    return err;
  }

  getCmdletDecl(name: string): CmdletDecl | null {
    return this.cmdlets.get(name.toLowerCase()) ?? null;
  }

  getCommands(): CommandInfo[] {
    const out: CommandInfo[] = [];
    const seenAlias = new Set<string>();
    for (let s: Scope | null = this.currentScope(); s; s = s.parent) {
      for (const a of s.aliases?.values() ?? []) {
        if (seenAlias.has(a.name.toLowerCase())) continue;
        seenAlias.add(a.name.toLowerCase());
        out.push(this.aliasInfo(a));
      }
    }
    const seenFn = new Set<string>();
    for (let s: Scope | null = this.currentScope(); s; s = s.parent) {
      for (const fn of s.functions?.values() ?? []) {
        if (seenFn.has(fn.name.toLowerCase())) continue;
        seenFn.add(fn.name.toLowerCase());
        out.push(this.functionInfo(fn.name, fn.scriptBlock as ScriptBlock, fn.isFilter));
      }
    }
    for (const d of this.cmdlets.values()) out.push(this.cmdletInfo(d));
    return out;
  }

  private cmdletInfo(d: CmdletDecl): CommandInfo {
    const info = {
      Name: d.name, CommandType: 'Cmdlet' as const, ModuleName: d.module ?? '', Source: d.module ?? '', Version: '0.1.0',
      Definition: d.name, ResolvedCommand: null, Parameters: d.parameters, decl: d,
    };
    return this.tagCommandInfo(info, 'System.Management.Automation.CmdletInfo');
  }

  /** Aliases defined in one scope (Get-Alias -Scope), by name. */
  getAliases(scopeName: string): CommandInfo[] {
    return [...(this.scopeByName(scopeName).aliases?.values() ?? [])].map((a) => this.aliasInfo(a));
  }

  private aliasInfo(a: AliasInfo, depth = 0): CommandInfo {
    // ResolvedCommand follows a chain of aliases to the command at its end (a cycle resolves to nothing).
    let resolved: CommandInfo | null = null;
    if (depth < 32) {
      const target = this.currentScope().lookupAlias(a.definition.toLowerCase());
      resolved = target ? this.aliasInfo(target, depth + 1).ResolvedCommand : this.resolveCommand(a.definition);
    }
    const info = {
      Name: a.name, CommandType: 'Alias' as const, ModuleName: '', Source: '', Version: '', Definition: a.definition,
      ResolvedCommand: resolved, Parameters: resolved?.Parameters ?? [], DisplayName: `${a.name} -> ${resolved?.Name ?? a.definition}`,
      Description: a.description, Options: optionsText(a.options),
    };
    return this.tagCommandInfo(info, 'System.Management.Automation.AliasInfo');
  }

  private functionInfo(name: string, sb: ScriptBlock, isFilter: boolean): CommandInfo {
    // A script module's function names its module (`Get-Command -Module X`, `.ModuleName`).
    const home = (sb.closureScope ?? sb.moduleScope) as Scope | null;
    const moduleInfo = home ? moduleScopeOf(home)?.module : null;
    const moduleName = moduleInfo instanceof PSObject ? String(moduleInfo.getMember('Name')?.value ?? '') : '';
    const info = {
      Name: name, CommandType: (isFilter ? 'Filter' : 'Function') as 'Function', ModuleName: moduleName, Source: moduleName, Version: '',
      Definition: sb.toString(), ResolvedCommand: null, Parameters: [], ScriptBlock: sb,
      parameterMetadata: () => scriptMetadata((sb.compiled as CompiledScript | null) ?? (sb.compiled = compileScript(sb)), name, this.globalFrame).params,
    };
    return this.tagCommandInfo(info, 'System.Management.Automation.FunctionInfo');
  }

  private tagCommandInfo<T extends object>(info: T, typeName: string): T {
    Object.defineProperty(info, Symbol.for('awsh.typeName'), { value: typeName, enumerable: false });
    Object.defineProperty(info, 'toString', { value: () => (info as unknown as CommandInfo).Name, enumerable: false });
    return info;
  }

  resolveCommand(name: string): CommandInfo | null {
    const scope = this.currentScope();
    const key = name.toLowerCase();
    const alias = scope.lookupAlias(key);
    if (alias) return this.aliasInfo(alias);
    const fn = scope.lookupFunction(key);
    if (fn) return this.functionInfo(fn.name, fn.scriptBlock as ScriptBlock, fn.isFilter);
    const d = this.cmdlets.get(key);
    if (d) return this.cmdletInfo(d);
    const file = this.findExternal(name);
    if (file) {
      const info = {
        Name: nodePath.basename(file), CommandType: (file.endsWith('.ps1') ? 'ExternalScript' : 'Application') as 'Application',
        ModuleName: '', Source: file, Version: '', Definition: file, ResolvedCommand: null, Parameters: [], Path: file,
      };
      return this.tagCommandInfo(info, file.endsWith('.ps1') ? 'System.Management.Automation.ExternalScriptInfo' : 'System.Management.Automation.ApplicationInfo');
    }
    return null;
  }

  setAlias(name: string, target: string, options: { scope?: string; description?: string; option?: string; force?: boolean } = {}): void {
    const scope = this.scopeByName(options.scope);
    const flags = options.option ? parseOptions(options.option) : VarOptions.None;
    const existing = scope.aliases?.get(name.toLowerCase());
    if (existing) {
      const notWritable = (id: string, message: string) =>
        runtimeError(message, id, { category: 'WriteError', exceptionType: 'System.Management.Automation.SessionStateUnauthorizedAccessException', target: name });
      if (existing.options & VarOptions.Constant || (!options.force && existing.options & VarOptions.ReadOnly)) {
        throw notWritable('AliasNotWritable', `Alias is not writeable because alias ${name} is read-only or constant and cannot be written to.`);
      }
      if (flags & VarOptions.Constant) {
        throw notWritable('AliasCannotBeMadeConstant', `Alias ${name} cannot be made constant after it has been created. Aliases can only be made constant at creation time.`);
      }
    }
    scope.setAlias({ name, definition: target, description: options.description ?? '', options: flags });
  }

  /** Define (or replace) a function from a script block or script text (Set-Item/New-Item `function:name`). */
  setFunction(name: string, body: unknown, options: { scope?: string } = {}): void {
    let sb = body;
    if (!(body instanceof ScriptBlock)) {
      const parsed = parse(toStr(body), null);
      if (parsed.errors.length) throw this.parseErrorToRuntime(parsed.errors, parsed.ast.source);
      sb = new ScriptBlock(parsed.ast);
      (sb as ScriptBlock).session = this;
    }
    this.scopeByName(options.scope).setFunction({ name, isFilter: false, scriptBlock: sb, options: VarOptions.None, description: '' });
  }

  removeFunction(name: string, scopeName?: string): boolean {
    const key = name.toLowerCase();
    if (scopeName) return this.scopeByName(scopeName).functions?.delete(key) ?? false;
    for (let s: Scope | null = this.currentScope(); s; s = s.parent) if (s.functions?.delete(key)) return true;
    return false;
  }

  removeAlias(name: string, scopeName?: string): boolean {
    const key = name.toLowerCase();
    if (scopeName) return this.scopeByName(scopeName).aliases?.delete(key) ?? false;
    for (let s: Scope | null = this.currentScope(); s; s = s.parent) if (s.aliases?.delete(key)) return true;
    return false;
  }

  // ---------------------------------------------------------------------------
  // Variables (SessionApi)

  /** `$ErrorView` as the running code sees it: which view the host renders errors in. */
  errorView(): unknown {
    return this.getVariableFrom(this.currentFrame(), 'ErrorView');
  }

  currentFrame(): Frame {
    return this.frameStack[this.frameStack.length - 1] ?? this.globalFrame;
  }

  currentScope(): Scope {
    return this.currentFrame().scope;
  }

  scopeByName(name?: string): Scope {
    const cur = this.currentScope();
    if (!name) return cur;
    const n = name.toLowerCase();
    if (n === 'global') return cur.globalScope();
    if (n === 'script') return cur.scriptScope();
    if (n === 'local' || n === 'private') return cur;
    const up = /^\s*[-+]?\d+\s*$/.test(n) ? Number(n) : NaN;
    if (up < 0 || up > 2147483647) {
      throw runtimeError(`Specified argument was out of the range of valid values. (Parameter 'Scope')\nActual value was ${name.trim()}.`, 'ArgumentOutOfRange', { category: 'InvalidArgument', exceptionType: 'System.Management.Automation.PSArgumentOutOfRangeException' });
    }
    if (Number.isInteger(up)) {
      let s: Scope = cur;
      for (let i = 0; i < up; i++) {
        if (!s.parent) throw runtimeError(`The scope number '${up}' exceeds the number of active scopes.`, 'ArgumentOutOfRange', { category: 'InvalidArgument', exceptionType: 'System.Management.Automation.PSArgumentOutOfRangeException' });
        s = s.parent;
      }
      return s;
    }
    throw runtimeError(
      'Cannot process argument because the value of parameter "Scope" is not valid. Valid values are "Global", "Local", or "Script", or a number relative to the current scope (0 through the number of scopes where 0 is the current scope and 1 is its parent). Change the value of the "Scope" parameter and run the operation again.',
      'Argument',
      { category: 'InvalidArgument', exceptionType: 'System.Management.Automation.PSArgumentException' },
    );
  }

  private varInfo(v: PSVariable): PSVariableInfo {
    const info = { Name: v.name, Value: v.value, Description: v.description, Options: optionsText(v.options) };
    Object.defineProperty(info, Symbol.for('awsh.typeName'), { value: 'System.Management.Automation.PSVariable', enumerable: false });
    return info;
  }

  getVariableInfo(name: string, scope?: string): PSVariableInfo | null {
    const key = name.toLowerCase();
    const v = scope ? this.scopeByName(scope).vars.get(key) : this.currentScope().lookup(key);
    return v ? this.varInfo(v) : null;
  }

  getVariableInfos(scope?: string): PSVariableInfo[] {
    const seen = new Map<string, PSVariable>();
    if (scope) for (const [k, v] of this.scopeByName(scope).vars) seen.set(k, v);
    else
      for (let s: Scope | null = this.currentScope(); s; s = s.parent) {
        for (const [k, v] of s.vars) if (!seen.has(k) && (s === this.currentScope() || !(v.options & VarOptions.Private))) seen.set(k, v);
      }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })).map((v) => this.varInfo(v));
  }

  setVariable(name: string, value: unknown, options: { scope?: string; option?: string; description?: string; force?: boolean; keepValue?: boolean } = {}): void {
    let n = name;
    let scopeName = options.scope;
    const m = /^(global|script|local|private):(.+)$/i.exec(name);
    if (m) {
      scopeName = m[1];
      n = m[2];
    }
    const scope = this.scopeByName(scopeName);
    const key = n.toLowerCase();
    const existing = scope.vars.get(key);
    const flags = (options.option ? parseOptions(options.option) : VarOptions.None) | (scopeName?.toLowerCase() === 'private' ? VarOptions.Private : 0);
    if (existing) {
      // Set-Variable on a read-only variable fails without -Force (even to change only its options); a constant
      // one always does, and an existing variable can't become constant.
      if (existing.options & VarOptions.Constant || (!options.force && existing.options & VarOptions.ReadOnly)) {
        throw runtimeError(`Cannot overwrite variable ${existing.name} because it is read-only or constant.`, 'VariableNotWritable', {
          category: 'WriteError', exceptionType: 'System.Management.Automation.SessionStateUnauthorizedAccessException', target: existing.name,
        });
      }
      if (flags & VarOptions.Constant) {
        throw runtimeError(`Existing variable ${existing.name} cannot be made constant. Variables can be made constant only at creation time.`, 'VariableCannotBeMadeConstant', {
          category: 'WriteError', exceptionType: 'System.Management.Automation.SessionStateUnauthorizedAccessException', target: existing.name,
        });
      }
    }
    const wasReadOnly = existing !== undefined && (existing.options & VarOptions.ReadOnly) !== 0;
    if (existing) existing.options &= ~VarOptions.ReadOnly;
    // Without a value (Set-Variable x -Description d) an existing variable keeps its value.
    const v = existing && options.keepValue ? existing : setInScope(scope, key, n, options.keepValue ? null : value);
    if (options.option) v.options = flags | (v.options & VarOptions.AllScope);
    else v.options |= flags | (wasReadOnly ? VarOptions.ReadOnly : 0);
    if (options.description !== undefined) v.description = options.description;
  }

  newVariable(name: string, value: unknown, options: { scope?: string; option?: string; description?: string; force?: boolean } = {}): void {
    const scope = this.scopeByName(options.scope);
    const key = name.toLowerCase();
    if (scope.vars.has(key) && !options.force) {
      throw runtimeError(`A variable with name '${name}' already exists.`, 'VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand', {
        category: 'ResourceExists', exceptionType: 'System.Management.Automation.SessionStateException', target: name,
      });
    }
    const v = new PSVariable(name, value, options.option ? parseOptions(options.option) : VarOptions.None);
    v.description = options.description ?? '';
    scope.vars.set(key, v);
  }

  removeVariable(name: string, scope?: string, force = false): boolean {
    const key = name.toLowerCase();
    let s: Scope | null = scope ? this.scopeByName(scope) : this.currentScope();
    for (; s; s = scope ? null : s.parent) {
      const v = s.vars.get(key);
      if (!v) continue;
      // -Force removes a read-only variable, never a constant one.
      if (v.options & VarOptions.Constant || (!force && v.options & VarOptions.ReadOnly)) {
        throw runtimeError(`Cannot remove variable ${v.name} because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.`, 'VariableNotRemovable', {
          category: 'WriteError', exceptionType: 'System.Management.Automation.SessionStateUnauthorizedAccessException', target: v.name,
        });
      }
      return s.vars.delete(key);
    }
    return false;
  }

  /**
   * This command's entries of $PSDefaultParameterValues ('Command:Parameter' keys, wildcards in the command part),
   * or null when there are none or the table's 'Disabled' entry is true.
   */
  defaultParameterValues(f: Frame, commandName: string): [string, unknown][] | null {
    const table = f.scope.lookup('psdefaultparametervalues')?.value;
    if (!(table instanceof PSHashtable) || table.size === 0) return null;
    let out: [string, unknown][] | null = null;
    for (const [k, v] of table.entries()) {
      const key = toStr(k);
      const colon = key.lastIndexOf(':');
      if (colon <= 0) {
        if (key.toLowerCase() === 'disabled' && toBool(v)) return null;
        continue;
      }
      if (!wildcardMatch(commandName, key.slice(0, colon).trim(), false)) continue;
      (out ??= []).push([key.slice(colon + 1).trim(), v]);
    }
    return out;
  }

  getVariableFrom(f: Frame, name: string): unknown {
    const m = /^(global|script|local|private):(.+)$/i.exec(name);
    if (m) {
      const q = m[1].toLowerCase();
      const scope = q === 'global' ? f.scope.globalScope() : q === 'script' ? f.scope.scriptScope() : f.scope;
      const v = q === 'global' || q === 'script' ? scope.lookup(m[2].toLowerCase()) : scope.vars.get(m[2].toLowerCase());
      return v ? v.value : null;
    }
    const v = f.scope.lookup(name.toLowerCase());
    return v ? v.value : null;
  }

  setVariableFrom(f: Frame, name: string, value: unknown): void {
    const m = /^(global|script|local|private):(.+)$/i.exec(name);
    if (m) {
      const scope = m[1].toLowerCase() === 'global' ? f.scope.globalScope() : m[1].toLowerCase() === 'script' ? f.scope.scriptScope() : f.scope;
      setInScope(scope, m[2].toLowerCase(), m[2], value);
      return;
    }
    setInScope(f.scope, name.toLowerCase(), name, value);
  }

  // ---------------------------------------------------------------------------
  // Locations and paths

  /** Extra file system drives (`TestDrive:`, New-PSDrive): name (lower-case) → the name as created and its root folder. */
  private readonly drives = new Map<string, { name: string; root: string }>([['temp', { name: 'Temp', root: tempRoot() }]]);

  addDrive(name: string, root: string): void {
    this.drives.set(name.toLowerCase(), { name, root });
  }

  removeDrive(name: string): void {
    this.drives.delete(name.toLowerCase());
  }

  getDrives(): { name: string; root: string }[] {
    return [...this.drives.values()];
  }

  resolvePath(p: string): string {
    // pwsh takes `\` as a directory separator on every platform (`.\script.ps1`, `$dir\file.txt`).
    let path = process.platform === 'win32' ? p : p.replace(/\\/g, '/');
    if (this.drives.size) {
      const m = /^([A-Za-z][\w-]*):[\\/]?(.*)$/.exec(path);
      const root = m ? this.drives.get(m[1].toLowerCase())?.root : undefined;
      if (root !== undefined) path = nodePath.join(root, (m![2] ?? '').replace(/\\/g, '/'));
    }
    if (path === '~' || path.startsWith('~/') || path.startsWith('~\\')) path = nodePath.join(this.env.HOME ?? homedir(), path.slice(1));
    const resolved = nodePath.resolve(this.cwd, path);
    return this.restricted ? this.restricted.checkPath(resolved) : resolved;
  }

  setLocation(path: string): void {
    const target = this.resolvePath(path);
    if (!existsSync(target) || !statSync(target).isDirectory()) {
      throw runtimeError(`Cannot find path '${target}' because it does not exist.`, 'PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand', {
        category: 'ObjectNotFound', exceptionType: 'System.Management.Automation.ItemNotFoundException', target,
      });
    }
    this.cwd = target;
  }

  pwdValue(): unknown {
    return new PathInfo(this.cwd);
  }

  // ---------------------------------------------------------------------------
  // Errors

  toRuntimeError(e: unknown, cmdletClass?: string): PSRuntimeError {
    if (e instanceof PSRuntimeError) return e;
    if (isFlowSignal(e)) throw e;
    // Developers can see where an internal error came from; users never get a JS stack.
    if (this.env.AWSH_DEBUG && e instanceof Error) process.stderr.write(`[awsh debug] ${e.stack}\n`);
    // A JS stack overflow is pwsh's call-depth overflow; checked without regexes (this may run near the stack limit).
    const overflow = e instanceof RangeError && String(e.message).includes('call stack');
    const msg = overflow ? '' : e instanceof Error ? e.message : toStr(e);
    const typeName = overflow ? 'System.Management.Automation.ScriptCallDepthException' : 'System.Exception';
    const message = typeName.endsWith('ScriptCallDepthException') ? 'The script failed due to call depth overflow.' : msg;
    const rec = new ErrorRecord(new PSException(message, typeName), cmdletClass ? `System.Exception,${cmdletClass}` : typeName.endsWith('ScriptCallDepthException') ? 'CallDepthOverflow' : 'System.Exception', 'NotSpecified', null);
    return new PSRuntimeError(rec);
  }

  wrapJsError(e: unknown, extent: A.Extent): unknown {
    if (isFlowSignal(e)) return e;
    const err = this.toRuntimeError(e);
    this.attachPosition(err.errorRecord, extent);
    return err;
  }

  /** Resolves a type name, this session's script-defined types first. */
  resolveTypeName(tn: A.TypeName | string): PSType | null {
    return resolveType(tn, this.scriptTypes);
  }

  get currentSource(): A.SourceFile | undefined {
    return this.sourceStack[this.sourceStack.length - 1];
  }

  /** The functions and script blocks running now, outermost first (see call-stack.ts). */
  readonly callStack: CallEntry[] = [];

  attachPosition(rec: ErrorRecord, extent: A.Extent, commandName: string | null = null): void {
    const src = this.currentSource;
    if (src && !rec.InvocationInfo) {
      rec.InvocationInfo = makeInvocationInfo(extent, src, commandName);
      // A command that was not found has no MyCommand, but its InvocationInfo keeps the name as typed (ConciseView shows it).
      if (!commandName && rec.FullyQualifiedErrorId === 'CommandNotFoundException' && typeof rec.TargetObject === 'string') {
        rec.InvocationInfo.InvocationName = rec.TargetObject;
      }
      if (!rec.ScriptStackTrace) rec.ScriptStackTrace = scriptStackTrace(this.callStack, extent, src);
    }
  }

  setCommandPosition(p: Processor, extent: A.Extent): void {
    if (p instanceof CmdletProcessor || p instanceof ScriptProcessor) p.extent = extent;
  }

  mustPropagate(err: PSRuntimeError, f: Frame): boolean {
    if (err.scriptTerminating || err.unwindTo !== null) return true;
    if (this.tryDepth > 0) return true;
    return this.preference(f, 'erroractionpreference') === 'stop';
  }

  /** A `throw` outside any try/trap under $ErrorActionPreference SilentlyContinue or Ignore: pwsh goes on with
   * the next statement, keeping the error in $Error only. */
  suppressesThrow(err: PSRuntimeError, f: Frame): boolean {
    if (!err.fromThrow || this.tryDepth > 0) return false;
    const a = this.preference(f, 'erroractionpreference');
    if (a !== 'silentlycontinue' && a !== 'ignore') return false;
    this.recordError(err.errorRecord);
    return true;
  }

  private preference(f: Frame, key: string): string {
    const v = f.scope.lookup(key);
    return v ? toStr(v.value).toLowerCase() : 'continue';
  }

  recordError(rec: unknown): void {
    if (this.errors[0] === rec) return;
    this.errors.unshift(rec);
    if (this.errors.length > 256) this.errors.length = 256;
  }

  reportStatementError(rec: ErrorRecord, f: Frame): void {
    this.recordError(rec);
    this.lastSuccess = false;
    addToErrorVariables(f, rec);
    // Under SilentlyContinue/Ignore a statement's error is kept in $Error but not shown.
    const a = this.preference(f, 'erroractionpreference');
    if (a === 'silentlycontinue' || a === 'ignore') return;
    f.streams.error(rec);
  }

  writeNonTerminatingError(f: Frame, rec: ErrorRecord, action: string | null): void {
    this.pipelineHadErrors = true;
    const a = (action ?? this.preference(f, 'erroractionpreference')).toLowerCase();
    if (a === 'ignore') return;
    if (a === 'stop') {
      const err = new PSRuntimeError(rec);
      err.scriptTerminating = true;
      err.thrown = actionPreferenceStop(rec);
      // -ErrorVariable gets the exception that stopped the command (its ErrorRecord is this record).
      addToErrorVariables(f, err.thrown);
      throw err;
    }
    addToErrorVariables(f, rec);
    this.recordError(rec);
    if (a === 'silentlycontinue') return;
    f.streams.error(rec);
  }

  makeThrowError(v: unknown, bare: boolean, f: Frame, extent: A.Extent): PSRuntimeError {
    let err: PSRuntimeError;
    if (bare) {
      const cur = f.scope.lookup('_')?.value;
      if (cur instanceof ErrorRecord) err = new PSRuntimeError(cur);
      else err = runtimeError('ScriptHalted', 'ScriptHalted', { category: 'OperationStopped' });
    } else if (v instanceof ErrorRecord) err = new PSRuntimeError(v);
    else if (v instanceof PSException) err = new PSRuntimeError(new ErrorRecord(v, v.Message, 'OperationStopped', null));
    else {
      const msg = v === null ? 'ScriptHalted' : toStr(v);
      const rec = new ErrorRecord(new PSException(msg), msg, 'OperationStopped', v);
      err = new PSRuntimeError(rec);
    }
    this.attachPosition(err.errorRecord, extent);
    err.scriptTerminating = true;
    err.fromThrow = true;
    // RuntimeException.WasThrownFromThrowStatement: ConciseView then names the error `Exception`.
    const ex = err.errorRecord.Exception;
    if (ex.typeName.startsWith('System.Management.Automation.')) ex.WasThrownFromThrowStatement = true;
    return err;
  }

  // ---------------------------------------------------------------------------
  // Other streams

  /** Collectors for -WarningVariable / -InformationVariable of the commands running now. */
  readonly warningVariables: unknown[][] = [];
  readonly infoVariables: unknown[][] = [];

  writeWarning(f: Frame, message: string, action: string | null): void {
    for (const wv of this.warningVariables) wv.push(new WarningRecord(message));
    const a = (action ?? this.preference(f, 'warningpreference')).toLowerCase();
    if (a === 'silentlycontinue' || a === 'ignore') return;
    if (a === 'stop') throw runtimeError(`The running command stopped because the preference variable "WarningPreference" or common parameter is set to Stop: ${message}`, 'ActionPreferenceStop', { category: 'OperationStopped', exceptionType: 'System.Management.Automation.ActionPreferenceStopException' });
    f.streams.warning(message);
  }

  writeVerbose(f: Frame, message: string, flag: boolean | null): void {
    const on = flag ?? this.preference(f, 'verbosepreference') !== 'silentlycontinue';
    if (on && (flag !== null || this.preference(f, 'verbosepreference') !== 'ignore')) f.streams.verbose(message);
  }

  writeDebug(f: Frame, message: string, flag: boolean | null): void {
    const on = flag ?? this.preference(f, 'debugpreference') !== 'silentlycontinue';
    if (on && (flag !== null || this.preference(f, 'debugpreference') !== 'ignore')) f.streams.debug(message);
  }

  writeInformation(f: Frame, data: unknown, tags: string[], source: string, action: string | null = null): void {
    const rec: InformationRecordValue = { MessageData: data, Tags: tags, Source: source, TimeGenerated: new Date(), isHost: false };
    for (const iv of this.infoVariables) iv.push(new InformationRecord(data, tags, source, rec.TimeGenerated));
    const pref = (action ?? this.preference(f, 'informationpreference')).toLowerCase();
    if (pref === 'ignore') return;
    // SilentlyContinue still writes the record (6>&1 captures it); the host just doesn't show it.
    if (pref === 'silentlycontinue') rec.hidden = true;
    f.streams.information(rec);
  }

  writeHostText(f: Frame, text: string, options: { noNewline?: boolean; foregroundColor?: string; backgroundColor?: string }): void {
    f.streams.information({
      MessageData: text, Tags: ['PSHOST'], Source: 'Write-Host', TimeGenerated: new Date(), isHost: true,
      noNewline: options.noNewline, foregroundColor: options.foregroundColor, backgroundColor: options.backgroundColor,
    });
  }

  writeProgress(record: unknown): void {
    this.host.progress(record);
  }

  async shouldProcessAsk(caption: string, message: string): Promise<boolean> {
    if (!this.host.promptForChoice) return false;
    const choice = await this.host.promptForChoice(caption, message, [
      { label: '&Yes', help: 'Continue with only the next step of the operation.' },
      { label: 'Yes to &All', help: 'Continue with all the steps of the operation.' },
      { label: '&No', help: 'Skip this operation and proceed with the next operation.' },
      { label: 'No to A&ll', help: 'Skip this operation and all subsequent operations.' },
      { label: '&Suspend', help: 'Pause the current pipeline and return to the command prompt.' },
    ], 0);
    return choice === 0 || choice === 1;
  }

  shouldProcess(f: Frame, cmd: string, target: string, action: string, whatIf: boolean, impact: string, confirm: unknown): boolean | Promise<boolean> {
    const wi = whatIf || this.getVariableFrom(f, 'WhatIfPreference') === true;
    if (wi) {
      this.host.writeHost(`What if: Performing the operation "${action}" on target "${target}".`, {});
      return false;
    }
    const order = ['none', 'low', 'medium', 'high'];
    // -Confirm lowers the threshold to Low (so a ConfirmImpact of None still never asks), -Confirm:$false to None.
    const threshold = confirm === true ? 'low' : confirm === false ? 'none' : toStr(this.getVariableFrom(f, 'ConfirmPreference') ?? 'High').toLowerCase();
    const needConfirm = threshold !== 'none' && order.indexOf(impact.toLowerCase()) >= order.indexOf(threshold);
    if (!needConfirm) return true;
    if (!this.host.interactive || !this.host.promptForChoice) {
      throw runtimeError(`${cmd}: The operation "${action}" on target "${target}" requires confirmation, and no user is available to confirm. Use -Force or -Confirm:$false.`, 'ConfirmationRequired', { category: 'InvalidOperation' });
    }
    return this.shouldProcessAsk('Confirm', `Are you sure you want to perform this action?\nPerforming the operation "${action}" on target "${target}".`);
  }

  /** What asking the user fails with when the host can't prompt. */
  nonInteractiveError(): PSRuntimeError {
    return runtimeError('PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.', 'HostException', {
      category: 'ResourceUnavailable', exceptionType: 'System.Management.Automation.Host.HostException',
    });
  }

  // ---------------------------------------------------------------------------
  // Running script blocks

  /** Counts nested function/script calls, so runaway recursion is CallDepthOverflow rather than a JS stack overflow. */
  enterCall(): void {
    if (++this.callDepth > 1000) {
      this.callDepth = 0;
      throw runtimeError('The script failed due to call depth overflow.', 'CallDepthOverflow', { category: 'InvalidOperation', exceptionType: 'System.Management.Automation.ScriptCallDepthException' });
    }
  }

  leaveCall(): void {
    this.callDepth--;
  }

  pushSource(src: A.SourceFile): void {
    this.sourceStack.push(src);
  }
  popSource(): void {
    this.sourceStack.pop();
  }
  pushFrame(f: Frame): void {
    this.frameStack.push(f);
  }
  popFrame(): void {
    this.frameStack.pop();
  }

  /** `$MyInvocation` of a function, script block or script. `site` is where it was called from: Line, Statement,
   * ScriptName, ScriptLineNumber, OffsetInLine and PositionMessage describe that call. */
  makeMyInvocation(name: string, path: string | null, expectingInput: boolean, site: A.Extent | null = null, bound: unknown = null, unbound: unknown = null): unknown {
    // A script's command info (ExternalScriptInfo) is named by its file name; Path/Definition/Source are the full path.
    const commandName = path ? nodePath.basename(path) : name;
    const command = PSObject.fromEntries([['Name', commandName], ['CommandType', path ? 'ExternalScript' : 'Function'], ['Path', path ?? '']]);
    if (path) {
      command.setProperty('Definition', path);
      command.setProperty('Source', path);
    }
    // Typed as command info, so it converts to a string as its name.
    command.typeNames = [`System.Management.Automation.${path ? 'ExternalScriptInfo' : 'FunctionInfo'}`, 'System.Management.Automation.CommandInfo', 'System.Object'];
    const src = site ? this.currentSource : undefined;
    const at = site && src ? makeInvocationInfo(site, src, name) : null;
    const callerPath = at ? at.ScriptName : (path ?? '');
    const o = PSObject.fromEntries([
      ['MyCommand', command],
      ['BoundParameters', bound],
      ['UnboundArguments', unbound ?? []],
      ['ScriptLineNumber', at ? at.ScriptLineNumber : 0],
      ['OffsetInLine', at ? at.OffsetInLine : 0],
      ['ScriptName', callerPath],
      ['Line', at ? at.Line : ''],
      ['Statement', at && src ? src.text.slice(site!.start, site!.end) : ''],
      ['PositionMessage', at ? at.PositionMessage : ''],
      ['PSScriptRoot', callerPath ? nodePath.dirname(callerPath) : ''],
      ['PSCommandPath', callerPath],
      ['InvocationName', name],
      ['ExpectingInput', expectingInput],
    ]);
    o.typeNames = ['System.Management.Automation.InvocationInfo', 'System.Object'];
    if (at) Object.defineProperty(o, CALL_SITE, { value: at });
    return o;
  }

  /**
   * $ExecutionContext.InvokeCommand (CommandInvocationIntrinsics): ExpandString, InvokeScript, NewScriptBlock and
   * GetCommand, run in the caller's scope.
   */
  private commandIntrinsics(): PSObject {
    const o = PSObject.fromEntries([]);
    const method = (name: string, fn: (...args: unknown[]) => unknown) => o.addMember({ name, memberType: 'CodeMethod', value: (_self: unknown, ...args: unknown[]) => fn(...args.map((a) => (a instanceof PSObject && a.baseObject !== undefined ? a.baseObject : a))) });
    const single = (r: unknown): unknown => (isPromise(r) ? r.then(single) : Array.isArray(r) ? (r.length === 1 ? r[0] : r.length === 0 ? null : r) : r);
    // The text as the body of a double-quoted string: variables, subexpressions and escapes expand.
    method('ExpandString', (text) => single(this.invokeExpression(`"${toStr(text).replace(/["\u201C\u201D\u201E]/g, '$&$&')}"`)));
    method('InvokeScript', (text) => this.invokeExpression(toStr(text)));
    method('NewScriptBlock', (text) => {
      const parsed = parse(toStr(text), null);
      if (parsed.errors.length) throw this.parseErrorToRuntime(parsed.errors, parsed.ast.source, true);
      const sb = new ScriptBlock(parsed.ast);
      sb.session = this;
      return sb;
    });
    method('GetCommand', (name) => single(this.invokeExpression(`Get-Command -Name '${toStr(name).replace(/'/g, "''")}' -ErrorAction Ignore`)));
    return o;
  }

  setLastExitCode(code: number): void {
    setInScope(this.globalScope, 'lastexitcode', 'LASTEXITCODE', code);
  }

  /**
   * Ask the user for missing mandatory parameters as pwsh's console does; null when no user can answer (then the
   * caller reports MissingMandatoryParameter).
   */
  promptForMandatory(cmd: string, meta: CommandMetadata, missing: ParamMeta[]): Promise<Map<string, unknown>> | null {
    const host = this.host;
    if (!host.interactive || !host.readLine) return null;
    return (async () => {
      host.writeHost(`cmdlet ${cmd} at command pipeline position 1`, {});
      host.writeHost('Supply values for the following parameters:', {});
      const values = new Map<string, unknown>();
      for (const p of missing) {
        const isArray = /\[\]$/.test(p.typeName);
        if (isArray) {
          const items: string[] = [];
          for (let i = 0; ; i++) {
            const line = await host.readLine!(`${p.name}[${i}]: `);
            if (line === '') break;
            items.push(line);
          }
          values.set(p.name, bindPromptedValue(meta, p, items));
        } else {
          const line = await host.readLine!(`${p.name}: `);
          values.set(p.name, bindPromptedValue(meta, p, line));
        }
      }
      return values;
    })();
  }

  /** Set-StrictMode version (0 = off). Session-wide: pwsh scopes it, which scripts rarely rely on. */
  strictMode = 0;

  strictUndefined(name: string, extent: A.Extent): unknown {
    if (this.strictMode < 1) return null;
    const err = runtimeError(`The variable '$${name}' cannot be retrieved because it has not been set.`, 'VariableIsUndefined', {
      category: 'InvalidOperation', target: name,
    });
    this.attachPosition(err.errorRecord, extent);
    throw err;
  }

  checkAbort(): void {
    if (this.signal.aborted) throw new PipelineStoppedSignal();
    if (this.deadline !== null && monotonicMs() > this.deadline) throw this.restricted!.limitError('run time');
  }

  /**
   * Called on every loop iteration and pipeline item. Every 1024 calls, if 50 ms have passed, it returns a Promise
   * that lets the event loop run once, so Ctrl+C and embedding aborts can stop a busy synchronous loop.
   */
  tick(): Promise<void> | undefined {
    if ((++this.ticks & 1023) !== 0) return undefined;
    if (this.signal.aborted) throw new PipelineStoppedSignal();
    if (this.deadline !== null && monotonicMs() > this.deadline) throw this.restricted!.limitError('run time');
    if (this.syncDepth > 0) return undefined;
    const now = monotonicMs();
    if (now - this.lastYield < 50) return undefined;
    this.lastYield = now;
    return new Promise<void>((r) => setImmediate(r)).then(() => this.checkAbort());
  }

  /** Run a script block and collect its output: an array, or a Promise of it when a command in it went async. */
  invokeScriptBlockMaybe(sb: ScriptBlock, o: { dollarUnder?: unknown; args?: unknown[]; newScope?: boolean; frame: Frame; thisValue?: unknown }): unknown[] | Promise<unknown[]> {
    const items: unknown[] = [];
    const r = this.invokeScriptFromCmdlet(o.frame, sb, {
      dollarUnder: o.dollarUnder, args: o.args, newScope: o.newScope, output: (v) => void items.push(v),
      variables: o.thisValue !== undefined ? { this: o.thisValue } : undefined,
    });
    return isPromise(r) ? r.then(() => items) : items;
  }

  /** Run a script block and collect its output synchronously (the prompt function, hosts). */
  invokeScriptBlockSync(sb: ScriptBlock, o: { dollarUnder?: unknown; args?: unknown[]; newScope?: boolean; frame: Frame; thisValue?: unknown }): unknown[] {
    const items: unknown[] = [];
    this.syncDepth++;
    let r: unknown;
    try {
      r = this.invokeScriptFromCmdlet(o.frame, sb, {
        dollarUnder: o.dollarUnder, args: o.args, newScope: o.newScope, output: (v) => void items.push(v),
        variables: o.thisValue !== undefined ? { this: o.thisValue } : undefined,
      });
    } finally {
      this.syncDepth--;
    }
    if (isPromise(r)) throw runtimeError('This script block runs an asynchronous command and cannot be invoked here.', 'AsyncNotSupported', { category: 'NotImplemented' });
    return items;
  }

  /** ctx.invokeScript: ForEach-Object/Where-Object run script blocks in the caller's scope; `&`-style runs get a child scope. */
  invokeScriptFromCmdlet(
    f: Frame,
    sbValue: unknown,
    o: { dollarUnder?: unknown; args?: unknown[]; newScope?: boolean; output?: (v: unknown) => void | Promise<void>; variables?: Record<string, unknown> },
  ): any {
    if (!(sbValue instanceof ScriptBlock)) throw runtimeError('The argument is not a script block.', 'ArgumentTypeMismatch', { category: 'InvalidArgument' });
    const sb = sbValue;
    if (sb.moduleScope !== null) {
      const home = boundParentScope(sb.moduleScope as Scope, f.scope);
      if (home !== f.scope) f = f.child(home, f.out, f.streams, f.commandName);
    }
    const items: unknown[] | null = o.output ? null : [];
    const out: Sink = o.output ? (o.output as Sink) : (v) => void items!.push(v);
    const c = (sb.compiled as CompiledScript | null) ?? (sb.compiled = compileScript(sb));
    // Arguments for a script block with a param block are bound as for a call (script methods, delegates), so that
    // needs the new-scope path.
    if (!o.newScope && !(o.args !== undefined && c.parameters.length > 0)) {
      const block = c.process ?? c.end;
      if (!block) return items ?? undefined;
      const scope = f.scope;
      if (o.args === undefined && o.variables === undefined) return this.runInScope(f, sb, block, o.dollarUnder, out, items);
      const saved: [string, PSVariable | undefined][] = [];
      const set = (key: string, name: string, value: unknown) => {
        saved.push([key, scope.vars.get(key)]);
        scope.vars.set(key, new PSVariable(name, value));
      };
      if (o.dollarUnder !== undefined) set('_', '_', o.dollarUnder);
      if (o.args) set('args', 'args', o.args);
      if (o.variables) for (const [k, v] of Object.entries(o.variables)) set(k.toLowerCase(), k, v);
      const frame = f.child(scope, out, f.streams, f.commandName);
      const src = sb.ast.source;
      this.sourceStack.push(src);
      const restore = () => {
        this.sourceStack.pop();
        for (let i = saved.length - 1; i >= 0; i--) {
          const [k, v] = saved[i];
          if (v) scope.vars.set(k, v);
          else scope.vars.delete(k);
        }
      };
      return runRestoring(block, frame, restore, items);
    }
    const args = (o.args ?? []).map((v) => ({ name: null, value: v, hasValue: true }));
    const proc = new ScriptProcessor(sb, args, f, f.streams, { name: '', dotSource: false, isScriptFile: false });
    const inner = proc as ScriptProcessor & { begin(): void | Promise<void> };
    const setup = o.variables || o.dollarUnder !== undefined ? o : null;
    if (setup) {
      const origBegin = inner.begin.bind(inner);
      inner.begin = () => {
        const r = origBegin();
        const scope = (inner as unknown as { frame: Frame }).frame.scope;
        if (o.dollarUnder !== undefined) setInScope(scope, '_', '_', o.dollarUnder);
        if (o.variables) for (const [k, v] of Object.entries(o.variables)) setInScope(scope, k.toLowerCase(), k, v);
        return r;
      };
    }
    const r = runPipeline([proc], null, out);
    if (isPromise(r)) return r.then(() => items ?? undefined);
    return items ?? undefined;
  }

  /**
   * The per-item path of ForEach-Object / Where-Object: run `block` in the caller's scope with `$_` set. The `$_`
   * variable object is reused and its old value restored, so nothing is allocated per item but the frame.
   */
  private runInScope(f: Frame, sb: ScriptBlock, block: Exec, dollarUnder: unknown, out: Sink, items: unknown[] | null): unknown {
    const scope = f.scope;
    let under = scope.vars.get('_');
    let previous: unknown = null;
    if (dollarUnder !== undefined) {
      if (under === undefined || under.typeConstraint !== null || under.options !== 0) {
        under = new PSVariable('_', dollarUnder);
        scope.vars.set('_', under);
      } else {
        previous = under.value;
        under.value = dollarUnder;
      }
    }
    const frame = f.child(scope, out, f.streams, f.commandName);
    this.sourceStack.push(sb.ast.source);
    const restore = () => {
      this.sourceStack.pop();
      if (dollarUnder !== undefined) under!.value = previous;
    };
    return runRestoring(block, frame, restore, items);
  }

  /** Invoke-Expression: parse and run in the caller's scope. Errors escaping it, parse errors too, name it in their id. */
  invokeExpression(text: string, output?: (v: unknown) => void | Promise<void>): any {
    const f = this.currentFrame();
    const parsed = parse(text, null);
    if (parsed.errors.length) invokeExpressionFailed(this.parseErrorToRuntime(parsed.errors, parsed.ast.source, true));
    const preload = this.preloadCommandsFor(text);
    if (preload) return preload.then(() => this.runExpression(f, parsed.ast, output));
    return this.runExpression(f, parsed.ast, output);
  }

  private runExpression(f: Frame, ast: A.ScriptBlockAst, output?: (v: unknown) => void | Promise<void>): any {
    const sb = new ScriptBlock(ast);
    sb.session = this;
    try {
      const r = this.invokeScriptFromCmdlet(f, sb, { newScope: false, output });
      return isPromise(r) ? r.catch(invokeExpressionFailed) : r;
    } catch (e) {
      invokeExpressionFailed(e);
    }
  }

  writeRedirectionFile(path: string, items: unknown[], append: boolean): void {
    const text = items.length ? this.host.formatForFile(items) : '';
    writeFileAtomic(path, text, append);
  }
}

/** Rethrows an error escaping Invoke-Expression with the command's name in its id, as pwsh does. */
function invokeExpressionFailed(e: unknown): never {
  if (e instanceof PSRuntimeError && !e.errorRecord.FullyQualifiedErrorId.includes(',')) {
    e.errorRecord.FullyQualifiedErrorId += ',Microsoft.PowerShell.Commands.InvokeExpressionCommand';
  }
  throw e;
}

/**
 * Run a script block's body in `frame`, then `restore` what was set up for it, also when it fails; `return` just ends
 * the block. Gives the collected items (or undefined when output was streamed).
 */
function runRestoring(block: Exec, frame: Frame, restore: () => void, items: unknown[] | null): unknown {
  const done = () => items ?? undefined;
  let r: void | Promise<void>;
  try {
    r = block(frame);
  } catch (e) {
    restore();
    if (e instanceof ReturnSignal) return done();
    throw e;
  }
  if (!isPromise(r)) {
    restore();
    return done();
  }
  return r.then(
    () => {
      restore();
      return done();
    },
    (e) => {
      restore();
      if (e instanceof ReturnSignal) return done();
      throw e;
    },
  );
}

/** ScopedItemOptions flags as their enum text: `None`, `ReadOnly, AllScope`... */
function optionsText(flags: number): string {
  const opts: string[] = [];
  if (flags & VarOptions.ReadOnly) opts.push('ReadOnly');
  if (flags & VarOptions.Constant) opts.push('Constant');
  if (flags & VarOptions.Private) opts.push('Private');
  if (flags & VarOptions.AllScope) opts.push('AllScope');
  return opts.length ? opts.join(', ') : 'None';
}

function parseOptions(s: string): number {
  let o = 0;
  for (const part of s.split(/[,\s]+/)) {
    switch (part.toLowerCase()) {
      case 'readonly': o |= VarOptions.ReadOnly; break;
      case 'constant': o |= VarOptions.Constant; break;
      case 'private': o |= VarOptions.Private; break;
      case 'allscope': o |= VarOptions.AllScope; break;
    }
  }
  return o;
}

import { writeFileSync, renameSync, appendFileSync } from 'node:fs';
/** Write via a temporary file and rename, so a failure never leaves a half-written file. */
export function writeFileAtomic(path: string, text: string, append: boolean): void {
  if (append) {
    appendFileSync(path, text);
    return;
  }
  const tmp = `${path}.awsh-${process.pid}-${Date.now()}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** The exception -ErrorAction Stop raises to .NET callers: it carries the error record that stopped the command. */
function actionPreferenceStop(rec: ErrorRecord): PSException {
  const ex = new PSException(
    `The running command stopped because the preference variable "ErrorActionPreference" or common parameter is set to Stop: ${rec.Exception.Message}`,
    'System.Management.Automation.ActionPreferenceStopException',
  );
  ex.ErrorRecord = rec;
  return ex;
}

/** Errors escaping Invoke-Expression (parse errors included) name it in their id, as pwsh does. */
