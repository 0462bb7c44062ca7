// The executive range as whole months, for the win/loss procedures: shared by the overview page's server
// prefetch and its win/loss summary, so both ask for the same query.
import { parsePeriod, periodLabel } from "@/lib/periods";
import type { PeriodRangeInput } from "@/server/executive/trends.schemas";

export function winLossInput(range: PeriodRangeInput) {
  const from = parsePeriod(range.from, range.grain);
  const to = parsePeriod(range.to, range.grain);
  const [first, last] = range.grain === "month" ? [from, to] : [from * 3, to * 3 + 2];
  return {
    fromMonth: periodLabel(first, "month"),
    toMonth: periodLabel(last, "month"),
    grain: range.grain,
    ownerIds: [] as string[],
  };
}
