import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { analyzeNew, openDb } from "./client";
import { settings } from "./schema";

describe("the connection's statement cache", () => {
  it("hands back the same compiled statement for the same SQL", () => {
    const db = openDb(":memory:");
    const a = db.$client.prepare("SELECT 1 AS one");
    const b = db.$client.prepare("SELECT 1 AS one");
    expect(b).toBe(a);
  });

  it("resets raw and pluck modes, so the next caller gets object rows", () => {
    const db = openDb(":memory:");
    db.insert(settings).values({ key: "k", value: "1", updatedAt: 1 }).run();
    const sqlText = db.select({ key: settings.key }).from(settings).toSQL().sql;
    expect(db.$client.prepare(sqlText).raw().all()).toEqual([["k"]]);
    expect(db.$client.prepare(sqlText).all()).toEqual([{ key: "k" }]);
    expect(db.$client.prepare(sqlText).pluck().all()).toEqual(["k"]);
    expect(db.select({ key: settings.key }).from(settings).all()).toEqual([{ key: "k" }]);
  });

  it("does not hand out a statement another caller is still iterating", () => {
    const db = openDb(":memory:");
    const first = db.$client.prepare("SELECT 1 AS one UNION ALL SELECT 2");
    const iterator = first.iterate();
    iterator.next();
    const second = db.$client.prepare("SELECT 1 AS one UNION ALL SELECT 2");
    expect(second).not.toBe(first);
    expect(second.all()).toEqual([{ one: 1 }, { one: 2 }]);
    iterator.return?.();
  });
});

describe("statistics after a migration", () => {
  it("gives new indexes and tables theirs and leaves the others' as they were", () => {
    const sqlite = new Database(":memory:");
    sqlite.exec(`CREATE TABLE t (a INTEGER, b INTEGER);
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
      INSERT INTO t SELECT i % 7, i FROM n;
      CREATE INDEX t_a ON t (a); ANALYZE;
      UPDATE sqlite_stat1 SET stat = '300 50' WHERE idx = 't_a';
      CREATE INDEX t_b ON t (b);
      CREATE TABLE u (c INTEGER); INSERT INTO u VALUES (1), (2);`);
    analyzeNew(sqlite);
    const stats = sqlite.prepare("SELECT tbl, idx, stat FROM sqlite_stat1 ORDER BY tbl, idx").all();
    expect(stats).toEqual([
      { tbl: "t", idx: "t_a", stat: "300 50" },
      { tbl: "t", idx: "t_b", stat: "300 1" },
      { tbl: "u", idx: null, stat: "2" },
    ]);
    sqlite.close();
  });
});
