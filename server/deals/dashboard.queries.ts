// The sales lead's win/loss dashboard (issue #4 §3). Each procedure is a few GROUP BY statements over
// covering indexes (deals_closed_idx, deal_reviews_closed_idx); the rules turn the counts into rates,
// Pareto bars and the agreement matrix.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { periodIndex, periodLabel } from "../executive/retention.rules";
import { getSetting } from "../settings/settings.queries";
import type { DashboardInput, DrillInput } from "./deals.schemas";
import { agreementMatrix, pareto, winRate } from "./win-loss.rules";

type Grain = DashboardInput["grain"];

/** The period index of a millisecond column, in SQL, matching retention.rules periodIndex. */
function periodSql(column: SQL, grain: Grain): SQL {
  const month = sql`(CAST(strftime('%Y', ${column} / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ${column} / 1000, 'unixepoch') AS INTEGER) - 1)`;
  return grain === "month" ? month : sql`(${month} / 3)`;
}

/** WHERE for closed deals (alias d) or reviews (alias r) in the period, for the chosen owners and segment. */
function filterSql(alias: "d" | "r", f: DashboardInput): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [sql`${a}.closed_at >= ${f.from} AND ${a}.closed_at < ${f.to}`];
  if (alias === "d") parts.push(sql`d.status <> 'open'`);
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
  for (const r of rows) by.set(r.k, [...(by.get(r.k) ?? []), r]);
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
export function winRates(db: Db, f: DashboardInput) {
  const where = filterSql("d", f);
  const period = periodSql(sql`d.closed_at`, f.grain);
  const series = db.all<{ k: number; status: string; n: number }>(
    sql`SELECT ${period} AS k, d.status AS status, count(*) AS n FROM deals d WHERE ${where} GROUP BY 1, 2`,
  );
  const byOwner = db.all<{ k: string; status: string; n: number }>(
    sql`SELECT d.owner_id AS k, d.status AS status, count(*) AS n FROM deals d WHERE ${where} GROUP BY 1, 2`,
  );
  const bySegment = db.all<{ k: string | null; status: string; n: number }>(
    sql`SELECT d.segment AS k, d.status AS status, count(*) AS n FROM deals d WHERE ${where} GROUP BY 1, 2`,
  );
  const perPeriod = new Map(groupOutcomes(series).map((p) => [p.key, p]));
  const first = periodIndex(f.from, f.grain);
  const last = periodIndex(f.to - 1, f.grain);
  const periods = [];
  for (let p = first; p <= last && periods.length < 400; p += 1) {
    const o = perPeriod.get(p) ?? { won: 0, lost: 0, noDecision: 0, winRate: null };
    periods.push({
      period: periodLabel(p, f.grain),
      won: o.won,
      lost: o.lost,
      noDecision: o.noDecision,
      winRate: o.winRate,
    });
  }
  const owners = groupOutcomes(byOwner);
  const names = userNames(
    db,
    owners.map((o) => o.key),
  );
  return {
    total: outcomes(series),
    periods,
    byOwner: owners
      .map(({ key, ...o }) => ({ ownerId: key, name: names.get(key) ?? key, ...o }))
      .sort((a, b) => b.won + b.lost - (a.won + a.lost)),
    bySegment: groupOutcomes(bySegment)
      .map(({ key, ...o }) => ({ segment: key, ...o }))
      .sort((a, b) => b.won + b.lost - (a.won + a.lost)),
  };
}

/** Reasons for wins and for losses as Pareto bars: the owners' stated reasons and the reviewers' findings. */
export function winLossReasons(db: Db, f: DashboardInput) {
  const owner = db.all<{ status: string; reason: string; n: number }>(
    sql`SELECT d.status AS status, d.owner_reason AS reason, count(*) AS n FROM deals d
      WHERE ${filterSql("d", f)} AND d.status IN ('won', 'lost') GROUP BY 1, 2`,
  );
  const buyer = db.all<{ status: string; reason: string; n: number }>(
    sql`SELECT r.outcome AS status, r.primary_reason AS reason, count(*) AS n FROM deal_reviews r
      WHERE ${filterSql("r", f)} AND r.outcome IN ('won', 'lost') GROUP BY 1, 2`,
  );
  const bars = (rows: typeof owner, status: string) =>
    pareto(rows.filter((r) => r.status === status).map((r) => ({ key: r.reason, count: r.n })));
  return {
    won: { owner: bars(owner, "won"), buyer: bars(buyer, "won") },
    lost: { owner: bars(owner, "lost"), buyer: bars(buyer, "lost") },
  };
}

/**
 * The rep-versus-buyer gap over reviewed deals: the agreement matrix (owner's primary reason × buyer's),
 * the agreement rate, claimed-versus-given per reason, and per owner.
 */
export function reasonGap(db: Db, f: DashboardInput) {
  const rows = db.all<{ ownerId: string; ownerReason: string; buyerReason: string; n: number }>(
    sql`SELECT r.owner_id AS ownerId, r.owner_reason AS ownerReason, r.primary_reason AS buyerReason, count(*) AS n
      FROM deal_reviews r WHERE ${filterSql("r", f)} GROUP BY 1, 2, 3`,
  );
  const taxonomy = getSetting(db, "winLossReasons");
  const pairs = (list: typeof rows) =>
    list.map((r) => ({ ownerReason: r.ownerReason, buyerReason: r.buyerReason, count: r.n }));
  const overall = agreementMatrix(pairs(rows), taxonomy);
  const ownerIds = [...new Set(rows.map((r) => r.ownerId))];
  const names = userNames(db, ownerIds);
  const byOwner = ownerIds
    .map((id) => {
      const m = agreementMatrix(pairs(rows.filter((r) => r.ownerId === id)), taxonomy);
      return {
        ownerId: id,
        name: names.get(id) ?? id,
        reviewed: m.total,
        agreementRate: m.agreementRate,
        perReason: m.perReason.filter((p) => p.claimed || p.given),
      };
    })
    .sort((a, b) => b.reviewed - a.reviewed);
  return { ...overall, byOwner };
}

/** Lost to which competitors, and the win-back pipeline: lost deals whose review set actions still open. */
export function competitorsAndPipeline(db: Db, f: DashboardInput, now = Date.now()) {
  const where = filterSql("d", f);
  const competitors = db.all<{ competitor: string; n: number; amount: number }>(
    sql`SELECT d.competitor AS competitor, count(*) AS n, sum(d.amount) AS amount FROM deals d
      WHERE ${where} AND d.status = 'lost' AND d.competitor IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15`,
  );
  const lostTotal =
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM deals d WHERE ${where} AND d.status = 'lost'`)?.n ??
    0;
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
  }>(sql`SELECT d.id AS dealId, d.title AS title, d.amount AS amount, d.closed_at AS closedAt,
        d.account_id AS accountId, a.name AS accountName, count(*) AS actions,
        sum(t.done_at IS NOT NULL) AS done, sum(t.done_at IS NULL AND t.due_at < ${now}) AS overdue,
        min(CASE WHEN t.done_at IS NULL THEN t.due_at END) AS nextDueAt
      FROM deals d
      JOIN deal_review_actions x ON x.deal_id = d.id
      JOIN tasks t ON t.id = x.task_id
      JOIN accounts a ON a.id = d.account_id
      WHERE ${where} AND d.status = 'lost'
      GROUP BY d.id HAVING count(*) > sum(t.done_at IS NOT NULL)
      ORDER BY nextDueAt, d.id LIMIT 50`);
  return { competitors, lostTotal, pipeline };
}

/** The deals behind one bar of the dashboard, newest first. */
export function dealsBehind(db: Db, input: DrillInput) {
  const f = input.filters;
  const parts: SQL[] = [filterSql("d", f)];
  let join = sql``;
  switch (input.kind) {
    case "period": {
      parts.push(sql`${periodSql(sql`d.closed_at`, f.grain)} = ${periodFromLabel(input.value, f.grain)}`);
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
      parts.push(sql`d.competitor = ${input.value}`);
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

/** "2026-03" or "2026-Q1" back to its period index; -1 (matches nothing) when malformed. */
export function periodFromLabel(label: string, grain: Grain): number {
  const m = grain === "month" ? /^(\d{4})-(\d{2})$/.exec(label) : /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) return -1;
  const year = Number(m[1]);
  const n = Number(m[2]);
  return grain === "month" ? year * 12 + n - 1 : year * 4 + n - 1;
}
