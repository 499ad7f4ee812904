// Issue 3 benchmarks, in one process: formatting 10,000 objects as a table (Format-Table | Out-String, and
// Out-Default through shell.format), and ConvertTo-Json / ConvertFrom-Json of a 5 MB document, each next to the
// plain JS doing the same work (a padEnd table; JSON.stringify / JSON.parse) in the same process.
// Usage: node bench/issue3.mjs [--runs N] [--dist DIR]
import { importDist, runs, table, timeFn, fmtMs } from './lib.mjs';

const { createShell } = await importDist('index.js');
const shell = createShell({ host: { width: 120 } });
const run = async (script, variables) => {
  const r = await shell.execute(script, { variables });
  if (r.terminatingError) throw new Error(`${script}: ${r.terminatingError.Exception?.Message ?? r.terminatingError}`);
  return r.output;
};

// ---- 10,000 objects as a table ----
await run('$o = foreach ($i in 1..10000) { [pscustomobject]@{ Id = $i; Name = "item$i"; Size = $i * 3; Ready = ($i % 2 -eq 0) } }');
const rawObjects = [];
for await (const v of shell.invoke('$o', { raw: true })) rawObjects.push(v);
const [ftText] = await run('$o | Format-Table | Out-String');
const ftMs = await timeFn(() => run('$null = $o | Format-Table | Out-String'));
let odText = '';
const odMs = await timeFn(() => { odText = shell.format(rawObjects); });
const jsObjects = Array.from({ length: 10000 }, (_, k) => ({ Id: k + 1, Name: `item${k + 1}`, Size: (k + 1) * 3, Ready: (k + 1) % 2 === 0 }));
const jsTable = (objs) => {
  const cols = Object.keys(objs[0]);
  const cells = objs.map((o) => cols.map((c) => (o[c] === true ? 'True' : o[c] === false ? 'False' : String(o[c]))));
  const w = cols.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i].length)));
  const num = cols.map((c) => typeof objs[0][c] === 'number');
  const line = (r) => r.map((x, i) => (num[i] ? x.padStart(w[i]) : x.padEnd(w[i]))).join(' ').trimEnd();
  return [line(cols), line(w.map((n) => '-'.repeat(n))), ...cells.map(line)].join('\n');
};
const jsTableMs = await timeFn(() => jsTable(jsObjects), { n: runs * 2 });
const lineCount = (t) => String(t ?? '').split('\n').filter((l) => l.trim()).length;

// ---- a 5 MB JSON document ----
const items = [];
let k = 0;
let text = '';
while (text.length < 5 * 1024 * 1024) {
  for (let j = 0; j < 1000; j++, k++) {
    items.push({ id: k, name: `object-${k}`, price: Math.round(k * 1.37 * 100) / 100, active: k % 3 === 0, tags: ['a', `t${k % 17}`], owner: { id: `u-${k % 97}`, region: 'us-east-1', quota: null }, created: '2024-05-01T12:00:00Z' });
  }
  text = JSON.stringify({ items });
}
const doc = JSON.parse(text);
const mb = (text.length / 1048576).toFixed(1);
const fromMs = await timeFn(() => run('$d = ConvertFrom-Json -InputObject $text', { text }));
const jsParseMs = await timeFn(() => JSON.parse(text), { n: runs * 2 });
const toMs = await timeFn(() => run('$null = ConvertTo-Json -InputObject $d -Depth 10'));
const jsPrettyMs = await timeFn(() => JSON.stringify(doc, null, 2), { n: runs * 2 });
const toCompressMs = await timeFn(() => run('$null = ConvertTo-Json -InputObject $d -Depth 10 -Compress'));
const jsStringifyMs = await timeFn(() => JSON.stringify(doc), { n: runs * 2 });
// Sanity: the round trip must give the same document, or the timings mean nothing.
const [back] = await run('ConvertTo-Json -InputObject $d -Depth 10 -Compress');
const roundTrip = typeof back === 'string' && JSON.stringify(JSON.parse(back)) === text ? 'round trip identical' : 'ROUND TRIP DIFFERS';

const row = (name, ms, baseName, baseMs, note) => [name, fmtMs(ms), `${baseName} ${fmtMs(baseMs)}`, `${(ms / baseMs).toFixed(1)}x`, note];
table(`Issue 3 - formatting and JSON, in one process (median of ${runs}, warm; node ${process.version})`, ['case', 'awsh', 'plain JS, same process', 'ratio', 'note'], [
  row('10,000 objects | Format-Table | Out-String', ftMs, 'padEnd table', jsTableMs, `${lineCount(ftText)} lines`),
  row('10,000 objects, Out-Default (shell.format)', odMs, 'padEnd table', jsTableMs, `${lineCount(odText)} lines`),
  row(`ConvertFrom-Json, ${mb} MB`, fromMs, 'JSON.parse', jsParseMs, `${items.length} items`),
  row(`ConvertTo-Json -Depth 10, ${mb} MB`, toMs, 'JSON.stringify(d,null,2)', jsPrettyMs, ''),
  row(`ConvertTo-Json -Depth 10 -Compress`, toCompressMs, 'JSON.stringify', jsStringifyMs, roundTrip),
]);
console.log('no time targets in issue 3; ratios are against the plain JS doing the same work in the same process.');
