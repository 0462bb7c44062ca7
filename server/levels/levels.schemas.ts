// Inputs of the levels router, shared with the level card and the list pages.
import { z } from "zod";
import { LEVELS } from "@/db/schema";

export const PAGE_MAX = 100;

export const accountLevelInput = z.object({ accountId: z.number().int().positive() });

export const setPractisedInput = z.object({
  accountId: z.number().int().positive(),
  level: z.enum(LEVELS, { error: "chooseLevel" }),
});
export type SetPractisedInput = z.infer<typeof setPractisedInput>;

/** Keyset position in a name-ordered account list: the last row's search name and id. */
export const nameCursor = z.object({ name: z.string().max(400), id: z.number().int() });
export type NameCursor = z.infer<typeof nameCursor>;

/** "all" for every owner; omitted means the caller's default (account managers: their own). */
export const ownerFilter = z.string().trim().min(1).max(100).optional();

export const levelListInput = z.object({
  ownerId: ownerFilter,
  cursor: nameCursor.nullish(),
  limit: z.number().int().min(1).max(PAGE_MAX).default(50),
});
export type LevelListInput = z.infer<typeof levelListInput>;

/** Keyset position in the mismatch list (by stake, largest first): the last row's stake and id. */
export const stakeCursor = z.object({ stake: z.number().int(), id: z.number().int() });
export type StakeCursor = z.infer<typeof stakeCursor>;

export const mismatchListInput = z.object({
  ownerId: ownerFilter,
  /** Only accounts this many levels off. */
  gap: z
    .number()
    .int()
    .min(1)
    .max(LEVELS.length - 1)
    .optional(),
  cursor: stakeCursor.nullish(),
  limit: z.number().int().min(1).max(PAGE_MAX).default(50),
});
export type MismatchListInput = z.infer<typeof mismatchListInput>;
