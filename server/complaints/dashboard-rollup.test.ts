// complaint_rollup (issue #12 §1): the dashboard read from the rollup for the whole months and from complaints
// for the current one gives exactly what the plain queries over complaints give, on a hand-built set of
// complaints in every state (open within and past their times, received after "now", remedies, causes), and
// still does after inserts, workflow updates, moves between months and channels, deletions and an account's
// deletion cascading to its complaints.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  accounts,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  complaints,
  REMEDY_TYPES,
  RESPONSIBLE_PARTIES,
} from "@/db/schema";
import { insertTestAccount } from "../test/fixtures";
import { createTestDb } from "../test/harness";
import {
  type CountSource,
  complainingRungs,
  complaintCauses,
  complaintOutcomes,
  complaintTimes,
  complaintVolume,
} from "./dashboard.queries";
import { complaintDashboardInput } from "./dashboard.schemas";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 11, 15, 12); // 2025-12-15 12:00

/** A small deterministic generator (mulberry32), so the set is the same on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = typeof complaints.$inferInsert;
let seq = 0;

/** A complaint in a random state; `receivedAt` anywhere from 16 months before NOW to 2 days after it. */
function randomComplaint(next: () => number, accountId: number, over: Partial<Row> = {}): Row {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const chance = (p: number) => next() < p;
  seq += 1;
  const receivedAt = over.receivedAt ?? NOW - Math.floor(next() * 480 * DAY) + 2 * DAY;
  // Promises from a day to 40 days, so some complaints of earlier months are still within their time at NOW.
  const ackDueAt = receivedAt + (chance(0.1) ? 40 * DAY : Math.ceil(next() * 3) * DAY);
  const resolveDueAt = receivedAt + (chance(0.15) ? 40 * DAY : Math.ceil(next() * 14) * DAY);
  const acked = chance(0.8);
  const acknowledgedAt = acked ? receivedAt + Math.floor(next() * 4 * DAY) : null;
  const resolvedAt = acked && chance(0.6) ? (acknowledgedAt ?? 0) + Math.floor(next() * 20 * DAY) : null;
  const closedAt = resolvedAt !== null ? resolvedAt + HOUR : chance(0.3) ? receivedAt + 30 * DAY : null;
  const investigated = chance(0.6);
  const remedy = chance(0.4);
  return {
    reference: `C-ROLL-${seq}`,
    accountId,
    channel: pick(COMPLAINT_CHANNELS.slice(0, 3)),
    category: pick(COMPLAINT_CATEGORIES.slice(0, 3)),
    severity: "medium",
    description: "rollup",
    department: "logistics",
    receivedAt,
    acknowledgedAt,
    resolvedAt,
    closedAt,
    ackDueAt,
    resolveDueAt,
    rootCause: investigated ? pick(["late_delivery", "billing_error", "damaged"]) : null,
    responsibleParty: investigated && chance(0.8) ? pick(RESPONSIBLE_PARTIES.slice(0, 3)) : null,
    remedyType: remedy ? pick(REMEDY_TYPES.slice(0, 3)) : null,
    remedyValue: remedy && chance(0.8) ? Math.floor(next() * 10_000) : null,
    remedyCarriedOutAt: remedy && chance(0.7) ? receivedAt + 5 * DAY : null,
    createdAt: receivedAt,
    updatedAt: receivedAt,
    ...over,
  };
}

function account(db: Db, name: string): number {
  return insertTestAccount(db, { ownerId: null, name });
}

const FILTERS = [
  { months: 1 },
  { months: 2 },
  { months: 12 },
  { months: 36 },
  { months: 12, channel: "email" as const },
  { months: 12, category: "service" as const },
  { months: 6, channel: "phone" as const, category: "product_quality" as const },
];

/** Every count the rollup feeds, from the rollup and from complaints alone, at `now`. */
function both(db: Db, filters: (typeof FILTERS)[number], now: number) {
  const f = complaintDashboardInput.parse(filters);
  const read = (source: CountSource) => ({
    volume: complaintVolume(db, f, now, source),
    times: complaintTimes(db, f, now, source),
    outcomes: complaintOutcomes(db, f, now, source),
    causes: complaintCauses(db, f, now, source),
  });
  return { rollup: read("rollup"), plain: read("plain") };
}

function expectSame(db: Db, now: number) {
  for (const filters of FILTERS) {
    const { rollup, plain } = both(db, filters, now);
    expect({ filters, ...rollup }).toEqual({ filters, ...plain });
  }
}

describe("the complaints dashboard from complaint_rollup", () => {
  it("gives what the plain queries give, before and after writes of every kind", () => {
    const db = createTestDb();
    const next = random(12);
    const ids: number[] = [];
    const owners = [account(db, "A"), account(db, "B"), account(db, "C"), account(db, "D")];
    for (let i = 0; i < 400; i++) {
      const row = randomComplaint(next, owners[i % owners.length] as number);
      ids.push(db.insert(complaints).values(row).returning({ id: complaints.id }).get().id);
    }
    // Exactly at NOW and just after it (not in the period); one still within both promises at NOW.
    db.insert(complaints)
      .values(randomComplaint(next, owners[0] as number, { receivedAt: NOW, channel: "phone" }))
      .run();
    db.insert(complaints)
      .values(
        randomComplaint(next, owners[0] as number, {
          receivedAt: NOW - 20 * DAY,
          acknowledgedAt: null,
          resolvedAt: null,
          closedAt: null,
          ackDueAt: NOW + DAY,
          resolveDueAt: NOW + 10 * DAY,
        }),
      )
      .run();
    const summary = db.get<{ n: number; pending: number }>(
      sql`SELECT count(*) AS n, sum(resolved_at IS NULL AND closed_at IS NULL AND resolve_due_at >= ${NOW}
          AND received_at < ${Date.UTC(2025, 11, 1)}) AS pending FROM complaints`,
    );
    expect(summary?.n).toBe(402);
    expect(summary?.pending).toBeGreaterThan(3); // earlier months' complaints still within their time
    expectSame(db, NOW);
    // On the first moment of a month, and at the turn of the year.
    expectSame(db, Date.UTC(2025, 11, 1));
    expectSame(db, Date.UTC(2025, 0, 1, 0, 0, 0, 1));

    // Workflow steps on old complaints: acknowledged, confirmed, investigated, remedy carried out, closed.
    for (const id of ids.slice(0, 60)) {
      const c = db.select().from(complaints).where(eq(complaints.id, id)).get();
      if (!c) continue;
      db.update(complaints)
        .set({
          acknowledgedAt: c.acknowledgedAt ?? c.receivedAt + HOUR,
          resolvedAt: c.resolvedAt ?? c.receivedAt + 2 * DAY,
          closedAt: c.closedAt ?? c.receivedAt + 2 * DAY,
          rootCause: c.rootCause ?? "damaged",
          responsibleParty: "supplier",
          remedyType: "repair",
          remedyValue: 2500,
          remedyCarriedOutAt: c.receivedAt + DAY,
          updatedAt: NOW,
        })
        .where(eq(complaints.id, id))
        .run();
    }
    // Moved to another month, channel and category; reclassified; a remedy value corrected; untouched saves.
    for (const id of ids.slice(60, 100)) {
      db.update(complaints)
        .set({ receivedAt: NOW - 100 * DAY, channel: "web_form", category: "delivery" })
        .where(eq(complaints.id, id))
        .run();
    }
    for (const id of ids.slice(100, 120)) {
      db.update(complaints)
        .set({ rootCause: null, responsibleParty: null, remedyValue: 1, status: "closed" })
        .where(eq(complaints.id, id))
        .run();
    }
    db.update(complaints).set({ updatedAt: NOW }).run();
    // Deleted one by one, and with their account.
    for (const id of ids.slice(120, 150)) db.delete(complaints).where(eq(complaints.id, id)).run();
    db.delete(accounts)
      .where(eq(accounts.id, owners[3] as number))
      .run();
    // New complaints after the backfill and the writes above.
    for (let i = 0; i < 80; i++) {
      db.insert(complaints)
        .values(randomComplaint(next, owners[i % 3] as number))
        .run();
    }
    expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM complaints`)?.n).toBeLessThan(402);
    expectSame(db, NOW);
    expectSame(db, NOW + 40 * DAY);
    // No row left at zero.
    expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM complaint_rollup WHERE n <= 0`)?.n).toBe(0);
  });

  it("counts a month's complaints by channel and category from the rollup alone", () => {
    const db = createTestDb();
    const a = account(db, "Vol");
    const at = Date.UTC(2025, 5, 3);
    const base = randomComplaint(random(1), a, {
      receivedAt: at,
      channel: "chat",
      category: "payment",
      rootCause: null,
      remedyType: null,
    });
    db.insert(complaints).values(base).run();
    db.insert(complaints)
      .values({ ...base, reference: "C-ROLL-X2" })
      .run();
    expect(db.all(sql`SELECT kind, month, channel, category, n FROM complaint_rollup ORDER BY kind`)).toEqual(
      [{ kind: "outcome", month: 2025 * 12 + 5, channel: "chat", category: "payment", n: 2 }],
    );
    const v = complaintVolume(db, complaintDashboardInput.parse({ months: 12 }), NOW);
    expect(v.total).toBe(2);
    expect(v.byChannel.find((p) => p.period === "2025-06")?.counts).toEqual({ chat: 2 });
  });

  it("gives the rungs of complaining accounts the plain query gives, as accounts climb, lapse and go", () => {
    const db = createTestDb();
    const next = random(5);
    const rungs = ["suspect", "prospect", "first_time", "repeat", "client", "member", "advocate"] as const;
    const ids = rungs.flatMap((rung) =>
      [1, 2, 3].map((k) => insertTestAccount(db, { ownerId: null, name: `${rung} ${k}`, rung })),
    );
    const pick = () => ids[Math.floor(next() * ids.length)] as number;
    const added: number[] = [];
    for (let i = 0; i < 60; i++) {
      added.push(
        db.insert(complaints).values(randomComplaint(next, pick())).returning({ id: complaints.id }).get().id,
      );
    }
    const expectSameRungs = () => {
      for (const filters of FILTERS) {
        const f = complaintDashboardInput.parse(filters);
        expect({ filters, ...complainingRungs(db, f, NOW) }).toEqual({
          filters,
          ...complainingRungs(db, f, NOW, "plain"),
        });
      }
    };
    expectSameRungs();
    // Climbs, lapses and losses; an account deleted with its complaints; new accounts; a complaint moved.
    for (const id of ids.slice(0, 8))
      db.update(accounts).set({ rung: "client" }).where(eq(accounts.id, id)).run();
    for (const id of ids.slice(8, 12))
      db.update(accounts).set({ status: "lapsed" }).where(eq(accounts.id, id)).run();
    db.update(accounts)
      .set({ status: "lost", rung: "repeat" })
      .where(eq(accounts.id, ids[12] as number))
      .run();
    db.update(accounts)
      .set({ status: "active" })
      .where(eq(accounts.id, ids[8] as number))
      .run();
    db.update(accounts).set({ updatedAt: NOW }).run();
    db.delete(accounts)
      .where(eq(accounts.id, ids[20] as number))
      .run();
    const fresh = insertTestAccount(db, { ownerId: null, name: "Fresh", rung: "partner" });
    db.update(complaints)
      .set({ accountId: fresh })
      .where(eq(complaints.id, added[0] as number))
      .run();
    insertTestAccount(db, { ownerId: null, name: "No complaints" });
    expectSameRungs();
    const r = complainingRungs(db, complaintDashboardInput.parse({ months: 36 }), NOW);
    expect(r.rungs.find((x) => x.key === "partner")?.complaining).toBe(1);
  });
});
