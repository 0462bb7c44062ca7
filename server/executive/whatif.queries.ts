import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, whatIfScenarios } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { complaintOutcomes } from "../complaints/dashboard.queries";
import { OUTCOMES, type Outcome } from "../complaints/sla.rules";
import { forbidden, notFound } from "../errors";
import type { WhatIfInputs } from "./whatif.rules";

const YEAR = 365 * 86_400_000;

/** Below this many complaining accounts per outcome, a measured repurchase rate is too thin to use. */
const MIN_ACCOUNTS_PER_OUTCOME = 20;

/**
 * This company's own figures for the what-if: active accounts, the value of a customer as the average
 * revenue per account that ordered in the last 12 months, and, once complaints are recorded, the outcome mix
 * of the last 12 months' complaints and the repurchase rate within 180 days per outcome (the complaints
 * dashboard's figures). The share with a problem and the share who complain cannot be measured from inside:
 * they stay at the literature's values.
 */
export function measuredFigures(db: Db, now = Date.now()) {
  const active = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM accounts WHERE status = 'active'`);
  const year = db.get<{ buyers: number; revenue: number }>(
    sql`SELECT count(DISTINCT account_id) AS buyers, coalesce(sum(amount), 0) AS revenue
        FROM orders WHERE ordered_at >= ${now - YEAR} AND ordered_at < ${now}`,
  );
  const measuredOutcomes = complaintOutcomes(db, { months: 12, repurchaseDays: 180 }, now);
  const classified = OUTCOMES.reduce((sum, o) => sum + (measuredOutcomes.mix[o] ?? 0), 0);
  const outcomeMix = classified
    ? (Object.fromEntries(OUTCOMES.map((o) => [o, (measuredOutcomes.mix[o] ?? 0) / classified])) as Record<
        Outcome,
        number
      >)
    : null;
  const repurchase: Partial<Record<Outcome, number>> = {};
  for (const r of measuredOutcomes.repurchase) {
    if (r.rate !== null && r.accounts >= MIN_ACCOUNTS_PER_OUTCOME) repurchase[r.outcome as Outcome] = r.rate;
  }
  return {
    customers: active?.n ?? 0,
    customerValue: year && year.buyers > 0 ? Math.round(year.revenue / year.buyers) : 0,
    buyersLastYear: year?.buyers ?? 0,
    complaints: { classified, outcomeMix, repurchase },
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
  return inTransaction(db, (t) => {
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
  return inTransaction(db, (t) => {
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
