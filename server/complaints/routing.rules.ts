// Who handles what (issue #5 §2, domain.md §4 step 3), and the settings' defaults. Pure.
import type { ComplaintCategory, Department } from "@/db/schema";

/** Category → responsible department (a setting): delivery to logistics, product quality to QA, … */
export type RoutingTable = Record<ComplaintCategory, Department>;

export const DEFAULT_ROUTING: RoutingTable = {
  product_quality: "quality_assurance",
  service: "customer_service",
  staff_attitude: "customer_service",
  delivery: "logistics",
  technical: "technical_support",
  payment: "finance",
  other: "customer_service",
};

export function departmentFor(
  category: ComplaintCategory,
  routing: RoutingTable = DEFAULT_ROUTING,
): Department {
  return routing[category] ?? "customer_service";
}

/**
 * Root causes offered when investigating (a setting; the handler adds free text). The defaults are keys the
 * UI translates; causes an admin adds are shown as typed.
 */
export const DEFAULT_ROOT_CAUSES: readonly string[] = [
  "staff_attitude",
  "product_defect",
  "late_delivery",
  "damaged_in_transit",
  "wrong_item",
  "billing_error",
  "unclear_information",
  "expectation_gap",
  "customer_misuse",
  "other",
];

/** Remedies above this value (minor units) need a supervisor's approval: 500.00 by default. */
export const DEFAULT_APPROVAL_LIMIT = 50_000;

/** A follow-up task is created at closing, due this many days later. */
export const DEFAULT_FOLLOW_UP_DAYS = 7;

export type HandlerLoad = { id: string; name: string; open: number };

/**
 * Who takes a complaint that arrives with nobody named (the public form, a manager's intake): the handler
 * with the fewest open complaints, ties to the name first in order, so work spreads evenly and the choice
 * can be explained. Null when nobody can take it (it then waits in the "Unassigned" queue).
 */
export function pickHandler(candidates: readonly HandlerLoad[]): HandlerLoad | null {
  let best: HandlerLoad | null = null;
  for (const c of candidates) {
    if (
      best === null ||
      c.open < best.open ||
      (c.open === best.open && (c.name < best.name || (c.name === best.name && c.id < best.id)))
    ) {
      best = c;
    }
  }
  return best;
}
