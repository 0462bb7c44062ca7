// The customer ladder's order (domain.md §1): the one source for the rungs bottom to top. The schema's enums,
// the move rules, the reports, the pages and the SQL in the ladder-report triggers all follow it; the
// triggers' CASE expressions are checked against rungPositionSql/rungBelowSql by lib/ladder.test.ts.
// Pure: no db, no React.

/** The climb, bottom to top. */
export const RUNGS = [
  "suspect",
  "prospect",
  "first_time",
  "repeat",
  "client",
  "member",
  "advocate",
  "partner",
] as const;
/** Every rung an account can stand on: the climb and "disqualified", which stands beside prospect, off it. */
export const ALL_RUNGS = [...RUNGS, "disqualified"] as const;
export type ClimbRung = (typeof RUNGS)[number];
export type Rung = (typeof ALL_RUNGS)[number];

/** Rungs above repeat customer: reached on a person's evidence, not by orders alone. */
export const UPPER_RUNGS = [
  "client",
  "member",
  "advocate",
  "partner",
] as const satisfies readonly ClimbRung[];
export type UpperRung = (typeof UPPER_RUNGS)[number];

/** Position on the climb (suspect 0 … partner 7); -1 for disqualified. */
export function rungIndex(rung: Rung): number {
  return (RUNGS as readonly Rung[]).indexOf(rung);
}

export function isUpperRung(rung: Rung): rung is UpperRung {
  return (UPPER_RUNGS as readonly Rung[]).includes(rung);
}

/** The rung just below on the climb; null for suspect and disqualified. */
export function rungBelow(rung: Rung): ClimbRung | null {
  const i = rungIndex(rung);
  return i > 0 ? (RUNGS[i - 1] as ClimbRung) : null;
}

/** SQL giving a rung column's position on the climb (NULL for disqualified), as rungIndex. */
export function rungPositionSql(column: string): string {
  return `(CASE ${column} ${RUNGS.map((r, i) => `WHEN '${r}' THEN ${i}`).join(" ")} END)`;
}

/** SQL giving the rung just below a rung column's (NULL for suspect and disqualified), as rungBelow. */
export function rungBelowSql(column: string): string {
  const pairs = RUNGS.slice(1).map((r, i) => `WHEN '${r}' THEN '${RUNGS[i]}'`);
  return `(CASE ${column} ${pairs.join(" ")} END)`;
}
