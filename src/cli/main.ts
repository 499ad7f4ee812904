// The awsh command line: `awsh [-c script | -File path args | path args]`, or an interactive session.
// Uses only the public embedding API (createShell) and Node built-ins.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createShell, version } from '../index.js';
import type { Shell } from '../api-types.js';
import { type CliOptions, parseArgs, usageText } from './args.js';
import { type ConsoleHost, createConsoleHost } from './console-host.js';
import { type CliIO, flushOutput, processIO, readAll, stdinIsTTY } from './io.js';
import { choicePrompter, terminalLineReader } from './prompts.js';
import { exitCodeFor, runScript } from './run-script.js';

/** pwsh's exit code for a bad command line. */
const badArgsExitCode = 64;

export async function main(argv: string[], io?: CliIO): Promise<number> {
  const cli = io ?? processIO();
  let code: number;
  try {
    code = await run(argv, cli);
  } catch (err) {
    // Users never see a JS stack trace.
    cli.stderr.write(`awsh: ${err instanceof Error ? err.message : String(err)}\n`);
    code = 1;
  }
  if (!io) await exitProcess(code, cli);
  return code;
}

/** Sets the exit code once stdout/stderr have drained, so a lingering handle cannot keep the process alive. */
async function exitProcess(code: number, io: CliIO): Promise<void> {
  process.exitCode = code;
  await flushOutput(io);
  process.exit(code);
}

function homeOf(io: CliIO): string {
  return io.env.HOME || homedir();
}

export function profilePath(home: string): string {
  return join(home, '.config', 'awsh', 'profile.ps1');
}

async function run(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.error}\n\n${usageText}`);
    return badArgsExitCode;
  }
  const options = parsed.options;
  if (options.help) {
    io.stdout.write(usageText);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`awsh ${version}\n`);
    return 0;
  }
  let mode = options.mode;
  // With no script and no terminal, stdin is the script (like `pwsh` reading redirected commands).
  if (mode.kind === 'interactive' && !stdinIsTTY(io)) mode = { kind: 'stdin' };
  const cwd = options.workingDirectory ? resolve(io.cwd, options.workingDirectory) : io.cwd;

  let scriptPath: string | null = null;
  if (mode.kind === 'file') {
    scriptPath = resolve(cwd, mode.path);
    if (!isFile(scriptPath)) {
      io.stderr.write(`The argument '${mode.path}' is not recognized as the name of a script file. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.\n\n${usageText}`);
      return badArgsExitCode;
    }
  }

  const interactive = mode.kind === 'interactive' || options.noExit;
  const host = createConsoleHost(io, { interactive });
  if (!options.nonInteractive && stdinIsTTY(io)) {
    host.readLine = terminalLineReader(io);
    host.promptForChoice = choicePrompter(io, host.readLine);
  }
  const env = { ...io.env };
  // pwsh sets $env:PSModulePath at start-up when it is not set: the user's and the machine's module folders.
  if (env.PSModulePath === undefined) {
    env.PSModulePath = [join(env.HOME ?? homedir(), '.local', 'share', 'powershell', 'Modules'), '/usr/local/share/powershell/Modules'].join(process.platform === 'win32' ? ';' : ':');
  }
  const shell: Shell = await createShell({ cwd, env, host, interactive });
  host.shell = shell;

  const home = homeOf(io);
  const profile = profilePath(home);
  shell.setVariable('PROFILE', profile);
  if (!options.noProfile && isFile(profile)) await runScript(shell, io, readFileSync(profile, 'utf8'));

  let code = 0;
  if (mode.kind === 'command' || mode.kind === 'stdin') {
    const script = mode.kind === 'command' ? mode.script : await readAll(io.stdin);
    const result = await runScript(shell, io, script, { input: mode.kind === 'command' ? pipedInput(io, script) : undefined });
    code = exitCodeFor(result, 'command');
    if (result.exitCode !== null) return code;
  } else if (mode.kind === 'file') {
    const text = readFileSync(scriptPath!, 'utf8');
    const result = await runScript(shell, io, text, { path: scriptPath!, args: mode.args, input: pipedInput(io, text) });
    code = exitCodeFor(result, 'file');
    if (result.exitCode !== null) return code;
  }
  if (mode.kind === 'interactive' || options.noExit) return startRepl(shell, host, io, options, home);
  return code;
}

async function startRepl(shell: Shell, host: ConsoleHost, io: CliIO, options: CliOptions, home: string): Promise<number> {
  const { runRepl } = await import('./repl.js');
  const banner = options.noLogo || options.mode.kind !== 'interactive' ? null : `awsh ${version}`;
  return runRepl(shell, host, io, { home, banner });
}

/**
 * What was piped into awsh, as `$input` lines (`cat names.txt | awsh -c '$input | ForEach-Object ...'`).
 * Read only when the script uses `$input`, so a script that doesn't never waits on a pipe nobody closes.
 */
function pipedInput(io: CliIO, script: string): AsyncIterable<unknown> | undefined {
  if (stdinIsTTY(io) || !/\$input\b/i.test(script)) return undefined;
  return (async function* lines() {
    const text = await readAll(io.stdin);
    const list = text.split(/\r?\n/);
    if (list[list.length - 1] === '') list.pop();
    yield* list;
  })();
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}
