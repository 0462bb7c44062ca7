// Manual ladder moves, evidence proposals and marking an account lost (issue #3 §1). Each write runs in one
// immediate transaction that re-reads the account, checks the actor may edit it, applies the rule from
// moves.rules.ts, records the ladder move and the audit entry.
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, ladderEvidence, type Rung, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { isUpperRung, type UpperRung } from "@/lib/ladder";
import { recordAudit } from "../audit/audit.queries";
import { requireEditableAccount } from "../auth/account-access";
import { type Actor, canEditAccount } from "../auth/permissions";
import { FieldError, notFound } from "../errors";
import { recordLadderMove } from "./ladder.queries";
import {
  checkManualMove,
  EVIDENCE_BLOCK_MESSAGES,
  EVIDENCE_FOR,
  evidenceBlock,
  evidenceClosedBecause,
  evidenceKindsFrom,
  manualTargets,
} from "./moves.rules";
import type { EvidenceInput, MoveInput } from "./moves.schemas";

function findAccount(db: Db, accountId: number) {
  const account = db.select().from(accounts).where(eq(accounts.id, accountId)).get();
  if (!account) throw notFound("Account");
  return account;
}

/** The rung a piece of evidence justifies. */
export function targetOf(kind: EvidenceInput["kind"]): UpperRung {
  const entry = (Object.entries(EVIDENCE_FOR) as [UpperRung, readonly string[]][]).find(([, kinds]) =>
    kinds.includes(kind),
  );
  return (entry?.[0] ?? "client") as UpperRung;
}

export function allowedMoves(db: Db, actor: Actor, accountId: number) {
  const account = findAccount(db, accountId);
  const canEdit = canEditAccount(actor, account);
  return {
    canEdit,
    rung: account.rung,
    status: account.status,
    targets: canEdit ? manualTargets(account.rung, account.orderCount) : [],
    canMarkLost: canEdit && account.status !== "lost",
    // Only evidence a confirmation could act on is offered; without any, the reason it is closed.
    evidenceKinds: canEdit ? evidenceKindsFrom(account.rung) : [],
    evidenceClosed: canEdit ? evidenceClosedBecause(account.rung) : null,
  };
}

/** A manual move's writes: the account's rung, the ladder history row, the audit entry (one per account). */
export function applyMove(
  t: Db,
  actor: Actor,
  account: ReturnType<typeof findAccount>,
  to: Rung,
  reason: string,
  evidence: Record<string, unknown> | null,
  now: number,
) {
  t.update(accounts)
    .set({ rung: to, rungSince: now, updatedAt: now })
    .where(eq(accounts.id, account.id))
    .run();
  const moveId = recordLadderMove(t, {
    accountId: account.id,
    fromRung: account.rung,
    toRung: to,
    fromStatus: account.status,
    toStatus: account.status,
    at: now,
    byUserId: actor.id,
    reason,
    evidence,
  });
  recordAudit(t, {
    actorId: actor.id,
    action: "ladder.move",
    entity: "account",
    entityId: account.id,
    before: { rung: account.rung },
    after: { rung: to, reason },
    at: now,
  });
  return moveId;
}

export function moveAccount(db: Db, actor: Actor, input: MoveInput) {
  const now = Date.now();
  return inTransaction(db, (t) => {
    const account = requireEditableAccount(t, actor, input.accountId);
    const check = checkManualMove({
      from: account.rung,
      to: input.toRung,
      distinctOrders: account.orderCount,
      reason: input.reason,
      evidence: input.evidence ?? null,
      disqualifyReason: input.disqualifyReason ?? null,
    });
    if (!check.ok) throw new FieldError("BAD_REQUEST", { [check.field]: [check.error] });
    const evidence = input.evidence
      ? { ...input.evidence }
      : input.disqualifyReason
        ? { disqualifyReason: input.disqualifyReason }
        : null;
    applyMove(t, actor, account, input.toRung, input.reason.trim(), evidence, now);
    return { rung: input.toRung, direction: check.direction };
  });
}

export function recordEvidence(db: Db, actor: Actor, input: { accountId: number; evidence: EvidenceInput }) {
  const now = Date.now();
  return inTransaction(db, (t) => {
    const account = requireEditableAccount(t, actor, input.accountId);
    const { kind, ...details } = input.evidence;
    // Evidence that no confirmation could act on would wait for good: refuse it now, saying why.
    const blocked = evidenceBlock(account.rung, targetOf(kind));
    if (blocked) throw new FieldError("BAD_REQUEST", { evidence: [EVIDENCE_BLOCK_MESSAGES[blocked]] });
    const observedAt =
      "enrolledAt" in details
        ? details.enrolledAt
        : "signedAt" in details
          ? details.signedAt
          : "agreedAt" in details
            ? details.agreedAt
            : now;
    const row = t
      .insert(ladderEvidence)
      .values({
        accountId: input.accountId,
        kind,
        targetRung: targetOf(kind),
        details: JSON.stringify(details),
        observedAt,
        recordedById: actor.id,
        recordedAt: now,
      })
      .returning({ id: ladderEvidence.id, targetRung: ladderEvidence.targetRung })
      .get();
    recordAudit(t, {
      actorId: actor.id,
      action: "ladder.evidence.record",
      entity: "account",
      entityId: input.accountId,
      after: { evidence: row.id, kind, targetRung: row.targetRung },
      at: now,
    });
    return row;
  });
}

/** The account's evidence, newest first; a proposal says why it cannot be confirmed now, if it cannot. */
export function listEvidence(db: Db, actor: Actor, accountId: number) {
  const rung = db
    .select({ rung: accounts.rung })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .get()?.rung;
  return db
    .select({
      id: ladderEvidence.id,
      kind: ladderEvidence.kind,
      targetRung: ladderEvidence.targetRung,
      details: ladderEvidence.details,
      observedAt: ladderEvidence.observedAt,
      recordedAt: ladderEvidence.recordedAt,
      recordedById: ladderEvidence.recordedById,
      recordedByName: users.name,
      status: ladderEvidence.status,
      decidedAt: ladderEvidence.decidedAt,
    })
    .from(ladderEvidence)
    .leftJoin(users, eq(users.id, ladderEvidence.recordedById))
    .where(eq(ladderEvidence.accountId, accountId))
    .orderBy(desc(ladderEvidence.recordedAt), desc(ladderEvidence.id))
    .limit(100)
    .all()
    .map((e) => ({
      ...e,
      details: JSON.parse(e.details) as Record<string, unknown>,
      mine: e.recordedById === actor.id,
      confirmBlocked:
        e.status === "proposed" && rung && isUpperRung(e.targetRung)
          ? evidenceBlock(rung, e.targetRung)
          : null,
    }));
}

function findProposal(t: Db, evidenceId: number) {
  const row = t.select().from(ladderEvidence).where(eq(ladderEvidence.id, evidenceId)).get();
  if (!row) throw notFound("Evidence");
  if (row.status !== "proposed") {
    throw new FieldError("CONFLICT", { evidenceId: ["This evidence has already been decided."] });
  }
  return row;
}

/** Confirms proposed evidence: the account moves to the rung it justifies, with the person's reason. */
export function confirmEvidence(db: Db, actor: Actor, input: { evidenceId: number; reason: string }) {
  const now = Date.now();
  return inTransaction(db, (t) => {
    const proposal = findProposal(t, input.evidenceId);
    const account = requireEditableAccount(t, actor, proposal.accountId);
    const evidence = { kind: proposal.kind, ...JSON.parse(proposal.details) };
    const target = proposal.targetRung;
    if (!isUpperRung(target)) throw notFound("Evidence");
    const check = checkManualMove({
      from: account.rung,
      to: target,
      distinctOrders: account.orderCount,
      reason: input.reason,
      evidence,
    });
    if (!check.ok) throw new FieldError("BAD_REQUEST", { [check.field]: [check.error] });
    if (check.direction !== "up") {
      throw new FieldError("BAD_REQUEST", { evidenceId: [`The account is already at or above ${target}.`] });
    }
    const moveId = applyMove(
      t,
      actor,
      account,
      target,
      input.reason.trim(),
      { evidenceId: proposal.id, ...evidence },
      now,
    );
    t.update(ladderEvidence)
      .set({ status: "confirmed", decidedById: actor.id, decidedAt: now, moveId })
      .where(and(eq(ladderEvidence.id, proposal.id), eq(ladderEvidence.status, "proposed")))
      .run();
    return { rung: target };
  });
}

export function dismissEvidence(db: Db, actor: Actor, input: { evidenceId: number; reason: string }) {
  const now = Date.now();
  return inTransaction(db, (t) => {
    const proposal = findProposal(t, input.evidenceId);
    requireEditableAccount(t, actor, proposal.accountId);
    t.update(ladderEvidence)
      .set({ status: "dismissed", decidedById: actor.id, decidedAt: now })
      .where(eq(ladderEvidence.id, proposal.id))
      .run();
    recordAudit(t, {
      actorId: actor.id,
      // The person who recorded it withdraws it; anyone else dismisses it.
      action: proposal.recordedById === actor.id ? "ladder.evidence.withdraw" : "ladder.evidence.dismiss",
      entity: "account",
      entityId: proposal.accountId,
      before: { evidence: proposal.id, status: "proposed" },
      after: { status: "dismissed", reason: input.reason },
      at: now,
    });
    return { dismissed: true };
  });
}

/** Marks an account lost with a reason; it keeps the rung it reached. A later order wins it back. */
export function markLost(
  db: Db,
  actor: Actor,
  input: { accountId: number; lostReason: (typeof accounts.lostReason.enumValues)[number]; note?: string },
) {
  const now = Date.now();
  return inTransaction(db, (t) => {
    const account = requireEditableAccount(t, actor, input.accountId);
    if (account.status === "lost") {
      throw new FieldError("CONFLICT", { lostReason: ["This account is already marked lost."] });
    }
    t.update(accounts)
      .set({ status: "lost", statusSince: now, lostReason: input.lostReason, updatedAt: now })
      .where(eq(accounts.id, account.id))
      .run();
    recordLadderMove(t, {
      accountId: account.id,
      fromRung: account.rung,
      toRung: account.rung,
      fromStatus: account.status,
      toStatus: "lost",
      at: now,
      byUserId: actor.id,
      // Without a note, the code "lost": the history shows the reason in the reader's language.
      reason: input.note?.trim() || "lost",
      evidence: { lostReason: input.lostReason },
    });
    recordAudit(t, {
      actorId: actor.id,
      action: "account.lost",
      entity: "account",
      entityId: account.id,
      before: { status: account.status, lostReason: account.lostReason },
      after: { status: "lost", lostReason: input.lostReason },
      at: now,
    });
    return { status: "lost" as const };
  });
}
