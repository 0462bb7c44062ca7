// The filters of the work lists (win-back, overdue contacts, levels, the audit log) kept in the URL
// (?owner=…&status=lost, ?gap=2, ?entity=deal), so a reload and Back restore them and the "Export CSV" link
// carries the same query. Read on the server for the prefetch, in the browser and by the export alike. Pure.
import type { Params } from "@/app/_lib/search-params";
import { LEVELS } from "@/db/schema";
import { AUDIT_ENTITIES, AUDIT_PAGE_SIZE } from "@/server/audit/audit.schemas";
import { WINBACK_STATUSES } from "@/server/ladder/winback.schemas";

/** Rows per page of the levels lists. */
export const WINBACK_PAGE = 50;
export const OVERDUE_PAGE = 50;
export const MISMATCH_PAGE = 50;

/** Whose accounts a work list starts on: an account manager's own, everyone's for the other roles. */
export function defaultOwner(user: { id: string; role: string }): string {
  return user.role === "account_manager" ? user.id : "all";
}

const ownerFrom = (params: Params, fallback: string) => params.get("owner")?.trim().slice(0, 100) || fallback;

/** The query string of a view: only what differs from the list's default, in a fixed order. */
function query(entries: Array<[string, string | number | null]>): string {
  const p = new URLSearchParams();
  for (const [name, value] of entries) if (value !== null && value !== "") p.set(name, String(value));
  return p.toString();
}

export type WinbackStatus = (typeof WINBACK_STATUSES)[number];
export type WinbackView = { owner: string; status: WinbackStatus | null };

export function winbackViewFromParams(params: Params, fallbackOwner: string): WinbackView {
  const status = params.get("status") as WinbackStatus | null;
  return {
    owner: ownerFrom(params, fallbackOwner),
    status: status && WINBACK_STATUSES.includes(status) ? status : null,
  };
}

export function paramsFromWinbackView(view: WinbackView, fallbackOwner: string): string {
  return query([
    ["owner", view.owner === fallbackOwner ? null : view.owner],
    ["status", view.status],
  ]);
}

export function winbackListInput(view: WinbackView) {
  return { ownerId: view.owner, limit: WINBACK_PAGE, ...(view.status ? { status: view.status } : {}) };
}

export type OverdueView = { owner: string };

export function overdueViewFromParams(params: Params, fallbackOwner: string): OverdueView {
  return { owner: ownerFrom(params, fallbackOwner) };
}

export function paramsFromOverdueView(view: OverdueView, fallbackOwner: string): string {
  return query([["owner", view.owner === fallbackOwner ? null : view.owner]]);
}

export function overdueListInput(view: OverdueView) {
  return { ownerId: view.owner, limit: OVERDUE_PAGE };
}

/** How many levels an account is off by: 1 to 4. */
const GAP_MAX = LEVELS.length - 1;
export type MismatchView = { owner: string; gap: number | null };

export function mismatchViewFromParams(params: Params, fallbackOwner: string): MismatchView {
  const gap = Number(params.get("gap"));
  return {
    owner: ownerFrom(params, fallbackOwner),
    gap: Number.isInteger(gap) && gap >= 1 && gap <= GAP_MAX ? gap : null,
  };
}

export function paramsFromMismatchView(view: MismatchView, fallbackOwner: string): string {
  return query([
    ["owner", view.owner === fallbackOwner ? null : view.owner],
    ["gap", view.gap],
  ]);
}

export function mismatchListInput(view: MismatchView) {
  return { ownerId: view.owner, gap: view.gap ?? undefined, limit: MISMATCH_PAGE };
}

export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
export type AuditView = { entity: AuditEntity | null };

export function auditViewFromParams(params: Params): AuditView {
  const entity = params.get("entity") as AuditEntity | null;
  return { entity: entity && AUDIT_ENTITIES.includes(entity) ? entity : null };
}

export function paramsFromAuditView(view: AuditView): string {
  return query([["entity", view.entity]]);
}

export function auditListInput(view: AuditView) {
  return { limit: AUDIT_PAGE_SIZE, ...(view.entity ? { entity: view.entity } : {}) };
}
