// Helpers for "maybe async" evaluation: a compiled closure returns a value, or a Promise when (and only when)
// something inside it went async. Synchronous code never pays for an await.
import { isPromise } from './flow.js';

export type Maybe<T> = T | Promise<T>;

/** Apply k to v, now or when v settles. */
export function andThen<T, R>(v: Maybe<T>, k: (value: T) => Maybe<R>): Maybe<R> {
  return isPromise(v) ? (v as Promise<T>).then(k) : k(v as T);
}

/** Evaluate fns in order; if one goes async, the rest are evaluated after it settles. */
export function evalAll<F>(fns: ((f: F) => unknown)[], f: F): Maybe<unknown[]> {
  const n = fns.length;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const v = fns[i](f);
    if (isPromise(v)) return finishAll(fns, f, out, i, v);
    out[i] = v;
  }
  return out;
}

async function finishAll<F>(fns: ((f: F) => unknown)[], f: F, out: unknown[], i: number, p: Promise<unknown>): Promise<unknown[]> {
  out[i] = await p;
  for (let j = i + 1; j < fns.length; j++) out[j] = await fns[j](f);
  return out;
}

/** Call fn on each item in order; if one call goes async, the rest run after it settles. */
export function eachMaybe<T>(items: readonly T[], fn: (item: T, i: number) => unknown, start = 0): Maybe<void> {
  for (let i = start; i < items.length; i++) {
    const r = fn(items[i] as T, i);
    if (isPromise(r)) return (r as Promise<unknown>).then(() => eachMaybe(items, fn, i + 1));
  }
}
