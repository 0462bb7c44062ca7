// The feedback dashboard (issue #13 §4): sales leads, executives and admins; service agents read it too.
import { FEEDBACK_DASHBOARD_VIEWERS } from "../auth/permissions";
import { cachedReport } from "../report-cache";
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
  scores: dashboard.query(cachedReport(surveyScores)),
  breakdown: dashboard.query(cachedReport(surveyBreakdown)),
  csatByOutcome: dashboard.query(cachedReport(csatByOutcome)),
  staying: dashboard.query(cachedReport(stayingByClass)),
  defectedPromoters: viewer
    .input(defectedPromotersInput)
    .query(({ ctx, input }) => defectedPromoters(ctx.db, input)),
  themes: dashboard.query(cachedReport(feedbackThemes)),
  waiting: dashboard.query(cachedReport(waitingAndLoops)),
  referrals: dashboard.query(cachedReport(referralShare)),
});
