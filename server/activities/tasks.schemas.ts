// Inputs for the tasks router, shared with the add-task form. Messages are codes the form translates.
import { z } from "zod";
import { EARLIEST_MS, PAGE_LIMIT_MAX } from "./activities.schemas";

export const TITLE_MAX = 200;
/** Latest due date accepted: far enough for any real plan, close enough to catch a mistyped year. */
export const LATEST_DUE_MS = Date.UTC(2100, 0, 1);

export const accountTasksInput = z.object({
  accountId: z.number().int().positive(),
  includeDone: z.boolean().default(false),
});

export const createTaskInput = z.object({
  accountId: z.number().int().positive(),
  title: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(TITLE_MAX, { error: "titleTooLong" }),
  dueAt: z
    .number({ error: "invalidDate" })
    .int({ error: "invalidDate" })
    .min(EARLIEST_MS, { error: "tooEarly" })
    .max(LATEST_DUE_MS, { error: "tooLate" }),
  assigneeId: z.string().min(1).nullish(),
});
export type CreateTaskInput = z.input<typeof createTaskInput>;

export const setTaskDoneInput = z.object({ id: z.number().int().positive(), done: z.boolean() });

export const assigneesInput = z.object({ accountId: z.number().int().positive() });

export const followUpCursor = z.object({ dueAt: z.number().int(), id: z.number().int() });
export type FollowUpCursor = z.infer<typeof followUpCursor>;

export const myFollowUpsInput = z.object({
  cursor: followUpCursor.nullish(),
  limit: z.number().int().min(1).max(PAGE_LIMIT_MAX).default(25),
});
