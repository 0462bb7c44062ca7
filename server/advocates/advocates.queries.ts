// Advocates from evidence (issue #13 §3): a promoter's answer or a referral proposes the advocate move to the
// account's owner through the ladder's evidence flow (confirm or dismiss on the account page); advocates with
// no such evidence in 18 months are listed for review.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, ladderEvidence } from "@/db/schema";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { advocateSuggestion, staleBefore } from "./advocate.rules";

export type AdvocateEvidence =
  | {
      kind: "promoter_score";
      score: number;
      surveyId: number;
      contactName: string | null;
      comment: string | null;
    }
  | { kind: "referral"; referred: string; referredAccountId: number };

/**
 * Proposes the move to advocate with this evidence when advocate.rules allows it; returns the proposal's id,
 * or null when nothing was proposed (already pending, wrong rung, recently dismissed…). Call inside the
 * caller's transaction.
 */
export function proposeAdvocate(
  db: Db,
  p: { accountId: number; evidence: AdvocateEvidence; observedAt: number; recordedById: string | null },
  now: number,
): number | null {
  const account = db
    .select({ rung: accounts.rung, status: accounts.status })
    .from(accounts)
    .where(eq(accounts.id, p.accountId))
    .get();
  if (!account) return null;
  const state = db.get<{ pending: number; lastDismissedAt: number | null }>(
    sql`SELECT
      EXISTS (SELECT 1 FROM ladder_evidence WHERE account_id = ${p.accountId} AND target_rung = 'advocate'
        AND status = 'proposed') AS pending,
      (SELECT max(decided_at) FROM ladder_evidence WHERE account_id = ${p.accountId}
        AND target_rung = 'advocate' AND status = 'dismissed') AS lastDismissedAt`,
  );
  const check = advocateSuggestion(
    { ...account, pendingProposal: state.pending === 1, lastDismissedAt: state.lastDismissedAt },
    now,
  );
  if (!check.suggest) return null;
  const { kind, ...details } = p.evidence;
  const row = db
    .insert(ladderEvidence)
    .values({
      accountId: p.accountId,
      kind,
      targetRung: "advocate",
      details: JSON.stringify(details),
      observedAt: p.observedAt,
      recordedById: p.recordedById,
      recordedAt: now,
    })
    .returning({ id: ladderEvidence.id })
    .get();
  recordAudit(db, {
    actorId: p.recordedById,
    action: "ladder.evidence.suggest",
    entity: "account",
    entityId: p.accountId,
    after: { evidence: row.id, kind, targetRung: "advocate" },
    at: now,
  });
  return row.id;
}

/** Account a's latest promoter score (9–10), referral made, or confirmed advocate evidence; 0 for none. */
const LAST_EVIDENCE = sql`max(
  coalesce((SELECT max(s.answered_at) FROM surveys s WHERE s.account_id = a.id AND s.kind = 'nps'
    AND s.score >= 9), 0),
  coalesce((SELECT max(r.created_at) FROM accounts r WHERE r.referred_by_account_id = a.id), 0),
  coalesce((SELECT max(e.observed_at) FROM ladder_evidence e WHERE e.account_id = a.id
    AND e.kind IN ('promoter_score', 'referral') AND e.status = 'confirmed'), 0))`;

const ownerScope = (actor: Actor, mine: boolean) =>
  mine || actor.role === "account_manager" ? sql`AND a.owner_id = ${actor.id}` : sql``;

/** Proposed moves to advocate waiting for a decision, newest first; account managers see their own. */
export function listAdvocateSuggestions(
  db: Db,
  actor: Actor,
  input: { mine: boolean; cursor?: number | null; limit: number },
) {
  const rows = db.all<{
    id: number;
    accountId: number;
    accountName: string;
    rung: string;
    ownerName: string | null;
    kind: string;
    details: string;
    observedAt: number;
    recordedAt: number;
  }>(
    sql`SELECT e.id, e.account_id AS accountId, a.name AS accountName, a.rung, u.name AS ownerName, e.kind,
        e.details, e.observed_at AS observedAt, e.recorded_at AS recordedAt
      FROM ladder_evidence e
      JOIN accounts a ON a.id = e.account_id
      LEFT JOIN users u ON u.id = a.owner_id
      WHERE e.status = 'proposed' AND e.target_rung = 'advocate' ${ownerScope(actor, input.mine)}
        ${input.cursor ? sql`AND e.id < ${input.cursor}` : sql``}
      ORDER BY e.id DESC LIMIT ${input.limit + 1}`,
  );
  const items = rows.slice(0, input.limit).map((r) => ({ ...r, details: JSON.parse(r.details) as unknown }));
  return { items, nextCursor: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null };
}

/**
 * Active advocates whose latest promoter score (9–10), referral made, or confirmed advocate evidence is older
 * than 18 months (or who have none), by name. Few accounts are advocates, so each one's latest evidence is
 * three index look-ups.
 */
export function listAdvocatesToReview(
  db: Db,
  actor: Actor,
  input: { mine: boolean; cursor?: { name: string; id: number } | null; limit: number },
  now = Date.now(),
) {
  const before = staleBefore(now);
  const after = input.cursor
    ? sql`AND (a.search_name, a.id) > (${input.cursor.name}, ${input.cursor.id})`
    : sql``;
  const rows = db.all<{
    id: number;
    name: string;
    searchName: string;
    ownerName: string | null;
    rungSince: number;
    revenue: number;
    lastEvidenceAt: number | null;
  }>(
    sql`SELECT * FROM (
        SELECT a.id, a.name, a.search_name AS searchName, u.name AS ownerName, a.rung_since AS rungSince,
          a.revenue,
          ${LAST_EVIDENCE} AS lastEvidenceAt
        FROM accounts a LEFT JOIN users u ON u.id = a.owner_id
        WHERE a.status = 'active' AND a.rung = 'advocate' ${ownerScope(actor, input.mine)} ${after}
        ORDER BY a.search_name, a.id
      ) WHERE lastEvidenceAt < ${before} LIMIT ${input.limit + 1}`,
  );
  const items = rows
    .slice(0, input.limit)
    .map(({ searchName: _s, ...r }) => ({ ...r, lastEvidenceAt: r.lastEvidenceAt || null }));
  const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
  return {
    items,
    staleBefore: before,
    nextCursor: last ? { name: last.searchName, id: last.id } : null,
  };
}

/** How many advocates are flagged, for the dashboard and the page's heading. */
export function countAdvocatesToReview(db: Db, actor: Actor, mine: boolean, now = Date.now()): number {
  const before = staleBefore(now);
  return (
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM accounts a
        WHERE a.status = 'active' AND a.rung = 'advocate' ${ownerScope(actor, mine)}
          AND ${LAST_EVIDENCE} < ${before}`,
    )?.n ?? 0
  );
}
