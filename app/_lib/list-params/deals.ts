// The deals list's filters kept in the URL (?owner=…&status=won&q=pallet), so Back restores them and a view
// can be saved or shared as a link. Read on the server for the prefetch and in the browser alike. Pure.
import { DEAL_STATUSES, type DealStatus } from "@/db/schema";

/** Rows per page of the deals list. */
export const DEALS_PAGE = 25;

export type DealsView = { owner: string; status: DealStatus | null; q: string | null };

import type { Params } from "@/app/_lib/search-params";

/** Whose deals the list starts on: an account manager's own, everyone's for the other roles. */
export function defaultDealsOwner(user: { id: string; role: string }): string {
  return user.role === "account_manager" ? user.id : "all";
}

export function dealsViewFromParams(params: Params, defaultOwner: string): DealsView {
  const owner = params.get("owner")?.trim().slice(0, 100) || defaultOwner;
  const status = params.get("status") as DealStatus | null;
  const q = params.get("q")?.trim().slice(0, 100) || null;
  return { owner, status: status && DEAL_STATUSES.includes(status) ? status : null, q };
}

export function paramsFromDealsView(view: DealsView, defaultOwner: string): string {
  const p = new URLSearchParams();
  if (view.owner !== defaultOwner) p.set("owner", view.owner);
  if (view.status) p.set("status", view.status);
  if (view.q) p.set("q", view.q);
  return p.toString();
}

export function dealsListInput(view: DealsView) {
  return { ownerId: view.owner, limit: DEALS_PAGE, status: view.status, q: view.q };
}
