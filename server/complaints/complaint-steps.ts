// One workflow step planned (issue #5 §2): checked against the state machine (workflow.rules.ts), it says what
// changes on the complaint, which timeline events to write and which message goes to the customer. Reads only;
// complaint-workflow.queries.ts writes the plan inside its transaction.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type complaints, contacts } from "@/db/schema";
import { type Actor, canApproveRemedies } from "../auth/permissions";
import { FieldError, forbidden } from "../errors";
import type { NewEvent } from "./complaint-events.queries";
import { loadPolicy, requireHandler } from "./complaint-policy";
import type { ComplaintRow } from "./complaints.queries";
import type { TransitionInput } from "./complaints.schemas";
import {
  acknowledgementMessage,
  type CustomerMessage,
  confirmationMessage,
  confirmationRequestMessage,
} from "./customer-messages.rules";
import { departmentFor } from "./routing.rules";
import { acknowledgeDueAt, resolveDueAt } from "./sla.rules";
import {
  type ComplaintState,
  checkTransition,
  isOpen,
  needsApproval,
  type TransitionContext,
} from "./workflow.rules";

export type Patch = Partial<typeof complaints.$inferInsert>;

/** What one step changes: the row, the events, and the customer's message if any. */
export type Plan = {
  patch: Patch;
  events: Omit<NewEvent, "complaintId" | "actorId" | "at">[];
  message?: CustomerMessage;
  followUp?: boolean;
};

function refuse(field: string, message: string): never {
  throw new FieldError("BAD_REQUEST", { [field]: [message] }, message);
}

function move(c: ComplaintRow, to: ComplaintState, ctx: TransitionContext, message?: string | null) {
  const check = checkTransition(c.status as ComplaintState, to, ctx);
  if (!check.ok) refuse(check.field, check.message);
  return {
    kind: "status" as const,
    fromStatus: c.status as ComplaintState,
    toStatus: to,
    message: message ?? null,
  };
}

export function customerName(db: Db, c: ComplaintRow): string | null {
  if (!c.contactId) return null;
  return (
    db.select({ name: contacts.name }).from(contacts).where(eq(contacts.id, c.contactId)).get()?.name ?? null
  );
}

/** Recorded the moment a late step happens, if the hourly job has not recorded it already. */
function lateAck(c: ComplaintRow, now: number): Patch {
  return now > c.ackDueAt && c.ackBreachedAt === null ? { ackBreachedAt: now } : {};
}
function lateResolve(c: ComplaintRow, now: number): Patch {
  return now > c.resolveDueAt && c.resolveBreachedAt === null && c.resolvedAt === null
    ? { resolveBreachedAt: now }
    : {};
}
function breachEvents(patch: Patch) {
  const events: Plan["events"] = [];
  if (patch.ackBreachedAt) events.push({ kind: "breach", message: "acknowledge" });
  if (patch.resolveBreachedAt) events.push({ kind: "breach", message: "resolve" });
  return events;
}

export function planStep(db: Db, actor: Actor, c: ComplaintRow, input: TransitionInput, now: number): Plan {
  const policy = loadPolicy(db);
  const canApprove = canApproveRemedies(actor);
  const ctx = { reference: c.reference, name: customerName(db, c) };
  switch (input.action) {
    case "acknowledge": {
      const status = move(c, "acknowledged", {}, input.message);
      const late = lateAck(c, now);
      // A person, not a queue, handles every complaint: whoever acknowledges an unassigned one takes it.
      const takeOn = c.handlerId === null ? requireHandler(db, actor.id) : null;
      return {
        patch: {
          status: "acknowledged",
          acknowledgedAt: now,
          dueAt: c.resolveDueAt,
          ...late,
          ...(takeOn ? { handlerId: takeOn.id } : {}),
        },
        events: [
          status,
          ...(takeOn ? [{ kind: "assigned" as const, message: takeOn.name }] : []),
          ...breachEvents(late),
        ],
        message: acknowledgementMessage(c.locale, { ...ctx, text: input.message }),
      };
    }
    case "route": {
      if (!isOpen(c.status as ComplaintState))
        refuse("state", "A closed complaint cannot be routed; reopen it first.");
      const patch: Patch = {};
      const events: Plan["events"] = [];
      if (input.category && input.category !== c.category) {
        patch.category = input.category;
        events.push({ kind: "classified", message: `category:${input.category}` });
      }
      if (input.severity && input.severity !== c.severity) {
        // The promise follows the severity, counted from when the customer complained; breaches already
        // recorded stay recorded.
        const ackDue = acknowledgeDueAt(c.receivedAt, input.severity, policy.promisedTimes);
        const resolveDue = resolveDueAt(c.receivedAt, input.severity, policy.promisedTimes);
        Object.assign(patch, {
          severity: input.severity,
          ackDueAt: ackDue,
          resolveDueAt: resolveDue,
          dueAt: c.acknowledgedAt !== null ? resolveDue : ackDue,
        });
        events.push({ kind: "classified", message: `severity:${input.severity}` });
      }
      const department =
        input.department ?? (input.category ? departmentFor(input.category, policy.routing) : null);
      if (department && department !== c.department) {
        patch.department = department;
        events.push({ kind: "routed", message: department });
      }
      if (input.handlerId && input.handlerId !== c.handlerId) {
        const handler = requireHandler(db, input.handlerId);
        patch.handlerId = handler.id;
        events.push({ kind: "assigned", message: handler.name });
      }
      if (events.length === 0) {
        refuse("handlerId", "Nothing to change: choose another category, severity, department or handler.");
      }
      if (input.note) events.push({ kind: "note", message: input.note });
      return { patch, events };
    }
    case "startInvestigation":
      return { patch: { status: "investigating" }, events: [move(c, "investigating", {})] };
    case "recordFindings": {
      if (c.status !== "investigating" && c.status !== "remedy_proposed") {
        refuse("state", "Record the cause while the complaint is being investigated.");
      }
      if (!policy.rootCauses.includes(input.rootCause)) {
        refuse("rootCause", "Choose a root cause from the list; describe it further in the text.");
      }
      return {
        patch: {
          rootCause: input.rootCause,
          rootCauseText: input.rootCauseText ?? null,
          responsibleParty: input.responsibleParty,
        },
        events: [
          {
            kind: "findings",
            message: [input.rootCause, input.responsibleParty, input.rootCauseText]
              .filter(Boolean)
              .join(" · "),
          },
        ],
      };
    }
    case "proposeRemedy": {
      const events: Plan["events"] = [];
      if (c.status === "investigating") {
        if (c.rootCause === null)
          refuse("rootCause", "Record the cause and who was responsible before proposing a remedy.");
        events.push(move(c, "remedy_proposed", {}));
      } else if (c.status !== "remedy_proposed") {
        refuse("state", `A complaint that is ${c.status.replaceAll("_", " ")} cannot take a new remedy.`);
      }
      events.push({
        kind: "remedy",
        message: [input.remedyType, String(input.remedyValue), input.remedyDescription]
          .filter(Boolean)
          .join(" · "),
      });
      const patch: Patch = {
        status: "remedy_proposed",
        remedyType: input.remedyType,
        remedyValue: input.remedyValue,
        remedyDescription: input.remedyDescription ?? null,
        approvedById: null,
        approvedAt: null,
        approvalNote: null,
      };
      if (needsApproval(input.remedyValue, policy.approvalLimit)) {
        const proposed = { ...c, status: "remedy_proposed" as const };
        events.push(
          move(proposed, "awaiting_approval", {
            remedyValue: input.remedyValue,
            approvalLimit: policy.approvalLimit,
          }),
        );
        patch.status = "awaiting_approval";
      }
      return { patch, events };
    }
    case "approve":
      if (!canApprove) throw forbidden("Only a sales lead or an administrator can approve a remedy.");
      return {
        patch: {
          status: "approved",
          approvedById: actor.id,
          approvedAt: now,
          approvalNote: input.note ?? null,
        },
        events: [move(c, "approved", { canApprove }, input.note)],
      };
    case "sendBack":
      if (!canApprove) throw forbidden("Only a sales lead or an administrator can send a remedy back.");
      // investigating → remedy proposed is a forward step too; sending back is only from awaiting approval.
      if (c.status !== "awaiting_approval")
        refuse("state", "Only a remedy awaiting approval can be sent back.");
      return {
        patch: { status: "remedy_proposed", approvedById: null, approvedAt: null, approvalNote: null },
        events: [move(c, "remedy_proposed", { canApprove }, input.reason)],
      };
    case "carryOut":
      return {
        patch: { status: "remedy_carried_out", remedyCarriedOutAt: now },
        events: [
          move(
            c,
            "remedy_carried_out",
            { remedyValue: c.remedyValue, approvalLimit: policy.approvalLimit },
            input.note,
          ),
        ],
      };
    case "requestConfirmation":
      return {
        patch: { status: "awaiting_confirmation" },
        events: [move(c, "awaiting_confirmation", {}, input.message)],
        message: confirmationRequestMessage(c.locale, { ...ctx, text: input.message }),
      };
    case "recordConfirmation": {
      if (c.status !== "awaiting_confirmation") {
        refuse(
          "state",
          "Record the customer's confirmation after the remedy was carried out and they were asked.",
        );
      }
      const late = lateResolve(c, now);
      return {
        patch: {
          confirmationChannel: input.confirmationChannel,
          confirmationNote: input.confirmationNote ?? null,
          confirmedById: actor.id,
          resolvedAt: now,
          ...late,
        },
        events: [
          {
            kind: "confirmation",
            message: [input.confirmationChannel, input.confirmationNote].filter(Boolean).join(" · "),
          },
          ...breachEvents(late),
        ],
      };
    }
    case "close": {
      // The channel counts only with a confirmation recorded for this round (reopening clears both).
      const confirmationChannel = c.resolvedAt !== null ? c.confirmationChannel : null;
      return {
        patch: { status: "closed", closedAt: now, dueAt: null },
        events: [move(c, "closed", { confirmationChannel })],
        message: confirmationMessage(c.locale, ctx),
        followUp: true,
      };
    }
    case "closeWithoutConfirmation": {
      const status = move(c, "closed_unconfirmed", { reason: input.reason }, input.reason);
      const late = lateResolve(c, now);
      return {
        patch: {
          status: "closed_unconfirmed",
          closedAt: now,
          dueAt: null,
          closedUnconfirmedReason: input.reason,
          ...late,
        },
        events: [status, ...breachEvents(late)],
        followUp: true,
      };
    }
    case "reopen": {
      const status = move(c, "reopened", { reason: input.reason }, input.reason);
      return {
        patch: {
          status: "reopened",
          closedAt: null,
          closedUnconfirmedReason: null,
          resolvedAt: null,
          confirmationChannel: null,
          confirmationNote: null,
          confirmedById: null,
          dueAt: c.acknowledgedAt !== null ? c.resolveDueAt : c.ackDueAt,
        },
        events: [status],
      };
    }
  }
}
