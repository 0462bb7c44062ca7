// The dashboards' cache: an answer is reused only while nothing was written — by this connection or another —
// and the minute has not turned; a write always shows at the next read.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type Db, openDb } from "@/db/client";
import { readThrough, reportVersion } from "./report-cache";
import { addUser, callerFor, createTestDb } from "./test/harness";

const userCount = (db: Db, input: { role: string }) => ({
  users: (
    db.$client.prepare("SELECT count(*) AS n FROM users WHERE role = ?").get(input.role) as { n: number }
  ).n,
});

afterEach(() => {
  vi.useRealTimers();
  delete process.env.REPORT_CACHE;
});

describe("readThrough", () => {
  it("answers a second read without writes from the cache, and per input", () => {
    const db = createTestDb();
    addUser(db, "executive");
    const first = readThrough(db, userCount, { role: "executive" });
    expect(first).toEqual({ users: 1 });
    expect(readThrough(db, userCount, { role: "executive" })).toBe(first);
    expect(readThrough(db, userCount, { role: "admin" })).toEqual({ users: 0 });
  });

  it("shows a write made through the same connection at the next read", () => {
    const db = createTestDb();
    addUser(db, "executive");
    expect(readThrough(db, userCount, { role: "executive" })).toEqual({ users: 1 });
    addUser(db, "executive");
    expect(readThrough(db, userCount, { role: "executive" })).toEqual({ users: 2 });
  });

  it("shows a write made by another connection (an import worker, a CLI) at the next read", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "report-cache-"));
    try {
      const file = path.join(dir, "crm.db");
      const server = openDb(file);
      const worker = openDb(file, { migrate: false });
      addUser(server, "executive");
      expect(readThrough(server, userCount, { role: "executive" })).toEqual({ users: 1 });
      addUser(worker, "executive");
      expect(readThrough(server, userCount, { role: "executive" })).toEqual({ users: 2 });
      server.$client.close();
      worker.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("recomputes when the minute turns (answers whose window ends now)", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-02T09:00:10Z"));
    const db = createTestDb();
    const first = readThrough(db, userCount, { role: "admin" });
    vi.setSystemTime(new Date("2026-12-02T09:00:50Z"));
    expect(readThrough(db, userCount, { role: "admin" })).toBe(first);
    vi.setSystemTime(new Date("2026-12-02T09:01:00Z"));
    const next = readThrough(db, userCount, { role: "admin" });
    expect(next).toEqual(first);
    expect(next).not.toBe(first);
  });

  it("computes every time with REPORT_CACHE=off", () => {
    process.env.REPORT_CACHE = "off";
    const db = createTestDb();
    const first = readThrough(db, userCount, { role: "admin" });
    expect(readThrough(db, userCount, { role: "admin" })).not.toBe(first);
  });
});

describe("reportVersion (a dashboard page answers from the cache in its shell while it holds)", () => {
  it("stays while nothing is written in the minute, and moves on a write or when the minute turns", () => {
    const db = createTestDb();
    const at = Date.parse("2026-12-02T09:00:10Z");
    const version = reportVersion(db, at);
    expect(version).not.toBeNull();
    readThrough(db, userCount, { role: "admin" });
    expect(reportVersion(db, at + 40_000)).toBe(version);
    expect(reportVersion(db, at + 50_000)).not.toBe(version);
    const later = reportVersion(db, at);
    addUser(db, "executive");
    expect(reportVersion(db, at)).not.toBe(later);
  });

  it("is null with REPORT_CACHE=off: every view computes, so every dashboard streams", () => {
    process.env.REPORT_CACHE = "off";
    expect(reportVersion(createTestDb())).toBeNull();
  });
});

describe("a cached dashboard procedure", () => {
  it("still refuses a role the dashboard does not admit, after an admitted reader filled the cache", async () => {
    const db = createTestDb();
    const exec = callerFor(db, addUser(db, "executive"));
    const manager = callerFor(db, addUser(db, "account_manager"));
    await exec.feedbackDashboard.scores({ months: 12 });
    await expect(manager.feedbackDashboard.scores({ months: 12 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
