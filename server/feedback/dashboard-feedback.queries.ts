// The feedback dashboard's feedback side (issue #13 §4): themes as Pareto bars by customer interface, staff
// credited for sharing feedback, what waits for action and how long closing takes (feedback and survey loops:
// median, p90), and the share of new accounts that came by referral.

import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { CUSTOMER_INTERFACES, type FeedbackAccountDim, SENTIMENTS } from "@/db/schema";
import { pareto } from "@/lib/pareto";
import { lastMonthsWindow, monthIndexesOf, periodLabel } from "@/lib/periods";
import { quantileRanksSql, quantilesFromRanks, ranksToFetch } from "@/lib/quantiles";
import { WORD_OF_MOUTH } from "./dashboard.rules";
import type { FeedbackDashboardFilters } from "./dashboard.schemas";

const F = sql.raw("feedback f INDEXED BY feedback_dashboard_idx");

const ACCOUNT_FILTERS = [
  ["segment", "segment", "segment"],
  ["ownerId", "owner", "owner_id"],
  ["rung", "rung", "rung"],
  ["level", "level", "level"],
] as const satisfies readonly (readonly [keyof FeedbackDashboardFilters, FeedbackAccountDim, string])[];

/** The segment, owner, rung and level chosen, with their rollup dimension and accounts' column. */
function accountFilters(f: FeedbackDashboardFilters) {
  return ACCOUNT_FILTERS.filter(([k]) => f[k]).map(([k, dim, column]) => ({
    dim,
    column,
    value: f[k] as string,
  }));
}

/** Segment, owner, rung and level filters on feedback: the account as it is now. */
function accountScope(f: FeedbackDashboardFilters, alias: string): SQL[] {
  return accountFilters(f).map(({ column, value }) => sql`${sql.raw(`${alias}.${column}`)} = ${value}`);
}

function feedbackWhere(f: FeedbackDashboardFilters, now: number, fromMonth?: number) {
  const range = lastMonthsWindow(now, f.months);
  const months = monthIndexesOf(range);
  const first = months[0] ?? 0;
  const last = months[months.length - 1] ?? 0;
  const scoped = accountScope(f, "a");
  const parts: SQL[] = [
    sql`f.received_month BETWEEN ${fromMonth ?? first} AND ${last}`,
    sql`f.received_at >= ${range.from} AND f.received_at < ${range.to}`,
  ];
  if (scoped.length) {
    parts.push(sql`f.account_id IN (SELECT a.id FROM accounts a WHERE ${sql.join(scoped, sql` AND `)})`);
  }
  return { range, months, first, last, scoped: scoped.length > 0, where: sql.join(parts, sql` AND `) };
}

type ThemeRow = { theme: string; iface: string; sentiment: string; n: number };
type CreditRow = { userId: string; name: string; count: number; problems: number };

/**
 * Pieces per theme, interface and sentiment, and per person who shared them (of one interface, if chosen).
 * Without account filters: the rollups for the whole months of the window and the feedback table for the
 * month still running; with one (the accounts as they are now), the rollups per value of that dimension of the
 * account (feedback_theme_dim_rollup, feedback_credit_dim_rollup) and the running month's rows likewise; with
 * more, those accounts' feedback through feedback_account_themes_idx. `rollups` false: the plain computation
 * over the period's rows (the tests compare both).
 */
function themeCounts(db: Db, f: FeedbackDashboardFilters, now: number, rollups: boolean) {
  const w = feedbackWhere(f, now);
  const iface = (col: string) => (f.interface ? sql`AND ${sql.raw(col)} = ${f.interface}` : sql``);
  const creditOf = (counts: SQL) =>
    db.all<CreditRow>(
      sql`SELECT u.id AS userId, u.name, c.n AS count, c.p AS problems FROM (${counts}) c
        JOIN users u ON u.id = c.uid ORDER BY c.n DESC, u.name LIMIT 50`,
    );
  if (!rollups) {
    const where = w.where;
    return {
      range: w.range,
      rows: db.all<ThemeRow>(
        sql`SELECT f.theme, f.interface AS iface, f.sentiment, count(*) AS n FROM ${F} WHERE ${where}
          GROUP BY 1, 2, 3`,
      ),
      credit: creditOf(
        sql`SELECT f.recorded_by_id AS uid, count(*) AS n, sum(f.sentiment = 'problem') AS p FROM ${F}
          WHERE ${where} ${iface("f.interface")} GROUP BY 1`,
      ),
    };
  }
  // The rollups' whole months (`whole`, on r) and the running month's rows (`running`: FROM … WHERE … on f),
  // summed together: the themes and the credit.
  const fromRollups = (theme: string, credit: string, whole: SQL, running: SQL) => ({
    range: w.range,
    rows: db.all<ThemeRow>(
      sql`SELECT theme, iface, sentiment, sum(n) AS n FROM (
          SELECT r.theme, r.interface AS iface, r.sentiment, r.n FROM ${sql.raw(theme)} r WHERE ${whole}
          UNION ALL
          SELECT f.theme, f.interface, f.sentiment, 1 ${running}
        ) GROUP BY 1, 2, 3 HAVING sum(n) > 0`,
    ),
    credit: creditOf(
      sql`SELECT uid, sum(n) AS n, sum(p) AS p FROM (
          SELECT r.recorded_by_id AS uid, r.n, r.problems AS p FROM ${sql.raw(credit)} r
          WHERE ${whole} ${iface("r.interface")}
          UNION ALL
          SELECT f.recorded_by_id, 1, f.sentiment = 'problem' ${running} ${iface("f.interface")}
        ) GROUP BY 1 HAVING sum(n) > 0`,
    ),
  });
  const [one, ...more] = accountFilters(f);
  if (one && !more.length && w.last > w.first) {
    // One filter: the rollups for the whole months (one value of a dimension of the account now) and the running
    // month's rows of the accounts with that value (each row's account looked up).
    return fromRollups(
      "feedback_theme_dim_rollup",
      "feedback_credit_dim_rollup",
      sql`r.dim = ${one.dim} AND r.value = ${one.value} AND r.month BETWEEN ${w.first} AND ${w.last - 1}`,
      sql`FROM ${F} CROSS JOIN accounts a
        WHERE f.received_month = ${w.last} AND f.received_at >= ${w.range.from} AND f.received_at < ${w.range.to}
          AND a.id = f.account_id AND ${sql.raw(`a.${one.column}`)} = ${one.value}`,
    );
  }
  if (w.scoped) {
    // Two or more filters: those accounts' rows, read once through feedback_account_themes_idx: counts per theme,
    // interface, sentiment and person, summed here into the themes and the credit.
    const counts = db.all<ThemeRow & { uid: string }>(
      sql`SELECT f.theme, f.interface AS iface, f.sentiment, f.recorded_by_id AS uid, count(*) AS n
        FROM feedback f INDEXED BY feedback_account_themes_idx
        WHERE f.received_at >= ${w.range.from} AND f.received_at < ${w.range.to}
          AND f.account_id IN (SELECT a.id FROM accounts a WHERE ${sql.join(accountScope(f, "a"), sql` AND `)})
        GROUP BY 1, 2, 3, 4`,
    );
    const rows = new Map<string, ThemeRow>();
    const people = new Map<string, { n: number; p: number }>();
    for (const c of counts) {
      const key = `${c.theme}\u0000${c.iface}\u0000${c.sentiment}`;
      const row = rows.get(key) ?? { theme: c.theme, iface: c.iface, sentiment: c.sentiment, n: 0 };
      row.n += c.n;
      rows.set(key, row);
      if (f.interface && c.iface !== f.interface) continue;
      const person = people.get(c.uid) ?? { n: 0, p: 0 };
      person.n += c.n;
      person.p += c.sentiment === "problem" ? c.n : 0;
      people.set(c.uid, person);
    }
    const values = [...people].map(([uid, c]) => sql`(${uid}, ${c.n}, ${c.p})`);
    return {
      range: w.range,
      rows: [...rows.values()],
      credit: values.length
        ? creditOf(
            sql`SELECT column1 AS uid, column2 AS n, column3 AS p FROM (VALUES ${sql.join(values, sql`, `)})`,
          )
        : [],
    };
  }
  return fromRollups(
    "feedback_theme_rollup",
    "feedback_credit_rollup",
    sql`r.month BETWEEN ${w.first} AND ${w.last - 1}`,
    sql`FROM ${F} WHERE ${feedbackWhere(f, now, w.last).where}`,
  );
}

/**
 * Themes as Pareto bars (all interfaces, or the one chosen), each theme's count per interface, the sentiment
 * mix, and how many pieces each person shared (credit where it is due).
 */
export function feedbackThemes(db: Db, f: FeedbackDashboardFilters, now = Date.now(), rollups = true) {
  const { range, rows, credit } = themeCounts(db, f, now, rollups);
  const chosen = f.interface ? rows.filter((r) => r.iface === f.interface) : rows;
  const byTheme = new Map<string, number>();
  for (const r of chosen) byTheme.set(r.theme, (byTheme.get(r.theme) ?? 0) + r.n);
  const bars = pareto([...byTheme].map(([key, count]) => ({ key, count })));
  const interfaces = CUSTOMER_INTERFACES.filter((i) => rows.some((r) => r.iface === i));
  const themes = bars.map((b) => b.key);
  const matrix = themes.map((theme) => ({
    theme,
    counts: Object.fromEntries(
      interfaces.map((i) => [
        i,
        rows.filter((r) => r.theme === theme && r.iface === i).reduce((s, r) => s + r.n, 0),
      ]),
    ),
  }));
  const sentiments = Object.fromEntries(
    SENTIMENTS.map((s) => [s, chosen.filter((r) => r.sentiment === s).reduce((t, r) => t + r.n, 0)]),
  ) as Record<(typeof SENTIMENTS)[number], number>;
  return {
    from: range.from,
    to: range.to,
    total: bars.reduce((s, b) => s + b.count, 0),
    pareto: bars,
    interfaces,
    matrix,
    sentiments,
    credit,
  };
}

/** Median and p90 of a duration column over rows matching `where`, walking `index` to the wanted ranks. */
function quantiles(db: Db, table: SQL, col: SQL, where: SQL, n: number) {
  const ranks = ranksToFetch(n);
  const rows = ranks.length
    ? db.all<{ rn: number; v: number }>(
        sql.join(
          ranks.map(
            (r) =>
              sql`SELECT ${r} AS rn, (SELECT ${col} FROM ${table} WHERE ${col} IS NOT NULL AND ${where}
                ORDER BY ${col} LIMIT 1 OFFSET ${r - 1}) AS v`,
          ),
          sql` UNION ALL `,
        ),
      )
    : [];
  return quantilesFromRanks(n, rows);
}

/**
 * What waits and how long it took: feedback with an owner and a due date still open (and how many are
 * overdue), the time from asking for action to closing (median, p90) of feedback asked for in the period; the
 * same for survey follow-ups (close the loop), from the answer to the loop closed. With account filters (the
 * accounts as they are now), one statement: the accounts chosen (or, when they are most, the others) are
 * listed once, not once per figure.
 */
export function waitingAndLoops(db: Db, f: FeedbackDashboardFilters, now = Date.now(), others?: boolean) {
  const range = lastMonthsWindow(now, f.months);
  const scoped = accountScope(f, "a");
  if (scoped.length) {
    // Level is in no index of the accounts but this narrow one (the planner reached for the board's index and
    // read the rows: rung and level, 25 ms to count instead of 3).
    const from = sql.raw(f.level ? "accounts a INDEXED BY accounts_created_idx" : "accounts a");
    const accounts = sql.join(scoped, sql` AND `);
    // `others` chooses the list for the tests (both must give the same figures); otherwise the count does.
    return waitingAndLoopsOf(db, from, accounts, range, now, others ?? !fewAccounts(db, from, accounts));
  }
  const open = db.get<{ open: number; overdue: number }>(
    sql`SELECT count(*) AS open, sum(f.action_due_at < ${now}) AS overdue
      FROM feedback f INDEXED BY feedback_open_idx WHERE f.status = 'open'`,
  );
  const loopsOpen = db.get<{ open: number; overdue: number }>(
    sql`SELECT count(*) AS open, sum(t.due_at < ${now}) AS overdue
      FROM surveys s INDEXED BY surveys_loop_open_idx JOIN tasks t ON t.id = s.follow_up_task_id
      WHERE s.follow_up_task_id IS NOT NULL AND s.loop_closed_at IS NULL`,
  );
  const fbWhere = sql`f.action_at >= ${range.from} AND f.action_at < ${range.to}`;
  const fbClosed =
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM feedback f INDEXED BY feedback_close_ms_idx
        WHERE f.close_ms IS NOT NULL AND ${fbWhere}`,
    )?.n ?? 0;
  const loopWhere = sql`s.answered_at >= ${range.from} AND s.answered_at < ${range.to}`;
  const loopsClosed =
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM surveys s INDEXED BY surveys_loop_ms_idx
        WHERE s.loop_ms IS NOT NULL AND ${loopWhere}`,
    )?.n ?? 0;
  return {
    feedback: {
      open: open?.open ?? 0,
      overdue: open?.overdue ?? 0,
      closed: fbClosed,
      ...quantiles(
        db,
        sql.raw("feedback f INDEXED BY feedback_close_ms_idx"),
        sql.raw("f.close_ms"),
        fbWhere,
        fbClosed,
      ),
    },
    loops: {
      open: loopsOpen?.open ?? 0,
      overdue: loopsOpen?.overdue ?? 0,
      closed: loopsClosed,
      ...quantiles(
        db,
        sql.raw("surveys s INDEXED BY surveys_loop_ms_idx"),
        sql.raw("s.loop_ms"),
        loopWhere,
        loopsClosed,
      ),
    },
  };
}

/**
 * Whether the accounts matching `accounts` (alias a) are at most half of all accounts: then listing them is the
 * shorter list, otherwise listing the others is. SQLite builds the list again for each of the four figures that
 * look rows up in it, so its length is what the statement costs: on the 100k bench, waiting and loop closure
 * over 36 months listing level "reactive" (75k accounts) took 129 ms, a segment of 28k 43, one owner (3k) 16.
 */
function fewAccounts(db: Db, from: SQL, accounts: SQL): boolean {
  const row = db.get<{ chosen: number; total: number }>(
    sql`SELECT (SELECT count(*) FROM ${from} WHERE ${accounts}) AS chosen, (SELECT count(*) FROM accounts) AS total`,
  );
  return !row || row.chosen * 2 <= row.total;
}

/**
 * waitingAndLoops for the accounts matching `accounts` (on alias a), in one statement that lists those accounts
 * once — or, with `others`, the accounts not matching, and keeps rows whose account is not in that list — and
 * walks each closing-time index once, its rows numbered to pick the median's and p90's ranks. The list comes
 * from an index carrying the filters' columns (level has no index of its own; it was a scan of the accounts per
 * figure, 1.2 s at 100k accounts), in the accounts' order: SQLite builds its lookup of the list far faster from
 * ids in order (level "reactive", 36 months: 153 → 85 ms).
 */
function waitingAndLoopsOf(
  db: Db,
  from: SQL,
  accounts: SQL,
  range: { from: number; to: number },
  now: number,
  others: boolean,
) {
  // k: "open" and "loopsOpen" (n, overdue), or a ranked walk's name (its count n, a rank rn and its value v).
  type Row = { k: string; n: number; overdue: number | null; rn: number; v: number };
  const kept = sql.raw(others ? "NOT IN listed" : "IN listed");
  const ranked = (k: string) =>
    sql.raw(`SELECT '${k}', n, NULL, rn, v FROM ${k} WHERE ${quantileRanksSql("rn", "n")}`);
  const rows = db.all<Row>(
    sql`WITH listed(id) AS MATERIALIZED
        (SELECT a.id FROM ${from} WHERE ${others ? sql`(${accounts}) IS NOT 1` : accounts} ORDER BY a.id),
      feedback_ranked AS (SELECT f.close_ms AS v, row_number() OVER (ORDER BY f.close_ms) AS rn, count(*) OVER () AS n
        FROM feedback f INDEXED BY feedback_close_ms_idx
        WHERE f.close_ms IS NOT NULL AND f.action_at >= ${range.from} AND f.action_at < ${range.to}
          AND f.account_id ${kept}),
      loops_ranked AS (SELECT s.loop_ms AS v, row_number() OVER (ORDER BY s.loop_ms) AS rn, count(*) OVER () AS n
        FROM surveys s INDEXED BY surveys_loop_ms_idx
        WHERE s.loop_ms IS NOT NULL AND s.answered_at >= ${range.from} AND s.answered_at < ${range.to}
          AND s.account_id ${kept})
    SELECT 'open' AS k, count(*) AS n, sum(f.action_due_at < ${now}) AS overdue, NULL AS rn, NULL AS v
    FROM feedback f INDEXED BY feedback_open_idx WHERE f.status = 'open' AND f.account_id ${kept}
    UNION ALL
    SELECT 'loopsOpen', count(*), sum(t.due_at < ${now}), NULL, NULL
    FROM surveys s INDEXED BY surveys_loop_open_idx JOIN tasks t ON t.id = s.follow_up_task_id
    WHERE s.follow_up_task_id IS NOT NULL AND s.loop_closed_at IS NULL AND s.account_id ${kept}
    UNION ALL ${ranked("feedback_ranked")}
    UNION ALL ${ranked("loops_ranked")}`,
  );
  const figures = (open: string, closed: string) => {
    const o = rows.find((r) => r.k === open);
    const ranks = rows.filter((r) => r.k === closed);
    const n = ranks[0]?.n ?? 0;
    return { open: o?.n ?? 0, overdue: o?.overdue ?? 0, closed: n, ...quantilesFromRanks(n, ranks) };
  };
  return { feedback: figures("open", "feedback_ranked"), loops: figures("loopsOpen", "loops_ranked") };
}

/**
 * New accounts per month and how many of them came by referral, beside the literature's figures (63% of
 * buyers name a friend's recommendation as a deciding factor; 25% name TV).
 */
export function referralShare(db: Db, f: FeedbackDashboardFilters, now = Date.now()) {
  const range = lastMonthsWindow(now, f.months);
  const months = monthIndexesOf(range);
  const scoped = accountScope(f, "a");
  // One range count per month on accounts_created_idx (no per-row month arithmetic).
  const monthStart = (p: number) => Date.UTC(Math.floor(p / 12), p % 12, 1);
  const rows = months.length
    ? db.all<{ p: number; n: number; referred: number }>(
        sql.join(
          months.map(
            (p) =>
              sql`SELECT ${p} AS p, count(*) AS n, count(a.referred_by_account_id) AS referred
                FROM accounts a INDEXED BY accounts_created_idx
                WHERE a.created_at >= ${Math.max(monthStart(p), range.from)}
                  AND a.created_at < ${Math.min(monthStart(p + 1), range.to)}
                  ${scoped.length ? sql`AND ${sql.join(scoped, sql` AND `)}` : sql``}`,
          ),
          sql` UNION ALL `,
        ),
      )
    : [];
  const periods = months.map((p) => {
    const r = rows.find((x) => x.p === p);
    const n = r?.n ?? 0;
    const referred = r?.referred ?? 0;
    return { period: periodLabel(p, "month"), newAccounts: n, referred, share: n ? referred / n : null };
  });
  const total = periods.reduce((s, p) => s + p.newAccounts, 0);
  const referred = periods.reduce((s, p) => s + p.referred, 0);
  return {
    periods,
    total: { newAccounts: total, referred, share: total ? referred / total : null },
    literature: WORD_OF_MOUTH,
  };
}
