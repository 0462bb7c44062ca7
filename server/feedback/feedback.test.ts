import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { complaints, feedback, outbox, tasks } from "@/db/schema";
import { setupListening } from "../surveys/surveys.fixtures";
import { fieldErrorsOf } from "../test/fixtures";
import { callerFor } from "../test/harness";
import type { RecordFeedbackInput } from "./feedback.schemas";

const DAY = 86_400_000;

function phoneCall(
  accountId: number,
  contactId: number,
  extra: Partial<RecordFeedbackInput> = {},
): RecordFeedbackInput {
  return {
    accountId,
    contactId,
    words: "The new valves leak after a week, this is the second batch.",
    interface: "service",
    channel: "phone",
    sentiment: "problem",
    theme: "product_quality",
    ...extra,
  };
}

describe("recording feedback", () => {
  it("takes the customer's words, interface, channel, sentiment and theme, crediting the person", async () => {
    const { db, agent, accountId, contactId } = setupListening();
    const { id } = await callerFor(db, agent).feedback.record(phoneCall(accountId, contactId));
    const f = await callerFor(db, agent).feedback.get({ id });
    expect(f).toMatchObject({
      accountName: "Acme",
      contactName: "Carol Buyer",
      interface: "service",
      channel: "phone",
      sentiment: "problem",
      theme: "product_quality",
      status: "noted",
      recordedByName: "Agent Ann",
      suggestedCategory: "product_quality",
    });
    expect(f.actions).toEqual(["assign", "close", "toComplaint"]);
  });

  it("lets anyone who touches customers record it, executives included", async () => {
    const { db, executive, otherManager, accountId, contactId } = setupListening();
    for (const who of [executive, otherManager]) {
      await callerFor(db, who).feedback.record(phoneCall(accountId, contactId, { sentiment: "praise" }));
    }
    expect(db.select().from(feedback).all()).toHaveLength(2);
  });

  it("refuses a theme outside the list, a contact of another account and a time in the future", async () => {
    const { db, agent, accountId, contactId } = setupListening();
    const c = callerFor(db, agent).feedback;
    expect(await fieldErrorsOf(c.record(phoneCall(accountId, contactId, { theme: "colour" })))).toEqual({
      theme: ["unknownTheme"],
    });
    expect(await fieldErrorsOf(c.record(phoneCall(accountId, 999)))).toEqual({
      contactId: ["contactNotOnAccount"],
    });
    expect(
      await fieldErrorsOf(c.record(phoneCall(accountId, contactId, { receivedAt: Date.now() + DAY }))),
    ).toEqual({ receivedAt: ["inFuture"] });
    expect(await fieldErrorsOf(c.record(phoneCall(accountId, contactId, { words: "  " })))).toMatchObject({
      words: ["required"],
    });
  });
});

describe("acting on feedback", () => {
  it("gives it an owner and a due date as a task, and closes it with what was done", async () => {
    const { db, agent, manager, accountId, contactId } = setupListening();
    const due = Date.now() + 3 * DAY;
    const { id } = await callerFor(db, agent).feedback.record(
      phoneCall(accountId, contactId, {
        sentiment: "suggestion",
        action: { ownerId: manager.id, dueAt: due },
      }),
    );
    const f = db.select().from(feedback).where(eq(feedback.id, id)).get();
    expect(f).toMatchObject({ status: "open", actionOwnerId: manager.id, actionDueAt: due });
    const task = db
      .select()
      .from(tasks)
      .where(eq(tasks.id, f?.taskId ?? -1))
      .get();
    expect(task).toMatchObject({ assigneeId: manager.id, dueAt: due, kind: "feedback_action", doneAt: null });
    const mine = await callerFor(db, manager).feedback.list({ view: "mine" });
    expect(mine.items.map((i) => i.id)).toEqual([id]);

    await callerFor(db, manager).feedback.close({ id, resolution: "Sent the new seal kit" });
    const closed = db.select().from(feedback).where(eq(feedback.id, id)).get();
    expect(closed).toMatchObject({
      status: "closed",
      resolution: "Sent the new seal kit",
      closedById: manager.id,
    });
    expect(closed?.closeMs).toBeGreaterThanOrEqual(0);
    expect(
      db
        .select()
        .from(tasks)
        .where(eq(tasks.id, f?.taskId ?? -1))
        .get()?.doneAt,
    ).not.toBeNull();
    expect((await callerFor(db, manager).feedback.list({ view: "mine" })).items).toEqual([]);
  });

  it("re-points the same task when the owner changes", async () => {
    const { db, agent, manager, lead, accountId, contactId } = setupListening();
    const { id } = await callerFor(db, agent).feedback.record(phoneCall(accountId, contactId));
    await callerFor(db, agent).feedback.assign({ id, ownerId: manager.id, dueAt: Date.now() + DAY });
    await callerFor(db, agent).feedback.assign({ id, ownerId: lead.id, dueAt: Date.now() + 2 * DAY });
    const open = db.select().from(tasks).where(eq(tasks.kind, "feedback_action")).all();
    expect(open.map((t) => t.assigneeId)).toEqual([lead.id]);
  });

  it("refuses an executive as owner, and acting on another manager's account", async () => {
    const { db, agent, executive, otherManager, accountId, contactId } = setupListening();
    const { id } = await callerFor(db, agent).feedback.record(phoneCall(accountId, contactId));
    expect(
      await fieldErrorsOf(
        callerFor(db, agent).feedback.assign({ id, ownerId: executive.id, dueAt: Date.now() }),
      ),
    ).toEqual({ ownerId: ["ownerNotAllowed"] });
    for (const who of [otherManager, executive]) {
      await expect(callerFor(db, who).feedback.close({ id, resolution: "x" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect((await callerFor(db, who).feedback.get({ id })).actions).toEqual([]);
    }
  });

  it("tells the customer through the outbox, in their language", async () => {
    const { db, agent, accountId, zhContactId } = setupListening();
    const { id } = await callerFor(db, agent).feedback.record(
      phoneCall(accountId, zhContactId, { sentiment: "suggestion" }),
    );
    await callerFor(db, agent).feedback.close({ id, resolution: "Added to the next release" });
    await callerFor(db, agent).feedback.tell({ id, message: "下个版本会加入这个功能。", locale: "zh" });
    const m = db.select().from(outbox).get();
    expect(m?.to).toBe("wang@acme.test");
    expect(m?.body).toContain("感谢您告诉我们您的想法");
    expect(db.select().from(feedback).where(eq(feedback.id, id)).get()?.customerToldAt).not.toBeNull();
  });
});

describe("a problem becomes a complaint in one step", () => {
  it("goes through the complaints intake and closes the feedback as handed over", async () => {
    const { db, agent, accountId, contactId } = setupListening();
    const c = callerFor(db, agent).feedback;
    const { id } = await c.record(phoneCall(accountId, contactId));
    const made = await c.toComplaint({ id, category: "product_quality", severity: "high" });
    const complaint = db.select().from(complaints).where(eq(complaints.id, made.complaintId)).get();
    expect(complaint).toMatchObject({
      accountId,
      contactId,
      channel: "phone",
      category: "product_quality",
      severity: "high",
      description: "The new valves leak after a week, this is the second batch.",
      handlerId: agent.id,
      department: "quality_assurance",
    });
    expect(await c.get({ id })).toMatchObject({
      status: "closed",
      complaintId: made.complaintId,
      complaintReference: made.reference,
    });
    await expect(c.toComplaint({ id, category: "product_quality", severity: "high" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuses praise, and managers on accounts they do not own", async () => {
    const { db, agent, otherManager, accountId, contactId } = setupListening();
    const { id: praise } = await callerFor(db, agent).feedback.record(
      phoneCall(accountId, contactId, { sentiment: "praise" }),
    );
    expect(
      await fieldErrorsOf(
        callerFor(db, agent).feedback.toComplaint({ id: praise, category: "other", severity: "low" }),
      ),
    ).toEqual({ id: ["notProblem"] });
    const { id } = await callerFor(db, agent).feedback.record(phoneCall(accountId, contactId));
    await expect(
      callerFor(db, otherManager).feedback.toComplaint({ id, category: "other", severity: "low" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the feedback lists", () => {
  it("pages newest first, filters by sentiment and finds the customer's words", async () => {
    const { db, agent, accountId, contactId } = setupListening();
    const c = callerFor(db, agent).feedback;
    const now = Date.now();
    for (const [i, sentiment] of (["praise", "problem", "suggestion"] as const).entries()) {
      await c.record(
        phoneCall(accountId, contactId, {
          sentiment,
          words: `Point ${i}: 交货很快, "quoted, text"`,
          receivedAt: now - i * DAY,
        }),
      );
    }
    const first = await c.list({ view: "all", limit: 2 });
    expect(first.items.map((i) => i.sentiment)).toEqual(["praise", "problem"]);
    const second = await c.list({ view: "all", limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => i.sentiment)).toEqual(["suggestion"]);
    expect(second.nextCursor).toBeNull();
    expect((await c.list({ view: "all", sentiment: "problem" })).items).toHaveLength(1);
    expect((await c.list({ view: "all", q: "Point 2" })).items.map((i) => i.sentiment)).toEqual([
      "suggestion",
    ]);
    expect((await c.list({ view: "all", q: "交货" })).items).toHaveLength(3);
    expect((await c.list({ view: "all", q: "100%" })).items).toHaveLength(0);
  });
});
