import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/** Saved service what-if scenarios (issue #6 §2), shared across the company so they can be compared. */
export const whatIfScenarios = sqliteTable(
  "whatif_scenarios",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** JSON: WhatIfInputs (server/executive/whatif.rules.ts). */
    inputs: text("inputs").notNull(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("whatif_scenarios_created_idx").on(t.createdAt)],
);
