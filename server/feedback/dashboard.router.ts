// The feedback dashboard (issue #13 §4): sales leads, executives and admins; service agents read it too.
import { FEEDBACK_DASHBOARD_VIEWERS } from "../auth/permissions";
import { roleProcedure, router } from "../trpc";
import {
  csatByOutcome,
  defectedPromoters,
  stayingByClass,
  surveyBreakdown,
  surveyScores,
} from "./dashboard.queries";
import { defectedPromotersInput, feedbackDashboardInput } from "./dashboard.schemas";
import { feedbackThemes, referralShare, waitingAndLoops } from "./dashboard-feedback.queries";

const viewer = roleProcedure(...FEEDBACK_DASHBOARD_VIEWERS);
const dashboard = viewer.input(feedbackDashboardInput);

export const feedbackDashboardRouter = router({
  scores: dashboard.query(({ ctx, input }) => surveyScores(ctx.db, input)),
  breakdown: dashboard.query(({ ctx, input }) => surveyBreakdown(ctx.db, input)),
  csatByOutcome: dashboard.query(({ ctx, input }) => csatByOutcome(ctx.db, input)),
  staying: dashboard.query(({ ctx, input }) => stayingByClass(ctx.db, input)),
  defectedPromoters: viewer
    .input(defectedPromotersInput)
    .query(({ ctx, input }) => defectedPromoters(ctx.db, input)),
  themes: dashboard.query(({ ctx, input }) => feedbackThemes(ctx.db, input)),
  waiting: dashboard.query(({ ctx, input }) => waitingAndLoops(ctx.db, input)),
  referrals: dashboard.query(({ ctx, input }) => referralShare(ctx.db, input)),
});
