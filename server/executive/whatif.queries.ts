import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, whatIfScenarios } from "@/db/schema";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { forbidden, notFound } from "../errors";
import type { WhatIfInputs } from "./whatif.rules";

const YEAR = 365 * 86_400_000;

/**
 * This company's own figures for the what-if: active accounts, and the value of a customer as the average
 * revenue per account that ordered in the last 12 months. Complaint shares and outcomes stay at the
 * literature's defaults until complaints are recorded.
 */
export function measuredFigures(db: Db, now = Date.now()) {
  const active = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM accounts WHERE status = 'active'`);
  const year = db.get<{ buyers: number; revenue: number }>(
    sql`SELECT count(DISTINCT account_id) AS buyers, coalesce(sum(amount), 0) AS revenue
        FROM orders WHERE ordered_at >= ${now - YEAR} AND ordered_at < ${now}`,
  );
  return {
    customers: active?.n ?? 0,
    customerValue: year && year.buyers > 0 ? Math.round(year.revenue / year.buyers) : 0,
    buyersLastYear: year?.buyers ?? 0,
  };
}

export function listScenarios(db: Db) {
  return db
    .select({
      id: whatIfScenarios.id,
      name: whatIfScenarios.name,
      inputs: whatIfScenarios.inputs,
      createdById: whatIfScenarios.createdById,
      createdByName: users.name,
      createdAt: whatIfScenarios.createdAt,
    })
    .from(whatIfScenarios)
    .leftJoin(users, eq(users.id, whatIfScenarios.createdById))
    .orderBy(desc(whatIfScenarios.createdAt), desc(whatIfScenarios.id))
    .limit(100)
    .all()
    .map((s) => ({ ...s, inputs: JSON.parse(s.inputs) as WhatIfInputs }));
}

export function saveScenario(db: Db, actor: Actor, input: { name: string; inputs: WhatIfInputs }) {
  const now = Date.now();
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const row = t
      .insert(whatIfScenarios)
      .values({
        name: input.name,
        inputs: JSON.stringify(input.inputs),
        createdById: actor.id,
        createdAt: now,
      })
      .returning({ id: whatIfScenarios.id })
      .get();
    recordAudit(t, {
      actorId: actor.id,
      action: "whatif.save",
      entity: "whatif_scenario",
      entityId: row.id,
      after: { name: input.name },
      at: now,
    });
    return row;
  });
}

export function deleteScenario(db: Db, actor: Actor, id: number) {
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    const row = t.select().from(whatIfScenarios).where(eq(whatIfScenarios.id, id)).get();
    if (!row) throw notFound("Scenario");
    if (row.createdById !== actor.id && actor.role !== "admin")
      throw forbidden("Only its author or an admin can delete a scenario.");
    t.delete(whatIfScenarios).where(eq(whatIfScenarios.id, id)).run();
    recordAudit(t, {
      actorId: actor.id,
      action: "whatif.delete",
      entity: "whatif_scenario",
      entityId: id,
      before: { name: row.name },
    });
    return { deleted: true };
  });
}
