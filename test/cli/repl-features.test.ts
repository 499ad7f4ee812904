// REPL features in a real pseudo terminal (tmux): tab completion, history reload and Ctrl+R, masked Read-Host,
// Get-Credential, confirmation prompts, Ctrl+C latency, colours and Write-Progress.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin', 'awsh.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const work = tempDir('awsh-replf-');
const plain = `awsh-replf-${process.pid}`;
const colour = `awsh-replc-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}
function screen(name = plain, escapes = false): string {
  return tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', name, '-S', '-300');
}
function start(name: string, env: string): void {
  const cmd = `cd ${JSON.stringify(work)} && HOME=${JSON.stringify(work)} ${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} -NoProfile -NoLogo; sleep 30`;
  tmux('new-session', '-d', '-s', name, '-x', '150', '-y', '50', 'sh', '-c', cmd);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function waitFor(check: (text: string) => boolean, what: string, name = plain, timeoutMs = 10000, escapes = false): Promise<string> {
  const end = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < end) {
    text = screen(name, escapes);
    if (check(text)) return text;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}; screen:\n${text}`);
}
/** Keys one at a time with a pause, as a person types (readline treats a burst as a paste). */
async function type(...k: string[]): Promise<void> {
  for (const key of k) {
    tmux('send-keys', '-t', plain, key);
    await sleep(150);
  }
}
const promptLine = `PS ${work}>`;
const count = (text: string, needle: string) => text.split('\n').filter((l) => l.includes(needle)).length;
const lineIs = (text: string, s: string) => text.split('\n').some((l) => l.trim() === s);
/** The last prompt line on the screen (what is being edited). */
const editLine = (text: string) => text.split('\n').filter((l) => l.startsWith(promptLine)).pop() ?? '';

describe.skipIf(!hasTmux)('awsh REPL features (tmux)', () => {
  beforeAll(async () => {
    if (!existsSync(join(root, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` first.');
    writeFileSync(join(work, '.awsh_history'), "'from-history-xyz'\n");
    writeFileSync(join(work, 'notes.txt'), 'n');
    writeFileSync(join(work, 'victim.txt'), 'v');
    mkdirSync(join(work, '.aws'));
    writeFileSync(join(work, '.aws', 'credentials'), '[default]\naws_access_key_id = x\n[devprofile]\naws_access_key_id = y\n');
    start(plain, 'NO_COLOR=1');
    await waitFor((t) => t.includes(promptLine), 'the prompt');
  });
  afterAll(() => {
    spawnSync('tmux', ['kill-session', '-t', plain]);
    spawnSync('tmux', ['kill-session', '-t', colour]);
  });

  it('completes command names (Get-S3<Tab><Tab> lists the S3 cmdlets)', async () => {
    await type('Get-S3Bu', 'Tab', 'Tab');
    const text = await waitFor((t) => t.includes('Get-S3BucketACL'), 'the candidate list');
    expect(text).toContain('Get-S3BucketEncryption');
    await type('C-c');
  });

  it('completes parameter names of the command under the cursor', async () => {
    await type('Get-ChildItem -Rec', 'Tab');
    await waitFor((t) => editLine(t).endsWith('Get-ChildItem -Recurse'), '-Recurse');
    await type('C-c');
  });

  it('completes members of a variable value and file paths', async () => {
    await type("$zz = [pscustomobject]@{ Alpha = 1 }", 'Enter', '$zz.Al', 'Tab');
    await waitFor((t) => editLine(t).endsWith('$zz.Alpha'), '$zz.Alpha');
    await type('C-c', 'Get-Content not', 'Tab');
    await waitFor((t) => editLine(t).endsWith('Get-Content notes.txt'), 'notes.txt');
    await type('C-c');
  });

  it('completes profile names after -ProfileName', async () => {
    await type('Get-S3Bucket -ProfileName dev', 'Tab');
    await waitFor((t) => editLine(t).endsWith('-ProfileName devprofile'), 'devprofile');
    await type('C-c');
  });

  it('completes AWS enum values after the parameter (-InstanceType t2.mi<Tab>)', async () => {
    await type('New-EC2Instance -InstanceType t2.mi', 'Tab');
    await waitFor((t) => editLine(t).endsWith('-InstanceType t2.micro'), 't2.micro');
    await type('C-c', 'Write-S3Object -CannedACLName PUB', 'Tab');
    await waitFor((t) => editLine(t).endsWith('-CannedACLName public-read'), 'the common prefix public-read');
    await type('C-c');
  });

  it('reloads history and finds it with Ctrl+R', async () => {
    await type('C-r', 'x', 'y', 'z');
    await waitFor((t) => t.includes("(reverse-i-search)'xyz': 'from-history-xyz'"), 'the search prompt');
    await type('Enter');
    await waitFor((t) => lineIs(t, 'from-history-xyz'), 'the recalled command output');
  });

  it('masks Read-Host -AsSecureString and returns a SecureString', async () => {
    await type("$p = Read-Host -AsSecureString 'Pwd'", 'Enter');
    await waitFor((t) => t.includes('Pwd:'), 'the Read-Host prompt');
    await type('hunter2', 'Enter', '$p.Length', 'Enter');
    const text = await waitFor((t) => lineIs(t, '7'), 'the length');
    expect(text).toContain('Pwd: *******');
    expect(text).not.toContain('hunter2');
  });

  it('asks for a credential with Get-Credential', async () => {
    await type('$c = Get-Credential', 'Enter');
    await waitFor((t) => t.includes('User:'), 'the user prompt');
    await type('alice', 'Enter');
    await waitFor((t) => t.includes('Password for user alice:'), 'the password prompt');
    await type('s3cret', 'Enter', '$c.UserName', 'Enter');
    const text = await waitFor((t) => lineIs(t, 'alice'), 'the user name');
    expect(text).not.toContain('s3cret');
  });

  it('asks for confirmation as pwsh does', async () => {
    // `-Confirm` itself is dropped by the binder today (/tmp/embedding-needs.md item 8); the preference asks too.
    await type("$ConfirmPreference = 'Low'; Remove-Item ./victim.txt; $ConfirmPreference = 'High'", 'Enter');
    await waitFor((t) => t.includes('[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):'), 'the confirmation prompt');
    await type('y', 'Enter');
    await waitFor(() => !existsSync(join(work, 'victim.txt')), 'the file to be removed');
  });

  it('runs a multi-line paste, continuing with >>', async () => {
    tmux('set-buffer', "if ($true) {\n'pasted-block'\n}\n");
    tmux('paste-buffer', '-t', plain);
    await waitFor((t) => lineIs(t, 'pasted-block'), 'the pasted block output');
  });

  it('cancels a running command on Ctrl+C within 200 ms', async () => {
    await type('Start-Sleep -Seconds 60', 'Enter');
    await sleep(400);
    const before = count(screen(), promptLine);
    const t0 = Date.now();
    tmux('send-keys', '-t', plain, 'C-c');
    let elapsed = 0;
    while (Date.now() - t0 < 3000) {
      if (count(screen(), promptLine) > before) {
        elapsed = Date.now() - t0;
        break;
      }
      await sleep(5);
    }
    expect(elapsed).toBeGreaterThan(0);
    // Includes tmux round trips (capture-pane ~10 ms each); loose, since CI machines are shared and noisy:
    // the 200 ms latency itself is reported by bench/repl-bench.mjs, not asserted here.
    expect(elapsed).toBeLessThan(1000);
  });

  it('colours errors only on a terminal without NO_COLOR, and draws Write-Progress', async () => {
    start(colour, '');
    await waitFor((t) => t.includes(promptLine), 'the colour prompt', colour);
    tmux('send-keys', '-t', colour, "Write-Error 'boom'", 'Enter');
    const text = await waitFor((t) => t.includes('boom') && t.includes('\x1b['), 'a coloured error', colour, 10000, true);
    expect(text).toMatch(/\x1b\[(31|91)/);
    // The NO_COLOR session shows the same error without escape codes.
    await type("Write-Error 'plain-boom'", 'Enter');
    const plainText = await waitFor((t) => t.includes('plain-boom'), 'the plain error', plain, 10000, true);
    expect(plainText.split('\n').filter((l) => l.includes('plain-boom')).join('')).not.toContain('\x1b[3');
    tmux('send-keys', '-t', colour, '1..4 | ForEach-Object { Write-Progress -Activity Copying -Status "step $_" -PercentComplete ($_ * 25); Start-Sleep -Milliseconds 500 }', 'Enter');
    await waitFor((t) => /Copying \[o+ *\] \d+% step \d/.test(t), 'the progress bar', colour);
  });
});
