// pwsh conformance: every case in cases/*.txt runs in a fresh shell; stdout must equal pwsh 7.4's exactly.
// Cases named in known-failures.txt still run but do not fail the suite (CONFORMANCE_STRICT=1 makes them `it.fails`).
// CONFORMANCE_WRITE_KNOWN=1 rewrites known-failures.txt with the cases failing in this run.
import { readdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCaseFile, type ConformanceCase } from './case-file.js';
import { runCase } from './run-case.js';

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, 'cases');
const knownFile = join(here, 'known-failures.txt');

const cases: ConformanceCase[] = readdirSync(casesDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .flatMap((f) => parseCaseFile(readFileSync(join(casesDir, f), 'utf8'), f.replace(/\.txt$/, '')));
const known = new Set(
  existsSync(knownFile)
    ? readFileSync(knownFile, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    : [],
);
const strict = process.env.CONFORMANCE_STRICT === '1';
const tally = { passed: 0, failed: 0, knownFailing: 0, knownPassing: [] as string[], failing: [] as string[] };
const assertions = cases.reduce((n, c) => n + 1 + c.errors.length, 0);

async function check(c: ConformanceCase): Promise<void> {
  const run = await runCase(c.script);
  expect(run.stdout.join('\n'), `${c.area}.txt:${c.line} stdout`).toBe(c.output.join('\n'));
  for (const e of c.errors) expect(run.stderr, `${c.area}.txt:${c.line} error text`).toContain(e);
}

describe('pwsh conformance', () => {
  it('case names are unique', () => {
    const seen = new Set<string>();
    const dups = cases.filter((c) => (seen.has(c.name) ? true : (seen.add(c.name), false))).map((c) => c.name);
    expect(dups).toEqual([]);
  });

  for (const c of cases) {
    if (!known.has(c.name)) {
      it(c.name, async () => {
        try {
          await check(c);
          tally.passed++;
        } catch (e) {
          tally.failed++;
          tally.failing.push(c.name);
          throw e;
        }
      });
    } else if (strict) {
      it.fails(c.name, () => check(c));
    } else {
      it(`[known failure] ${c.name}`, async () => {
        try {
          await check(c);
          tally.knownPassing.push(c.name);
        } catch {
          tally.knownFailing++;
          tally.failing.push(c.name);
        }
      });
    }
  }

  afterAll(() => {
    const lines = [
      `conformance: ${cases.length} cases, ${assertions} assertions`,
      `  passed ${tally.passed}, failed ${tally.failed}, known failures ${tally.knownFailing}`,
    ];
    if (tally.knownPassing.length) {
      lines.push(`  ${tally.knownPassing.length} known failures now pass (remove from known-failures.txt):`);
      for (const n of tally.knownPassing) lines.push(`    ${n}`);
    }
    console.log(lines.join('\n'));
    if (process.env.CONFORMANCE_WRITE_KNOWN === '1') {
      const header = '# Conformance cases awsh does not pass yet (one name per line). Regenerate: CONFORMANCE_WRITE_KNOWN=1 npx vitest run test/conformance\n';
      writeFileSync(knownFile, header + tally.failing.join('\n') + '\n');
    }
  });
});
