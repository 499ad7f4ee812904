// .NET's Array.Sort algorithm (introspective sort), reproduced so Sort-Object orders items with equal
// keys exactly as pwsh does: pwsh's default (non -Stable) sort is List<T>.Sort, which is NOT stable, and
// scripts observe that (e.g. which duplicate -Unique keeps, or the order of ties in the output).

type Compare<T> = (a: T, b: T) => number;

const SIZE_THRESHOLD = 16;

/** Sorts `keys` in place exactly like .NET's ArraySortHelper<T>.IntrospectiveSort. */
export function introSort<T>(keys: T[], compare: Compare<T>): T[] {
  if (keys.length > 1) sortRange(keys, 0, keys.length, 2 * (Math.floor(Math.log2(keys.length)) + 1), compare);
  return keys;
}

function sortRange<T>(keys: T[], lo: number, size: number, depthLimit: number, compare: Compare<T>): void {
  while (size > 1) {
    if (size <= SIZE_THRESHOLD) {
      if (size === 2) {
        swapIfGreater(keys, compare, lo, lo + 1);
        return;
      }
      if (size === 3) {
        swapIfGreater(keys, compare, lo, lo + 1);
        swapIfGreater(keys, compare, lo, lo + 2);
        swapIfGreater(keys, compare, lo + 1, lo + 2);
        return;
      }
      insertionSort(keys, lo, size, compare);
      return;
    }
    if (depthLimit === 0) {
      heapSort(keys, lo, size, compare);
      return;
    }
    depthLimit--;
    const p = pickPivotAndPartition(keys, lo, size, compare);
    sortRange(keys, lo + p + 1, size - (p + 1), depthLimit, compare);
    size = p;
  }
}

function swapIfGreater<T>(keys: T[], compare: Compare<T>, i: number, j: number): void {
  if (compare(keys[i]!, keys[j]!) > 0) swap(keys, i, j);
}

function swap<T>(keys: T[], i: number, j: number): void {
  const t = keys[i]!;
  keys[i] = keys[j]!;
  keys[j] = t;
}

/** Median-of-three pivot; returns the pivot's final index relative to `lo`. */
function pickPivotAndPartition<T>(keys: T[], lo: number, size: number, compare: Compare<T>): number {
  const hi = size - 1;
  const middle = hi >> 1;
  swapIfGreater(keys, compare, lo, lo + middle);
  swapIfGreater(keys, compare, lo, lo + hi);
  swapIfGreater(keys, compare, lo + middle, lo + hi);
  const pivot = keys[lo + middle]!;
  swap(keys, lo + middle, lo + hi - 1);
  let left = 0;
  let right = hi - 1;
  while (left < right) {
    while (compare(keys[lo + ++left]!, pivot) < 0);
    while (compare(pivot, keys[lo + --right]!) < 0);
    if (left >= right) break;
    swap(keys, lo + left, lo + right);
  }
  if (left !== hi - 1) swap(keys, lo + left, lo + hi - 1);
  return left;
}

function heapSort<T>(keys: T[], lo: number, n: number, compare: Compare<T>): void {
  for (let i = n >> 1; i >= 1; i--) downHeap(keys, lo, i, n, compare);
  for (let i = n; i > 1; i--) {
    swap(keys, lo, lo + i - 1);
    downHeap(keys, lo, 1, i - 1, compare);
  }
}

function downHeap<T>(keys: T[], lo: number, i: number, n: number, compare: Compare<T>): void {
  const d = keys[lo + i - 1]!;
  while (i <= n >> 1) {
    let child = 2 * i;
    if (child < n && compare(keys[lo + child - 1]!, keys[lo + child]!) < 0) child++;
    if (!(compare(d, keys[lo + child - 1]!) < 0)) break;
    keys[lo + i - 1] = keys[lo + child - 1]!;
    i = child;
  }
  keys[lo + i - 1] = d;
}

function insertionSort<T>(keys: T[], lo: number, size: number, compare: Compare<T>): void {
  for (let i = 0; i < size - 1; i++) {
    const t = keys[lo + i + 1]!;
    let j = i;
    while (j >= 0 && compare(t, keys[lo + j]!) < 0) {
      keys[lo + j + 1] = keys[lo + j]!;
      j--;
    }
    keys[lo + j + 1] = t;
  }
}
