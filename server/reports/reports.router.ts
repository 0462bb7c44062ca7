import { cachedReport } from "../report-cache";
import { authedProcedure, router } from "../trpc";
import { ladderReport } from "./ladder-report.queries";
import { ladderReportInput } from "./ladder-report.schemas";

// Reports read across all accounts; every signed-in role may read them (issue #2 §4: all roles read all).
export const reportsRouter = router({
  ladder: authedProcedure.input(ladderReportInput).query(cachedReport(ladderReport)),
});
