// Shared helpers for the benchmarks: medians, timing child processes, a private copy of the build, moto, tables.
// Benchmarks only: nothing here asserts; targets are printed next to the measured figures.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
export const runs = Number(argValue('--runs', process.env.AWSH_BENCH_RUNS)) || 5;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * A private copy of the build, so that other people rebuilding dist/ mid-run cannot skew or break the figures.
 * The copy sits beside a symlink to the repo's node_modules, so the externalised AWS SDK still resolves.
 * AWSH_BENCH_ROOT reuses a copy made by a parent process (bench/run.mjs makes one for all issue scripts).
 */
export function benchRoot() {
  if (process.env.AWSH_BENCH_ROOT) return process.env.AWSH_BENCH_ROOT;
  const from = resolve(argValue('--dist', process.env.AWSH_BENCH_DIST ?? join(repo, 'dist')));
  if (!existsSync(join(from, 'cli.cjs'))) throw new Error(`no build at ${from}: run \`npm run build\` first (or pass --dist DIR)`);
  const root = mkdtempSync(join(tmpdir(), 'awsh-bench-root-'));
  cpSync(from, join(root, 'dist'), { recursive: true });
  mkdirSync(join(root, 'bin'));
  for (const f of ['awsh.js', 'package.json']) copyFileSync(join(repo, 'bin', f), join(root, 'bin', f));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  process.env.AWSH_BENCH_ROOT = root;
  process.on('exit', () => rmSync(root, { recursive: true, force: true }));
  return root;
}
export const awshBin = () => join(benchRoot(), 'bin/awsh.js');
export const importDist = (file) => import(pathToFileURL(join(benchRoot(), 'dist', file)).href);

export const benchEnv = (extra = {}) => ({
  ...process.env,
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_PAGER: '',
  ...extra,
});

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const timeOut = join(tmpdir(), `awsh-bench-time-${process.pid}.txt`);
process.on('exit', () => rmSync(timeOut, { force: true }));

/**
 * Runs a command once; returns wall ms, and (through /usr/bin/time) CPU ms (user+sys) and peak RSS in MB.
 * CPU time is far steadier than wall time on a loaded 2-core machine, so tables show both.
 * Throws with stderr when the command fails (a broken case must not look fast).
 */
export function timeOnce(cmd, args, opts = {}) {
  const [c, a] = timeBin ? [timeBin, ['-o', timeOut, '-f', '%U %S %M', cmd, ...args]] : [cmd, args];
  const t = performance.now();
  const r = spawnSync(c, a, { encoding: 'utf8', maxBuffer: 1 << 28, timeout: opts.timeout ?? 120_000, env: opts.env ?? process.env });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout).slice(0, 600)}`);
  let cpu = NaN;
  let rssMB = NaN;
  if (timeBin) {
    const [u, s, m] = readFileSync(timeOut, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpu = (u + s) * 1000;
    rssMB = m / 1024;
  }
  return { ms, cpu, rssMB, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Times several commands interleaved (A B C, A B C, ...) so that background load hits them alike.
 * cases: { name: [cmd, args] }. Returns { name: { ms, cpu, rssMB } }, each the median over the runs.
 */
export function timeInterleaved(cases, { n = runs, env, warmup = 1, timeout } = {}) {
  const got = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < warmup + n; i++) {
    for (const [name, [cmd, args]] of Object.entries(cases)) {
      const r = timeOnce(cmd, args, { env, timeout });
      if (i >= warmup) got[name].push(r);
    }
  }
  const med = (xs, k) => median(xs.map((x) => x[k]));
  return Object.fromEntries(Object.entries(got).map(([k, v]) => [k, { ms: med(v, 'ms'), cpu: med(v, 'cpu'), rssMB: med(v, 'rssMB'), stdout: v[0].stdout }]));
}

/** Times an in-process function n times (after `warmup` runs); returns the median ms. */
export async function timeFn(fn, { n = runs, warmup = 1 } = {}) {
  const ts = [];
  for (let i = 0; i < warmup + n; i++) {
    const t = performance.now();
    // Await only what is async: awaiting a plain value between synchronous runs (a microtask turn each time)
    // doubled the parser's median here, through the garbage collector's timing, which callers never see.
    let r = fn();
    if (r && typeof r.then === 'function') await r;
    const ms = performance.now() - t;
    // Drop the result before the next run: a result held (by this variable's stack slot) while the next run
    // allocates is still young, so the collector copies and promotes it, and the next run pays for the harness
    // keeping the last result alive. This doubled the parser's median (10,000-line ASTs) here.
    r = undefined;
    if (i >= warmup) ts.push(ms);
  }
  return median(ts);
}

// ---------- moto ----------
async function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const p = srv.address().port;
      srv.close(() => res(p));
    });
  });
}

/** The moto endpoint: AWSH_BENCH_ENDPOINT when a parent started one, else a moto_server started (and stopped) here. */
export async function moto() {
  if (process.env.AWSH_BENCH_ENDPOINT) return process.env.AWSH_BENCH_ENDPOINT;
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  child.unref(); // moto must not keep the bench alive; the exit handler below stops it
  const stop = () => {
    try {
      child.kill();
    } catch {}
  };
  process.on('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (stop(), process.exit(130)));
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error('moto_server exited at start');
    try {
      if ((await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' })).ok) {
        process.env.AWSH_BENCH_ENDPOINT = endpoint;
        return endpoint;
      }
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error('moto_server did not answer within 30 s');
}
export const resetMoto = (endpoint) => fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });

// ---------- output ----------
export const fmtMs = (ms) => (ms >= 10 ? ms.toFixed(0) : ms.toFixed(1)) + ' ms';
export const ratio = (a, b) => (a / b).toFixed(2) + 'x';

/** Prints a table: header row then rows, columns padded to their widest cell. */
export function table(title, header, rows) {
  const all = [header, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const w = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ').trimEnd();
  console.log(`\n${title}`);
  console.log(line(all[0]));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of all.slice(1)) console.log(line(r));
}
export const verdict = (ok) => (ok ? 'met' : 'MISSED');

// ---------- probes: which modules a process loads, and its peak JS heap ----------
let probeDir;
/**
 * A `--import` preload for child processes. With AWSH_BENCH_MODLOG set it appends every resolved AWS SDK / smithy
 * module and awsh's own AWS chunk (ESM via a resolve hook, CJS via Module._load) to that file; with
 * AWSH_BENCH_HEAPLOG set it samples heapUsed every 5 ms and writes the peak (MB) there at exit.
 */
export function probePreload() {
  if (probeDir) return join(probeDir, 'preload.mjs');
  probeDir = mkdtempSync(join(tmpdir(), 'awsh-bench-probe-'));
  process.on('exit', () => rmSync(probeDir, { recursive: true, force: true }));
  const awsRe = String(/@aws-sdk|@smithy|\/dist\/aws-[^/]*\.js$/);
  writeFileSync(join(probeDir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function resolve(spec, ctx, next) {
  const r = await next(spec, ctx);
  if (process.env.AWSH_BENCH_MODLOG && ${awsRe}.test(r.url)) appendFileSync(process.env.AWSH_BENCH_MODLOG, r.url + '\\n');
  return r;
}\n`);
  writeFileSync(join(probeDir, 'preload.mjs'), `import { register, createRequire } from 'node:module';
import { appendFileSync, writeFileSync } from 'node:fs';
if (process.env.AWSH_BENCH_MODLOG) {
  register('./hooks.mjs', import.meta.url);
  const Module = createRequire(import.meta.url)('module');
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (${awsRe}.test(request)) appendFileSync(process.env.AWSH_BENCH_MODLOG, 'cjs:' + request + '\\n');
    return load.call(this, request, ...rest);
  };
}
if (process.env.AWSH_BENCH_HEAPLOG) {
  let peak = 0;
  // With --expose-gc (probeLive) each sample first collects garbage, so the peak is of live (retained) heap.
  const live = typeof globalThis.gc === 'function';
  const sample = () => { if (live) globalThis.gc(); const h = process.memoryUsage().heapUsed; if (h > peak) peak = h; };
  setInterval(sample, live ? 40 : 5).unref();
  process.on('exit', () => { sample(); writeFileSync(process.env.AWSH_BENCH_HEAPLOG, String(peak / 1048576)); });
}\n`);
  return join(probeDir, 'preload.mjs');
}

/**
 * Peak live heap (MB) of one node process: every 40 ms it collects garbage and reads heapUsed, so what is measured
 * is what the process retains while it runs, not garbage that is yet to be collected. Also its peak RSS (MB).
 */
export function probeLive(args, env) {
  return probe(['--expose-gc', ...args], env);
}

/** Runs node with the probe preload once: the AWS modules it loaded, its peak RSS and peak heap (MB). */
export function probe(args, env) {
  const pre = probePreload();
  const modlog = join(probeDir, `mods-${Math.random().toString(36).slice(2)}.txt`);
  const heaplog = join(probeDir, `heap-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(modlog, '');
  const r = timeOnce(process.execPath, ['--import', pathToFileURL(pre).href, ...args], { env: { ...(env ?? process.env), AWSH_BENCH_MODLOG: modlog, AWSH_BENCH_HEAPLOG: heaplog } });
  const mods = new Set(readFileSync(modlog, 'utf8').split('\n').filter(Boolean));
  return { ...r, awsModules: mods.size, heapMB: Number(readFileSync(heaplog, 'utf8')) };
}
