// The accounts list's URL: one place turns search params into the list input, for the server prefetch
// and the client query alike, so both produce the same query key.
import { ACCOUNT_STATUSES, ALL_RUNGS } from "@/db/schema";
import type { AccountSort } from "@/server/accounts/accounts.schemas";

export type ListView = {
  q?: string;
  rung?: (typeof ALL_RUNGS)[number];
  status?: (typeof ACCOUNT_STATUSES)[number];
  ownerId?: string;
  segment?: string;
  sort: AccountSort;
  dir?: "asc" | "desc";
};

import type { Params } from "@/app/_lib/search-params";

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

export function viewFromParams(params: Params): ListView {
  const text = (name: string) => params.get(name)?.trim().slice(0, 200) || undefined;
  const view: ListView = {
    sort: pick(params.get("sort"), ["name", "lastOrder", "revenue"] as const) ?? "name",
  };
  const q = text("q");
  const rung = pick(params.get("rung"), ALL_RUNGS);
  const status = pick(params.get("status"), ACCOUNT_STATUSES);
  const ownerId = text("owner");
  const segment = text("segment");
  const dir = pick(params.get("dir"), ["asc", "desc"] as const);
  if (q) view.q = q;
  if (rung) view.rung = rung;
  if (status) view.status = status;
  if (ownerId) view.ownerId = ownerId;
  if (segment) view.segment = segment;
  if (dir) view.dir = dir;
  return view;
}

export function paramsFromView(view: ListView): string {
  const p = new URLSearchParams();
  if (view.q) p.set("q", view.q);
  if (view.rung) p.set("rung", view.rung);
  if (view.status) p.set("status", view.status);
  if (view.ownerId) p.set("owner", view.ownerId);
  if (view.segment) p.set("segment", view.segment);
  if (view.sort !== "name") p.set("sort", view.sort);
  if (view.dir) p.set("dir", view.dir);
  return p.toString();
}

export { recordParams } from "@/app/_lib/search-params";

export const PAGE_SIZE = 50;

/** The view's filters alone (no sort): what counts, bulk changes and the export act on. */
export function filterOf(view: ListView) {
  const { sort: _sort, dir: _dir, ...filter } = view;
  return filter;
}

/**
 * The CSV export of the accounts the view shows (or of their contacts), in its order; with a selection, only the
 * rows ticked (`ids`) or everything matching but the rows unticked (`except`).
 */
export function exportHref(
  view: ListView,
  list: "accounts" | "contacts" = "accounts",
  selection?: { ids: readonly number[] } | { except: readonly number[] },
): string {
  const p = new URLSearchParams(paramsFromView(view));
  if (selection && "ids" in selection) p.set("ids", selection.ids.join(","));
  if (selection && "except" in selection && selection.except.length)
    p.set("except", selection.except.join(","));
  const qs = p.toString();
  return qs ? `/api/export/${list}?${qs}` : `/api/export/${list}`;
}
