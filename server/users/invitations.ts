// Bringing people in without handing them a password: an admin invites (the person chooses a password from a
// one-time link), issues a fresh link (a new invitation, or a reset for someone who has a password), or signs a
// user out everywhere. Links and session revocation are better-auth's own (server/auth/auth.ts); each action is
// audited. The link is returned so the admin can pass it on when no mail is sent (SMTP_URL unset).
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import { hasPassword, issuePasswordLink } from "../auth/auth";
import type { Actor } from "../auth/permissions";
import { authFor } from "../auth/server";
import { FieldError, isUniqueViolation, notFound } from "../errors";
import type { InviteUserInput } from "./users.schemas";

const EMAIL_TAKEN = "A user with this email address already exists.";

export type IssuedLink = { link: string; kind: "invite" | "reset"; emailed: boolean };

const mailIsSent = () => !!process.env.SMTP_URL;

export async function inviteUser(
  db: Db,
  actor: Actor & { name: string },
  input: InviteUserInput,
): Promise<IssuedLink & { id: string; name: string; email: string }> {
  const id = randomUUID();
  const after = {
    name: input.name,
    email: input.email,
    role: input.role,
    locale: input.locale,
    active: true,
  };
  try {
    inTransaction(db, (t) => {
      if (t.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
        throw new FieldError("CONFLICT", { email: [EMAIL_TAKEN] });
      }
      const now = new Date();
      t.insert(users)
        .values({ id, ...after, emailVerified: false, createdAt: now, updatedAt: now })
        .run();
      recordAudit(t, { actorId: actor.id, action: "user.invite", entity: "user", entityId: id, after });
    });
  } catch (error) {
    if (isUniqueViolation(error, "users.email")) throw new FieldError("CONFLICT", { email: [EMAIL_TAKEN] });
    throw error;
  }
  const link = await issuePasswordLink(authFor(db), input.email, {
    purpose: "invite",
    invitedBy: actor.name,
  });
  if (!link) throw new Error("better-auth issued no invitation link");
  return { id, name: input.name, email: input.email, link, kind: "invite", emailed: mailIsSent() };
}

/** A new one-time link for a user: an invitation while they have no password, else a password reset. */
export async function issueLinkFor(
  db: Db,
  actor: Actor & { name: string },
  userId: string,
): Promise<IssuedLink> {
  const user = db
    .select({ id: users.id, email: users.email, active: users.active })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user) throw notFound("User");
  if (!user.active) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Activate the user before sending them a link." });
  }
  const kind = hasPassword(db, userId) ? "reset" : "invite";
  const link = await issuePasswordLink(
    authFor(db),
    user.email,
    kind === "invite" ? { purpose: "invite", invitedBy: actor.name } : { purpose: "reset" },
  );
  if (!link) throw new Error("better-auth issued no password link");
  recordAudit(db, {
    actorId: actor.id,
    action: kind === "invite" ? "user.reinvite" : "user.reset_link",
    entity: "user",
    entityId: userId,
  });
  return { link, kind, emailed: mailIsSent() };
}

/** Signs a user out on every device (better-auth admin plugin's revokeUserSessions), audited with the count. */
export async function revokeUserSessions(
  db: Db,
  actor: Actor,
  headers: Headers | undefined,
  userId: string,
): Promise<{ revoked: number }> {
  if (userId === actor.id) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "To sign yourself out elsewhere, change your password on your account page.",
    });
  }
  if (!headers) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  if (!db.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) throw notFound("User");
  const revoked = db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)).get()?.n ?? 0;
  await authFor(db).api.revokeUserSessions({ body: { userId }, headers });
  recordAudit(db, {
    actorId: actor.id,
    action: "user.revoke_sessions",
    entity: "user",
    entityId: userId,
    after: { sessionsEnded: revoked },
  });
  return { revoked };
}
