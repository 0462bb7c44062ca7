// Background work in slices (issue #12 §1). better-sqlite3 is synchronous: while a statement runs, the server
// answers no request. A job that has much to do does it a slice at a time (each its own short write transaction)
// and yields to the event loop between slices, so requests that arrived meanwhile are answered in between.

/** Resolves on the event loop's next check phase: I/O that arrived meanwhile (requests) is handled first. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs `slice` until it says there is nothing more to do, awaiting `pause` between two slices (by default
 * yieldToLoop; a test passes its own to write between slices).
 */
export async function runInSlices(slice: () => boolean, pause: () => Promise<void> = yieldToLoop) {
  while (slice()) await pause();
}
