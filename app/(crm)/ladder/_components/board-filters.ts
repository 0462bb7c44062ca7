// The ladder board's filters <-> the URL (`?owner=…&segment=…`), shared by the server page's prefetch and the board.
import type { Params } from "@/app/_lib/search-params";

export type BoardFilters = { ownerId?: string; segment?: string };

/** Cards per column and per "load more". */
export const BOARD_PAGE_SIZE = 20;

export function boardFilters(params: Params): BoardFilters {
  const one = (name: string) => {
    const v = params.get(name)?.trim();
    return v && v.length <= 100 ? v : undefined;
  };
  return { ownerId: one("owner"), segment: one("segment") };
}

export function boardQuery(filters: BoardFilters): string {
  const q = new URLSearchParams();
  if (filters.ownerId) q.set("owner", filters.ownerId);
  if (filters.segment) q.set("segment", filters.segment);
  return q.toString();
}
