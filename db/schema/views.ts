// Saved views (issue #12 §5): a person's named filter sets for a list, kept as the list's URL query so a view
// is also a link anyone can open (each reader still sees only what their role allows).
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/** The lists whose filters can be saved. */
export const VIEW_LISTS = ["accounts", "deals"] as const;
export type ViewList = (typeof VIEW_LISTS)[number];

export const savedViews = sqliteTable(
  "saved_views",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    list: text("list", { enum: VIEW_LISTS }).notNull(),
    name: text("name").notNull(),
    /** The list's URL query without "?", e.g. "rung=client&owner=u-am-1&sort=revenue". */
    query: text("query").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("saved_views_name_uq").on(t.userId, t.list, t.name),
    index("saved_views_user_idx").on(t.userId, t.list, t.updatedAt),
  ],
);
