import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ACCOUNT_STATUSES, ALL_RUNGS, accounts } from "./accounts";
import { users } from "./auth";

/**
 * Every change of an account's rung or status (lapse, loss, win-back) is one row.
 * by_user_id is null when the system made the move (an order, a lapse evaluation).
 */
export const ladderMoves = sqliteTable(
  "ladder_moves",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    fromRung: text("from_rung", { enum: ALL_RUNGS }),
    toRung: text("to_rung", { enum: ALL_RUNGS }).notNull(),
    fromStatus: text("from_status", { enum: ACCOUNT_STATUSES }),
    toStatus: text("to_status", { enum: ACCOUNT_STATUSES }).notNull(),
    at: integer("at").notNull(),
    byUserId: text("by_user_id").references(() => users.id),
    reason: text("reason"),
    /** JSON: what justified the move (an order reference, an enrolment, a referral…). */
    evidence: text("evidence"),
  },
  (t) => [index("ladder_moves_account_idx").on(t.accountId, t.at), index("ladder_moves_at_idx").on(t.at)],
);
