import { describe, it, expect } from 'vitest';
import { parse, tokenize } from '../../src/parser/index.js';
import { CORPUS, rng } from './corpus.js';

const ALPHABET = ' \n\t(){}[]@$"\'`#<>|&;,.-+=!?:*/%0123456789abcdefxyzIF';

function mutate(src: string, r: () => number): string {
  let s = src;
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(r() * (s.length + 1));
    const op = Math.floor(r() * 4);
    if (op === 0) s = s.slice(0, i) + s.slice(i + 1);
    else if (op === 1) s = s.slice(0, i) + ALPHABET[Math.floor(r() * ALPHABET.length)] + s.slice(i);
    else if (op === 2) {
      const j = Math.min(s.length, i + Math.floor(r() * 8));
      s = s.slice(0, j) + s.slice(i, j) + s.slice(j);
    } else s = s.slice(0, i);
  }
  return s;
}

function randomText(r: () => number): string {
  const len = Math.floor(r() * 60);
  let s = '';
  for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return s;
}

function check(src: string): void {
  const t0 = performance.now();
  let result;
  try {
    result = parse(src);
  } catch (e) {
    throw new Error(`parse threw for ${JSON.stringify(src)}: ${String(e)}`);
  }
  const ms = performance.now() - t0;
  // The bound catches runaway (exponential or looping) parses, which take seconds; it is loose because a loaded
  // 2-core machine can stall a millisecond parse for a few hundred milliseconds.
  if (ms > 1000) throw new Error(`parse took ${ms.toFixed(0)} ms for ${JSON.stringify(src)}`);
  expect(result.ast.kind).toBe('ScriptBlock');
  for (const e of result.errors) {
    if (e.errorId === 'UnrecoverableParserError') throw new Error(`internal parser failure for ${JSON.stringify(src)}`);
  }
}

describe('fuzz: parse never throws or hangs', () => {
  it('parses the corpus without errors', () => {
    for (const src of CORPUS) expect(parse(src).errors, src).toEqual([]);
  });

  it('survives thousands of mutated snippets', () => {
    const r = rng(12345);
    for (let i = 0; i < 4000; i++) check(mutate(CORPUS[i % CORPUS.length]!, r));
  });

  it('survives random text', () => {
    const r = rng(777);
    for (let i = 0; i < 2000; i++) check(randomText(r));
  });

  it('survives pathological nesting', () => {
    check('('.repeat(5000));
    check('{'.repeat(5000));
    check('@{a='.repeat(2000));
    check('$('.repeat(3000));
    check('"$('.repeat(2000));
    check('-'.repeat(5000) + '1');
    check('[' .repeat(3000));
    const deep = parse('('.repeat(5000) + ')'.repeat(5000));
    expect(deep.errors.some((e) => e.errorId === 'ScriptTooComplicated')).toBe(true);
  });

  it('tokenize never throws', () => {
    const r = rng(99);
    for (let i = 0; i < 500; i++) tokenize(mutate(CORPUS[i % CORPUS.length]!, r));
  });
});

describe('tokenize', () => {
  it('returns tokens with kinds, text and extents', () => {
    const toks = tokenize('Get-Item -Path $x | % { 1 }');
    expect(toks.map((t) => [t.kind, t.text])).toEqual([
      ['Generic', 'Get-Item'], ['Parameter', '-Path'], ['Variable', '$x'], ['Pipe', '|'], ['Generic', '%'], ['LCurly', '{'],
      ['Number', '1'], ['RCurly', '}'],
    ]);
    expect(toks[2]!.extent).toMatchObject({ start: 15, end: 17, line: 1, column: 16 });
  });
  it('lexes operators in expression mode', () => {
    expect(tokenize('$a -ceq 1').map((t) => t.kind)).toEqual(['Variable', 'Operator', 'Number']);
  });
});
