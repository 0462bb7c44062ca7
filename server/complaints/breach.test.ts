import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { complaintEvents, complaints } from "@/db/schema";
import { callerFor } from "../test/harness";
import { recordBreaches } from "./breach.queries";
import { complaintInput, setupComplaints } from "./complaints.fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function received(receivedAt: number) {
  const s = setupComplaints();
  const c = callerFor(s.db, s.agent).complaints;
  // medium: acknowledge within 24 h, resolve within 5 days (the defaults)
  const { id } = await c.create(complaintInput(s.accountId, s.contactId, { receivedAt }));
  const row = () => s.db.select().from(complaints).where(eq(complaints.id, id)).get();
  const breaches = () =>
    s.db
      .select()
      .from(complaintEvents)
      .where(eq(complaintEvents.complaintId, id))
      .all()
      .filter((e) => e.kind === "breach")
      .map((e) => e.message);
  return { ...s, c, id, row, breaches };
}

describe("the breach job", () => {
  it("exactly at the acknowledgement time is on time; one millisecond later the breach is recorded once", async () => {
    const t0 = Date.now() - HOUR;
    const { db, row, breaches } = await received(t0);
    expect(row()?.ackDueAt).toBe(t0 + DAY);
    expect(recordBreaches(db, { asOf: t0 + DAY })).toEqual({ acknowledge: 0, resolve: 0 });
    expect(row()?.ackBreachedAt).toBeNull();
    expect(recordBreaches(db, { asOf: t0 + DAY + 1 })).toEqual({ acknowledge: 1, resolve: 0 });
    expect(row()?.ackBreachedAt).toBe(t0 + DAY + 1);
    expect(recordBreaches(db, { asOf: t0 + DAY + 2 })).toEqual({ acknowledge: 0, resolve: 0 });
    expect(breaches()).toEqual(["acknowledge"]);
  });

  it("exactly at the resolution time is on time; one millisecond later the breach is recorded", async () => {
    const t0 = Date.now() - HOUR;
    const { db, c, id, row, breaches } = await received(t0);
    await c.transition({ action: "acknowledge", id });
    expect(recordBreaches(db, { asOf: t0 + 5 * DAY })).toEqual({ acknowledge: 0, resolve: 0 });
    expect(recordBreaches(db, { asOf: t0 + 5 * DAY + 1 })).toEqual({ acknowledge: 0, resolve: 1 });
    expect(row()).toMatchObject({ ackBreachedAt: null, resolveBreachedAt: t0 + 5 * DAY + 1 });
    expect(breaches()).toEqual(["resolve"]);
  });

  it("leaves closed and confirmed complaints alone", async () => {
    const t0 = Date.now() - HOUR;
    const { db, c, id } = await received(t0);
    await c.transition({ action: "closeWithoutConfirmation", id, reason: "Duplicate of another complaint" });
    expect(recordBreaches(db, { asOf: t0 + 30 * DAY })).toEqual({ acknowledge: 0, resolve: 0 });
  });

  it("a late acknowledgement records its own breach when the job has not run", async () => {
    const t0 = Date.now() - 2 * DAY;
    const { c, id, row, breaches } = await received(t0);
    await c.transition({ action: "acknowledge", id });
    expect(row()?.ackBreachedAt).not.toBeNull();
    expect(breaches()).toEqual(["acknowledge"]);
  });

  it("the clock on the complaint shows due soon, breached and met", async () => {
    const t0 = Date.now() - 23 * HOUR;
    const { c, id } = await received(t0);
    expect((await c.get({ id })).clocks.acknowledge).toBe("due_soon");
    await c.transition({ action: "acknowledge", id });
    expect((await c.get({ id })).clocks).toMatchObject({
      acknowledge: "met",
      resolve: "on_time",
      outcome: null,
    });
  });
});
