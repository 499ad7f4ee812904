import { parse } from '../../src/parser/index.js';
import { sexpr } from './sexpr.js';

/** Parses and renders the root script block; fails the test on parse errors. */
export function shape(src: string): string {
  const r = parse(src);
  if (r.errors.length) throw new Error(`unexpected parse errors for ${JSON.stringify(src)}: ${r.errors.map((e) => e.errorId).join(', ')}`);
  return sexpr(r.ast);
}

/** Shape of the single statement of a script. */
export function stmt(src: string): string {
  const s = shape(src);
  return s.slice(1, -1);
}

export function errs(src: string): [string, string, boolean][] {
  return parse(src).errors.map((e) => [e.errorId, `${e.extent.line}:${e.extent.column}`, e.incompleteInput]);
}
