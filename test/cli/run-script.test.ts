import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ExecuteResult } from '../../src/api-types.js';
import type { CliIO } from '../../src/cli/io.js';
import { choicePrompter } from '../../src/cli/prompts.js';
import { exitCodeFor } from '../../src/cli/run-script.js';
import { ErrorRecord, PSException } from '../../src/runtime/errors.js';

const ok: ExecuteResult = { output: [], terminatingError: null, exitCode: null, success: true };
const rec = new ErrorRecord(new PSException('x'), 'x', 'NotSpecified', null);

describe('exitCodeFor', () => {
  it('follows pwsh: exit N, else 1 after a terminating error, else $? for -Command and 0 for -File', () => {
    expect(exitCodeFor({ ...ok, exitCode: 7 }, 'command')).toBe(7);
    expect(exitCodeFor({ ...ok, exitCode: 0, success: false }, 'command')).toBe(0);
    expect(exitCodeFor({ ...ok, terminatingError: rec, success: false }, 'file')).toBe(1);
    expect(exitCodeFor({ ...ok, terminatingError: rec, success: false }, 'command')).toBe(1);
    expect(exitCodeFor({ ...ok, success: false }, 'command')).toBe(1);
    expect(exitCodeFor({ ...ok, success: false }, 'file')).toBe(0);
    expect(exitCodeFor(ok, 'command')).toBe(0);
  });
});

describe('choice prompt', () => {
  it('shows pwsh-style choices and accepts hotkeys, labels and the default', async () => {
    let out = '';
    const io: CliIO = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, stdin: Readable.from([]), env: {}, cwd: '/' };
    const answers = ['?', 'bogus', 'n'];
    const prompts: string[] = [];
    const ask = choicePrompter(io, async (p) => {
      prompts.push(p);
      return answers.shift() ?? '';
    });
    const choices = [
      { label: '&Yes', help: 'Continue with only the next step of the operation.' },
      { label: 'Yes to &All', help: 'Continue with all the steps of the operation.' },
      { label: '&No', help: 'Skip this operation and proceed with the next operation.' },
    ];
    expect(await ask('Confirm', 'Are you sure?', choices, 0)).toBe(2);
    expect(prompts[0]).toBe('[Y] Yes  [A] Yes to All  [N] No  [?] Help (default is "Y"): ');
    expect(out).toContain('Confirm\nAre you sure?\n');
    expect(out).toContain('A - Continue with all the steps of the operation.\n');
    expect(await ask('', '', choices, 0)).toBe(0);
  });
});
