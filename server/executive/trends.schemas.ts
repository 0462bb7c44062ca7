import { z } from "zod";
import { GRAINS, type PeriodRange, parsePeriod } from "@/lib/periods";
import { MAX_PERIODS } from "./trends.rules";

/**
 * A range of whole periods as the URL and the procedures take it: grain and both ends inclusive, as labels
 * ("2026-11" for months, "2026-Q4" for quarters).
 */
export const periodRangeInput = z
  .object({
    grain: z.enum(GRAINS),
    from: z.string().max(10),
    to: z.string().max(10),
  })
  .superRefine((r, ctx) => {
    const hint = r.grain === "month" ? "YYYY-MM" : "YYYY-Qn";
    const from = parsePeriod(r.from, r.grain);
    const to = parsePeriod(r.to, r.grain);
    if (Number.isNaN(from))
      ctx.addIssue({ code: "custom", path: ["from"], message: `Choose a period (${hint}).` });
    if (Number.isNaN(to))
      ctx.addIssue({ code: "custom", path: ["to"], message: `Choose a period (${hint}).` });
    if (Number.isNaN(from) || Number.isNaN(to)) return;
    if (to < from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end must not come before the start." });
    else if (to - from + 1 > MAX_PERIODS)
      ctx.addIssue({ code: "custom", path: ["from"], message: `Choose at most ${MAX_PERIODS} periods.` });
  });
export type PeriodRangeInput = z.infer<typeof periodRangeInput>;

export function toPeriodRange(input: PeriodRangeInput): PeriodRange {
  return {
    grain: input.grain,
    from: parsePeriod(input.from, input.grain),
    to: parsePeriod(input.to, input.grain),
  };
}
