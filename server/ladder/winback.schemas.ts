// Inputs of the win-back list and its "start win-back" action.
import { z } from "zod";
import { LATEST_DUE_MS } from "../activities/tasks.schemas";

export const WINBACK_STATUSES = ["lapsed", "lost"] as const;

/** Keyset position in the ranking: revenue, then margin, then id, all descending. */
export const winbackCursor = z.object({
  revenue: z.number().int(),
  margin: z.number().int(),
  id: z.number().int(),
});
export type WinbackCursor = z.infer<typeof winbackCursor>;

export const winbackListInput = z.object({
  /** "all" for every owner; omitted: account managers see their own, the other roles everyone's. */
  ownerId: z.string().trim().min(1).max(100).optional(),
  status: z.enum(WINBACK_STATUSES).optional(),
  cursor: winbackCursor.nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type WinbackListInput = z.infer<typeof winbackListInput>;

export const startWinbackInput = z.object({
  accountId: z.number().int().positive(),
  dueAt: z
    .number({ error: "invalidDate" })
    .int({ error: "invalidDate" })
    .min(Date.UTC(2000, 0, 1), { error: "tooEarly" })
    .max(LATEST_DUE_MS, { error: "tooLate" })
    .optional(),
  assigneeId: z.string().min(1).max(100).optional(),
});
export type StartWinbackInput = z.infer<typeof startWinbackInput>;
