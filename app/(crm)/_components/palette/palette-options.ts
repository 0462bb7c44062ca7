// What the command palette lists (issue #12 §5): the look-up's hits as options in groups, and the actions open
// on a chosen account for this person's role. Pure: no React, so the rules are unit-tested.

import {
  type Actor,
  COMPLAINT_RECORDERS,
  canEditAccount,
  canLogActivity,
  canRecordComplaint,
  canWriteTasks,
} from "@/server/auth/permissions";
import type { AccountHit, ComplaintHit, ContactHit, DealHit } from "@/server/search/search.queries";

export type SearchResults = {
  accounts: AccountHit[];
  contacts: ContactHit[];
  deals: DealHit[];
  complaints: ComplaintHit[];
};

export type PaletteAccount = { id: number; name: string; ownerId: string | null };

export type ActionKind = "open" | "call" | "task" | "deal" | "complaint";

export type PaletteOption =
  | { kind: "account"; id: string; href: string; account: PaletteAccount; hit: AccountHit }
  | { kind: "contact"; id: string; href: string; account: PaletteAccount; hit: ContactHit }
  | { kind: "deal"; id: string; href: string; hit: DealHit }
  | { kind: "complaint"; id: string; href: string; hit: ComplaintHit }
  | { kind: "action"; id: string; href: string; action: ActionKind; account: PaletteAccount };

export type PaletteGroup = {
  key: "accounts" | "contacts" | "deals" | "complaints" | "actions";
  options: PaletteOption[];
};

/** The hits in groups, in the order a person scans them. */
export function resultGroups(results: SearchResults): PaletteGroup[] {
  const groups: PaletteGroup[] = [
    {
      key: "accounts",
      options: results.accounts.map((hit) => ({
        kind: "account",
        id: `account-${hit.id}`,
        href: `/accounts/${hit.id}`,
        account: { id: hit.id, name: hit.name, ownerId: hit.ownerId },
        hit,
      })),
    },
    {
      key: "contacts",
      options: results.contacts.map((hit) => ({
        kind: "contact",
        id: `contact-${hit.id}`,
        href: `/accounts/${hit.accountId}`,
        account: { id: hit.accountId, name: hit.accountName, ownerId: hit.accountOwnerId },
        hit,
      })),
    },
    {
      key: "deals",
      options: results.deals.map((hit) => ({
        kind: "deal",
        id: `deal-${hit.id}`,
        href: `/deals/${hit.id}`,
        hit,
      })),
    },
    {
      key: "complaints",
      options: results.complaints.map((hit) => ({
        kind: "complaint",
        id: `complaint-${hit.id}`,
        href: `/complaints/${hit.id}`,
        hit,
      })),
    },
  ];
  return groups.filter((g) => g.options.length > 0);
}

/**
 * What this person may do with the account: open it always; log a call, add a task, open a deal and record a
 * complaint where their role allows it on this account (the server checks again when they do).
 */
export function accountActions(actor: Actor, account: PaletteAccount): PaletteOption[] {
  const owner = { ownerId: account.ownerId };
  const allowed: [ActionKind, boolean, string][] = [
    ["open", true, `/accounts/${account.id}`],
    ["call", canLogActivity(actor, owner), `/accounts/${account.id}?do=call`],
    ["task", canWriteTasks(actor, owner), `/accounts/${account.id}?do=task`],
    ["deal", canEditAccount(actor, owner), `/accounts/${account.id}?do=deal`],
    [
      "complaint",
      COMPLAINT_RECORDERS.includes(actor.role) && canRecordComplaint(actor, owner),
      `/complaints/new?accountId=${account.id}`,
    ],
  ];
  return allowed
    .filter(([, ok]) => ok)
    .map(([action, , href]) => ({ kind: "action", id: `action-${action}`, href, action, account }));
}

/** The options in keyboard order. */
export function flatten(groups: readonly PaletteGroup[]): PaletteOption[] {
  return groups.flatMap((g) => g.options);
}

/** The next active index for a key, wrapping around; -1 when there is nothing to move over. */
export function moveActive(index: number, count: number, key: string): number {
  if (count === 0) return -1;
  if (key === "ArrowDown") return (index + 1) % count;
  if (key === "ArrowUp") return index <= 0 ? count - 1 : index - 1;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return index;
}
