// An account's practised and recommended level, with the figures behind the recommendation, changing the
// practised level, and the list of accounts where the two differ.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, LEVELS, type Level, type Rung } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import { requireEditableAccount } from "../auth/account-access";
import { type Actor, canEditAccount } from "../auth/permissions";
import { notFound } from "../errors";
import { getSetting } from "../settings/settings.queries";
import { ensureCadenceTasks } from "./cadence.queries";
import { gapDirection, levelGap, levelStake, recommendLevelFor, yearlyMargin } from "./level.rules";
import type { NameCursor, SetPractisedInput, StakeCursor } from "./levels.schemas";
import { levelsSettings } from "./levels.settings";
import { marginWindowStart } from "./recommend.queries";

/** Margin as a percentage of revenue with one decimal; null without revenue. */
function pct(margin: number, revenue: number): number | null {
  return revenue > 0 ? Math.round((margin / revenue) * 1000) / 10 : null;
}

export function getLevelsForAccount(db: Db, actor: Actor, accountId: number, asOf = Date.now()) {
  const account = db
    .select({
      id: accounts.id,
      level: accounts.level,
      recommendedLevel: accounts.recommendedLevel,
      yearlyMargin: accounts.yearlyMargin,
      segment: accounts.segment,
      ownerId: accounts.ownerId,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .get();
  if (!account) throw notFound("Account");
  const from = marginWindowStart(asOf);
  const figures = db.get<{
    orders: number;
    firstAt: number | null;
    customers: number;
    rev12: number;
    mar12: number;
    revAll: number;
    marAll: number;
  }>(sql`
    SELECT count(*) AS orders, min(ordered_at) AS firstAt,
      (SELECT count(*) FROM accounts WHERE segment IS ${account.segment}) AS customers,
      coalesce(sum(CASE WHEN ordered_at > ${from} THEN amount END), 0) AS rev12,
      coalesce(sum(CASE WHEN ordered_at > ${from} THEN margin END), 0) AS mar12,
      coalesce(sum(amount), 0) AS revAll, coalesce(sum(margin), 0) AS marAll
    FROM orders WHERE account_id = ${accountId} AND ordered_at <= ${asOf}
  `) ?? { orders: 0, firstAt: null, customers: 0, rev12: 0, mar12: 0, revAll: 0, marAll: 0 };
  const thresholds = getSetting(db, levelsSettings.levelThresholds);
  const computed = recommendLevelFor(
    {
      segmentCustomers: figures.customers,
      margin12m: figures.mar12,
      revenue12m: figures.rev12,
      marginLifetime: figures.marAll,
      revenueLifetime: figures.revAll,
    },
    thresholds,
  );
  const [revenue, margin] =
    computed.basis === "12m" ? [figures.rev12, figures.mar12] : [figures.revAll, figures.marAll];
  // Without orders there is nothing to recommend from: no recommendation, no mismatch.
  const recommended = figures.orders > 0 ? (account.recommendedLevel ?? computed.level) : null;
  // Like the recommendation, the stored figure (what the list ranks by) when there is one.
  const yearly =
    figures.orders === 0
      ? null
      : (account.yearlyMargin ??
        yearlyMargin({
          orders: figures.orders,
          margin12m: figures.mar12,
          revenue12m: figures.rev12,
          marginLifetime: figures.marAll,
          firstOrderAt: figures.firstAt,
          asOf,
        }));
  const gap = levelGap(account.level, recommended);
  return {
    accountId,
    practised: account.level,
    // The stored value is what the lists use; it is refreshed on every order, so it only lags a threshold
    // change by the recompute that change triggers.
    recommended,
    yearlyMargin: yearly,
    gap,
    direction: gapDirection(account.level, recommended),
    stake: levelStake(yearly, gap),
    segment: account.segment,
    segmentCustomers: figures.customers,
    segmentSize: computed.size,
    marginBand: computed.band,
    basis: computed.basis,
    windowStart: from,
    revenue,
    margin,
    marginPct: pct(margin, revenue),
    thresholds,
    canEdit: canEditAccount(actor, account),
  };
}

export function setPractisedLevel(db: Db, actor: Actor, input: SetPractisedInput, now = Date.now()) {
  return inTransaction(db, (t) => {
    const before = requireEditableAccount(t, actor, input.accountId);
    if (before.level === input.level) return { accountId: before.id, level: before.level, changed: false };
    t.update(accounts).set({ level: input.level, updatedAt: now }).where(eq(accounts.id, before.id)).run();
    recordAudit(t, {
      actorId: actor.id,
      action: "account.update",
      entity: "account",
      entityId: before.id,
      before: { level: before.level },
      after: { level: input.level },
      at: now,
    });
    // The new level's cadence starts now: its first contact or review task appears at once.
    ensureCadenceTasks(t, { asOf: now, accountIds: [before.id] });
    return { accountId: before.id, level: input.level, changed: true };
  });
}

export type MismatchRow = {
  id: number;
  name: string;
  rung: Rung;
  status: string;
  segment: string | null;
  level: Level;
  recommendedLevel: Level;
  ownerId: string | null;
  ownerName: string | null;
  yearlyMargin: number;
  gap: number;
  stake: number;
};

/** Pages of a name-ordered account list: the condition decides which rows belong, the keyset where to go on. */
export function pageByName<T extends { id: number; searchName: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor: NameCursor | null =
    rows.length > limit && last ? { name: last.searchName, id: last.id } : null;
  return { items: items.map(({ searchName: _s, ...r }) => r), nextCursor };
}

/**
 * Accounts whose practised level differs from the recommendation, largest stake first (yearly margin × the
 * gap, level.rules levelStake), so the top of the list is worth a call; the first page also counts the
 * mismatches per gap. Accounts without orders have no recommendation and never appear. Walks one of the
 * partial indexes on mismatched accounts (owner or not, gap or not) in order and stops after a page.
 */
export function findMismatches(
  db: Db,
  params: { ownerId: string | null; gap?: number; cursor?: StakeCursor | null; limit: number },
) {
  const { ownerId, gap, cursor, limit } = params;
  const rows = db.all<MismatchRow>(sql`
    SELECT a.id, a.name, a.rung, a.status, a.segment, a.level, a.recommended_level AS recommendedLevel,
      a.owner_id AS ownerId, u.name AS ownerName, a.yearly_margin AS yearlyMargin, a.level_gap AS gap,
      a.level_stake AS stake
    FROM accounts a LEFT JOIN users u ON u.id = a.owner_id
    WHERE a.level_gap > 0
      ${ownerId ? sql`AND a.owner_id = ${ownerId}` : sql``}
      ${gap ? sql`AND a.level_gap = ${gap}` : sql``}
      ${cursor ? sql`AND (a.level_stake < ${cursor.stake} OR (a.level_stake = ${cursor.stake} AND a.id < ${cursor.id}))` : sql``}
    ORDER BY a.level_stake DESC, a.id DESC
    LIMIT ${limit + 1}
  `);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? { stake: last.stake, id: last.id } : null,
    counts: cursor ? null : mismatchCounts(db, ownerId),
  };
}

/** Mismatched accounts per gap (1 to 4 levels off), for everyone or one owner. */
export function mismatchCounts(db: Db, ownerId: string | null) {
  const rows = db.all<{ gap: number; n: number }>(sql`
    SELECT level_gap AS gap, count(*) AS n FROM accounts
    WHERE level_gap > 0 ${ownerId ? sql`AND owner_id = ${ownerId}` : sql``}
    GROUP BY level_gap`);
  const byGap = Object.fromEntries(Array.from({ length: LEVELS.length - 1 }, (_, i) => [i + 1, 0])) as Record<
    number,
    number
  >;
  for (const r of rows) byGap[r.gap] = r.n;
  return { byGap, total: rows.reduce((s, r) => s + r.n, 0) };
}
