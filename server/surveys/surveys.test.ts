import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, ladderEvidence, outbox, surveys, tasks } from "@/db/schema";
import { fieldErrorsOf } from "../test/fixtures";
import { callerFor } from "../test/harness";
import { answerSurvey, closeLoop } from "./survey-answer.queries";
import { givenSurvey, insertCustomer, setupListening, T0 } from "./surveys.fixtures";

const DAY = 86_400_000;
const ip = (n: number) => ({ ip: `10.0.0.${n}` });

describe("answering a survey link", () => {
  it("takes one answer per link and refuses a second", () => {
    const { db, accountId, contactId } = setupListening();
    const { token } = givenSurvey(db, { accountId, contactId });
    answerSurvey(db, { token, score: 8, comment: "Good" }, { ...ip(1), now: T0 + DAY });
    const row = db.select().from(surveys).where(eq(surveys.token, token)).get();
    expect(row).toMatchObject({ score: 8, comment: "Good", answerClass: "passive", answeredAt: T0 + DAY });
    expect(() => answerSurvey(db, { token, score: 10 }, { ...ip(1), now: T0 + 2 * DAY })).toThrow(
      "already been answered",
    );
    expect(db.select().from(surveys).where(eq(surveys.token, token)).get()?.score).toBe(8);
  });

  it("refuses an expired link, and accepts one on its last moment", () => {
    const { db, accountId, contactId } = setupListening();
    const late = givenSurvey(db, { accountId, contactId });
    const expiresAt = T0 + 30 * DAY; // the default link lifetime
    expect(() => answerSurvey(db, { token: late.token, score: 9 }, { ...ip(1), now: expiresAt + 1 })).toThrow(
      "expired",
    );
    const onTime = givenSurvey(db, { accountId, contactId });
    expect(answerSurvey(db, { token: onTime.token, score: 9 }, { ...ip(1), now: expiresAt })).toMatchObject({
      answered: true,
    });
  });

  it("refuses a score outside the survey's scale with a field message", async () => {
    const { db, accountId, contactId } = setupListening();
    const { token } = givenSurvey(db, { accountId, contactId, kind: "csat_deal", at: Date.now() });
    const anonymous = callerFor(db, null).surveys;
    expect(await fieldErrorsOf(anonymous.answer({ token, score: 6 }))).toEqual({ score: ["range"] });
    expect(await fieldErrorsOf(anonymous.answer({ token, score: 11 }))).toMatchObject({ score: ["range"] });
    await expect(anonymous.answer({ token: "not-a-real-token-0000", score: 3 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("shows the question to anyone with the link, in the survey's language, and then that it was answered", async () => {
    const { db, accountId, contactId } = setupListening();
    const { token } = givenSurvey(db, { accountId, contactId, at: Date.now() });
    const anonymous = callerFor(db, null).surveys;
    expect(await anonymous.publicSurvey({ token })).toMatchObject({
      kind: "nps",
      state: "open",
      scale: { min: 0, max: 10 },
      locale: "en",
    });
    await anonymous.answer({ token, score: 3, comment: "送货太慢" });
    expect((await anonymous.publicSurvey({ token })).state).toBe("answered");
  });

  it("limits answers per client address", () => {
    const { db, accountId, contactId } = setupListening();
    for (let i = 0; i < 20; i++) {
      const { token } = givenSurvey(db, { accountId, contactId });
      answerSurvey(db, { token, score: 8 }, { ...ip(9), now: T0 + 1000 + i });
    }
    const { token } = givenSurvey(db, { accountId, contactId });
    expect(() => answerSurvey(db, { token, score: 8 }, { ...ip(9), now: T0 + 5000 })).toThrow("Too many");
    expect(answerSurvey(db, { token, score: 8 }, { ...ip(10), now: T0 + 5000 })).toMatchObject({
      answered: true,
    });
  });
});

describe("closing the loop", () => {
  it("gives the account's owner a follow-up task due in two days when a detractor answers", () => {
    const { db, accountId, contactId, manager } = setupListening();
    const { id, token } = givenSurvey(db, { accountId, contactId });
    answerSurvey(db, { token, score: 4, comment: "Late again" }, { ...ip(1), now: T0 + DAY });
    const s = db.select().from(surveys).where(eq(surveys.id, id)).get();
    const task = db
      .select()
      .from(tasks)
      .where(eq(tasks.id, s?.followUpTaskId ?? -1))
      .get();
    expect(task).toMatchObject({
      assigneeId: manager.id,
      kind: "close_loop",
      dueAt: T0 + 3 * DAY,
      doneAt: null,
      accountId,
    });
    expect(task?.title).toContain("4/10");
  });

  it("gives no follow-up to passives and promoters, or CSAT 3 and above, and one to CSAT 1–2", () => {
    const { db, accountId, contactId } = setupListening();
    const scores: [kind: "nps" | "csat_complaint", score: number, expected: boolean][] = [
      ["nps", 7, false],
      ["nps", 10, false],
      ["csat_complaint", 3, false],
      ["csat_complaint", 2, true],
    ];
    for (const [kind, score, expected] of scores) {
      const { id, token } = givenSurvey(db, { accountId, contactId, kind });
      answerSurvey(db, { token, score }, { ...ip(1), now: T0 + DAY });
      expect(db.select().from(surveys).where(eq(surveys.id, id)).get()?.followUpTaskId !== null).toBe(
        expected,
      );
    }
  });

  it("gives the follow-up of an account nobody owns to a sales lead", () => {
    const { db, lead } = setupListening();
    const orphan = insertCustomer(db, { ownerId: null, name: "Nobody's" });
    const { id, token } = givenSurvey(db, { accountId: orphan, contactId: null });
    answerSurvey(db, { token, score: 0 }, { ...ip(1), now: T0 + DAY });
    const s = db.select().from(surveys).where(eq(surveys.id, id)).get();
    expect(
      db
        .select()
        .from(tasks)
        .where(eq(tasks.id, s?.followUpTaskId ?? -1))
        .get()?.assigneeId,
    ).toBe(lead.id);
  });

  it("lets the owner close the loop with a note, ticking the task off, once", () => {
    const { db, accountId, contactId, manager, otherManager } = setupListening();
    const { id, token } = givenSurvey(db, { accountId, contactId });
    answerSurvey(db, { token, score: 2 }, { ...ip(1), now: T0 + DAY });
    expect(() => closeLoop(db, otherManager, { surveyId: id, note: "Called" }, T0 + 2 * DAY)).toThrow(
      "close the loop",
    );
    closeLoop(db, manager, { surveyId: id, note: "Called, replaced the part" }, T0 + 2 * DAY);
    const s = db.select().from(surveys).where(eq(surveys.id, id)).get();
    expect(s).toMatchObject({
      loopClosedAt: T0 + 2 * DAY,
      loopNote: "Called, replaced the part",
      loopMs: DAY,
    });
    expect(
      db
        .select()
        .from(tasks)
        .where(eq(tasks.id, s?.followUpTaskId ?? -1))
        .get()?.doneAt,
    ).toBe(T0 + 2 * DAY);
    expect(() => closeLoop(db, manager, { surveyId: id, note: "Again" }, T0 + 3 * DAY)).toThrow(
      "already closed",
    );
  });

  it("refuses to close a loop that was never opened", () => {
    const { db, accountId, contactId, manager } = setupListening();
    const { id, token } = givenSurvey(db, { accountId, contactId });
    answerSurvey(db, { token, score: 9 }, { ...ip(1), now: T0 + DAY });
    expect(() => closeLoop(db, manager, { surveyId: id, note: "x" }, T0 + 2 * DAY)).toThrow("no follow-up");
  });
});

describe("promoters as evidence for the advocate rung", () => {
  it("proposes the move to advocate with the score, which the owner confirms", async () => {
    const { db, accountId, contactId, manager } = setupListening();
    const { id, token } = givenSurvey(db, { accountId, contactId, at: Date.now() });
    await callerFor(db, null).surveys.answer({ token, score: 10, comment: "We tell everyone about you" });
    const proposals = await callerFor(db, manager).ladder.evidenceForAccount({ accountId });
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      kind: "promoter_score",
      targetRung: "advocate",
      status: "proposed",
      recordedByName: null,
      details: { score: 10, surveyId: id, comment: "We tell everyone about you" },
    });
    await callerFor(db, manager).ladder.confirmEvidence({
      evidenceId: proposals[0]?.id ?? -1,
      reason: "Promoter, told us they recommend us",
    });
    expect(db.select().from(accounts).where(eq(accounts.id, accountId)).get()?.rung).toBe("advocate");
  });

  it("proposes nothing for a first-time buyer, and only once while a proposal waits", () => {
    const { db, manager, contactId, accountId } = setupListening();
    const newcomer = insertCustomer(db, {
      ownerId: manager.id,
      name: "New",
      rung: "first_time",
      orderCount: 1,
    });
    answerSurvey(
      db,
      { token: givenSurvey(db, { accountId: newcomer, contactId: null }).token, score: 10 },
      {
        ...ip(1),
        now: T0 + DAY,
      },
    );
    for (const score of [9, 10]) {
      answerSurvey(
        db,
        { token: givenSurvey(db, { accountId, contactId }).token, score },
        { ...ip(1), now: T0 + DAY },
      );
    }
    const rows = db.select().from(ladderEvidence).all();
    expect(rows.map((r) => [r.accountId, r.kind, r.status])).toEqual([
      [accountId, "promoter_score", "proposed"],
    ]);
  });
});

describe("sending a survey by hand", () => {
  it("mails the link through the outbox without showing it, or shows it once to hand over", async () => {
    const { db, accountId, contactId, zhContactId, manager } = setupListening();
    const c = callerFor(db, manager).surveys;
    const mailed = await c.send({ accountId, contactId, byEmail: true });
    expect(mailed.link).toBeNull();
    const message = db.select().from(outbox).get();
    expect(message?.to).toBe("carol@acme.test");
    const token = db.select().from(surveys).where(eq(surveys.id, mailed.id)).get()?.token ?? "";
    expect(message?.body).toContain(`/survey/${token}`);
    const handed = await c.send({ accountId, contactId: zhContactId, byEmail: false });
    expect(handed.link).toMatch(/\/survey\/[A-Za-z0-9_-]{24}$/);
    expect(db.select().from(outbox).all()).toHaveLength(1);
    expect(db.select().from(surveys).where(eq(surveys.id, handed.id)).get()?.locale).toBe("zh");
  });

  it("does not ask a contact twice while a link is open, and only on accounts the manager owns", async () => {
    const { db, accountId, contactId, manager, otherManager, executive } = setupListening();
    await callerFor(db, manager).surveys.send({ accountId, contactId, byEmail: true });
    expect(
      await fieldErrorsOf(callerFor(db, manager).surveys.send({ accountId, contactId, byEmail: true })),
    ).toEqual({ contactId: ["alreadyOpen"] });
    for (const who of [otherManager, executive]) {
      await expect(
        callerFor(db, who).surveys.send({ accountId, contactId, byEmail: false }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("the answers list", () => {
  it("lists loops waiting to be closed, oldest first, and the owner may close each", async () => {
    const { db, accountId, contactId, manager, lead } = setupListening();
    const first = givenSurvey(db, { accountId, contactId });
    const second = givenSurvey(db, { accountId, contactId });
    answerSurvey(db, { token: second.token, score: 1 }, { ...ip(1), now: T0 + 2 * DAY });
    answerSurvey(db, { token: first.token, score: 5 }, { ...ip(1), now: T0 + DAY });
    const page = await callerFor(db, manager).surveys.answers({ view: "loop", mine: true, limit: 1 });
    expect(page.items.map((i) => [i.id, i.score, i.canCloseLoop])).toEqual([[first.id, 5, true]]);
    const next = await callerFor(db, manager).surveys.answers({
      view: "loop",
      mine: true,
      limit: 1,
      cursor: page.nextCursor,
    });
    expect(next.items.map((i) => i.id)).toEqual([second.id]);
    expect((await callerFor(db, lead).surveys.answers({ view: "loop", mine: true })).items).toEqual([]);
    const done = db
      .select()
      .from(tasks)
      .where(and(eq(tasks.kind, "close_loop")))
      .all();
    expect(done).toHaveLength(2);
  });
});
