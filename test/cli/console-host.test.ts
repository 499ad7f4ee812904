import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleHost, hostColorCodes } from '../../src/cli/console-host.js';
import type { CliIO } from '../../src/cli/io.js';
import { outputWidth } from '../../src/cli/io.js';
import { ErrorRecord, PSException } from '../../src/runtime/errors.js';

function fakeIO(tty: boolean, env: Record<string, string> = {}) {
  const out = { text: '' };
  const err = { text: '' };
  const io: CliIO = {
    stdout: { write: (s: string) => (out.text += s), isTTY: tty, columns: 100 },
    stderr: { write: (s: string) => (err.text += s), isTTY: tty },
    stdin: Readable.from([]),
    env,
    cwd: '/',
  };
  return { io, out, err };
}

describe('console host', () => {
  it('writes plain text when not on a terminal', () => {
    const { io, out, err } = fakeIO(false);
    const host = createConsoleHost(io, { interactive: false });
    host.writeHost!('hi', { noNewline: false, foregroundColor: 'Green' });
    host.writeHost!('a', { noNewline: true });
    host.warning!('w');
    host.verbose!('v');
    host.debug!('d');
    host.error!(new ErrorRecord(new PSException('bad'), 'Id', 'NotSpecified', null));
    host.information!({ MessageData: 'info', Tags: [], Source: '', TimeGenerated: new Date() });
    expect(out.text).toBe('hi\nainfo\n');
    expect(err.text).toBe('WARNING: w\nVERBOSE: v\nDEBUG: d\nbad\n');
    expect(host.width).toBe(120);
  });

  it('colours on a terminal: errors red, warnings yellow, verbose/debug dimmed, Write-Host colours', () => {
    const { io, out, err } = fakeIO(true);
    const host = createConsoleHost(io, { interactive: true });
    host.writeHost!('hi', { noNewline: false, foregroundColor: 'Green', backgroundColor: 'DarkBlue' });
    host.warning!('w');
    host.verbose!('v');
    host.error!(new ErrorRecord(new PSException('bad'), 'Id', 'NotSpecified', null));
    expect(out.text).toBe('\x1b[92m\x1b[44mhi\x1b[0m\n');
    expect(err.text).toBe('\x1b[33;1mWARNING: w\x1b[0m\n\x1b[2mVERBOSE: v\x1b[0m\n\x1b[31;1mbad\x1b[0m\n');
    expect(host.width).toBe(100);
    expect(outputWidth(io)).toBe(100);
  });

  it('does not colour when NO_COLOR is set', () => {
    const { io, err } = fakeIO(true, { NO_COLOR: '1' });
    createConsoleHost(io, { interactive: false }).warning!('w');
    expect(err.text).toBe('WARNING: w\n');
  });

  it('maps ConsoleColor names to SGR codes', () => {
    expect(hostColorCodes('Red')).toBe('\x1b[91m');
    expect(hostColorCodes('darkred', 'White')).toBe('\x1b[31m\x1b[107m');
    expect(hostColorCodes('NotAColor')).toBe('');
  });
});
