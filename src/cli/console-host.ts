// The console host: where a running script's streams go. Output and Write-Host go to stdout; errors, warnings,
// verbose and debug messages to stderr, coloured only on a terminal without NO_COLOR.
import type { ErrorRecord, InformationRecord, ProgressRecord, Shell, ShellHost } from '../api-types.js';
import { progressView } from './progress.js';
import { type CliIO, colorEnabled, outputWidth } from './io.js';

const reset = '\x1b[0m';
/** $PSStyle.Formatting defaults: Error and Warning are bold red / bold yellow. Verbose/debug are dimmed here. */
const styles = { error: '\x1b[31;1m', warning: '\x1b[33;1m', dim: '\x1b[2m' };

/** ConsoleColor → SGR foreground code (background is +10). */
const consoleColors: Record<string, number> = {
  black: 30, darkred: 31, darkgreen: 32, darkyellow: 33, darkblue: 34, darkmagenta: 35, darkcyan: 36, gray: 37,
  darkgray: 90, red: 91, green: 92, yellow: 93, blue: 94, magenta: 95, cyan: 96, white: 97,
};

export function hostColorCodes(foreground?: string, background?: string): string {
  let codes = '';
  const fg = foreground ? consoleColors[foreground.toLowerCase()] : undefined;
  const bg = background ? consoleColors[background.toLowerCase()] : undefined;
  if (fg !== undefined) codes += `\x1b[${fg}m`;
  if (bg !== undefined) codes += `\x1b[${bg + 10}m`;
  return codes;
}

export interface ConsoleHost extends ShellHost {
  /** The shell whose formatError renders errors; set once the shell exists. */
  shell: Shell | null;
  /** Remove a Write-Progress bar left on the terminal (called when a command ends). */
  clearProgress(): void;
}

export function createConsoleHost(io: CliIO, options: { interactive: boolean }): ConsoleHost {
  const outColor = colorEnabled(io.stdout, io.env);
  const errColor = colorEnabled(io.stderr, io.env);
  const progress = progressView(io.stderr, () => outputWidth(io));
  const toErr = (style: string, text: string) => {
    progress.clear();
    io.stderr.write(errColor ? `${style}${text}${reset}\n` : `${text}\n`);
  };
  const host: ConsoleHost = {
    shell: null,
    clearProgress: () => progress.clear(),
    progress(record: ProgressRecord) {
      progress.show(record);
    },
    width: outputWidth(io),
    interactive: options.interactive,
    writeHost(text, { noNewline, foregroundColor, backgroundColor }) {
      const codes = outColor ? hostColorCodes(foregroundColor, backgroundColor) : '';
      const end = noNewline ? '' : '\n';
      progress.clear();
      io.stdout.write(codes ? `${codes}${text}${reset}${end}` : `${text}${end}`);
    },
    error(record: ErrorRecord) {
      const text = host.shell ? host.shell.formatError(record) : String(record.Exception.Message);
      toErr(styles.error, text);
    },
    warning(message: string) {
      toErr(styles.warning, `WARNING: ${message}`);
    },
    verbose(message: string) {
      toErr(styles.dim, `VERBOSE: ${message}`);
    },
    debug(message: string) {
      toErr(styles.dim, `DEBUG: ${message}`);
    },
    information(record: InformationRecord) {
      // pwsh's console shows an InformationRecord as its MessageData text, on stdout.
      io.stdout.write(`${informationText(record.MessageData)}\n`);
    },
  };
  return host;
}

function informationText(data: unknown): string {
  if (data === null || data === undefined) return '';
  if (Array.isArray(data)) return data.map(informationText).join(' ');
  return String(data);
}
