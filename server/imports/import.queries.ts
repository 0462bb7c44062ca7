// Applying an order file (issue #3 §4). All or nothing: bad rows are reported and nothing is written unless
// allowPartial; the file is read and checked before the write, and the write is one immediate transaction of
// set-wise statements (a crash leaves the database as it was); a dry run performs the whole write inside the
// transaction and rolls it back, so its summary is exact. Orders go through recordOrders, the path the order
// form takes. Idempotent: orders already present (same account, same order reference) are left as they are.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
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
    /** Bench hook: milliseconds per step (lib/step-trace.ts). */
    trace?: StepTrace;
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

  let summary = null as ImportSummary | null;
  try {
    timed(trace, "write transaction", () =>
      inTransaction(db, (t) => {
        summary = writeOrders(t, actor, fileOrders, now, {
          rowsRead: table.rows.length,
          rowsSkipped: errors.length,
          failAfterWrite: input.failAfterWrite,
          trace,
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

/**
 * Accounts matched by external reference or created (on the suspect rung from their first order, a person or a
 * company as the file says), then the new orders through recordOrders: the same path as the order form.
 */
function writeOrders(
  t: Db,
  actor: Actor | null,
  fileOrders: FileOrder[],
  now: number,
  extra: { rowsRead: number; rowsSkipped: number; failAfterWrite?: () => void; trace?: StepTrace },
): ImportSummary {
  const trace = extra.trace;
  const idByRef = new Map<string, number>();
  const refs = [...new Set(fileOrders.map((o) => o.accountRef))];
  // json_each takes the whole list as one parameter: no chunking against SQLite's variable limit.
  for (const r of timed(trace, "tx:match accounts", () =>
    t.all<{ id: number; ref: string }>(
      sql`SELECT id, external_ref AS ref FROM accounts WHERE external_ref IN (SELECT value FROM json_each(${JSON.stringify(refs)}))`,
    ),
  ))
    idByRef.set(r.ref, r.id);
  const accountsMatched = idByRef.size;

  // The account each new reference describes: named, kind and segment from its first line, since its first order.
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
  if (created.length)
    timed(trace, "tx:create accounts", () => {
      const rows = t.all<{ id: number; ref: string; at: number }>(sql`
      INSERT INTO accounts (external_ref, name, search_name, kind, segment, rung, rung_since, status, status_since,
        created_at, updated_at)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 'suspect', value ->> 5, 'active',
        value ->> 5, ${now}, ${now}
      FROM json_each(${JSON.stringify(created)}) ORDER BY key
      RETURNING id, external_ref AS ref, rung_since AS at`);
      for (const r of rows) idByRef.set(r.ref, r.id);
      // Each is on the ladder from its first order: the move onto suspect is dated there and recorded first.
      t.run(sql`
      INSERT INTO ladder_moves (account_id, from_rung, to_rung, from_status, to_status, at, by_user_id, reason, evidence)
      SELECT value ->> 0, NULL, 'suspect', NULL, 'active', value ->> 1, ${actor?.id ?? null}, 'import',
        json_object('externalRef', value ->> 2)
      FROM json_each(${JSON.stringify(rows.sort((a, b) => a.id - b.id).map((r) => [r.id, r.at, r.ref]))}) ORDER BY key`);
    });

  // Orders already present (same account, same reference) are left as they are: importing twice changes nothing.
  const accountIds = [...new Set(refs.map((r) => idByRef.get(r) as number))];
  const present = new Set<string>();
  for (const o of timed(trace, "tx:orders present", () =>
    t.all<{ a: number; r: string }>(
      sql`SELECT account_id AS a, external_ref AS r FROM orders
        WHERE account_id IN (SELECT value FROM json_each(${JSON.stringify(accountIds)})) AND external_ref IS NOT NULL`,
    ),
  ))
    present.add(`${o.a}\u0000${o.r}`);
  const newOrders: OrderToRecord[] = [];
  for (const o of fileOrders) {
    const accountId = idByRef.get(o.accountRef) as number;
    if (present.has(`${accountId}\u0000${o.orderRef}`)) continue;
    newOrders.push({
      accountId,
      externalRef: o.orderRef,
      orderedAt: o.orderedAt,
      amount: o.amount,
      margin: o.margin,
      category: o.category,
    });
  }
  recordOrders(t, { orders: newOrders, asOf: now, actorId: actor?.id ?? null, trace });
  extra.failAfterWrite?.();

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
    accountsCreated: created.length,
    accountsMatched,
    accountsPerRung,
  };
}
