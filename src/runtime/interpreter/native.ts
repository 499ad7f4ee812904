// Native commands: executables on PATH or given by path. stdout lines stream into the pipeline as strings;
// stderr passes through (or becomes error records under 2>&1); pipeline input goes to stdin.
// child_process and readline load on the first native command, not at start-up.
import type { ChildProcess } from 'node:child_process';
import type { Processor, Sink } from './pipeline.js';
import { NO_INPUT } from './pipeline.js';
import type { Frame, Streams } from './frame.js';
import type { CallArg } from './binder.js';
import { toStr } from '../values/convert.js';
import { childProcess, readline } from '../node-builtins.js';
import { ErrorRecord, PSException } from '../errors.js';
import * as nodePath from 'node:path';
import type { Session } from './session.js';
import { isWildcardPattern } from '../values/wildcard.js';
import { expandWildcardPath } from '../fs-glob.js';

/**
 * Arguments as pwsh's Standard native argument passing gives them: one argv entry per value, arrays spread. An
 * argument not written as a quoted string is expanded like a Unix shell does (PossiblyGlobArg): a wildcard pattern
 * to the matching paths (relative ones relative to the current directory; unchanged when nothing matches), and a
 * leading `~` to the home directory.
 */
export function nativeArgv(args: CallArg[], session: Session): string[] {
  const argv: string[] = [];
  let glob = false;
  const add = (arg: string) => {
    if (glob) argv.push(...expandShellArgument(arg, session));
    else argv.push(arg);
  };
  const push = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) push(x);
    else add(toStr(v));
  };
  for (const a of args) {
    glob = a.name === null && !a.endOfParameters && !writtenQuoted(a.extent);
    if (a.name !== null) {
      const t = a.text ?? `-${a.name}`;
      if (a.hasValue && a.separateValue && t.endsWith(':')) {
        argv.push(t);
        push(a.value);
      } else if (a.hasValue) argv.push(t.endsWith(':') ? t + toStr(a.value) : `${t}:${toStr(a.value)}`);
      else argv.push(t);
    } else if (a.nativeText !== undefined) {
      for (const word of a.nativeText.split(' ')) if (word) add(word);
    } else push(a.value);
  }
  return argv;
}

function writtenQuoted(ast: unknown): boolean {
  const e = ast as { kind?: string; quote?: string } | undefined;
  return !!e && (e.kind === 'StringConstant' || e.kind === 'ExpandableString') && e.quote !== 'bare';
}

function expandShellArgument(arg: string, session: Session): string[] {
  if (isWildcardPattern(arg)) {
    let paths: string[] = [];
    try {
      paths = expandWildcardPath({ cwd: session.cwd, resolvePath: (p: string) => session.resolvePath(p) }, arg, false);
    } catch {
      // No expansion: the pattern is passed unchanged.
    }
    if (!paths.length) return [arg];
    // `~/x*` and `/x*` stay absolute; other patterns give paths relative to the current directory.
    const absolute = arg.startsWith('~') || arg.startsWith('/');
    return absolute ? paths : paths.map((p) => nodePath.relative(session.cwd, p) || '.');
  }
  if (arg === '~' || arg.startsWith('~/')) return [session.resolvePath(arg)];
  return [arg];
}

export class NativeProcessor implements Processor {
  out: Sink = () => {};
  expectingInput = false;
  private input: string[] = [];

  constructor(
    private readonly path: string,
    private readonly args: CallArg[],
    private readonly frame: Frame,
    private readonly streams: Streams,
  ) {}

  begin(): void {}

  process(item: unknown): void {
    if (item !== NO_INPUT) this.input.push(toStr(item));
  }

  async end(): Promise<void> {
    const { spawn } = childProcess();
    const { createInterface } = readline();
    const s = this.frame.session;
    const captureErr = this.streams !== s.defaultStreams;
    return new Promise<void>((resolve, reject) => {
      let child: ChildProcess;
      try {
        child = spawn(this.path, nativeArgv(this.args, s), {
          cwd: s.cwd,
          env: s.env as NodeJS.ProcessEnv,
          stdio: [this.expectingInput ? 'pipe' : 'inherit', 'pipe', captureErr ? 'pipe' : 'inherit'],
          signal: s.signal,
        });
      } catch (e) {
        reject(e);
        return;
      }
      if (this.expectingInput && child.stdin) {
        child.stdin.on('error', () => undefined);
        child.stdin.end(this.input.length ? this.input.join('\n') + '\n' : '');
      }
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        try {
          this.out(line);
        } catch (e) {
          child.kill();
          reject(e);
        }
      });
      if (captureErr && child.stderr) {
        const errLines = createInterface({ input: child.stderr });
        errLines.on('line', (line) => {
          const rec = new ErrorRecord(new PSException(line, 'System.Management.Automation.RemoteException'), 'NativeCommandError', 'NotSpecified', line);
          this.streams.error(rec);
        });
      }
      child.on('error', (e) => reject(e));
      let closed = false;
      const finish = (code: number | null) => {
        if (closed) return;
        closed = true;
        s.setLastExitCode(code ?? 1);
        if (code !== 0) s.pipelineHadErrors = true;
        resolve();
      };
      lines.on('close', () => {
        if (child.exitCode !== null) finish(child.exitCode);
      });
      child.on('close', (code) => finish(code));
    });
  }
}

