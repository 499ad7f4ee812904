// Script modules: Import-Module of .psm1 / .psd1 / .ps1 files and module names on $env:PSModulePath.
// A module runs in its own script scope under the global scope; the functions it exports are imported into the
// global scope but keep the module scope as their parent, so `$script:` and private helpers resolve inside it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { homedir } from 'node:os';
import { PSObject, PSHashtable } from '../values/objects.js';
import { toStr } from '../values/convert.js';
import { runtimeError } from '../errors.js';
import { Scope, type FunctionInfo } from './scope.js';
import { Frame, type Streams } from './frame.js';
import { ScriptBlock } from './scriptblock.js';
import { ScriptProcessor } from './script-processor.js';
import { runPipeline } from './pipeline.js';
import { compileExpr } from './compile-expr.js';
import { setInScope } from './variables.js';
import { isPromise } from './flow.js';
import type { Session } from './session.js';
import type * as A from '../../parser/ast.js';
import { isBuiltInModule } from './built-in-modules.js';

export interface ModuleRecord {
  name: string;
  path: string;
  scope: Scope;
  /** Names exported with Export-ModuleMember (null: not called, so every function is exported). */
  exportFunctions: string[] | null;
  exportVariables: string[];
  exportAliases: string[];
  info: PSObject;
  importedFunctions: string[];
  /** Where the exports go: null for the global scope (a top-level module), else the parent module's scope. */
  exportTo: Scope | null;
  /** A manifest's FunctionsToExport (null: all). */
  manifestFunctions: string[] | null;
  /** Info objects of the modules a manifest's NestedModules loaded. */
  nested: PSObject[];
}

/** Modules being loaded right now (Export-ModuleMember applies to the innermost). */
const loading: ModuleRecord[] = [];

export function currentLoadingModule(): ModuleRecord | null {
  return loading[loading.length - 1] ?? null;
}

export function modulePaths(session: Session): string[] {
  const env = session.env.PSModulePath;
  const home = session.env.HOME ?? homedir();
  const dirs = env ? env.split(nodePath.delimiter).filter(Boolean) : [];
  const user = nodePath.join(home, '.local', 'share', 'powershell', 'Modules');
  if (!dirs.includes(user)) dirs.push(user);
  return dirs;
}

/** Find a module file from a name or path: `./My.psm1`, `/x/My.psd1`, `MyModule` (on PSModulePath). */
export function findModuleFile(session: Session, name: string): string | null {
  const looksLikePath = /[\\/]/.test(name) || /\.(psm1|psd1|ps1)$/i.test(name);
  if (looksLikePath) {
    const p = session.resolvePath(name);
    if (existsSync(p) && statSync(p).isFile()) return p;
    if (existsSync(p) && statSync(p).isDirectory()) return fileInModuleDir(p, nodePath.basename(p));
    return null;
  }
  for (const dir of modulePaths(session)) {
    const base = nodePath.join(dir, name);
    if (existsSync(base) && statSync(base).isDirectory()) {
      const f = fileInModuleDir(base, name);
      if (f) return f;
    }
  }
  return null;
}

function fileInModuleDir(dir: string, name: string): string | null {
  for (const ext of ['.psd1', '.psm1', '.ps1']) {
    const f = nodePath.join(dir, name + ext);
    if (existsSync(f)) return f;
  }
  // Versioned folders: Name/1.2.3/Name.psd1 (newest first).
  const versions = readdirSync(dir).filter((d) => /^\d+(\.\d+)*$/.test(d)).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  for (const v of versions) {
    const f = fileInModuleDir(nodePath.join(dir, v), name);
    if (f) return f;
  }
  return null;
}

function moduleInfo(name: string, path: string, type: string, version: string): PSObject {
  const o = PSObject.fromEntries([
    ['ModuleType', type],
    ['Version', version],
    ['Name', name],
    ['Path', path],
    ['ModuleBase', nodePath.dirname(path)],
    ['ExportedCommands', new PSHashtable()],
    ['ExportedFunctions', new PSHashtable()],
    ['Description', ''],
    ['NestedModules', []],
    ['RequiredModules', []],
  ]);
  o.typeNames = ['System.Management.Automation.PSModuleInfo', 'System.Object'];
  return o;
}

/** Evaluate a .psd1 manifest: one hashtable literal. */
function readManifest(session: Session, file: string): PSHashtable {
  const parsed = session.loadScriptFile(file).ast;
  const stmt = parsed.endBlock?.statements[0];
  const expr = stmt && stmt.kind === 'Pipeline' && stmt.elements[0]?.kind === 'CommandExpression' ? stmt.elements[0].expression : null;
  if (!expr || expr.kind !== 'Hashtable') {
    throw runtimeError(`The module manifest '${file}' could not be processed because it is not a valid PowerShell module manifest file.`, 'Modules_InvalidManifest,Microsoft.PowerShell.Commands.ImportModuleCommand', { category: 'InvalidData', target: file });
  }
  const frame = new Frame(new Scope(session.globalScope), () => {}, session.defaultStreams, session, null);
  const v = compileExpr(expr)(frame);
  if (isPromise(v) || !(v instanceof PSHashtable)) throw runtimeError(`The module manifest '${file}' is not valid.`, 'Modules_InvalidManifest', { category: 'InvalidData' });
  return v;
}

function asNames(v: unknown): string[] | null {
  if (v === null || v === undefined) return null;
  const list = (Array.isArray(v) ? v : [v]).map((x) => toStr(x));
  return list.includes('*') ? null : list;
}

/** How a module is imported: by Import-Module (top level) or as another module's nested module. */
export interface ImportOptions {
  force: boolean;
  args?: unknown[];
  /** The scope the module's exports go to: the session's global scope, or (for a nested module) its parent's scope. */
  exportTo?: Scope;
  /** The frame Import-Module was called from: a manifest's ScriptsToProcess run in its scope. */
  caller?: Frame;
  /** Imports a manifest's RequiredModules entry (a name, or a hashtable with ModuleName) when it isn't loaded. */
  importRequired?: (spec: unknown, manifestFile: string) => Promise<PSObject | null>;
}

function runScriptIn(session: Session, scope: Scope, file: string, streams: Streams, args: unknown[], name: string): void | Promise<void> {
  const sb = session.loadScriptFile(file);
  const using = importUsingModules(session, sb.ast.source, streams);
  if (isPromise(using)) return using.then(() => runScriptBody(session, scope, sb, file, streams, args, name));
  return runScriptBody(session, scope, sb, file, streams, args, name);
}

function runScriptBody(session: Session, scope: Scope, sb: ScriptBlock, file: string, streams: Streams, args: unknown[], name: string): void | Promise<void> {
  const caller = new Frame(scope, () => {}, streams, session, name);
  const proc = new ScriptProcessor(sb, args.map((a) => ({ name: null, value: a, hasValue: true })), caller, streams, {
    name: file, dotSource: true, isScriptFile: false, scriptPath: file,
  });
  return runPipeline([proc], null, () => {});
}

/**
 * Import a module file into the session. Returns the module's info object. Runs synchronously unless the module's
 * top-level code runs something async (then a Promise).
 */
export function importModuleFile(session: Session, file: string, streams: Streams, opts: ImportOptions): PSObject | Promise<PSObject> {
  const name = nodePath.basename(file).replace(/\.(psm1|psd1|ps1)$/i, '');
  const nested = !!opts.exportTo;
  if (!nested) {
    const existing = session.modules.get(name.toLowerCase());
    if (existing && !opts.force) return existing.info;
    if (existing) removeModule(session, existing);
  }
  if (/\.psd1$/i.test(file)) return importManifest(session, file, name, streams, opts);
  const rec = newModuleRecord(session, name, file, 'Script', '0.0');
  rec.exportTo = opts.exportTo ?? null;
  return runModuleCode(session, rec, () => runScriptIn(session, rec.scope, file, streams, opts.args ?? [], name));
}

function newModuleRecord(session: Session, name: string, file: string, type: string, version: string): ModuleRecord {
  const scope = new Scope(session.globalScope, true);
  const rec: ModuleRecord = {
    name, path: file, scope, exportFunctions: null, exportVariables: [], exportAliases: [],
    info: moduleInfo(name, file, type, version), importedFunctions: [], exportTo: null, manifestFunctions: null, nested: [],
  };
  scope.module = rec.info;
  if (file) {
    setInScope(scope, 'psscriptroot', 'PSScriptRoot', nodePath.dirname(file));
    setInScope(scope, 'pscommandpath', 'PSCommandPath', file);
  }
  return rec;
}

/** Runs a module's code with Export-ModuleMember applying to it, then exports its members. */
function runModuleCode(session: Session, rec: ModuleRecord, run: () => void | Promise<void>): PSObject | Promise<PSObject> {
  loading.push(rec);
  const done = (): PSObject => {
    loading.pop();
    exportModule(session, rec);
    return rec.info;
  };
  let r: void | Promise<void>;
  try {
    r = run();
  } catch (e) {
    loading.pop();
    throw e;
  }
  if (isPromise(r)) return r.then(done, (e) => {
    loading.pop();
    throw e;
  });
  return done();
}

function listOf(v: unknown): unknown[] {
  if (v === null || v === undefined || v === '') return [];
  return Array.isArray(v) ? v : [v];
}

/** A file a manifest names (RootModule, NestedModules, ScriptsToProcess): relative to the manifest's folder. */
function manifestFile(session: Session, dir: string, entry: string): string | null {
  const local = nodePath.resolve(dir, entry);
  if (existsSync(local) && statSync(local).isFile()) return local;
  for (const ext of ['.psm1', '.psd1', '.ps1']) if (existsSync(local + ext)) return local + ext;
  return findModuleFile(session, entry);
}

/**
 * A .psd1 module: RequiredModules are imported first, ScriptsToProcess run in the caller's scope, NestedModules are
 * imported into the module (their exports are its members), then the RootModule runs in the module's own scope.
 * FunctionsToExport narrows what the module exports.
 */
async function importManifest(session: Session, file: string, name: string, streams: Streams, opts: ImportOptions): Promise<PSObject> {
  const manifest = readManifest(session, file);
  const dir = nodePath.dirname(file);
  const root = toStr(manifest.get('RootModule') ?? manifest.get('ModuleToProcess') ?? '');
  const version = toStr(manifest.get('ModuleVersion') ?? '0.0');
  const required: PSObject[] = [];
  for (const spec of listOf(manifest.get('RequiredModules'))) {
    const info = await opts.importRequired?.(spec, file);
    if (info) required.push(info);
  }
  const callerScope = opts.caller?.scope ?? session.globalScope;
  for (const script of listOf(manifest.get('ScriptsToProcess'))) {
    const path = manifestFile(session, dir, toStr(script));
    if (path) await runScriptIn(session, callerScope, path, streams, [], name);
  }
  const rootFile = root ? manifestFile(session, dir, root) : null;
  const type = rootFile && /\.(psm1|ps1)$/i.test(rootFile) ? 'Script' : root && /\.dll$/i.test(root) ? 'Binary' : 'Manifest';
  const rec = newModuleRecord(session, name, file, type, version);
  rec.exportTo = opts.exportTo ?? null;
  rec.manifestFunctions = asNames(manifest.get('FunctionsToExport'));
  for (const k of ['Description', 'Author', 'CompanyName', 'Copyright', 'PrivateData']) if (manifest.has(k)) rec.info.setProperty(k, manifest.get(k));
  if (manifest.has('GUID')) rec.info.setProperty('Guid', manifest.get('GUID'));
  for (const entry of listOf(manifest.get('NestedModules'))) {
    const path = manifestFile(session, dir, toStr(entry));
    if (!path || nodePath.resolve(path) === nodePath.resolve(file)) continue;
    rec.nested.push(await importModuleFile(session, path, streams, { ...opts, force: true, args: [], exportTo: rec.scope }));
  }
  rec.info.setProperty('NestedModules', [...rec.nested]);
  rec.info.setProperty('RequiredModules', required);
  const run = rootFile && type === 'Script' ? () => runScriptIn(session, rec.scope, rootFile, streams, opts.args ?? [], name) : () => {};
  return runModuleCode(session, rec, run);
}

function exportModule(session: Session, rec: ModuleRecord): void {
  const target = rec.exportTo ?? session.globalScope;
  const wanted = rec.exportFunctions;
  const allowed = rec.manifestFunctions;
  const exportedFns = rec.info.getMember('ExportedFunctions')!.value as PSHashtable;
  const exportedCmds = rec.info.getMember('ExportedCommands')!.value as PSHashtable;
  for (const fn of rec.scope.functions?.values() ?? []) {
    if (wanted && !wanted.some((w) => wildcardMatch(w, fn.name))) continue;
    if (allowed && !allowed.some((w) => wildcardMatch(w, fn.name))) continue;
    const sb = fn.scriptBlock as ScriptBlock;
    // A function a nested module put here already runs in that module; one defined here runs in this module.
    let bound = sb;
    if (sb.closureScope === null) {
      bound = new ScriptBlock(sb.ast);
      bound.session = sb.session;
      bound.closureScope = rec.scope;
      Object.assign(bound, { extraParameters: (sb as ScriptBlock & { extraParameters?: unknown }).extraParameters, isFilter: fn.isFilter, definitionAst: sb.definitionAst });
    }
    const info: FunctionInfo = { ...fn, scriptBlock: bound };
    target.setFunction(info);
    rec.importedFunctions.push(fn.name);
    exportedFns.set(fn.name, fn.name);
    exportedCmds.set(fn.name, fn.name);
  }
  for (const v of rec.exportVariables) {
    for (const [k, pv] of rec.scope.vars) if (wildcardMatch(v, pv.name)) target.vars.set(k, pv);
  }
  for (const a of rec.exportAliases) {
    for (const al of rec.scope.aliases?.values() ?? []) if (wildcardMatch(a, al.name)) target.setAlias(al);
  }
  if (!rec.exportTo) session.modules.set(rec.name.toLowerCase(), rec);
}

export function removeModule(session: Session, rec: ModuleRecord): void {
  for (const f of rec.importedFunctions) session.globalScope.functions?.delete(f.toLowerCase());
  session.modules.delete(rec.name.toLowerCase());
}

function wildcardMatch(pattern: string, name: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 'i');
  return re.test(name);
}

/** New-Module -ScriptBlock: a dynamic module from a script block. */
export function newDynamicModule(session: Session, sb: ScriptBlock, name: string, streams: Streams): PSObject | Promise<PSObject> {
  const rec = newModuleRecord(session, name, '', 'Script', '0.0');
  const caller = new Frame(rec.scope, () => {}, streams, session, name);
  return runModuleCode(session, rec, () => runPipeline([new ScriptProcessor(sb, [], caller, streams, { name, dotSource: true, isScriptFile: false })], null, () => {}));
}

/** Sources whose `using module` statements were imported (once per parse, however often the script runs). */
const usingDone = new WeakSet<A.SourceFile>();

/**
 * `using module X` of a script or module: imports X before the script runs, so its classes, enums and commands
 * are there (a relative path is relative to the script's folder). A module that is not found is an error.
 */
export function importUsingModules(session: Session, source: A.SourceFile, streams: Streams): void | Promise<void> {
  const names = source.usingModules;
  if (!names || usingDone.has(source)) return;
  usingDone.add(source);
  const from = (i: number): void | Promise<void> => {
    for (; i < names.length; i++) {
      const name = names[i]!;
      if (isBuiltInModule(name)) continue;
      const looksLikePath = /[\\/]/.test(name) || /\.(psm1|psd1|ps1)$/i.test(name);
      const file = looksLikePath && source.path && !nodePath.isAbsolute(name)
        ? findModuleFile(session, nodePath.join(nodePath.dirname(source.path), name))
        : findModuleFile(session, name);
      if (!file) {
        throw runtimeError(`Could not find the module '${name}'.`, 'ModuleNotFoundDuringParse', { category: 'ParserError', exceptionType: 'System.Management.Automation.ParseException' });
      }
      const r = importModuleFile(session, file, streams, { force: false });
      if (isPromise(r)) {
        const next = i + 1;
        return r.then(() => from(next));
      }
    }
  };
  return from(0);
}
