// The README's main job: start a local moto server, run examples/demo.ps1 against it with awsh, stop moto.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

if (!existsSync('dist/cli.cjs')) spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });

const port = await new Promise((resolve) => {
  const srv = createServer();
  srv.listen(0, '127.0.0.1', () => {
    const { port } = srv.address();
    srv.close(() => resolve(port));
  });
});
const moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
moto.on('error', () => {
  console.error("moto_server is not installed: pip install 'moto[server]'");
  process.exit(1);
});
const endpoint = `http://127.0.0.1:${port}`;
for (let i = 0; i < 100; i++) {
  try {
    const r = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
    if (r.ok) break;
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 200));
}
const env = { ...process.env, AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'demo', AWS_SECRET_ACCESS_KEY: 'demo', AWS_REGION: 'us-east-1' };
const script = process.argv[2] ?? 'examples/demo.ps1';
// The walkthroughs write files (a key pair's .pem, downloads): keep them in a scratch directory, out of the repo.
const cwd = mkdtempSync(join(tmpdir(), 'awsh-demo-'));
const run = spawnSync(process.execPath, [resolve('bin/awsh.js'), resolve(script)], { stdio: 'inherit', env, cwd });
moto.kill();
process.exit(run.status ?? 1);
