import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import type { Db } from "@/db/client";
import { accounts, auditLog, ladderEvidence, ladderMoves, type Rung } from "@/db/schema";
import type { SessionUser } from "../context";
import { fieldErrorsOf, insertTestAccount } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";

const DAY = 86_400_000;

let db: Db;
let manager: SessionUser;
let caller: ReturnType<typeof callerFor>;

function account(rung: Rung, orderCount: number, ownerId: string | null = manager.id) {
  const id = insertTestAccount(db, { ownerId, rung });
  db.update(accounts).set({ orderCount }).where(eq(accounts.id, id)).run();
  return id;
}
const get = (id: number) => db.select().from(accounts).where(eq(accounts.id, id)).get();
const moves = (id: number) => db.select().from(ladderMoves).where(eq(ladderMoves.accountId, id)).all();

beforeEach(() => {
  db = createTestDb();
  manager = addUser(db, "account_manager");
  caller = callerFor(db, manager);
});

describe("manual ladder moves", () => {
  it("a move down needs a reason; with one, the account moves and the move is recorded with who and why", async () => {
    const id = account("prospect", 0);
    expect(
      await fieldErrorsOf(caller.ladder.move({ accountId: id, toRung: "suspect", reason: " " })),
    ).toEqual({
      reason: ["Give a reason for the move."],
    });
    expect(get(id)?.rung).toBe("prospect");
    await caller.ladder.move({ accountId: id, toRung: "suspect", reason: "Went quiet after the trade fair" });
    expect(get(id)?.rung).toBe("suspect");
    expect(moves(id)).toMatchObject([
      {
        fromRung: "prospect",
        toRung: "suspect",
        byUserId: manager.id,
        reason: "Went quiet after the trade fair",
      },
    ]);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "ladder.move")).all();
    expect(audit).toHaveLength(1);
  });

  it("cannot put an account below the rung its orders prove", async () => {
    const id = account("repeat", 2);
    expect(
      await fieldErrorsOf(caller.ladder.move({ accountId: id, toRung: "first_time", reason: "x" })),
    ).toEqual({
      to: ["Its orders make this account at least a repeat customer."],
    });
  });

  it("promoting to member needs the programme; the refusal names the field and changes nothing", async () => {
    const id = account("repeat", 3);
    const refused = await fieldErrorsOf(
      caller.ladder.move({
        accountId: id,
        toRung: "member",
        reason: "Joined",
        evidence: { kind: "enrolment", programme: "", enrolledAt: Date.UTC(2026, 0, 1) },
      }),
    );
    expect(refused.evidence).toBeDefined();
    expect(get(id)?.rung).toBe("repeat");
    expect(
      await fieldErrorsOf(caller.ladder.move({ accountId: id, toRung: "member", reason: "Joined" })),
    ).toEqual({
      evidence: ["Moving to member needs evidence."],
    });
  });

  it("disqualifies a prospect only for no credit or no profit", async () => {
    const id = account("prospect", 0);
    expect(
      await fieldErrorsOf(caller.ladder.move({ accountId: id, toRung: "disqualified", reason: "Bad payer" })),
    ).toEqual({ disqualifyReason: ["Say whether there is no credit or no profit."] });
    await caller.ladder.move({
      accountId: id,
      toRung: "disqualified",
      reason: "Bad payer",
      disqualifyReason: "no_credit",
    });
    expect(get(id)?.rung).toBe("disqualified");
  });

  it("lists the moves the rules allow for this user, and none for a read-only role", async () => {
    const id = account("repeat", 2);
    const mine = await caller.ladder.allowedMoves({ accountId: id });
    expect(mine).toMatchObject({ canEdit: true, canMarkLost: true });
    expect(mine.targets).toEqual(["client", "member", "advocate", "partner"]);
    const exec = await callerFor(db, addUser(db, "executive")).ladder.allowedMoves({ accountId: id });
    expect(exec).toMatchObject({ canEdit: false, targets: [], canMarkLost: false });
  });
});

describe("evidence for the upper rungs", () => {
  it("recording evidence proposes the move; confirming it with a reason makes it, linked to the evidence", async () => {
    const id = account("repeat", 4);
    const enrolledAt = Date.UTC(2026, 2, 1);
    const proposal = await caller.ladder.recordEvidence({
      accountId: id,
      evidence: { kind: "enrolment", programme: "Gold Club", enrolledAt },
    });
    expect(proposal.targetRung).toBe("member");
    expect(get(id)?.rung).toBe("repeat");
    const [listed] = await caller.ladder.evidenceForAccount({ accountId: id });
    expect(listed).toMatchObject({
      status: "proposed",
      details: { programme: "Gold Club", enrolledAt },
      observedAt: enrolledAt,
    });

    await caller.ladder.confirmEvidence({ evidenceId: proposal.id, reason: "Enrolled at the spring event" });
    expect(get(id)?.rung).toBe("member");
    const [move] = moves(id);
    const evidence = db.select().from(ladderEvidence).where(eq(ladderEvidence.id, proposal.id)).get();
    expect(evidence).toMatchObject({ status: "confirmed", decidedById: manager.id, moveId: move?.id });
    expect(JSON.parse(move?.evidence ?? "{}")).toMatchObject({ kind: "enrolment", programme: "Gold Club" });

    // Decided once: confirming again is refused.
    expect(
      await fieldErrorsOf(caller.ladder.confirmEvidence({ evidenceId: proposal.id, reason: "again" })),
    ).toEqual({ evidenceId: ["This evidence has already been decided."] });
  });

  it("offers and accepts only evidence a confirmation could act on, and says why when there is none", async () => {
    // A first-time buyer: no evidence moves it yet (the dead end: recorded, then refused on confirm).
    const firstTime = account("first_time", 1);
    expect(await caller.ladder.allowedMoves({ accountId: firstTime })).toMatchObject({
      evidenceKinds: [],
      evidenceClosed: "below_repeat",
    });
    expect(
      await fieldErrorsOf(
        caller.ladder.recordEvidence({
          accountId: firstTime,
          evidence: { kind: "judgement", note: "Buys everything from us" },
        }),
      ),
    ).toEqual({ evidence: ["Only repeat customers and above can be promoted with evidence."] });
    expect(db.select().from(ladderEvidence).all()).toEqual([]);

    // A member: only what leads above member (advocate, partner).
    const member = account("member", 6);
    expect(await caller.ladder.allowedMoves({ accountId: member })).toMatchObject({
      evidenceKinds: ["referral", "promoter_score", "agreement", "joint_plan"],
      evidenceClosed: null,
    });
    expect(
      await fieldErrorsOf(
        caller.ladder.recordEvidence({ accountId: member, evidence: { kind: "judgement", note: "Loyal" } }),
      ),
    ).toEqual({ evidence: ["The account already stands on that rung or above it."] });

    // The top rung: nothing to record.
    expect(await caller.ladder.allowedMoves({ accountId: account("partner", 9) })).toMatchObject({
      evidenceKinds: [],
      evidenceClosed: "already_there",
    });
  });

  it("a proposal overtaken by another move says it cannot be confirmed, and its author withdraws it", async () => {
    const id = account("repeat", 4);
    const client = await caller.ladder.recordEvidence({
      accountId: id,
      evidence: { kind: "share_of_wallet", percent: 90 },
    });
    const member = await caller.ladder.recordEvidence({
      accountId: id,
      evidence: { kind: "enrolment", programme: "Gold Club", enrolledAt: Date.UTC(2026, 2, 1) },
    });
    await caller.ladder.confirmEvidence({ evidenceId: member.id, reason: "Enrolled at the spring event" });
    const listed = await caller.ladder.evidenceForAccount({ accountId: id });
    expect(listed.find((e) => e.id === client.id)).toMatchObject({
      status: "proposed",
      mine: true,
      confirmBlocked: "already_there",
    });
    expect(listed.find((e) => e.id === member.id)).toMatchObject({
      status: "confirmed",
      confirmBlocked: null,
    });
    // Confirming it anyway is still refused by the server.
    const errors = await fieldErrorsOf(caller.ladder.confirmEvidence({ evidenceId: client.id, reason: "x" }));
    expect(Object.values(errors).flat().join(" ")).toMatch(/already/);

    await caller.ladder.dismissEvidence({ evidenceId: client.id, reason: "" });
    expect(db.select().from(ladderEvidence).where(eq(ladderEvidence.id, client.id)).get()?.status).toBe(
      "dismissed",
    );
    expect(
      db.select().from(auditLog).where(eq(auditLog.action, "ladder.evidence.withdraw")).all(),
    ).toHaveLength(1);
    expect(get(id)?.rung).toBe("member");
  });

  it("a promoter score under 9 is not evidence for advocate", async () => {
    const id = account("client", 5);
    const errors = await fieldErrorsOf(
      caller.ladder.recordEvidence({ accountId: id, evidence: { kind: "promoter_score", score: 8 } }),
    );
    expect(errors.evidence).toBeDefined();
  });

  it("dismissed evidence moves nothing", async () => {
    const id = account("repeat", 2);
    const proposal = await caller.ladder.recordEvidence({
      accountId: id,
      evidence: { kind: "referral", referred: "Harbor Components" },
    });
    await caller.ladder.dismissEvidence({ evidenceId: proposal.id, reason: "Referral never materialised" });
    expect(get(id)?.rung).toBe("repeat");
    expect(db.select().from(ladderEvidence).where(eq(ladderEvidence.id, proposal.id)).get()?.status).toBe(
      "dismissed",
    );
  });
});

describe("lost and won back", () => {
  it("marking lost keeps the rung; a later order wins the account back, recorded as a win-back", async () => {
    const id = account("client", 6);
    const lostAt = Date.UTC(2026, 4, 1);
    vi.useFakeTimers({ toFake: ["Date"], now: lostAt });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    await caller.ladder.markLost({
      accountId: id,
      lostReason: "competitor",
      note: "Moved to a cheaper supplier",
    });
    expect(get(id)).toMatchObject({ rung: "client", status: "lost", lostReason: "competitor" });
    expect(await fieldErrorsOf(caller.ladder.markLost({ accountId: id, lostReason: "moved" }))).toEqual({
      lostReason: ["This account is already marked lost."],
    });

    vi.setSystemTime(lostAt + 40 * DAY);
    await caller.orders.create({ accountId: id, orderedAt: lostAt + 30 * DAY, amount: 1000, margin: 200 });
    expect(get(id)).toMatchObject({
      rung: "client",
      status: "active",
      statusSince: lostAt + 30 * DAY,
      lostReason: null,
    });
    const history = moves(id).map((m) => [m.fromStatus, m.toStatus, m.toRung, m.reason]);
    expect(history).toEqual([
      ["active", "lost", "client", "Moved to a cheaper supplier"],
      ["lost", "active", "client", "won_back"],
    ]);
  });

  it("a member who orders again stays a member", async () => {
    const id = account("member", 5);
    await caller.orders.create({
      accountId: id,
      orderedAt: Date.UTC(2026, 5, 1) + DAY,
      amount: 500,
      margin: 100,
    });
    expect(get(id)?.rung).toBe("member");
  });
});

describe("who may move accounts", () => {
  it("owners, sales leads and admins may; other managers, agents and executives are refused by the server", async () => {
    // A repeat customer without orders on record: evidence may be recorded and a move down is open.
    const owned = () => account("repeat", 0);
    const other = addUser(db, "account_manager");
    const expectations: [SessionUser, boolean][] = [
      [manager, true],
      [other, false],
      ...ALL_ROLES.filter((r) => r !== "account_manager").map(
        (role) => [addUser(db, role), role === "sales_lead" || role === "admin"] as [SessionUser, boolean],
      ),
    ];
    for (const [user, allowed] of expectations) {
      const id = owned();
      const c = callerFor(db, user);
      const calls = [
        () => c.ladder.recordEvidence({ accountId: id, evidence: { kind: "referral", referred: "X" } }),
        () => c.ladder.move({ accountId: id, toRung: "suspect", reason: "Went quiet" }),
        () => c.ladder.markLost({ accountId: id, lostReason: "moved" }),
      ];
      for (const call of calls) {
        if (allowed) await expect(call()).resolves.toBeDefined();
        else await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      if (!allowed) expect(get(id)).toMatchObject({ rung: "repeat", status: "active" });
    }
    const id = owned();
    const proposal = await caller.ladder.recordEvidence({
      accountId: id,
      evidence: { kind: "referral", referred: "Y" },
    });
    await expect(
      callerFor(db, other).ladder.confirmEvidence({ evidenceId: proposal.id, reason: "x" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      callerFor(db, other).ladder.dismissEvidence({ evidenceId: proposal.id, reason: "x" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(
      db
        .select()
        .from(ladderEvidence)
        .where(and(eq(ladderEvidence.id, proposal.id), eq(ladderEvidence.status, "proposed")))
        .get(),
    ).toBeDefined();
  });
});
