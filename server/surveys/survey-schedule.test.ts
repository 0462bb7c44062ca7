import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, complaints, deals, orders, outbox, surveys } from "@/db/schema";
import { setSetting } from "../settings/settings.queries";
import { SCHEDULE_MONTH_MS } from "./survey.rules";
import { sendDueSurveys } from "./survey-schedule.queries";
import { insertContact, insertCustomer, setupListening, T0 } from "./surveys.fixtures";
import { surveysSettings } from "./surveys.settings";

const DAY = 86_400_000;

describe("the relationship survey schedule", () => {
  it("asks every contact with an address of active accountable customers, then not again for six months", () => {
    const { db } = setupListening();
    const first = sendDueSurveys(db, { now: T0 });
    expect(first.nps).toBe(2);
    const rows = db.select().from(surveys).all();
    expect(rows.map((r) => [r.kind, r.email, r.locale, r.level, r.rung])).toEqual([
      ["nps", "carol@acme.test", "en", "accountable", "repeat"],
      ["nps", "wang@acme.test", "zh", "accountable", "repeat"],
    ]);
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .map((m) => m.to),
    ).toEqual(["carol@acme.test", "wang@acme.test"]);
    expect(sendDueSurveys(db, { now: T0 + 5 * SCHEDULE_MONTH_MS }).nps).toBe(0);
    expect(sendDueSurveys(db, { now: T0 + 6 * SCHEDULE_MONTH_MS }).nps).toBe(2);
  });

  it("skips basic accounts, prospects, lapsed accounts and contacts without an address", () => {
    const { db, manager } = setupListening();
    db.delete(surveys).run();
    const basic = insertCustomer(db, { ownerId: manager.id, name: "Basic", level: "basic" });
    const prospect = insertCustomer(db, {
      ownerId: manager.id,
      name: "Prospect",
      rung: "prospect",
      orderCount: 0,
    });
    const lapsed = insertCustomer(db, { ownerId: manager.id, name: "Lapsed" });
    db.update(accounts).set({ status: "lapsed" }).where(eq(accounts.id, lapsed)).run();
    const noEmail = insertCustomer(db, { ownerId: manager.id, name: "No email" });
    for (const id of [basic, prospect, lapsed]) insertContact(db, id, "Someone", `p${id}@x.test`);
    insertContact(db, noEmail, "No address", null);
    const asked = sendDueSurveys(db, { now: T0 });
    expect(asked.nps).toBe(2); // only Acme's two contacts
  });

  it("follows the schedule setting: a level set to 0 is never asked", () => {
    const { db } = setupListening();
    setSetting(
      db,
      surveysSettings.surveySchedule,
      { basic: 0, reactive: 12, accountable: 0, proactive: 6, partnership: 6 },
      null,
    );
    expect(sendDueSurveys(db, { now: T0 }).nps).toBe(0);
  });
});

describe("CSAT after a complaint and after a won deal", () => {
  it("asks once after a complaint is closed, with how it ended", () => {
    const { db, accountId, contactId } = setupListening();
    setSetting(
      db,
      surveysSettings.surveySchedule,
      { basic: 0, reactive: 0, accountable: 0, proactive: 0, partnership: 0 },
      null,
    );
    const complaintId = db
      .insert(complaints)
      .values({
        reference: "ABCD-EFGH",
        accountId,
        contactId,
        channel: "phone",
        category: "delivery",
        severity: "medium",
        description: "Late",
        department: "logistics",
        receivedAt: T0 - 5 * DAY,
        acknowledgedAt: T0 - 5 * DAY + 3_600_000,
        resolvedAt: T0 - 2 * DAY,
        closedAt: T0 - 2 * DAY,
        status: "closed",
        ackDueAt: T0 - 4 * DAY,
        resolveDueAt: T0,
        locale: "zh",
        createdAt: T0 - 5 * DAY,
        updatedAt: T0 - 2 * DAY,
      })
      .returning({ id: complaints.id })
      .get().id;
    expect(sendDueSurveys(db, { now: T0 })).toEqual({ nps: 0, complaints: 1, deals: 0 });
    expect(sendDueSurveys(db, { now: T0 + DAY })).toEqual({ nps: 0, complaints: 0, deals: 0 });
    const s = db.select().from(surveys).get();
    expect(s).toMatchObject({
      kind: "csat_complaint",
      complaintId,
      complaintOutcome: "resolved_quickly",
      locale: "zh",
      email: "carol@acme.test",
    });
    expect(db.select().from(outbox).get()?.body).toContain("ABCD-EFGH");
  });

  it("asks the account's first contact with an address after a deal is won, not after one is lost", () => {
    const { db, accountId, manager } = setupListening();
    setSetting(
      db,
      surveysSettings.surveySchedule,
      { basic: 0, reactive: 0, accountable: 0, proactive: 0, partnership: 0 },
      null,
    );
    for (const status of ["won", "lost"] as const) {
      db.insert(deals)
        .values({
          accountId,
          ownerId: manager.id,
          title: `Deal ${status}`,
          amount: 100,
          stage: "proposal",
          status,
          closedAt: T0 - DAY,
          createdAt: T0 - 30 * DAY,
          updatedAt: T0 - DAY,
        })
        .run();
    }
    expect(sendDueSurveys(db, { now: T0 })).toEqual({ nps: 0, complaints: 0, deals: 1 });
    expect(db.select().from(surveys).get()).toMatchObject({ kind: "csat_deal", email: "carol@acme.test" });
    setSetting(db, surveysSettings.surveyCsat, { afterComplaint: true, afterDeal: false }, null);
    db.delete(surveys).run();
    expect(sendDueSurveys(db, { now: T0 }).deals).toBe(0);
  });
});

describe("what happened after a survey", () => {
  it("keeps the account's next order and first defection after the answer up to date", () => {
    const { db, accountId, contactId } = setupListening();
    sendDueSurveys(db, { now: T0 });
    const id = db.select().from(surveys).where(eq(surveys.contactId, contactId)).get()?.id ?? -1;
    db.update(surveys)
      .set({ answeredAt: T0 + DAY, score: 9 })
      .where(eq(surveys.id, id))
      .run();
    const order = (at: number) =>
      db.insert(orders).values({ accountId, orderedAt: at, amount: 100, margin: 10, createdAt: at }).run();
    order(T0 + 10 * DAY);
    order(T0 + 5 * DAY);
    order(T0 - DAY);
    const read = () => db.select().from(surveys).where(eq(surveys.id, id)).get();
    expect(read()?.nextOrderAt).toBe(T0 + 5 * DAY);
    db.run(
      `INSERT INTO ladder_moves (account_id, from_rung, to_rung, from_status, to_status, at)
       VALUES (${accountId}, 'repeat', 'repeat', 'active', 'lost', ${T0 + 40 * DAY})`,
    );
    expect(read()?.defectedAt).toBe(T0 + 40 * DAY);
  });
});
