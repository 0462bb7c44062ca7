import { describe, expect, it } from "vitest";
import { openDb } from "./client";
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
