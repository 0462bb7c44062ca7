// Rows for the levels, cadence, overdue and win-back tests, inserted directly (the routers are tested apart).
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AccountStatus, type ActivityType, accounts, activities, type Level, orders } from "@/db/schema";

export const DAY = 86_400_000;
/** 2025-06-10 09:00 UTC, epoch day 20249. */
export const NOW = Date.UTC(2025, 5, 10, 9, 0, 0);

let names = 0;

export function makeAccount(
  db: Db,
  p: {
    segment?: string | null;
    level?: Level;
    ownerId?: string | null;
    createdAt?: number;
    status?: AccountStatus;
    name?: string;
    revenue?: number;
    margin?: number;
    lastOrderAt?: number | null;
  } = {},
): number {
  names += 1;
  const name = p.name ?? `Account ${String(names).padStart(5, "0")}`;
  const at = p.createdAt ?? NOW - 400 * DAY;
  return db
    .insert(accounts)
    .values({
      kind: "company",
      name,
      searchName: name.toLowerCase(),
      segment: p.segment ?? null,
      ownerId: p.ownerId ?? null,
      level: p.level ?? "reactive",
      rung: "repeat",
      rungSince: at,
      status: p.status ?? "active",
      statusSince: at,
      revenue: p.revenue ?? 0,
      margin: p.margin ?? 0,
      lastOrderAt: p.lastOrderAt ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: accounts.id })
    .get().id;
}

/** `count` accounts in one segment, in one statement (segment-size edges need a thousand). */
export function fillSegment(db: Db, segment: string | null, count: number): void {
  if (count <= 0) return;
  db.run(sql`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
    INSERT INTO accounts (kind, name, search_name, segment, rung, rung_since, status_since, created_at, updated_at)
    SELECT 'company', 'Filler ' || i, 'filler ' || i, ${segment}, 'suspect', 0, 0, 0, 0 FROM n
  `);
}

export function addOrder(
  db: Db,
  p: { accountId: number; at: number; amount: number; margin: number },
): number {
  return db
    .insert(orders)
    .values({ accountId: p.accountId, orderedAt: p.at, amount: p.amount, margin: p.margin, createdAt: p.at })
    .returning({ id: orders.id })
    .get().id;
}

export function addActivity(
  db: Db,
  p: { accountId: number; userId: string; type: ActivityType; at: number },
) {
  db.insert(activities)
    .values({
      accountId: p.accountId,
      userId: p.userId,
      type: p.type,
      at: p.at,
      summary: "x",
      createdAt: p.at,
    })
    .run();
}

export function levelOf(db: Db, accountId: number): Level | null {
  return (
    db.get<{ l: Level | null }>(sql`SELECT recommended_level AS l FROM accounts WHERE id = ${accountId}`)
      ?.l ?? null
  );
}

export function yearlyMarginOf(db: Db, accountId: number): number | null {
  return (
    db.get<{ m: number | null }>(sql`SELECT yearly_margin AS m FROM accounts WHERE id = ${accountId}`)?.m ??
    null
  );
}
