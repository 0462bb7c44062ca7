// better-auth: email + password sign-in, database sessions in httpOnly SameSite cookies (Secure with an https
// public URL), sign-in lock-out per email and limit per client address (sign-in-guard.ts), password reset and
// invitation links by better-auth's own reset-password tokens, the signed-in user's own password change, and
// the admin plugin for revoking a user's sessions.
// Public sign-up is off: people are created by the set-up page, the user:create CLI, an admin's invitation or
// the demo seed. Profile, role and email changes go through the audited users procedures, not around them.
import { AsyncLocalStorage } from "node:async_hooks";
import { apiKey } from "@better-auth/api-key";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { and, eq, isNotNull, like } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { waitForWriteLock, writeLockFree } from "@/db/write-wait";
import { recordAudit } from "../audit/audit.queries";
import { BUSY_MESSAGE } from "../errors";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "../security/client-address";
import { isHttpsPublicUrl, publicUrl, trustedOrigins } from "../security/public-url";
import { envInt } from "../security/rate-limiter";
import { API_KEY_CLIENT_PATHS, API_KEY_OPTIONS } from "./api-key-options";
import { invitationMail, resetMail } from "./auth-mail.rules";
import { PASSWORD_MIN } from "./password-policy";
import { createSignInGuard } from "./sign-in-guard";

/** A reset link works this long; an invitation link INVITE_DAYS. */
export const RESET_LINK_MINUTES = 60;
export const inviteDays = () => envInt("INVITE_DAYS", 7);

/** Set around a server-side link request: an invitation (longer-lived, other wording) and who sent it. */
type LinkRequest =
  | { purpose: "invite"; invitedBy: string | null; link?: string }
  | { purpose: "reset"; link?: string };
const linkRequest = new AsyncLocalStorage<LinkRequest>();

const adminPlugin = admin({ defaultRole: "account_manager", adminRoles: ["admin"] });
// The admin plugin's HTTP endpoints would create users, set roles and passwords around the audited procedures:
// none is reachable over HTTP; the users procedures call the one they need (revokeUserSessions) on the server.
const ADMIN_PATHS = Object.values(adminPlugin.endpoints).map((e) => e.path);

function queueMail(db: Db, to: string, mail: { subject: string; body: string }) {
  db.insert(schema.outbox)
    .values({ to, subject: mail.subject, body: mail.body, createdAt: Date.now() })
    .run();
}

function tooMany(message: string, code: string, retryAt: number): APIError {
  const seconds = Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
  return new APIError(
    "TOO_MANY_REQUESTS",
    { message, code, retryAt: new Date(retryAt).toISOString() },
    { "Retry-After": String(seconds) },
  );
}

/** 503 with a plain sentence and Retry-After: a write still met a busy database after the bounded wait. */
function busyAnswer(): APIError {
  return new APIError("SERVICE_UNAVAILABLE", { message: BUSY_MESSAGE, code: "BUSY" }, { "Retry-After": "5" });
}

export function createAuth(db: Db) {
  const guard = createSignInGuard();
  const waitToWrite = async () => {
    if (!(await waitForWriteLock(db))) throw busyAnswer();
  };
  const rateLimitOn = process.env.AUTH_RATE_LIMIT !== "off";

  const auth = betterAuth({
    appName: "Ladder CRM",
    baseURL: publicUrl(),
    secret: process.env.BETTER_AUTH_SECRET,
    trustedOrigins: trustedOrigins(),
    database: drizzleAdapter(db, {
      provider: "sqlite",
      schema: {
        user: schema.users,
        session: schema.sessions,
        account: schema.authAccounts,
        verification: schema.verifications,
        apikey: schema.apiKeys,
      },
    }),
    user: {
      modelName: "user",
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "account_manager" },
        locale: { type: "string", input: false, defaultValue: "en" },
        active: { type: "boolean", input: false, defaultValue: true },
      },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const request = linkRequest.getStore() ?? { purpose: "reset" as const };
        const link = `${publicUrl()}/set-password?token=${encodeURIComponent(token)}`;
        request.link = link;
        const u = user as typeof user & { locale?: string; active?: boolean };
        // A deactivated user gets no mail (the link could not sign them in anyway).
        if (u.active === false) return;
        const locale = u.locale === "zh" ? "zh" : "en";
        if (request.purpose === "invite") {
          const ctx = await auth.$context;
          const days = inviteDays();
          await ctx.internalAdapter.updateVerificationByIdentifier(`reset-password:${token}`, {
            expiresAt: new Date(Date.now() + days * 86_400_000),
          });
          queueMail(
            db,
            user.email,
            invitationMail(locale, { name: user.name, link, invitedBy: request.invitedBy, days }),
          );
        } else {
          queueMail(
            db,
            user.email,
            resetMail(locale, { name: user.name, link, minutes: RESET_LINK_MINUTES }),
          );
        }
      },
      onPasswordReset: async ({ user }) => {
        guard.succeeded(user.email);
        inTransaction(db, (tx) => {
          // One link was used: every other open link of this person (older invitations, resets) is void.
          tx.delete(schema.verifications)
            .where(
              and(
                eq(schema.verifications.value, user.id),
                like(schema.verifications.identifier, "reset-password:%"),
              ),
            )
            .run();
          recordAudit(tx, {
            actorId: user.id,
            action: "user.reset_password",
            entity: "user",
            entityId: user.id,
          });
        });
      },
    },
    // API keys (issue #15) are made and revoked only through the admin's audited procedures (server/api-keys).
    disabledPaths: [
      "/update-user",
      "/change-email",
      "/delete-user",
      "/set-password",
      ...ADMIN_PATHS,
      ...API_KEY_CLIENT_PATHS,
    ],
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: rateLimitOn,
      window: 60,
      max: 600,
      customRules: {
        // A flood guard only: failed sign-ins are limited per email and per address by the sign-in guard.
        "/sign-in/email": { window: 60, max: 300 },
        "/request-password-reset": { window: 900, max: 20 },
        "/reset-password": { window: 900, max: 30 },
        "/change-password": { window: 900, max: 20 },
      },
    },
    advanced: {
      // The address the HTTP server in front of Next worked out (server/security/client-address.ts).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      useSecureCookies: isHttpsPublicUrl(),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email" || !rateLimitOn) return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        const verdict = guard.check(email, ctx.headers ? clientAddressOf(ctx.headers) : null);
        if (verdict.ok) return;
        if (verdict.reason === "locked") {
          throw tooMany(
            "Too many failed sign-ins for this email. Try again later or reset your password.",
            "ACCOUNT_LOCKED",
            verdict.retryAt,
          );
        }
        throw tooMany(
          "Too many failed sign-ins from your network. Try again later.",
          "TOO_MANY_ATTEMPTS",
          verdict.retryAt,
        );
      }),
      after: createAuthMiddleware(async (ctx) => {
        const returned = ctx.context.returned;
        const failed = returned instanceof APIError || returned instanceof Error;
        if (ctx.path === "/sign-in/email" && rateLimitOn) {
          const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
          const status = returned instanceof APIError ? returned.statusCode : 200;
          if (status === 401) guard.failed(email, ctx.headers ? clientAddressOf(ctx.headers) : null);
          else if (!failed) guard.succeeded(email);
        }
        if (ctx.path === "/change-password" && !failed) {
          const userId = (returned as { user?: { id?: string } } | undefined)?.user?.id;
          if (userId) {
            recordAudit(db, {
              actorId: userId,
              action: "user.change_password",
              entity: "user",
              entityId: userId,
              after: { otherSessionsSignedOut: ctx.body?.revokeOtherSessions === true },
            });
          }
        }
      }),
    },
    // Every write better-auth makes (a sign-in's session, a refresh, a sign-out, a password reset) first waits
    // for another connection's write transaction — an import — on a timer, as the app's own writes do
    // (db/write-wait.ts), instead of inside SQLite, where it would stop the server and fail after 5 s.
    databaseHooks: {
      user: { update: { before: waitToWrite } },
      account: { create: { before: waitToWrite }, update: { before: waitToWrite } },
      verification: {
        create: { before: waitToWrite },
        update: { before: waitToWrite },
        delete: { before: waitToWrite },
      },
      session: {
        update: { before: waitToWrite },
        delete: {
          // Deleting an expired session is tidying up (getSession does it as it reads one): never worth a wait.
          before: async (session) => {
            if (new Date(session.expiresAt).getTime() < Date.now() && !writeLockFree(db.$client))
              return false;
            await waitToWrite();
          },
        },
        create: {
          before: async (session) => {
            await waitToWrite();
            const user = db
              .select({ active: schema.users.active })
              .from(schema.users)
              .where(eq(schema.users.id, session.userId))
              .get();
            if (!user?.active) {
              throw new APIError("FORBIDDEN", { message: "This user has been deactivated." });
            }
            return { data: session };
          },
        },
      },
    },
    telemetry: { enabled: false },
    plugins: [adminPlugin, nextCookies(), apiKey(API_KEY_OPTIONS)],
  });
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * Creates a one-time link for a user to choose a password with better-auth's reset-password token: an
 * invitation (INVITE_DAYS) or a reset (RESET_LINK_MINUTES). The mail goes to the outbox (sent when SMTP_URL is
 * set); the link is also returned so an admin can pass it on.
 */
export async function issuePasswordLink(
  auth: Auth,
  email: string,
  purpose: { purpose: "invite"; invitedBy: string | null } | { purpose: "reset" },
): Promise<string | null> {
  const store: LinkRequest = { ...purpose };
  await linkRequest.run(store, () => auth.api.requestPasswordReset({ body: { email } }));
  return store.link ?? null;
}

/** Whether the user has chosen a password yet (an invited user has not). */
export function hasPassword(db: Db, userId: string): boolean {
  return !!db
    .select({ id: schema.authAccounts.id })
    .from(schema.authAccounts)
    .where(
      and(
        eq(schema.authAccounts.userId, userId),
        eq(schema.authAccounts.providerId, "credential"),
        isNotNull(schema.authAccounts.password),
      ),
    )
    .get();
}

/** Who a still-valid password link is for, and whether it is an invitation; null for an unknown or spent link. */
export async function findPasswordLink(
  auth: Auth,
  db: Db,
  token: string,
): Promise<{ email: string; name: string; purpose: "invite" | "reset" } | null> {
  if (!token || token.length > 200) return null;
  const ctx = await auth.$context;
  const verification = await ctx.internalAdapter.findVerificationValue(`reset-password:${token}`);
  if (!verification || new Date(verification.expiresAt).getTime() < Date.now()) return null;
  const user = db
    .select({
      id: schema.users.id,
      email: schema.users.email,
      name: schema.users.name,
      active: schema.users.active,
    })
    .from(schema.users)
    .where(eq(schema.users.id, verification.value))
    .get();
  if (!user?.active) return null;
  return { email: user.email, name: user.name, purpose: hasPassword(db, user.id) ? "reset" : "invite" };
}
