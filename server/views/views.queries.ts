// Saved views (issue #12 §5): a person's named filter sets per list. A view is the list's URL query, so it is
// also a link: whoever opens it gets the same filters, and still sees only what their role lets them see.
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { savedViews, type ViewList } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import type { Actor } from "../auth/permissions";
import { FieldError, notFound } from "../errors";
import { type saveViewInput, VIEWS_MAX } from "./views.schemas";

type SaveView = ReturnType<typeof saveViewInput.parse>;

export function listViews(db: Db, actor: Actor, list: ViewList) {
  return db
    .select({
      id: savedViews.id,
      name: savedViews.name,
      query: savedViews.query,
      updatedAt: savedViews.updatedAt,
    })
    .from(savedViews)
    .where(and(eq(savedViews.userId, actor.id), eq(savedViews.list, list)))
    .orderBy(desc(savedViews.updatedAt), desc(savedViews.id))
    .all();
}

/** Saves the filters under a name; saving again under the same name replaces them. */
export function saveView(db: Db, actor: Actor, input: SaveView, now = Date.now()) {
  return inTransaction(db, (t) => {
    const mine = and(eq(savedViews.userId, actor.id), eq(savedViews.list, input.list));
    const existing = t
      .select({ id: savedViews.id })
      .from(savedViews)
      .where(and(mine, eq(savedViews.name, input.name)))
      .get();
    if (existing) {
      t.update(savedViews)
        .set({ query: input.query, updatedAt: now })
        .where(eq(savedViews.id, existing.id))
        .run();
      return { id: existing.id, replaced: true };
    }
    const count = t.select({ n: sql<number>`count(*)` }).from(savedViews).where(mine).get()?.n ?? 0;
    if (count >= VIEWS_MAX) {
      throw new FieldError(
        "BAD_REQUEST",
        { name: ["tooMany"] },
        `You can keep ${VIEWS_MAX} views per list: delete one first.`,
      );
    }
    const row = t
      .insert(savedViews)
      .values({
        userId: actor.id,
        list: input.list,
        name: input.name,
        query: input.query,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: savedViews.id })
      .get();
    return { id: row.id, replaced: false };
  });
}

/** Deletes one of the person's own views; another person's view is "not found". */
export function deleteView(db: Db, actor: Actor, id: number) {
  const deleted = db
    .delete(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, actor.id)))
    .returning({ id: savedViews.id })
    .get();
  if (!deleted) throw notFound("View");
  return deleted;
}
