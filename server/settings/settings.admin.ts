// The admin settings page: read the three tunable settings, save each (audited by setSetting), and apply what
// a change implies: new level thresholds re-rank every account, new cadence intervals create due tasks.

import type { z } from "zod";
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import type { Actor } from "../auth/permissions";
import { evaluateLapse } from "../ladder/lapse.queries";
import { ensureCadenceTasks } from "../levels/cadence.queries";
import { recomputeRecommendedLevels } from "../levels/recommend.queries";
import { getSetting, setSetting } from "./settings.queries";
import {
  type ComplaintSettingsInput,
  type cadenceInput,
  type LevelThresholdsInput,
  type lapseWindowInput,
  percentToShare,
  shareToPercent,
} from "./settings.schemas";

export function getAdminSettings(db: Db) {
  const t = getSetting(db, "levelThresholds");
  return {
    lapseWindowDays: getSetting(db, "lapseWindowDays"),
    levelThresholds: {
      manyCustomersAtLeast: t.manyCustomersAtLeast,
      mediumCustomersAtLeast: t.mediumCustomersAtLeast,
      highMarginPct: shareToPercent(t.highMarginAtLeast),
      mediumMarginPct: shareToPercent(t.mediumMarginAtLeast),
    },
    cadence: getSetting(db, "cadence"),
    complaints: {
      promisedTimes: getSetting(db, "complaintPromisedTimes"),
      approvalLimit: getSetting(db, "complaintApprovalLimit") / 100,
      routing: getSetting(db, "complaintRouting"),
      rootCauses: getSetting(db, "complaintRootCauses"),
      followUpDays: getSetting(db, "complaintFollowUpDays"),
    },
  };
}

export function saveLapseWindow(db: Db, actor: Actor, input: z.infer<typeof lapseWindowInput>) {
  setSetting(db, "lapseWindowDays", input.lapseWindowDays, actor.id);
  // A shorter window lapses accounts now rather than at the next hourly run. (A longer one lapses nobody and
  // does not revive anyone: an account comes back by ordering.)
  evaluateLapse(db, { asOf: Date.now(), windowDays: input.lapseWindowDays });
  return getAdminSettings(db);
}

/** Saves the thresholds and recomputes every account's recommendation in the same transaction. */
export function saveLevelThresholds(db: Db, actor: Actor, input: LevelThresholdsInput, now = Date.now()) {
  const recomputed = inTransaction(db, (t) => {
    const thresholds = setSetting(
      t,
      "levelThresholds",
      {
        manyCustomersAtLeast: input.manyCustomersAtLeast,
        mediumCustomersAtLeast: input.mediumCustomersAtLeast,
        highMarginAtLeast: percentToShare(input.highMarginPct),
        mediumMarginAtLeast: percentToShare(input.mediumMarginPct),
      },
      actor.id,
      now,
    );
    return recomputeRecommendedLevels(t, { asOf: now, thresholds });
  });
  return { ...getAdminSettings(db), recomputed };
}

export function saveCadence(db: Db, actor: Actor, input: z.infer<typeof cadenceInput>, now = Date.now()) {
  const cadence = setSetting(db, "cadence", input, actor.id, now);
  ensureCadenceTasks(db, { asOf: now, cadence });
  return getAdminSettings(db);
}

/** The complaint settings, saved together; promised times apply to complaints received from now on. */
export function saveComplaintSettings(db: Db, actor: Actor, input: ComplaintSettingsInput, now = Date.now()) {
  inTransaction(db, (t) => {
    setSetting(t, "complaintPromisedTimes", input.promisedTimes, actor.id, now);
    setSetting(t, "complaintApprovalLimit", Math.round(input.approvalLimit * 100), actor.id, now);
    setSetting(t, "complaintRouting", input.routing, actor.id, now);
    setSetting(t, "complaintRootCauses", [...new Set(input.rootCauses)], actor.id, now);
    setSetting(t, "complaintFollowUpDays", input.followUpDays, actor.id, now);
  });
  return getAdminSettings(db);
}
