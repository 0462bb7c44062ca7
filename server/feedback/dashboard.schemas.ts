// Input of the feedback dashboard (issue #13 §4): the last `months` calendar months up to now; optionally one
// segment, owner, rung or level (as the account was when surveyed); the breakdown dimension; one customer
// interface for the themes; and N, the window in days for "did they buy again / did they leave".
import { z } from "zod";
import { ALL_RUNGS, CUSTOMER_INTERFACES, LEVELS } from "@/db/schema";

export const DASHBOARD_MONTHS = [3, 6, 12, 24, 36] as const;
export const DEFAULT_MONTHS = 12;
export const DEFAULT_STAYING_DAYS = 180;
export const BREAKDOWNS = ["rung", "level", "segment", "owner"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const feedbackDashboardInput = z.object({
  months: z
    .number()
    .int()
    .refine((m) => (DASHBOARD_MONTHS as readonly number[]).includes(m), { error: "months" })
    .default(DEFAULT_MONTHS),
  segment: z.string().trim().min(1).max(100).nullish(),
  ownerId: z.string().trim().min(1).max(100).nullish(),
  rung: z.enum(ALL_RUNGS).nullish(),
  level: z.enum(LEVELS).nullish(),
  by: z.enum(BREAKDOWNS).default("rung"),
  interface: z.enum(CUSTOMER_INTERFACES).nullish(),
  days: z.number().int().min(7).max(730).default(DEFAULT_STAYING_DAYS),
});
export type FeedbackDashboardInput = z.input<typeof feedbackDashboardInput>;
export type FeedbackDashboardFilters = z.output<typeof feedbackDashboardInput>;

export const defectedPromotersInput = feedbackDashboardInput.extend({
  page: z.number().int().min(0).max(1000).default(0),
  limit: z.number().int().min(1).max(100).default(25),
});
