// Complaints and service recovery (issue #5, domain.md §4): the complaint, its timeline, and the outbox of
// messages to customers. Times are epoch milliseconds; money is integer minor units like orders.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { accounts, contacts } from "./accounts";
import { LOCALES, users } from "./auth";

export const COMPLAINT_CHANNELS = [
  "phone",
  "email",
  "web_form",
  "chat",
  "social_media",
  "in_person",
  "letter",
] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_CATEGORIES = [
  "product_quality",
  "service",
  "staff_attitude",
  "delivery",
  "technical",
  "payment",
  "other",
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_SEVERITIES = ["low", "medium", "high"] as const;

// Kept in step with server/complaints/workflow.rules.ts COMPLAINT_STATES (a test checks they match).
export const COMPLAINT_STATUSES = [
  "received",
  "acknowledged",
  "investigating",
  "remedy_proposed",
  "awaiting_approval",
  "approved",
  "remedy_carried_out",
  "awaiting_confirmation",
  "closed",
  "closed_unconfirmed",
  "reopened",
] as const;

export const DEPARTMENTS = [
  "customer_service",
  "quality_assurance",
  "logistics",
  "technical_support",
  "finance",
  "sales",
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const RESPONSIBLE_PARTIES = [
  "our_staff",
  "our_product",
  "our_process",
  "delivery_partner",
  "supplier",
  "customer",
  "unknown",
] as const;

export const REMEDY_TYPES = [
  "return",
  "exchange",
  "repair",
  "discount",
  "compensation",
  "explanation",
] as const;
export type RemedyType = (typeof REMEDY_TYPES)[number];

/** How the customer's confirmation was obtained. */
export const CONFIRMATION_CHANNELS = ["phone", "email", "in_person", "chat", "letter", "web_form"] as const;

/** The service-recovery checklist (domain.md §4, six steps), one boolean column each. */
export const CHECKLIST_ITEMS = [
  "apologised",
  "listened",
  "offeredFix",
  "addedValue",
  "keptPromise",
  "followedUp",
] as const;
export type ChecklistItem = (typeof CHECKLIST_ITEMS)[number];

export const complaints = sqliteTable(
  "complaints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** What the customer quotes: random, so it says nothing about volume and cannot be walked. */
    reference: text("reference").notNull(),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    contactId: integer("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    channel: text("channel", { enum: COMPLAINT_CHANNELS }).notNull(),
    category: text("category", { enum: COMPLAINT_CATEGORIES }).notNull(),
    severity: text("severity", { enum: COMPLAINT_SEVERITIES }).notNull(),
    description: text("description").notNull(),
    customerRequest: text("customer_request"),
    status: text("status", { enum: COMPLAINT_STATUSES }).notNull().default("received"),
    department: text("department", { enum: DEPARTMENTS }).notNull(),
    handlerId: text("handler_id").references(() => users.id),
    rootCause: text("root_cause"),
    rootCauseText: text("root_cause_text"),
    responsibleParty: text("responsible_party", { enum: RESPONSIBLE_PARTIES }),
    remedyType: text("remedy_type", { enum: REMEDY_TYPES }),
    remedyValue: integer("remedy_value"),
    remedyDescription: text("remedy_description"),
    remedyCarriedOutAt: integer("remedy_carried_out_at"),
    approvedById: text("approved_by_id").references(() => users.id),
    approvedAt: integer("approved_at"),
    approvalNote: text("approval_note"),
    /** How the customer's confirmation was obtained, and what they said. */
    confirmationChannel: text("confirmation_channel", { enum: CONFIRMATION_CHANNELS }),
    confirmationNote: text("confirmation_note"),
    confirmedById: text("confirmed_by_id").references(() => users.id),
    closedUnconfirmedReason: text("closed_unconfirmed_reason"),
    receivedAt: integer("received_at").notNull(),
    /**
     * year * 12 + month - 1 of received_at (UTC), as retention.rules periodIndex: the dashboard groups by it.
     * Virtual, so every writer gets it for free; its value is stored in complaints_dashboard_idx.
     */
    receivedMonth: integer("received_month").generatedAlwaysAs(
      sql`(CAST(strftime('%Y', "received_at" / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', "received_at" / 1000, 'unixepoch') AS INTEGER) - 1)`,
      { mode: "virtual" },
    ),
    /**
     * The account's first order after the complaint was received (null: none yet). Kept by triggers on orders
     * and complaints (migration 0010's hand-written part), so repurchase within N days is arithmetic.
     */
    nextOrderAt: integer("next_order_at"),
    /**
     * The account's band now: its rung while active, else lapsed or lost (the dashboard's rungs of complaining
     * accounts). Kept by triggers on complaints and accounts (migration 0025's hand-written part).
     */
    accountBand: text("account_band"),
    /** Time to acknowledge and to resolve (the customer's confirmation), for the dashboard's quantiles. */
    ackMs: integer("ack_ms").generatedAlwaysAs(sql`("acknowledged_at" - "received_at")`, { mode: "virtual" }),
    resolveMs: integer("resolve_ms").generatedAlwaysAs(sql`("resolved_at" - "received_at")`, {
      mode: "virtual",
    }),
    /**
     * How the complaint ends up once closed or past its promised resolution time (sla.rules outcomeOf without
     * the clock): resolved_quickly, resolved, unacknowledged or unresolved. A complaint still open within its
     * time is pending at read time; the dashboard checks that clause against now.
     */
    finalOutcome: text("final_outcome").generatedAlwaysAs(
      sql`(CASE WHEN "resolved_at" IS NOT NULL THEN CASE WHEN "resolved_at" <= "resolve_due_at" THEN 'resolved_quickly' ELSE 'resolved' END WHEN "acknowledged_at" IS NULL THEN 'unacknowledged' ELSE 'unresolved' END)`,
      { mode: "virtual" },
    ),
    acknowledgedAt: integer("acknowledged_at"),
    /** When the customer confirmed the remedy: the moment the complaint counts as resolved. */
    resolvedAt: integer("resolved_at"),
    closedAt: integer("closed_at"),
    ackDueAt: integer("ack_due_at").notNull(),
    resolveDueAt: integer("resolve_due_at").notNull(),
    /**
     * The next promised moment: the acknowledgement's until acknowledged, then the resolution's; null once
     * closed. Queues walk (owner, due_at) in order, and "open" is simply due_at IS NOT NULL.
     */
    dueAt: integer("due_at"),
    /** When a promise was recorded as broken (by the hourly job, or by a late step). */
    ackBreachedAt: integer("ack_breached_at"),
    resolveBreachedAt: integer("resolve_breached_at"),
    /** The address a customer uses with the reference to see the status; lower-cased. */
    publicEmail: text("public_email"),
    /** Language of the messages to the customer. */
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    apologised: integer("apologised", { mode: "boolean" }).notNull().default(false),
    listened: integer("listened", { mode: "boolean" }).notNull().default(false),
    offeredFix: integer("offered_fix", { mode: "boolean" }).notNull().default(false),
    addedValue: integer("added_value", { mode: "boolean" }).notNull().default(false),
    keptPromise: integer("kept_promise", { mode: "boolean" }).notNull().default(false),
    followedUp: integer("followed_up", { mode: "boolean" }).notNull().default(false),
    followUpTaskId: integer("follow_up_task_id"),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("complaints_reference_uq").on(t.reference),
    // Queues: my open complaints, a department's, one status (awaiting approval / confirmation), by due time.
    index("complaints_handler_queue_idx").on(t.handlerId, t.dueAt, t.id),
    index("complaints_department_queue_idx").on(t.department, t.dueAt, t.id),
    index("complaints_status_due_idx").on(t.status, t.dueAt, t.id),
    // The breach job: open complaints past their next promised moment.
    index("complaints_due_idx").on(t.dueAt),
    // CSAT after a closed complaint: the complaints closed in the last days (the survey job, every ten minutes).
    index("complaints_closed_idx").on(t.closedAt).where(sql`${t.closedAt} IS NOT NULL`),
    // Dashboard: a period's complaints; an account's complaints (and repurchase after them).
    index("complaints_received_idx").on(t.receivedAt),
    index("complaints_account_idx").on(t.accountId, t.receivedAt),
    // The outcome mix per month and repurchase per (account, outcome), each grouped in index order: no sort
    // (measured at 100k accounts, 51k complaints over 36 months: 130 ms of CPU down to 35 ms).
    index("complaints_outcome_month_idx").on(
      t.receivedMonth,
      t.finalOutcome,
      t.receivedAt,
      t.channel,
      t.category,
      t.resolvedAt,
      t.closedAt,
      t.resolveDueAt,
    ),
    index("complaints_outcome_account_idx").on(
      t.accountId,
      t.finalOutcome,
      t.receivedAt,
      t.channel,
      t.category,
      t.nextOrderAt,
      t.resolvedAt,
      t.closedAt,
      t.resolveDueAt,
    ),
    // The complaints dashboard reads a period's months from this index alone: volume, outcome, times, causes,
    // remedies and the complaining accounts.
    index("complaints_dashboard_idx").on(
      t.receivedMonth,
      t.receivedAt,
      t.category,
      t.channel,
      t.accountId,
      t.acknowledgedAt,
      t.ackDueAt,
      t.resolvedAt,
      t.resolveDueAt,
      t.closedAt,
      t.rootCause,
      t.responsibleParty,
      t.remedyType,
      t.remedyCarriedOutAt,
      t.remedyValue,
      t.nextOrderAt,
    ),
    // Median and p90 by walking a duration's order to a rank (LIMIT 1 OFFSET k): per month, and over a period.
    index("complaints_ack_month_idx").on(t.receivedMonth, t.ackMs, t.receivedAt, t.category, t.channel),
    index("complaints_ack_order_idx").on(t.ackMs, t.receivedAt, t.category, t.channel),
    index("complaints_resolve_month_idx").on(
      t.receivedMonth,
      t.resolveMs,
      t.receivedAt,
      t.category,
      t.channel,
    ),
    index("complaints_resolve_order_idx").on(t.resolveMs, t.receivedAt, t.category, t.channel),
    // The complaining accounts of a period in account order with their band: counted without reading accounts.
    index("complaints_account_band_idx").on(t.accountId, t.accountBand, t.receivedAt, t.channel, t.category),
    // What the clock still decides (the dashboard reads the rollup below and subtracts these): complaints not
    // yet acknowledged, by their acknowledgement time; complaints still open and unconfirmed, by their
    // resolution time. Only the few whose time is still ahead are read.
    index("complaints_ack_waiting_idx")
      .on(t.ackDueAt, t.receivedMonth, t.channel, t.category)
      .where(sql`${t.acknowledgedAt} IS NULL`),
    index("complaints_pending_idx")
      .on(t.resolveDueAt, t.receivedMonth, t.finalOutcome, t.channel, t.category)
      .where(sql`${t.resolvedAt} IS NULL AND ${t.closedAt} IS NULL`),
  ],
);

export const COMPLAINT_ROLLUP_KINDS = ["outcome", "cause", "remedy"] as const;

/**
 * The complaints dashboard's counts per received month, channel and category (issue #12 §1), kept by
 * triggers on complaints (migration 0021's hand-written part, with the backfill), so a period's dashboard
 * reads a few hundred rows instead of every complaint. One row per kind and key:
 * - outcome: k1 the final outcome; n complaints, of which ack_n acknowledged (ack_met within the promise) and
 *   res_n confirmed (res_met within the promise);
 * - cause: investigated complaints (a root cause); k1 the root cause, k2 the responsible party ('' none);
 * - remedy: remedies carried out; k1 the remedy type, value the sum of their values.
 * Rows whose n falls to 0 are deleted. What depends on the clock (a complaint still within its time) is not
 * here: the dashboard reads it from complaints_ack_waiting_idx and complaints_pending_idx.
 */
export const complaintRollup = sqliteTable(
  "complaint_rollup",
  {
    kind: text("kind", { enum: COMPLAINT_ROLLUP_KINDS }).notNull(),
    month: integer("month").notNull(),
    channel: text("channel", { enum: COMPLAINT_CHANNELS }).notNull(),
    category: text("category", { enum: COMPLAINT_CATEGORIES }).notNull(),
    k1: text("k1").notNull(),
    k2: text("k2").notNull(),
    n: integer("n").notNull(),
    ackN: integer("ack_n").notNull(),
    ackMet: integer("ack_met").notNull(),
    resN: integer("res_n").notNull(),
    resMet: integer("res_met").notNull(),
    value: integer("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.month, t.channel, t.category, t.k1, t.k2] })],
);

/**
 * The complaints dashboard's comparison group (issue #12 §1): per month's first day (`anchor`, epoch ms), the
 * accounts that ordered in the 30 days before it, with their first order after it and their first complaint
 * on or after it. "Bought in the month before the period and no complaint in it; ordered again within N days"
 * is then a range of one anchor. Kept by triggers on orders and complaints (migration's hand-written part, with
 * the backfill); bulk order writes keep it set-wise (db/bulk-rollups.ts).
 */
export const recentBuyers = sqliteTable(
  "recent_buyers",
  {
    accountId: integer("account_id").notNull(),
    anchor: integer("anchor").notNull(),
    nextOrderAt: integer("next_order_at"),
    firstComplaintAt: integer("first_complaint_at"),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.anchor] }),
    index("recent_buyers_anchor_idx").on(t.anchor, t.firstComplaintAt, t.nextOrderAt),
  ],
);

export const COMPLAINT_EVENT_KINDS = [
  "created",
  "status",
  "classified",
  "routed",
  "assigned",
  "findings",
  "remedy",
  "note",
  "reply",
  "confirmation",
  "checklist",
  "breach",
] as const;
export type ComplaintEventKind = (typeof COMPLAINT_EVENT_KINDS)[number];

/** The timeline: every change, message and note, with who (null: the system or the customer) and when. */
export const complaintEvents = sqliteTable(
  "complaint_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    complaintId: integer("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: COMPLAINT_EVENT_KINDS }).notNull(),
    fromStatus: text("from_status", { enum: COMPLAINT_STATUSES }),
    toStatus: text("to_status", { enum: COMPLAINT_STATUSES }),
    message: text("message"),
    /** Public events are what the customer sees on the status page; everything else stays internal. */
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(false),
    actorId: text("actor_id").references(() => users.id),
    at: integer("at").notNull(),
  },
  (t) => [index("complaint_events_complaint_idx").on(t.complaintId, t.at, t.id)],
);

/** Messages to customers. Sent through SMTP only when configured; otherwise they wait here. */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    complaintId: integer("complaint_id").references(() => complaints.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    sentAt: integer("sent_at"),
  },
  (t) => [
    index("outbox_unsent_idx").on(t.sentAt, t.createdAt),
    index("outbox_complaint_idx").on(t.complaintId),
  ],
);
