// The sales lead's win/loss dashboard (issue #4 §3). Every statement reads one month-led covering index over
// the chosen months and groups in that index's order (closed_month first), so SQLite streams the groups with
// no sort; the few hundred to few thousand groups are then summed across months here and turned into rates,
// Pareto bars and the agreement matrix by the rules. INDEXED BY: with a GROUP BY on status or owner the
// planner otherwise walks a whole group-order index over all 300k deals (about 1 s).

import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pareto } from "@/lib/pareto";
import { parsePeriod, periodLabel, periodOfMonth } from "@/lib/periods";
import { getSetting } from "../settings/settings.queries";
import type { DashboardInput, DrillInput } from "./deals.schemas";
import { dealsSettings } from "./deals.settings";
import { agreementMatrix, winRate } from "./win-loss.rules";

/** WHERE for closed deals (alias d) or reviews (alias r) in the months, for the chosen owners and segment. */
function filterSql(alias: "d" | "r", f: DashboardInput): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [
    sql`${a}.closed_month BETWEEN ${parsePeriod(f.fromMonth, "month")} AND ${parsePeriod(f.toMonth, "month")}`,
  ];
  if (f.ownerIds.length) {
    parts.push(
      sql`${a}.owner_id IN (${sql.join(
        f.ownerIds.map((o) => sql`${o}`),
        sql`, `,
      )})`,
    );
  }
  if (f.segment) parts.push(sql`${a}.segment = ${f.segment}`);
  return sql.join(parts, sql` AND `);
}

/**
 * Where the counts come from: deal_rollup (kept by triggers) when no owner or segment is chosen, otherwise — or
 * when asked for "plain", the queries the rollup must agree with — the month-led indexes of deals and
 * deal_reviews. "plain" also groups every open win-back task of the period for the pipeline instead of
 * stopping early.
 */
export type CountSource = "rollup" | "plain";

function fromRollup(f: DashboardInput, source: CountSource): boolean {
  return source === "rollup" && f.ownerIds.length === 0 && !f.segment;
}

/** deal_rollup r's rows of one kind in the months (the rollup is only read without owner or segment). */
function rollupSql(kind: string, f: DashboardInput): SQL {
  return sql`r.kind = ${kind} AND r.month BETWEEN ${parsePeriod(f.fromMonth, "month")} AND ${parsePeriod(f.toMonth, "month")}`;
}

const ROLLUP = sql.raw("deal_rollup r");

/** Sums counts by key (across months). */
function sumBy<T>(
  rows: readonly T[],
  key: (row: T) => string,
  count: (row: T) => number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + count(r));
  return out;
}

type Outcomes = { won: number; lost: number; noDecision: number; winRate: number | null };

function outcomes(rows: ReadonlyArray<{ status: string; n: number }>): Outcomes {
  const count = (s: string) => rows.filter((r) => r.status === s).reduce((sum, r) => sum + r.n, 0);
  const won = count("won");
  const lost = count("lost");
  return { won, lost, noDecision: count("no_decision"), winRate: winRate(won, lost) };
}

function groupOutcomes<K extends string | number | null>(
  rows: ReadonlyArray<{ k: K; status: string; n: number }>,
) {
  const by = new Map<K, Array<{ status: string; n: number }>>();
  for (const r of rows) {
    const list = by.get(r.k);
    if (list) list.push(r);
    else by.set(r.k, [r]);
  }
  return [...by.entries()].map(([k, list]) => ({ key: k, ...outcomes(list) }));
}

function userNames(db: Db, ids: readonly string[]): Map<string, string> {
  if (!ids.length) return new Map();
  const rows = db.all<{ id: string; name: string }>(
    sql`SELECT id, name FROM users WHERE id IN (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Win rate per period (every period of the range, empty ones included), per owner and per segment. */
export function winRates(db: Db, f: DashboardInput, source: CountSource = "rollup") {
  const where = filterSql("d", f);
  const rolled = fromRollup(f, source);
  const byMonthOwner = db.all<{ m: number; status: string; o: string; n: number }>(
    rolled
      ? sql`SELECT r.month AS m, r.k1 AS status, r.k2 AS o, r.n AS n FROM ${ROLLUP} WHERE ${rollupSql("owner", f)}`
      : sql`SELECT d.closed_month AS m, d.status AS status, d.owner_id AS o, count(*) AS n
      FROM deals d INDEXED BY deals_month_owner_idx WHERE ${where} GROUP BY 1, 2, 3`,
  );
  const byMonthSegment = db.all<{ m: number; status: string; s: string | null; n: number }>(
    rolled
      ? sql`SELECT r.month AS m, r.k1 AS status, nullif(r.k2, '') AS s, r.n AS n
      FROM ${ROLLUP} WHERE ${rollupSql("segment", f)}`
      : sql`SELECT d.closed_month AS m, d.status AS status, d.segment AS s, count(*) AS n
      FROM deals d INDEXED BY deals_month_segment_idx WHERE ${where} GROUP BY 1, 2, 3`,
  );
  const perPeriod = new Map(
    groupOutcomes(
      byMonthOwner.map((r) => ({ k: periodOfMonth(r.m, f.grain), status: r.status, n: r.n })),
    ).map((p) => [p.key, p]),
  );
  const periods = [];
  const last = periodOfMonth(parsePeriod(f.toMonth, "month"), f.grain);
  for (let p = periodOfMonth(parsePeriod(f.fromMonth, "month"), f.grain); p <= last; p += 1) {
    const o = perPeriod.get(p) ?? { won: 0, lost: 0, noDecision: 0, winRate: null };
    periods.push({
      period: periodLabel(p, f.grain),
      won: o.won,
      lost: o.lost,
      noDecision: o.noDecision,
      winRate: o.winRate,
    });
  }
  const owners = groupOutcomes(byMonthOwner.map((r) => ({ k: r.o, status: r.status, n: r.n })));
  const names = userNames(
    db,
    owners.map((o) => o.key),
  );
  return {
    total: outcomes(byMonthOwner),
    periods,
    byOwner: owners
      .map(({ key, ...o }) => ({ ownerId: key, name: names.get(key) ?? key, ...o }))
      .sort((a, b) => b.won + b.lost - (a.won + a.lost)),
    bySegment: groupOutcomes(byMonthSegment.map((r) => ({ k: r.s, status: r.status, n: r.n })))
      .map(({ key, ...o }) => ({ segment: key, ...o }))
      .sort((a, b) => b.won + b.lost - (a.won + a.lost)),
  };
}

/** Reasons for wins and for losses as Pareto bars: the owners' stated reasons and the reviewers' findings. */
export function winLossReasons(db: Db, f: DashboardInput, source: CountSource = "rollup") {
  const rolled = fromRollup(f, source);
  const owner = db.all<{ status: string; reason: string; n: number }>(
    rolled
      ? sql`SELECT r.month AS m, r.k1 AS status, nullif(r.k2, '') AS reason, r.n AS n
      FROM ${ROLLUP} WHERE ${rollupSql("reason", f)} AND r.k1 IN ('won', 'lost')`
      : sql`SELECT d.closed_month AS m, d.status AS status, d.owner_reason AS reason, count(*) AS n
      FROM deals d INDEXED BY deals_month_reason_idx
      WHERE ${filterSql("d", f)} AND d.status IN ('won', 'lost') GROUP BY 1, 2, 3`,
  );
  const buyer = db.all<{ status: string; reason: string; n: number }>(
    rolled
      ? sql`SELECT r.month AS m, r.k1 AS status, r.k2 AS reason, r.n AS n
      FROM ${ROLLUP} WHERE ${rollupSql("buyer", f)} AND r.k1 IN ('won', 'lost')`
      : sql`SELECT r.closed_month AS m, r.outcome AS status, r.primary_reason AS reason, count(*) AS n
      FROM deal_reviews r INDEXED BY deal_reviews_month_reason_idx
      WHERE ${filterSql("r", f)} AND r.outcome IN ('won', 'lost') GROUP BY 1, 2, 3`,
  );
  const bars = (rows: typeof owner, status: string) =>
    pareto(
      [
        ...sumBy(
          rows.filter((r) => r.status === status),
          (r) => r.reason,
          (r) => r.n,
        ),
      ].map(([key, count]) => ({ key, count })),
    );
  return {
    won: { owner: bars(owner, "won"), buyer: bars(buyer, "won") },
    lost: { owner: bars(owner, "lost"), buyer: bars(buyer, "lost") },
  };
}

/**
 * The rep-versus-buyer gap over reviewed deals: the agreement matrix (owner's primary reason × buyer's),
 * the agreement rate, claimed-versus-given per reason, and per owner (agreement, and "price" claimed by the
 * owner against "price" given by the buyers).
 */
export function reasonGap(db: Db, f: DashboardInput, source: CountSource = "rollup") {
  const where = filterSql("r", f);
  const rolled = fromRollup(f, source);
  const pairs = db.all<{ ownerReason: string; buyerReason: string; n: number }>(
    rolled
      ? sql`SELECT r.month AS m, r.k1 AS ownerReason, r.k2 AS buyerReason, r.n AS n
      FROM ${ROLLUP} WHERE ${rollupSql("pair", f)}`
      : sql`SELECT r.closed_month AS m, r.owner_reason AS ownerReason, r.primary_reason AS buyerReason, count(*) AS n
      FROM deal_reviews r INDEXED BY deal_reviews_month_pair_idx WHERE ${where} GROUP BY 1, 2, 3`,
  );
  const perOwner = db.all<{
    ownerId: string;
    n: number;
    agreed: number;
    priceClaimed: number;
    priceGiven: number;
  }>(
    rolled
      ? sql`SELECT r.month AS m, r.k1 AS ownerId, r.n AS n, r.agreed AS agreed, r.price_claimed AS priceClaimed,
        r.price_given AS priceGiven FROM ${ROLLUP} WHERE ${rollupSql("reviewOwner", f)}`
      : sql`SELECT r.closed_month AS m, r.owner_id AS ownerId, count(*) AS n,
        sum(r.owner_reason = r.primary_reason) AS agreed,
        sum(r.owner_reason = 'price') AS priceClaimed, sum(r.primary_reason = 'price') AS priceGiven
      FROM deal_reviews r INDEXED BY deal_reviews_month_owner_idx WHERE ${where} GROUP BY 1, 2`,
  );
  const overall = agreementMatrix(
    pairs.map((p) => ({ ownerReason: p.ownerReason, buyerReason: p.buyerReason, count: p.n })),
    getSetting(db, dealsSettings.winLossReasons),
  );
  const owners = new Map<
    string,
    { reviewed: number; agreed: number; priceClaimed: number; priceGiven: number }
  >();
  for (const r of perOwner) {
    const o = owners.get(r.ownerId) ?? { reviewed: 0, agreed: 0, priceClaimed: 0, priceGiven: 0 };
    o.reviewed += r.n;
    o.agreed += r.agreed;
    o.priceClaimed += r.priceClaimed;
    o.priceGiven += r.priceGiven;
    owners.set(r.ownerId, o);
  }
  const names = userNames(db, [...owners.keys()]);
  const byOwner = [...owners]
    .map(([ownerId, o]) => ({
      ownerId,
      name: names.get(ownerId) ?? ownerId,
      reviewed: o.reviewed,
      agreementRate: o.agreed / o.reviewed,
      priceClaimedShare: o.priceClaimed / o.reviewed,
      priceGivenShare: o.priceGiven / o.reviewed,
    }))
    .sort((a, b) => b.reviewed - a.reviewed || a.name.localeCompare(b.name));
  return { ...overall, byOwner };
}

/** The bar and drill key of deals lost to a competitor not on the list (the UI names it). */
export const OTHER_COMPETITOR = "other";

/** Lost to which competitors, and the win-back pipeline: lost deals whose review set actions still open. */
export function competitorsAndPipeline(
  db: Db,
  f: DashboardInput,
  now = Date.now(),
  source: CountSource = "rollup",
) {
  const where = filterSql("d", f);
  // Per competitor on the list, and one "other" bar for the names typed that are not on it.
  const lost = db.all<{ competitorId: number | null; other: number; n: number; amount: number }>(
    fromRollup(f, source)
      ? sql`SELECT r.month AS m, CAST(nullif(r.k1, '') AS INTEGER) AS competitorId, CAST(r.k2 AS INTEGER) AS other,
        r.n AS n, r.amount AS amount FROM ${ROLLUP} WHERE ${rollupSql("competitor", f)}`
      : sql`SELECT d.closed_month AS m, d.competitor_id AS competitorId, d.competitor_other IS NOT NULL AS other,
        count(*) AS n, sum(d.amount) AS amount
      FROM deals d INDEXED BY deals_lost_competitor_idx
      WHERE d.status = 'lost' AND ${where} GROUP BY 1, 2, 3`,
  );
  const names = new Map(
    db.all<{ id: number; name: string }>(sql`SELECT id, name FROM competitors`).map((c) => [c.id, c.name]),
  );
  const lostTotal = lost.reduce((sum, c) => sum + c.n, 0);
  const byCompetitor = new Map<string, { key: string; competitor: string; n: number; amount: number }>();
  for (const c of lost) {
    const key = c.competitorId !== null ? String(c.competitorId) : c.other ? OTHER_COMPETITOR : null;
    if (key === null) continue;
    const competitor =
      key === OTHER_COMPETITOR ? OTHER_COMPETITOR : (names.get(c.competitorId as number) ?? key);
    const row = byCompetitor.get(key) ?? { key, competitor, n: 0, amount: 0 };
    row.n += c.n;
    row.amount += c.amount;
    byCompetitor.set(key, row);
  }
  const competitors = [...byCompetitor.values()]
    .sort((a, b) => b.n - a.n || a.competitor.localeCompare(b.competitor))
    .slice(0, 15);
  // From the open win-back tasks (a partial index) to their deals, rather than from every lost deal of the
  // period to its actions; all actions (done ones too) are counted only for the 50 deals shown.
  const shown = source === "rollup" ? firstWinBackDeals(db, where, PIPELINE_SIZE) : null;
  const open = shown
    ? sql`SELECT x.deal_id AS dealId, count(*) AS open, sum(t.due_at < ${now}) AS overdue, min(t.due_at) AS nextDueAt
        FROM deal_review_actions x INDEXED BY deal_review_actions_deal_idx CROSS JOIN tasks t
        WHERE x.deal_id IN (${sql.join(
          shown.map((id) => sql`${id}`),
          sql`, `,
        )}) AND t.id = x.task_id AND t.kind = 'win_back' AND t.done_at IS NULL
        GROUP BY x.deal_id`
    : sql`SELECT x.deal_id AS dealId, count(*) AS open, sum(t.due_at < ${now}) AS overdue, min(t.due_at) AS nextDueAt
        FROM tasks t INDEXED BY tasks_open_kind_idx
        JOIN deal_review_actions x ON x.task_id = t.id
        JOIN deals d ON d.id = x.deal_id
        WHERE t.kind = 'win_back' AND t.done_at IS NULL AND d.status = 'lost' AND ${where}
        GROUP BY x.deal_id ORDER BY nextDueAt, x.deal_id LIMIT ${PIPELINE_SIZE}`;
  const pipeline = db.all<{
    dealId: number;
    title: string;
    amount: number;
    closedAt: number;
    accountId: number;
    accountName: string;
    actions: number;
    done: number;
    overdue: number;
    nextDueAt: number | null;
  }>(sql`WITH open AS (${open})
      SELECT d.id AS dealId, d.title AS title, d.amount AS amount, d.closed_at AS closedAt,
        d.account_id AS accountId, a.name AS accountName,
        (SELECT count(*) FROM deal_review_actions y WHERE y.deal_id = d.id) AS actions,
        (SELECT count(*) FROM deal_review_actions y WHERE y.deal_id = d.id) - open.open AS done,
        open.overdue AS overdue, open.nextDueAt AS nextDueAt
      FROM open JOIN deals d ON d.id = open.dealId JOIN accounts a ON a.id = d.account_id
      ORDER BY open.nextDueAt, d.id`);
  return { competitors, lostTotal, pipeline };
}

/** How many deals the win-back pipeline lists. */
const PIPELINE_SIZE = 50;

/**
 * The first `size` deals of the win-back pipeline in (next due time, deal id) order: walks the open win-back
 * tasks by due time (tasks_open_kind_idx, no sort) a batch at a time, and stops once every deal not met yet is
 * due later than the last one kept, instead of grouping every open win-back task of the period (7k at 100k
 * accounts) to keep 50.
 */
function firstWinBackDeals(db: Db, where: SQL, size: number): number[] {
  for (let limit = size * 8; ; limit *= 4) {
    const rows = db.all<{ dealId: number; dueAt: number }>(
      sql`SELECT x.deal_id AS dealId, t.due_at AS dueAt
        FROM tasks t INDEXED BY tasks_open_kind_idx CROSS JOIN deal_review_actions x CROSS JOIN deals d
        WHERE t.kind = 'win_back' AND t.done_at IS NULL AND x.task_id = t.id AND d.id = x.deal_id
          AND d.status = 'lost' AND ${where}
        ORDER BY t.due_at LIMIT ${limit}`,
    );
    // Rows come by due time: a deal's first row is its next due time.
    const next = new Map<number, number>();
    for (const r of rows) if (!next.has(r.dealId)) next.set(r.dealId, r.dueAt);
    const kept = [...next].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, size);
    const lastRow = rows[rows.length - 1];
    const lastKept = kept[kept.length - 1];
    const complete = rows.length < limit;
    if (complete || (kept.length === size && lastRow && lastKept && lastRow.dueAt > lastKept[1])) {
      return kept.map(([id]) => id);
    }
  }
}

/** The deals behind one bar of the dashboard, newest first. */
export function dealsBehind(db: Db, input: DrillInput) {
  const f = input.filters;
  const parts: SQL[] = [filterSql("d", f)];
  let join = sql``;
  switch (input.kind) {
    case "period": {
      // A malformed label matches nothing (-1 is no month).
      const parsed = parsePeriod(input.value, f.grain);
      const p = Number.isNaN(parsed) ? -1 : parsed;
      const [first, last] = f.grain === "month" ? [p, p] : [p * 3, p * 3 + 2];
      parts.push(sql`d.closed_month BETWEEN ${first} AND ${last}`);
      break;
    }
    case "owner":
      parts.push(sql`d.owner_id = ${input.value}`);
      break;
    case "segment":
      parts.push(input.value ? sql`d.segment = ${input.value}` : sql`d.segment IS NULL`);
      break;
    case "ownerReason":
      parts.push(sql`d.owner_reason = ${input.value}`);
      break;
    case "buyerReason":
      join = sql`JOIN deal_reviews r ON r.deal_id = d.id`;
      parts.push(sql`r.primary_reason = ${input.value}`);
      break;
    case "competitor":
      // A list entry's id, or "other" for the names typed that are not on the list.
      parts.push(
        input.value === OTHER_COMPETITOR
          ? sql`d.competitor_id IS NULL AND d.competitor_other IS NOT NULL`
          : sql`d.competitor_id = ${Number(input.value) || -1}`,
      );
      break;
  }
  if (input.outcome) parts.push(sql`d.status = ${input.outcome}`);
  const rows = db.all<{
    id: number;
    title: string;
    amount: number;
    status: string;
    closedAt: number;
    ownerReason: string;
    accountName: string;
    ownerName: string;
  }>(sql`SELECT d.id, d.title, d.amount, d.status, d.closed_at AS closedAt, d.owner_reason AS ownerReason,
      a.name AS accountName, u.name AS ownerName
    FROM deals d ${join} JOIN accounts a ON a.id = d.account_id JOIN users u ON u.id = d.owner_id
    WHERE ${sql.join(parts, sql` AND `)}
    ORDER BY d.closed_at DESC, d.id DESC LIMIT ${input.limit + 1} OFFSET ${input.offset}`);
  return { items: rows.slice(0, input.limit), hasMore: rows.length > input.limit };
}
