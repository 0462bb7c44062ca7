import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedPerDb } from "@/db/prepared";
import { accounts, contacts, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordReferral } from "../advocates/referrals.queries";
import { recordAudit } from "../audit/audit.queries";
import { requireEditableAccount } from "../auth/account-access";
import {
  ACCOUNT_CREATORS,
  type Actor,
  canEditAccount,
  canEditAllAccounts,
  canLogActivity,
  canRecordComplaint,
  canSeeComplaint,
  canWriteTasks,
} from "../auth/permissions";
import { FieldError, forbidden, isUniqueViolation, notFound } from "../errors";
import { findLadderHistory, recordLadderMove } from "../ladder/ladder.queries";
import { ensureCadenceTasks } from "../levels/cadence.queries";
import { refreshLevelsAfterSegmentChange } from "../levels/recommend.queries";
import type { CreateAccountInput, UpdateAccountInput } from "./accounts.schemas";

/** Case-insensitive search and sort key; toLowerCase is Unicode-aware and leaves Chinese as is. */
export function searchNameOf(name: string): string {
  return name.toLowerCase();
}

const accountById = preparedPerDb((db) =>
  db
    .select({ account: accounts, ownerName: users.name })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .where(eq(accounts.id, sql.placeholder("id")))
    .prepare(),
);

const contactsOfAccount = preparedPerDb((db) =>
  db
    .select()
    .from(contacts)
    .where(eq(contacts.accountId, sql.placeholder("id")))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .prepare(),
);

export function getAccount(db: Db, actor: Actor, id: number) {
  const row = accountById(db).get({ id });
  if (!row) throw notFound("Account");
  const { searchName: _s, ...account } = row.account;
  const accountContacts = contactsOfAccount(db).all({ id });
  return {
    ...account,
    ownerName: row.ownerName,
    figures: {
      firstOrderAt: account.firstOrderAt,
      lastOrderAt: account.lastOrderAt,
      orderCount: account.orderCount,
      revenue: account.revenue,
      margin: account.margin,
      /** Margin as a share of revenue, in percent with one decimal; null before the first order. */
      marginPct: account.revenue > 0 ? Math.round((account.margin / account.revenue) * 1000) / 10 : null,
    },
    contacts: accountContacts,
    /** The ladder history comes with the account: the page shows it at once, in one round trip. */
    history: findLadderHistory(db, id),
    permissions: {
      canEdit: canEditAccount(actor, account),
      canLogActivity: canLogActivity(actor, account),
      canWriteTasks: canWriteTasks(actor, account),
      canReassign: canEditAllAccounts(actor),
      // The account page's Complaints card (issue #5).
      canSeeComplaints: canSeeComplaint(actor, account),
      canRecordComplaint: canRecordComplaint(actor, account),
    },
  };
}

/** An owner must be an active user who may hold accounts. */
export function requireOwner(db: Db, ownerId: string) {
  const owner = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.active, true), inArray(users.role, [...ACCOUNT_CREATORS])))
    .get();
  if (!owner) throw new FieldError("BAD_REQUEST", { ownerId: ["Choose an active account owner."] });
}

function duplicateRef(error: unknown): never {
  if (isUniqueViolation(error, "external_ref")) {
    throw new FieldError("CONFLICT", {
      externalRef: ["Another account already has this external reference."],
    });
  }
  throw error;
}

/**
 * `unowned`: with no owner chosen the account has none (as an imported one), instead of the person creating it;
 * the REST API creates accounts this way.
 */
export function createAccount(
  db: Db,
  actor: Actor,
  input: CreateAccountInput,
  options: { unowned?: boolean; now?: number } = {},
): { id: number } {
  if (!ACCOUNT_CREATORS.includes(actor.role)) throw forbidden();
  // Account managers create accounts they own; only those who may reassign choose another owner.
  const ownerId = canEditAllAccounts(actor)
    ? (input.ownerId ?? (options.unowned ? null : actor.id))
    : actor.id;
  const now = options.now ?? Date.now();
  try {
    return inTransaction(db, (t) => {
      if (ownerId && ownerId !== actor.id) requireOwner(t, ownerId);
      const values = {
        kind: input.kind,
        name: input.name,
        searchName: searchNameOf(input.name),
        externalRef: input.externalRef,
        segment: input.segment,
        industry: input.industry,
        level: input.level,
        ownerId,
        rung: input.rung,
        rungSince: now,
        status: "active" as const,
        statusSince: now,
        createdAt: now,
        updatedAt: now,
      };
      const { id } = t.insert(accounts).values(values).returning({ id: accounts.id }).get();
      recordLadderMove(t, {
        accountId: id,
        fromRung: null,
        toRung: input.rung,
        fromStatus: null,
        toStatus: "active",
        at: now,
        byUserId: actor.id,
        reason: "created",
      });
      if (input.referredByAccountId) {
        recordReferral(t, { accountId: id, referrerId: input.referredByAccountId, actorId: actor.id }, now);
      }
      const { searchName: _s, ...audited } = values;
      recordAudit(t, {
        actorId: actor.id,
        action: "account.create",
        entity: "account",
        entityId: id,
        after: audited,
        at: now,
      });
      refreshLevelsAfterSegmentChange(t, {
        accountId: id,
        before: undefined,
        after: values.segment,
        asOf: now,
      });
      return { id };
    });
  } catch (error) {
    duplicateRef(error);
  }
}

const EDITABLE = ["kind", "name", "externalRef", "segment", "industry", "level", "ownerId"] as const;

export function updateAccount(db: Db, actor: Actor, input: UpdateAccountInput): { id: number } {
  const { id, ...fields } = input;
  const now = Date.now();
  try {
    return inTransaction(db, (t) => {
      const before = requireEditableAccount(t, actor, id);
      const changes: Partial<typeof accounts.$inferInsert> = {};
      for (const key of EDITABLE) {
        const value = fields[key];
        if (value !== undefined && value !== before[key]) Object.assign(changes, { [key]: value });
      }
      if (changes.ownerId !== undefined) {
        if (!canEditAllAccounts(actor)) {
          throw new FieldError("BAD_REQUEST", {
            ownerId: ["Only a sales lead or an admin can reassign an account."],
          });
        }
        if (changes.ownerId === null)
          throw new FieldError("BAD_REQUEST", { ownerId: ["Choose an account owner."] });
        requireOwner(t, changes.ownerId);
      }
      if (Object.keys(changes).length === 0) return { id };
      if (changes.name !== undefined) changes.searchName = searchNameOf(changes.name);
      t.update(accounts)
        .set({ ...changes, updatedAt: now })
        .where(eq(accounts.id, id))
        .run();
      const beforeFields = Object.fromEntries(
        Object.keys(changes).map((k) => [k, before[k as keyof typeof before]]),
      );
      recordAudit(t, {
        actorId: actor.id,
        action: "account.update",
        entity: "account",
        entityId: id,
        before: beforeFields,
        after: changes,
        at: now,
      });
      if (changes.segment !== undefined) {
        refreshLevelsAfterSegmentChange(t, {
          accountId: id,
          before: before.segment,
          after: changes.segment,
          asOf: now,
        });
      }
      if (changes.level !== undefined) ensureCadenceTasks(t, { asOf: now, accountIds: [id] });
      return { id };
    });
  } catch (error) {
    duplicateRef(error);
  }
}

/** Owners and segments for the list filters. */
export function findFilterOptions(db: Db) {
  const owners = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...ACCOUNT_CREATORS])))
    .orderBy(asc(users.name))
    .all();
  // A loose index scan: jump from one segment to the next on accounts_segment_idx instead of reading
  // every account (a handful of segments among 100k rows).
  const segments = db
    .all<{ v: string }>(
      sql`WITH RECURSIVE s(v) AS (
        SELECT min(segment) FROM accounts WHERE segment IS NOT NULL
        UNION ALL
        SELECT (SELECT min(segment) FROM accounts WHERE segment > s.v) FROM s WHERE s.v IS NOT NULL
      ) SELECT v FROM s WHERE v IS NOT NULL`,
    )
    .map((r) => r.v);
  return { owners, segments };
}
