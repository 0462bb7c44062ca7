import { z } from "zod";
import { GRAINS } from "@/lib/periods";
import { executiveViewers } from "../auth/executive-access";
import { cachedReport } from "../report-cache";
import { router, settingRoleProcedure } from "../trpc";
import { cohortHeatmap, executiveOverview, firstPeriod, ladderOverTime } from "./trends.queries";
import { periodRangeInput, toPeriodRange } from "./trends.schemas";
import { valueByRungAndLevel } from "./value.queries";
import { deleteScenario, listScenarios, measuredFigures, saveScenario } from "./whatif.queries";
import { saveScenarioInput, scenarioIdInput } from "./whatif.schemas";

// The executive view: the roles the executiveViewers setting names (executives, sales leads, admins by default).
const reader = settingRoleProcedure((ctx) => executiveViewers(ctx.db));

export const executiveRouter = router({
  overview: reader
    .input(periodRangeInput)
    .query(cachedReport((db, input) => executiveOverview(db, toPeriodRange(input)))),
  cohorts: reader
    .input(periodRangeInput)
    .query(cachedReport((db, input) => cohortHeatmap(db, toPeriodRange(input)))),
  ladder: reader
    .input(periodRangeInput)
    .query(cachedReport((db, input) => ladderOverTime(db, toPeriodRange(input)))),
  firstPeriod: reader
    .input(z.object({ grain: z.enum(GRAINS) }))
    .query(({ ctx, input }) => ({ first: firstPeriod(ctx.db, input.grain) })),
  value: reader.input(z.object({}).optional()).query(cachedReport((db) => valueByRungAndLevel(db))),
  measured: reader.input(z.object({}).optional()).query(({ ctx }) => measuredFigures(ctx.db)),
  scenarios: reader.input(z.object({}).optional()).query(({ ctx }) => listScenarios(ctx.db)),
  saveScenario: reader
    .input(saveScenarioInput)
    .mutation(({ ctx, input }) => saveScenario(ctx.db, ctx.user, input)),
  deleteScenario: reader
    .input(scenarioIdInput)
    .mutation(({ ctx, input }) => deleteScenario(ctx.db, ctx.user, input.id)),
});
