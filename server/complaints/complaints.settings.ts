// Complaint handling's admin-tunable settings: promised times, the approval limit, routing, root causes and
// the follow-up after closing.
import { z } from "zod";
import { COMPLAINT_CATEGORIES, DEPARTMENTS } from "@/db/schema";
import { defineSetting } from "../settings/settings.queries";
import {
  DEFAULT_APPROVAL_LIMIT,
  DEFAULT_FOLLOW_UP_DAYS,
  DEFAULT_ROOT_CAUSES,
  DEFAULT_ROUTING,
} from "./routing.rules";
import { DEFAULT_PROMISED_TIMES } from "./sla.rules";

const positiveInt = z.number().int().positive();
const severityPromise = z.object({
  acknowledgeHours: positiveInt.max(24 * 60),
  resolveDays: positiveInt.max(365),
});

export const complaintsSettings = {
  promisedTimes: defineSetting(
    "complaintPromisedTimes",
    z.object({ low: severityPromise, medium: severityPromise, high: severityPromise }),
    DEFAULT_PROMISED_TIMES,
  ),
  /** Minor units; remedies strictly above it need a sales lead's or an admin's approval. */
  approvalLimit: defineSetting(
    "complaintApprovalLimit",
    z.number().int().min(0).max(1_000_000_000),
    DEFAULT_APPROVAL_LIMIT,
  ),
  routing: defineSetting(
    "complaintRouting",
    z.object(
      Object.fromEntries(COMPLAINT_CATEGORIES.map((c) => [c, z.enum(DEPARTMENTS)])) as Record<
        (typeof COMPLAINT_CATEGORIES)[number],
        z.ZodEnum<{ [K in (typeof DEPARTMENTS)[number]]: K }>
      >,
    ),
    DEFAULT_ROUTING,
  ),
  rootCauses: defineSetting(
    "complaintRootCauses",
    z.array(z.string().trim().min(1).max(80)).min(1).max(50),
    DEFAULT_ROOT_CAUSES as string[],
  ),
  followUpDays: defineSetting("complaintFollowUpDays", positiveInt.max(365), DEFAULT_FOLLOW_UP_DAYS),
};
