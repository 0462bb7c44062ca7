// Surveys (issue #13 §2): the public answer page's two procedures (no sign-in), sending one by hand, the
// account's surveys, the answers list and closing the loop. Who may act on which account is checked in the
// queries (account managers their own accounts; the follow-up's assignee on theirs).
import { authedProcedure, publicProcedure, router } from "../trpc";
import { answerSurvey, closeLoop, getPublicSurvey } from "./survey-answer.queries";
import { listAccountSurveys, listSurveyAnswers } from "./survey-lists.queries";
import { sendSurvey } from "./survey-send.queries";
import {
  accountSurveysInput,
  answerInput,
  closeLoopInput,
  sendSurveyInput,
  surveyListInput,
  tokenInput,
} from "./surveys.schemas";

export const surveysRouter = router({
  publicSurvey: publicProcedure
    .input(tokenInput)
    .query(({ ctx, input }) => getPublicSurvey(ctx.db, input.token)),
  answer: publicProcedure
    .input(answerInput)
    .mutation(({ ctx, input }) => answerSurvey(ctx.db, input, { ip: ctx.clientIp ?? null })),
  send: authedProcedure
    .input(sendSurveyInput)
    .mutation(({ ctx, input }) => sendSurvey(ctx.db, ctx.user, input)),
  forAccount: authedProcedure
    .input(accountSurveysInput)
    .query(({ ctx, input }) => listAccountSurveys(ctx.db, ctx.user, input.accountId)),
  answers: authedProcedure
    .input(surveyListInput)
    .query(({ ctx, input }) => listSurveyAnswers(ctx.db, ctx.user, input)),
  closeLoop: authedProcedure
    .input(closeLoopInput)
    .mutation(({ ctx, input }) => closeLoop(ctx.db, ctx.user, input)),
});
