// The complaints dashboard on hand-computed fixtures: the outcome in SQL against sla.rules for every case,
// repurchase by outcome, the quantiles against medianAndP90, volume, and who may read it.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, complaints, orders } from "@/db/schema";
import { insertTestAccount } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { insertComplaintRow } from "./complaints.fixtures";
import {
  complainingRungs,
  complaintCauses,
  complaintOutcomes,
  complaintTimes,
  complaintVolume,
  noComplaintRepurchase,
  outcomeSql,
  pendingSql,
} from "./dashboard.queries";
import { complaintDashboardInput } from "./dashboard.schemas";
import { medianAndP90, outcomeOf } from "./sla.rules";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 11, 15, 12); // 2025-12-15; 12 months = 2025-01-01 .. now
const at = (month: number, day: number) => Date.UTC(2025, month - 1, day, 9);
const f = (over: Partial<Parameters<typeof complaintDashboardInput.parse>[0]> = {}) =>
  complaintDashboardInput.parse({ months: 12, ...over });

type Row = typeof complaints.$inferInsert;
function addComplaint(db: Db, accountId: number, over: Partial<Row> = {}): number {
  return insertComplaintRow(db, accountId, { receivedAt: at(2, 1), ...over });
}

function addOrder(db: Db, accountId: number, orderedAt: number) {
  db.insert(orders).values({ accountId, orderedAt, amount: 1000, margin: 100, createdAt: orderedAt }).run();
}

function account(db: Db, name: string, firstOrderAt: number | null = null): number {
  const id = insertTestAccount(db, { ownerId: null, name });
  if (firstOrderAt !== null) {
    db.update(accounts).set({ firstOrderAt, rung: "repeat" }).where(eq(accounts.id, id)).run();
  }
  return id;
}

describe("outcome classification in SQL", () => {
  it("gives every case the outcome sla.rules outcomeOf gives", () => {
    const db = createTestDb();
    const a = account(db, "Outcomes");
    const r = at(11, 1);
    const due = r + 5 * DAY;
    // name, acknowledged, confirmed, closed, "now" for the check
    const cases: Array<[string, number | null, number | null, number | null, number]> = [
      ["confirmed before the promise", r + HOUR, due - DAY, due, NOW],
      ["confirmed exactly at the promise", r + HOUR, due, due + HOUR, NOW],
      ["confirmed a millisecond late", r + HOUR, due + 1, due + 2, NOW],
      ["closed unconfirmed after acknowledging", r + HOUR, null, due - DAY, NOW],
      ["closed unconfirmed, never acknowledged", null, null, due - DAY, NOW],
      ["open, acknowledged, within the time", r + HOUR, null, null, due - 1],
      ["open exactly at the promise", null, null, null, due],
      ["open past the promise, never acknowledged", null, null, null, due + 1],
      ["open past the promise, acknowledged", r + HOUR, null, null, due + 1],
      ["confirmed but still open (awaiting close)", r + HOUR, due - HOUR, null, due - 2 * HOUR],
    ];
    for (const [name, ackAt, confirmedAt, closedAt, now] of cases) {
      const id = addComplaint(db, a, {
        receivedAt: r,
        resolveDueAt: due,
        acknowledgedAt: ackAt,
        resolvedAt: confirmedAt,
        closedAt,
        description: name,
      });
      const got = db.get<{ o: string | null }>(
        sql`SELECT ${outcomeSql(now)} AS o FROM complaints c WHERE c.id = ${id}`,
      )?.o;
      const want = outcomeOf({
        acknowledgedAt: ackAt,
        confirmedAt,
        closed: closedAt !== null,
        resolveDueAt: due,
        now,
      });
      expect({ name, outcome: got ?? null }).toEqual({ name, outcome: want });
      // The stored final outcome with the clock's part gives the same.
      const stored = db.get<{ o: string | null }>(
        sql`SELECT CASE WHEN ${pendingSql(now)} THEN NULL ELSE c.final_outcome END AS o FROM complaints c WHERE c.id = ${id}`,
      )?.o;
      expect({ name, outcome: stored ?? null }).toEqual({ name, outcome: want });
    }
  });
});

describe("repurchase by outcome", () => {
  let db: Db;
  beforeAll(() => {
    db = createTestDb();
    // Resolved quickly: A buys 100 days later (yes); B 200 days later (no, outside 180).
    const A = account(db, "A");
    addComplaint(db, A, {
      receivedAt: at(2, 1),
      acknowledgedAt: at(2, 1) + HOUR,
      resolvedAt: at(2, 3),
      closedAt: at(2, 3),
    });
    addOrder(db, A, at(2, 1) + 100 * DAY);
    const B = account(db, "B");
    addComplaint(db, B, {
      receivedAt: at(2, 1),
      acknowledgedAt: at(2, 1) + HOUR,
      resolvedAt: at(2, 3),
      closedAt: at(2, 3),
    });
    addOrder(db, B, at(2, 1) + 200 * DAY);
    // Resolved late: C buys 10 days later (yes).
    const C = account(db, "C");
    addComplaint(db, C, {
      receivedAt: at(3, 1),
      acknowledgedAt: at(3, 1) + HOUR,
      resolvedAt: at(3, 20),
      closedAt: at(3, 20),
    });
    addOrder(db, C, at(3, 11));
    // Unresolved: D only ordered before, and once exactly at the complaint's moment (not after it).
    const D = account(db, "D");
    addComplaint(db, D, { receivedAt: at(4, 1), acknowledgedAt: at(4, 1) + HOUR, closedAt: at(4, 30) });
    addOrder(db, D, at(1, 5));
    addOrder(db, D, at(4, 1));
    // Unacknowledged: E orders exactly 180 days later (inside: the window includes its last day).
    const E = account(db, "E");
    addComplaint(db, E, { receivedAt: at(4, 10), closedAt: at(5, 30) });
    addOrder(db, E, at(4, 10) + 180 * DAY);
    // F complains twice, both resolved quickly: counted once, from the first complaint (no order within 180
    // days of it, though one within 180 days of the second).
    const F = account(db, "F");
    addComplaint(db, F, {
      receivedAt: at(3, 1),
      acknowledgedAt: at(3, 1) + HOUR,
      resolvedAt: at(3, 2),
      closedAt: at(3, 2),
    });
    addComplaint(db, F, {
      receivedAt: at(4, 1),
      acknowledgedAt: at(4, 1) + HOUR,
      resolvedAt: at(4, 2),
      closedAt: at(4, 2),
    });
    addOrder(db, F, at(3, 1) + 190 * DAY);
    // G's complaint is too recent for a full 180-day window: left out of the rates, still in the mix.
    const G = account(db, "G");
    addComplaint(db, G, {
      receivedAt: at(10, 1),
      acknowledgedAt: at(10, 1) + HOUR,
      resolvedAt: at(10, 2),
      closedAt: at(10, 2),
    });
    addOrder(db, G, at(10, 20));
    // No complaint in the period, among accounts that ordered in the 30 days before it: H orders again on
    // 1 March (yes); I not until August (no); K complained in 2024 only (counted, no order). J's last order
    // before the period is older than 30 days (not counted); L ordered in December but complained (not counted).
    const H = account(db, "H");
    addOrder(db, H, Date.UTC(2024, 11, 20));
    addOrder(db, H, at(3, 1));
    const I = account(db, "I");
    addOrder(db, I, Date.UTC(2024, 11, 10));
    addOrder(db, I, at(8, 1));
    addOrder(db, account(db, "J"), Date.UTC(2024, 10, 1));
    const K = account(db, "K");
    addComplaint(db, K, { receivedAt: Date.UTC(2024, 6, 1), closedAt: Date.UTC(2024, 7, 1) });
    addOrder(db, K, Date.UTC(2024, 11, 15));
    const L = account(db, "L");
    addOrder(db, L, Date.UTC(2024, 11, 20));
    addComplaint(db, L, { receivedAt: at(11, 1), acknowledgedAt: at(11, 1) + HOUR });
  });

  it("counts complaining accounts once per outcome and the orders within N days after the complaint", () => {
    const o = complaintOutcomes(db, f(), NOW);
    const by = Object.fromEntries(o.repurchase.map((r) => [r.outcome, [r.repurchased, r.accounts]]));
    expect(by).toEqual({
      resolved_quickly: [1, 3],
      resolved: [1, 1],
      unresolved: [0, 1],
      unacknowledged: [1, 1],
    });
    expect(o.repurchase.find((r) => r.outcome === "resolved_quickly")?.rate).toBeCloseTo(1 / 3);
    expect(o.repurchase.map((r) => r.literature)).toEqual(["< 10%", "≈ 20%", "≈ 54%", "80%+"]);
    // The mix counts complaints, not accounts: A, B, F twice and G; D and L (open past its time).
    expect(o.mix).toEqual({ resolved_quickly: 5, resolved: 1, unresolved: 2, unacknowledged: 1 });
    expect(o.total).toBe(9);
  });

  it("compares with accounts that bought in the month before the period and had no complaint in it", () => {
    const base = noComplaintRepurchase(db, f(), NOW);
    expect(base).toMatchObject({ accounts: 3, repurchased: 1 });
    expect(base.rate).toBeCloseTo(1 / 3);
  });

  it("follows N: with 60 days G's complaint has a full window and only G's order counts among quick ones", () => {
    const o = complaintOutcomes(db, f({ repurchaseDays: 60 }), NOW);
    const by = Object.fromEntries(o.repurchase.map((r) => [r.outcome, [r.repurchased, r.accounts]]));
    expect(by).toEqual({
      resolved_quickly: [1, 4],
      resolved: [1, 1],
      unresolved: [0, 1],
      unacknowledged: [0, 1],
    });
    expect(noComplaintRepurchase(db, f({ repurchaseDays: 60 }), NOW)).toMatchObject({
      accounts: 3,
      repurchased: 1,
    });
  });

  it("leaves out complaints whose window has not ended, and the comparison until its window has", () => {
    const o = complaintOutcomes(db, f({ repurchaseDays: 365 }), NOW);
    expect(o.repurchase.every((r) => r.accounts === 0 && r.rate === null)).toBe(true);
    expect(noComplaintRepurchase(db, f({ repurchaseDays: 365 }), NOW).rate).toBeNull();
  });

  it("narrows to one channel or category", () => {
    expect(complaintOutcomes(db, f({ channel: "email" }), NOW).total).toBe(0);
    expect(complaintOutcomes(db, f({ category: "delivery" }), NOW).total).toBe(9);
  });
});

describe("acknowledgement and resolution times", () => {
  it("picks the same median and p90 in SQL as medianAndP90, for odd and even counts", () => {
    const db = createTestDb();
    const a = account(db, "Times");
    const channels = ["phone", "email", "web_form", "chat", "social_media", "in_person", "letter"] as const;
    const expected = new Map<string, ReturnType<typeof medianAndP90>>();
    let k = 0;
    for (const n of [1, 2, 3, 4, 5, 9, 10, 11, 20]) {
      const channel = channels[k % channels.length] as (typeof channels)[number];
      const category = k < channels.length ? "delivery" : "payment";
      k += 1;
      const hours: number[] = [];
      for (let i = 0; i < n; i++) {
        const h = ((i * 7919) % 53) + 1; // scrambled, with repeats
        hours.push(h * HOUR);
        const receivedAt = at(6, 1) + i * DAY;
        addComplaint(db, a, { channel, category, receivedAt, acknowledgedAt: receivedAt + h * HOUR });
      }
      expected.set(`${channel}/${category}`, medianAndP90(hours));
    }
    for (const [key, want] of expected) {
      const [channel, category] = key.split("/") as [never, never];
      const t = complaintTimes(db, f({ channel, category }), NOW);
      expect({ key, median: t.acknowledge.median, p90: t.acknowledge.p90 }).toEqual({ key, ...want });
    }
  });

  it("shares within the promise over the decided complaints, per month too", () => {
    const db = createTestDb();
    const a = account(db, "Promise");
    const r = at(5, 10);
    addComplaint(db, a, {
      receivedAt: r,
      acknowledgedAt: r + 2 * HOUR,
      resolvedAt: r + DAY,
      closedAt: r + DAY,
    });
    addComplaint(db, a, {
      receivedAt: r,
      acknowledgedAt: r + 30 * HOUR,
      resolvedAt: r + 9 * DAY,
      closedAt: r + 9 * DAY,
    });
    addComplaint(db, a, { receivedAt: r }); // never acknowledged, past both promises
    const t = complaintTimes(db, f(), NOW);
    expect(t.acknowledge.withinPromise).toBeCloseTo(1 / 3);
    expect(t.resolve.withinPromise).toBeCloseTo(1 / 3);
    expect(t.resolve.median).toBe(5 * DAY);
    const may = t.periods.find((p) => p.period === "2025-05");
    expect(may?.ackMedian).toBe(16 * HOUR);
    expect(t.periods).toHaveLength(12);
  });
});

describe("volume, causes and rungs", () => {
  it("counts per month by category and channel, and ranks causes as Pareto bars", () => {
    const db = createTestDb();
    const a = account(db, "Vol", Date.UTC(2024, 1, 1));
    addComplaint(db, a, {
      receivedAt: at(1, 5),
      category: "delivery",
      channel: "phone",
      rootCause: "late_delivery",
      responsibleParty: "delivery_partner",
    });
    addComplaint(db, a, {
      receivedAt: at(1, 6),
      category: "payment",
      channel: "email",
      rootCause: "billing_error",
      responsibleParty: "our_process",
      remedyType: "discount",
      remedyValue: 5000,
      remedyCarriedOutAt: at(1, 9),
    });
    addComplaint(db, a, {
      receivedAt: at(3, 6),
      category: "delivery",
      channel: "email",
      rootCause: "late_delivery",
      responsibleParty: "delivery_partner",
      remedyType: "discount",
      remedyValue: 3000,
      remedyCarriedOutAt: at(3, 9),
    });
    addComplaint(db, a, { receivedAt: Date.UTC(2024, 11, 31), category: "delivery" }); // before the period
    const v = complaintVolume(db, f(), NOW);
    expect(v.total).toBe(3);
    expect(v.byCategory[0]).toEqual({ period: "2025-01", counts: { delivery: 1, payment: 1 } });
    expect(v.byChannel[2]).toEqual({ period: "2025-03", counts: { email: 1 } });
    expect(v.byChannel[1]).toEqual({ period: "2025-02", counts: {} });
    const c = complaintCauses(db, f(), NOW);
    expect(c.rootCauses.map((b) => [b.key, b.count])).toEqual([
      ["late_delivery", 2],
      ["billing_error", 1],
    ]);
    expect(c.rootCauses[1]?.cumulative).toBe(1);
    expect(c.responsibleParties[0]).toMatchObject({ key: "delivery_partner", count: 2 });
    expect(c.remedies).toEqual([{ type: "discount", count: 2, total: 8000, average: 4000 }]);
    expect(complainingRungs(db, f(), NOW).rungs).toEqual([
      { key: "repeat", complaining: 1, complainingShare: 1, allShare: 1 },
    ]);
  });
});

describe("who reads the dashboard", () => {
  it("service agents, sales leads, executives and admins; not account managers", async () => {
    const db = createTestDb();
    for (const role of ALL_ROLES) {
      const call = callerFor(db, addUser(db, role)).complaints.outcomes({ months: 6 });
      if (role === "account_manager") await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
      else await expect(call).resolves.toMatchObject({ total: 0 });
    }
  });

  it("refuses a malformed filter with BAD_REQUEST", async () => {
    const db = createTestDb();
    const exec = callerFor(db, addUser(db, "executive"));
    await expect(exec.complaints.volume({ months: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(exec.complaints.volume({ months: 12, channel: "pigeon" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("the account's next order after a complaint, kept by triggers", () => {
  it("follows orders added, moved and deleted, and complaints filed after the orders", () => {
    const db = createTestDb();
    const a = account(db, "Triggers");
    const next = (id: number) =>
      db.select({ n: complaints.nextOrderAt }).from(complaints).where(eq(complaints.id, id)).get()?.n;
    addOrder(db, a, at(1, 10));
    const late = addComplaint(db, a, { receivedAt: at(3, 1) });
    const early = addComplaint(db, a, { receivedAt: at(1, 1) });
    expect([next(early), next(late)]).toEqual([at(1, 10), null]);
    addOrder(db, a, at(5, 1));
    expect([next(early), next(late)]).toEqual([at(1, 10), at(5, 1)]);
    addOrder(db, a, at(4, 1));
    expect(next(late)).toBe(at(4, 1));
    addOrder(db, a, at(3, 1)); // at the complaint's moment: not after it
    expect(next(late)).toBe(at(4, 1));
    db.delete(orders)
      .where(eq(orders.orderedAt, at(4, 1)))
      .run();
    expect(next(late)).toBe(at(5, 1));
    db.update(orders)
      .set({ orderedAt: at(2, 1) })
      .where(eq(orders.orderedAt, at(5, 1)))
      .run();
    expect([next(early), next(late)]).toEqual([at(1, 10), null]);
    db.update(complaints)
      .set({ receivedAt: at(1, 20) })
      .where(eq(complaints.id, late))
      .run();
    expect(next(late)).toBe(at(2, 1));
  });
});
