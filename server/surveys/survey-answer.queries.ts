// The public answer page (no sign-in) and closing the loop (issue #13 §2). One answer per link, until it
// expires; a detractor or a CSAT 1–2 gives the account's owner a follow-up task; a promoter proposes the
// advocate move (issue #13 §3).

import { TRPCError } from "@trpc/server";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, complaints, contacts, type SurveyKind, surveys, tasks, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { systemTitle } from "@/lib/system-text";
import { proposeAdvocate } from "../advocates/advocates.queries";
import { recordAudit } from "../audit/audit.queries";
import { type Actor, canHandleFeedback } from "../auth/permissions";
import { FieldError, forbidden, notFound } from "../errors";
import { getSetting } from "../settings/settings.queries";
import { classOf, followUpDueAt, isValidScore, linkState, needsFollowUp, scaleOf } from "./survey.rules";
import { surveyLimitsFor } from "./survey-limits";
import { senderName } from "./survey-send.queries";
import { surveysSettings } from "./surveys.settings";

type Meta = { ip: string | null; now?: number };

function findByToken(db: Db, token: string) {
  return db
    .select({
      id: surveys.id,
      kind: surveys.kind,
      accountId: surveys.accountId,
      locale: surveys.locale,
      expiresAt: surveys.expiresAt,
      answeredAt: surveys.answeredAt,
      contactName: contacts.name,
      complaintReference: complaints.reference,
    })
    .from(surveys)
    .leftJoin(contacts, eq(contacts.id, surveys.contactId))
    .leftJoin(complaints, eq(complaints.id, surveys.complaintId))
    .where(eq(surveys.token, token))
    .get();
}

const notFoundLink = () =>
  new TRPCError({ code: "NOT_FOUND", message: "This survey link is not valid. Please check the address." });

/** What the answer page shows for a link: the question, or that it was answered or has expired. */
export function getPublicSurvey(db: Db, token: string, now = Date.now()) {
  const s = findByToken(db, token);
  if (!s) throw notFoundLink();
  return {
    kind: s.kind,
    state: linkState(s, now),
    scale: scaleOf(s.kind),
    locale: s.locale,
    company: senderName(),
    name: s.contactName,
    reference: s.complaintReference,
    expiresAt: s.expiresAt,
  };
}

/** Who closes the loop: the account's owner, else (an account nobody owns) the first active sales lead or admin. */
function loopOwner(db: Db, ownerId: string | null): { id: string; locale: string } | null {
  if (ownerId) {
    const owner = db
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(and(eq(users.id, ownerId), eq(users.active, true)))
      .get();
    if (owner) return owner;
  }
  for (const role of ["sales_lead", "admin"] as const) {
    const u = db
      .select({ id: users.id, locale: users.locale })
      .from(users)
      .where(and(eq(users.role, role), eq(users.active, true)))
      .orderBy(asc(users.name), asc(users.id))
      .get();
    if (u) return u;
  }
  return null;
}

/** The close-the-loop task's title: a system text, shown in the reader's language (issue #12 §7). */
function loopTitle(kind: SurveyKind, score: number, who: string) {
  const params = { who, score, max: scaleOf(kind).max };
  return systemTitle({ key: kind === "nps" ? "task.closeLoopNps" : "task.closeLoopCsat", params });
}

/**
 * Records the answer to a link. Every attempt counts against the client address's limit. An answered link
 * refuses a second answer (CONFLICT), an expired one refuses any (BAD_REQUEST), both with a field "form".
 */
export function answerSurvey(
  db: Db,
  input: { token: string; score: number; comment?: string | null },
  meta: Meta,
) {
  const now = meta.now ?? Date.now();
  if (!surveyLimitsFor(db).answersPerIp.hit(meta.ip ?? "unknown", now).ok) {
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: "Too many answers. Please try again later." });
  }
  return inTransaction(db, (t) => {
    const s = findByToken(t, input.token);
    if (!s) throw notFoundLink();
    const state = linkState(s, now);
    if (state === "answered") {
      throw new FieldError("CONFLICT", { form: ["answered"] }, "This survey has already been answered.");
    }
    if (state === "expired") {
      throw new FieldError("BAD_REQUEST", { form: ["expired"] }, "This survey link has expired.");
    }
    if (!isValidScore(s.kind, input.score)) {
      const { min, max } = scaleOf(s.kind);
      throw new FieldError("BAD_REQUEST", { score: ["range"] }, `Choose a score from ${min} to ${max}.`);
    }
    const comment = input.comment?.trim() || null;
    t.update(surveys)
      .set({ answeredAt: now, score: input.score, comment })
      .where(and(eq(surveys.id, s.id), isNull(surveys.answeredAt)))
      .run();
    const account = t
      .select({ ownerId: accounts.ownerId, name: accounts.name })
      .from(accounts)
      .where(eq(accounts.id, s.accountId))
      .get();
    let followUpTaskId: number | null = null;
    if (needsFollowUp(s.kind, input.score)) {
      const owner = loopOwner(t, account?.ownerId ?? null);
      if (owner) {
        followUpTaskId = t
          .insert(tasks)
          .values({
            accountId: s.accountId,
            assigneeId: owner.id,
            dueAt: followUpDueAt(now, getSetting(t, surveysSettings.closeLoopDays)),
            ...loopTitle(s.kind, input.score, s.contactName ?? account?.name ?? "—"),
            kind: "close_loop",
            sourceKey: `survey:${s.id}`,
            createdAt: now,
          })
          .returning({ id: tasks.id })
          .get().id;
        t.update(surveys).set({ followUpTaskId }).where(eq(surveys.id, s.id)).run();
      }
    }
    let advocateProposal: number | null = null;
    if (classOf(s.kind, input.score) === "promoter") {
      advocateProposal = proposeAdvocate(
        t,
        {
          accountId: s.accountId,
          evidence: {
            kind: "promoter_score",
            score: input.score,
            surveyId: s.id,
            contactName: s.contactName,
            comment,
          },
          observedAt: now,
          recordedById: null,
        },
        now,
      );
    }
    recordAudit(t, {
      actorId: null,
      action: "survey.answer",
      entity: "account",
      entityId: s.accountId,
      after: { survey: s.id, kind: s.kind, score: input.score, followUpTaskId, advocateProposal },
      at: now,
    });
    return { answered: true as const, kind: s.kind, followUp: followUpTaskId !== null };
  });
}

/**
 * The account's owner (or whoever the follow-up went to, or a handler) records how the loop was closed:
 * the survey keeps the note and the moment, and the follow-up task is ticked off.
 */
export function closeLoop(db: Db, actor: Actor, input: { surveyId: number; note: string }, now = Date.now()) {
  return inTransaction(db, (t) => {
    const s = t
      .select({
        id: surveys.id,
        accountId: surveys.accountId,
        followUpTaskId: surveys.followUpTaskId,
        loopClosedAt: surveys.loopClosedAt,
        ownerId: accounts.ownerId,
        assigneeId: tasks.assigneeId,
      })
      .from(surveys)
      .innerJoin(accounts, eq(accounts.id, surveys.accountId))
      .leftJoin(tasks, eq(tasks.id, surveys.followUpTaskId))
      .where(eq(surveys.id, input.surveyId))
      .get();
    if (!s) throw notFound("Survey");
    if (!canHandleFeedback(actor, { ownerId: s.ownerId }, s.assigneeId ?? null)) {
      throw forbidden("Only the account's owner or the person following up can close the loop.");
    }
    if (s.followUpTaskId === null) {
      throw new FieldError("BAD_REQUEST", { surveyId: ["noFollowUp"] }, "This answer needs no follow-up.");
    }
    if (s.loopClosedAt !== null) {
      throw new FieldError("CONFLICT", { surveyId: ["alreadyClosed"] }, "The loop is already closed.");
    }
    t.update(surveys)
      .set({ loopClosedAt: now, loopClosedById: actor.id, loopNote: input.note.trim() })
      .where(eq(surveys.id, s.id))
      .run();
    t.update(tasks)
      .set({ doneAt: now })
      .where(and(eq(tasks.id, s.followUpTaskId), isNull(tasks.doneAt)))
      .run();
    recordAudit(t, {
      actorId: actor.id,
      action: "survey.closeLoop",
      entity: "account",
      entityId: s.accountId,
      after: { survey: s.id, note: input.note.trim() },
      at: now,
    });
    return { closedAt: now };
  });
}
