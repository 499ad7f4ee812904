import { describe, it } from 'vitest';
import { parse } from '../../src/parser/index.js';
import { generateScript } from './corpus.js';

// Prints numbers only: timing assertions would be flaky on shared machines.
describe('parser speed', () => {
  it('reports lines per second for a generated 10,000-line script', () => {
    const src = generateScript(10_000);
    parse(src);
    const runs = 5;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) parse(src);
    const ms = (performance.now() - t0) / runs;
    console.log(`parse: 10000 lines in ${ms.toFixed(1)} ms = ${Math.round(10_000 / (ms / 1000))} lines/s`);
  });
});
