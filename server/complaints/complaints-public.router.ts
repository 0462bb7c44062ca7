// The public procedures (no sign-in): the form's anti-spam token, filing a complaint, the status look-up and
// the customer's answer to whether the remedy resolved it.
import { z } from "zod";
import { publicProcedure } from "../trpc";
import { publicAnswerInput, publicComplaintInput, publicStatusInput } from "./complaints.schemas";
import { answerPublicComplaint, findPublicStatus, submitPublicComplaint } from "./complaints-public.queries";
import { issueFormToken } from "./spam-trap";

export const publicComplaintProcedures = {
  publicFormToken: publicProcedure.input(z.object({}).optional()).query(() => ({ token: issueFormToken() })),
  submitPublic: publicProcedure
    .input(publicComplaintInput)
    .mutation(({ ctx, input }) => submitPublicComplaint(ctx.db, input, { ip: ctx.clientIp ?? null })),
  publicStatus: publicProcedure
    .input(publicStatusInput)
    .query(({ ctx, input }) => findPublicStatus(ctx.db, input, { ip: ctx.clientIp ?? null })),
  publicAnswer: publicProcedure
    .input(publicAnswerInput)
    .mutation(({ ctx, input }) => answerPublicComplaint(ctx.db, input, { ip: ctx.clientIp ?? null })),
};
