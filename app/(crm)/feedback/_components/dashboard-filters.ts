// The feedback dashboard's filters <-> the URL (shared by the server page's prefetch and the view).

import type { Params } from "@/app/_lib/search-params";
import { ALL_RUNGS, CUSTOMER_INTERFACES, LEVELS } from "@/db/schema";
import {
  BREAKDOWNS,
  DASHBOARD_MONTHS,
  DEFAULT_MONTHS,
  DEFAULT_STAYING_DAYS,
  type FeedbackDashboardFilters,
} from "@/server/feedback/dashboard.schemas";

export const STAYING_DAYS = [30, 90, 180, 365] as const;

function one(params: Params, key: string): string | null {
  const v = params.get(key);
  return v !== null && v.length <= 100 ? v : null;
}
function oneOf<T extends string | number>(value: string | number | null, options: readonly T[]): T | null {
  return value !== null && (options as readonly (string | number)[]).includes(value) ? (value as T) : null;
}

/** The filters a URL asks for (the server page's searchParams through recordParams, or the browser's). */
export function parseFilters(raw: Params): FeedbackDashboardFilters {
  return {
    months: oneOf(Number(one(raw, "months")), DASHBOARD_MONTHS) ?? DEFAULT_MONTHS,
    segment: one(raw, "segment")?.trim() || null,
    ownerId: one(raw, "owner")?.trim() || null,
    rung: oneOf(one(raw, "rung"), ALL_RUNGS),
    level: oneOf(one(raw, "level"), LEVELS),
    by: oneOf(one(raw, "by"), BREAKDOWNS) ?? "rung",
    interface: oneOf(one(raw, "interface"), CUSTOMER_INTERFACES),
    days: oneOf(Number(one(raw, "days")), STAYING_DAYS) ?? DEFAULT_STAYING_DAYS,
  };
}

export function filtersQuery(f: FeedbackDashboardFilters): string {
  const q = new URLSearchParams();
  if (f.months !== DEFAULT_MONTHS) q.set("months", String(f.months));
  if (f.segment) q.set("segment", f.segment);
  if (f.ownerId) q.set("owner", f.ownerId);
  if (f.rung) q.set("rung", f.rung);
  if (f.level) q.set("level", f.level);
  if (f.by !== "rung") q.set("by", f.by);
  if (f.interface) q.set("interface", f.interface);
  if (f.days !== DEFAULT_STAYING_DAYS) q.set("days", String(f.days));
  return q.toString();
}

export const DEFECTED_PAGE_SIZE = 10;
