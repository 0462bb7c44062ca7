// Inputs for the activities router, shared with the log form (react-hook-form + zodResolver).
// Messages are short codes; the form translates them (messages/<lang>/activities.json "errors.*").
import { z } from "zod";
import { ACTIVITY_TYPES } from "@/db/schema/activities";

export const DAY_MS = 86_400_000;
/** Earliest date the app accepts for activities and due dates: older values are typing mistakes. */
export const EARLIEST_MS = Date.UTC(2000, 0, 1);

export const SUMMARY_MAX = 2000;
export const PAGE_LIMIT_MAX = 100;

export const activityCursor = z.object({ at: z.number().int(), id: z.number().int() });
export type ActivityCursor = z.infer<typeof activityCursor>;

export const listActivitiesInput = z.object({
  accountId: z.number().int().positive(),
  cursor: activityCursor.nullish(),
  limit: z.number().int().min(1).max(PAGE_LIMIT_MAX).default(20),
});

export const logActivityInput = z.object({
  accountId: z.number().int().positive(),
  contactId: z.number().int().positive().nullish(),
  type: z.enum(ACTIVITY_TYPES, { error: "invalidType" }),
  // Checked against the clock at validation time: an activity is something that happened (or is about to).
  at: z
    .number({ error: "invalidDate" })
    .int({ error: "invalidDate" })
    .min(EARLIEST_MS, { error: "tooEarly" })
    .refine((at) => at <= Date.now() + DAY_MS, { error: "tooFarAhead" })
    .optional(),
  summary: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(SUMMARY_MAX, { error: "summaryTooLong" }),
});
export type LogActivityInput = z.input<typeof logActivityInput>;
