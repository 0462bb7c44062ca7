// Applying an order file (issue #3 §4). All or nothing: bad rows are reported and nothing is written unless
// allowPartial; the file is read and checked before the write, and the write is one immediate transaction of
// set-wise statements (a crash leaves the database as it was); a dry run performs the whole write inside the
// transaction and rolls it back, so its summary is exact. Orders go through recordOrders, the path the order
// form takes. Idempotent: orders already present (same account, same order reference) are left as they are.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { bulkWrite, SET_WISE_MIN_ROWS } from "@/db/bulk-rollups";
import type { Db } from "@/db/client";
import { ALL_RUNGS, orderImports, type Rung } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { type StepTrace, timed } from "@/lib/step-trace";
import { searchNameOf } from "../accounts/accounts.queries";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { type OrderToRecord, recordOrders } from "../orders/record-orders";
import { CsvFormatError, groupOrders, type RowError, readCsv, readOrderLines } from "./import.parse";
import type { ColumnMapping } from "./import.schemas";

export type ImportSummary = {
  rowsRead: number;
  rowsSkipped: number;
  ordersInFile: number;
  ordersCreated: number;
  ordersAlreadyPresent: number;
  accountsCreated: number;
  accountsMatched: number;
  accountsPerRung: Partial<Record<Rung, number>>;
};

/** summary is null when the file was refused (bad rows without allowPartial, or unmapped columns). */
export type ImportResult = {
  applied: boolean;
  dryRun: boolean;
  summary: ImportSummary | null;
  errors: RowError[];
};

class DryRun extends Error {}

export function runImport(
  db: Db,
  actor: Actor | null,
  input: {
    fileName: string;
    csv: string;
    mapping: ColumnMapping;
    dryRun?: boolean;
    allowPartial?: boolean;
    now?: number;
    /** Test hook: called inside the transaction after the orders are written. */
    failAfterWrite?: () => void;
    /** Test hook: called between the plan and the write transaction (another user's write lands there). */
    afterPlan?: () => void;
    /** Bench hook: milliseconds per step (lib/step-trace.ts). */
    trace?: StepTrace;
    /** Test hook: the rollups set-wise or through their triggers (default: set-wise from SET_WISE_MIN_ROWS). */
    setWiseRollups?: boolean;
  },
): ImportResult {
  const trace = input.trace;
  const now = input.now ?? Date.now();
  const dryRun = input.dryRun ?? false;
  const refused = (errors: RowError[]): ImportResult => ({ applied: false, dryRun, summary: null, errors });
  // Reading, validating and grouping happen before the write transaction: the database is locked only to write.
  let table: ReturnType<typeof readCsv>;
  try {
    table = timed(trace, "read csv", () => readCsv(input.csv));
  } catch (error) {
    if (error instanceof CsvFormatError) return refused([{ line: error.line, reason: error.reason }]);
    throw error;
  }
  const missing = (["account_ref", "account_name", "order_ref", "ordered_at", "amount", "margin"] as const)
    .map((f) => input.mapping[f])
    .concat(
      [input.mapping.segment, input.mapping.category, input.mapping.kind].filter((c): c is string =>
        Boolean(c),
      ),
    )
    .filter((c) => !table.header.includes(c));
  if (missing.length) return refused([{ line: 1, reason: `columns not in the file: ${missing.join(", ")}` }]);
  const { lines, errors } = timed(trace, "check lines", () => readOrderLines(table, input.mapping));
  if (errors.length && !input.allowPartial) return refused(errors);
  const fileOrders = timed(trace, "group orders", () => groupOrders(lines));

  // Planning reads only, before the write transaction; inside it the plan is checked and, if the database
  // changed under it meanwhile, made again there.
  const refsJson = JSON.stringify([...new Set(fileOrders.map((o) => o.accountRef))]);
  const planned = timed(trace, "plan", () => planOrders(db, fileOrders, refsJson));
  input.afterPlan?.();

  let summary = null as ImportSummary | null;
  try {
    timed(trace, "write transaction", () =>
      inTransaction(db, (t) => {
        const plan = timed(trace, "tx:check plan", () =>
          planStillHolds(t, planned, refsJson) ? planned : planOrders(t, fileOrders, refsJson),
        );
        summary = writeOrders(t, actor, fileOrders, plan, now, {
          rowsRead: table.rows.length,
          rowsSkipped: errors.length,
          failAfterWrite: input.failAfterWrite,
          trace,
          setWiseRollups: input.setWiseRollups,
        });
        if (dryRun) throw new DryRun();
        const sha = createHash("sha256").update(input.csv).digest("hex");
        const row = t
          .insert(orderImports)
          .values({
            fileName: input.fileName,
            fileHash: sha,
            byUserId: actor?.id ?? null,
            at: now,
            summary: JSON.stringify(summary),
          })
          .returning({ id: orderImports.id })
          .get();
        recordAudit(t, {
          actorId: actor?.id ?? null,
          action: "orders.import",
          entity: "order_import",
          entityId: row.id,
          after: { fileName: input.fileName, sha256: sha, ...summary },
          at: now,
        });
      }),
    );
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return { applied: !dryRun, dryRun, summary, errors };
}

type FileOrder = ReturnType<typeof groupOrders>[number];

/** What the file will write, worked out from the database as it stood before the write transaction. */
type OrderPlan = {
  /** Accounts matched by external reference. */
  idByRef: Map<string, number>;
  /** [reference, name, search name, kind, segment, first order] of each account to create, as JSON. */
  created: string;
  createdCount: number;
  /** Orders already present (account id, order reference): left as they are. */
  present: Set<string>;
  /** The file's orders not present yet; an account to create is known by its reference until it has an id. */
  newOrders: (Omit<OrderToRecord, "accountId"> & { accountRef: string })[];
};

const presentKey = (accountId: number, orderRef: string) => `${accountId}\u0000${orderRef}`;

function matchAccounts(db: Db, refsJson: string): Map<string, number> {
  // json_each takes the whole list as one parameter: no chunking against SQLite's variable limit.
  return new Map(
    db
      .all<{ id: number; ref: string }>(
        sql`SELECT id, external_ref AS ref FROM accounts WHERE external_ref IN (SELECT value FROM json_each(${refsJson}))`,
      )
      .map((r) => [r.ref, r.id]),
  );
}

function presentOrders(db: Db, idByRef: Map<string, number>): Set<string> {
  const present = new Set<string>();
  if (idByRef.size === 0) return present;
  for (const o of db.all<{ a: number; r: string }>(
    sql`SELECT account_id AS a, external_ref AS r FROM orders
        WHERE account_id IN (SELECT value FROM json_each(${JSON.stringify([...idByRef.values()])}))
          AND external_ref IS NOT NULL`,
  ))
    present.add(presentKey(o.a, o.r));
  return present;
}

/**
 * Reads only: which accounts exist, which orders are already present, the accounts to create (named, kind and
 * segment from their first line, since their first order) and the orders to write.
 */
function planOrders(db: Db, fileOrders: FileOrder[], refsJson: string): OrderPlan {
  const idByRef = matchAccounts(db, refsJson);
  const present = presentOrders(db, idByRef);
  const firstOf = new Map<string, FileOrder>();
  for (const o of fileOrders) {
    if (idByRef.has(o.accountRef)) continue;
    const seen = firstOf.get(o.accountRef);
    if (!seen || o.orderedAt < seen.orderedAt)
      firstOf.set(o.accountRef, { ...o, segment: seen?.segment ?? o.segment });
    else seen.segment ??= o.segment;
  }
  const created = [...firstOf.values()].map((o) => [
    o.accountRef,
    o.accountName,
    searchNameOf(o.accountName),
    o.kind,
    o.segment,
    o.orderedAt,
  ]);
  const newOrders: OrderPlan["newOrders"] = [];
  for (const o of fileOrders) {
    const accountId = idByRef.get(o.accountRef);
    if (accountId !== undefined && present.has(presentKey(accountId, o.orderRef))) continue;
    newOrders.push({
      accountRef: o.accountRef,
      externalRef: o.orderRef,
      orderedAt: o.orderedAt,
      amount: o.amount,
      margin: o.margin,
      category: o.category,
    });
  }
  return { idByRef, created: JSON.stringify(created), createdCount: created.length, present, newOrders };
}

/**
 * Inside the write transaction: is what the plan was made against still so? The same two reads again (an
 * account created, renamed or deleted, or an order recorded meanwhile, changes one of them).
 */
function planStillHolds(t: Db, plan: OrderPlan, refsJson: string): boolean {
  const idByRef = matchAccounts(t, refsJson);
  if (idByRef.size !== plan.idByRef.size) return false;
  for (const [ref, id] of idByRef) if (plan.idByRef.get(ref) !== id) return false;
  const present = presentOrders(t, idByRef);
  if (present.size !== plan.present.size) return false;
  for (const key of present) if (!plan.present.has(key)) return false;
  return true;
}

/**
 * The write: the planned accounts created (on the suspect rung from their first order, a person or a company as
 * the file says), then the new orders through recordOrders: the same path as the order form.
 */
function writeOrders(
  t: Db,
  actor: Actor | null,
  fileOrders: FileOrder[],
  plan: OrderPlan,
  now: number,
  extra: {
    rowsRead: number;
    rowsSkipped: number;
    failAfterWrite?: () => void;
    trace?: StepTrace;
    setWiseRollups?: boolean;
  },
): ImportSummary {
  const trace = extra.trace;
  const idByRef = new Map(plan.idByRef);
  // A large file keeps the rollups set-wise (db/bulk-rollups.ts): the matched accounts and those it creates.
  const setWise = extra.setWiseRollups ?? plan.newOrders.length + plan.createdCount >= SET_WISE_MIN_ROWS;
  const newOrders = bulkWrite(t, [...plan.idByRef.values()], () => write(), { setWise, trace });

  function write(): OrderToRecord[] {
    if (plan.createdCount) {
      timed(trace, "tx:create accounts", () => {
        const rows = t.all<{ id: number; ref: string; at: number }>(sql`
        INSERT INTO accounts (external_ref, name, search_name, kind, segment, rung, rung_since, status,
          status_since, created_at, updated_at)
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 'suspect', value ->> 5, 'active',
          value ->> 5, ${now}, ${now}
        FROM json_each(${plan.created}) ORDER BY key
        RETURNING id, external_ref AS ref, rung_since AS at`);
        for (const r of rows) idByRef.set(r.ref, r.id);
        // Each is on the ladder from its first order: the move onto suspect is dated there and recorded first.
        t.run(sql`
        INSERT INTO ladder_moves (account_id, from_rung, to_rung, from_status, to_status, at, by_user_id, reason,
          evidence)
        SELECT value ->> 0, NULL, 'suspect', NULL, 'active', value ->> 1, ${actor?.id ?? null}, 'import',
          json_object('externalRef', value ->> 2)
        FROM json_each(${JSON.stringify(rows.sort((a, b) => a.id - b.id).map((r) => [r.id, r.at, r.ref]))})
        ORDER BY key`);
      });
    }
    const newOrders: OrderToRecord[] = plan.newOrders.map(({ accountRef, ...o }) => ({
      accountId: idByRef.get(accountRef) as number,
      ...o,
    }));
    recordOrders(t, { orders: newOrders, asOf: now, actorId: actor?.id ?? null, trace });
    extra.failAfterWrite?.();
    return newOrders;
  }

  const accountIds = [...new Set(idByRef.values())];
  const perRung: Partial<Record<Rung, number>> = {};
  for (const r of timed(trace, "tx:per rung", () =>
    t.all<{ rung: Rung; n: number }>(
      sql`SELECT rung, count(*) AS n FROM accounts WHERE id IN (SELECT value FROM json_each(${JSON.stringify(accountIds)})) GROUP BY rung`,
    ),
  ))
    perRung[r.rung] = r.n;
  const accountsPerRung = Object.fromEntries(ALL_RUNGS.filter((r) => perRung[r]).map((r) => [r, perRung[r]]));
  return {
    rowsRead: extra.rowsRead,
    rowsSkipped: extra.rowsSkipped,
    ordersInFile: fileOrders.length,
    ordersCreated: newOrders.length,
    ordersAlreadyPresent: fileOrders.length - newOrders.length,
    accountsCreated: plan.createdCount,
    accountsMatched: plan.idByRef.size,
    accountsPerRung,
  };
}
