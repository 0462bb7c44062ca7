// The service what-if (TARP-style sensitivity analysis, domain.md §5): how many customers and how much revenue
// problems cost, and what a change in complaint handling wins back. Pure.
import { OUTCOMES, type Outcome } from "../complaints/sla.rules";

export type WhatIfInputs = {
  /** Customers in the period. */
  customers: number;
  /** Share of customers who had a problem (0..1). */
  problemShare: number;
  /** Share of those with a problem who complained (0..1); the rest stayed silent. */
  complainShare: number;
  /** How complaints ended: shares by outcome (0..1, summing to 1). */
  outcomeMix: Record<Outcome, number>;
  /** Share who buy again: silent unhappy customers, and complainants by outcome (0..1). */
  repurchase: { silent: number } & Record<Outcome, number>;
  /** Value of a customer (minor units): yearly margin or lifetime value, as the user chooses. */
  customerValue: number;
};

/** Defaults from the literature (TARP; domain.md §4–5): few complain; handling decides who comes back. */
export const DEFAULT_WHAT_IF: WhatIfInputs = {
  customers: 10_000,
  problemShare: 0.25,
  complainShare: 0.04,
  outcomeMix: { unacknowledged: 0.2, unresolved: 0.3, resolved: 0.3, resolved_quickly: 0.2 },
  repurchase: {
    silent: 0.09,
    unacknowledged: 0.09,
    unresolved: 0.19,
    resolved: 0.54,
    resolved_quickly: 0.82,
  },
  customerValue: 100_000,
};

export type WhatIfResult = {
  withProblem: number;
  complained: number;
  silent: number;
  /** Customers with a problem who buy again. */
  retained: number;
  /** Customers with a problem who do not buy again. */
  lost: number;
  revenueLost: number;
};

export function whatIf(i: WhatIfInputs): WhatIfResult {
  const withProblem = i.customers * i.problemShare;
  const complained = withProblem * i.complainShare;
  const silent = withProblem - complained;
  const complainedBack = OUTCOMES.reduce((s, o) => s + complained * i.outcomeMix[o] * i.repurchase[o], 0);
  const retained = silent * i.repurchase.silent + complainedBack;
  const lost = withProblem - retained;
  return { withProblem, complained, silent, retained, lost, revenueLost: lost * i.customerValue };
}

/** What a scenario wins back against the baseline (negative when it loses more). */
export function wonBack(baseline: WhatIfInputs, scenario: WhatIfInputs) {
  const a = whatIf(baseline);
  const b = whatIf(scenario);
  return { customers: a.lost - b.lost, revenue: a.revenueLost - b.revenueLost };
}

/** The outcome mix must add up to 100%; returns the gap (0 when it does), for a form message. */
export function mixGap(mix: Record<Outcome, number>): number {
  return Math.round((1 - OUTCOMES.reduce((s, o) => s + mix[o], 0)) * 1e6) / 1e6;
}
