// A write that meets a database locked by another connection (an import, a backup) waits busy_timeout and then
// answers 503 "busy, try again" — never a 500 — for every tRPC write; nothing is written.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { accounts } from "@/db/schema";
import { addUser, callerFor } from "./test/harness";

const file = path.join(tmpdir(), `ladder-busy-${process.pid}.db`);
afterEach(() => {
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
});

describe("a write while another connection holds the write lock", () => {
  it("answers SERVICE_UNAVAILABLE (503) with a plain sentence, writes nothing, and succeeds once the lock is free", async () => {
    const server = openDb(file);
    const lead = addUser(server, "sales_lead");
    const importer = openDb(file, { migrate: false });
    // The bounded wait, shortened for the test (the server waits 5 s).
    server.$client.pragma("busy_timeout = 50");
    importer.$client.exec("BEGIN IMMEDIATE");
    const caller = callerFor(server, lead);
    const create = () =>
      caller.accounts.create({ kind: "company", name: "Acme", level: "reactive", rung: "suspect" });
    const error = await create().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: expect.stringMatching(/busy/i) });
    expect(String((error as Error).message)).not.toMatch(/SQLITE|locked/);
    importer.$client.exec("ROLLBACK");
    expect(server.select().from(accounts).all()).toEqual([]);
    await expect(create()).resolves.toMatchObject({ id: expect.any(Number) });
    importer.$client.close();
    server.$client.close();
  });
});
