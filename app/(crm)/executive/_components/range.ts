// The period range of an executive page from its URL (grain, from, to), with the page's default when absent or
// not valid (an old bookmark falls back rather than showing an error page).
import { type Grain, lastPeriods, rangeLabels } from "@/lib/periods";
import { type PeriodRangeInput, periodRangeInput } from "@/server/executive/trends.schemas";

export type SearchParams = Record<string, string | string[] | undefined>;

export function readRange(
  params: SearchParams,
  defaults: Record<Grain, number>,
  now = Date.now(),
): PeriodRangeInput {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const grain: Grain = one("grain") === "quarter" ? "quarter" : "month";
  const asked = periodRangeInput.safeParse({ grain, from: one("from"), to: one("to") });
  return asked.success ? asked.data : rangeLabels(lastPeriods(now, grain, defaults[grain]));
}

export const OVERVIEW_DEFAULTS: Record<Grain, number> = { month: 12, quarter: 4 };
export const COHORT_DEFAULTS: Record<Grain, number> = { month: 24, quarter: 12 };
export const LADDER_DEFAULTS: Record<Grain, number> = { month: 24, quarter: 12 };
