// Scratch: prints expected vs actual for known conformance failures (deleted before hand-off).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'vitest';
import { parseCaseFile } from '../conformance/case-file.js';
import { runCase } from '../conformance/run-case.js';

it('diff', async () => {
  const dir = 'test/conformance/cases';
  const cases = readdirSync(dir).filter((f) => f.endsWith('.txt')).flatMap((f) => parseCaseFile(readFileSync(join(dir, f), 'utf8'), f));
  const filter = process.env.ONLY ? process.env.ONLY.split('|') : readFileSync('test/conformance/known-failures.txt', 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  let out = '';
  for (const c of cases.filter((c) => filter.includes(c.name))) {
    const r = await runCase(c.script);
    const ok = r.stdout.join('\n') === c.output.join('\n') && c.errors.every((e) => r.stderr.includes(e));
    out += `\n##### ${c.name} (${c.area}:${c.line}) ${ok ? 'PASS' : 'FAIL'}\n${c.script}\n--- expected\n${c.output.join('\n')}\n--- actual\n${r.stdout.join('\n')}\n--- experr ${c.errors.join(' | ')}\n--- stderr\n${r.stderr}\n`;
  }
  (await import('node:fs')).writeFileSync('/tmp/known-diff.txt', out);
}, 600000);
