// The interactive session, driven through a real pseudo terminal with tmux (skipped when tmux is absent).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin', 'awsh.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `awsh-repl-${process.pid}`;
const work = tempDir('awsh-repl-');
const exitFile = join(work, 'exit-code');

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

function screen(name = session): string {
  return tmux('capture-pane', '-p', '-t', name, '-S', '-200');
}

function startSession(name: string, exitPath: string): void {
  const cmd = `cd ${JSON.stringify(work)} && HOME=${JSON.stringify(work)} NO_COLOR=1 ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} -NoProfile; echo $? > ${JSON.stringify(exitPath)}; sleep 30`;
  tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '40', 'sh', '-c', cmd);
}

async function waitForFile(path: string): Promise<string> {
  const end = Date.now() + 10000;
  while (!existsSync(path) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  return readFileSync(path, 'utf8').trim();
}

async function waitFor(check: (text: string) => boolean, what: string, timeoutMs = 10000): Promise<string> {
  const end = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < end) {
    text = screen();
    if (check(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
}

function keys(...k: string[]): void {
  tmux('send-keys', '-t', session, ...k);
}

/** How many screen lines contain `needle`. */
function count(text: string, needle: string): number {
  return text.split('\n').filter((l) => l.includes(needle)).length;
}

describe.skipIf(!hasTmux)('awsh interactive session (tmux)', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first.');
    startSession(session, exitFile);
  });

  afterAll(() => {
    spawnSync('tmux', ['kill-session', '-t', session]);
    spawnSync('tmux', ['kill-session', '-t', `${session}-d`]);
  });

  it('shows the banner and a PS prompt with the current directory', async () => {
    const text = await waitFor((t) => t.includes(`PS ${work}>`), 'the prompt');
    expect(text).toMatch(/^awsh \d+\.\d+\.\d+/);
  });

  it('prints results, keeps going after errors, and continues unfinished statements with >>', async () => {
    keys('6 * 7', 'Enter');
    await waitFor((t) => t.split('\n').some((l) => l.trim() === '42'), 'the result 42');
    keys('throw "oops"', 'Enter');
    await waitFor((t) => t.split('\n').some((l) => l.trim() === 'Exception: oops'), 'the error');
    keys('if ($true) {', 'Enter');
    await waitFor((t) => t.split('\n').some((l) => l === '>>'), 'the continuation prompt');
    keys("'inside'", 'Enter', '}', 'Enter');
    await waitFor((t) => t.split('\n').some((l) => l.trim() === 'inside'), 'the block output');
  });

  it('clears the line on Ctrl+C at the prompt', async () => {
    const before = count(screen(), `PS ${work}>`);
    keys('never-run-this');
    keys('C-c');
    await waitFor((t) => count(t, `PS ${work}>`) > before, 'a fresh prompt');
    keys("'after ctrl-c'", 'Enter');
    const text = await waitFor((t) => t.split('\n').some((l) => l.trim() === 'after ctrl-c'), 'output after Ctrl+C');
    expect(text).not.toContain('never-run-this:');
  });

  it('stops a running pipeline on Ctrl+C without ending the session', async () => {
    keys('Start-Sleep -Seconds 60', 'Enter');
    await new Promise((r) => setTimeout(r, 500));
    keys('C-c');
    keys("'still alive'", 'Enter');
    await waitFor((t) => t.split('\n').some((l) => l.trim() === 'still alive'), 'the session to continue', 8000);
  });

  it('records history and exits with the code given to exit', async () => {
    keys('exit 3', 'Enter');
    expect(await waitForFile(exitFile)).toBe('3');
    const history = readFileSync(join(work, '.awsh_history'), 'utf8');
    expect(history).toContain('6 * 7\n');
    expect(history).toContain('exit 3\n');
  });

  it('ends with exit code 0 on Ctrl+D at an empty prompt', async () => {
    const name = `${session}-d`;
    const exitPath = join(work, 'exit-code-d');
    startSession(name, exitPath);
    const end = Date.now() + 10000;
    while (!screen(name).includes(`PS ${work}>`) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
    tmux('send-keys', '-t', name, 'C-d');
    expect(await waitForFile(exitPath)).toBe('0');
  });
});
