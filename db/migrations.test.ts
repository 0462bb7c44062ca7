// Data migrations (issue #12 §7, §8): rows written before a change are converted by the migration's
// hand-written part. Each test migrates a fresh database up to just before the change, writes rows the way the
// old code did, then applies the rest.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, openDb } from "./client";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the migrations folder whose journal stops before `tag`. */
function folderBefore(tag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ladder-migrations-"));
  dirs.push(dir);
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const file = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(file, "utf8")) as { entries: { tag: string }[] };
  const stop = journal.entries.findIndex((e) => e.tag === tag);
  expect(stop).toBeGreaterThan(0);
  writeFileSync(file, JSON.stringify({ ...journal, entries: journal.entries.slice(0, stop) }));
  return dir;
}

function dbBefore(tag: string) {
  const db = openDb(":memory:", { migrate: false });
  db.$client.pragma("foreign_keys = OFF");
  migrate(db, { migrationsFolder: folderBefore(tag) });
  return db;
}

function seedAccount(db: ReturnType<typeof openDb>) {
  db.$client.exec(`INSERT INTO users (id, name, email, email_verified, role, locale, active, created_at, updated_at)
    VALUES ('u1', 'Mia', 'mia@x.test', 1, 'account_manager', 'en', 1, 0, 0);
    INSERT INTO accounts (id, kind, name, search_name, rung, rung_since, status, status_since, created_at, updated_at)
    VALUES (1, 'company', 'Acme', 'acme', 'repeat', 0, 'active', 0, 0, 0);`);
}

describe("data migrations", () => {
  it("0016: system-written task titles and ladder reasons become keys with parameters", () => {
    const db = dbBefore("0016_levels_outcomes_competitors_system_text");
    seedAccount(db);
    const task = db.$client.prepare(
      "INSERT INTO tasks (account_id, assignee_id, due_at, title, kind, created_at) VALUES (1, 'u1', 0, ?, ?, 0)",
    );
    const titles: [string, string][] = [
      ["订单 SO-0000042 售后回访电话", "cadence_checkin"],
      ["Regular contact (every 30 days)", "cadence_contact"],
      ["与客户共同回顾合作（每 90 天）", "joint_review"],
      ["赢回这位客户", "win_back"],
      ["保住业务：Shelving — renewal", "keep_business"],
      ["Win back: 包装材料——续约", "win_back"],
      ["Follow up on complaint C-2026-0001", "follow_up"],
      ["Call about the quote", "manual"],
    ];
    for (const [title, kind] of titles) task.run(title, kind);
    const move = db.$client.prepare(
      `INSERT INTO ladder_moves (account_id, from_rung, to_rung, from_status, to_status, at, reason, evidence)
       VALUES (1, ?, 'repeat', 'active', ?, 0, ?, ?)`,
    );
    move.run(null, "active", "老客户推荐", null);
    move.run("suspect", "active", "First order SO-0000042", JSON.stringify({ orderRef: "SO-0000042" }));
    move.run("repeat", "lapsed", "365天内无订单", JSON.stringify({ lastOrderAt: 5 }));
    move.run(
      "repeat",
      "active",
      "Won back: ordered again after 412 days",
      JSON.stringify({ orderRef: "SO-9" }),
    );
    move.run("repeat", "lost", "Switched to a competitor's offer", JSON.stringify({ reason: "competitor" }));
    move.run("repeat", "active", "Budget confirmed and credit check passed", null);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

    expect(
      db.$client.prepare("SELECT title, title_key AS k, title_params AS p FROM tasks ORDER BY id").all(),
    ).toEqual([
      { title: "Check-in call after order SO-0000042", k: "task.checkIn", p: '{"order":"SO-0000042"}' },
      { title: "Regular contact (every 30 days)", k: "task.regularContact", p: '{"days":30}' },
      { title: "Joint review with the customer (every 90 days)", k: "task.jointReview", p: '{"days":90}' },
      { title: "Win back this customer", k: "task.winBack", p: null },
      {
        title: "Keep the business: Shelving — renewal",
        k: "task.keepBusinessDeal",
        p: '{"deal":"Shelving — renewal"}',
      },
      { title: "Win back: 包装材料——续约", k: "task.winBackDeal", p: '{"deal":"包装材料——续约"}' },
      {
        title: "Follow up on complaint C-2026-0001",
        k: "task.complaintFollowUp",
        p: '{"reference":"C-2026-0001"}',
      },
      { title: "Call about the quote", k: null, p: null },
    ]);
    expect(db.$client.prepare("SELECT reason, evidence FROM ladder_moves ORDER BY id").all()).toEqual([
      { reason: "created", evidence: '{"source":"referral"}' },
      { reason: "order", evidence: '{"externalRef":"SO-0000042"}' },
      { reason: "lapsed", evidence: '{"lastOrderAt":5,"windowDays":365}' },
      { reason: "won_back", evidence: '{"externalRef":"SO-9","daysSinceLastOrder":412}' },
      { reason: "Switched to a competitor's offer", evidence: '{"lostReason":"competitor"}' },
      { reason: "Budget confirmed and credit check passed", evidence: null },
    ]);
  });

  it("0016, 0018: free-text competitors become the list, one entry per spelling, and deals point at it", () => {
    const db = dbBefore("0016_levels_outcomes_competitors_system_text");
    seedAccount(db);
    const deal = db.$client.prepare(
      `INSERT INTO deals (account_id, owner_id, title, amount, stage, status, competitor, created_at, updated_at)
       VALUES (1, 'u1', 'x', 100, 'Proposal', 'lost', ?, ?, 0)`,
    );
    deal.run("Brightline", 1);
    deal.run(" brightline ", 2);
    deal.run("Brightline Supply", 3);
    deal.run(null, 4);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const list = db.$client.prepare("SELECT id, name FROM competitors ORDER BY name_key").all() as {
      id: number;
      name: string;
    }[];
    expect(list.map((c) => c.name)).toEqual(["Brightline", "Brightline Supply"]);
    const ids = db.$client.prepare("SELECT competitor_id AS c FROM deals ORDER BY created_at").pluck().all();
    expect(ids).toEqual([list[0]?.id, list[0]?.id, list[1]?.id, null]);
  });

  it("0017: audit entries of saves that changed nothing are gone", () => {
    const db = dbBefore("0017_audit_no_op_saves");
    db.$client.exec(`INSERT INTO audit_log (actor_id, action, entity, entity_id, at, changes) VALUES
      (NULL, 'account.update', 'account', '1', 0, '{}'),
      (NULL, 'account.update', 'account', '1', 1, '{"name":["A","B"]}'),
      (NULL, 'user.set_locale', 'user', 'u1', 2, '{}')`);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(db.$client.prepare("SELECT at FROM audit_log ORDER BY at").pluck().all()).toEqual([1]);
  });

  it("0028: the names already there get their short-search grams, as the triggers write them for new ones", () => {
    const db = dbBefore("0028_account_name_grams");
    seedAccount(db);
    const insert = db.$client.prepare(
      `INSERT INTO accounts (kind, name, search_name, rung, rung_since, status, status_since, created_at, updated_at)
       VALUES ('company', ?, ?, 'repeat', 0, 'active', 0, 0, 0)`,
    );
    const before = ["上海王伟机械", "ACME 王伟", "王王", "Café"];
    for (const name of before) insert.run(name, name.toLowerCase());
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    for (const name of ["北京王伟", "Plain"]) insert.run(name, name.toLowerCase());
    const grams = (gram: string) =>
      db.$client
        .prepare("SELECT search_name FROM account_name_grams WHERE gram = ? ORDER BY search_name")
        .pluck()
        .all(gram);
    expect(grams("王伟")).toEqual(["acme 王伟", "上海王伟机械", "北京王伟"]);
    expect(grams("王")).toEqual(["acme 王伟", "上海王伟机械", "北京王伟", "王王"]);
    expect(grams("王王")).toEqual(["王王"]);
    expect(grams(" 王")).toEqual(["acme 王伟"]);
    expect(grams("fé")).toEqual(["café"]);
    // Names in ASCII alone have none: one or two Latin letters are looked up on the name index.
    const ascii = "SELECT count(*) FROM account_name_grams WHERE search_name IN ('acme', 'plain')";
    expect(db.$client.prepare(ascii).pluck().get()).toBe(0);
  });
});
