// A monotonic clock in milliseconds for run-time limits. process.hrtime rather than performance.now():
// the performance global loads perf_hooks and ten more Node modules on first use, a cost at every start-up.
export function monotonicMs(): number {
  const [s, ns] = process.hrtime();
  return s * 1e3 + ns / 1e6;
}
