// Bulk writes for the generator: raw prepared better-sqlite3 statements, far faster than building drizzle
// queries a million times. Column lists mirror db/schema; the invariant tests read the rows back through SQL.
import type Database from "better-sqlite3";
import type { AccountHistory } from "./history";
import type { ActivityRow, ContactRow, TaskRow } from "./people";

export type Counts = {
  accounts: number;
  orders: number;
  moves: number;
  contacts: number;
  activities: number;
  tasks: number;
};

export function createWriter(sqlite: Database.Database, now: number) {
  const account = sqlite.prepare(
    `INSERT INTO accounts (id, kind, name, search_name, external_ref, segment, industry, owner_id, rung, rung_since,
       level, status, status_since, lost_reason, first_order_at, last_order_at, order_count, revenue, margin,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const order = sqlite.prepare(
    `INSERT INTO orders (id, account_id, external_ref, ordered_at, amount, margin, category, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const move = sqlite.prepare(
    `INSERT INTO ladder_moves (account_id, from_rung, to_rung, from_status, to_status, at, by_user_id, reason, evidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const contact = sqlite.prepare(
    `INSERT INTO contacts (id, account_id, name, title, email, phone, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const activity = sqlite.prepare(
    `INSERT INTO activities (account_id, contact_id, user_id, type, at, summary, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const task = sqlite.prepare(
    `INSERT INTO tasks (account_id, assignee_id, due_at, title, done_at, created_by_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const counts: Counts = { accounts: 0, orders: 0, moves: 0, contacts: 0, activities: 0, tasks: 0 };

  return {
    counts,
    write(
      h: AccountHistory,
      people: { contacts: ContactRow[]; activities: ActivityRow[]; tasks: TaskRow[] },
    ) {
      const a = h.account;
      account.run(
        a.id,
        a.kind,
        a.name,
        a.searchName,
        a.externalRef,
        a.segment,
        a.industry,
        a.ownerId,
        a.rung,
        a.rungSince,
        a.level,
        a.status,
        a.statusSince,
        a.lostReason,
        a.firstOrderAt,
        a.lastOrderAt,
        a.orderCount,
        a.revenue,
        a.margin,
        a.createdAt,
        a.updatedAt,
      );
      for (const o of h.orders) {
        order.run(o.id, o.accountId, o.externalRef, o.orderedAt, o.amount, o.margin, o.category, o.orderedAt);
      }
      for (const m of h.moves) {
        move.run(
          m.accountId,
          m.fromRung,
          m.toRung,
          m.fromStatus,
          m.toStatus,
          m.at,
          m.byUserId,
          m.reason,
          m.evidence,
        );
      }
      for (const c of people.contacts) {
        contact.run(c.id, c.accountId, c.name, c.title, c.email, c.phone, c.createdAt, c.createdAt);
      }
      for (const x of people.activities) {
        activity.run(x.accountId, x.contactId, x.userId, x.type, x.at, x.summary, Math.min(now, x.at));
      }
      for (const x of people.tasks) {
        task.run(x.accountId, x.assigneeId, x.dueAt, x.title, x.doneAt, x.createdById, x.createdAt);
      }
      counts.accounts += 1;
      counts.orders += h.orders.length;
      counts.moves += h.moves.length;
      counts.contacts += people.contacts.length;
      counts.activities += people.activities.length;
      counts.tasks += people.tasks.length;
    },
  };
}
