// Deals' and win/loss's admin-tunable settings: stages, the reason taxonomy and who may review a deal.
import { z } from "zod";
import { ROLES } from "@/db/schema";
import { defineSetting } from "../settings/settings.queries";
import { DEFAULT_DEAL_STAGES, DEFAULT_REVIEW_POLICY, DEFAULT_WIN_LOSS_REASONS } from "./win-loss.rules";

export const dealsSettings = {
  dealStages: defineSetting(
    "dealStages",
    z
      .array(z.string().trim().min(1).max(40))
      .min(1)
      .max(10)
      .refine((a) => new Set(a).size === a.length, { message: "Stage names must differ." }),
    [...DEFAULT_DEAL_STAGES] as string[],
  ),
  winLossReasons: defineSetting(
    "winLossReasons",
    z
      .array(z.string().regex(/^[a-z0-9_]{1,40}$/))
      .min(2)
      .max(20)
      .refine((a) => new Set(a).size === a.length, { message: "Reasons must differ." }),
    [...DEFAULT_WIN_LOSS_REASONS] as string[],
  ),
  reviewPolicy: defineSetting(
    "reviewPolicy",
    z.object({ roles: z.array(z.enum(ROLES)), otherAccountManagers: z.boolean() }),
    DEFAULT_REVIEW_POLICY,
  ),
};
