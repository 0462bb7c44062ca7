// better-auth: email + password sign-in, database sessions in httpOnly SameSite cookies, rate-limited sign-in.
// Public sign-up is off: people are created by an admin (users router) or by the demo seed.
import { apiKey } from "@better-auth/api-key";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { API_KEY_CLIENT_PATHS, API_KEY_OPTIONS } from "./api-key-options";
import { createEmailLimiter } from "./email-limiter";

const DEFAULT_PORT = process.env.PORT ?? "3000";

function trustedOrigins(): string[] {
  const base = process.env.BETTER_AUTH_URL ?? `http://localhost:${DEFAULT_PORT}`;
  const extra = (process.env.TRUSTED_ORIGINS ?? "").split(",").filter(Boolean);
  const url = new URL(base);
  const sibling =
    url.hostname === "localhost"
      ? `${url.protocol}//127.0.0.1:${url.port}`
      : `${url.protocol}//localhost:${url.port}`;
  return [base, sibling, ...extra];
}

export function createAuth(db: Db) {
  const signInMax = Number(process.env.AUTH_SIGNIN_MAX ?? 5);
  const signInWindowSeconds = Number(process.env.AUTH_SIGNIN_WINDOW_SECONDS ?? 60);
  // Twice the per-address allowance: a shared office address should hit its own limit first.
  const perEmail = createEmailLimiter(signInMax * 2, signInWindowSeconds * 1000);
  return betterAuth({
    appName: "Ladder CRM",
    baseURL: process.env.BETTER_AUTH_URL ?? `http://localhost:${DEFAULT_PORT}`,
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
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    // Profile, email and password changes go through the admin's audited users procedures, not around them.
    // API keys (issue #15) are made and revoked only through the admin's audited procedures (server/api-keys).
    disabledPaths: [
      "/update-user",
      "/change-email",
      "/change-password",
      "/delete-user",
      "/set-password",
      ...API_KEY_CLIENT_PATHS,
    ],
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: process.env.AUTH_RATE_LIMIT !== "off",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": {
          window: signInWindowSeconds,
          max: signInMax,
        },
      },
    },
    advanced: {
      // Behind a proxy, set AUTH_IP_HEADER to the header it overwrites (e.g. x-real-ip) so clients cannot forge it.
      ipAddress: { ipAddressHeaders: [process.env.AUTH_IP_HEADER ?? "x-forwarded-for"] },
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email" || process.env.AUTH_RATE_LIMIT === "off") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        if (email && !perEmail.hit(email)) {
          throw new APIError("TOO_MANY_REQUESTS", { message: "Too many sign-in attempts. Try again later." });
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
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
    plugins: [nextCookies(), apiKey(API_KEY_OPTIONS)],
  });
}

export type Auth = ReturnType<typeof createAuth>;
