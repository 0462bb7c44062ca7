// Page sizes and URL views of the listening pages, outside client modules so the server pages' prefetch can use them.
import type { Params } from "@/app/_lib/search-params";

export const ADVOCATES_PAGE_SIZE = 25;

/** The advocates page's "mine only" switch: `?mine=1|0`, by default on for account managers. */
export function advocatesMine(params: Params, managerDefault: boolean): boolean {
  const raw = params.get("mine");
  return raw === "1" ? true : raw === "0" ? false : managerDefault;
}

export function advocatesQuery(mine: boolean): string {
  return `mine=${mine ? "1" : "0"}`;
}
