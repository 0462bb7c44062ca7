// Bulk writes for the generator: raw prepared better-sqlite3 statements, far faster than building drizzle
// queries a million times. Column lists mirror db/schema; the invariant tests read the rows back through SQL.

import type Database from "better-sqlite3";
import { periodIndex } from "@/lib/periods";
import { systemTitle } from "@/lib/system-text";
import type { ComplaintPlan } from "./complaints";
import type { DealPlan } from "./deals";
import type { AccountHistory } from "./history";
import type { ActivityRow, ContactRow, TaskRow } from "./people";

export type Counts = {
  accounts: number;
  orders: number;
  moves: number;
  contacts: number;
  activities: number;
  tasks: number;
  deals: number;
  reviews: number;
  complaints: number;
  complaintEvents: number;
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
  const deal = sqlite.prepare(
    `INSERT INTO deals (account_id, owner_id, title, amount, category, segment, expected_close_at, stage, status,
       closed_at, closed_month, owner_reason, competitor_id, competitor_other, order_id, reviewed_at, created_by_id,
       created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const stageMove = sqlite.prepare(
    "INSERT INTO deal_stage_moves (deal_id, from_stage, to_stage, at, by_user_id) VALUES (?, ?, ?, ?, ?)",
  );
  const review = sqlite.prepare(
    `INSERT INTO deal_reviews (deal_id, reviewer_id, buyer_contact_id, spoke_at, primary_reason, buyer_words, outcome,
       closed_at, closed_month, owner_id, segment, owner_reason, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const actionTask = sqlite.prepare(
    `INSERT INTO tasks (account_id, assignee_id, due_at, title, title_key, title_params, done_at, kind, created_by_id,
       created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const action = sqlite.prepare(
    "INSERT INTO deal_review_actions (review_id, deal_id, task_id) VALUES (?, ?, ?)",
  );
  const counts: Counts = {
    accounts: 0,
    orders: 0,
    moves: 0,
    contacts: 0,
    activities: 0,
    tasks: 0,
    deals: 0,
    reviews: 0,
    complaints: 0,
    complaintEvents: 0,
  };
  const complaint = sqlite.prepare(
    `INSERT INTO complaints (reference, account_id, contact_id, channel, category, severity, description,
       customer_request, status, department, handler_id, root_cause, responsible_party, remedy_type, remedy_value,
       remedy_carried_out_at, approved_by_id, approved_at, confirmation_channel, confirmed_by_id,
       closed_unconfirmed_reason, received_at, acknowledged_at, resolved_at, closed_at, ack_due_at, resolve_due_at,
       due_at, ack_breached_at, resolve_breached_at, public_email, locale, apologised, listened, offered_fix,
       added_value, kept_promise, followed_up, created_by_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
       ?, ?, ?, ?, ?)`,
  );
  const complaintEvent = sqlite.prepare(
    `INSERT INTO complaint_events (complaint_id, kind, from_status, to_status, message, is_public, actor_id, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // References are drawn at random; a rare repeat gets a suffix instead of failing the unique index.
  const references = new Set<string>();

  return {
    counts,
    writeDeals(plans: readonly DealPlan[]) {
      for (const d of plans) {
        const r = d.review;
        const dealId = Number(
          deal.run(
            d.accountId,
            d.ownerId,
            d.title,
            d.amount,
            d.category,
            d.segment,
            d.expectedCloseAt,
            d.stage,
            d.status,
            d.closedAt,
            d.closedAt === null ? null : periodIndex(d.closedAt, "month"),
            d.ownerReason,
            d.competitorId,
            d.competitorOther,
            d.orderId,
            r ? r.spokeAt : null,
            d.ownerId,
            d.createdAt,
            d.closedAt ?? d.createdAt,
          ).lastInsertRowid,
        );
        for (const m of d.moves) stageMove.run(dealId, m.fromStage, m.toStage, m.at, d.ownerId);
        counts.deals += 1;
        if (!r || d.closedAt === null || d.ownerReason === null) continue;
        const reviewId = Number(
          review.run(
            dealId,
            r.reviewerId,
            r.contactId,
            r.spokeAt,
            r.primaryReason,
            r.words,
            d.status,
            d.closedAt,
            periodIndex(d.closedAt, "month"),
            d.ownerId,
            d.segment,
            d.ownerReason,
            r.spokeAt,
          ).lastInsertRowid,
        );
        counts.reviews += 1;
        for (const a of r.actions) {
          const title = systemTitle(a.title);
          const taskId = actionTask.run(
            d.accountId,
            d.ownerId,
            a.dueAt,
            title.title,
            title.titleKey,
            title.titleParams,
            a.doneAt,
            a.kind,
            r.reviewerId,
            r.spokeAt,
          ).lastInsertRowid;
          action.run(reviewId, dealId, Number(taskId));
          counts.tasks += 1;
        }
      }
    },
    writeComplaints(plans: readonly ComplaintPlan[]) {
      for (const c of plans) {
        let reference = c.reference;
        for (let n = 2; references.has(reference); n++) reference = `${c.reference}-${n}`;
        references.add(reference);
        const id = Number(
          complaint.run(
            reference,
            c.accountId,
            c.contactId,
            c.channel,
            c.category,
            c.severity,
            c.description,
            c.customerRequest,
            c.status,
            c.department,
            c.handlerId,
            c.rootCause,
            c.responsibleParty,
            c.remedyType,
            c.remedyValue,
            c.remedyCarriedOutAt,
            c.approvedById,
            c.approvedAt,
            c.confirmationChannel,
            c.confirmedById,
            c.closedUnconfirmedReason,
            c.receivedAt,
            c.acknowledgedAt,
            c.resolvedAt,
            c.closedAt,
            c.ackDueAt,
            c.resolveDueAt,
            c.dueAt,
            c.ackBreachedAt,
            c.resolveBreachedAt,
            c.publicEmail,
            c.locale,
            ...c.checklist.map((b) => (b ? 1 : 0)),
            null,
            c.receivedAt,
            c.updatedAt,
          ).lastInsertRowid,
        );
        for (const e of c.events) {
          complaintEvent.run(
            id,
            e.kind,
            e.fromStatus,
            e.toStatus,
            e.message,
            e.isPublic ? 1 : 0,
            e.actorId,
            e.at,
          );
        }
        counts.complaints += 1;
        counts.complaintEvents += c.events.length;
      }
    },
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
