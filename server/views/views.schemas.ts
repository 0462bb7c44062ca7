import { z } from "zod";
import { VIEW_LISTS } from "@/db/schema";

export const QUERY_MAX = 1000;
export const VIEWS_MAX = 50;

const list = z.enum(VIEW_LISTS, { error: "required" });

export const listViewsInput = z.object({ list });

export const saveViewInput = z.object({
  list,
  name: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(60, { error: "tooLong" }),
  /** The list's URL query, without "?"; the list reads and checks it like any URL. */
  query: z
    .string()
    .trim()
    .max(QUERY_MAX, { error: "tooLong" })
    .transform((q) => q.replace(/^\?/, ""))
    .refine((q) => !/\p{Cc}/u.test(q), { error: "invalid" }),
});
export type SaveViewInput = z.input<typeof saveViewInput>;

export const deleteViewInput = z.object({ id: z.number().int().positive() });
