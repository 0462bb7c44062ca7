// The feedback dashboard's figures filtered by the account as it is now (level, segment, rung, owner): what waits
// for action and how long closing took, and the share of new accounts that came by referral, hand-counted on
// three accounts; the filtered statement agrees with the unfiltered one when the filter keeps every account.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, feedback, surveys, tasks } from "@/db/schema";
import { insertCustomer } from "../surveys/surveys.fixtures";
import { addUser, createTestDb } from "../test/harness";
import { feedbackDashboardInput } from "./dashboard.schemas";
import { referralShare, waitingAndLoops } from "./dashboard-feedback.queries";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 11, 15, 12); // 12 months: 2025-01-01 .. 2025-12-15 noon
const at = (month: number, day: number) => Date.UTC(2025, month - 1, day, 9);
const f = (over: Partial<Parameters<typeof feedbackDashboardInput.parse>[0]> = {}) =>
  feedbackDashboardInput.parse({ months: 12, ...over });

let db: Db;
let owner: string;
let seq = 0;

/** Feedback asked for action on `asked`: closed `closeAfter` later, or open and due on `due`. */
function piece(accountId: number, asked: number, closeAfter: number | null, due = asked + 7 * DAY) {
  db.insert(feedback)
    .values({
      accountId,
      words: "x",
      interface: "service",
      channel: "phone",
      sentiment: "problem",
      theme: "price",
      receivedAt: asked,
      recordedById: owner,
      status: closeAfter === null ? "open" : "closed",
      actionAt: asked,
      actionDueAt: due,
      closedAt: closeAfter === null ? null : asked + closeAfter,
      createdAt: asked,
      updatedAt: asked,
    })
    .run();
}

/** A detractor's answer on `answered`: its loop closed `closeAfter` later, or open with a task due on `due`. */
function loop(accountId: number, answered: number, closeAfter: number | null, due = answered + 3 * DAY) {
  seq += 1;
  const task =
    closeAfter === null
      ? db
          .insert(tasks)
          .values({ accountId, assigneeId: owner, dueAt: due, title: "Close the loop", createdAt: answered })
          .returning({ id: tasks.id })
          .get().id
      : null;
  db.insert(surveys)
    .values({
      kind: "nps",
      token: `filters-${seq}-xxxxxxxxxxxx`,
      accountId,
      sentAt: answered - DAY,
      expiresAt: answered + 30 * DAY,
      answeredAt: answered,
      score: 2,
      followUpTaskId: task,
      loopClosedAt: closeAfter === null ? null : answered + closeAfter,
      createdAt: answered - DAY,
    })
    .run();
}

function created(id: number, when: number, referredBy: number | null = null) {
  db.update(accounts)
    .set({ createdAt: when, referredByAccountId: referredBy })
    .where(eq(accounts.id, id))
    .run();
}

beforeAll(() => {
  db = createTestDb();
  owner = addUser(db, "account_manager", "Owner Ola").id;
  const account = (name: string, level: "accountable" | "reactive", segment: string) => {
    const id = insertCustomer(db, { ownerId: owner, name, level });
    db.update(accounts).set({ segment }).where(eq(accounts.id, id)).run();
    created(id, Date.UTC(2023, 0, 1));
    return id;
  };
  // X1 and X2 are accountable, X3 reactive; X1 and X3 are in Retail.
  const x1 = account("X1", "accountable", "Retail");
  const x2 = account("X2", "accountable", "Manufacturing");
  const x3 = account("X3", "reactive", "Retail");
  piece(x1, at(3, 1), DAY);
  piece(x1, at(4, 1), 3 * DAY);
  piece(x1, at(11, 1), null); // due 8 November: overdue
  piece(x2, at(5, 1), 5 * DAY);
  piece(x2, at(12, 14), null); // due 21 December: not yet
  piece(x3, at(6, 1), 2 * DAY);
  piece(x3, at(7, 1), 10 * DAY);
  piece(x3, at(10, 1), null); // overdue
  piece(x3, Date.UTC(2024, 5, 1), HOUR); // asked before the period: not counted
  loop(x1, at(2, 1), 2 * HOUR);
  loop(x1, at(12, 1), null); // due 4 December: overdue
  loop(x2, at(8, 1), 6 * HOUR);
  // New accounts in the period: X4 (first-time buyer, referred by X1) and X5 (first-time) in March, X6
  // (repeat customer, referred by X2) in April.
  for (const [name, rung, when, by] of [
    ["X4", "first_time", at(3, 10), x1],
    ["X5", "first_time", at(3, 20), null],
    ["X6", "repeat", at(4, 2), x2],
  ] as const) {
    const id = insertCustomer(db, { ownerId: owner, name, rung, level: "reactive" });
    created(id, when, by);
  }
});

describe("the feedback dashboard for accounts as they are now", () => {
  it("counts what waits and the median and p90 of closing for one level or segment", () => {
    // Accountable (X1, X2): closed in 1, 3 and 5 days: median 3, p90 the 3rd of 3; loops in 2 and 6 hours.
    expect(waitingAndLoops(db, f({ level: "accountable" }), NOW)).toEqual({
      feedback: { open: 2, overdue: 1, closed: 3, median: 3 * DAY, p90: 5 * DAY },
      loops: { open: 1, overdue: 1, closed: 2, median: 4 * HOUR, p90: 6 * HOUR },
    });
    // Reactive (X3): 2 and 10 days; no loops.
    expect(waitingAndLoops(db, f({ level: "reactive" }), NOW)).toEqual({
      feedback: { open: 1, overdue: 1, closed: 2, median: 6 * DAY, p90: 10 * DAY },
      loops: { open: 0, overdue: 0, closed: 0, median: null, p90: null },
    });
    // Retail (X1, X3): 1, 2, 3 and 10 days: median 2.5, p90 the 4th of 4.
    expect(waitingAndLoops(db, f({ segment: "Retail" }), NOW).feedback).toEqual({
      open: 2,
      overdue: 2,
      closed: 4,
      median: 2.5 * DAY,
      p90: 10 * DAY,
    });
    // Two filters: accountable and Retail is X1 alone.
    expect(waitingAndLoops(db, f({ level: "accountable", segment: "Retail" }), NOW)).toEqual({
      feedback: { open: 1, overdue: 1, closed: 2, median: 2 * DAY, p90: 3 * DAY },
      loops: { open: 1, overdue: 1, closed: 1, median: 2 * HOUR, p90: 2 * HOUR },
    });
  });

  it("gives the same figures whether it lists the accounts chosen or the others", () => {
    // Reactive (four of six accounts) and the owner (all six) list the others; the rest list those chosen.
    // Both ways for each; accounts without a segment are among the others of a segment.
    const filters = [
      { level: "accountable" },
      { level: "reactive" },
      { segment: "Retail" },
      { level: "accountable", segment: "Retail" },
      { ownerId: owner },
      { rung: "first_time" },
      { segment: "Nobody" },
    ] as const;
    for (const months of [3, 12, 36] as const) {
      for (const filter of filters) {
        const listed = waitingAndLoops(db, f({ months, ...filter }), NOW, false);
        expect(waitingAndLoops(db, f({ months, ...filter }), NOW, true)).toEqual(listed);
        expect(waitingAndLoops(db, f({ months, ...filter }), NOW)).toEqual(listed);
      }
    }
    expect(waitingAndLoops(db, f({ level: "reactive" }), NOW, true).feedback.closed).toBe(2);
    expect(waitingAndLoops(db, f({ segment: "Retail" }), NOW, true).feedback.closed).toBe(4);
  });

  it("gives with a filter every account passes what it gives without one", () => {
    const all = waitingAndLoops(db, f(), NOW);
    expect(all.feedback).toEqual({ open: 3, overdue: 2, closed: 5, median: 3 * DAY, p90: 10 * DAY });
    for (const months of [3, 12, 24, 36] as const) {
      expect(waitingAndLoops(db, f({ months, ownerId: owner }), NOW)).toEqual(
        waitingAndLoops(db, f({ months }), NOW),
      );
    }
  });

  it("counts new accounts and those referred per month for one rung or level as the account is now", () => {
    const months = (r: ReturnType<typeof referralShare>) =>
      r.periods.filter((p) => p.newAccounts > 0).map((p) => [p.period, p.newAccounts, p.referred]);
    const firstTime = referralShare(db, f({ rung: "first_time" }), NOW);
    expect(months(firstTime)).toEqual([["2025-03", 2, 1]]);
    expect(firstTime.total).toEqual({ newAccounts: 2, referred: 1, share: 0.5 });
    expect(months(referralShare(db, f({ rung: "repeat" }), NOW))).toEqual([["2025-04", 1, 1]]);
    expect(referralShare(db, f({ level: "reactive" }), NOW).total).toEqual({
      newAccounts: 3,
      referred: 2,
      share: 2 / 3,
    });
    expect(referralShare(db, f({ level: "accountable" }), NOW).total.newAccounts).toBe(0);
    // The month read from the index alone: no row of accounts is visited.
    const plan = db.all<{ detail: string }>(
      sql`EXPLAIN QUERY PLAN SELECT count(*), count(a.referred_by_account_id) FROM accounts a
        INDEXED BY accounts_created_idx WHERE a.created_at >= 0 AND a.created_at < 1 AND a.level = 'reactive'`,
    );
    expect(plan.map((p) => p.detail).join(" ")).toContain("COVERING INDEX accounts_created_idx");
  });
});
