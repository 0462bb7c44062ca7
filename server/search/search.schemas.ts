import { z } from "zod";

export const SEARCH_MAX = 100;

/** The command palette's look-up: a name, an email or a complaint reference. */
export const paletteSearchInput = z.object({
  q: z
    .string()
    .trim()
    .min(1, { error: "required" })
    .max(SEARCH_MAX, { error: "tooLong" })
    // Control characters never belong in a name, an email or a reference.
    .transform((q) => q.replace(/\p{Cc}/gu, " ").trim())
    .pipe(z.string().min(1, { error: "required" })),
  /** Per kind of result. */
  limit: z.number().int().min(1).max(10).default(5),
});
export type PaletteSearchInput = z.input<typeof paletteSearchInput>;
