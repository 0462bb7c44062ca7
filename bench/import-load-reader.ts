// The "rest of the office" for bench/import-under-load.ts: a second process with its own connection that, like
// a server answering an account manager, reads account-list pages (walking 10 pages by cursor, then starting
// again with another sort) and every 5th step logs an activity on one of their accounts, through the same tRPC
// caller the server uses. Each step's time is recorded under the phase the parent names ("before", "during",
// "after"); a write that throws is a failed write. Answers "stop" with every sample.
import { openDb } from "@/db/client";
import type { SessionUser } from "@/server/context";
import { createCaller } from "@/server/root";

const file = process.argv[2] as string;
const db = openDb(file, { migrate: false });
const user = db.$client
  .prepare("SELECT id, name, email, role, locale FROM users WHERE id = 'u-am-1'")
  .get() as SessionUser;
const caller = createCaller({ db, user });
const own = db.$client
  .prepare("SELECT id FROM accounts WHERE owner_id = ? ORDER BY id LIMIT 200")
  .pluck()
  .all(user.id) as number[];

type Sample = { phase: string; kind: "read" | "write"; ms: number; ok: boolean; error?: string };
const samples: Sample[] = [];
let phase = "before";
let running = true;
process.on("message", (message: { phase?: string; stop?: boolean }) => {
  if (message.phase) phase = message.phase;
  if (message.stop) running = false;
});

const SORTS = ["name", "lastOrder", "revenue"] as const;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  let step = 0;
  let walk = 0;
  let cursor: string | null = null;
  let page = 0;
  while (running) {
    step += 1;
    const sort = SORTS[walk % SORTS.length];
    const t0 = performance.now();
    try {
      const result = await caller.accounts.list({ sort, limit: 50, cursor });
      cursor = page < 9 ? result.nextCursor : null;
      page = cursor ? page + 1 : 0;
      if (!cursor) walk += 1;
      samples.push({ phase, kind: "read", ms: performance.now() - t0, ok: true });
    } catch (error) {
      samples.push({ phase, kind: "read", ms: performance.now() - t0, ok: false, error: String(error) });
      cursor = null;
      page = 0;
    }
    if (step % 5 === 0 && own.length) {
      const accountId = own[step % own.length] as number;
      const w0 = performance.now();
      try {
        await caller.activities.log({ accountId, type: "call", summary: `Bench call ${step}` });
        samples.push({ phase, kind: "write", ms: performance.now() - w0, ok: true });
      } catch (error) {
        samples.push({ phase, kind: "write", ms: performance.now() - w0, ok: false, error: String(error) });
      }
    }
    // About 40 requests a second: a busy office, not a flood (the machine has 2 shared cores).
    await pause(20);
  }
  process.send?.({ samples }, () => process.exit(0));
}

process.send?.({ ready: true, ownAccounts: own.length });
void main();
