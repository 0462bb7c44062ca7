// The admin settings forms and their procedures share these schemas. Margins are entered as percentages
// (30 for 30%) and stored as shares; messages are codes the form translates (levels.json "settings.errors").
import { z } from "zod";
import {
  COMPLAINT_CATEGORIES,
  type ComplaintCategory,
  DEPARTMENTS,
  type Department,
} from "@/db/schema/complaints";

const days = z
  .number({ error: "wholeDays" })
  .int({ error: "wholeDays" })
  .min(1, { error: "atLeastOne" })
  .max(3650, { error: "atMost3650" });
const customers = z
  .number({ error: "wholeNumber" })
  .int({ error: "wholeNumber" })
  .min(1, { error: "atLeastOne" })
  .max(10_000_000, { error: "tooLarge" });
const percent = z.number({ error: "percent" }).min(0, { error: "percent" }).max(100, { error: "percent" });

export const lapseWindowInput = z.object({ lapseWindowDays: days });

export const levelThresholdsInput = z
  .object({
    manyCustomersAtLeast: customers,
    mediumCustomersAtLeast: customers,
    highMarginPct: percent,
    mediumMarginPct: percent,
  })
  .refine((t) => t.mediumCustomersAtLeast < t.manyCustomersAtLeast, {
    message: "mediumBelowMany",
    path: ["mediumCustomersAtLeast"],
  })
  .refine((t) => t.mediumMarginPct < t.highMarginPct, {
    message: "mediumBelowHigh",
    path: ["mediumMarginPct"],
  });
export type LevelThresholdsInput = z.infer<typeof levelThresholdsInput>;

export const cadenceInput = z.object({
  accountableCheckInDays: days,
  proactiveContactDays: days,
  partnershipContactDays: days,
  partnershipReviewDays: days,
});

/** Shares to percentages without float noise (0.3 → 30, not 30.000000000000004). */
export function shareToPercent(share: number): number {
  return Math.round(share * 10_000) / 100;
}

export function percentToShare(percent: number): number {
  return Math.round(percent * 100) / 10_000;
}

const hours = z
  .number({ error: "wholeHours" })
  .int({ error: "wholeHours" })
  .min(1, { error: "atLeastOne" })
  .max(24 * 60, { error: "tooLarge" });
const resolveDays = days.max(365, { error: "tooLarge" });
const severityPromise = z.object({ acknowledgeHours: hours, resolveDays });

/** Complaint handling: promised times per severity, approval limit (currency, stored in minor units), routing. */
export const complaintSettingsInput = z.object({
  promisedTimes: z.object({ low: severityPromise, medium: severityPromise, high: severityPromise }),
  approvalLimit: z
    .number({ error: "amount" })
    .min(0, { error: "amount" })
    .max(10_000_000, { error: "tooLarge" })
    .refine((v) => Number.isInteger(Math.round(v * 100)) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
      error: "amount",
    }),
  routing: z.object(
    Object.fromEntries(
      COMPLAINT_CATEGORIES.map((c) => [c, z.enum(DEPARTMENTS, { error: "department" })]),
    ) as {
      [C in ComplaintCategory]: z.ZodEnum<{ [D in Department]: D }>;
    },
  ),
  rootCauses: z
    .array(z.string().trim().min(1, { error: "rootCause" }).max(80, { error: "rootCause" }))
    .min(1, { error: "atLeastOneRootCause" })
    .max(50, { error: "tooLarge" }),
  followUpDays: resolveDays,
});
export type ComplaintSettingsInput = z.infer<typeof complaintSettingsInput>;
