// Win/loss settings as the admin page edits them: three settings rows saved together (each audited).
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import type { Actor } from "../auth/permissions";
import { getSetting, setSetting } from "../settings/settings.queries";
import type { WinLossSettingsInput } from "./deals.schemas";
import { dealsSettings } from "./deals.settings";

export function getWinLossSettings(db: Db): WinLossSettingsInput {
  const policy = getSetting(db, dealsSettings.reviewPolicy);
  return {
    stages: getSetting(db, dealsSettings.dealStages),
    reasons: getSetting(db, dealsSettings.winLossReasons),
    reviewerRoles: policy.roles.filter(
      (r): r is WinLossSettingsInput["reviewerRoles"][number] => r !== "account_manager",
    ),
    otherAccountManagers: policy.otherAccountManagers,
  };
}

/** Open deals keep their stage name even if it is renamed away; closed deals keep their reasons. */
export function saveWinLossSettings(db: Db, actor: Actor, input: WinLossSettingsInput, now = Date.now()) {
  inTransaction(db, (t) => {
    setSetting(t, dealsSettings.dealStages, input.stages, actor.id, now);
    setSetting(t, dealsSettings.winLossReasons, input.reasons, actor.id, now);
    setSetting(
      t,
      dealsSettings.reviewPolicy,
      { roles: input.reviewerRoles, otherAccountManagers: input.otherAccountManagers },
      actor.id,
      now,
    );
  });
  return getWinLossSettings(db);
}
