// Feedback (issue #13 §1): everyone signed in records and reads it; who may act on a piece (owner and due
// date, close, tell the customer) is checked in the queries, and turning a problem into a complaint goes
// through the complaints intake's own check. The admin card for the listening settings is here too.
import { z } from "zod";
import { listeningSettingsInput } from "../surveys/surveys.schemas";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { assignFeedback, closeFeedback, recordFeedback, tellCustomer } from "./feedback.queries";
import {
  accountFeedbackInput,
  assignFeedbackInput,
  closeFeedbackInput,
  feedbackIdInput,
  feedbackListInput,
  recordFeedbackInput,
  tellCustomerInput,
  toComplaintInput,
} from "./feedback.schemas";
import { feedbackToComplaint } from "./feedback-complaint.queries";
import { feedbackOptions, getFeedback, listAccountFeedback, listFeedback } from "./feedback-lists.queries";
import { getListeningSettings, saveListeningSettings } from "./listening-settings.queries";

const admin = roleProcedure("admin");

export const feedbackRouter = router({
  options: authedProcedure.input(z.object({}).optional()).query(({ ctx }) => feedbackOptions(ctx.db)),
  record: authedProcedure
    .input(recordFeedbackInput)
    .mutation(({ ctx, input }) => recordFeedback(ctx.db, ctx.user, input)),
  get: authedProcedure
    .input(feedbackIdInput)
    .query(({ ctx, input }) => getFeedback(ctx.db, ctx.user, input.id)),
  list: authedProcedure
    .input(feedbackListInput)
    .query(({ ctx, input }) => listFeedback(ctx.db, ctx.user, input)),
  forAccount: authedProcedure
    .input(accountFeedbackInput)
    .query(({ ctx, input }) => listAccountFeedback(ctx.db, ctx.user, input.accountId)),
  assign: authedProcedure
    .input(assignFeedbackInput)
    .mutation(({ ctx, input }) => assignFeedback(ctx.db, ctx.user, input)),
  close: authedProcedure
    .input(closeFeedbackInput)
    .mutation(({ ctx, input }) => closeFeedback(ctx.db, ctx.user, input)),
  tell: authedProcedure
    .input(tellCustomerInput)
    .mutation(({ ctx, input }) => tellCustomer(ctx.db, ctx.user, input)),
  toComplaint: authedProcedure
    .input(toComplaintInput)
    .mutation(({ ctx, input }) => feedbackToComplaint(ctx.db, ctx.user, input)),
  settings: admin.input(z.object({}).optional()).query(({ ctx }) => getListeningSettings(ctx.db)),
  saveSettings: admin
    .input(listeningSettingsInput)
    .mutation(({ ctx, input }) => saveListeningSettings(ctx.db, ctx.user, input)),
});
