// Admin-tunable settings stored as JSON in the settings table. Each domain declares its own settings (key,
// zod schema, default) with defineSetting in its <domain>.settings.ts; this module only stores and reads
// them and imports no domain, so any domain may read its settings without an import cycle. A missing or
// malformed row never breaks a rule: the default applies.
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { settings } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";

export type SettingDefinition<T> = {
  readonly key: string;
  readonly schema: z.ZodType<T>;
  readonly default: T;
};

export function defineSetting<S extends z.ZodType>(
  key: string,
  schema: S,
  defaultValue: z.output<S>,
): SettingDefinition<z.output<S>> {
  return { key, schema: schema as z.ZodType<z.output<S>>, default: defaultValue };
}

export function getSetting<T>(db: Db, setting: SettingDefinition<T>): T {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, setting.key)).get();
  if (!row) return setting.default;
  try {
    const parsed = setting.schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : setting.default;
  } catch {
    return setting.default;
  }
}

/** Validates and stores a setting (audited). Throws the zod error for the router to turn into field messages. */
export function setSetting<T>(
  db: Db,
  setting: SettingDefinition<T>,
  value: unknown,
  actorId: string | null,
  now = Date.now(),
): T {
  const parsed = setting.schema.parse(value);
  const key = setting.key;
  inTransaction(db, (tx) => {
    const before = getSetting(tx, setting);
    const json = JSON.stringify(parsed);
    tx.insert(settings)
      .values({ key, value: json, updatedAt: now, updatedById: actorId })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: json, updatedAt: now, updatedById: actorId },
      })
      .run();
    recordAudit(tx, {
      actorId,
      action: "settings.update",
      entity: "setting",
      entityId: key,
      before: { value: before },
      after: { value: parsed },
      at: now,
    });
  });
  return parsed;
}
