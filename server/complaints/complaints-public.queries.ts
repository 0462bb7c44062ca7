// The public complaint page (issue #5 §1): filing without signing in, and the status look-up by reference and
// email. Nothing here returns internal notes, names of staff, or anything about another complaint.
//
// Who the complaint is recorded against: the contact whose email matches (the most recently updated one when
// several do), on that contact's account; otherwise a new account (the company named, or the person when no
// company is given) with no owner on the "suspect" rung, and a new contact. Matching on the company name
// instead would let anyone attach text to a real customer's account by typing its name.
import { TRPCError } from "@trpc/server";
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, complaints, contacts } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import { FieldError } from "../errors";
import { findPublicReplies } from "./complaint-events.queries";
import { loadPolicy } from "./complaint-policy";
import { applyPlan } from "./complaint-workflow.queries";
import { type ComplaintRow, insertComplaint, requireComplaint } from "./complaints.queries";
import type { PublicAnswerInput, PublicComplaintInput } from "./complaints.schemas";
import { publicStatusOf } from "./customer-messages.rules";
import { publicLimitsFor } from "./public-limits";
import { checkFormToken, formTokenExpiry, isHoneypotFilled } from "./spam-trap";
import { stepContext } from "./steps";
import { isAwaitingAnswer, planCustomerAnswer } from "./steps/customer-answer.step";

/** Public complaints start at this severity; a handler's promise follows the setting for it. */
export const PUBLIC_SEVERITY = "medium" as const;

export type RequestMeta = { ip: string | null; now?: number };

function tooMany(): TRPCError {
  return new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Too many attempts. Please try again later." });
}

function refuseSpam(): never {
  throw new FieldError(
    "BAD_REQUEST",
    { form: ["spam"] },
    "We could not accept this form. Please wait a moment and send it again.",
  );
}

function findOrCreateCustomer(db: Db, input: PublicComplaintInput & { email: string }, now: number) {
  const match = db
    .select({ id: contacts.id, accountId: contacts.accountId, name: contacts.name })
    .from(contacts)
    .where(sql`lower(${contacts.email}) = ${input.email}`)
    .orderBy(desc(contacts.updatedAt), desc(contacts.id))
    .get();
  if (match) return { contactId: match.id, accountId: match.accountId, name: input.name, created: false };
  const company = input.company?.trim() || null;
  const name = company ?? input.name;
  const account = db
    .insert(accounts)
    .values({
      kind: company ? "company" : "person",
      name,
      searchName: name.toLowerCase(),
      ownerId: null,
      rung: "suspect",
      rungSince: now,
      statusSince: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: accounts.id })
    .get();
  const contact = db
    .insert(contacts)
    .values({ accountId: account.id, name: input.name, email: input.email, createdAt: now, updatedAt: now })
    .returning({ id: contacts.id })
    .get();
  return { contactId: contact.id, accountId: account.id, name: input.name, created: true };
}

export function submitPublicComplaint(db: Db, input: PublicComplaintInput, meta: RequestMeta) {
  const now = meta.now ?? Date.now();
  const limits = publicLimitsFor(db);
  // Every attempt counts, spam included: a bot that keeps trying runs into the limit too.
  if (!limits.submitPerIp.hit(meta.ip ?? "unknown", now).ok) throw tooMany();
  if (!limits.submitPerEmail.hit(input.email, now).ok) throw tooMany();
  if (isHoneypotFilled(input.website)) refuseSpam();
  const token = checkFormToken(input.formToken, now);
  if (token === "too_fast" || token === "invalid") refuseSpam();
  if (token === "expired")
    throw new FieldError(
      "BAD_REQUEST",
      { form: ["expired"] },
      "This form was open too long. Please reload the page and send it again.",
    );
  // One complaint per form: a token that already sent one is refused (issue #11 §2).
  if (!limits.usedTokens.claim(input.formToken, formTokenExpiry(input.formToken), now)) {
    throw new FieldError(
      "BAD_REQUEST",
      { form: ["used"] },
      "This form has already been sent. Please reload the page to send another complaint.",
    );
  }
  try {
    return recordPublicComplaint(db, input, now);
  } catch (error) {
    limits.usedTokens.release(input.formToken);
    throw error;
  }
}

function recordPublicComplaint(db: Db, input: PublicComplaintInput, now: number) {
  return inTransaction(db, (t) => {
    const customer = findOrCreateCustomer(t, input, now);
    const policy = loadPolicy(t);
    const created = insertComplaint(
      t,
      {
        accountId: customer.accountId,
        contactId: customer.contactId,
        contactName: customer.name,
        channel: "web_form",
        category: input.category,
        severity: PUBLIC_SEVERITY,
        description: input.description,
        customerRequest: input.customerRequest ?? null,
        receivedAt: now,
        publicEmail: input.email,
        handlerId: null,
        locale: input.locale ?? "en",
        createdById: null,
      },
      policy,
      now,
    );
    recordAudit(t, {
      actorId: null,
      action: "complaint.create.public",
      entity: "complaint",
      entityId: created.id,
      after: {
        reference: created.reference,
        accountId: customer.accountId,
        newAccount: customer.created,
        category: input.category,
      },
      at: now,
    });
    const promise = policy.promisedTimes[PUBLIC_SEVERITY];
    return {
      reference: created.reference,
      replyBy: created.ackDueAt,
      resolveBy: created.resolveDueAt,
      acknowledgeHours: promise.acknowledgeHours,
      resolveDays: promise.resolveDays,
    };
  });
}

function notFoundForCustomer(): TRPCError {
  return new TRPCError({
    code: "NOT_FOUND",
    message: "We found no complaint with this reference and email address.",
  });
}

/** Look-ups and answers count against the same per-address limit (references cannot be walked). */
function countLookup(db: Db, meta: RequestMeta, now: number): void {
  if (!publicLimitsFor(db).lookupPerIp.hit(meta.ip ?? "unknown", now).ok) throw tooMany();
}

/**
 * The complaint a reference and email open, or NOT_FOUND: a wrong email, an unknown reference, or another
 * complaint's reference all get the same answer, so it reveals nothing.
 */
function findOwnComplaint(db: Db, input: { reference: string; email: string }): ComplaintRow {
  const c = db.select().from(complaints).where(eq(complaints.reference, input.reference)).get();
  if (!c?.publicEmail || c.publicEmail !== input.email.toLowerCase()) throw notFoundForCustomer();
  return c;
}

function statusForCustomer(db: Db, c: ComplaintRow) {
  return {
    reference: c.reference,
    status: publicStatusOf(c.status),
    /** The status page offers "Yes, this is resolved" / "No, it is not" while this is true. */
    canAnswer: isAwaitingAnswer(c.status),
    category: c.category,
    receivedAt: c.receivedAt,
    replyBy: c.ackDueAt,
    resolveBy: c.resolveDueAt,
    acknowledgedAt: c.acknowledgedAt,
    closedAt: c.closedAt,
    replies: findPublicReplies(db, c.id),
  };
}

/** The status of one complaint for the person who filed it. */
export function findPublicStatus(db: Db, input: { reference: string; email: string }, meta: RequestMeta) {
  countLookup(db, meta, meta.now ?? Date.now());
  return statusForCustomer(db, findOwnComplaint(db, input));
}

/**
 * The customer's answer to "did our fix meet your expectations?", behind the same reference, email and limit
 * as the look-up: yes records their confirmation and closes the complaint, no reopens it.
 */
export function answerPublicComplaint(db: Db, input: PublicAnswerInput, meta: RequestMeta) {
  const now = meta.now ?? Date.now();
  countLookup(db, meta, now);
  return inTransaction(db, (t) => {
    const c = findOwnComplaint(t, input);
    const plan = planCustomerAnswer(stepContext(t, null, c, now), {
      resolved: input.resolved,
      comment: input.comment ?? null,
    });
    applyPlan(t, null, c, plan, {
      action: input.resolved ? "complaint.confirmedByCustomer" : "complaint.reopenedByCustomer",
      now,
    });
    return statusForCustomer(t, requireComplaint(t, c.id));
  });
}
