// Sending a survey (issue #13 §2): one row per person asked, with a one-time link; mailed through the outbox
// when there is an address (the outbox job sends it when SMTP_URL is set), otherwise handed over by staff.
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, contacts, type Locale, outbox, type SurveyKind, surveys } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import { type Actor, canHandleFeedback } from "../auth/permissions";
import { FieldError, forbidden, notFound } from "../errors";
import { getSetting } from "../settings/settings.queries";
import { expiresAt, localeForName } from "./survey.rules";
import { surveyInvitation } from "./survey-messages.rules";
import { surveysSettings } from "./surveys.settings";

/** 144 random bits, URL-safe: a link cannot be guessed or walked. */
export function newToken(): string {
  return randomBytes(18).toString("base64url");
}

/** The public answer page of a token, on the app's public address. */
export function surveyLink(token: string): string {
  const base = (process.env.BETTER_AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}/survey/${token}`;
}

/** The company name customers see: MAIL_FROM's display name, else the product's. */
export function senderName(): string {
  const from = process.env.MAIL_FROM ?? "";
  const display = from.includes("<") ? from.slice(0, from.indexOf("<")).trim().replace(/^"|"$/g, "") : "";
  return display || "Ladder CRM";
}

export type NewSurvey = {
  kind: SurveyKind;
  accountId: number;
  contactId: number | null;
  contactName: string | null;
  email: string | null;
  locale: Locale;
  sourceKey: string | null;
  complaintId?: number | null;
  complaintReference?: string | null;
  complaintOutcome?: string | null;
  dealId?: number | null;
  sentById: string | null;
};

/**
 * Inserts a survey with the account's owner, rung, level and segment as they are now, and queues the
 * invitation in the outbox when it has an address. Call inside the caller's transaction.
 */
export function insertSurvey(db: Db, s: NewSurvey, now: number): { id: number; token: string } {
  const account = db
    .select({
      ownerId: accounts.ownerId,
      rung: accounts.rung,
      level: accounts.level,
      segment: accounts.segment,
    })
    .from(accounts)
    .where(eq(accounts.id, s.accountId))
    .get();
  if (!account) throw notFound("Account");
  const token = newToken();
  const expires = expiresAt(now, getSetting(db, surveysSettings.surveyLinkDays));
  const row = db
    .insert(surveys)
    .values({
      kind: s.kind,
      token,
      accountId: s.accountId,
      contactId: s.contactId,
      email: s.email,
      locale: s.locale,
      sourceKey: s.sourceKey,
      complaintId: s.complaintId ?? null,
      dealId: s.dealId ?? null,
      complaintOutcome: s.complaintOutcome ?? null,
      ...account,
      sentById: s.sentById,
      sentAt: now,
      expiresAt: expires,
      createdAt: now,
    })
    .returning({ id: surveys.id })
    .get();
  if (s.email) {
    const message = surveyInvitation(s.kind, s.locale, {
      name: s.contactName,
      company: senderName(),
      link: surveyLink(token),
      expiresOn: new Date(expires).toISOString().slice(0, 10),
      reference: s.complaintReference ?? null,
    });
    db.insert(outbox)
      .values({ to: s.email, ...message, complaintId: s.complaintId ?? null, createdAt: now })
      .run();
  }
  return { id: row.id, token };
}

/**
 * A person sends the relationship survey to one contact now: by email (the contact's address), or as a link
 * to hand over themselves (chat, a visit), which is shown once, to them. A contact with an open link already
 * is refused, so nobody is asked twice at once.
 */
export function sendSurvey(
  db: Db,
  actor: Actor,
  input: { accountId: number; contactId: number; byEmail: boolean; locale?: Locale | null },
  now = Date.now(),
) {
  return inTransaction(db, (t) => {
    const account = t
      .select({ id: accounts.id, ownerId: accounts.ownerId })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .get();
    if (!account) throw notFound("Account");
    if (!canHandleFeedback(actor, account)) {
      throw forbidden("You can send surveys only to contacts of accounts you own.");
    }
    const contact = t
      .select({ id: contacts.id, name: contacts.name, email: contacts.email })
      .from(contacts)
      .where(and(eq(contacts.id, input.contactId), eq(contacts.accountId, account.id)))
      .get();
    if (!contact) {
      throw new FieldError("BAD_REQUEST", { contactId: ["contactNotOnAccount"] }, "Choose a contact.");
    }
    if (input.byEmail && !contact.email) {
      throw new FieldError("BAD_REQUEST", { contactId: ["noEmail"] }, "This contact has no email address.");
    }
    const open = t
      .select({ id: surveys.id, sentAt: surveys.sentAt })
      .from(surveys)
      .where(
        and(
          eq(surveys.contactId, contact.id),
          eq(surveys.kind, "nps"),
          isNull(surveys.answeredAt),
          gt(surveys.expiresAt, now),
        ),
      )
      .get();
    if (open) {
      throw new FieldError(
        "CONFLICT",
        { contactId: ["alreadyOpen"] },
        "This contact already has an open survey link.",
      );
    }
    const locale = input.locale ?? localeForName(contact.name);
    const created = insertSurvey(
      t,
      {
        kind: "nps",
        accountId: account.id,
        contactId: contact.id,
        contactName: contact.name,
        email: input.byEmail ? (contact.email?.toLowerCase() ?? null) : null,
        locale,
        sourceKey: null,
        sentById: actor.id,
      },
      now,
    );
    recordAudit(t, {
      actorId: actor.id,
      action: "survey.send",
      entity: "account",
      entityId: account.id,
      after: { survey: created.id, contactId: contact.id, byEmail: input.byEmail, locale },
      at: now,
    });
    // The link goes back only when the person hands it over; a mailed link stays between us and the customer.
    return { id: created.id, link: input.byEmail ? null : surveyLink(created.token) };
  });
}
