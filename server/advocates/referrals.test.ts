import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, ladderEvidence, surveys } from "@/db/schema";
import { insertCustomer, setupListening, T0 } from "../surveys/surveys.fixtures";
import { fieldErrorsOf } from "../test/fixtures";
import { callerFor } from "../test/harness";
import { listAdvocatesToReview } from "./advocates.queries";
import { recordReferral, resolveReferrer } from "./referrals.queries";

const DAY = 86_400_000;

describe("referrals", () => {
  it("records the referrer when an account is created, lists whom it brought in with their revenue", async () => {
    const { db, manager, accountId } = setupListening();
    const c = callerFor(db, manager);
    const { id } = await c.accounts.create({
      kind: "company",
      name: "Brought-in Ltd",
      level: "reactive",
      referredByAccountId: accountId,
    });
    db.update(accounts).set({ revenue: 120_000, orderCount: 1 }).where(eq(accounts.id, id)).run();
    const later = insertCustomer(db, { ownerId: manager.id, name: "Later Co" });
    db.update(accounts).set({ revenue: 30_000 }).where(eq(accounts.id, later)).run();
    await c.advocates.setReferrer({ accountId: later, referrerId: accountId });
    const r = await c.advocates.referrals({ accountId });
    expect(r.brought.map((b) => b.name).sort()).toEqual(["Brought-in Ltd", "Later Co"]);
    expect(r.totals).toEqual({ accounts: 2, revenue: 150_000, customers: 2 });
    expect((await c.advocates.referrals({ accountId: id })).referrer).toMatchObject({
      id: accountId,
      name: "Acme",
    });
  });

  it("refuses the account itself and a referral both ways, with a field message", async () => {
    const { db, manager, accountId } = setupListening();
    const other = insertCustomer(db, { ownerId: manager.id, name: "Other" });
    const c = callerFor(db, manager).advocates;
    expect(await fieldErrorsOf(c.setReferrer({ accountId, referrerId: accountId }))).toEqual({
      referredByAccountId: ["self"],
    });
    await c.setReferrer({ accountId: other, referrerId: accountId });
    expect(await fieldErrorsOf(c.setReferrer({ accountId, referrerId: other }))).toEqual({
      referredByAccountId: ["circular"],
    });
    await c.setReferrer({ accountId: other, referrerId: null });
    expect(db.select().from(accounts).where(eq(accounts.id, other)).get()?.referredByAccountId).toBeNull();
  });

  it("lets only those who may edit the account set its referrer", async () => {
    const { db, otherManager, executive, accountId, manager } = setupListening();
    const other = insertCustomer(db, { ownerId: manager.id, name: "Other" });
    for (const who of [otherManager, executive]) {
      await expect(
        callerFor(db, who).advocates.setReferrer({ accountId: other, referrerId: accountId }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("proposes the referrer as an advocate, naming whom it referred", () => {
    const { db, manager, accountId } = setupListening();
    const newcomer = insertCustomer(db, {
      ownerId: manager.id,
      name: "Newcomer",
      rung: "suspect",
      orderCount: 0,
    });
    recordReferral(db, { accountId: newcomer, referrerId: accountId, actorId: manager.id }, T0);
    const e = db.select().from(ladderEvidence).get();
    expect(e).toMatchObject({ accountId, kind: "referral", targetRung: "advocate", status: "proposed" });
    expect(JSON.parse(e?.details ?? "{}")).toEqual({ referred: "Newcomer", referredAccountId: newcomer });
  });

  it("finds a referrer for an import row by external reference, else by a unique name", () => {
    const { db, manager, accountId } = setupListening();
    db.update(accounts).set({ externalRef: "CRM-7" }).where(eq(accounts.id, accountId)).run();
    insertCustomer(db, { ownerId: manager.id, name: "Twin" });
    insertCustomer(db, { ownerId: manager.id, name: "Twin" });
    expect(resolveReferrer(db, "CRM-7")).toBe(accountId);
    expect(resolveReferrer(db, "acme")).toBe(accountId);
    expect(resolveReferrer(db, "Twin")).toBeNull();
    expect(resolveReferrer(db, "  ")).toBeNull();
  });
});

describe("advocates due for review", () => {
  it("lists active advocates without a promoter score or referral in 18 months", () => {
    const { db, manager } = setupListening();
    const now = T0 + 800 * DAY;
    const stale = insertCustomer(db, { ownerId: manager.id, name: "Stale", rung: "advocate" });
    const fresh = insertCustomer(db, { ownerId: manager.id, name: "Fresh", rung: "advocate" });
    const referring = insertCustomer(db, { ownerId: manager.id, name: "Referring", rung: "advocate" });
    db.insert(surveys)
      .values([
        {
          kind: "nps",
          token: "t-stale-xxxxxxxx",
          accountId: stale,
          sentAt: T0,
          expiresAt: T0,
          answeredAt: T0,
          score: 10,
          createdAt: T0,
        },
        {
          kind: "nps",
          token: "t-fresh-xxxxxxxx",
          accountId: fresh,
          sentAt: now - 30 * DAY,
          expiresAt: now,
          answeredAt: now - 30 * DAY,
          score: 9,
          createdAt: now,
        },
      ])
      .run();
    insertCustomer(db, { ownerId: manager.id, name: "Referred", at: now - 60 * DAY });
    db.update(accounts).set({ referredByAccountId: referring }).where(eq(accounts.name, "Referred")).run();
    const page = listAdvocatesToReview(db, manager, { mine: true, limit: 10 }, now);
    expect(page.items.map((i) => [i.name, i.lastEvidenceAt])).toEqual([["Stale", T0]]);
  });
});
