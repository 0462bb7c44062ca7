import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/** Admin-tunable settings (lapse window, level thresholds, …) as JSON values keyed by name. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at").notNull(),
  updatedById: text("updated_by_id").references(() => users.id),
});
