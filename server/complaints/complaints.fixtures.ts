// Test set-up for complaints: people in every role, an account owned by a manager with a contact, and a
// helper that walks a complaint through the router to any state.

import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints, contacts } from "@/db/schema";
import type { SessionUser } from "../context";
import { insertTestAccount } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";
import type { CreateComplaintInput } from "./complaints.schemas";
import type { ComplaintState } from "./workflow.rules";

export const LIMIT = 50_000; // the default approval limit, 500.00

export function setupComplaints() {
  const db = createTestDb();
  const agent = addUser(db, "service_agent", "Agent Ann");
  const otherAgent = addUser(db, "service_agent", "Agent Bo");
  const lead = addUser(db, "sales_lead", "Lead Li");
  const admin = addUser(db, "admin", "Admin Ada");
  const manager = addUser(db, "account_manager", "Manager Mei");
  const otherManager = addUser(db, "account_manager", "Manager Max");
  const executive = addUser(db, "executive", "Exec Eve");
  const accountId = insertTestAccount(db, { ownerId: manager.id, name: "Acme" });
  const contactId = db
    .insert(contacts)
    .values({ accountId, name: "Carol Buyer", email: "Carol@Acme.test", createdAt: 0, updatedAt: 0 })
    .returning({ id: contacts.id })
    .get().id;
  return { db, agent, otherAgent, lead, admin, manager, otherManager, executive, accountId, contactId };
}

export function complaintInput(
  accountId: number,
  contactId: number,
  overrides: Partial<CreateComplaintInput> = {},
): CreateComplaintInput {
  return {
    accountId,
    contactId,
    channel: "phone",
    category: "delivery",
    severity: "medium",
    description: "The pallet arrived two weeks late and damaged.",
    customerRequest: "Replace the damaged goods",
    ...overrides,
  };
}

/**
 * The path a complaint takes to each state, as router calls (the approval path for awaiting_approval/approved).
 * "acknowledged" is no longer a resting state (acknowledging starts the investigation); complaints recorded
 * before that change still stand there, so it is written directly.
 */
export async function driveTo(
  db: Db,
  handler: SessionUser,
  approver: SessionUser,
  id: number,
  state: ComplaintState,
  remedyValue = 10_000,
): Promise<void> {
  const h = callerFor(db, handler).complaints;
  const a = callerFor(db, approver).complaints;
  if (state === "received") return;
  if (state === "acknowledged") {
    await h.transition({ action: "acknowledge", id });
    db.update(complaints).set({ status: "acknowledged" }).where(eq(complaints.id, id)).run();
    return;
  }
  if (state === "closed_unconfirmed") {
    await h.transition({ action: "closeWithoutConfirmation", id, reason: "Customer stopped answering" });
    return;
  }
  if (state === "reopened") {
    await driveTo(db, handler, approver, id, "closed");
    await h.transition({ action: "reopen", id, reason: "The replacement broke too" });
    return;
  }
  const viaApproval = state === "awaiting_approval" || state === "approved";
  const steps: [ComplaintState, () => Promise<unknown>][] = [
    ["investigating", () => h.transition({ action: "acknowledge", id })],
    [
      viaApproval ? "awaiting_approval" : "remedy_proposed",
      async () => {
        await h.transition({
          action: "recordFindings",
          id,
          rootCause: "late_delivery",
          responsibleParty: "delivery_partner",
        });
        await h.transition({
          action: "proposeRemedy",
          id,
          remedyType: "discount",
          remedyValue: viaApproval ? LIMIT + 1 : remedyValue,
        });
      },
    ],
  ];
  if (viaApproval) {
    steps.push(["approved", () => a.transition({ action: "approve", id })]);
  } else if (state === "remedy_carried_out") {
    steps.push([
      "remedy_carried_out",
      () => h.transition({ action: "carryOut", id, askConfirmation: false }),
    ]);
  } else {
    steps.push(
      ["awaiting_confirmation", () => h.transition({ action: "carryOut", id })],
      ["closed", () => h.transition({ action: "recordConfirmation", id, confirmationChannel: "phone" })],
    );
  }
  for (const [reached, step] of steps) {
    await step();
    if (reached === state) return;
  }
  throw new Error(`no path to ${state}`);
}

let rowSeq = 0;

/** A complaint row written directly (no workflow): received at `receivedAt`, due a day and five days later. */
export function insertComplaintRow(
  db: Db,
  accountId: number,
  over: Partial<typeof complaints.$inferInsert> & { receivedAt: number },
): number {
  rowSeq += 1;
  const { receivedAt } = over;
  return db
    .insert(complaints)
    .values({
      reference: `C-ROW-${rowSeq}`,
      accountId,
      channel: "phone",
      category: "delivery",
      severity: "medium",
      description: "late",
      department: "logistics",
      ackDueAt: receivedAt + 86_400_000,
      resolveDueAt: receivedAt + 5 * 86_400_000,
      createdAt: receivedAt,
      updatedAt: receivedAt,
      ...over,
    })
    .returning({ id: complaints.id })
    .get().id;
}
