// Input of the complaints dashboard (issue #5 §3): the last `months` calendar months up to now, optionally one
// channel and one category, and N, the repurchase window in days.
import { z } from "zod";
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS } from "@/db/schema";

export const DEFAULT_DASHBOARD_MONTHS = 12;
export const DEFAULT_REPURCHASE_DAYS = 180;

export const complaintDashboardInput = z.object({
  months: z.number().int().min(1).max(60).default(DEFAULT_DASHBOARD_MONTHS),
  channel: z.enum(COMPLAINT_CHANNELS).nullish(),
  category: z.enum(COMPLAINT_CATEGORIES).nullish(),
  repurchaseDays: z.number().int().min(7).max(730).default(DEFAULT_REPURCHASE_DAYS),
});
export type ComplaintDashboardInput = z.input<typeof complaintDashboardInput>;
export type ComplaintDashboardFilters = z.output<typeof complaintDashboardInput>;
