import { and, desc, eq, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { currentApiKey } from "./audit-context";

type Row = Record<string, unknown>;

/** The fields whose values differ, as { field: [before, after] }. Creation passes before = null. */
export function diffFields(before: Row | null, after: Row | null): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === "updatedAt" || key === "searchName") continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a, b];
  }
  return changes;
}

export type AuditEntry = {
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | number;
  before?: Row | null;
  after?: Row | null;
  at?: number;
};

/**
 * Records one write. Call it inside the write's transaction so the two land together. During a REST API request
 * the row also names the API key (audit-context.ts).
 */
export function recordAudit(db: Db, entry: AuditEntry): void {
  const changes = diffFields(entry.before ?? null, entry.after ?? null);
  const apiKey = currentApiKey();
  db.insert(auditLog)
    .values({
      actorId: entry.actorId,
      apiKeyId: apiKey?.id ?? null,
      apiKeyName: apiKey?.name ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      at: entry.at ?? Date.now(),
      changes: JSON.stringify(changes),
    })
    .run();
}

export type AuditCursor = { at: number; id: number };

/** Newest first, keyset-paginated; optionally for one entity (type, or one record) and/or one actor. */
export function listAudit(
  db: Db,
  params: {
    entity?: string;
    entityId?: string;
    actorId?: string;
    cursor?: AuditCursor | null;
    limit: number;
  },
) {
  const filters = [];
  if (params.entity) filters.push(eq(auditLog.entity, params.entity));
  if (params.entityId) filters.push(eq(auditLog.entityId, params.entityId));
  if (params.actorId) filters.push(eq(auditLog.actorId, params.actorId));
  if (params.cursor) {
    filters.push(
      or(
        lt(auditLog.at, params.cursor.at),
        and(eq(auditLog.at, params.cursor.at), lt(auditLog.id, params.cursor.id)),
      ),
    );
  }
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      changes: auditLog.changes,
      actorId: auditLog.actorId,
      actorName: users.name,
      apiKeyName: auditLog.apiKeyName,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(params.limit + 1)
    .all();
  const items = rows.slice(0, params.limit).map((r) => ({
    ...r,
    changes: JSON.parse(r.changes ?? "{}") as Record<string, [unknown, unknown]>,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > params.limit && last ? { at: last.at, id: last.id } : null };
}
