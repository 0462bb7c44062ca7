// The survey job in slices (issue #12 §1): it reads who is due from survey_due (kept by triggers) and sends a
// few surveys per transaction. These tests hold it to the plain rule — every contact with an address of an
// active customer whose level's interval has passed since its last relationship survey — on hand-built data,
// after later writes, and after the migration's backfill; and hold the sliced run to the one-transaction run.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, complaints, contacts, deals, type Level, outbox, surveys } from "@/db/schema";
import { setSetting } from "../settings/settings.queries";
import { SCHEDULE_MONTH_MS } from "./survey.rules";
import { CSAT_LOOKED_AT, sendDueSurveys, sendDueSurveysInSlices } from "./survey-schedule.queries";
import { sendSurvey } from "./survey-send.queries";
import { givenSurvey, insertContact, insertCustomer, setupListening, T0 } from "./surveys.fixtures";
import { surveysSettings } from "./surveys.settings";

const DAY = 86_400_000;
const MONTH = SCHEDULE_MONTH_MS;

/** The relationship surveys due as of `now` by the rule itself, over every account (the job's old query). */
function plainDue(db: Db, now: number): number[] {
  return db
    .all<{ id: number }>(
      sql`SELECT c.id FROM accounts a JOIN contacts c ON c.account_id = a.id
        WHERE a.status = 'active' AND a.order_count > 0 AND c.email IS NOT NULL AND c.email <> ''
          AND coalesce((SELECT max(s.sent_at) FROM surveys s WHERE s.contact_id = c.id AND s.kind = 'nps'), 0)
            <= ${now} - (CASE a.level WHEN 'reactive' THEN 12 WHEN 'basic' THEN 1e15 ELSE 6 END) * ${MONTH}
        ORDER BY c.id`,
    )
    .map((r) => r.id);
}

/** Who the job asks as of `now` (everyone due: no limit), written and rolled back. */
function askedBy(db: Db, now: number): number[] {
  db.$client.exec("SAVEPOINT probe");
  try {
    sendDueSurveys(db, { now, limit: 100_000 });
    return db
      .all<{ id: number }>(
        sql`SELECT contact_id AS id FROM surveys WHERE kind = 'nps' AND sent_at = ${now} ORDER BY contact_id`,
      )
      .map((r) => r.id);
  } finally {
    db.$client.exec("ROLLBACK TO probe; RELEASE probe");
  }
}

/** Customers on every level, contacts with and without an address, asked before at various times. */
function givenCustomers() {
  const fixture = setupListening();
  const { db, manager } = fixture;
  db.delete(surveys).run();
  const levels: Level[] = ["basic", "reactive", "accountable", "proactive", "partnership"];
  const people: number[] = [];
  for (let i = 0; i < 15; i++) {
    const accountId = insertCustomer(db, {
      ownerId: manager.id,
      name: `Customer ${i}`,
      level: levels[i % 5],
    });
    for (let j = 0; j < 3; j++) {
      const email = j === 2 && i % 2 === 0 ? null : j === 1 && i % 3 === 0 ? "" : `p${i}-${j}@x.test`;
      people.push(insertContact(db, accountId, j === 0 ? `张${i}` : `Person ${i}-${j}`, email));
    }
  }
  // Asked 2, 7 and 13 months ago, a manual survey, a CSAT that does not count for the schedule.
  people.forEach((contactId, k) => {
    const accountId = db.select().from(contacts).where(eq(contacts.id, contactId)).get()?.accountId ?? 0;
    if (k % 4 === 1) givenSurvey(db, { accountId, contactId, at: T0 - 2 * MONTH });
    if (k % 4 === 2) givenSurvey(db, { accountId, contactId, at: T0 - 7 * MONTH });
    if (k % 4 === 3) givenSurvey(db, { accountId, contactId, at: T0 - 13 * MONTH });
    if (k % 5 === 0) givenSurvey(db, { accountId, contactId, kind: "csat_deal", at: T0 - DAY });
  });
  const prospect = insertCustomer(db, { ownerId: manager.id, name: "Prospect", orderCount: 0 });
  insertContact(db, prospect, "Pat Prospect", "pat@x.test");
  return { ...fixture, people, prospect };
}

/** A complaint closed and a deal won recently on the fixture's account (CSAT for both). */
function givenClosedWork(db: Db, accountId: number, contactId: number, ownerId: string, n: number) {
  for (let i = 0; i < n; i++) {
    db.insert(complaints)
      .values({
        reference: `REF-${i}`,
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
        closedAt: T0 - 2 * DAY + i,
        status: "closed",
        ackDueAt: T0 - 4 * DAY,
        resolveDueAt: T0,
        locale: "en",
        createdAt: T0 - 5 * DAY,
        updatedAt: T0 - 2 * DAY,
      })
      .run();
    db.insert(deals)
      .values({
        accountId,
        ownerId,
        title: `Deal ${i}`,
        amount: 100,
        stage: "proposal",
        status: "won",
        closedAt: T0 - DAY + i,
        createdAt: T0 - 30 * DAY,
        updatedAt: T0 - DAY,
      })
      .run();
  }
}

/** What was sent, without the random tokens and ids. */
function sent(db: Db) {
  return {
    surveys: db
      .all(
        sql`SELECT kind, account_id, contact_id, email, locale, source_key, complaint_id, deal_id, complaint_outcome,
          sent_at, expires_at FROM surveys ORDER BY kind, source_key`,
      )
      .map((r) => JSON.stringify(r)),
    outbox: db
      .select({ to: outbox.to, subject: outbox.subject })
      .from(outbox)
      .all()
      .map((m) => `${m.to} ${m.subject}`)
      .sort(),
  };
}

describe("who the survey job asks", () => {
  it("is who the plain rule says is due, on every level, as time passes", () => {
    const { db } = givenCustomers();
    for (const now of [T0, T0 + 3 * MONTH, T0 + 5 * MONTH, T0 + 12 * MONTH]) {
      const due = plainDue(db, now);
      expect(askedBy(db, now)).toEqual(due);
    }
    expect(plainDue(db, T0).length).toBeGreaterThan(10);
  });

  it("follows later writes: lapses, levels, addresses, contacts moved, added and deleted, surveys deleted", () => {
    const { db, people, prospect, manager } = givenCustomers();
    const person = (k: number) => {
      const id = people[k];
      if (id === undefined) throw new Error(`no person ${k}`);
      return id;
    };
    const accountOf = (contactId: number) =>
      db.select().from(contacts).where(eq(contacts.id, contactId)).get()?.accountId ?? 0;
    db.update(accounts)
      .set({ status: "lapsed" })
      .where(eq(accounts.id, accountOf(person(3))))
      .run();
    db.update(accounts)
      .set({ level: "basic" })
      .where(eq(accounts.id, accountOf(person(6))))
      .run();
    db.update(accounts)
      .set({ level: "proactive" })
      .where(eq(accounts.id, accountOf(person(0))))
      .run();
    db.update(accounts).set({ orderCount: 1 }).where(eq(accounts.id, prospect)).run();
    db.update(contacts)
      .set({ email: null })
      .where(eq(contacts.id, person(9)))
      .run();
    db.update(contacts)
      .set({ email: "found@x.test" })
      .where(eq(contacts.id, person(2)))
      .run();
    db.update(contacts)
      .set({ accountId: prospect })
      .where(eq(contacts.id, person(12)))
      .run();
    db.delete(contacts)
      .where(eq(contacts.id, person(13)))
      .run();
    db.delete(surveys)
      .where(eq(surveys.contactId, person(5)))
      .run();
    db.update(surveys)
      .set({ contactId: person(10) })
      .where(eq(surveys.contactId, person(7)))
      .run();
    const late = insertCustomer(db, { ownerId: manager.id, name: "Late", level: "partnership" });
    insertContact(db, late, "Lee Late", "lee@x.test");
    db.delete(accounts)
      .where(eq(accounts.id, accountOf(person(15))))
      .run();
    for (const now of [T0, T0 + 6 * MONTH, T0 + 13 * MONTH]) {
      expect(askedBy(db, now)).toEqual(plainDue(db, now));
    }
  });

  it("reads the schedule setting at each run: a level set to 0 is never asked", () => {
    const { db } = givenCustomers();
    setSetting(
      db,
      surveysSettings.surveySchedule,
      { basic: 0, reactive: 0, accountable: 3, proactive: 0, partnership: 24 },
      null,
    );
    const asked = askedBy(db, T0);
    const levels = new Set(
      asked.map(
        (id) =>
          db.all<{ level: string }>(
            sql`SELECT a.level FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.id = ${id}`,
          )[0]?.level,
      ),
    );
    expect([...levels].sort()).toEqual(["accountable", "partnership"]);
  });

  it("is kept as the migration's backfill builds it from the rows as they are", () => {
    const { db, people } = givenCustomers();
    db.update(accounts).set({ status: "lost" }).where(eq(accounts.id, 3)).run();
    db.delete(surveys)
      .where(eq(surveys.contactId, people[1] ?? -1))
      .run();
    const rows = () =>
      db.all(sql`SELECT contact_id, level, last_sent_at FROM survey_due ORDER BY contact_id`);
    const kept = rows();
    const dir = path.join(process.cwd(), "db/migrations");
    const backfill = readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .flatMap((f) => readFileSync(path.join(dir, f), "utf8").split("--> statement-breakpoint"))
      .map((s) => s.trim())
      .filter((s) => /^(--[^\n]*\n)*INSERT INTO `survey_due`/.test(s));
    expect(backfill).toHaveLength(1);
    db.run(sql`DELETE FROM survey_due`);
    for (const statement of backfill) db.$client.exec(statement);
    expect(rows()).toEqual(kept);
    expect(kept.length).toBeGreaterThan(10);
  });
});

describe("the survey job in slices", () => {
  it("sends the same surveys and invitations as one run, a few or one at a time", async () => {
    const one = givenCustomers();
    givenClosedWork(one.db, one.accountId, one.contactId, one.manager.id, 4);
    const due = plainDue(one.db, T0).length;
    expect(sendDueSurveys(one.db, { now: T0 })).toEqual({ nps: due, complaints: 4, deals: 4 });
    for (const slice of [1, 2, 7]) {
      const sliced = givenCustomers();
      givenClosedWork(sliced.db, sliced.accountId, sliced.contactId, sliced.manager.id, 4);
      expect(await sendDueSurveysInSlices(sliced.db, { now: T0, slice })).toEqual({
        nps: due,
        complaints: 4,
        deals: 4,
      });
      expect(sent(sliced.db)).toEqual(sent(one.db));
    }
  });

  it("stops at the run's limit per kind and sends the same ones as one run, the longest overdue first", async () => {
    const one = givenCustomers();
    givenClosedWork(one.db, one.accountId, one.contactId, one.manager.id, 5);
    expect(sendDueSurveys(one.db, { now: T0, limit: 3 })).toEqual({ nps: 3, complaints: 3, deals: 3 });
    const sliced = givenCustomers();
    givenClosedWork(sliced.db, sliced.accountId, sliced.contactId, sliced.manager.id, 5);
    expect(await sendDueSurveysInSlices(sliced.db, { now: T0, limit: 3, slice: 2 })).toEqual({
      nps: 3,
      complaints: 3,
      deals: 3,
    });
    expect(sent(sliced.db)).toEqual(sent(one.db));
    // Never asked (due since the epoch) before those last asked 13 months ago.
    const firstAsked = sliced.db
      .all<{ n: number }>(
        sql`SELECT count(*) AS n FROM surveys s WHERE s.kind = 'nps' AND s.sent_at = ${T0}
          AND EXISTS (SELECT 1 FROM surveys p WHERE p.contact_id = s.contact_id AND p.kind = 'nps' AND p.sent_at < ${T0})`,
      )
      .at(0)?.n;
    expect(firstAsked).toBe(0);
  });

  it("sends nothing twice: a second run, later the same day or the next, finds nothing due", async () => {
    const { db, accountId, contactId, manager } = givenCustomers();
    givenClosedWork(db, accountId, contactId, manager.id, 3);
    const first = await sendDueSurveysInSlices(db, { now: T0, slice: 2 });
    expect(first.nps).toBeGreaterThan(10);
    expect(await sendDueSurveysInSlices(db, { now: T0 + 3_600_000, slice: 2 })).toEqual({
      nps: 0,
      complaints: 0,
      deals: 0,
    });
    expect(await sendDueSurveysInSlices(db, { now: T0 + DAY, slice: 2 })).toEqual({
      nps: 0,
      complaints: 0,
      deals: 0,
    });
    const twice = db.all(
      sql`SELECT contact_id, kind, complaint_id, deal_id FROM surveys WHERE sent_at >= ${T0}
        GROUP BY contact_id, kind, complaint_id, deal_id HAVING count(*) > 1`,
    );
    expect(twice).toEqual([]);
  });

  it("sees what requests wrote between its slices: a contact asked by hand meanwhile is not asked again", async () => {
    const { db, manager } = givenCustomers();
    const due = plainDue(db, T0);
    // The two due contacts asked most recently before: the job reaches them last.
    const [last, nextToLast] = db
      .all<{ id: number; accountId: number }>(
        sql`SELECT s.contact_id AS id, s.account_id AS accountId FROM surveys s
          WHERE s.kind = 'nps' AND s.contact_id IN (SELECT value FROM json_each(${JSON.stringify(due)}))
          ORDER BY s.sent_at DESC, s.contact_id DESC LIMIT 2`,
      )
      .map((r) => r);
    if (!last || !nextToLast) throw new Error("expected two due contacts asked before");
    let pauses = 0;
    const run = await sendDueSurveysInSlices(db, {
      now: T0,
      slice: 2,
      pause: async () => {
        pauses += 1;
        if (pauses === 1) {
          sendSurvey(db, manager, { accountId: last.accountId, contactId: last.id, byEmail: true }, T0 + 1);
          db.update(contacts).set({ email: null }).where(eq(contacts.id, nextToLast.id)).run();
        }
      },
    });
    expect(pauses).toBeGreaterThan(3);
    expect(run.nps).toBe(due.length - 2);
    const asked = db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM surveys WHERE contact_id = ${last.id} AND sent_at >= ${T0}`,
    );
    expect(asked[0]?.n).toBe(1);
  });

  it("looks at the CSAT window a part at a time and still finds the few not asked among many asked", async () => {
    const build = () => {
      const f = givenCustomers();
      setSetting(
        f.db,
        surveysSettings.surveySchedule,
        { basic: 0, reactive: 0, accountable: 0, proactive: 0, partnership: 0 },
        null,
      );
      const n = CSAT_LOOKED_AT + 150;
      for (let i = 0; i < n; i++) {
        f.db
          .insert(deals)
          .values({
            accountId: f.accountId,
            ownerId: f.manager.id,
            title: `Deal ${i}`,
            amount: 100,
            stage: "proposal",
            status: "won",
            // Some won at the same moment: the window's order is (closed_at, id).
            closedAt: T0 - 10 * DAY + Math.floor(i / 3) * 3_600_000,
            createdAt: T0 - 30 * DAY,
            updatedAt: T0 - DAY,
          })
          .run();
      }
      // Every deal but one in eleven was asked already.
      f.db.run(sql`INSERT INTO surveys (kind, token, account_id, contact_id, locale, source_key, deal_id, sent_at,
          expires_at, created_at)
        SELECT 'csat_deal', 'token-' || id, account_id, ${f.contactId}, 'en', 'csat:deal:' || id, id, ${T0 - DAY},
          ${T0 + 29 * DAY}, ${T0 - DAY}
        FROM deals WHERE (id - 1) % 11 <> 7`);
      return { db: f.db, due: Math.ceil((n - 7) / 11) };
    };
    const one = build();
    const all = sendDueSurveys(one.db, { now: T0 });
    expect(all).toEqual({ nps: 0, complaints: 0, deals: one.due });
    const sliced = build();
    expect(await sendDueSurveysInSlices(sliced.db, { now: T0, slice: 4 })).toEqual(all);
    expect(sent(sliced.db)).toEqual(sent(one.db));
    // A run limit smaller than what is due: the same first ones by the time the deal was won.
    const [limitedOne, limitedSliced] = [build().db, build().db];
    expect(sendDueSurveys(limitedOne, { now: T0, limit: 25 }).deals).toBe(25);
    expect((await sendDueSurveysInSlices(limitedSliced, { now: T0, limit: 25, slice: 3 })).deals).toBe(25);
    expect(sent(limitedSliced)).toEqual(sent(limitedOne));
    expect(await sendDueSurveysInSlices(sliced.db, { now: T0 + 1, slice: 4 })).toEqual({
      nps: 0,
      complaints: 0,
      deals: 0,
    });
  });
});
