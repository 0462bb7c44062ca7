// Bulk changes on the accounts list (issue #10 §3): a new owner, level or segment for the selected accounts
// (rows ticked one by one, or everything matching the filter). One audited transaction of set-wise
// statements: an audit row per account that changed, then one UPDATE; accounts that already hold the value
// are left alone (and not counted). Only sales leads and admins assign owners; an account manager may set
// the level or segment of their own accounts only. A bulk rung move (suspect, prospect, disqualified only:
// see BULK_RUNGS) goes account by account through the single move's rule and writes (ladder history and
// audit per account), in the same one transaction; accounts the rule does not let move are counted apart.
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { ACCOUNT_CREATORS, type Actor, canEditAllAccounts } from "../auth/permissions";
import { FieldError, forbidden } from "../errors";
import { applyMove } from "../ladder/moves.queries";
import { checkManualMove } from "../ladder/moves.rules";
import { ensureCadenceTasks } from "../levels/cadence.queries";
import { segmentSize } from "../levels/level.rules";
import { levelsSettings } from "../levels/levels.settings";
import { recomputeRecommendedLevels } from "../levels/recommend.queries";
import { getSetting } from "../settings/settings.queries";
import { requireOwner } from "./accounts.queries";
import type { BulkChangeInput } from "./accounts.schemas";
import { selectedIds } from "./accounts.selection";

const COLUMN = { ownerId: "owner_id", level: "level", segment: "segment" } as const;

/** skipped: accounts a rung move could not move (the ladder rules refuse it for their rung or orders). */
export type BulkChangeResult = { selected: number; changed: number; skipped: number };

export function bulkChangeAccounts(
  db: Db,
  actor: Actor,
  input: BulkChangeInput,
  now = Date.now(),
): BulkChangeResult {
  if (!ACCOUNT_CREATORS.includes(actor.role)) throw forbidden();
  const { field, value } = input.change;
  if (field === "ownerId" && !canEditAllAccounts(actor)) {
    throw forbidden("Only a sales lead or an admin can assign accounts to an owner.");
  }
  return inTransaction(db, (t) => {
    if (field === "ownerId") requireOwner(t, value as string);
    const ids = selectedIds(t, actor, input.selection);
    const idList = JSON.stringify(ids);
    if (!canEditAllAccounts(actor)) {
      const others =
        t.get<{ n: number }>(
          sql`SELECT count(*) AS n FROM accounts WHERE id IN (SELECT value FROM json_each(${idList}))
              AND owner_id IS NOT ${actor.id}`,
        )?.n ?? 0;
      if (others > 0) {
        throw forbidden(
          `${others} of the selected accounts belong to someone else; you can change only your own.`,
        );
      }
    }
    if (input.change.field === "rung") return bulkMoveRung(t, actor, ids, input.change, now);
    const column = sql.raw(COLUMN[field as keyof typeof COLUMN]);
    const key = field;
    // The rows that change, with their old value: the audit rows and the follow-up work need them.
    const changing = t.all<{ id: number; old: string | null }>(
      sql`SELECT id, ${column} AS old FROM accounts
          WHERE id IN (SELECT value FROM json_each(${idList})) AND ${column} IS NOT ${value}`,
    );
    if (changing.length === 0) return { selected: ids.length, changed: 0, skipped: 0 };
    const changed = JSON.stringify(changing.map((r) => r.id));
    t.run(
      sql`INSERT INTO audit_log (actor_id, action, entity, entity_id, at, changes)
          SELECT ${actor.id}, 'account.update', 'account', CAST(id AS TEXT), ${now},
                 json_object(${key}, json_array(${column}, ${value}))
          FROM accounts WHERE id IN (SELECT value FROM json_each(${changed}))`,
    );
    t.run(
      sql`UPDATE accounts SET ${column} = ${value}, updated_at = ${now}
          WHERE id IN (SELECT value FROM json_each(${changed}))`,
    );
    const accountIds = changing.map((r) => r.id);
    if (field === "level") ensureCadenceTasks(t, { asOf: now, accountIds });
    if (field === "segment") refreshLevelsAfterBulkSegment(t, changing, value as string | null, now);
    return { selected: ids.length, changed: changing.length, skipped: 0 };
  });
}

type RungChange = Extract<BulkChangeInput["change"], { field: "rung" }>;

/** Each selected account through checkManualMove and applyMove, as the account page's Move dialog does. */
function bulkMoveRung(t: Db, actor: Actor, ids: number[], change: RungChange, now: number): BulkChangeResult {
  let changed = 0;
  let skipped = 0;
  const reason = change.reason.trim();
  const evidence = change.value === "disqualified" ? { disqualifyReason: change.disqualifyReason } : null;
  for (let i = 0; i < ids.length; i += 500) {
    const rows = t
      .select()
      .from(accounts)
      .where(inArray(accounts.id, ids.slice(i, i + 500)))
      .all();
    for (const account of rows) {
      if (account.rung === change.value) continue;
      const check = checkManualMove({
        from: account.rung,
        to: change.value,
        distinctOrders: account.orderCount,
        reason,
        disqualifyReason: change.disqualifyReason ?? null,
      });
      if (!check.ok) {
        // A reason the whole request lacks is the request's fault, not the account's.
        if (check.field === "disqualifyReason") {
          throw new FieldError("BAD_REQUEST", { disqualifyReason: [check.error] });
        }
        skipped += 1;
        continue;
      }
      applyMove(t, actor, account, change.value, reason, evidence, now);
      changed += 1;
    }
  }
  return { selected: ids.length, changed, skipped };
}

/**
 * The recommended level depends on the segment's size: recompute the moved accounts, and every account of a
 * segment whose size class (few, medium, many) the move changed, as a single account's edit does.
 */
function refreshLevelsAfterBulkSegment(
  db: Db,
  moved: { id: number; old: string | null }[],
  segment: string | null,
  asOf: number,
) {
  const thresholds = getSetting(db, levelsSettings.levelThresholds);
  const sizeNow = (s: string | null) =>
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM accounts WHERE segment IS ${s}`)?.n ?? 0;
  const delta = new Map<string | null, number>([[segment, moved.length]]);
  for (const { old } of moved) delta.set(old, (delta.get(old) ?? 0) - 1);
  const crossed: (string | null)[] = [];
  for (const [s, d] of delta) {
    const n = sizeNow(s);
    if (segmentSize(n, thresholds) !== segmentSize(n - d, thresholds)) crossed.push(s);
  }
  recomputeRecommendedLevels(db, { asOf, accountIds: moved.map((m) => m.id), thresholds });
  if (crossed.length) recomputeRecommendedLevels(db, { asOf, segments: crossed, thresholds });
}
