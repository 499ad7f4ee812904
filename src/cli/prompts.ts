// Asking the user things: Read-Host / mandatory parameters (a line) and confirmations (a choice).
import { type CliIO, writableStream } from './io.js';
import { readline } from '../runtime/node-builtins.js';

export type LineReader = (prompt: string, options?: { secret?: boolean }) => Promise<string>;

/** Reads one line from the terminal with a short-lived readline (used outside the REPL). */
export function terminalLineReader(io: CliIO): LineReader {
  return async (prompt, options) => {
    const { createInterface } = readline();
    const rl = createInterface({ input: io.stdin, output: writableStream(io.stdout), terminal: true });
    if (options?.secret) muteEcho(rl, io, prompt);
    try {
      return await new Promise<string>((resolve) => rl.question(prompt, resolve));
    } finally {
      if (options?.secret) io.stdout.write('\n');
      rl.close();
    }
  };
}

/** Shows `*` instead of typed characters (Read-Host -AsSecureString). Relies on readline's output hook. */
export function muteEcho(rl: object, io: CliIO, prompt: string): () => void {
  const target = rl as { _writeToOutput?: (s: string) => void; line?: string };
  const original = target._writeToOutput;
  target._writeToOutput = (s: string) => {
    if (s.startsWith(prompt) || s === '\r\n' || s === '\n') io.stdout.write(s.startsWith(prompt) ? prompt + '*'.repeat((target.line ?? '').length) : s);
    else io.stdout.write('*'.repeat(s.length));
  };
  return () => {
    target._writeToOutput = original;
  };
}

interface Choice {
  label: string;
  help: string;
}

/** The hotkey of a label like `&Yes` / `Yes to &All`, and the label without the ampersand. */
function splitLabel(label: string): { key: string; text: string } {
  const amp = label.indexOf('&');
  const text = label.replace('&', '');
  const key = amp >= 0 && amp + 1 < label.length ? label[amp + 1]! : text[0] ?? '';
  return { key: key.toUpperCase(), text };
}

/**
 * pwsh's console choice prompt:
 * ```
 * Confirm
 * Are you sure you want to perform this action?
 * [Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):
 * ```
 */
export function choicePrompter(io: CliIO, readLine: LineReader) {
  return async (caption: string, message: string, choices: Choice[], defaultIndex: number): Promise<number> => {
    const parts = choices.map((c) => splitLabel(c.label));
    if (caption) io.stdout.write(`${caption}\n`);
    if (message) io.stdout.write(`${message}\n`);
    const options = parts.map((p) => `[${p.key}] ${p.text}`).join('  ');
    const def = parts[defaultIndex] ? ` (default is "${parts[defaultIndex]!.key}")` : '';
    const prompt = `${options}  [?] Help${def}: `;
    for (;;) {
      const answer = (await readLine(prompt)).trim();
      if (answer === '' && defaultIndex >= 0 && defaultIndex < choices.length) return defaultIndex;
      if (answer === '?') {
        parts.forEach((p, i) => io.stdout.write(`${p.key} - ${choices[i]!.help || p.text}\n`));
        continue;
      }
      const upper = answer.toUpperCase();
      const index = parts.findIndex((p) => p.key === upper || p.text.toUpperCase() === upper);
      if (index >= 0) return index;
    }
  };
}
