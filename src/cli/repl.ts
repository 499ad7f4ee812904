// The interactive session: a `PS /dir> ` prompt, `>> ` for unfinished statements, history in ~/.awsh_history,
// Ctrl+C stops the running pipeline (or clears the line), Ctrl+D on an empty line or `exit` ends the session.
// Loaded only when a session is interactive, so `-Command` never pays for readline.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Shell } from '../api-types.js';
import type { ConsoleHost } from './console-host.js';
import { type CliIO, writableStream } from './io.js';
import { choicePrompter, muteEcho } from './prompts.js';
import { runScript } from './run-script.js';
import { createCompleter } from './completer.js';
import { installReverseSearch } from './reverse-search.js';

const historySize = 1000;

export function historyPath(home: string): string {
  return join(home, '.awsh_history');
}

/** History file lines, oldest first → readline's newest-first array. */
export function loadHistory(file: string): string[] {
  try {
    const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
    return lines.slice(-historySize).reverse();
  } catch {
    return [];
  }
}

function appendHistory(file: string, line: string): void {
  try {
    appendFileSync(file, `${line}\n`);
  } catch {
    // An unwritable history file must not break the session.
  }
}

export interface ReplOptions {
  home: string;
  banner: string | null;
}

export async function runRepl(shell: Shell, host: ConsoleHost, io: CliIO, options: ReplOptions): Promise<number> {
  const file = historyPath(options.home);
  let rlRef: Interface | null = null;
  const rl = createInterface({
    input: io.stdin,
    output: writableStream(io.stdout),
    terminal: true,
    history: loadHistory(file),
    historySize,
    removeHistoryDuplicates: true,
    tabSize: 4,
    completer: createCompleter(shell, () => rlRef),
  });
  rlRef = rl;
  installReverseSearch(rl);
  installPrompts(rl, host, io);
  // Load the AWS command table while the user reads the first prompt, so the first `Get-S3<Tab>` is instant.
  // Late enough that the first prompt is already drawn (start-up to prompt is measured).
  setTimeout(() => void shell.complete('Get-AWSRegion', 13).catch(() => undefined), 300).unref?.();
  if (options.banner) io.stdout.write(`${options.banner}\n`);

  return new Promise<number>((resolve) => {
    let pending: string[] = [];
    const queue: string[] = [];
    let running: AbortController | null = null;
    let done = false;

    const finish = (code: number) => {
      if (done) return;
      done = true;
      rl.close();
      resolve(code);
    };

    const showPrompt = async () => {
      if (done) return;
      let text = '>> ';
      if (pending.length === 0) {
        try {
          text = await shell.prompt();
        } catch {
          text = 'PS> ';
        }
      }
      rl.setPrompt(text);
      rl.prompt();
    };

    /** Takes one entered line; returns false when the session ended. */
    const takeLine = async (line: string): Promise<boolean> => {
      if (line.trim() !== '') appendHistory(file, line);
      pending.push(line);
      const text = pending.join('\n');
      // A blank line at `>> ` submits what there is (pwsh then reports the parse error).
      if (line.trim() !== '' && shell.checkSyntax(text).incomplete) return true;
      pending = [];
      if (text.trim() === '') return true;
      running = new AbortController();
      try {
        const result = await runScript(shell, io, text, { signal: running.signal, addToHistory: true });
        if (result.exitCode !== null) {
          finish(result.exitCode);
          return false;
        }
      } catch (err) {
        io.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      } finally {
        running = null;
        host.clearProgress();
      }
      return true;
    };

    let draining = false;
    const drain = async () => {
      if (draining) return;
      draining = true;
      while (queue.length > 0 && !done) {
        if (!(await takeLine(queue.shift()!))) break;
      }
      draining = false;
      await showPrompt();
    };

    rl.on('line', (line) => {
      // Lines typed while a command runs wait their turn (type-ahead).
      queue.push(line);
      void drain();
    });
    rl.on('SIGINT', () => {
      if (running) {
        running.abort();
        return;
      }
      // At the prompt, Ctrl+C drops the line (and any unfinished statement) and starts over.
      queue.length = 0;
      pending = [];
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
      io.stdout.write('\n');
      void showPrompt();
    });
    rl.on('close', () => {
      if (!done) io.stdout.write('\n');
      finish(0);
    });
    void showPrompt();
  });
}

/** Read-Host and confirmations go through the session's readline, so they share its line editing. */
function installPrompts(rl: Interface, host: ConsoleHost, io: CliIO): void {
  host.readLine = (prompt, options) =>
    new Promise<string>((resolve) => {
      const restore = options?.secret ? muteEcho(rl, io, prompt) : null;
      rl.question(prompt, (answer) => {
        restore?.();
        resolve(answer);
      });
    });
  host.promptForChoice = choicePrompter(io, host.readLine);
}
