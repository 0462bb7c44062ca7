import { z } from "zod";

export const auditCursor = z.object({ at: z.number().int(), id: z.number().int() });

export const listAuditInput = z.object({
  entity: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  actorId: z.string().trim().min(1).max(100).optional(),
  cursor: auditCursor.nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListAuditInput = z.infer<typeof listAuditInput>;

/** Entities the audit page offers as filters (others still show, and can be filtered by calling the API). */
/** Entries per page on the audit page. */
export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_ENTITIES = [
  "account",
  "contact",
  "order",
  "activity",
  "task",
  "deal",
  "complaint",
  "competitor",
  "setting",
  "user",
] as const;
