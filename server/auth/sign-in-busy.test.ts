// Signing in while an import holds the write lock (issue #11 §1): the session write waits for the lock on a
// timer (db/write-wait.ts) like the app's own writes, so the sign-in succeeds once the import commits instead of
// failing after SQLite's busy timeout; past the bound it answers 503 with a plain sentence.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDb } from "@/db/client";
import { sessions } from "@/db/schema";
import { CLIENT_ADDRESS_HEADER } from "../security/client-address";
import { createUserWithPassword } from "../users/create-user";
import { createAuth } from "./auth";
import { findSessionUser } from "./server";

const PASSWORD = "correct-horse-battery";
const file = path.join(tmpdir(), `ladder-sign-in-busy-${process.pid}.db`);
let server: Db;
let importer: Db;
let userId: string;
const saved = { ...process.env };

beforeEach(async () => {
  process.env.BETTER_AUTH_SECRET = "test-only-secret-0123456789abcdef0123456789";
  server = openDb(file);
  importer = openDb(file, { migrate: false });
  importer.$client.pragma("busy_timeout = 0");
  userId = await createUserWithPassword(server, {
    name: "Mia",
    email: "mia@ladder.test",
    role: "account_manager",
    password: PASSWORD,
  });
  // SQLite's own wait, shortened: without the timer wait a session write meeting the lock fails after it.
  server.$client.pragma("busy_timeout = 50");
});
afterEach(() => {
  process.env = { ...saved };
  if (importer.$client.inTransaction) importer.$client.exec("ROLLBACK");
  importer.$client.close();
  server.$client.close();
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
});

function signIn(ip: string) {
  return createAuth(server).handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost:3000",
        [CLIENT_ADDRESS_HEADER]: ip,
      },
      body: JSON.stringify({ email: "mia@ladder.test", password: PASSWORD }),
    }),
  );
}
const sessionCount = () => server.select().from(sessions).where(eq(sessions.userId, userId)).all().length;

describe("signing in while an import holds the write lock", () => {
  it("waits for the import's transaction and then signs in (the session is written after it commits)", async () => {
    importer.$client.exec("BEGIN IMMEDIATE");
    let answered = false;
    const pending = signIn("203.0.113.71").then((r) => {
      answered = true;
      return r;
    });
    // Four times SQLite's busy timeout: the sign-in is still waiting, not failed.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(false);
    importer.$client.exec("COMMIT");
    const response = await pending;
    expect(response.status).toBe(200);
    expect(sessionCount()).toBe(1);
    // The cookie it set signs the user in.
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const user = await findSessionUser(createAuth(server), server, new Headers({ cookie }));
    expect(user).toMatchObject({ id: userId, email: "mia@ladder.test" });
  });

  it("reads a signed-in user's session during the import without waiting for it", async () => {
    const cookie = ((await signIn("203.0.113.72")).headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    // A day later the session would be extended as it is read: a write, which the import's lock would hold up.
    server.$client.prepare("UPDATE sessions SET expires_at = expires_at - ?").run(2 * 86_400_000);
    importer.$client.exec("BEGIN IMMEDIATE");
    const user = await findSessionUser(createAuth(server), server, new Headers({ cookie }));
    expect(user).toMatchObject({ id: userId });
  });

  it("past the bound answers 503 with a plain sentence and writes no session", async () => {
    process.env.WRITE_WAIT_MS = "50";
    importer.$client.exec("BEGIN IMMEDIATE");
    const response = await signIn("203.0.113.73");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = (await response.json()) as { message: string };
    expect(body.message).toMatch(/busy/i);
    expect(body.message).not.toMatch(/SQLITE|locked/);
    importer.$client.exec("ROLLBACK");
    expect(sessionCount()).toBe(0);
  });
});
