import { z } from "zod";
import { ALL_RUNGS } from "@/db/schema";

export const BOARD_COLUMNS = [...ALL_RUNGS, "lapsed", "lost"] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

const filters = {
  ownerId: z.string().trim().min(1).max(100).optional(),
  segment: z.string().trim().min(1).max(100).optional(),
};

export const boardCountsInput = z.object(filters);

export const boardColumnInput = z.object({
  ...filters,
  column: z.enum(BOARD_COLUMNS),
  cursor: z.object({ name: z.string().max(400), id: z.number().int().positive() }).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});
