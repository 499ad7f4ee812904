// An HTTP endpoint (node:http, no framework) that lists an S3 bucket and runs the caller's one-line filter over the
// listing in a restricted awsh shell:
//
//   GET /objects?bucket=photos&filter=Where-Object Size -gt 1000 | Select-Object Key, Size
//
// The filter is untrusted text: the shell may only run the listed commands, sees no environment and no files,
// may call S3 only, and gets 5 seconds and 1,000 output objects.
import { createServer } from 'node:http';
import { createShell } from 'awsh';

const filterCommands = ['Get-S3Object', 'Where-Object', 'Select-Object', 'Sort-Object', 'ForEach-Object', 'Measure-Object', 'Group-Object', 'Select-String'];

function newShell() {
  const errors = [];
  const shell = createShell({
    aws: { region: process.env.AWS_REGION ?? 'us-east-1', endpoint: process.env.AWS_ENDPOINT_URL },
    host: { error: (record) => errors.push(record) },
    restricted: { commands: filterCommands, allowNetwork: ['S3'], maxRunTimeMs: 5000, maxOutputObjects: 1000, maxMemoryObjects: 100000 },
  });
  return { shell, errors };
}

/** The request handler, exported so tests (and other servers) can mount it. */
export async function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== '/objects') return send(res, 404, { error: 'not found' });
  const bucket = url.searchParams.get('bucket');
  const filter = url.searchParams.get('filter') ?? '';
  if (!bucket) return send(res, 400, { error: 'bucket is required' });
  if (/[\r\n]/.test(filter)) return send(res, 400, { error: 'the filter must be one line' });
  // A shell per request: one user's functions and variables never reach the next request.
  const { shell, errors } = newShell();
  const script = filter.trim() ? `Get-S3Object -BucketName $Bucket | ${filter}` : 'Get-S3Object -BucketName $Bucket';
  try {
    const items = await shell.invoke(script, { variables: { Bucket: bucket } });
    if (errors.length) return send(res, 400, { error: errors[0].Exception.Message, errorId: errors[0].FullyQualifiedErrorId });
    return send(res, 200, items);
  } catch (err) {
    // shell.invoke rejects with a ShellError carrying the terminating ErrorRecord.
    const record = err.errorRecord;
    return send(res, 400, record ? { error: record.Exception.Message, errorId: record.FullyQualifiedErrorId } : { error: String(err) });
  }
}

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
}

export function startServer(port = 0) {
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => send(res, 500, { error: String(err) }));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startServer(Number(process.env.PORT ?? 8080));
  console.log(`listening on http://127.0.0.1:${server.address().port}/objects?bucket=...&filter=...`);
}
