// The hosting API test suites use: [powershell]::Create() (AddScript/AddCommand/AddParameter/AddArgument/Invoke,
// Streams.Error, HadErrors), [scriptblock]::Create and [System.Management.Automation.Language.Parser]::ParseInput.
import { readFileSync } from 'node:fs';
import type * as A from '../../parser/ast.js';
import { parse, tokenize } from '../../parser/index.js';
import { positionOf } from '../../parser/extent.js';
import { ErrorRecord, PSException, PSRuntimeError } from '../../runtime/errors.js';
import { PSType, TYPE_NAME, PSReference, typeByFullName, resolveType, NO_CONVERSION } from '../../runtime/types/index.js';
import { defineType } from '../../runtime/types/ps-type.js';
import { ScriptBlock, invokeScriptBlock } from '../../runtime/interpreter/scriptblock.js';
import { Scope } from '../../runtime/interpreter/scope.js';
import { Frame, DebugRecord, VerboseRecord, WarningRecord, type Streams } from '../../runtime/interpreter/frame.js';
import { ScriptProcessor } from '../../runtime/interpreter/script-processor.js';
import { CmdletProcessor } from '../../runtime/interpreter/cmdlet-processor.js';
import { runPipeline, type Processor } from '../../runtime/interpreter/pipeline.js';
import type { CallArg } from '../../runtime/interpreter/binder.js';
import { Session } from '../../runtime/interpreter/session.js';
import { toBool, toStr } from '../../runtime/values/convert.js';
import { PSHashtable, PSObject } from '../../runtime/values/objects.js';
import { runtimeError } from '../../runtime/errors.js';
import { psParserTokenize } from './ps-parser.js';
import { methodInvocationError, scriptInvocationError } from '../../runtime/types/method-errors.js';
import { setScriptBlockAstView } from '../../runtime/types/members.js';

const LANG = 'System.Management.Automation.Language';

// ---------------------------------------------------------------------------------------------
// AST objects as scripts see them

const AST_CLASS: Record<string, string> = {
  ScriptBlock: 'ScriptBlockAst', NamedBlock: 'NamedBlockAst', ParamBlock: 'ParamBlockAst', Parameter: 'ParameterAst', Attribute: 'AttributeAst',
  TypeConstraint: 'TypeConstraintAst', Pipeline: 'PipelineAst', PipelineChain: 'PipelineChainAst', Command: 'CommandAst',
  CommandParameter: 'CommandParameterAst', CommandExpression: 'CommandExpressionAst', FileRedirection: 'FileRedirectionAst',
  MergingRedirection: 'MergingRedirectionAst', AssignmentStatement: 'AssignmentStatementAst', StatementBlock: 'StatementBlockAst',
  IfStatement: 'IfStatementAst', SwitchStatement: 'SwitchStatementAst', ForEachStatement: 'ForEachStatementAst', ForStatement: 'ForStatementAst',
  WhileStatement: 'WhileStatementAst', DoWhileStatement: 'DoWhileStatementAst', DoUntilStatement: 'DoUntilStatementAst',
  FunctionDefinition: 'FunctionDefinitionAst', ReturnStatement: 'ReturnStatementAst', ExitStatement: 'ExitStatementAst',
  ThrowStatement: 'ThrowStatementAst', BreakStatement: 'BreakStatementAst', ContinueStatement: 'ContinueStatementAst',
  TryStatement: 'TryStatementAst', TrapStatement: 'TrapStatementAst', BlockStatement: 'BlockStatementAst', DataStatement: 'DataStatementAst',
  Constant: 'ConstantExpressionAst', StringConstant: 'StringConstantExpressionAst', ExpandableString: 'ExpandableStringExpressionAst',
  Variable: 'VariableExpressionAst', BinaryExpression: 'BinaryExpressionAst', UnaryExpression: 'UnaryExpressionAst',
  TernaryExpression: 'TernaryExpressionAst', ConvertExpression: 'ConvertExpressionAst', TypeExpression: 'TypeExpressionAst',
  MemberExpression: 'MemberExpressionAst', InvokeMemberExpression: 'InvokeMemberExpressionAst', IndexExpression: 'IndexExpressionAst',
  ArrayLiteral: 'ArrayLiteralAst', ArrayExpression: 'ArrayExpressionAst', SubExpression: 'SubExpressionAst', ParenExpression: 'ParenExpressionAst',
  Hashtable: 'HashtableAst', ScriptBlockExpression: 'ScriptBlockExpressionAst', AttributedExpression: 'AttributedExpressionAst',
  UsingExpression: 'UsingExpressionAst',
};
const BASES: Record<string, string> = {
  Pipeline: 'PipelineBaseAst', PipelineChain: 'PipelineBaseAst', AssignmentStatement: 'StatementAst', CommandExpression: 'CommandBaseAst', Command: 'CommandBaseAst',
  Constant: 'ExpressionAst', StringConstant: 'ConstantExpressionAst', ExpandableString: 'ExpressionAst', Variable: 'ExpressionAst',
  BinaryExpression: 'ExpressionAst', UnaryExpression: 'ExpressionAst', ConvertExpression: 'AttributedExpressionAst', TypeExpression: 'ExpressionAst',
  MemberExpression: 'ExpressionAst', InvokeMemberExpression: 'MemberExpressionAst', IndexExpression: 'ExpressionAst', ArrayLiteral: 'ExpressionAst',
  ArrayExpression: 'ExpressionAst', SubExpression: 'ExpressionAst', ParenExpression: 'ExpressionAst', Hashtable: 'ExpressionAst',
  ScriptBlockExpression: 'ExpressionAst', AttributedExpression: 'ExpressionAst', TernaryExpression: 'ExpressionAst', UsingExpression: 'ExpressionAst',
};

const AST_NODE = Symbol('awsh.astNode');
const AST_CHILDREN = Symbol('awsh.astChildren');

interface AstView {
  [AST_NODE]: { kind: string };
  [AST_CHILDREN]: AstView[];
  Parent: AstView | null;
}

type AstNode = { kind: string } & A.Extent;

function isAstNode(v: unknown): v is AstNode {
  return !!v && typeof v === 'object' && typeof (v as { kind?: unknown }).kind === 'string' && typeof (v as { start?: unknown }).start === 'number';
}

/** Offsets and positions live on the view's Extent, not as properties of their own. */
const POSITION_KEYS = new Set(['kind', 'start', 'end', 'operatorStart', 'operatorEnd', 'source', 'extent']);

function extentView(e: A.Extent, source: A.SourceFile): Record<string, unknown> {
  const p = positionOf(e, source);
  const o = {
    File: source.path, StartOffset: e.start, EndOffset: e.end, StartLineNumber: p.line, StartColumnNumber: p.column, EndLineNumber: p.endLine,
    EndColumnNumber: p.endColumn, Text: source.text.slice(e.start, e.end),
  };
  Object.defineProperty(o, TYPE_NAME, { value: `${LANG}.InternalScriptExtent` });
  Object.defineProperty(o, 'toString', { value: () => o.Text });
  // IScriptPosition views of the two ends, computed when asked for.
  Object.defineProperty(o, 'StartScriptPosition', { enumerable: false, get: () => scriptPositionView(source, e.start, p.line, p.column) });
  Object.defineProperty(o, 'EndScriptPosition', { enumerable: false, get: () => scriptPositionView(source, e.end, p.endLine, p.endColumn) });
  return o;
}

/** System.Management.Automation.Language.InternalScriptPosition: one point of a script, with the text of its line. */
function scriptPositionView(source: A.SourceFile, offset: number, line: number, column: number): Record<string, unknown> {
  const text = source.text;
  const lineStart = offset - (column - 1);
  let lineEnd = lineStart;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const o = { File: source.path, LineNumber: line, ColumnNumber: column, Offset: offset, Line: text.slice(lineStart, lineEnd) };
  Object.defineProperty(o, TYPE_NAME, { value: `${LANG}.InternalScriptPosition` });
  return o;
}

function pascal(k: string): string {
  return k.charAt(0).toUpperCase() + k.slice(1);
}

/** A script-visible view of an AST node: PascalCase properties, Extent, Parent, Find/FindAll. */
export function astView(node: AstNode, source: A.SourceFile, parent: AstView | null = null): AstView {
  const view: Record<string | symbol, unknown> = {};
  const children: AstView[] = [];
  Object.defineProperty(view, AST_NODE, { value: node });
  Object.defineProperty(view, AST_CHILDREN, { value: children });
  Object.defineProperty(view, TYPE_NAME, { value: `${LANG}.${AST_CLASS[node.kind] ?? 'Ast'}` });
  view.Extent = extentView(node, source);
  view.Parent = parent;
  const conv = (v: unknown): unknown => {
    if (isAstNode(v)) {
      const c = astView(v, source, view as unknown as AstView);
      children.push(c);
      return c;
    }
    if (Array.isArray(v)) return v.map(conv);
    if (v && typeof v === 'object' && !(v as { kind?: unknown }).kind && Object.getPrototypeOf(v) === Object.prototype) {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (!POSITION_KEYS.has(k)) o[pascal(k)] = conv(x);
      return o;
    }
    return v;
  };
  for (const [k, v] of Object.entries(node)) {
    if (POSITION_KEYS.has(k)) continue;
    view[pascal(k)] = conv(v);
  }
  if (node.kind === 'ScriptBlock') {
    view.ScriptRequirements = null;
  }
  if (node.kind === 'Parameter') {
    // pwsh's ParameterAst.Name is the parameter's VariableExpressionAst (`$p`), not a string.
    const name = parameterVariable(node as unknown as A.ParameterAst, source.text);
    const v = astView(name as unknown as AstNode, source, view as unknown as AstView);
    children.push(v);
    view.Name = v;
  }
  if (node.kind === 'Variable') {
    const v = node as unknown as A.VariableExpressionAst;
    const userPath = v.scope ? `${v.scope}:${v.name}` : v.name;
    const path = {
      UserPath: userPath, IsGlobal: v.scope === 'global', IsScript: v.scope === 'script', IsLocal: v.scope === 'local',
      IsPrivate: v.scope === 'private', IsUnqualified: v.scope === null, DriveName: v.scope && !SCOPE_NAMES.has(v.scope) ? v.scope : null,
    };
    Object.defineProperty(path, 'toString', { value: () => userPath });
    view.VariablePath = path;
  }
  if (node.kind === 'Command') {
    const cmd = node as unknown as A.CommandAst;
    const head = cmd.commandElements[0];
    view.GetCommandName = () => (head && head.kind === 'StringConstant' ? head.value : null);
    view.CommandElements = view.CommandElements ?? [];
  }
  const text = source.text.slice(node.start, node.end);
  const find = (predicate: unknown, nested: unknown, all: boolean): AstView[] => {
    const found: AstView[] = [];
    const searchNested = nested === undefined ? true : toBool(nested);
    const visit = (v: AstView, isRoot: boolean) => {
      const n = v[AST_NODE];
      if (!isRoot && !searchNested && n.kind === 'ScriptBlockExpression') return;
      if (test(predicate, v)) {
        found.push(v);
        if (!all) return;
      }
      for (const c of v[AST_CHILDREN]) {
        if (!all && found.length) return;
        visit(c, false);
      }
    };
    visit(view as unknown as AstView, true);
    return found;
  };
  view.FindAll = (predicate: unknown, nested?: unknown) => find(predicate, nested, true);
  view.Find = (predicate: unknown, nested?: unknown) => find(predicate, nested, false)[0] ?? null;
  view.ToString = () => text;
  Object.defineProperty(view, 'toString', { value: () => text });
  return view as unknown as AstView;
}

const SCOPE_NAMES = new Set(['global', 'script', 'local', 'private', 'using', 'workflow']);

/** The `$name` of a parameter as a variable node: it follows the parameter's attributes in the source. */
function parameterVariable(p: A.ParameterAst, text: string): A.VariableExpressionAst {
  const from = p.attributes.length ? p.attributes[p.attributes.length - 1]!.end : p.start;
  const start = text.indexOf('$', from);
  let end = start + 1;
  if (text.charCodeAt(end) === 123) end = text.indexOf('}', end) + 1;
  else while (end < p.end && /[\w:?]/.test(text[end]!)) end++;
  return { kind: 'Variable', name: p.name, scope: null, splatted: false, start, end } as A.VariableExpressionAst;
}

function test(predicate: unknown, v: AstView): boolean {
  if (predicate instanceof ScriptBlock) {
    const out = invokeScriptBlock(predicate, { args: [v] });
    return out.length === 1 ? toBool(out[0]) : out.length > 1;
  }
  if (typeof predicate === 'function') return toBool((predicate as (x: unknown) => unknown)(v));
  return false;
}

function parseErrorView(e: A.ParseErrorInfo, source: A.SourceFile): Record<string, unknown> {
  const o = { ErrorId: e.errorId, Message: e.message, Extent: extentView(e.extent, source), IncompleteInput: e.incompleteInput };
  Object.defineProperty(o, TYPE_NAME, { value: `${LANG}.ParseError` });
  Object.defineProperty(o, 'toString', { value: () => e.message });
  return o;
}

function tokenViews(text: string): Record<string, unknown>[] {
  const source: A.SourceFile = { text, path: null };
  return tokenize(text).map((t) => {
    const o = { Kind: t.kind, Text: t.text, Extent: extentView(t.extent, source), TokenFlags: 'None', HasError: false };
    Object.defineProperty(o, TYPE_NAME, { value: `${LANG}.Token` });
    Object.defineProperty(o, 'toString', { value: () => t.text });
    return o;
  });
}

function setRef(ref: unknown, value: unknown): void {
  if (ref instanceof PSReference) ref.Value = value;
}

function parseInput(args: unknown[], path: string | null): unknown {
  const text = toStr(args[0] ?? '');
  const r = parse(text, path);
  const source = r.ast.source;
  const fileIdx = path ? 1 : 0;
  void fileIdx;
  setRef(args[args.length - 2], tokenViews(text));
  setRef(args[args.length - 1], r.errors.map((e) => parseErrorView(e, source)));
  return astView(r.ast, source);
}

// ---------------------------------------------------------------------------------------------
// [powershell]::Create()

interface PendingCommand {
  kind: 'script' | 'command';
  text: string;
  args: CallArg[];
}

class PowerShellShim {
  private statements: PendingCommand[][] = [[]];
  readonly Streams: Record<string, unknown>;
  HadErrors = false;
  readonly Commands: Record<string, unknown>;
  private readonly errors: ErrorRecord[] = [];
  private scope: Scope;
  private runspace: RunspaceShim | null = null;
  /** InvocationStateInfo.State: NotStarted, Completed or Failed (Reason: the exception). */
  readonly InvocationStateInfo: { State: string; Reason: unknown } = { State: 'NotStarted', Reason: null };

  constructor(private readonly session: Session) {
    const errs = this.errors;
    const warnings: unknown[] = [];
    const verbose: unknown[] = [];
    const information: unknown[] = [];
    const debug: unknown[] = [];
    this.Streams = { Error: errs, Warning: warnings, Verbose: verbose, Information: information, Debug: debug, Progress: [] };
    this.Streams.ClearStreams = () => {
      errs.length = 0;
      warnings.length = 0;
      verbose.length = 0;
      information.length = 0;
      debug.length = 0;
    };
    const self = this;
    this.Commands = {
      Clear: () => {
        self.statements = [[]];
      },
      get Commands() {
        return self.statements.flat().map((c) => ({ CommandText: c.text, Parameters: c.args }));
      },
    };
    this.scope = new Scope(session.globalScope, true);
    Object.defineProperty(this, TYPE_NAME, { value: 'System.Management.Automation.PowerShell' });
    // The types layer calls own function properties of plain objects as methods.
    const self2 = this as unknown as Record<string, unknown>;
    for (const name of ['AddScript', 'AddCommand', 'AddParameter', 'AddParameters', 'AddArgument', 'AddStatement', 'Dispose', 'Stop', 'Invoke', 'BeginInvoke', 'EndInvoke']) {
      const fn = (PowerShellShim.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[name];
      self2[name] = (...a: unknown[]) => fn.apply(this, a);
    }
  }

  /** Commands added to an instance share state with the other instances that use the same runspace. */
  get Runspace(): RunspaceShim | null {
    return this.runspace;
  }
  set Runspace(rs: unknown) {
    this.runspace = rs instanceof RunspaceShim ? rs : null;
    this.scope = this.runspace ? this.runspace.scope : new Scope(this.session.globalScope, true);
  }
  get RunspacePool(): RunspaceShim | null {
    return this.runspace;
  }
  set RunspacePool(rs: unknown) {
    this.Runspace = rs;
  }

  private last(): PendingCommand {
    const cur = this.statements[this.statements.length - 1];
    const c = cur[cur.length - 1];
    if (!c) throw runtimeError('A command is required to add a parameter. A command must be added to the PowerShell instance before adding a parameter.', 'InvalidOperation', { category: 'InvalidOperation', exceptionType: 'System.InvalidOperationException' });
    return c;
  }

  AddScript(script: unknown): this {
    this.statements[this.statements.length - 1].push({ kind: 'script', text: toStr(script), args: [] });
    return this;
  }
  AddCommand(name: unknown): this {
    this.statements[this.statements.length - 1].push({ kind: 'command', text: toStr(name), args: [] });
    return this;
  }
  AddParameter(name: unknown, ...rest: unknown[]): this {
    this.last().args.push({ name: toStr(name), value: rest.length ? (rest[0] ?? null) : true, hasValue: true, text: `-${toStr(name)}:` });
    return this;
  }
  AddParameters(params: unknown): this {
    if (params instanceof PSHashtable) for (const [k, v] of params.map.values()) this.AddParameter(k, v);
    else if (Array.isArray(params)) for (const v of params) this.AddArgument(v);
    return this;
  }
  AddArgument(value: unknown): this {
    this.last().args.push({ name: null, value: value ?? null, hasValue: true });
    return this;
  }
  AddStatement(): this {
    this.statements.push([]);
    return this;
  }
  Dispose(): void {
    this.statements = [[]];
  }
  Stop(): void {}

  /** Runs at once (awsh has no background threads); EndInvoke gives the output or throws what the run threw. */
  BeginInvoke(input?: unknown): AsyncResult {
    try {
      return new AsyncResult(this.run(input, 'EndInvoke', 1), null);
    } catch (e) {
      return new AsyncResult([], e);
    }
  }

  EndInvoke(result: unknown): unknown[] | Promise<unknown[]> {
    if (!(result instanceof AsyncResult)) throw runtimeError('The IAsyncResult object provided does not match this PowerShell instance.', 'PSArgumentException', { category: 'InvalidArgument', exceptionType: 'System.ArgumentException' });
    if (result.failure !== null) throw result.failure;
    return result.output;
  }

  Invoke(input?: unknown): unknown[] | Promise<unknown[]> {
    return this.run(input, 'Invoke', input === undefined ? 0 : 1);
  }

  private run(input: unknown, method: string, argCount: number): unknown[] | Promise<unknown[]> {
    const out: unknown[] = [];
    const errors = this.errors;
    const host = this.session.host;
    const streams: Streams = {
      error: (r) => {
        errors.push(r);
        this.HadErrors = true;
      },
      // The streams hold records (`.Message`), as pwsh's PSDataCollection<WarningRecord> etc. do.
      warning: (m) => (this.Streams.Warning as unknown[]).push(new WarningRecord(m)),
      verbose: (m) => (this.Streams.Verbose as unknown[]).push(new VerboseRecord(m)),
      debug: (m) => (this.Streams.Debug as unknown[]).push(new DebugRecord(m)),
      information: (r) => {
        if (r.isHost) host.writeHost(toStr(r.MessageData), { noNewline: r.noNewline });
        else (this.Streams.Information as unknown[]).push(r.MessageData);
      },
    };
    const frame = new Frame(this.scope, (v) => void out.push(v), streams, this.session, null);
    this.HadErrors = false;
    // The instance runs like its own runspace: the caller's try blocks don't cover it.
    const savedTryDepth = this.session.tryDepth;
    this.session.tryDepth = 0;
    const fail = (e: unknown): never => {
      this.HadErrors = true;
      this.InvocationStateInfo.State = 'Failed';
      this.InvocationStateInfo.Reason = e;
      throw scriptInvocationError(method, argCount, e);
    };
    const restore = (): void => {
      this.session.tryDepth = savedTryDepth;
    };
    const source = input === undefined || input === null ? null : Array.isArray(input) ? input : [input];
    const statements = this.statements.filter((s) => s.length > 0);
    // Statements run in order; one that goes async (a cmdlet that awaits, a script file) makes the rest, and so
    // Invoke's value, async too: method calls settle a Promise like any other value.
    const runFrom = (i: number): unknown[] | Promise<unknown[]> => {
      for (; i < statements.length; i++) {
        const procs: Processor[] = statements[i]!.map((c) => this.processor(c, frame, streams));
        const r = runPipeline(procs, source, (v) => void out.push(v));
        if (r instanceof Promise) {
          const next = i + 1;
          return r.then(() => runFrom(next), fail);
        }
      }
      return out;
    };
    let result: unknown[] | Promise<unknown[]>;
    try {
      result = runFrom(0);
    } catch (e) {
      restore();
      return fail(e);
    }
    const completed = (output: unknown[]): unknown[] => {
      this.InvocationStateInfo.State = 'Completed';
      return output;
    };
    if (result instanceof Promise) return result.then(completed).finally(restore);
    restore();
    return completed(result);
  }

  private processor(c: PendingCommand, frame: Frame, streams: Streams): Processor {
    if (c.kind === 'script') {
      const r = parse(c.text, null);
      if (r.errors.length) {
        // Invoke() throws ParseException; scriptInvocationError wraps it as the MethodInvocationException the script catches
        // (id ParseException), whose InnerException carries the parse error's own record.
        throw this.session.parseErrorToRuntime(r.errors, r.ast.source, true);
      }
      const sb = new ScriptBlock(r.ast);
      sb.session = this.session;
      // AddScript runs in the runspace's own scope (useLocalScope off): what it defines stays for later commands.
      return new ScriptProcessor(sb, c.args, frame, streams, { name: '', dotSource: true, isScriptFile: false });
    }
    const resolved = this.session.resolveCommandForInvocation(frame, c.text);
    if (resolved.kind === 'cmdlet') return new CmdletProcessor(resolved.decl, c.args, frame, streams);
    if (resolved.kind === 'function' || resolved.kind === 'script') {
      return new ScriptProcessor(resolved.scriptBlock, c.args, frame, streams, { name: c.text, dotSource: false, isScriptFile: resolved.kind === 'script' });
    }
    throw this.session.commandNotFound(c.text);
  }
}

/** BeginInvoke's IAsyncResult: the run is already over. */
class AsyncResult {
  readonly IsCompleted = true;
  readonly CompletedSynchronously = true;
  constructor(
    readonly output: unknown[] | Promise<unknown[]>,
    readonly failure: unknown,
  ) {
    Object.defineProperty(this, TYPE_NAME, { value: 'System.Management.Automation.PowerShellAsyncResult' });
  }
}

/**
 * [runspacefactory]::CreateRunspace() / CreateRunspacePool(): the state PowerShell instances given this runspace
 * share. awsh runs them in the same process, in a scope of their own under the global scope.
 */
class RunspaceShim {
  readonly scope: Scope;
  readonly RunspaceStateInfo = { State: 'BeforeOpen', Reason: null };
  constructor(session: Session, typeName: string) {
    this.scope = new Scope(session.globalScope, true);
    Object.defineProperty(this, TYPE_NAME, { value: typeName });
    const self = this as unknown as Record<string, unknown>;
    const open = () => void (this.RunspaceStateInfo.State = 'Opened');
    const close = () => void (this.RunspaceStateInfo.State = 'Closed');
    Object.assign(self, { Open: open, OpenAsync: open, Close: close, CloseAsync: close, Dispose: close, SetMinRunspaces: () => true, SetMaxRunspaces: () => true });
  }
}

// ---------------------------------------------------------------------------------------------
// Registration

let installed = false;

let hostingSession: Session | null = null;

/** Remember the session Pester commands run in: the hosting types bind to it. */
export function noteSession(session: Session): void {
  hostingSession = session;
}

/** The session running script code now (else the one Pester last ran in). */
function currentSession(): Session {
  const found = Session.current ?? hostingSession;
  if (!found) throw runtimeError('No session is available.', 'InvalidOperation', { category: 'InvalidOperation' });
  return found;
}

/** Installs the hosting types; `session` is the one [powershell]::Create() and [scriptblock]::Create bind to. */
export function installHostingTypes(): void {
  if (installed) return;
  installed = true;
  // One view per AST, as pwsh's ScriptBlock.Ast is one object: built once (it converts the whole tree), and
  // `$sb.Ast -eq $sb.Ast` holds.
  const views = new WeakMap<object, AstView>();
  setScriptBlockAstView((sb) => {
    // A function's script block shows its whole `function` statement (pwsh's FunctionDefinitionAst).
    const node = (sb.definitionAst ?? sb.ast) as object;
    let v = views.get(node);
    if (!v) views.set(node, (v = astView(node as unknown as AstNode, sb.ast.source)));
    return v;
  });
  defineType({
    fullName: 'System.Management.Automation.PowerShell',
    accelerators: ['powershell'],
    isInstance: (v) => v instanceof PowerShellShim,
    staticMethods: { create: () => new PowerShellShim(currentSession()) },
  });
  defineType({
    fullName: 'System.Management.Automation.Runspaces.RunspaceFactory',
    accelerators: ['runspacefactory'],
    staticMethods: {
      createrunspace: () => new RunspaceShim(currentSession(), 'System.Management.Automation.Runspaces.LocalRunspace'),
      createrunspacepool: () => new RunspaceShim(currentSession(), 'System.Management.Automation.Runspaces.RunspacePool'),
    },
  });
  defineType({
    fullName: 'System.Management.Automation.Runspaces.Runspace',
    isInstance: (v) => v instanceof RunspaceShim,
  });
  const sbType = typeByFullName('System.Management.Automation.ScriptBlock') ?? resolveType('scriptblock');
  if (sbType) {
    const def = sbType.def;
    def.staticMethods = {
      ...(def.staticMethods ?? {}),
      create: (args) => {
        const r = parse(toStr(args[0] ?? ''), null);
        // A .NET method: its ParseException reaches the script inside a MethodInvocationException.
        if (r.errors.length) throw methodInvocationError('Create', args.length, currentSession().parseErrorToRuntime(r.errors, r.ast.source));
        const sb = new ScriptBlock(r.ast);
        sb.session = currentSession();
        return sb;
      },
    };
  }
  defineType({
    fullName: `${LANG}.Parser`,
    staticMethods: {
      parseinput: (args) => parseInput(args, null),
      parsefile: (args) => {
        const path = toStr(args[0]);
        let text: string;
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          text = '';
        }
        return parseInput([text, ...args.slice(1)], path);
      },
    },
  });
  defineType({ fullName: 'System.Management.Automation.PSParser', staticMethods: { tokenize: (args) => psParserTokenize(args) } });
  const astIs = (cls: string) => (v: unknown) => {
    const n = (v as Partial<AstView> | null)?.[AST_NODE];
    if (!n) return false;
    if (cls === 'Ast') return true;
    let kind: string | undefined = n.kind;
    if (AST_CLASS[kind] === cls) return true;
    for (let guard = 0; kind && guard < 5; guard++) {
      const base: string | undefined = BASES[kind];
      if (base === cls) return true;
      kind = Object.keys(AST_CLASS).find((k): boolean => AST_CLASS[k] === base) as string | undefined;
    }
    if (cls === 'StatementAst') return /Statement|Pipeline|FunctionDefinition/.test(n.kind);
    if (cls === 'ExpressionAst') return !!BASES[n.kind];
    return false;
  };
  for (const cls of new Set(['Ast', 'StatementAst', 'ExpressionAst', 'PipelineBaseAst', 'CommandBaseAst', ...Object.values(AST_CLASS)])) {
    defineType({ fullName: `${LANG}.${cls}`, isInstance: astIs(cls) });
  }
  void PSType;
}

