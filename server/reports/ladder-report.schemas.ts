import { z } from "zod";
import { monthIndex } from "./ladder-report.rules";

export const MAX_REPORT_MONTHS = 120;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choose a month (YYYY-MM).");

/** A period of whole UTC months: `from` inclusive, `to` exclusive. */
export const ladderReportInput = z
  .object({ from: month, to: month })
  .refine((p) => p.from < p.to, { path: ["to"], message: "The end must come after the start." })
  .refine((p) => !(monthIndex(p.to) - monthIndex(p.from) > MAX_REPORT_MONTHS), {
    path: ["from"],
    message: `Choose a period of at most ${MAX_REPORT_MONTHS} months.`,
  });
export type LadderReportInput = z.infer<typeof ladderReportInput>;
