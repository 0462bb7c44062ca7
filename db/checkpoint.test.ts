// The server's WAL checkpoints run on a worker thread (db/checkpoint.ts): a large commit returns without copying
// its pages into the database file, and the worker copies them soon after, while the data stays readable.
import { rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { type Checkpointer, SAFETY_NET_PAGES, startCheckpointer } from "./checkpoint";
import { type Db, openDb } from "./client";

const file = path.join(tmpdir(), `ladder-checkpoint-${process.pid}.db`);
let db: Db | undefined;
let checkpointer: Checkpointer | null = null;
afterEach(async () => {
  await checkpointer?.stop();
  checkpointer = null;
  db?.$client.close();
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
});

it("a large commit leaves the copy into the database file to the worker, which makes it soon after", async () => {
  db = openDb(file, { migrate: false });
  const sqlite = db.$client;
  sqlite.exec("CREATE TABLE blobs (b BLOB)");
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  checkpointer = startCheckpointer(db, { intervalMs: 20 });
  // Taken before the worker's first round could matter: the commit below is what is measured.
  expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(SAFETY_NET_PAGES);
  const sizeBefore = statSync(file).size;
  const insert = sqlite.prepare("INSERT INTO blobs VALUES (randomblob(3000))");
  // ~3,000 pages: three times SQLite's default automatic checkpoint, which would copy them in this commit.
  sqlite.transaction(() => {
    for (let i = 0; i < 3_000; i++) insert.run();
  })();
  const walPages = statSync(`${file}-wal`).size / 4096;
  expect(walPages).toBeGreaterThan(2_900);
  let size = statSync(file).size;
  for (let tries = 0; size < sizeBefore + 2_900 * 4096 && tries < 500; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    size = statSync(file).size;
  }
  expect(size).toBeGreaterThanOrEqual(sizeBefore + 2_900 * 4096);
  expect(sqlite.prepare("SELECT count(*) FROM blobs").pluck().get()).toBe(3_000);
});

it("leaves an in-memory database alone", () => {
  db = openDb(":memory:", { migrate: false });
  expect(startCheckpointer(db)).toBeNull();
});
