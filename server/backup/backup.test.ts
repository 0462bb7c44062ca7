import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import {
  backupDatabaseFile,
  backupScheduleFromEnv,
  checkDatabaseFile,
  listBackups,
  restoreDatabase,
  runScheduledBackup,
  serverHolding,
} from "./backup";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ladder-backup-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const insertAccount = (db: Database.Database, n: number) =>
  db
    .prepare(
      "INSERT INTO accounts (kind, name, search_name, rung_since, status_since, created_at, updated_at) VALUES ('company', ?, ?, 0, 0, 0, 0)",
    )
    .run(`Account ${n}`, `account ${n}`);

describe("a backup taken while others write", () => {
  it("restores to a database whose integrity check is ok and which holds every write acknowledged before it started", async () => {
    const live = path.join(dir, "live.db");
    const server = openDb(live);
    // Another connection writes a stream of accounts, one every few milliseconds, during the whole backup.
    const writer = new Database(live);
    writer.pragma("busy_timeout = 5000");
    let written = 0;
    for (; written < 2_000; written += 1) insertAccount(writer, written);
    const stream = setInterval(() => {
      for (let i = 0; i < 20; i += 1) {
        insertAccount(writer, written);
        written += 1;
      }
    }, 2);
    const acknowledgedBefore = written;
    const copy = path.join(dir, "copy.db");
    const check = await backupDatabaseFile(live, copy);
    clearInterval(stream);
    expect(written).toBeGreaterThan(acknowledgedBefore);
    expect(check.integrity).toBe("ok");
    expect(check.accounts).toBeGreaterThanOrEqual(acknowledgedBefore);

    const restored = path.join(dir, "restored.db");
    const { check: after } = await restoreDatabase({ from: copy, target: restored });
    expect(after.integrity).toBe("ok");
    const names = new Set(
      (
        new Database(restored, { readonly: true }).prepare("SELECT name FROM accounts").all() as {
          name: string;
        }[]
      ).map((r) => r.name),
    );
    for (let n = 0; n < acknowledgedBefore; n += 1) expect(names.has(`Account ${n}`)).toBe(true);
    writer.close();
    server.$client.close();
  });
});

describe("restoring", () => {
  it("refuses while a server holds the database, and keeps the database it replaces", async () => {
    const live = path.join(dir, "live.db");
    const db = openDb(live);
    insertAccount(db.$client, 1);
    const backup = path.join(dir, "b.db");
    await backupDatabaseFile(live, backup);
    insertAccount(db.$client, 2);
    db.$client.close();

    // A running server (here: this test's parent process) has marked the database.
    writeFileSync(`${live}.server-pid`, String(process.ppid));
    expect(serverHolding(live)).toBe(process.ppid);
    await expect(restoreDatabase({ from: backup, target: live })).rejects.toThrow(/stop it first/);
    // A mark left by a server that is gone does not block.
    writeFileSync(`${live}.server-pid`, "999999999");
    const { check, keptAs } = await restoreDatabase({ from: backup, target: live });
    expect(check).toMatchObject({ integrity: "ok", accounts: 1 });
    expect(keptAs && checkDatabaseFile(keptAs).accounts).toBe(2);
  });

  it("refuses a file that is not a Ladder CRM database", async () => {
    const other = path.join(dir, "other.db");
    new Database(other).exec("CREATE TABLE t (x)");
    await expect(restoreDatabase({ from: other, target: path.join(dir, "x.db") })).rejects.toThrow(
      /not a Ladder CRM database/,
    );
    expect(existsSync(path.join(dir, "x.db"))).toBe(false);
  });
});

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe("scheduled backups", () => {
  it("are on only with BACKUP_DIR, every 24 hours and keeping 7 unless told otherwise", () => {
    expect(backupScheduleFromEnv(env({}))).toBeNull();
    expect(backupScheduleFromEnv(env({ BACKUP_DIR: "/b" }))).toEqual({ dir: "/b", everyHours: 24, keep: 7 });
    expect(
      backupScheduleFromEnv(env({ BACKUP_DIR: "/b", BACKUP_EVERY_HOURS: "6", BACKUP_KEEP: "3" })),
    ).toEqual({
      dir: "/b",
      everyHours: 6,
      keep: 3,
    });
    expect(() => backupScheduleFromEnv(env({ BACKUP_DIR: "/b", BACKUP_KEEP: "0" }))).toThrow();
  });

  it("keep the newest BACKUP_KEEP files", async () => {
    const live = path.join(dir, "live.db");
    const db = openDb(live);
    const backups = path.join(dir, "backups");
    for (let i = 0; i < 4; i += 1) {
      const file = await runScheduledBackup(
        live,
        { dir: backups, everyHours: 1, keep: 2 },
        new Date(Date.UTC(2026, 0, 1, i)),
      );
      const t = Date.UTC(2026, 0, 1, i) / 1000;
      utimesSync(file, t, t);
    }
    expect(listBackups(backups).map((b) => path.basename(b.file))).toEqual([
      "ladder-2026-01-01T03-00-00-000Z.db",
      "ladder-2026-01-01T02-00-00-000Z.db",
    ]);
    db.$client.close();
  });
});
