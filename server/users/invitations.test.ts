// Invitations, password links, change of password and signing out everywhere, through the real better-auth
// handler on an in-memory database.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, outbox, sessions, users, verifications } from "@/db/schema";
import { authFor } from "../auth/server";
import { createCaller } from "../root";
import { CLIENT_ADDRESS_HEADER } from "../security/client-address";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { createUserWithPassword } from "./create-user";

const PASSWORD = "the-admins-password";
const saved = { ...process.env };
let ip = 0;

beforeEach(() => {
  process.env.BETTER_AUTH_SECRET = "test-only-secret-0123456789abcdef0123456789";
  process.env.BETTER_AUTH_URL = "http://localhost:3000";
  delete process.env.SMTP_URL;
});
afterEach(() => {
  process.env = { ...saved };
});

function post(db: Db, path: string, body: unknown, cookie?: string) {
  ip += 1;
  return authFor(db).handler(
    new Request(`http://localhost:3000/api/auth${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:3000",
        [CLIENT_ADDRESS_HEADER]: `192.0.2.${ip % 250}`,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(body),
    }),
  );
}

async function signIn(db: Db, email: string, password: string) {
  const response = await post(db, "/sign-in/email", { email, password });
  return { status: response.status, cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "" };
}

/** An admin with a password, signed in: the caller carries the session cookie like a browser request. */
async function signedInAdmin(db: Db) {
  const id = await createUserWithPassword(db, {
    name: "Ada Admin",
    email: "ada@ladder.test",
    role: "admin",
    password: PASSWORD,
  });
  const { cookie } = await signIn(db, "ada@ladder.test", PASSWORD);
  const user = {
    id,
    name: "Ada Admin",
    email: "ada@ladder.test",
    role: "admin" as const,
    locale: "en" as const,
  };
  return { user, cookie, caller: createCaller({ db, user, headers: new Headers({ cookie }) }) };
}

const tokenOf = (link: string) => new URL(link).searchParams.get("token") ?? "";
const auditActions = (db: Db) =>
  db
    .select()
    .from(auditLog)
    .all()
    .map((r) => r.action);

describe("inviting a user", () => {
  it("creates the user without a password, queues a bilingual invitation with a one-time link and returns the link", async () => {
    const db = createTestDb();
    const { caller } = await signedInAdmin(db);
    const invited = await caller.users.invite({
      name: "王芳",
      email: "Wang.Fang@Ladder.test",
      role: "account_manager",
      locale: "zh",
    });
    expect(invited).toMatchObject({ email: "wang.fang@ladder.test", kind: "invite", emailed: false });
    expect(invited.link).toMatch(/^http:\/\/localhost:3000\/set-password\?token=[A-Za-z0-9]+$/);

    const [mail] = db.select().from(outbox).where(eq(outbox.to, "wang.fang@ladder.test")).all();
    expect(mail?.subject).toBe("邀请您加入 Ladder CRM");
    expect(mail?.body).toContain(invited.link);
    expect(mail?.body).toContain("Ada Admin");

    const list = await caller.users.list({ q: "wang" });
    expect(list.items).toMatchObject([{ name: "王芳", invited: true, active: true }]);
    expect(auditActions(db)).toContain("user.invite");

    // The invitation lasts INVITE_DAYS (7), not the hour of a reset link.
    const row = db.select().from(verifications).where(eq(verifications.value, invited.id)).get();
    const days = ((row?.expiresAt.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
  });

  it("the invitee sets a password with the link, then signs in; the link works once", async () => {
    const db = createTestDb();
    const { caller } = await signedInAdmin(db);
    const invited = await caller.users.invite({
      name: "Sam",
      email: "sam@ladder.test",
      role: "sales_lead",
      locale: "en",
    });
    expect((await signIn(db, "sam@ladder.test", "sams-new-password")).status).toBe(401);

    const first = await post(db, "/reset-password", {
      token: tokenOf(invited.link),
      newPassword: "sams-new-password",
    });
    expect(first.status).toBe(200);
    expect((await signIn(db, "sam@ladder.test", "sams-new-password")).status).toBe(200);
    expect((await caller.users.list({ q: "sam" })).items).toMatchObject([{ invited: false }]);
    expect(auditActions(db)).toContain("user.reset_password");

    const again = await post(db, "/reset-password", {
      token: tokenOf(invited.link),
      newPassword: "another-password-9",
    });
    expect(again.status).toBe(400);
    expect(JSON.stringify(await again.json())).not.toMatch(/stack|at \w+ \(/);
    expect((await signIn(db, "sam@ladder.test", "sams-new-password")).status).toBe(200);
  });

  it("using one link voids the person's other open links", async () => {
    const db = createTestDb();
    const { caller } = await signedInAdmin(db);
    const invited = await caller.users.invite({
      name: "Li",
      email: "li@ladder.test",
      role: "executive",
      locale: "en",
    });
    const second = await caller.users.issueLink({ id: invited.id });
    expect(second.kind).toBe("invite");
    expect(
      (await post(db, "/reset-password", { token: tokenOf(second.link), newPassword: "lis-password-1" }))
        .status,
    ).toBe(200);
    expect(
      (await post(db, "/reset-password", { token: tokenOf(invited.link), newPassword: "taken-over-pw-1" }))
        .status,
    ).toBe(400);
    expect((await signIn(db, "li@ladder.test", "lis-password-1")).status).toBe(200);
  });

  it("refuses a taken email on the email field", async () => {
    const db = createTestDb();
    const { caller } = await signedInAdmin(db);
    const error = await caller.users
      .invite({ name: "Ada again", email: "ADA@ladder.test", role: "admin", locale: "en" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", fieldErrors: { email: [expect.any(String)] } });
  });

  it.each(ALL_ROLES.filter((r) => r !== "admin"))("is refused to %s", async (role) => {
    const db = createTestDb();
    const me = addUser(db, role);
    await expect(
      callerFor(db, me).users.invite({ name: "X", email: "x@ladder.test", role: "admin", locale: "en" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(db, me).users.issueLink({ id: me.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(db, me).users.revokeSessions({ id: me.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(db.select().from(users).where(eq(users.email, "x@ladder.test")).get()).toBeUndefined();
  });
});

describe("forgotten password", () => {
  it("emails a reset link (1 hour) in the user's language; the reset signs them out everywhere and clears a lock-out", async () => {
    const db = createTestDb();
    process.env.AUTH_RATE_LIMIT = "on";
    await createUserWithPassword(db, {
      name: "Mia",
      email: "mia@ladder.test",
      role: "account_manager",
      password: "mias-old-password",
    });
    const { cookie } = await signIn(db, "mia@ladder.test", "mias-old-password");
    for (let i = 0; i < 5; i += 1) await signIn(db, "mia@ladder.test", "wrong-guess");
    expect((await signIn(db, "mia@ladder.test", "mias-old-password")).status).toBe(429);

    const asked = await post(db, "/request-password-reset", { email: "MIA@ladder.test" });
    expect(asked.status).toBe(200);
    const mail = db.select().from(outbox).where(eq(outbox.to, "mia@ladder.test")).get();
    expect(mail?.subject).toBe("Reset your Ladder CRM password");
    const link = mail?.body.match(/http:\/\/localhost:3000\/set-password\?token=\S+/)?.[0] ?? "";
    expect(link).not.toBe("");

    expect(
      (await post(db, "/reset-password", { token: tokenOf(link), newPassword: "mias-new-password" })).status,
    ).toBe(200);
    // Signed out everywhere, and the lock-out is over.
    expect(db.select().from(sessions).all()).toHaveLength(0);
    expect(await authFor(db).api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    expect((await signIn(db, "mia@ladder.test", "mias-new-password")).status).toBe(200);
  });

  it("answers the same for an unknown email and queues nothing", async () => {
    const db = createTestDb();
    const response = await post(db, "/request-password-reset", { email: "nobody@ladder.test" });
    expect(response.status).toBe(200);
    expect(db.select().from(outbox).all()).toHaveLength(0);
  });
});

describe("changing one's own password", () => {
  it("needs the current password, is audited without secrets, and can sign out the other devices", async () => {
    const db = createTestDb();
    const id = await createUserWithPassword(db, {
      name: "Mia",
      email: "mia@ladder.test",
      role: "account_manager",
      password: "mias-old-password",
    });
    const laptop = await signIn(db, "mia@ladder.test", "mias-old-password");
    const phone = await signIn(db, "mia@ladder.test", "mias-old-password");

    const wrong = await post(
      db,
      "/change-password",
      { currentPassword: "not-it-at-all", newPassword: "mias-new-password" },
      laptop.cookie,
    );
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { code: string }).code).toBe("INVALID_PASSWORD");

    const ok = await post(
      db,
      "/change-password",
      { currentPassword: "mias-old-password", newPassword: "mias-new-password", revokeOtherSessions: true },
      laptop.cookie,
    );
    expect(ok.status).toBe(200);
    expect((await signIn(db, "mia@ladder.test", "mias-new-password")).status).toBe(200);
    expect(await authFor(db).api.getSession({ headers: new Headers({ cookie: phone.cookie }) })).toBeNull();

    const entry = db.select().from(auditLog).where(eq(auditLog.action, "user.change_password")).get();
    expect(entry).toMatchObject({ actorId: id, entityId: id });
    expect(entry?.changes).not.toMatch(/password-|mias/);
  });

  it("refuses a new password shorter than 10 characters", async () => {
    const db = createTestDb();
    await createUserWithPassword(db, {
      name: "Mia",
      email: "mia@ladder.test",
      role: "account_manager",
      password: "mias-old-password",
    });
    const { cookie } = await signIn(db, "mia@ladder.test", "mias-old-password");
    const response = await post(
      db,
      "/change-password",
      { currentPassword: "mias-old-password", newPassword: "short-pw1" },
      cookie,
    );
    expect(response.status).toBe(400);
  });
});

describe("signing a user out everywhere", () => {
  it("ends every session of that user (better-auth's admin plugin), leaves others alone, and is audited", async () => {
    const db = createTestDb();
    const { caller, cookie: adminCookie } = await signedInAdmin(db);
    const mia = await createUserWithPassword(db, {
      name: "Mia",
      email: "mia@ladder.test",
      role: "account_manager",
      password: "mias-password-1",
    });
    const a = await signIn(db, "mia@ladder.test", "mias-password-1");
    await signIn(db, "mia@ladder.test", "mias-password-1");

    expect(await caller.users.revokeSessions({ id: mia })).toEqual({ revoked: 2 });
    expect(db.select().from(sessions).where(eq(sessions.userId, mia)).all()).toHaveLength(0);
    expect(await authFor(db).api.getSession({ headers: new Headers({ cookie: a.cookie }) })).toBeNull();
    expect(
      await authFor(db).api.getSession({ headers: new Headers({ cookie: adminCookie }) }),
    ).not.toBeNull();
    expect(db.select().from(auditLog).where(eq(auditLog.action, "user.revoke_sessions")).get()).toMatchObject(
      {
        entityId: mia,
        changes: JSON.stringify({ sessionsEnded: [null, 2] }),
      },
    );
    // Mia can sign in again.
    expect((await signIn(db, "mia@ladder.test", "mias-password-1")).status).toBe(200);
  });

  it("is not reachable over HTTP around the audited procedure, and refuses the admin's own sessions", async () => {
    const db = createTestDb();
    const { caller, cookie, user } = await signedInAdmin(db);
    const direct = await post(db, "/admin/revoke-user-sessions", { userId: user.id }, cookie);
    expect(direct.status).toBe(404);
    await expect(caller.users.revokeSessions({ id: user.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
