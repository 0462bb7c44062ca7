// Labels per language for the names a company types itself (issue #12 §7): account segments and deal stages.
// Rows keep the name as typed; a reader sees the label in their language, or the name where there is none.
// In admin, beside the other settings: it reads the deals domain's stages and the accounts' segments.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { LOCALES, type Locale, type NameKind, nameLabels } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { dealsSettings } from "../deals/deals.settings";
import { getSetting } from "../settings/settings.queries";

export type NameLabels = Record<NameKind, Record<string, string>>;

/** The labels in one language, by kind and name: what the signed-in pages show instead of the name. */
export function nameLabelsFor(db: Db, locale: Locale): NameLabels {
  const out: NameLabels = { segment: {}, stage: {} };
  for (const r of db
    .select({ kind: nameLabels.kind, name: nameLabels.name, label: nameLabels.label })
    .from(nameLabels)
    .where(eq(nameLabels.locale, locale))
    .all())
    out[r.kind][r.name] = r.label;
  return out;
}

export type NameLabelRow = { kind: NameKind; name: string; labels: Partial<Record<Locale, string>> };

/**
 * Every name an admin may label: the deal stages of the setting and the segments in use (with any labelled
 * name no longer in use), each with its labels in both languages.
 */
export function listNameLabels(db: Db): NameLabelRow[] {
  const rows = db.select().from(nameLabels).all();
  const segments = db
    .all<{ s: string }>(sql`SELECT DISTINCT segment AS s FROM accounts INDEXED BY accounts_segment_idx
      WHERE segment IS NOT NULL ORDER BY segment LIMIT 200`)
    .map((r) => r.s);
  const names: [NameKind, string][] = [
    ...getSetting(db, dealsSettings.dealStages).map((s) => ["stage", s] as [NameKind, string]),
    ...segments.map((s) => ["segment", s] as [NameKind, string]),
  ];
  for (const r of rows) {
    if (!names.some(([k, n]) => k === r.kind && n === r.name)) names.push([r.kind, r.name]);
  }
  return names.map(([kind, name]) => ({
    kind,
    name,
    labels: Object.fromEntries(
      rows.filter((r) => r.kind === kind && r.name === name).map((r) => [r.locale, r.label]),
    ),
  }));
}

/** Sets a name's labels; an empty label removes that language's (the name itself shows there). */
export function saveNameLabels(
  db: Db,
  actor: Actor,
  input: { kind: NameKind; name: string; labels: Partial<Record<Locale, string>> },
  now = Date.now(),
) {
  return inTransaction(db, (t) => {
    const where = and(eq(nameLabels.kind, input.kind), eq(nameLabels.name, input.name));
    const before = Object.fromEntries(
      t
        .select()
        .from(nameLabels)
        .where(where)
        .all()
        .map((r) => [r.locale, r.label]),
    );
    t.delete(nameLabels).where(where).run();
    const after: Partial<Record<Locale, string>> = {};
    for (const locale of LOCALES) {
      const label = input.labels[locale]?.trim();
      if (!label) continue;
      after[locale] = label;
      t.insert(nameLabels)
        .values({ kind: input.kind, name: input.name, locale, label, updatedAt: now, updatedById: actor.id })
        .run();
    }
    recordAudit(t, {
      actorId: actor.id,
      action: "settings.update",
      entity: "setting",
      entityId: `${input.kind}Labels`,
      before: { value: { [input.name]: before } },
      after: { value: { [input.name]: after } },
      at: now,
    });
    return { kind: input.kind, name: input.name, labels: after };
  });
}
