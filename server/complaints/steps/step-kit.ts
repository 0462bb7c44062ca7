// What every workflow step shares: the plan it returns, the checked status moves, and the late-promise marks.
// A step reads only; complaint-workflow.queries.ts writes its plan inside one immediate transaction.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type complaints, contacts } from "@/db/schema";
import type { Actor } from "../../auth/permissions";
import { FieldError } from "../../errors";
import type { NewEvent } from "../complaint-events.queries";
import type { ComplaintPolicy } from "../complaint-policy";
import type { ComplaintRow } from "../complaints.queries";
import type { CustomerMessage } from "../customer-messages.rules";
import { type ComplaintState, checkTransition, type TransitionContext } from "../workflow.rules";

export type Patch = Partial<typeof complaints.$inferInsert>;
export type PlannedEvent = Omit<NewEvent, "complaintId" | "actorId" | "at">;

/** What one step changes: the row, the timeline events, the customer's message, and whether to follow up. */
export type Plan = {
  patch: Patch;
  events: PlannedEvent[];
  message?: CustomerMessage;
  followUp?: boolean;
};

/** Who takes the step (null: the customer, on the status page), on which complaint, under which settings. */
export type StepContext = {
  db: Db;
  actor: Actor | null;
  c: ComplaintRow;
  now: number;
  policy: ComplaintPolicy;
  /** The reference and the contact's name, for the customer's messages. */
  customer: { reference: string; name: string | null };
};

export function refuse(field: string, message: string): never {
  throw new FieldError("BAD_REQUEST", { [field]: [message] }, message);
}

/**
 * Status moves in order from the complaint's state, each checked against the state machine; the message goes
 * with the first. Returns the events and the state reached.
 */
export function moves(
  c: Pick<ComplaintRow, "status">,
  path: readonly ComplaintState[],
  ctx: TransitionContext = {},
  message?: string | null,
): { events: PlannedEvent[]; status: ComplaintState } {
  let from = c.status as ComplaintState;
  const events: PlannedEvent[] = [];
  for (const to of path) {
    const check = checkTransition(from, to, ctx);
    if (!check.ok) refuse(check.field, check.message);
    events.push({
      kind: "status",
      fromStatus: from,
      toStatus: to,
      message: events.length === 0 ? (message ?? null) : null,
    });
    from = to;
  }
  return { events, status: from };
}

/** Acknowledged or reopened complaints start the investigation with whatever step comes next. */
export function intoInvestigation(c: Pick<ComplaintRow, "status">): ComplaintState[] {
  return c.status === "acknowledged" || c.status === "reopened" ? ["investigating"] : [];
}

export function customerName(db: Db, c: Pick<ComplaintRow, "contactId">): string | null {
  if (!c.contactId) return null;
  return (
    db.select({ name: contacts.name }).from(contacts).where(eq(contacts.id, c.contactId)).get()?.name ?? null
  );
}

/** Recorded the moment a late step happens, if the hourly job has not recorded it already. */
export function lateAck(c: ComplaintRow, now: number): Patch {
  return now > c.ackDueAt && c.ackBreachedAt === null ? { ackBreachedAt: now } : {};
}

export function lateResolve(c: ComplaintRow, now: number): Patch {
  return now > c.resolveDueAt && c.resolveBreachedAt === null && c.resolvedAt === null
    ? { resolveBreachedAt: now }
    : {};
}

export function breachEvents(patch: Patch): PlannedEvent[] {
  const events: PlannedEvent[] = [];
  if (patch.ackBreachedAt) events.push({ kind: "breach", message: "acknowledge" });
  if (patch.resolveBreachedAt) events.push({ kind: "breach", message: "resolve" });
  return events;
}
