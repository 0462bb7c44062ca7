// The admin settings forms and their procedures share these schemas. Margins are entered as percentages
// (30 for 30%) and stored as shares; messages are codes the form translates (levels.json "settings.errors").
import { z } from "zod";

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
