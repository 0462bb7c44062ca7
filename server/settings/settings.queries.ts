// Admin-tunable settings stored as JSON in the settings table, each with a zod schema and a default, so a
// missing or malformed row never breaks a rule: the default applies.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { COMPLAINT_CATEGORIES, DEPARTMENTS, ROLES, type Role, settings } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import { EXECUTIVE_VIEWERS } from "../auth/permissions";
import {
  DEFAULT_APPROVAL_LIMIT,
  DEFAULT_FOLLOW_UP_DAYS,
  DEFAULT_ROOT_CAUSES,
  DEFAULT_ROUTING,
} from "../complaints/routing.rules";
import { DEFAULT_PROMISED_TIMES } from "../complaints/sla.rules";
import {
  DEFAULT_DEAL_STAGES,
  DEFAULT_REVIEW_POLICY,
  DEFAULT_WIN_LOSS_REASONS,
} from "../deals/win-loss.rules";
import { DEFAULT_LAPSE_WINDOW_DAYS } from "../ladder/moves.rules";
import { DEFAULT_CADENCE, DEFAULT_LEVEL_THRESHOLDS } from "../levels/level.rules";

const positiveInt = z.number().int().positive();
const share = z.number().min(0).max(1);
const severityPromise = z.object({
  acknowledgeHours: positiveInt.max(24 * 60),
  resolveDays: positiveInt.max(365),
});

export const SETTINGS = {
  lapseWindowDays: { schema: positiveInt.max(3650), default: DEFAULT_LAPSE_WINDOW_DAYS },
  levelThresholds: {
    schema: z
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
    default: DEFAULT_LEVEL_THRESHOLDS,
  },
  cadence: {
    schema: z.object({
      accountableCheckInDays: positiveInt,
      proactiveContactDays: positiveInt,
      partnershipContactDays: positiveInt,
      partnershipReviewDays: positiveInt,
    }),
    default: DEFAULT_CADENCE,
  },
  complaintPromisedTimes: {
    schema: z.object({ low: severityPromise, medium: severityPromise, high: severityPromise }),
    default: DEFAULT_PROMISED_TIMES,
  },
  /** Minor units; remedies strictly above it need a sales lead's or an admin's approval. */
  complaintApprovalLimit: {
    schema: z.number().int().min(0).max(1_000_000_000),
    default: DEFAULT_APPROVAL_LIMIT,
  },
  complaintRouting: {
    schema: z.object(
      Object.fromEntries(COMPLAINT_CATEGORIES.map((c) => [c, z.enum(DEPARTMENTS)])) as Record<
        (typeof COMPLAINT_CATEGORIES)[number],
        z.ZodEnum<{ [K in (typeof DEPARTMENTS)[number]]: K }>
      >,
    ),
    default: DEFAULT_ROUTING,
  },
  complaintRootCauses: {
    schema: z.array(z.string().trim().min(1).max(80)).min(1).max(50),
    default: DEFAULT_ROOT_CAUSES as string[],
  },
  complaintFollowUpDays: { schema: positiveInt.max(365), default: DEFAULT_FOLLOW_UP_DAYS },
  dealStages: {
    schema: z
      .array(z.string().trim().min(1).max(40))
      .min(1)
      .max(10)
      .refine((a) => new Set(a).size === a.length, { message: "Stage names must differ." }),
    default: [...DEFAULT_DEAL_STAGES] as string[],
  },
  winLossReasons: {
    schema: z
      .array(z.string().regex(/^[a-z0-9_]{1,40}$/))
      .min(2)
      .max(20)
      .refine((a) => new Set(a).size === a.length, { message: "Reasons must differ." }),
    default: [...DEFAULT_WIN_LOSS_REASONS] as string[],
  },
  /** Roles that see the executive pages (issue #6: executives, sales leads and admins by default). */
  executiveViewers: {
    schema: z.array(z.enum(ROLES)).max(ROLES.length),
    default: [...EXECUTIVE_VIEWERS] as Role[],
  },
  reviewPolicy: {
    schema: z.object({ roles: z.array(z.enum(ROLES)), otherAccountManagers: z.boolean() }),
    default: DEFAULT_REVIEW_POLICY,
  },
  demoData: {
    schema: z.object({ seed: z.number(), accounts: z.number(), generatedAt: z.number() }).nullable(),
    default: null,
  },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;

export function getSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  const def = SETTINGS[key];
  if (!row) return def.default as SettingValue<K>;
  try {
    const parsed = def.schema.safeParse(JSON.parse(row.value));
    return (parsed.success ? parsed.data : def.default) as SettingValue<K>;
  } catch {
    return def.default as SettingValue<K>;
  }
}

/** Validates and stores a setting (audited). Throws the zod error for the router to turn into field messages. */
export function setSetting<K extends SettingKey>(
  db: Db,
  key: K,
  value: unknown,
  actorId: string | null,
  now = Date.now(),
) {
  const parsed = SETTINGS[key].schema.parse(value) as SettingValue<K>;
  inTransaction(db, (tx) => {
    const before = getSetting(tx, key);
    const json = JSON.stringify(parsed);
    tx.insert(settings)
      .values({ key, value: json, updatedAt: now, updatedById: actorId })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: json, updatedAt: now, updatedById: actorId },
      })
      .run();
    recordAudit(tx, {
      actorId,
      action: "settings.update",
      entity: "setting",
      entityId: key,
      before: { value: before },
      after: { value: parsed },
      at: now,
    });
  });
  return parsed;
}
