import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/** Every write, with who made it and the fields it changed ({ field: [before, after] } as JSON). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: text("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    at: integer("at").notNull(),
    changes: text("changes"),
    /**
     * The API key the write was made with (the actor is then the admin who created the key). Its name is kept
     * here because an expired key's row is removed by the api-key plugin.
     */
    apiKeyId: text("api_key_id"),
    apiKeyName: text("api_key_name"),
  },
  (t) => [
    index("audit_entity_idx").on(t.entity, t.entityId, t.at),
    index("audit_actor_idx").on(t.actorId, t.at),
    index("audit_at_idx").on(t.at),
  ],
);
