import { z } from "zod";
import { MONTH_LABEL, parsePeriod } from "@/lib/periods";

export const MAX_REPORT_MONTHS = 120;

const month = z.string().regex(MONTH_LABEL, "Choose a month (YYYY-MM).");

/** A period of whole UTC months: `from` inclusive, `to` exclusive. */
export const ladderReportInput = z
  .object({ from: month, to: month })
  .refine((p) => p.from < p.to, { path: ["to"], message: "The end must come after the start." })
  .refine((p) => !(parsePeriod(p.to, "month") - parsePeriod(p.from, "month") > MAX_REPORT_MONTHS), {
    path: ["from"],
    message: `Choose a period of at most ${MAX_REPORT_MONTHS} months.`,
  });
export type LadderReportInput = z.infer<typeof ladderReportInput>;
