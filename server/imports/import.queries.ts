// Applying an order file (issue #3 §4). All or nothing: bad rows are reported and nothing is written unless
// allowPartial; the write is one immediate transaction (a crash leaves the database as it was); a dry run
// performs the whole import inside the transaction and rolls it back, so its summary is exact.
// Idempotent: orders already present (same account, same order reference) are left as they are.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ALL_RUNGS, accounts, orderImports, type Rung } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { recordLadderMove } from "../ladder/ladder.queries";
import { rungAfterOrders } from "../ladder/ladder.rules";
import { afterImport } from "./after-import";
import { groupOrders, type RowError, readCsv, readOrderLines } from "./import.parse";
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
  },
): ImportResult {
  const now = input.now ?? Date.now();
  const dryRun = input.dryRun ?? false;
  const table = readCsv(input.csv);
  const missing = (["account_ref", "account_name", "order_ref", "ordered_at", "amount", "margin"] as const)
    .map((f) => input.mapping[f])
    .concat([input.mapping.segment, input.mapping.category].filter((c): c is string => Boolean(c)))
    .filter((c) => !table.header.includes(c));
  if (missing.length) {
    return {
      applied: false,
      dryRun,
      summary: null,
      errors: [{ line: 1, reason: `columns not in the file: ${missing.join(", ")}` }],
    };
  }
  const { lines, errors } = readOrderLines(table, input.mapping);
  if (errors.length && !input.allowPartial) return { applied: false, dryRun, summary: null, errors };
  const fileOrders = groupOrders(lines);

  let summary = null as ImportSummary | null;
  try {
    inTransaction(db, (t) => {
      summary = writeOrders(t, db.$client, actor, fileOrders, now, {
        rowsRead: table.rows.length,
        rowsSkipped: errors.length,
        failAfterWrite: input.failAfterWrite,
      });
      if (!dryRun) {
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
      }
      if (dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return { applied: !dryRun, dryRun, summary, errors };
}

function writeOrders(
  t: Db,
  // The connection itself: a drizzle transaction object has no $client; statements on it join the transaction.
  sqlite: Db["$client"],
  actor: Actor | null,
  fileOrders: ReturnType<typeof groupOrders>,
  now: number,
  extra: { rowsRead: number; rowsSkipped: number; failAfterWrite?: () => void },
): ImportSummary {
  // 1. Accounts: match by external reference, create the others (as suspects, on the ladder from their first order).
  const refs = [...new Set(fileOrders.map((o) => o.accountRef))];
  const idByRef = new Map<string, number>();
  const findByRef = sqlite.prepare(
    "SELECT id, external_ref AS ref FROM accounts WHERE external_ref IN (SELECT value FROM json_each(?))",
  );
  // json_each takes the whole list as one parameter: no chunking against SQLite's variable limit.
  for (const r of findByRef.all(JSON.stringify(refs)) as { id: number; ref: string }[])
    idByRef.set(r.ref, r.id);
  const accountsMatched = idByRef.size;
  const firstOf = new Map<string, (typeof fileOrders)[number]>();
  const segmentOf = new Map<string, string>();
  for (const o of fileOrders) {
    const seen = firstOf.get(o.accountRef);
    if (!seen || o.orderedAt < seen.orderedAt) firstOf.set(o.accountRef, o);
    if (o.segment && !segmentOf.has(o.accountRef)) segmentOf.set(o.accountRef, o.segment);
  }
  let accountsCreated = 0;
  for (const ref of refs) {
    if (idByRef.has(ref)) continue;
    const first = firstOf.get(ref) as (typeof fileOrders)[number];
    const segment = segmentOf.get(ref) ?? null;
    const row = t
      .insert(accounts)
      .values({
        kind: "company",
        name: first.accountName,
        searchName: first.accountName.toLowerCase(),
        externalRef: ref,
        segment,
        rung: "suspect",
        rungSince: first.orderedAt,
        statusSince: first.orderedAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: accounts.id })
      .get();
    idByRef.set(ref, row.id);
    accountsCreated += 1;
    recordLadderMove(t, {
      accountId: row.id,
      fromRung: null,
      toRung: "suspect",
      fromStatus: null,
      toStatus: "active",
      at: first.orderedAt,
      byUserId: actor?.id ?? null,
      reason: "import",
      evidence: { externalRef: ref },
    });
  }

  // 2. Orders: skip those already present, insert the rest.
  const accountIds = [...new Set(refs.map((r) => idByRef.get(r) as number))];
  const present = new Set<string>();
  const findOrders = sqlite.prepare(
    "SELECT account_id AS a, external_ref AS r FROM orders WHERE account_id IN (SELECT value FROM json_each(?)) AND external_ref IS NOT NULL",
  );
  for (const o of findOrders.all(JSON.stringify(accountIds)) as { a: number; r: string }[]) {
    present.add(`${o.a}\u0000${o.r}`);
  }
  const insert = sqlite.prepare(
    "INSERT INTO orders (account_id, external_ref, ordered_at, amount, margin, category, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const touched = new Set<number>();
  let ordersCreated = 0;
  for (const o of fileOrders) {
    const accountId = idByRef.get(o.accountRef) as number;
    if (present.has(`${accountId}\u0000${o.orderRef}`)) continue;
    insert.run(accountId, o.orderRef, o.orderedAt, o.amount, o.margin, o.category, now);
    touched.add(accountId);
    ordersCreated += 1;
  }
  extra.failAfterWrite?.();

  // 3. Per account that got orders: figures from its orders, rung moves dated at the orders that caused them,
  //    and a win-back when a lapsed or lost account has an order after it left.
  const touchedIds = [...touched];
  t.run(sql`UPDATE accounts SET
        first_order_at = (SELECT min(ordered_at) FROM orders WHERE account_id = accounts.id),
        last_order_at = (SELECT max(ordered_at) FROM orders WHERE account_id = accounts.id),
        order_count = (SELECT count(*) FROM orders WHERE account_id = accounts.id),
        revenue = (SELECT coalesce(sum(amount), 0) FROM orders WHERE account_id = accounts.id),
        margin = (SELECT coalesce(sum(margin), 0) FROM orders WHERE account_id = accounts.id),
        updated_at = ${now}
      WHERE id IN (SELECT value FROM json_each(${JSON.stringify(touchedIds)}))`);
  const state = sqlite.prepare("SELECT rung, status, status_since AS statusSince FROM accounts WHERE id = ?");
  const orderTimes = sqlite.prepare(
    "SELECT ordered_at AS at FROM orders WHERE account_id = ? ORDER BY ordered_at, id",
  );
  const setRung = sqlite.prepare("UPDATE accounts SET rung = ?, rung_since = ? WHERE id = ?");
  const setActive = sqlite.prepare(
    "UPDATE accounts SET status = 'active', status_since = ?, lost_reason = NULL WHERE id = ?",
  );
  for (const id of touchedIds) {
    const account = state.get(id) as {
      rung: Rung;
      status: "active" | "lapsed" | "lost";
      statusSince: number;
    };
    const times = (orderTimes.all(id) as { at: number }[]).map((r) => r.at);
    let rung = account.rung;
    for (let n = 1; n <= Math.min(times.length, 2); n += 1) {
      const next = rungAfterOrders(rung, n);
      if (next === rung) continue;
      const at = times[n - 1] as number;
      recordLadderMove(t, {
        accountId: id,
        fromRung: rung,
        toRung: next,
        fromStatus: account.status,
        toStatus: account.status,
        at,
        byUserId: null,
        reason: "order",
        evidence: { imported: true, orderCount: n },
      });
      setRung.run(next, at, id);
      rung = next;
    }
    if (account.status !== "active") {
      const back = times.find((at) => at > account.statusSince);
      if (back !== undefined) {
        recordLadderMove(t, {
          accountId: id,
          fromRung: rung,
          toRung: rung,
          fromStatus: account.status,
          toStatus: "active",
          at: back,
          byUserId: null,
          reason: "won_back",
          evidence: { imported: true },
        });
        setActive.run(back, id);
      }
    }
  }
  afterImport(t, { accountIds, asOf: now });

  const perRung: Partial<Record<Rung, number>> = {};
  const rungOf = sqlite.prepare(
    "SELECT rung, count(*) AS n FROM accounts WHERE id IN (SELECT value FROM json_each(?)) GROUP BY rung",
  );
  for (const r of rungOf.all(JSON.stringify(accountIds)) as { rung: Rung; n: number }[])
    perRung[r.rung] = r.n;
  const accountsPerRung = Object.fromEntries(ALL_RUNGS.filter((r) => perRung[r]).map((r) => [r, perRung[r]]));
  return {
    rowsRead: extra.rowsRead,
    rowsSkipped: extra.rowsSkipped,
    ordersInFile: fileOrders.length,
    ordersCreated,
    ordersAlreadyPresent: fileOrders.length - ordersCreated,
    accountsCreated,
    accountsMatched,
    accountsPerRung,
  };
}
