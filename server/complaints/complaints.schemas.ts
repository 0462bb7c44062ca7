// Inputs of the complaints router, shared with the staff forms and the public page. Messages are codes the
// forms translate (complaints.json "errors"); refusals of a workflow step come back as sentences instead.
import { z } from "zod";
import {
  CHECKLIST_ITEMS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  CONFIRMATION_CHANNELS,
  DEPARTMENTS,
  LOCALES,
  REMEDY_TYPES,
  RESPONSIBLE_PARTIES,
} from "@/db/schema";

export const DESCRIPTION_MAX = 5000;
export const REQUEST_MAX = 2000;
export const NOTE_MAX = 5000;
export const PAGE_MAX = 100;

const id = z.number({ error: "required" }).int().positive();
const requiredText = (max: number) =>
  z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .nullish()
    .transform((v) => (v ? v : null));
const email = z
  .string({ error: "email" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "email" }).max(254, { error: "email" }));

export const newContactInput = z.object({
  name: requiredText(200),
  email: email.nullish(),
  phone: optionalText(50),
});

export const createComplaintInput = z
  .object({
    accountId: id,
    /** An existing contact of the account, or a new one, or neither (an anonymous caller). */
    contactId: id.nullish(),
    newContact: newContactInput.nullish(),
    channel: z.enum(COMPLAINT_CHANNELS, { error: "required" }),
    category: z.enum(COMPLAINT_CATEGORIES, { error: "required" }),
    severity: z.enum(COMPLAINT_SEVERITIES, { error: "required" }),
    description: requiredText(DESCRIPTION_MAX),
    customerRequest: optionalText(REQUEST_MAX),
    /** When the customer complained, if earlier than now (a call logged afterwards). Default: now. */
    receivedAt: z.number({ error: "invalidDate" }).int({ error: "invalidDate" }).positive().nullish(),
    /** The customer's address for messages and the status page. Default: the contact's email. */
    publicEmail: email.nullish(),
    /** Default: the person recording it, when they handle complaints. */
    handlerId: z.string().min(1).nullish(),
    locale: z.enum(LOCALES).default("en"),
  })
  .refine((v) => !(v.contactId && v.newContact), {
    message: "contactOrNew",
    path: ["contactId"],
  });
export type CreateComplaintInput = z.input<typeof createComplaintInput>;

export const complaintIdInput = z.object({ id });

export const queueCursor = z.object({ dueAt: z.number().int(), id: z.number().int() });
export type QueueCursor = z.infer<typeof queueCursor>;

export const QUEUES = [
  "mine",
  "department",
  "awaiting_approval",
  "awaiting_confirmation",
  "follow_ups",
] as const;
export type Queue = (typeof QUEUES)[number];

export const queueInput = z
  .object({
    queue: z.enum(QUEUES),
    /** For the department queue. */
    department: z.enum(DEPARTMENTS).nullish(),
    cursor: queueCursor.nullish(),
    limit: z.number().int().min(1).max(PAGE_MAX).default(50),
  })
  .refine((v) => v.queue !== "department" || v.department, {
    message: "required",
    path: ["department"],
  });
export type QueueInput = z.input<typeof queueInput>;

export const accountComplaintsInput = z.object({
  accountId: id,
  limit: z.number().int().min(1).max(PAGE_MAX).default(50),
});

/** One workflow step per action; each carries what that step records. */
export const transitionInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("acknowledge"), id, message: optionalText(NOTE_MAX) }),
  z.object({
    action: z.literal("route"),
    id,
    /** Re-classifying: a new category moves the complaint to its department unless one is given. */
    category: z.enum(COMPLAINT_CATEGORIES, { error: "required" }).nullish(),
    /** A new severity re-computes the promised times from when the complaint was received. */
    severity: z.enum(COMPLAINT_SEVERITIES, { error: "required" }).nullish(),
    department: z.enum(DEPARTMENTS, { error: "required" }).nullish(),
    handlerId: z.string().min(1).nullish(),
    note: optionalText(NOTE_MAX),
  }),
  z.object({ action: z.literal("startInvestigation"), id }),
  z.object({
    action: z.literal("recordFindings"),
    id,
    rootCause: requiredText(80),
    rootCauseText: optionalText(NOTE_MAX),
    responsibleParty: z.enum(RESPONSIBLE_PARTIES, { error: "required" }),
  }),
  z.object({
    action: z.literal("proposeRemedy"),
    id,
    remedyType: z.enum(REMEDY_TYPES, { error: "required" }),
    /** Minor units; 0 for an explanation. */
    remedyValue: z
      .number({ error: "amount" })
      .int({ error: "amount" })
      .min(0, { error: "amount" })
      .max(1_000_000_000, { error: "tooLarge" }),
    remedyDescription: optionalText(NOTE_MAX),
  }),
  z.object({ action: z.literal("approve"), id, note: optionalText(NOTE_MAX) }),
  z.object({ action: z.literal("sendBack"), id, reason: requiredText(NOTE_MAX) }),
  z.object({ action: z.literal("carryOut"), id, note: optionalText(NOTE_MAX) }),
  z.object({ action: z.literal("requestConfirmation"), id, message: optionalText(NOTE_MAX) }),
  z.object({
    action: z.literal("recordConfirmation"),
    id,
    confirmationChannel: z.enum(CONFIRMATION_CHANNELS, { error: "required" }),
    confirmationNote: optionalText(NOTE_MAX),
  }),
  z.object({ action: z.literal("close"), id }),
  z.object({ action: z.literal("closeWithoutConfirmation"), id, reason: requiredText(NOTE_MAX) }),
  z.object({ action: z.literal("reopen"), id, reason: requiredText(NOTE_MAX) }),
]);
export type TransitionInput = z.infer<typeof transitionInput>;
/** What a caller sends (optional texts may be left out). */
export type TransitionRequest = z.input<typeof transitionInput>;
export type TransitionAction = TransitionInput["action"];

export const addNoteInput = z.object({
  id,
  text: requiredText(NOTE_MAX),
  /** A reply to the customer (outbox and status page) instead of an internal note. */
  isPublic: z.boolean().default(false),
});
export type AddNoteInput = z.input<typeof addNoteInput>;

export const checklistInput = z.object({ id, item: z.enum(CHECKLIST_ITEMS), done: z.boolean() });
export type ChecklistInput = z.infer<typeof checklistInput>;

// The public page: a short form, a honeypot and a signed start time (the minimum-fill-time trap).
export const publicComplaintInput = z.object({
  name: requiredText(200),
  email,
  company: optionalText(200),
  description: requiredText(DESCRIPTION_MAX),
  customerRequest: optionalText(REQUEST_MAX),
  category: z.enum(COMPLAINT_CATEGORIES, { error: "required" }),
  locale: z.enum(LOCALES).default("en"),
  /** Left empty by people; a hidden field bots fill in. */
  website: z.string().max(500).optional(),
  /** Issued with the form; a submission sooner than the minimum fill time after it is refused. */
  formToken: z.string().max(200),
});
export type PublicComplaintInput = z.input<typeof publicComplaintInput>;

export const publicStatusInput = z.object({
  reference: z.string().trim().toUpperCase().min(1, { error: "required" }).max(40, { error: "required" }),
  email,
});

/** The outbox: one complaint's messages, or every unsent one. */
export const outboxInput = z.object({
  complaintId: id.nullish(),
  limit: z.number().int().min(1).max(PAGE_MAX).default(50),
});
