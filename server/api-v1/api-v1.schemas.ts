// What the REST API takes and gives (issue #15 §2), as zod schemas: the handler validates with them and the
// OpenAPI document (openapi.ts) is generated from the same objects, so the reference cannot drift from the code.
// Money is in minor units (cents) as everywhere in the product; times are ISO 8601.
import { z } from "zod";
import {
  ACCOUNT_KINDS,
  ACCOUNT_STATUSES,
  ALL_RUNGS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  LEVELS,
  LOCALES,
} from "@/db/schema";
import { DESCRIPTION_MAX, REQUEST_MAX } from "../complaints/schema-parts";
import { OUTCOMES } from "../complaints/sla.rules";

export const MAX_BATCH = 1_000;
const MAX_MINOR = 1_000_000_000_000;

/** An external reference: what the other system calls the record (no control characters). */
export const ref = z
  .string()
  .trim()
  .min(1, { error: "Give a reference." })
  .max(100, { error: "At most 100 characters." })
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, { error: "No control characters." });

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters.` })
    .nullish()
    .transform((v) => (v ? v : null));

/** A time as ISO 8601: a date ("2026-11-30", midnight UTC) or a date-time with offset. */
export const isoTime = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    error: "Use an ISO 8601 date or date-time, e.g. 2026-11-30 or 2026-11-30T14:05:00Z.",
  })
  .transform((v) => Date.parse(v))
  .refine((ms) => Number.isFinite(ms) && ms >= 0, { error: "Not a valid time." })
  .meta({ type: "string", format: "date-time", example: "2026-11-30T14:05:00Z" });

export const orderIn = z
  .object({
    accountRef: ref.meta({ description: "The account's external reference.", example: "ERP-10042" }),
    externalRef: ref.meta({
      description: "The order's own reference: sending it again changes nothing.",
      example: "SO-2026-000871",
    }),
    orderedAt: isoTime.refine((ms) => ms <= Date.now() + 86_400_000, {
      error: "An order cannot be dated in the future.",
    }),
    amount: z
      .number()
      .int({ error: "Whole minor units (cents)." })
      .min(0, { error: "The amount cannot be negative." })
      .max(MAX_MINOR)
      .meta({ description: "In minor units (cents).", example: 125000 }),
    margin: z
      .number()
      .int({ error: "Whole minor units (cents)." })
      .min(-MAX_MINOR)
      .max(MAX_MINOR)
      .meta({ description: "In minor units (cents); at most the amount.", example: 31000 }),
    category: text(100).meta({ example: "Spare parts" }),
  })
  .refine((o) => o.margin <= o.amount, { path: ["margin"], error: "The margin cannot exceed the amount." })
  .meta({ id: "OrderIn" });

export const upsertOrdersIn = z
  .object({
    orders: z
      .array(orderIn)
      .min(1, { error: "Send at least one order." })
      .max(MAX_BATCH, { error: `At most ${MAX_BATCH} orders a request.` }),
  })
  .meta({ id: "UpsertOrdersIn" });

const orderOutcome = z.enum(["created", "unchanged", "conflict", "account_not_found"]);

export const upsertOrdersOut = z
  .object({
    summary: z.object({
      created: z.number().int(),
      unchanged: z.number().int(),
      conflict: z.number().int(),
      account_not_found: z.number().int(),
    }),
    results: z.array(
      z.object({
        accountRef: z.string(),
        externalRef: z.string(),
        status: orderOutcome,
        orderId: z.number().int().optional(),
        fields: z
          .array(z.string())
          .optional()
          .meta({ description: "With conflict: the fields that differ." }),
      }),
    ),
    accounts: z.array(
      z.object({ accountRef: z.string(), rung: z.enum(ALL_RUNGS), status: z.enum(ACCOUNT_STATUSES) }),
    ),
  })
  .meta({ id: "UpsertOrdersOut" });

export const accountIn = z
  .object({
    name: z.string().trim().min(1, { error: "Enter a name." }).max(200).optional(),
    kind: z.enum(ACCOUNT_KINDS).optional(),
    segment: text(100).optional(),
    industry: text(100).optional(),
    level: z.enum(LEVELS).optional(),
    ownerEmail: z
      .email({ error: "Not an email address." })
      .max(254)
      .nullable()
      .optional()
      .meta({ description: "The owner by their email (an active account manager, sales lead or admin)." }),
  })
  .meta({ id: "AccountIn", description: "Fields left out are unchanged; a new account needs a name." });

export const contactIn = z
  .object({
    name: z.string().trim().min(1, { error: "Enter a name." }).max(200).optional(),
    title: text(200).optional(),
    email: z.email({ error: "Not an email address." }).max(254).nullable().optional(),
    phone: text(50).optional(),
    notes: text(2000).optional(),
  })
  .meta({ id: "ContactIn", description: "Fields left out are unchanged; a new contact needs a name." });

const isoOut = z.string().meta({ format: "date-time" });

export const accountSummaryOut = z
  .object({
    ref: z.string().nullable(),
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(ACCOUNT_KINDS),
    segment: z.string().nullable(),
    rung: z.enum(ALL_RUNGS),
    rungSince: isoOut,
    status: z.enum(ACCOUNT_STATUSES),
    statusSince: isoOut,
    level: z.enum(LEVELS),
    recommendedLevel: z.enum(LEVELS).nullable(),
    updatedAt: isoOut,
  })
  .meta({ id: "AccountSummary" });

export const accountOut = accountSummaryOut
  .extend({
    industry: z.string().nullable(),
    owner: z.object({ name: z.string(), email: z.string() }).nullable(),
    lostReason: z.string().nullable(),
    figures: z.object({
      currency: z.string(),
      orderCount: z.number().int(),
      revenue: z.number().int().meta({ description: "Minor units." }),
      margin: z.number().int().meta({ description: "Minor units." }),
      firstOrderAt: isoOut.nullable(),
      lastOrderAt: isoOut.nullable(),
    }),
    contacts: z.array(
      z.object({
        ref: z.string().nullable(),
        name: z.string(),
        title: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "Account" });

export const contactOut = z
  .object({
    ref: z.string().nullable(),
    id: z.number().int(),
    accountRef: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    notes: z.string().nullable(),
  })
  .meta({ id: "Contact" });

export const changedAccountsQuery = z
  .object({
    changedSince: isoTime.optional().meta({ description: "Accounts changed at or after this time." }),
    cursor: z.string().max(100).optional().meta({ description: "nextCursor of the previous page." }),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => q.changedSince !== undefined || q.cursor !== undefined, {
    path: ["changedSince"],
    error: "Give changedSince, or the cursor of an earlier page.",
  });

export const changedAccountsOut = z
  .object({
    items: z.array(accountSummaryOut),
    nextCursor: z.string().nullable().meta({ description: "Ask again with it: now when hasMore, or later." }),
    hasMore: z.boolean(),
  })
  .meta({ id: "ChangedAccounts" });

export const complaintIn = z
  .object({
    accountRef: ref,
    contactRef: ref.optional().meta({ description: "A contact of the account, by its external reference." }),
    channel: z.enum(COMPLAINT_CHANNELS),
    category: z.enum(COMPLAINT_CATEGORIES),
    severity: z.enum(COMPLAINT_SEVERITIES),
    description: z.string().trim().min(1, { error: "Describe the complaint." }).max(DESCRIPTION_MAX),
    customerRequest: text(REQUEST_MAX).optional(),
    receivedAt: isoTime.optional().meta({ description: "When the customer complained; default now." }),
    publicEmail: z.email({ error: "Not an email address." }).max(254).optional(),
    locale: z.enum(LOCALES).default("en"),
  })
  .meta({ id: "ComplaintIn" });

const clockOut = z.object({
  dueAt: isoOut,
  doneAt: isoOut.nullable(),
  state: z.enum(["on_time", "due_soon", "met", "breached"]),
});

export const complaintOut = z
  .object({
    reference: z.string(),
    accountRef: z.string().nullable(),
    status: z.enum(COMPLAINT_STATUSES),
    open: z.boolean(),
    channel: z.enum(COMPLAINT_CHANNELS),
    category: z.enum(COMPLAINT_CATEGORIES),
    severity: z.enum(COMPLAINT_SEVERITIES),
    receivedAt: isoOut,
    acknowledgedAt: isoOut.nullable(),
    resolvedAt: isoOut.nullable(),
    closedAt: isoOut.nullable(),
    acknowledge: clockOut,
    resolve: clockOut,
    outcome: z.enum(OUTCOMES).nullable().meta({ description: "Null while open and within its time." }),
  })
  .meta({ id: "Complaint" });

export const refParam = z.object({ ref });
export const contactParams = z.object({ ref, contactRef: ref });
export const referenceParam = z.object({ reference: z.string().trim().min(1).max(40) });
