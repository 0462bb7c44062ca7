// The server's periodic database jobs (lapse, cadence, breaches, surveys): one timer per job per process however
// often register() runs (dev reloads, tests), one run at a time across all of them in the order they were started
// (lapse before cadence), a run skipped while the same job's previous one is still queued or running, and a
// failed run logged without taking the server down (the next one tries again). Each job does its work in slices
// that yield to the event loop (lib/slices.ts), so requests are answered while it runs (issue #12 §1).

type Jobs = { timers: Map<string, ReturnType<typeof setInterval>>; tail: Promise<unknown> };
const globalForJobs = globalThis as unknown as { backgroundJobs?: Jobs };

function jobs(): Jobs {
  globalForJobs.backgroundJobs ??= { timers: new Map(), tail: Promise.resolve() };
  return globalForJobs.backgroundJobs;
}

/** Queues `run` after every job run queued before it. */
function queue(name: string, run: () => Promise<unknown>): Promise<void> {
  const state = jobs();
  const next = state.tail.then(run).then(
    () => undefined,
    (error) => console.error(`[${name}] run failed:`, error),
  );
  state.tail = next;
  return next;
}

/** Starts `run` now and every `everyMs` after (once per process per name). */
export function startBackgroundJob(name: string, everyMs: number, run: () => Promise<unknown>): void {
  const state = jobs();
  if (state.timers.has(name)) return;
  let pending = false;
  const start = () => {
    if (pending) return;
    pending = true;
    void queue(name, run).finally(() => {
      pending = false;
    });
  };
  const timer = setInterval(start, everyMs);
  timer.unref?.();
  state.timers.set(name, timer);
  start();
}
