// Multi-dimensional arrays (`[int[,]]::new(2, 3)`): row-major storage, `$m[i, j]` indexing, Rank/GetLength.
import type { PSType } from './ps-type.js';

export class PSMultiArray {
  readonly data: unknown[];
  constructor(
    readonly elementType: PSType,
    readonly dims: number[],
    fill: unknown,
  ) {
    this.data = new Array(dims.reduce((a, b) => a * b, 1)).fill(fill);
  }
  get Rank(): number {
    return this.dims.length;
  }
  get Length(): number {
    return this.data.length;
  }
  get Count(): number {
    return this.data.length;
  }
  GetLength(dimension: number): number {
    return this.dims[dimension] ?? 0;
  }
  /** Flat position of `[i, j, ...]`; null when the index count or a bound is wrong. */
  offset(indices: number[]): number | null {
    if (indices.length !== this.dims.length) return null;
    let off = 0;
    for (let d = 0; d < indices.length; d++) {
      const i = indices[d]!;
      if (!Number.isInteger(i) || i < 0 || i >= this.dims[d]!) return null;
      off = off * this.dims[d]! + i;
    }
    return off;
  }
  [Symbol.iterator](): Iterator<unknown> {
    return this.data[Symbol.iterator]();
  }
}
