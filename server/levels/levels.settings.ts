// Relationship levels' admin-tunable settings: Kotler's matrix thresholds and each level's contact cadence.
import { z } from "zod";
import { defineSetting } from "../settings/settings.queries";
import { DEFAULT_CADENCE, DEFAULT_LEVEL_THRESHOLDS } from "./level.rules";

const positiveInt = z.number().int().positive();
const share = z.number().min(0).max(1);

export const levelsSettings = {
  levelThresholds: defineSetting(
    "levelThresholds",
    z
      .object({
        manyCustomersAtLeast: positiveInt,
        mediumCustomersAtLeast: positiveInt,
        highMarginAtLeast: share,
        mediumMarginAtLeast: share,
      })
      .refine((t) => t.mediumCustomersAtLeast < t.manyCustomersAtLeast, {
        message: "“Medium” must start below “many”.",
        path: ["mediumCustomersAtLeast"],
      })
      .refine((t) => t.mediumMarginAtLeast < t.highMarginAtLeast, {
        message: "A medium margin must start below a high one.",
        path: ["mediumMarginAtLeast"],
      }),
    DEFAULT_LEVEL_THRESHOLDS,
  ),
  cadence: defineSetting(
    "cadence",
    z.object({
      accountableCheckInDays: positiveInt,
      proactiveContactDays: positiveInt,
      partnershipContactDays: positiveInt,
      partnershipReviewDays: positiveInt,
    }),
    DEFAULT_CADENCE,
  ),
};
