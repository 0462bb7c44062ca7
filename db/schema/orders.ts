import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { accounts } from "./accounts";

/** One order per row; amounts and margins are integer minor units (cents, fen). */
export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    externalRef: text("external_ref"),
    orderedAt: integer("ordered_at").notNull(),
    amount: integer("amount").notNull(),
    margin: integer("margin").notNull(),
    category: text("category"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("orders_account_ref_uq").on(t.accountId, t.externalRef),
    index("orders_account_date_idx").on(t.accountId, t.orderedAt),
    index("orders_date_idx").on(t.orderedAt),
    // The complaints dashboard's comparison group: the accounts that ordered in a date range, from the index.
    index("orders_date_account_idx").on(t.orderedAt, t.accountId),
  ],
);
