// A write that meets a database locked by another connection (an import, a backup) waits for the lock with a
// timer — the server answers other requests meanwhile — and writes once it is free; past the bound
// (WRITE_WAIT_MS) it answers 503 "busy, try again", never a 500, and writes nothing. Reads never wait (WAL).
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { waitForWriteLock, writeLockFree } from "@/db/write-wait";
import { createApiV1Handler } from "./api-v1/api-v1.handler";
import { addUser, callerFor } from "./test/harness";

const file = path.join(tmpdir(), `ladder-busy-${process.pid}.db`);
let server: Db;
let importer: Db;
beforeEach(() => {
  server = openDb(file);
  importer = openDb(file, { migrate: false });
});
afterEach(() => {
  delete process.env.WRITE_WAIT_MS;
  importer.$client.close();
  server.$client.close();
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
});
const create = (db: Db, name: string) =>
  callerFor(db, addUser(db, "sales_lead")).accounts.create({
    kind: "company",
    name,
    level: "reactive",
    rung: "suspect",
  });

describe("a write while another connection holds the write lock", () => {
  it("answers SERVICE_UNAVAILABLE (503) past the bound, with a plain sentence, writes nothing, and succeeds once the lock is free", async () => {
    const lead = addUser(server, "sales_lead");
    // The bounded wait, shortened for the test (the server waits 120 s), and SQLite's own wait for the rare
    // write that meets a lock taken just after the wait ended.
    process.env.WRITE_WAIT_MS = "50";
    server.$client.pragma("busy_timeout = 50");
    importer.$client.exec("BEGIN IMMEDIATE");
    const caller = callerFor(server, lead);
    const make = () =>
      caller.accounts.create({ kind: "company", name: "Acme", level: "reactive", rung: "suspect" });
    const error = await make().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/busy/i) });
    expect(String((error as Error).message)).not.toMatch(/SQLITE|locked/);
    importer.$client.exec("ROLLBACK");
    expect(server.select().from(accounts).all()).toEqual([]);
    await expect(make()).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it("waits for the other transaction instead of failing, and answers reads while it waits", async () => {
    const lead = addUser(server, "sales_lead");
    await create(server, "Before");
    // An import's long write transaction: it has written a row nobody else can see yet.
    importer.$client.exec("BEGIN IMMEDIATE");
    importer.$client
      .prepare(
        "INSERT INTO accounts (name, search_name, kind, rung, rung_since, status, status_since, created_at, updated_at) VALUES ('Imported', 'imported', 'company', 'suspect', 0, 'active', 0, 0, 0)",
      )
      .run();
    const caller = callerFor(server, lead);
    let written = false;
    const waiting = caller.accounts
      .create({ kind: "company", name: "During", level: "reactive", rung: "suspect" })
      .then((r) => {
        written = true;
        return r;
      });
    // The write waits on a timer, so this read is answered meanwhile — with the last committed state.
    const list = await caller.accounts.list({});
    expect(list.items.map((a) => a.name)).toEqual(["Before"]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(written).toBe(false);
    importer.$client.exec("COMMIT");
    await expect(waiting).resolves.toMatchObject({ id: expect.any(Number) });
    const names = server
      .select({ name: accounts.name })
      .from(accounts)
      .all()
      .map((a) => a.name);
    expect(names.sort()).toEqual(["Before", "During", "Imported"]);
  });
});

describe("asking for the write lock", () => {
  it("says whether another connection holds it, without waiting and without taking it", async () => {
    expect(writeLockFree(server.$client)).toBe(true);
    // Asking took nothing: the other connection can still begin at once.
    importer.$client.pragma("busy_timeout = 0");
    importer.$client.exec("BEGIN IMMEDIATE");
    expect(writeLockFree(server.$client)).toBe(false);
    // SQLite's own wait is left as it was.
    expect(server.$client.pragma("busy_timeout", { simple: true })).toBe(5000);
    expect(await waitForWriteLock(server, 30)).toBe(false);
    setTimeout(() => importer.$client.exec("ROLLBACK"), 20);
    expect(await waitForWriteLock(server, 5_000)).toBe(true);
  });
});

describe("a REST API write while another connection holds the write lock", () => {
  it("waits, then answers 503 'busy' with Retry-After and writes nothing (every call: the key's use is counted)", async () => {
    process.env.BETTER_AUTH_SECRET ??= "test-only-secret-0123456789abcdef0123456789";
    const admin = addUser(server, "admin");
    const { secret } = await callerFor(server, admin).apiKeys.create({
      name: "Shop",
      scopes: ["read", "accounts"],
      requestsPerMinute: 10_000,
    });
    const handler = createApiV1Handler({ getDb: () => server });
    const call = (method: string, body?: unknown) =>
      handler(
        new Request("http://localhost/api/v1/accounts/ERP-1", {
          method,
          headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
    process.env.WRITE_WAIT_MS = "50";
    importer.$client.exec("BEGIN IMMEDIATE");
    const refused = await call("PUT", { name: "Acme" });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect(await refused.json()).toMatchObject({
      error: { code: "busy", message: expect.stringMatching(/busy/i) },
    });
    importer.$client.exec("ROLLBACK");
    expect(server.select().from(accounts).all()).toEqual([]);
    expect((await call("PUT", { name: "Acme" })).status).toBe(201);
  });
});
