import { z } from "zod";
import { DEAL_WRITERS, REVIEW_QUEUE_ROLES, WIN_LOSS_VIEWERS } from "../auth/permissions";
import { cachedReport } from "../report-cache";
import { authedProcedure, roleProcedure, router } from "../trpc";
import {
  competitorsAndPipeline,
  dealsBehind,
  reasonGap,
  winLossReasons,
  winRates,
} from "./dashboard.queries";
import { closeDeal, createDeal, listDeals, moveDealStage } from "./deals.queries";
import {
  closeDealInput,
  createDealInput,
  createReviewInput,
  dashboardInput,
  dealIdInput,
  drillInput,
  listDealsInput,
  moveStageInput,
  reviewQueueInput,
  winLossSettingsInput,
} from "./deals.schemas";
import { createReview, getDealPage, reviewContext, reviewQueue } from "./reviews.queries";
import { getWinLossSettings, saveWinLossSettings } from "./settings.queries";

// Reads for every signed-in role, narrowed in the queries (an account manager sees their own deals and the
// deals on their accounts); writes for deal owners; reviews by the reviewPolicy setting, checked per deal.
const writer = roleProcedure(...DEAL_WRITERS);
const viewer = roleProcedure(...WIN_LOSS_VIEWERS);
const admin = roleProcedure("admin");

export const dealsRouter = router({
  list: authedProcedure.input(listDealsInput).query(({ ctx, input }) => listDeals(ctx.db, ctx.user, input)),
  get: authedProcedure
    .input(dealIdInput)
    .query(({ ctx, input }) => getDealPage(ctx.db, ctx.user, input.dealId)),
  create: writer.input(createDealInput).mutation(({ ctx, input }) => createDeal(ctx.db, ctx.user, input)),
  moveStage: writer
    .input(moveStageInput)
    .mutation(({ ctx, input }) => moveDealStage(ctx.db, ctx.user, input)),
  close: writer.input(closeDealInput).mutation(({ ctx, input }) => closeDeal(ctx.db, ctx.user, input)),
  reviewContext: authedProcedure
    .input(dealIdInput)
    .query(({ ctx, input }) => reviewContext(ctx.db, ctx.user, input.dealId)),
  review: authedProcedure
    .input(createReviewInput)
    .mutation(({ ctx, input }) => createReview(ctx.db, ctx.user, input)),
  reviewQueue: roleProcedure(...REVIEW_QUEUE_ROLES)
    .input(reviewQueueInput)
    .query(({ ctx, input }) => reviewQueue(ctx.db, ctx.user, input)),
  winRates: viewer.input(dashboardInput).query(cachedReport(winRates)),
  reasons: viewer.input(dashboardInput).query(cachedReport(winLossReasons)),
  gap: viewer.input(dashboardInput).query(cachedReport(reasonGap)),
  competitors: viewer.input(dashboardInput).query(cachedReport(competitorsAndPipeline)),
  settings: admin.input(z.object({}).optional()).query(({ ctx }) => getWinLossSettings(ctx.db)),
  saveSettings: admin
    .input(winLossSettingsInput)
    .mutation(({ ctx, input }) => saveWinLossSettings(ctx.db, ctx.user, input)),
  dealsBehind: viewer.input(drillInput).query(({ ctx, input }) => dealsBehind(ctx.db, input)),
});
