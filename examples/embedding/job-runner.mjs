// A job runner: runs an awsh script and streams every output object as one JSON line on stdout, the moment it is
// produced. Errors, warnings and progress go to stderr as JSON lines too, so a supervisor can parse both.
//
//   node job-runner.mjs jobs/inventory.ps1 [-Name value ...]
import { createShell } from 'awsh';
import { resolve } from 'node:path';

const [scriptPath, ...args] = process.argv.slice(2);
if (!scriptPath) {
  process.stderr.write('usage: node job-runner.mjs <script.ps1> [arguments]\n');
  process.exit(2);
}

const event = (stream, data) => process.stderr.write(JSON.stringify({ stream, ...data }) + '\n');
const shell = createShell({
  aws: { region: process.env.AWS_REGION ?? 'us-east-1', endpoint: process.env.AWS_ENDPOINT_URL },
  host: {
    error: (r) => event('error', { errorId: r.FullyQualifiedErrorId, message: r.Exception.Message, position: r.InvocationInfo?.PositionMessage ?? null }),
    warning: (message) => event('warning', { message }),
    verbose: (message) => event('verbose', { message }),
    information: (r) => event('information', { message: String(r.MessageData) }),
    progress: (p) => event('progress', { activity: p.Activity, percent: p.PercentComplete }),
    writeHost: (text) => event('host', { text }),
  },
});

// Ctrl+C (SIGINT) or a supervisor's SIGTERM stops the pipeline and aborts AWS calls in flight.
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

let count = 0;
try {
  for await (const item of shell.invokeFile(resolve(scriptPath), args, { signal: controller.signal })) {
    process.stdout.write(JSON.stringify(item, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) + '\n');
    count++;
  }
  event('done', { objects: count });
} catch (err) {
  event('failed', { errorId: err.errorRecord?.FullyQualifiedErrorId ?? null, message: err.message });
  process.exitCode = 1;
}
