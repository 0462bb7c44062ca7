// Where a long write's time goes (issue #11 §1): the import bench (npm run bench:import-load) passes a trace
// and prints it, so the write transaction's length — what other users' writes wait for — is measured step by
// step. Without a trace nothing is timed.

/** Milliseconds per step, in the order the steps first ran; steps named "tx:…" ran inside the write transaction. */
export type StepTrace = Record<string, number>;

export function timed<T>(trace: StepTrace | undefined, step: string, fn: () => T): T {
  if (!trace) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    trace[step] = (trace[step] ?? 0) + performance.now() - t0;
  }
}
