import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, orders, tasks } from "@/db/schema";
import type { SessionUser } from "../context";
import { fieldErrorsOf, insertTestAccount, insertTestContact, T0 } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";

const DAY = 86_400_000;

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    if (e instanceof TRPCError) return e.code;
    throw e;
  }
  return "OK";
}

describe("deals", () => {
  let db: Db;
  let am1: SessionUser;
  let am2: SessionUser;
  let lead: SessionUser;
  let exec: SessionUser;
  let agent: SessionUser;
  let accountId: number;

  beforeEach(() => {
    db = createTestDb();
    am1 = addUser(db, "account_manager", "Ann");
    am2 = addUser(db, "account_manager", "Bo");
    lead = addUser(db, "sales_lead", "Lee");
    exec = addUser(db, "executive", "Eve");
    agent = addUser(db, "service_agent", "Sam");
    accountId = insertTestAccount(db, { ownerId: am1.id, name: "Acme" });
  });

  const newDeal = (user: SessionUser, amount = 500_000) =>
    callerFor(db, user).deals.create({ accountId, title: "Forklift fleet", amount });

  it("an account manager opens a deal on their account, at the first stage, owned by them", async () => {
    const deal = await newDeal(am1);
    expect(deal).toMatchObject({ ownerId: am1.id, stage: "Qualifying", status: "open" });
    const moved = await callerFor(db, am1).deals.moveStage({ dealId: deal.id, stage: "Proposal" });
    expect(moved.stage).toBe("Proposal");
    const page = await callerFor(db, am1).deals.get({ dealId: deal.id });
    expect(page.moves.map((m) => m.toStage)).toEqual(["Qualifying", "Proposal"]);
  });

  it("refuses a deal on another manager's account, and writes from executives", async () => {
    expect(await codeOf(newDeal(am2))).toBe("FORBIDDEN");
    expect(await codeOf(newDeal(exec))).toBe("FORBIDDEN");
  });

  it("an account manager cannot close another manager's deal; a sales lead can", async () => {
    const deal = await newDeal(am1);
    const close = { dealId: deal.id, outcome: "lost" as const, closedAt: T0, ownerReason: "price" };
    // The other manager does not even see it.
    expect(await codeOf(callerFor(db, am2).deals.close(close))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(db, exec).deals.close(close))).toBe("FORBIDDEN");
    const closed = await callerFor(db, lead).deals.close(close);
    expect(closed).toMatchObject({ status: "lost", ownerReason: "price" });
    expect(await codeOf(callerFor(db, lead).deals.close(close))).toBe("BAD_REQUEST");
  });

  it("an executive reads deals and the dashboard but cannot write", async () => {
    const deal = await newDeal(am1);
    expect((await callerFor(db, exec).deals.get({ dealId: deal.id })).deal.title).toBe("Forklift fleet");
    const range = { fromMonth: "2024-06", toMonth: "2025-06" };
    await expect(callerFor(db, exec).deals.winRates(range)).resolves.toBeTruthy();
    expect(await codeOf(callerFor(db, am1).deals.winRates(range))).toBe("FORBIDDEN");
  });

  it("closing needs a reason from the list, with field messages", async () => {
    const deal = await newDeal(am1);
    const errors = await fieldErrorsOf(
      callerFor(db, am1).deals.close({ dealId: deal.id, outcome: "won", closedAt: T0, ownerReason: "luck" }),
    );
    expect(errors.ownerReason?.[0]).toMatch(/not a reason/i);
    const missing = await fieldErrorsOf(
      callerFor(db, am1).deals.close({ dealId: deal.id, outcome: "won", closedAt: T0, ownerReason: "" }),
    );
    expect(missing.ownerReason?.[0]).toBe("Choose a reason.");
  });

  it("a won deal records an order on request, and the ladder sees it", async () => {
    const deal = await newDeal(am1, 120_000);
    const closed = await callerFor(db, am1).deals.close({
      dealId: deal.id,
      outcome: "won",
      closedAt: T0,
      ownerReason: "relationship",
      createOrder: { margin: 30_000 },
    });
    const order = db.select().from(orders).where(eq(orders.accountId, accountId)).get();
    expect(order).toMatchObject({
      id: closed.orderId,
      amount: 120_000,
      margin: 30_000,
      externalRef: `deal-${deal.id}`,
    });
    const account = db.select().from(accounts).where(eq(accounts.id, accountId)).get();
    expect(account).toMatchObject({ orderCount: 1, rung: "first_time", revenue: 120_000 });
  });

  describe("independent review", () => {
    let dealId: number;
    let contactId: number;
    beforeEach(async () => {
      dealId = (await newDeal(am1)).id;
      await callerFor(db, am1).deals.close({ dealId, outcome: "lost", closedAt: T0, ownerReason: "price" });
      contactId = insertTestContact(db, { accountId, name: "Buyer Bee" });
    });
    const review = (user: SessionUser, extra: object = {}) =>
      callerFor(db, user).deals.review({
        dealId,
        buyerContactId: contactId,
        spokeAt: T0 + DAY,
        primaryReason: "relationship",
        buyerWords: "Their rep visited every month; yours never called.",
        actions: [{ title: "Quarterly visit plan", assigneeId: am1.id, dueAt: T0 + 14 * DAY }],
        ...extra,
      });

    it("the server refuses a review by the deal's owner", async () => {
      await expect(review(am1)).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringMatching(/owner/),
      });
    });

    it("refuses an executive (by the default policy) and an account manager on their own account", async () => {
      expect(await codeOf(review(exec))).toBe("FORBIDDEN");
      const other = insertTestAccount(db, { ownerId: am2.id });
      expect(other).toBeGreaterThan(0);
      // am2 does not manage Acme, so the policy lets them review am1's deal.
      await expect(review(am2)).resolves.toMatchObject({ primaryReason: "relationship" });
    });

    it("a sales lead's review records the buyer's reason and turns actions into win-back tasks", async () => {
      const saved = await review(lead);
      expect(saved).toMatchObject({ outcome: "lost", ownerReason: "price", primaryReason: "relationship" });
      const task = db.select().from(tasks).where(eq(tasks.assigneeId, am1.id)).get();
      expect(task).toMatchObject({
        title: "Quarterly visit plan",
        kind: "win_back",
        dueAt: T0 + 14 * DAY,
        accountId,
      });
      const followUps = await callerFor(db, am1).tasks.myFollowUps({});
      expect(JSON.stringify(followUps)).toContain("Quarterly visit plan");
      expect(await codeOf(review(agent))).toBe("CONFLICT");
      const page = await callerFor(db, lead).deals.get({ dealId });
      expect(page.review?.actions).toHaveLength(1);
      expect(page.canReview).toBe(false);
    });

    it("a contact from another account and an unknown assignee are refused field by field", async () => {
      const otherAccount = insertTestAccount(db, { ownerId: am2.id });
      const stranger = insertTestContact(db, { accountId: otherAccount });
      const errors = await fieldErrorsOf(review(lead, { buyerContactId: stranger }));
      expect(errors.buyerContactId?.[0]).toMatch(/this account's contacts/);
      const bad = await fieldErrorsOf(
        review(lead, { actions: [{ title: "Call", assigneeId: "nobody", dueAt: T0 + DAY }] }),
      );
      expect(bad["actions.0.assigneeId"]?.[0]).toMatch(/active user/);
    });

    it("the queue lists closed deals without a review, and coverage counts reviewed ones", async () => {
      const now = T0 + 2 * DAY;
      const { reviewQueue } = await import("./reviews.queries");
      const before = reviewQueue(db, lead, { sort: "recent", offset: 0, limit: 10 }, now);
      expect(before.items.map((d) => d.id)).toEqual([dealId]);
      expect(before.coverage).toMatchObject({ closed: 1, reviewed: 0, share: 0 });
      await review(lead);
      const after = reviewQueue(db, lead, { sort: "recent", offset: 0, limit: 10 }, now);
      expect(after.items).toEqual([]);
      expect(after.coverage).toMatchObject({ closed: 1, reviewed: 1, share: 1 });
    });

    it("the queue offers a review only where the reader may give one: never on their own deals", async () => {
      // A deal the lead owns and closed, beside am1's deal.
      const own = await callerFor(db, lead).deals.create({ accountId, title: "Lead's own", amount: 9_000 });
      await callerFor(db, lead).deals.close({
        dealId: own.id,
        outcome: "won",
        closedAt: T0 + DAY,
        ownerReason: "relationship",
      });
      const refusals = async (user: SessionUser) =>
        Object.fromEntries(
          (await callerFor(db, user).deals.reviewQueue({ sort: "recent", offset: 0, limit: 10 })).items.map(
            (d) => [d.title, d.reviewRefusal],
          ),
        );
      expect(await refusals(lead)).toEqual({ "Lead's own": "owner", "Forklift fleet": null });
      expect(await refusals(agent)).toEqual({ "Lead's own": null, "Forklift fleet": null });
      // The server refuses what the queue does not offer.
      expect(
        await codeOf(
          callerFor(db, lead).deals.review({
            dealId: own.id,
            spokeAt: T0 + 2 * DAY,
            primaryReason: "relationship",
            buyerWords: "x",
            actions: [],
          }),
        ),
      ).toBe("FORBIDDEN");
    });
  });
});

describe("win/loss settings", () => {
  it("an admin renames stages, adds a reason and narrows reviewers; the next deal and review follow them", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const am = addUser(db, "account_manager");
    const agent = addUser(db, "service_agent");
    const lead = addUser(db, "sales_lead");
    const accountId = insertTestAccount(db, { ownerId: am.id });
    const saved = await callerFor(db, admin).deals.saveSettings({
      stages: ["Discovery", "Quote"],
      reasons: ["price", "relationship", "late_delivery"],
      reviewerRoles: ["sales_lead"],
      otherAccountManagers: false,
    });
    expect(saved.stages).toEqual(["Discovery", "Quote"]);
    const deal = await callerFor(db, am).deals.create({ accountId, title: "T", amount: 1 });
    expect(deal.stage).toBe("Discovery");
    await callerFor(db, am).deals.close({
      dealId: deal.id,
      outcome: "lost",
      closedAt: T0,
      ownerReason: "late_delivery",
    });
    const review = { dealId: deal.id, spokeAt: T0, primaryReason: "price", buyerWords: "w" };
    expect(await codeOf(callerFor(db, agent).deals.review(review))).toBe("FORBIDDEN");
    await expect(callerFor(db, lead).deals.review(review)).resolves.toMatchObject({
      ownerReason: "late_delivery",
    });
  });

  it("refuses bad lists with field messages and changes nothing; only admins may save", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const lead = addUser(db, "sales_lead");
    const bad = { stages: ["A", "A"], reasons: ["Price!"], reviewerRoles: [], otherAccountManagers: true };
    const errors = await fieldErrorsOf(callerFor(db, admin).deals.saveSettings(bad as never));
    expect(errors.stages?.[0]).toBe("Stage names must differ.");
    expect(Object.keys(errors).some((k) => k.startsWith("reasons"))).toBe(true);
    expect((await callerFor(db, admin).deals.settings()).stages).toEqual([
      "Qualifying",
      "Proposal",
      "Negotiation",
    ]);
    expect(
      await codeOf(callerFor(db, lead).deals.saveSettings({ ...bad, stages: ["A"], reasons: ["a", "b"] })),
    ).toBe("FORBIDDEN");
  });
});

describe("deals list", () => {
  it("pages newest first, searches title and account name, filters status, and shows a manager only theirs", async () => {
    const db = createTestDb();
    const ann = addUser(db, "account_manager", "Ann");
    const bo = addUser(db, "account_manager", "Bo");
    const lead = addUser(db, "sales_lead", "Lee");
    const acme = insertTestAccount(db, { ownerId: ann.id, name: "Acme 100%" });
    const globex = insertTestAccount(db, { ownerId: bo.id, name: "Globex" });
    const titles: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const deal = await callerFor(db, ann).deals.create({
        accountId: acme,
        title: `Ann deal ${i}`,
        amount: i,
      });
      titles.push(deal.title);
    }
    const bos = await callerFor(db, bo).deals.create({ accountId: globex, title: "Bo pallets", amount: 9 });
    await callerFor(db, bo).deals.close({
      dealId: bos.id,
      outcome: "lost",
      closedAt: T0,
      ownerReason: "price",
    });

    const first = await callerFor(db, lead).deals.list({ ownerId: "all", limit: 4 });
    expect(first.items.map((d) => d.title)).toEqual(["Bo pallets", "Ann deal 5", "Ann deal 4", "Ann deal 3"]);
    expect(first.items[0]).toMatchObject({ accountName: "Globex", ownerName: "Bo" });
    const second = await callerFor(db, lead).deals.list({
      ownerId: "all",
      limit: 4,
      cursor: first.nextCursor,
    });
    expect(second.items.map((d) => d.title)).toEqual(["Ann deal 2", "Ann deal 1"]);
    expect(second.nextCursor).toBeNull();

    const byAccount = await callerFor(db, lead).deals.list({ ownerId: "all", q: "100%" });
    expect(byAccount.items).toHaveLength(5);
    const byTitle = await callerFor(db, lead).deals.list({ ownerId: "all", q: "PALLET" });
    expect(byTitle.items.map((d) => d.title)).toEqual(["Bo pallets"]);
    const lost = await callerFor(db, lead).deals.list({ ownerId: "all", status: "lost" });
    expect(lost.items.map((d) => d.title)).toEqual(["Bo pallets"]);

    const annSees = await callerFor(db, ann).deals.list({ ownerId: "all" });
    expect(annSees.items.every((d) => d.ownerId === ann.id)).toBe(true);
    expect(annSees.items).toHaveLength(5);
    expect(titles).toHaveLength(5);
  });
});

describe("win/loss read permissions", () => {
  it("every dashboard procedure refuses account managers and service agents; the review queue refuses managers and executives", async () => {
    const db = createTestDb();
    const range = { fromMonth: "2025-01", toMonth: "2025-06" };
    const drill = { filters: range, kind: "owner" as const, value: "x" };
    for (const role of ["account_manager", "service_agent"] as const) {
      const c = callerFor(db, addUser(db, role)).deals;
      for (const call of [
        c.winRates(range),
        c.reasons(range),
        c.gap(range),
        c.competitors(range),
        c.dealsBehind(drill),
      ]) {
        expect(await codeOf(call)).toBe("FORBIDDEN");
      }
    }
    for (const role of ["account_manager", "executive"] as const) {
      expect(await codeOf(callerFor(db, addUser(db, role)).deals.reviewQueue({}))).toBe("FORBIDDEN");
    }
    expect(await codeOf(callerFor(db, addUser(db, "service_agent")).deals.reviewQueue({}))).toBe("OK");
  });

  it("a bad dashboard period is refused with a field message", async () => {
    const db = createTestDb();
    const lead = addUser(db, "sales_lead");
    const errors = await fieldErrorsOf(
      callerFor(db, lead).deals.winRates({ fromMonth: "2025-07", toMonth: "2025-01" }),
    );
    expect(errors.toMonth?.[0]).toBe("The end must not be before the start.");
    const month = await fieldErrorsOf(
      callerFor(db, lead).deals.winRates({ fromMonth: "2025-13", toMonth: "2026-01" }),
    );
    expect(month.fromMonth?.[0]).toBe("Enter a month such as 2026-03.");
  });
});
