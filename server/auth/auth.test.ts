// Sign-in against the real better-auth instance on an in-memory database.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { CLIENT_ADDRESS_HEADER } from "../security/client-address";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { createUserWithPassword } from "../users/create-user";
import { createAuth } from "./auth";
import { findSessionUser } from "./server";

const PASSWORD = "correct-horse-battery";
const ENV_KEYS = [
  "BETTER_AUTH_SECRET",
  "AUTH_RATE_LIMIT",
  "AUTH_SIGNIN_MAX",
  "AUTH_SIGNIN_WINDOW_SECONDS",
  "AUTH_LOCKOUT_FAILURES",
  "AUTH_LOCKOUT_MINUTES",
];
const savedEnv: Record<string, string | undefined> = {};

// better-auth keeps its rate-limit counters in one module-level map keyed by address and path, shared by every
// instance in the process, so each test signs in from its own address.
let ipCounter = 0;
function freshIp(): string {
  ipCounter += 1;
  return `203.0.113.${ipCounter}`;
}

beforeEach(() => {
  for (const key of ENV_KEYS) savedEnv[key] = process.env[key];
  process.env.BETTER_AUTH_SECRET = "test-only-secret-0123456789abcdef0123456789";
  process.env.AUTH_RATE_LIMIT = "on";
  for (const key of ENV_KEYS.slice(2)) delete process.env[key];
});

afterEach(() => {
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
});

async function setup(options: { email?: string } = {}) {
  const db = createTestDb();
  const email = options.email ?? "mia@ladder.test";
  const id = await createUserWithPassword(db, {
    name: "Mia",
    email,
    role: "account_manager",
    password: PASSWORD,
  });
  const auth = createAuth(db);
  const post = (path: string, body: unknown, ip: string) =>
    auth.handler(
      new Request(`http://localhost:3000/api/auth${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "http://localhost:3000",
          [CLIENT_ADDRESS_HEADER]: ip,
        },
        body: JSON.stringify(body),
      }),
    );
  const signIn = (password: string, ip: string, who = email) =>
    post("/sign-in/email", { email: who, password }, ip);
  return { db, auth, id, email, post, signIn };
}

function sessionCookie(response: Response): string {
  const setCookie = response.headers.get("set-cookie") ?? "";
  return setCookie.split(";")[0] ?? "";
}

function sessionCount(db: Db, userId: string): number {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).all().length;
}

describe("sign-in", () => {
  it("signs in with the right password and sets an httpOnly SameSite session cookie", async () => {
    const { db, auth, id, signIn } = await setup();
    const response = await signIn(PASSWORD, freshIp());
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^better-auth\.session_token=/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(sessionCount(db, id)).toBe(1);

    const user = await findSessionUser(auth, db, new Headers({ cookie: sessionCookie(response) }));
    expect(user).toMatchObject({ id, name: "Mia", role: "account_manager", locale: "en" });
  });

  it("accepts the email in any letter case", async () => {
    const { signIn } = await setup();
    const response = await signIn(PASSWORD, freshIp(), "MIA@Ladder.test");
    expect(response.status).toBe(200);
  });

  it("refuses a wrong password with 401 and the same answer as for an unknown email", async () => {
    const { db, id, signIn } = await setup();
    const wrongPassword = await signIn("not-the-password", freshIp());
    const unknownEmail = await signIn("not-the-password", freshIp(), "nobody@ladder.test");
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const body = await wrongPassword.json();
    expect(body).toEqual(await unknownEmail.json());
    expect(JSON.stringify(body)).not.toMatch(/not found|no user|exist/i);
    expect(wrongPassword.headers.get("set-cookie")).toBeNull();
    expect(sessionCount(db, id)).toBe(0);
  });

  it("treats a request without a session cookie, or with a forged one, as signed out", async () => {
    const { db, auth } = await setup();
    expect(await findSessionUser(auth, db, new Headers())).toBeNull();
    const forged = new Headers({ cookie: "better-auth.session_token=made-up.token" });
    expect(await findSessionUser(auth, db, forged)).toBeNull();
  });
});

describe("sign-in limits", () => {
  it("locks an email after AUTH_LOCKOUT_FAILURES failures in a row and says until when, even for the right password", async () => {
    const { signIn } = await setup();
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await signIn("wrong-password", freshIp())).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const before = Date.now();
    const blocked = await signIn(PASSWORD, freshIp());
    expect(blocked.status).toBe(429);
    const body = (await blocked.json()) as { code: string; retryAt: string; message: string };
    expect(body.code).toBe("ACCOUNT_LOCKED");
    // Locked for AUTH_LOCKOUT_MINUTES (15 by default) from the fifth failure.
    const retryAt = Date.parse(body.retryAt);
    expect(retryAt - before).toBeGreaterThan(14 * 60_000);
    expect(retryAt - before).toBeLessThanOrEqual(15 * 60_000);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(body.message).not.toMatch(/Error|at \w+ \(/);
  });

  it("treats an unknown email the same way, so the answer never tells whether an account exists", async () => {
    const { signIn } = await setup();
    for (let i = 0; i < 5; i += 1) await signIn("wrong-password", freshIp(), "nobody@ladder.test");
    const blocked = await signIn("wrong-password", freshIp(), "nobody@ladder.test");
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { code: string }).code).toBe("ACCOUNT_LOCKED");
  });

  it("a successful sign-in clears the count of failures", async () => {
    const { signIn } = await setup();
    for (let i = 0; i < 4; i += 1) await signIn("wrong-password", freshIp());
    expect((await signIn(PASSWORD, freshIp())).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await signIn("wrong-password", freshIp())).status).toBe(401);
    expect((await signIn(PASSWORD, freshIp())).status).toBe(200);
  });

  it("counts only failed sign-ins against an address: successful ones never use up its allowance", async () => {
    process.env.AUTH_SIGNIN_MAX = "2";
    const { signIn } = await setup();
    const office = freshIp();
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await signIn(PASSWORD, office)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
  });

  it("refuses an address after AUTH_SIGNIN_MAX failed sign-ins across many emails (password spraying)", async () => {
    process.env.AUTH_SIGNIN_MAX = "3";
    const { signIn } = await setup();
    const ip = freshIp();
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await signIn("wrong-password", ip, `guess${i}@ladder.test`)).status);
    expect(statuses).toEqual([401, 401, 401]);
    const blocked = await signIn(PASSWORD, ip);
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as { code: string }).code).toBe("TOO_MANY_ATTEMPTS");
    // Another address is not affected.
    expect((await signIn(PASSWORD, freshIp())).status).toBe(200);
  });

  it("keys on the address the server worked out, not on a forwarded header the client sends", async () => {
    process.env.AUTH_SIGNIN_MAX = "2";
    const { auth, email } = await setup();
    const ip = freshIp();
    const attempt = (forged: string) =>
      auth.handler(
        new Request("http://localhost:3000/api/auth/sign-in/email", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: "http://localhost:3000",
            [CLIENT_ADDRESS_HEADER]: ip,
            "x-forwarded-for": forged,
          },
          body: JSON.stringify({ email: `${forged}@guess.test`, password: "wrong" }),
        }),
      );
    expect((await attempt("10.0.0.1")).status).toBe(401);
    expect((await attempt("10.0.0.2")).status).toBe(401);
    expect((await attempt("10.0.0.3")).status).toBe(429);
    expect(email).toBeTruthy();
  });

  it("can be switched off with AUTH_RATE_LIMIT=off (for end-to-end test runs)", async () => {
    process.env.AUTH_RATE_LIMIT = "off";
    const { signIn } = await setup();
    const ip = freshIp();
    for (let i = 0; i < 7; i += 1) expect((await signIn("wrong-password", ip)).status).toBe(401);
    expect((await signIn(PASSWORD, ip)).status).toBe(200);
  });
});

describe("deactivated users", () => {
  it("cannot sign in: 403, and no session is created", async () => {
    const { db, id, signIn } = await setup();
    db.update(users).set({ active: false }).where(eq(users.id, id)).run();
    const response = await signIn(PASSWORD, freshIp());
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(sessionCount(db, id)).toBe(0);
  });

  it("a session that outlived the deactivation counts as signed out", async () => {
    const { db, auth, id, signIn } = await setup();
    const cookie = sessionCookie(await signIn(PASSWORD, freshIp()));
    const headers = new Headers({ cookie });
    expect(await findSessionUser(auth, db, headers)).not.toBeNull();
    // Flip the flag directly, leaving the session row in place: the lookup must still refuse it.
    db.update(users).set({ active: false }).where(eq(users.id, id)).run();
    expect(sessionCount(db, id)).toBe(1);
    expect(await findSessionUser(auth, db, headers)).toBeNull();
  });

  it("deactivation by an admin signs the user out at once", async () => {
    const { db, auth, id, signIn } = await setup();
    const headers = new Headers({ cookie: sessionCookie(await signIn(PASSWORD, freshIp())) });
    const admin = addUser(db, "admin");
    await callerFor(db, admin).users.setActive({ id, active: false });
    expect(sessionCount(db, id)).toBe(0);
    expect(await auth.api.getSession({ headers })).toBeNull();
    expect(await findSessionUser(auth, db, headers)).toBeNull();
  });

  it("a role change applies to an existing session without signing in again", async () => {
    const { db, auth, id, signIn } = await setup();
    const headers = new Headers({ cookie: sessionCookie(await signIn(PASSWORD, freshIp())) });
    const admin = addUser(db, "admin");
    await callerFor(db, admin).users.setRole({ id, role: "sales_lead" });
    expect((await findSessionUser(auth, db, headers))?.role).toBe("sales_lead");
  });
});

describe("sign-up", () => {
  it("is disabled: nobody can create their own account", async () => {
    const { db, post } = await setup();
    const response = await post(
      "/sign-up/email",
      { name: "Mallory", email: "mallory@ladder.test", password: "mallory-password" },
      freshIp(),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(db.select().from(users).where(eq(users.email, "mallory@ladder.test")).get()).toBeUndefined();
  });

  it("cannot change a profile, role or active flag around the audited users procedures", async () => {
    const { db, id, signIn, auth } = await setup();
    const cookie = sessionCookie(await signIn(PASSWORD, freshIp()));
    for (const [path, body] of [
      ["/update-user", { role: "admin", active: true, name: "Renamed" }],
      ["/change-email", { newEmail: "other@ladder.test" }],
    ] as const) {
      const response = await auth.handler(
        new Request(`http://localhost:3000/api/auth${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3000", cookie },
          body: JSON.stringify(body),
        }),
      );
      expect(response.status).toBe(404);
    }
    const user = db.select().from(users).where(eq(users.id, id)).get();
    expect(user).toMatchObject({ role: "account_manager" });
    expect(user?.name).not.toBe("Renamed");
    expect(user?.email).not.toBe("other@ladder.test");
  });
});
