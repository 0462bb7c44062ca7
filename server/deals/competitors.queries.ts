// The competitor list (issue #12 §8): deals point at an entry (deals.competitor_id), or keep a name typed as
// "other" (deals.competitor_other) until someone adds it to the list. Duplicates are merged: the deals move to
// the entry kept and the other entry goes.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { competitors, deals } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { FieldError, isUniqueViolation, notFound } from "../errors";
import { competitorKey, type MergeCompetitorsInput } from "./competitors.schemas";

/** The list by name, with how many deals name each entry; and the names typed as "other", most used first. */
export function listCompetitors(db: Db) {
  const list = db.all<{ id: number; name: string; deals: number }>(sql`
    SELECT c.id, c.name, (SELECT count(*) FROM deals d WHERE d.competitor_id = c.id) AS deals
    FROM competitors c ORDER BY c.name_key`);
  const others = db.all<{ name: string; deals: number }>(sql`
    SELECT min(d.competitor_other) AS name, count(*) AS deals FROM deals d INDEXED BY deals_competitor_other_idx
    WHERE d.competitor_other IS NOT NULL GROUP BY lower(trim(d.competitor_other)) ORDER BY deals DESC, name
    LIMIT 50`);
  return { list, others };
}

function requireCompetitor(t: Db, id: number) {
  const row = t.select().from(competitors).where(eq(competitors.id, id)).get();
  if (!row) throw notFound("Competitor");
  return row;
}

const taken = () => new FieldError("CONFLICT", { name: ["That competitor is already on the list."] });

/**
 * Adds a name to the list. Deals that named it as "other" now point at the new entry, so an "other" name is
 * added to the list from the deals that used it.
 */
export function createCompetitor(db: Db, actor: Actor, input: { name: string }, now = Date.now()) {
  const key = competitorKey(input.name);
  try {
    return inTransaction(db, (t) => {
      const row = t
        .insert(competitors)
        .values({
          name: input.name.trim(),
          nameKey: key,
          createdById: actor.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      // The spellings typed as "other" that share the key (compared in JS: SQLite's lower() is ASCII only).
      const spellings = t
        .all<{ name: string }>(sql`SELECT DISTINCT competitor_other AS name FROM deals
          INDEXED BY deals_competitor_other_idx WHERE competitor_other IS NOT NULL`)
        .map((r) => r.name)
        .filter((name) => competitorKey(name) === key);
      const moved = spellings.length
        ? t.run(sql`UPDATE deals SET competitor_id = ${row.id}, competitor_other = NULL
            WHERE competitor_other IN (SELECT value FROM json_each(${JSON.stringify(spellings)}))`).changes
        : 0;
      recordAudit(t, {
        actorId: actor.id,
        action: "competitor.create",
        entity: "competitor",
        entityId: row.id,
        after: { name: row.name, deals: moved || null },
        at: now,
      });
      return { ...row, deals: moved };
    });
  } catch (error) {
    if (isUniqueViolation(error, "competitors.name_key")) throw taken();
    throw error;
  }
}

export function renameCompetitor(
  db: Db,
  actor: Actor,
  input: { id: number; name: string },
  now = Date.now(),
) {
  try {
    return inTransaction(db, (t) => {
      const before = requireCompetitor(t, input.id);
      const name = input.name.trim();
      t.update(competitors)
        .set({ name, nameKey: competitorKey(name), updatedAt: now })
        .where(eq(competitors.id, input.id))
        .run();
      recordAudit(t, {
        actorId: actor.id,
        action: "competitor.update",
        entity: "competitor",
        entityId: input.id,
        before: { name: before.name },
        after: { name },
        at: now,
      });
      return { id: input.id, name };
    });
  } catch (error) {
    // Renaming onto another entry's name is a merge, not a rename.
    if (isUniqueViolation(error, "competitors.name_key")) {
      throw new FieldError("CONFLICT", { name: ["Another entry has that name: merge the two instead."] });
    }
    throw error;
  }
}

/** Merges a duplicate into the entry kept: its deals move over and the duplicate leaves the list. */
export function mergeCompetitors(db: Db, actor: Actor, input: MergeCompetitorsInput, now = Date.now()) {
  return inTransaction(db, (t) => {
    const from = requireCompetitor(t, input.fromId);
    const into = requireCompetitor(t, input.intoId);
    const moved = t
      .update(deals)
      .set({ competitorId: into.id })
      .where(eq(deals.competitorId, from.id))
      .run().changes;
    t.delete(competitors).where(eq(competitors.id, from.id)).run();
    recordAudit(t, {
      actorId: actor.id,
      action: "competitor.merge",
      entity: "competitor",
      entityId: into.id,
      before: { name: from.name },
      after: { name: into.name, deals: moved },
      at: now,
    });
    return { id: into.id, name: into.name, moved };
  });
}

/**
 * The competitor a deal is closed with: an entry of the list by id, or a typed name. A typed name that is on
 * the list (any case or spacing) becomes that entry; otherwise it is kept as "other".
 */
export function resolveDealCompetitor(
  t: Db,
  input: { competitorId?: number | null; competitorOther?: string | null },
): { competitorId: number | null; competitorOther: string | null } {
  if (input.competitorId) {
    const row = t
      .select({ id: competitors.id })
      .from(competitors)
      .where(eq(competitors.id, input.competitorId))
      .get();
    if (!row) throw new FieldError("BAD_REQUEST", { competitorId: ["Choose a competitor from the list."] });
    return { competitorId: row.id, competitorOther: null };
  }
  const typed = input.competitorOther?.trim();
  if (!typed) return { competitorId: null, competitorOther: null };
  const known = t
    .select({ id: competitors.id })
    .from(competitors)
    .where(eq(competitors.nameKey, competitorKey(typed)))
    .get();
  return known
    ? { competitorId: known.id, competitorOther: null }
    : { competitorId: null, competitorOther: typed };
}

/** A deal's competitor as a reader sees it: the entry's name, or the name typed as "other". */
export function competitorNameOf(
  db: Db,
  deal: { competitorId: number | null; competitorOther: string | null },
) {
  if (deal.competitorId === null) return deal.competitorOther;
  return (
    db.select({ name: competitors.name }).from(competitors).where(eq(competitors.id, deal.competitorId)).get()
      ?.name ?? null
  );
}
