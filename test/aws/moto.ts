// moto for the AWS tests: uses AWS_ENDPOINT_URL (or the endpoint global-setup.ts provided) when set,
// otherwise starts `moto_server` on a free loopback port for this test file.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

let started: { url: string; proc: ChildProcess } | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startMoto(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const proc = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      proc.kill();
      throw new Error('moto_server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => proc.kill() };
}

/** The moto endpoint for tests (starting one if needed). */
export async function motoEndpoint(): Promise<string> {
  if (process.env.AWS_ENDPOINT_URL) return process.env.AWS_ENDPOINT_URL;
  if (!started) {
    const m = await startMoto();
    started = { url: m.url, proc: null as unknown as ChildProcess };
    process.on('exit', m.stop);
    started = { url: m.url, proc: { kill: m.stop } as unknown as ChildProcess };
  }
  return started.url;
}

export async function resetMoto(url: string): Promise<void> {
  await fetch(`${url}/moto-api/reset`, { method: 'POST' });
}

export function stopOwnMoto(): void {
  started?.proc.kill();
  started = null;
}
