import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accounts, contacts } from "./accounts";
import { users } from "./auth";

export const ACTIVITY_TYPES = ["call", "email", "meeting", "visit", "note"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const activities = sqliteTable(
  "activities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    contactId: integer("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    type: text("type", { enum: ACTIVITY_TYPES }).notNull(),
    at: integer("at").notNull(),
    summary: text("summary").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("activities_account_idx").on(t.accountId, t.at),
    index("activities_user_idx").on(t.userId, t.at),
  ],
);

/**
 * Where a task came from. Cadence and win-back tasks carry a source_key so the job that creates them
 * is idempotent (one check-in per order, one contact per cadence period).
 */
export const TASK_KINDS = [
  "manual",
  "cadence_checkin",
  "cadence_contact",
  "joint_review",
  "win_back",
  "follow_up",
  "keep_business",
  "feedback_action",
  "close_loop",
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const tasks = sqliteTable(
  "tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    assigneeId: text("assignee_id")
      .notNull()
      .references(() => users.id),
    dueAt: integer("due_at").notNull(),
    /** As typed; for a title the system wrote, its English rendering (search, exports) beside the key. */
    title: text("title").notNull(),
    /**
     * A title the system wrote, as a message key (catalog namespace "system", e.g. "task.checkIn") with its
     * parameters as JSON: shown in the reader's language (issue #12 §7). Null for titles a person typed.
     */
    titleKey: text("title_key"),
    titleParams: text("title_params"),
    doneAt: integer("done_at"),
    kind: text("kind", { enum: TASK_KINDS }).notNull().default("manual"),
    sourceKey: text("source_key").unique(),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("tasks_assignee_idx").on(t.assigneeId, t.doneAt, t.dueAt),
    index("tasks_account_idx").on(t.accountId, t.doneAt, t.dueAt),
    // Open tasks of one kind by due date (the win/loss dashboard's win-back pipeline).
    index("tasks_open_kind_idx").on(t.kind, t.dueAt).where(sql`${t.doneAt} IS NULL`),
  ],
);
