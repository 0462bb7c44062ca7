// Whose accounts a levels list shows. Account managers start on their own; the other roles on everyone's.
import type { Actor } from "../auth/permissions";
import { forbidden } from "../errors";

export const ALL_OWNERS = "all";

/**
 * The owner id to filter on, or null for every owner. With `ownOnly`, an account manager asking for another
 * owner (or for all) is refused rather than silently shown their own list.
 */
export function resolveOwnerScope(
  actor: Actor,
  requested: string | undefined,
  ownOnly: boolean,
): string | null {
  if (requested === undefined) return actor.role === "account_manager" ? actor.id : null;
  if (ownOnly && actor.role === "account_manager" && requested !== actor.id) {
    throw forbidden("Account managers see their own accounts here.");
  }
  return requested === ALL_OWNERS ? null : requested;
}
