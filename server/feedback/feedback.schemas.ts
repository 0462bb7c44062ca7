// Inputs of the feedback router, shared with the forms. Messages are codes the forms translate
// (feedback.json "errors").
import { z } from "zod";
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  CUSTOMER_INTERFACES,
  FEEDBACK_CHANNELS,
  LOCALES,
  SENTIMENTS,
} from "@/db/schema";

export const WORDS_MAX = 5000;
export const RESOLUTION_MAX = 2000;
export const MESSAGE_MAX = 5000;

const id = z.number({ error: "required" }).int().positive({ error: "required" });
const requiredText = (max: number) =>
  z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const when = z
  .number({ error: "invalidDate" })
  .int({ error: "invalidDate" })
  .positive({ error: "invalidDate" });

/** Someone to act on feedback by a date. */
export const actionInput = z.object({
  ownerId: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(100),
  dueAt: when,
});

export const recordFeedbackInput = z.object({
  accountId: id,
  contactId: id.nullish(),
  words: requiredText(WORDS_MAX),
  interface: z.enum(CUSTOMER_INTERFACES, { error: "required" }),
  channel: z.enum(FEEDBACK_CHANNELS, { error: "required" }),
  sentiment: z.enum(SENTIMENTS, { error: "required" }),
  theme: requiredText(60),
  /** When the customer said it, if earlier than now. */
  receivedAt: when.nullish(),
  /** Ask for action at once: an owner and a due date. */
  action: actionInput.nullish(),
});
export type RecordFeedbackInput = z.infer<typeof recordFeedbackInput>;

export const feedbackIdInput = z.object({ id });
export const assignFeedbackInput = actionInput.extend({ id });
export const closeFeedbackInput = z.object({ id, resolution: requiredText(RESOLUTION_MAX) });
export const tellCustomerInput = z.object({
  id,
  message: requiredText(MESSAGE_MAX),
  locale: z.enum(LOCALES).default("en"),
});
export const toComplaintInput = z.object({
  id,
  category: z.enum(COMPLAINT_CATEGORIES, { error: "required" }),
  severity: z.enum(COMPLAINT_SEVERITIES, { error: "required" }),
  customerRequest: z
    .string()
    .trim()
    .max(2000, { error: "tooLong" })
    .nullish()
    .transform((v) => v || null),
});

export const FEEDBACK_VIEWS = ["all", "waiting", "mine"] as const;
export type FeedbackView = (typeof FEEDBACK_VIEWS)[number];

export const feedbackListInput = z.object({
  view: z.enum(FEEDBACK_VIEWS).default("all"),
  sentiment: z.enum(SENTIMENTS).nullish(),
  theme: z.string().trim().min(1).max(60).nullish(),
  interface: z.enum(CUSTOMER_INTERFACES).nullish(),
  /** Words the customer used. */
  q: z.string().trim().max(200).nullish(),
  cursor: z.object({ at: z.number().int(), id: z.number().int() }).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type FeedbackListInput = z.infer<typeof feedbackListInput>;

export const accountFeedbackInput = z.object({ accountId: id });
