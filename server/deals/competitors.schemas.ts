// Inputs of the competitor list (issue #12 §8): add, rename, merge a duplicate into another, add an "other"
// name to the list.
import { z } from "zod";

const id = z.number().int().positive();
export const competitorName = z
  .string()
  .trim()
  .min(1, "Enter the competitor's name.")
  .max(100, "Keep the name to 100 characters.");

export const createCompetitorInput = z.object({ name: competitorName });
export const renameCompetitorInput = z.object({ id, name: competitorName });
export const mergeCompetitorsInput = z
  .object({ fromId: id, intoId: id })
  .refine((m) => m.fromId !== m.intoId, {
    path: ["intoId"],
    error: "Choose another competitor to merge into.",
  });
export type MergeCompetitorsInput = z.infer<typeof mergeCompetitorsInput>;

/** Who a deal was lost to: an entry of the list, or a name typed as "other" (not both). */
export const dealCompetitorFields = {
  competitorId: id.nullish(),
  competitorOther: z.string().trim().max(100, "Keep the name to 100 characters.").nullish(),
};

/** The key of a name: one entry per spelling, whatever the case and the spaces around it. */
export function competitorKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}
