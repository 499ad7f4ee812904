// Write-Progress on a terminal: one line on stderr, redrawn in place, removed when the activity completes or the
// command ends. Nothing at all when stderr is not a terminal.
import type { ProgressRecord } from '../api-types.js';
import type { CliOutput } from './io.js';

export interface ProgressView {
  show(record: ProgressRecord): void;
  /** Remove the bar (before other output, and when a command ends). */
  clear(): void;
}

export function progressView(stream: CliOutput, width: () => number): ProgressView {
  let shown = false;
  const clear = () => {
    if (!shown) return;
    stream.write('\r\x1b[2K');
    shown = false;
  };
  return {
    clear,
    show(record) {
      if (!stream.isTTY) return;
      if (record.RecordType === 'Completed') {
        clear();
        return;
      }
      stream.write(`\r\x1b[2K${progressLine(record, width())}`);
      shown = true;
    },
  };
}

/** `Activity [ooooooooo           ] 45% Status` cut to the terminal width. */
export function progressLine(record: ProgressRecord, width: number): string {
  const pct = Math.max(-1, Math.min(100, Math.round(record.PercentComplete)));
  const barWidth = 20;
  const filled = pct < 0 ? 0 : Math.round((pct / 100) * barWidth);
  const bar = pct < 0 ? '' : ` [${'o'.repeat(filled)}${' '.repeat(barWidth - filled)}] ${pct}%`;
  const status = record.StatusDescription ? ` ${record.StatusDescription}` : '';
  const text = `${record.Activity}${bar}${status}`;
  return text.length > width - 1 ? text.slice(0, Math.max(0, width - 1)) : text;
}
