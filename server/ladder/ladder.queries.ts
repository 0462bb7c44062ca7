import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedPerDb } from "@/db/prepared";
import { type AccountStatus, ladderMoves, type Rung, users } from "@/db/schema";
import { emitWebhookEvents, ladderMoveEvents } from "../webhooks/webhooks.emit";

export type LadderMove = {
  accountId: number;
  fromRung: Rung | null;
  toRung: Rung;
  fromStatus: AccountStatus | null;
  toStatus: AccountStatus;
  at: number;
  /** null when the system moved the account (an order). */
  byUserId: string | null;
  reason: string;
  evidence?: Record<string, unknown> | null;
};

/**
 * Records one move and returns its id; call inside the transaction that changes the account. The move is also
 * queued for the webhook endpoints that want it (moved, lapsed, lost, won back).
 */
export function recordLadderMove(db: Db, move: LadderMove): number {
  const result = db
    .insert(ladderMoves)
    .values({ ...move, evidence: move.evidence ? JSON.stringify(move.evidence) : null })
    .run();
  emitWebhookEvents(db, ladderMoveEvents(move));
  return Number(result.lastInsertRowid);
}

/** An account's moves, newest first, with who made each. An account has tens of moves, not thousands. */
const historyOfAccount = preparedPerDb((db) =>
  db
    .select({
      id: ladderMoves.id,
      fromRung: ladderMoves.fromRung,
      toRung: ladderMoves.toRung,
      fromStatus: ladderMoves.fromStatus,
      toStatus: ladderMoves.toStatus,
      at: ladderMoves.at,
      byUserId: ladderMoves.byUserId,
      byUserName: users.name,
      reason: ladderMoves.reason,
      evidence: ladderMoves.evidence,
    })
    .from(ladderMoves)
    .leftJoin(users, eq(users.id, ladderMoves.byUserId))
    .where(eq(ladderMoves.accountId, sql.placeholder("accountId")))
    .orderBy(desc(ladderMoves.at), desc(ladderMoves.id))
    .limit(500)
    .prepare(),
);

export function findLadderHistory(db: Db, accountId: number) {
  return historyOfAccount(db)
    .all({ accountId })
    .map((m) => ({
      ...m,
      evidence: m.evidence ? (JSON.parse(m.evidence) as Record<string, unknown>) : null,
    }));
}

export type LadderHistoryItem = ReturnType<typeof findLadderHistory>[number];
