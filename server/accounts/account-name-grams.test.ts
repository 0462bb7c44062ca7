// account_name_grams (lib/name-grams.ts): one or two characters with a Chinese one among them are found by
// seeking the gram index, and must find exactly what the plain query (LIKE '%text%' on every name) finds, on a
// hand-built set of names, again after renames and deletes.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { insertAccount } from "./accounts.fixtures";
import { escapeLike, SEARCH_DENSE, searchFor } from "./accounts.list";
import { searchNameOf } from "./accounts.queries";

const NAMES = [
  "王伟",
  "上海王伟机械有限公司",
  "ACME 王伟 Trading",
  "北京科技",
  "a张b Supplies",
  "张",
  "Café Müller",
  "CAFÉ 王",
  "王王王",
  "Acme",
  "100% 王",
  "𠀀𠀁 Rare",
];

const QUERIES = [
  // one character
  "王",
  "张",
  "é",
  "𠀀",
  "a",
  // two characters
  "王伟",
  "伟机",
  "a张",
  "张b",
  " 王",
  "王王",
  "fé",
  "𠀀𠀁",
  "伟a",
  "ac",
  // three or more
  "王伟机",
  "王王王",
  "acme 王",
  "café",
];

/** The plain query the index must agree with: every name containing the text. */
function plain(db: Db, q: string): number[] {
  return db.$client
    .prepare("SELECT id FROM accounts WHERE search_name LIKE ? ESCAPE '\\' ORDER BY id")
    .pluck()
    .all(`%${escapeLike(q.toLowerCase())}%`) as number[];
}

function found(db: Db, q: string): number[] {
  const search = searchFor(db, q);
  if (search.kind === "nothing") return [];
  if (search.kind !== "ids") throw new Error(`${q}: ${search.kind}`);
  return [...search.ids].sort((a, b) => a - b);
}

function expectSameAsPlain(db: Db) {
  for (const q of QUERIES) expect([q, found(db, q)]).toEqual([q, plain(db, q)]);
}

describe("short Chinese name search on account_name_grams", () => {
  it("finds what the plain query finds for one, two and three characters, mixed with Latin", async () => {
    const db = createTestDb();
    const ids = new Map(NAMES.map((name) => [name, insertAccount(db, { name })]));
    expectSameAsPlain(db);
    // By hand: what a reader expects to see.
    const caller = callerFor(db, addUser(db, "executive"));
    const names = async (q: string) =>
      (await caller.accounts.list({ q, limit: 50 })).items.map((a) => a.name).sort();
    expect(await names("王伟")).toEqual(["ACME 王伟 Trading", "上海王伟机械有限公司", "王伟"]);
    expect(await names("王")).toEqual(
      ["100% 王", "ACME 王伟 Trading", "CAFÉ 王", "上海王伟机械有限公司", "王伟", "王王王"].sort(),
    );
    expect(await names("a张")).toEqual(["a张b Supplies"]);
    expect(await names("张")).toEqual(["a张b Supplies", "张"]);
    // "É" lowercases to "é" in search_name, so either spelling finds both cafés.
    expect(await names("É")).toEqual(["CAFÉ 王", "Café Müller"]);
    expect(await names("𠀀")).toEqual(["𠀀𠀁 Rare"]);
    expect(await names("伟a")).toEqual([]);
    expect(ids.size).toBe(NAMES.length);
  });

  it("follows renames and deletes", () => {
    const db = createTestDb();
    const ids = new Map(NAMES.map((name) => [name, insertAccount(db, { name })]));
    const rename = (from: string, to: string) =>
      db
        .update(accounts)
        .set({ name: to, searchName: searchNameOf(to) })
        .where(eq(accounts.id, ids.get(from) ?? 0))
        .run();
    rename("王伟", "李伟");
    rename("Acme", "Acme 张伟");
    rename("CAFÉ 王", "Plain Cafe");
    rename("北京科技", "北京科技");
    db.delete(accounts)
      .where(eq(accounts.id, ids.get("上海王伟机械有限公司") ?? 0))
      .run();
    expectSameAsPlain(db);
    expect(found(db, "王伟")).toEqual([ids.get("ACME 王伟 Trading")]);
    expect(found(db, "张伟")).toEqual([ids.get("Acme")]);
    expect(found(db, "李")).toEqual([ids.get("王伟")]);
    // Only the grams of names still there remain.
    const grams = db.$client.prepare("SELECT DISTINCT account_id FROM account_name_grams").pluck().all();
    expect(grams).not.toContain(ids.get("上海王伟机械有限公司"));
    expect(grams).not.toContain(ids.get("CAFÉ 王"));
  });

  it("keeps paging when many names hold the two characters", async () => {
    const db = createTestDb();
    for (let i = 0; i < SEARCH_DENSE + 5; i++)
      insertAccount(db, { name: `王伟 ${String(i).padStart(3, "0")}` });
    insertAccount(db, { name: "李娜" });
    expect(searchFor(db, "王伟").kind).toBe("like");
    const caller = callerFor(db, addUser(db, "executive"));
    const page = await caller.accounts.list({ q: "王伟", limit: 3, sort: "name", dir: "desc" });
    expect(page.items.map((a) => a.name)).toEqual(["王伟 504", "王伟 503", "王伟 502"]);
    expect(await caller.accounts.count({ q: "王伟" })).toMatchObject({ count: SEARCH_DENSE + 5 });
  });
});
