import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
  (t) => [
    index("ladder_moves_account_idx").on(t.accountId, t.at),
    index("ladder_moves_at_idx").on(t.at),
    // Defections (active → lapsed or lost) by date: the executive view's yearly defection rate per rung/level.
    index("ladder_moves_defection_idx")
      .on(t.at, t.fromRung, t.accountId)
      .where(sql`${t.fromStatus} = 'active' AND ${t.toStatus} IN ('lapsed', 'lost')`),
  ],
);

/** Kinds of evidence that justify a rung above repeat (domain.md §1). */
export const EVIDENCE_KINDS = [
  "share_of_wallet", // client: buys only from us in the category
  "judgement", // client: the manager's judgement
  "enrolment", // member: enrolment in a programme, with programme and date
  "referral", // advocate: a referral made
  "promoter_score", // advocate: NPS 9–10
  "agreement", // partner: a partnership agreement
  "joint_plan", // partner: a joint plan
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_STATUSES = ["proposed", "confirmed", "dismissed"] as const;

/**
 * Evidence a person records for an upper rung. Recording proposes the move; a person confirms it with a
 * reason (the confirming move points back here) or dismisses it.
 */
export const ladderEvidence = sqliteTable(
  "ladder_evidence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EVIDENCE_KINDS }).notNull(),
    targetRung: text("target_rung", { enum: ALL_RUNGS }).notNull(),
    /** JSON: programme and enrolment date, referred account, score, share %, agreement title, note. */
    details: text("details").notNull(),
    observedAt: integer("observed_at").notNull(),
    /** Null when the product proposed it (a promoter's survey answer, a referral recorded elsewhere). */
    recordedById: text("recorded_by_id").references(() => users.id),
    recordedAt: integer("recorded_at").notNull(),
    status: text("status", { enum: EVIDENCE_STATUSES }).notNull().default("proposed"),
    decidedById: text("decided_by_id").references(() => users.id),
    decidedAt: integer("decided_at"),
    moveId: integer("move_id").references(() => ladderMoves.id),
  },
  (t) => [
    index("ladder_evidence_account_idx").on(t.accountId, t.recordedAt),
    index("ladder_evidence_status_idx").on(t.status, t.recordedAt),
  ],
);

/** One row per order import (page or CLI): who, which file, and what it did. */
export const orderImports = sqliteTable(
  "order_imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the file's bytes. */
    fileHash: text("file_hash").notNull(),
    byUserId: text("by_user_id").references(() => users.id),
    at: integer("at").notNull(),
    /** JSON summary: rows read, accounts created, orders created, rows skipped, accounts per rung. */
    summary: text("summary").notNull(),
  },
  (t) => [index("order_imports_at_idx").on(t.at)],
);

/**
 * Rollup for the ladder report, kept by a trigger on ladder_moves (migration 0003), so every writer (app,
 * import, seed) maintains it: the first time each account reached each rung, and for a climb from the rung
 * just below, how long that climb took. Conversion and median time to climb read this index, not the
 * whole move history (measured: ~1 s over 330k moves at the bench size, against a few ms here).
 */
export const ladderReached = sqliteTable(
  "ladder_reached",
  {
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    rung: text("rung", { enum: ALL_RUNGS }).notNull(),
    firstAt: integer("first_at").notNull(),
    /** Milliseconds since the account first reached the rung just below; null when it skipped that rung. */
    climbMs: integer("climb_ms"),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.rung] }),
    index("ladder_reached_rung_idx").on(t.rung, t.climbMs),
  ],
);

/**
 * Rollup of ladder_reached for the ladder report (issue #12 §1): per rung, how many accounts ever reached it and
 * how many climbed into it from the rung just below (climb_ms not null). Kept by triggers on ladder_reached
 * (migration account_totals).
 */
export const ladderReachedTotals = sqliteTable("ladder_reached_totals", {
  rung: text("rung", { enum: ALL_RUNGS }).primaryKey(),
  reached: integer("reached").notNull(),
  climbed: integer("climbed").notNull(),
});

export const FLOW_KINDS = ["entered", "up", "down", "lapsed", "lost", "won_back"] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** Rollup for the ladder report: moves per UTC month and kind, kept by the same trigger. */
export const ladderFlowsMonthly = sqliteTable(
  "ladder_flows_monthly",
  {
    /** "YYYY-MM" in UTC. */
    month: text("month").notNull(),
    kind: text("kind", { enum: FLOW_KINDS }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.kind] })],
);
