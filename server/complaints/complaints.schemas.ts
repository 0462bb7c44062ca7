// Inputs of the complaints router, shared with the staff forms and the public page. Messages are codes the
// forms translate (complaints.json "errors"); refusals of a workflow step come back as sentences instead.
import { z } from "zod";
import {
  CHECKLIST_ITEMS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  DEPARTMENTS,
  LOCALES,
} from "@/db/schema";
import {
  DESCRIPTION_MAX,
  email,
  id,
  NOTE_MAX,
  optionalText,
  PAGE_MAX,
  REQUEST_MAX,
  reference,
  requiredText,
} from "./schema-parts";

export { DESCRIPTION_MAX, NOTE_MAX, PAGE_MAX, REQUEST_MAX } from "./schema-parts";
export {
  type TransitionAction,
  type TransitionInput,
  type TransitionRequest,
  transitionInput,
} from "./step.schemas";

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
  "unassigned",
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

export const publicStatusInput = z.object({ reference, email });

/** The customer's answer on the status page, behind the same reference and email as the look-up. */
export const publicAnswerInput = z.object({
  reference,
  email,
  resolved: z.boolean(),
  /** What is still wrong (or a word of thanks), in the customer's words. */
  comment: optionalText(REQUEST_MAX),
});
export type PublicAnswerInput = z.input<typeof publicAnswerInput>;

/** The outbox: one complaint's messages, or every unsent one. */
export const outboxInput = z.object({
  complaintId: id.nullish(),
  limit: z.number().int().min(1).max(PAGE_MAX).default(50),
});
