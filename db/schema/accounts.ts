import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
// The ladder's order lives in lib/ladder.ts (one source for the schema, the rules, the SQL and the pages).
import { ALL_RUNGS } from "../../lib/ladder";
import { users } from "./auth";

export { ALL_RUNGS, RUNGS, type Rung } from "../../lib/ladder";

export const ACCOUNT_KINDS = ["company", "person"] as const;
export const ACCOUNT_STATUSES = ["active", "lapsed", "lost"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export const LOST_REASONS = ["bankrupt", "moved", "dissatisfied", "competitor", "other"] as const;
export const LEVELS = ["basic", "reactive", "accountable", "proactive", "partnership"] as const;
export type Level = (typeof LEVELS)[number];

/** A level's place in LEVELS (basic 0 … partnership 4), as SQL over a column. */
const levelOrdinal = (column: string) =>
  `(CASE "${column}" ${LEVELS.map((l, i) => `WHEN '${l}' THEN ${i}`).join(" ")} END)`;

export const accounts = sqliteTable(
  "accounts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ACCOUNT_KINDS }).notNull(),
    name: text("name").notNull(),
    /** Unicode-lowercased name: case-insensitive search and sort that also works for Chinese names. */
    searchName: text("search_name").notNull(),
    externalRef: text("external_ref").unique(),
    segment: text("segment"),
    industry: text("industry"),
    ownerId: text("owner_id").references(() => users.id),
    rung: text("rung", { enum: ALL_RUNGS }).notNull().default("suspect"),
    rungSince: integer("rung_since").notNull(),
    level: text("level", { enum: LEVELS }).notNull().default("reactive"),
    /** Kotler's matrix for this account, kept up to date by order writes, imports and threshold changes. */
    recommendedLevel: text("recommended_level", { enum: LEVELS }),
    /**
     * What a year of this account is worth in margin (minor units), beside the recommendation: the last 12
     * months' margin, or without revenue in that time the lifetime margin per year as a customer; null
     * without orders (no recommendation either).
     */
    yearlyMargin: integer("yearly_margin"),
    /** Levels between practised and recommended (0 when they agree or there is no recommendation). */
    levelGap: integer("level_gap").generatedAlwaysAs(
      sql.raw(
        `(CASE WHEN "recommended_level" IS NULL THEN 0 ELSE abs(${levelOrdinal("level")} - ${levelOrdinal("recommended_level")}) END)`,
      ),
      { mode: "virtual" },
    ),
    /** What the mismatch puts at stake: yearly margin × gap; the levels list ranks by it. */
    levelStake: integer("level_stake").generatedAlwaysAs(
      sql.raw(`(coalesce("yearly_margin", 0) * "level_gap")`),
      { mode: "virtual" },
    ),
    status: text("status", { enum: ACCOUNT_STATUSES }).notNull().default("active"),
    statusSince: integer("status_since").notNull(),
    lostReason: text("lost_reason", { enum: LOST_REASONS }),
    // Order figures kept up to date by every order write, so lists sort and page on an index.
    firstOrderAt: integer("first_order_at"),
    lastOrderAt: integer("last_order_at"),
    orderCount: integer("order_count").notNull().default(0),
    revenue: integer("revenue").notNull().default(0),
    margin: integer("margin").notNull().default(0),
    /** The account whose recommendation brought this one in (issue #13 §3). */
    referredByAccountId: integer("referred_by_account_id").references((): AnySQLiteColumn => accounts.id, {
      onDelete: "set null",
    }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("accounts_name_idx").on(t.searchName, t.id),
    index("accounts_last_order_idx").on(t.lastOrderAt, t.id),
    index("accounts_revenue_idx").on(t.revenue, t.id),
    index("accounts_owner_idx").on(t.ownerId, t.searchName, t.id),
    index("accounts_rung_idx").on(t.rung, t.searchName, t.id),
    index("accounts_status_idx").on(t.status, t.searchName, t.id),
    index("accounts_segment_idx").on(t.segment, t.searchName, t.id),
    // A filter with a last-order or revenue sort walks one of these in order and stops after a page.
    index("accounts_owner_last_order_idx").on(t.ownerId, t.lastOrderAt, t.id),
    index("accounts_owner_revenue_idx").on(t.ownerId, t.revenue, t.id),
    index("accounts_rung_last_order_idx").on(t.rung, t.lastOrderAt, t.id),
    index("accounts_rung_revenue_idx").on(t.rung, t.revenue, t.id),
    index("accounts_status_last_order_idx").on(t.status, t.lastOrderAt, t.id),
    index("accounts_status_revenue_idx").on(t.status, t.revenue, t.id),
    index("accounts_segment_last_order_idx").on(t.segment, t.lastOrderAt, t.id),
    index("accounts_segment_revenue_idx").on(t.segment, t.revenue, t.id),
    // The ladder board: one column per (status, rung), counted and paged by name, optionally per owner/segment.
    index("accounts_board_idx").on(t.status, t.rung, t.searchName, t.id),
    index("accounts_owner_board_idx").on(t.ownerId, t.status, t.rung, t.searchName, t.id),
    // The ladder report's accounts and revenue per rung and status, read from the index alone.
    index("accounts_rung_totals_idx").on(t.rung, t.status, t.revenue),
    index("accounts_segment_board_idx").on(t.segment, t.status, t.rung, t.searchName, t.id),
    // The levels list: mismatches only, by what is at stake, for everyone or one owner, any gap or one.
    index("accounts_level_stake_idx").on(t.levelStake, t.id).where(sql`${t.levelGap} > 0`),
    index("accounts_level_gap_stake_idx").on(t.levelGap, t.levelStake, t.id).where(sql`${t.levelGap} > 0`),
    index("accounts_owner_level_stake_idx").on(t.ownerId, t.levelStake, t.id).where(sql`${t.levelGap} > 0`),
    index("accounts_owner_level_gap_stake_idx")
      .on(t.ownerId, t.levelGap, t.levelStake, t.id)
      .where(sql`${t.levelGap} > 0`),
    // Whom an account brought in (its page), and new accounts by referral per month (the dashboard), with the
    // feedback dashboard's filters (rung, level, segment, owner as the account is now) so a filtered month is
    // read from the index alone; it is also the narrowest list of accounts by level.
    index("accounts_referred_by_idx").on(t.referredByAccountId, t.createdAt),
    index("accounts_created_idx").on(
      t.createdAt,
      t.referredByAccountId,
      t.rung,
      t.level,
      t.segment,
      t.ownerId,
    ),
    // The REST API's "accounts changed since": walked in (updated_at, id) order from a cursor.
    index("accounts_updated_idx").on(t.updatedAt, t.id),
    // The cadence job's accounts (contacts and reviews), by id. Partial, on exactly the job's condition, so no
    // other query's plan sees it.
    index("accounts_cadence_idx").on(t.level).where(sql`${t.level} IN ('proactive', 'partnership')`),
  ],
);

/**
 * The index of short Chinese name searches (lib/name-grams.ts): per account, each character of its search_name
 * above ASCII and each pair of neighbouring characters with one such character, lowercased as SQLite's lower()
 * does, with the name itself so a look-up reads names in order. Kept by triggers on accounts (migration
 * account_name_grams), which fire only when search_name is written; the table has no rowid (hand-edited
 * CREATE TABLE: the key is the table).
 */
export const accountNameGrams = sqliteTable(
  "account_name_grams",
  {
    gram: text("gram").notNull(),
    searchName: text("search_name").notNull(),
    accountId: integer("account_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.gram, t.searchName, t.accountId] })],
);

export const contacts = sqliteTable(
  "contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    title: text("title"),
    email: text("email"),
    phone: text("phone"),
    notes: text("notes"),
    /** The contact's id in another system (the REST API upserts by it). */
    externalRef: text("external_ref").unique(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("contacts_account_idx").on(t.accountId, t.name),
    // The command palette's short (1–2 character) name look-ups, by prefix; longer ones use contacts_fts.
    index("contacts_name_idx").on(t.name),
  ],
);
