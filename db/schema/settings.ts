import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { LOCALES, users } from "./auth";

/** Admin-tunable settings (lapse window, level thresholds, …) as JSON values keyed by name. */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at").notNull(),
  updatedById: text("updated_by_id").references(() => users.id),
});

/** The names a company types itself that readers see in their own language (issue #12 §7). */
export const NAME_KINDS = ["segment", "stage"] as const;
export type NameKind = (typeof NAME_KINDS)[number];

/**
 * A label per language for a name the company typed (an account segment, a deal stage): rows keep the name as
 * typed, and a reader sees the label in their language, or the name itself where there is none.
 */
export const nameLabels = sqliteTable(
  "name_labels",
  {
    kind: text("kind", { enum: NAME_KINDS }).notNull(),
    name: text("name").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    label: text("label").notNull(),
    updatedAt: integer("updated_at").notNull(),
    updatedById: text("updated_by_id").references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.kind, t.name, t.locale] })],
);
