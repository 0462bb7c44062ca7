// Deal, close, review and dashboard inputs. Amounts are integer minor units; dates are epoch milliseconds.
// Reason keys and stage names are checked against their settings in the queries (they are admin-tunable).

import { z } from "zod";
import { CLOSED_STATUSES, DEAL_STATUSES } from "@/db/schema";
import { GRAINS, MONTH_LABEL, parsePeriod } from "@/lib/periods";
import { searchText } from "@/lib/search-text";
import { optionalText } from "../accounts/accounts.schemas";
import { dealCompetitorFields } from "./competitors.schemas";

const MAX_MINOR = 1_000_000_000_000;
const id = z.number().int().positive();
const when = z.number({ error: "Enter a date." }).int().min(0, { error: "Enter a date." });
const reasonKey = z.string({ error: "Choose a reason." }).min(1, { error: "Choose a reason." }).max(40);

export const createDealInput = z.object({
  accountId: id,
  /** Sales leads and admins may give the deal to someone else; account managers own what they create. */
  ownerId: z.string().min(1).max(100).optional(),
  title: z
    .string()
    .trim()
    .min(1, { error: "Give the deal a title." })
    .max(200, { error: "At most 200 characters." }),
  amount: z
    .number({ error: "Enter an amount." })
    .int()
    .min(0, { error: "The amount cannot be negative." })
    .max(MAX_MINOR, { error: "That amount is too large." }),
  category: optionalText(100),
  expectedCloseAt: when.nullish(),
  stage: z.string().trim().min(1).max(40).optional(),
});
export type CreateDealInput = z.infer<typeof createDealInput>;

export const dealIdInput = z.object({ dealId: id });

export const moveStageInput = z.object({ dealId: id, stage: z.string().trim().min(1).max(40) });

export const closeDealInput = z
  .object({
    dealId: id,
    outcome: z.enum(CLOSED_STATUSES, { error: "Choose won, lost or no decision." }),
    closedAt: when,
    ownerReason: reasonKey,
    secondaryReasons: z.array(reasonKey).max(7).default([]),
    ...dealCompetitorFields,
    note: optionalText(2000),
    /** Won deals only: record an order for the account with this margin (minor units). */
    createOrder: z
      .object({ margin: z.number({ error: "Enter the margin." }).int().min(-MAX_MINOR).max(MAX_MINOR) })
      .nullish(),
  })
  .refine((c) => !c.secondaryReasons.includes(c.ownerReason), {
    path: ["secondaryReasons"],
    error: "A secondary reason cannot repeat the primary one.",
  })
  .refine((c) => !(c.competitorId && c.competitorOther?.trim()), {
    path: ["competitorOther"],
    error: "Choose a competitor from the list or type another name, not both.",
  })
  .refine((c) => !c.createOrder || c.outcome === "won", {
    path: ["createOrder"],
    error: "Only a won deal creates an order.",
  });
export type CloseDealInput = z.infer<typeof closeDealInput>;

export const listDealsInput = z.object({
  status: z.enum(DEAL_STATUSES).nullish(),
  /** "all", "me", or a user id. */
  ownerId: z.string().min(1).max(100).default("all"),
  accountId: id.nullish(),
  q: searchText(100).nullish(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListDealsInput = z.infer<typeof listDealsInput>;

export const reviewActionInput = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: "Say what must be done." })
    .max(200, { error: "At most 200 characters." }),
  assigneeId: z.string({ error: "Choose who does it." }).min(1, { error: "Choose who does it." }).max(100),
  dueAt: when,
});

export const createReviewInput = z
  .object({
    dealId: id,
    buyerContactId: id.nullish(),
    spokeAt: when,
    primaryReason: reasonKey,
    secondaryReasons: z.array(reasonKey).max(7).default([]),
    buyerWords: z
      .string()
      .trim()
      .min(1, { error: "Record what the buyer said, in their words." })
      .max(4000, { error: "At most 4000 characters." }),
    actions: z.array(reviewActionInput).max(10).default([]),
  })
  .refine((r) => !r.secondaryReasons.includes(r.primaryReason), {
    path: ["secondaryReasons"],
    error: "A secondary reason cannot repeat the primary one.",
  });
export type CreateReviewInput = z.infer<typeof createReviewInput>;

export const reviewQueueInput = z.object({
  sort: z.enum(["recent", "largest"]).default("recent"),
  offset: z.number().int().min(0).max(100_000).default(0),
  limit: z.number().int().min(1).max(100).default(25),
});

const month = z.string().regex(MONTH_LABEL, { error: "Enter a month such as 2026-03." });

/** The dashboard's filters: whole months, the end month included. */
export const dashboardInput = z
  .object({
    fromMonth: month,
    toMonth: month,
    grain: z.enum(GRAINS).default("month"),
    ownerIds: z.array(z.string().min(1).max(100)).max(50).default([]),
    segment: z.string().trim().max(100).nullish(),
  })
  .refine((d) => d.fromMonth <= d.toMonth, {
    path: ["toMonth"],
    error: "The end must not be before the start.",
  })
  .refine((d) => parsePeriod(d.toMonth, "month") - parsePeriod(d.fromMonth, "month") < 120, {
    path: ["fromMonth"],
    error: "Choose at most ten years.",
  });
export type DashboardInput = z.infer<typeof dashboardInput>;

export const DRILL_KINDS = [
  "period",
  "owner",
  "segment",
  "ownerReason",
  "buyerReason",
  "competitor",
] as const;

export const drillInput = z.object({
  filters: dashboardInput,
  kind: z.enum(DRILL_KINDS),
  value: z.string().max(100),
  outcome: z.enum(CLOSED_STATUSES).nullish(),
  offset: z.number().int().min(0).max(100_000).default(0),
  limit: z.number().int().min(1).max(100).default(25),
});
export type DrillInput = z.infer<typeof drillInput>;

const unique = (list: string[]) => new Set(list).size === list.length;

/** The admin's win/loss settings: open stages, the reason taxonomy, and who may review. */
export const winLossSettingsInput = z.object({
  stages: z
    .array(
      z
        .string()
        .trim()
        .min(1, { error: "A stage needs a name." })
        .max(40, { error: "At most 40 characters." }),
    )
    .min(1, { error: "Keep at least one stage." })
    .max(10, { error: "At most 10 stages." })
    .refine(unique, { error: "Stage names must differ." }),
  reasons: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9_]{1,40}$/, { error: "Use lower-case letters, digits and _ (e.g. late_delivery)." }),
    )
    .min(2, { error: "Keep at least two reasons." })
    .max(20, { error: "At most 20 reasons." })
    .refine(unique, { error: "Reasons must differ." }),
  reviewerRoles: z.array(z.enum(["sales_lead", "service_agent", "executive", "admin"])).max(4),
  otherAccountManagers: z.boolean(),
});
export type WinLossSettingsInput = z.infer<typeof winLossSettingsInput>;
