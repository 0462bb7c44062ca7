// The dashboard's filters as URL parameters: months (the last N calendar months), channel, category, and days
// (the repurchase window). Anything malformed falls back to that parameter's default.
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS } from "@/db/schema";
import {
  type ComplaintDashboardFilters,
  complaintDashboardInput,
  DEFAULT_DASHBOARD_MONTHS,
  DEFAULT_REPURCHASE_DAYS,
} from "@/server/complaints/dashboard.schemas";

export const MONTH_CHOICES = [3, 6, 12, 24, 36] as const;

export type DashboardParams = {
  months: number;
  channel: string;
  category: string;
  days: number;
};

export const DEFAULT_PARAMS: DashboardParams = {
  months: DEFAULT_DASHBOARD_MONTHS,
  channel: "",
  category: "",
  days: DEFAULT_REPURCHASE_DAYS,
};

function intIn(raw: string, min: number, max: number, fallback: number): number {
  if (!/^\d{1,4}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= min && n <= max ? n : fallback;
}

export function parseParams(params: Record<string, string | string[] | undefined>): DashboardParams {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : "");
  const channel = one("channel");
  const category = one("category");
  return {
    months: intIn(one("months"), 1, 60, DEFAULT_PARAMS.months),
    channel: (COMPLAINT_CHANNELS as readonly string[]).includes(channel) ? channel : "",
    category: (COMPLAINT_CATEGORIES as readonly string[]).includes(category) ? category : "",
    days: intIn(one("days"), 7, 730, DEFAULT_PARAMS.days),
  };
}

export function toSearch(p: DashboardParams): string {
  const q = new URLSearchParams({ months: String(p.months) });
  if (p.channel) q.set("channel", p.channel);
  if (p.category) q.set("category", p.category);
  q.set("days", String(p.days));
  return q.toString();
}

export function toInput(p: DashboardParams): ComplaintDashboardFilters {
  return complaintDashboardInput.parse({
    months: p.months,
    channel: p.channel || null,
    category: p.category || null,
    repurchaseDays: p.days,
  });
}
