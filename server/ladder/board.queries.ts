// The ladder board (issue #3 §3): one column per rung for active accounts, plus lapsed and lost, each counted
// and paged by name with a keyset cursor. A column may hold 50,000 accounts: never read a whole one.
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedByShape } from "@/db/prepared";
import { type AccountStatus, accounts, accountTotals, type Rung, users } from "@/db/schema";
import { type Actor, canEditAccount } from "../auth/permissions";
import type { BoardColumn } from "./board.schemas";
import { manualTargets } from "./moves.rules";

type Filters = { ownerId?: string; segment?: string };

const p = sql.placeholder;

function filterConditions(f: Filters): SQL[] {
  const where: SQL[] = [];
  if (f.ownerId) where.push(eq(accounts.ownerId, p("ownerId") as unknown as string));
  if (f.segment) where.push(eq(accounts.segment, p("segment") as unknown as string));
  return where;
}

type CountRow = { status: AccountStatus; rung: Rung; n: number };
const preparedCounts = preparedByShape<{ all: (v: Record<string, unknown>) => CountRow[] }>();

export function boardCounts(db: Db, f: Filters): Record<BoardColumn, number> {
  const rows = preparedCounts(db, `${f.ownerId ? 1 : 0}${f.segment ? 1 : 0}`, () =>
    f.ownerId || f.segment
      ? db
          .select({ status: accounts.status, rung: accounts.rung, n: sql<number>`count(*)` })
          .from(accounts)
          .where(and(...filterConditions(f)))
          .groupBy(accounts.status, accounts.rung)
          .prepare()
      : // Everyone's board: from the account_totals rollup (migration 0024), not a pass over 100k accounts.
        db
          .select({
            status: sql<AccountStatus>`${accountTotals.status}`,
            rung: sql<Rung>`${accountTotals.rung}`,
            n: sql<number>`sum(${accountTotals.accounts})`,
          })
          .from(accountTotals)
          .groupBy(accountTotals.status, accountTotals.rung)
          .having(sql`sum(${accountTotals.accounts}) > 0`)
          .prepare(),
  ).all({ ownerId: f.ownerId, segment: f.segment });
  const counts = {} as Record<BoardColumn, number>;
  for (const r of rows) {
    const column: BoardColumn = r.status === "active" ? r.rung : r.status;
    counts[column] = (counts[column] ?? 0) + r.n;
  }
  return counts;
}

export type BoardCard = {
  id: number;
  name: string;
  searchName: string;
  rung: Rung;
  status: AccountStatus;
  ownerId: string | null;
  ownerName: string | null;
  lastOrderAt: number | null;
  revenue: number;
  orderCount: number;
};
const preparedColumn = preparedByShape<{ all: (v: Record<string, unknown>) => BoardCard[] }>();

export type BoardItem = Omit<BoardCard, "searchName" | "ownerId" | "orderCount"> & {
  /** The actor may move this account and a manual move is open from its rung (what ladder.move accepts). */
  canMove: boolean;
};

export function boardColumn(
  db: Db,
  actor: Actor,
  input: Filters & { column: BoardColumn; cursor?: { name: string; id: number } | null; limit: number },
): { items: BoardItem[]; nextCursor: { name: string; id: number } | null } {
  const offLadder = input.column === "lapsed" || input.column === "lost";
  const shape = [
    input.column === "lapsed" || input.column === "lost" ? "off" : "rung",
    input.ownerId ? 1 : 0,
    input.segment ? 1 : 0,
    input.cursor ? 1 : 0,
  ].join("|");
  const rows = preparedColumn(db, shape, () => {
    const where = [eq(accounts.status, p("status") as unknown as AccountStatus), ...filterConditions(input)];
    if (!offLadder) where.push(eq(accounts.rung, p("rung") as unknown as Rung));
    if (input.cursor) {
      // Spelled out rather than as a row value: with it the planner keeps to accounts_board_idx (measured:
      // the row-value form picked a skip-scan of the owner index plus a sort, 23 ms at 100k accounts).
      where.push(
        sql`(${accounts.searchName} > ${p("name")} OR (${accounts.searchName} = ${p("name")} AND ${accounts.id} > ${p("id")}))`,
      );
    }
    return db
      .select({
        id: accounts.id,
        name: accounts.name,
        searchName: accounts.searchName,
        rung: accounts.rung,
        status: accounts.status,
        ownerId: accounts.ownerId,
        ownerName: users.name,
        lastOrderAt: accounts.lastOrderAt,
        revenue: accounts.revenue,
        orderCount: accounts.orderCount,
      })
      .from(accounts)
      .leftJoin(users, eq(users.id, accounts.ownerId))
      .where(and(...where))
      .orderBy(asc(accounts.searchName), asc(accounts.id))
      .limit(p("limit"))
      .prepare();
  }).all({
    status: offLadder ? input.column : "active",
    rung: offLadder ? undefined : input.column,
    ownerId: input.ownerId,
    segment: input.segment,
    name: input.cursor?.name,
    id: input.cursor?.id,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ searchName: _s, ownerId, orderCount, ...card }) => ({
      ...card,
      canMove: canEditAccount(actor, { ownerId }) && manualTargets(card.rung, orderCount).length > 0,
    })),
    nextCursor: rows.length > input.limit && last ? { name: last.searchName, id: last.id } : null,
  };
}
