// A problem becomes a complaint in one step (issue #13 §1): the complaints domain's own intake records it
// (promised times, routing, the thanks to the customer); the feedback points at it and is closed as handed
// over, so it no longer waits for action.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type ComplaintCategory, contacts, feedback } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { createComplaint } from "../complaints/complaints.queries";
import { FieldError, notFound } from "../errors";
import { localeForName } from "../surveys/survey.rules";
import { markClosed } from "./feedback.queries";

/** The complaint category a feedback theme suggests (the form starts there; the person may change it). */
export const CATEGORY_FOR_THEME: Record<string, ComplaintCategory> = {
  product_quality: "product_quality",
  service_attitude: "staff_attitude",
  response_speed: "service",
  price: "payment",
  innovation: "other",
};

export function feedbackToComplaint(
  db: Db,
  actor: Actor,
  input: {
    id: number;
    category: ComplaintCategory;
    severity: "low" | "medium" | "high";
    customerRequest: string | null;
  },
  now = Date.now(),
) {
  return inTransaction(db, (t) => {
    const f = t.select().from(feedback).where(eq(feedback.id, input.id)).get();
    if (!f) throw notFound("Feedback");
    if (f.complaintId !== null) {
      throw new FieldError("CONFLICT", { id: ["alreadyComplaint"] }, "This feedback is already a complaint.");
    }
    if (f.sentiment !== "problem") {
      throw new FieldError("BAD_REQUEST", { id: ["notProblem"] }, "Only a problem can become a complaint.");
    }
    const contact = f.contactId
      ? t.select({ name: contacts.name }).from(contacts).where(eq(contacts.id, f.contactId)).get()
      : undefined;
    // The complaints intake checks who may record a complaint on this account (and nests its transaction).
    const created = createComplaint(
      t,
      actor,
      {
        accountId: f.accountId,
        contactId: f.contactId,
        channel: f.channel,
        category: input.category,
        severity: input.severity,
        description: f.words,
        customerRequest: input.customerRequest,
        receivedAt: f.receivedAt,
        locale: localeForName(contact?.name),
      },
      now,
    );
    markClosed(
      t,
      f,
      { resolution: `complaint ${created.reference}`, actorId: actor.id, complaintId: created.id },
      now,
    );
    recordAudit(t, {
      actorId: actor.id,
      action: "feedback.toComplaint",
      entity: "feedback",
      entityId: f.id,
      after: { complaintId: created.id, reference: created.reference },
      at: now,
    });
    return { complaintId: created.id, reference: created.reference };
  });
}
