// Complaints (issue #5): staff intake, reading, queues and workflow steps; the public form and status lookup
// are in complaints-public.router.ts and merged in here. Account managers are limited to their own
// accounts inside the queries.

import { z } from "zod";
import {
  COMPLAINT_DASHBOARD_VIEWERS,
  COMPLAINT_HANDLERS,
  COMPLAINT_READERS,
  COMPLAINT_RECORDERS,
} from "../auth/permissions";
import { cachedReport } from "../report-cache";
import { roleProcedure, router } from "../trpc";
import { listOutbox } from "./complaint-events.queries";
import { listQueue } from "./complaint-queues.queries";
import { addComplaintNote, setChecklistItem, transitionComplaint } from "./complaint-workflow.queries";
import {
  createComplaint,
  getComplaint,
  getComplaintOptions,
  listAccountComplaints,
} from "./complaints.queries";
import {
  accountComplaintsInput,
  addNoteInput,
  checklistInput,
  complaintIdInput,
  createComplaintInput,
  outboxInput,
  queueInput,
  transitionInput,
} from "./complaints.schemas";
import { publicComplaintProcedures } from "./complaints-public.router";
import {
  complainingRungs,
  complaintCauses,
  complaintOutcomes,
  complaintTimes,
  complaintVolume,
  noComplaintRepurchase,
} from "./dashboard.queries";
import { complaintDashboardInput } from "./dashboard.schemas";

const reader = roleProcedure(...COMPLAINT_READERS);
const recorder = roleProcedure(...COMPLAINT_RECORDERS);
const handler = roleProcedure(...COMPLAINT_HANDLERS);
const dashboard = roleProcedure(...COMPLAINT_DASHBOARD_VIEWERS).input(complaintDashboardInput);

export const complaintsRouter = router({
  options: reader.input(z.object({}).optional()).query(({ ctx }) => getComplaintOptions(ctx.db)),
  create: recorder
    .input(createComplaintInput)
    .mutation(({ ctx, input }) => createComplaint(ctx.db, ctx.user, input)),
  get: reader.input(complaintIdInput).query(({ ctx, input }) => getComplaint(ctx.db, ctx.user, input.id)),
  listForAccount: reader
    .input(accountComplaintsInput)
    .query(({ ctx, input }) => listAccountComplaints(ctx.db, ctx.user, input)),
  queue: reader.input(queueInput).query(({ ctx, input }) => listQueue(ctx.db, ctx.user, input)),
  transition: handler
    .input(transitionInput)
    .mutation(({ ctx, input }) => transitionComplaint(ctx.db, ctx.user, input)),
  addNote: recorder
    .input(addNoteInput)
    .mutation(({ ctx, input }) => addComplaintNote(ctx.db, ctx.user, input)),
  setChecklistItem: handler
    .input(checklistInput)
    .mutation(({ ctx, input }) => setChecklistItem(ctx.db, ctx.user, input)),
  // Customers' email addresses and every message: complaint handlers only.
  outbox: handler.input(outboxInput).query(({ ctx, input }) => listOutbox(ctx.db, input)),
  // The dashboard (issue #5 §3).
  volume: dashboard.query(cachedReport(complaintVolume)),
  times: dashboard.query(cachedReport(complaintTimes)),
  outcomes: dashboard.query(cachedReport(complaintOutcomes)),
  noComplaint: dashboard.query(cachedReport(noComplaintRepurchase)),
  causes: dashboard.query(cachedReport(complaintCauses)),
  rungs: dashboard.query(cachedReport(complainingRungs)),
  ...publicComplaintProcedures,
});
