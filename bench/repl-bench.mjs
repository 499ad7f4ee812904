// REPL benchmarks in a pseudo terminal: time from starting `awsh` to a ready prompt (util-linux `script`), next to
// `node -e` printing a line the same way; and Get-S3<Tab> in a running REPL (tmux).
// Usage: npm run build && node bench/repl-bench.mjs [--runs N]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

if (spawnSync('tmux', ['-V']).status !== 0) {
  console.log('tmux is not installed: skipping the REPL benchmark');
  process.exit(0);
}
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bin = resolve(import.meta.dirname, '..', 'bin', 'awsh.js');
const home = mkdtempSync(join(tmpdir(), 'awsh-bench-'));
const tmux = (...a) => execFileSync('tmux', a, { encoding: 'utf8' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs a command in a pseudo terminal (util-linux `script`) and times the first appearance of `marker`. */
function timeUntilOutput(cmd, marker) {
  return new Promise((ok, fail) => {
    const t = performance.now();
    const child = spawn('script', ['-qfc', cmd, '/dev/null'], { env: { ...process.env, HOME: home, NO_COLOR: '1' }, cwd: home });
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
      if (text.includes(marker)) {
        const ms = performance.now() - t;
        child.kill('SIGKILL');
        ok(ms);
      }
    });
    child.once('exit', () => fail(new Error(`no ${marker} in: ${text}`)));
  });
}

const nodeTimes = [];
const awshTimes = [];
const tabTimes = [];
const cancelTimes = [];
for (let r = 0; r < runs; r++) {
  nodeTimes.push(await timeUntilOutput(`${process.execPath} -e "process.stdout.write('READY> ')"`, 'READY>'));
  awshTimes.push(await timeUntilOutput(`${process.execPath} ${bin} -NoProfile -NoLogo`, `PS ${home}>`));
  const a = `awsh-bench-awsh-${process.pid}-${r}`;
  tmux('new-session', '-d', '-s', a, '-x', '150', '-y', '40', 'sh', '-c', `cd ${home} && HOME=${home} NO_COLOR=1 ${process.execPath} ${bin} -NoProfile -NoLogo; sleep 30`);
  while (!tmux('capture-pane', '-p', '-t', a).includes(`PS ${home}>`)) await sleep(10);
  // Tab completion in the live REPL (after its background preload).
  await sleep(600);
  tmux('send-keys', '-t', a, 'Get-S3Buck');
  await sleep(100);
  const t = performance.now();
  tmux('send-keys', '-t', a, 'Tab');
  for (;;) {
    if (tmux('capture-pane', '-p', '-t', a).includes('Get-S3Bucket')) break;
    if (performance.now() - t > 5000) throw new Error('no completion');
    await sleep(1);
  }
  tabTimes.push(performance.now() - t);
  // Ctrl+C during a slow command: time until the next prompt shows.
  tmux('send-keys', '-t', a, 'C-u', 'Start-Sleep -Seconds 60', 'Enter');
  await sleep(400);
  const prompts = () => tmux('capture-pane', '-p', '-t', a).split(`PS ${home}>`).length;
  const before = prompts();
  const c = performance.now();
  tmux('send-keys', '-t', a, 'C-c');
  while (prompts() <= before) {
    if (performance.now() - c > 5000) throw new Error('Ctrl+C did not return to the prompt');
    await sleep(1);
  }
  cancelTimes.push(performance.now() - c);
  tmux('kill-session', '-t', a);
}
const n = median(nodeTimes);
const w = median(awshTimes);
console.log(`node -e (print a line), in a pty           ${n.toFixed(1).padStart(8)} ms`);
console.log(`awsh start to ready prompt, in a pty       ${w.toFixed(1).padStart(8)} ms   ${(w / n).toFixed(2)}x node (target < 1.5x)`);
console.log(`Get-S3Buck<Tab> in the REPL, via tmux      ${median(tabTimes).toFixed(1).padStart(8)} ms   (includes tmux round trips)`);
console.log(`Ctrl+C in Start-Sleep to prompt, via tmux  ${median(cancelTimes).toFixed(1).padStart(8)} ms   (target < 200 ms; includes tmux round trips)`);
