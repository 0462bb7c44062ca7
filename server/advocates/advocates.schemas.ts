import { z } from "zod";

const id = z.number({ error: "required" }).int().positive({ error: "required" });

export const setReferrerInput = z.object({ accountId: id, referrerId: id.nullable() });
export const referralsInput = z.object({ accountId: id });
export const suggestionsInput = z.object({
  mine: z.boolean().default(false),
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export const reviewInput = z.object({
  mine: z.boolean().default(false),
  cursor: z.object({ name: z.string().max(400), id: z.number().int() }).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
