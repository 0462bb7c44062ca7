// The breach job in slices (issue #12 §1): the same breaches and timeline events as one run, each recorded once.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { callerFor } from "../test/harness";
import { recordBreaches, recordBreachesInSlices } from "./breach.queries";
import { complaintInput, setupComplaints } from "./complaints.fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.now() - 10 * DAY;

/** Complaints received a few hours apart over ten days, every third acknowledged, some at the same moment. */
async function givenComplaints(): Promise<Db> {
  const s = setupComplaints();
  const c = callerFor(s.db, s.agent).complaints;
  for (let i = 0; i < 14; i++) {
    const receivedAt = T0 + Math.floor(i / 2) * 17 * HOUR;
    const { id } = await c.create(complaintInput(s.accountId, s.contactId, { receivedAt }));
    if (i % 3 === 0) await c.transition({ action: "acknowledge", id });
  }
  return s.db;
}

/** The breaches and events the job wrote as of `asOf` (the late acknowledgements recorded their own, earlier). */
function written(db: Db, asOf: number) {
  const by = (column: string) =>
    sql.raw(`CASE WHEN ${column} IS NULL THEN NULL WHEN ${column} = ${asOf} THEN 'job' ELSE 'earlier' END`);
  return {
    complaints: db.all(
      sql`SELECT id, ${by("ack_breached_at")} AS ack, ${by("resolve_breached_at")} AS resolve FROM complaints
        ORDER BY id`,
    ),
    events: db.all(
      sql`SELECT complaint_id, message FROM complaint_events WHERE kind = 'breach' AND at = ${asOf}
        ORDER BY complaint_id, message`,
    ),
  };
}

describe("the breach job in slices", () => {
  it("records the same breaches and events as one run, and none twice", async () => {
    for (const asOf of [T0 + 2 * DAY, T0 + 6 * DAY, T0 + 12 * DAY]) {
      const one = await givenComplaints();
      const found = recordBreaches(one, { asOf });
      expect(found.acknowledge + found.resolve).toBeGreaterThan(0);
      for (const slice of [1, 3]) {
        const sliced = await givenComplaints();
        expect(await recordBreachesInSlices(sliced, { asOf, slice })).toEqual(found);
        expect(written(sliced, asOf)).toEqual(written(one, asOf));
        expect(await recordBreachesInSlices(sliced, { asOf: asOf + 1, slice })).toEqual({
          acknowledge: 0,
          resolve: 0,
        });
        expect(written(sliced, asOf)).toEqual(written(one, asOf));
      }
    }
  });
});
