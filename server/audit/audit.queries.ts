import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { currentApiKey } from "./audit-context";

type Row = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Row =>
  typeof v === "object" && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * A record's fields one level deep: a nested plain object (a setting's value, a routing table) becomes
 * dotted fields, so the log says which part changed rather than repeating the whole object.
 */
function flatten(row: Row | null, prefix = "", depth = 0): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row ?? {})) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && depth < 2) Object.assign(out, flatten(value, name, depth + 1));
    else out[name] = value;
  }
  return out;
}

/** The fields whose values differ, as { field: [before, after] }. Creation passes before = null. */
export function diffFields(before: Row | null, after: Row | null): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  const b = flatten(before);
  const a = flatten(after);
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  for (const key of keys) {
    if (key === "updatedAt" || key === "searchName") continue;
    const was = b[key] ?? null;
    const now = a[key] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[key] = [was, now];
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
 * Records one write. Call it inside the write's transaction so the two land together. A save that changed
 * nothing (before given, no field differs) is not a change and leaves no entry; returns whether one was made.
 * During a REST API request the row also names the API key (audit-context.ts).
 */
export function recordAudit(db: Db, entry: AuditEntry): boolean {
  const changes = diffFields(entry.before ?? null, entry.after ?? null);
  if (entry.before && Object.keys(changes).length === 0) return false;
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
  return true;
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
  return {
    items,
    nextCursor: rows.length > params.limit && last ? { at: last.at, id: last.id } : null,
    people: peopleNamed(db, items),
  };
}

/** Fields that hold a user's id; the page shows the person's name instead. */
const USER_FIELDS = new Set(["ownerId", "assigneeId", "handlerId", "reviewerId", "approvedById", "userId"]);

/** Names of the users the page's changes refer to by id, one look-up for the page. */
function peopleNamed(db: Db, items: { changes: Record<string, [unknown, unknown]> }[]) {
  const ids = new Set<string>();
  for (const item of items) {
    for (const [field, values] of Object.entries(item.changes)) {
      if (!USER_FIELDS.has(field.split(".").at(-1) ?? field)) continue;
      for (const v of values) if (typeof v === "string") ids.add(v);
    }
  }
  if (ids.size === 0) return {} as Record<string, string>;
  return Object.fromEntries(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [...ids]))
      .all()
      .map((u) => [u.id, u.name]),
  ) as Record<string, string>;
}
