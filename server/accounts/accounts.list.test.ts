import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { insertAccount } from "./accounts.fixtures";
import { SEARCH_DENSE } from "./accounts.list";
import type { ListAccountsInput } from "./accounts.schemas";

type Query = Partial<Omit<ListAccountsInput, "cursor">>;

/** Follows nextCursor to the end and returns every page's names. */
async function allPages(db: Db, input: Query, limit: number) {
  const caller = callerFor(db, addUser(db, "executive"));
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await caller.accounts.list({ ...input, limit, cursor });
    pages.push(page.items.map((a) => a.name));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

describe("accounts list", () => {
  it("pages by name across ties without skipping or repeating anyone", async () => {
    const db = createTestDb();
    // Same lowercased name three times: the id breaks the tie, across a page boundary.
    for (const name of ["beta", "Alpha", "alpha", "ALPHA", "Gamma", "delta"]) insertAccount(db, { name });
    const pages = await allPages(db, {}, 2);
    expect(pages).toEqual([
      ["Alpha", "alpha"],
      ["ALPHA", "beta"],
      ["delta", "Gamma"],
    ]);
    const desc = await allPages(db, { dir: "desc" }, 4);
    expect(desc).toEqual([
      ["Gamma", "delta", "beta", "ALPHA"],
      ["alpha", "Alpha"],
    ]);
  });

  it("sorts by last order newest first and puts accounts with no orders last, in both directions", async () => {
    const db = createTestDb();
    insertAccount(db, { name: "never A" });
    insertAccount(db, { name: "old", lastOrderAt: 1_000 });
    insertAccount(db, { name: "new", lastOrderAt: 3_000 });
    insertAccount(db, { name: "never B" });
    insertAccount(db, { name: "mid", lastOrderAt: 2_000 });
    insertAccount(db, { name: "mid twin", lastOrderAt: 2_000 });
    expect(await allPages(db, { sort: "lastOrder" }, 2)).toEqual([
      ["new", "mid twin"],
      ["mid", "old"],
      ["never B", "never A"],
    ]);
    expect(await allPages(db, { sort: "lastOrder", dir: "asc" }, 4)).toEqual([
      ["old", "mid", "mid twin", "new"],
      ["never A", "never B"],
    ]);
  });

  it("sorts by revenue, highest first by default", async () => {
    const db = createTestDb();
    insertAccount(db, { name: "small", revenue: 100 });
    insertAccount(db, { name: "big", revenue: 90_000 });
    insertAccount(db, { name: "none" });
    insertAccount(db, { name: "medium", revenue: 5_000 });
    expect(await allPages(db, { sort: "revenue" }, 3)).toEqual([["big", "medium", "small"], ["none"]]);
    expect(await allPages(db, { sort: "revenue", dir: "asc" }, 10)).toEqual([
      ["none", "small", "medium", "big"],
    ]);
  });

  it("finds accounts by any part of the name, ignoring case, in English and Chinese", async () => {
    const db = createTestDb();
    insertAccount(db, { name: "ACME Trading" });
    insertAccount(db, { name: "Pacific Acme Foods" });
    insertAccount(db, { name: "王伟" });
    insertAccount(db, { name: "上海王伟机械有限公司" });
    insertAccount(db, { name: "北京科技" });
    insertAccount(db, { name: "100% Organic" });
    insertAccount(db, { name: "1000 Organic" });
    const names = async (q: string) => (await allPages(db, { q }, 50)).flat();
    expect(await names("acme")).toEqual(["ACME Trading", "Pacific Acme Foods"]);
    expect(await names("aCmE tRa")).toEqual(["ACME Trading"]);
    expect(await names("王伟")).toEqual(["上海王伟机械有限公司", "王伟"].sort());
    expect(await names("王")).toHaveLength(2);
    expect(await names("机械有限")).toEqual(["上海王伟机械有限公司"]);
    expect(await names("100%")).toEqual(["100% Organic"]);
    expect(await names("zzz")).toEqual([]);
  });

  it("keeps finding and paging when very many names match the search", async () => {
    const db = createTestDb();
    for (let i = 0; i < SEARCH_DENSE + 10; i++)
      insertAccount(db, { name: `Shop ${String(i).padStart(4, "0")}` });
    insertAccount(db, { name: "Other" });
    const caller = callerFor(db, addUser(db, "executive"));
    const first = await caller.accounts.list({ q: "shop", limit: 100 });
    expect(first.items[0]?.name).toBe("Shop 0000");
    const second = await caller.accounts.list({ q: "shop", limit: 100, cursor: first.nextCursor });
    expect(second.items[0]?.name).toBe("Shop 0100");
    const short = await caller.accounts.list({ q: "sh", limit: 5, sort: "name", dir: "desc" });
    const last = SEARCH_DENSE + 9;
    const expected = [0, 1, 2, 3, 4].map((k) => `Shop ${String(last - k).padStart(4, "0")}`);
    expect(short.items.map((a) => a.name)).toEqual(expected);
  });

  it("filters by rung, status, owner and segment, and combines them", async () => {
    const db = createTestDb();
    const ann = addUser(db, "account_manager", "Ann");
    const bob = addUser(db, "account_manager", "Bob");
    insertAccount(db, { name: "a1", rung: "client", status: "active", ownerId: ann.id, segment: "smb" });
    insertAccount(db, { name: "a2", rung: "client", status: "lost", ownerId: bob.id, segment: "enterprise" });
    insertAccount(db, { name: "a3", rung: "prospect", status: "lapsed", ownerId: ann.id, segment: "smb" });
    insertAccount(db, { name: "a4", rung: "repeat", status: "active", ownerId: bob.id });
    const names = async (q: Query) => (await allPages(db, q, 50)).flat();
    expect(await names({ rung: "client" })).toEqual(["a1", "a2"]);
    expect(await names({ status: "lapsed" })).toEqual(["a3"]);
    expect(await names({ ownerId: bob.id })).toEqual(["a2", "a4"]);
    expect(await names({ segment: "smb" })).toEqual(["a1", "a3"]);
    expect(await names({ rung: "client", ownerId: ann.id })).toEqual(["a1"]);
    expect(await names({ segment: "smb", status: "active", sort: "revenue" })).toEqual(["a1"]);
  });

  it("shows each account's owner by name and its order figures", async () => {
    const db = createTestDb();
    const ann = addUser(db, "account_manager", "Ann Lee");
    insertAccount(db, {
      name: "Acme",
      ownerId: ann.id,
      orderCount: 3,
      revenue: 12_345,
      margin: 2_000,
      lastOrderAt: 5,
    });
    const caller = callerFor(db, ann);
    const { items, nextCursor } = await caller.accounts.list({});
    expect(nextCursor).toBeNull();
    expect(items[0]).toMatchObject({
      name: "Acme",
      ownerName: "Ann Lee",
      orderCount: 3,
      revenue: 12_345,
      margin: 2_000,
      lastOrderAt: 5,
    });
    expect(items[0]).not.toHaveProperty("searchName");
  });

  it("refuses a cursor that was not made for this sort, and a limit out of range", async () => {
    const db = createTestDb();
    for (const name of ["a", "b", "c"]) insertAccount(db, { name });
    const caller = callerFor(db, addUser(db, "admin"));
    const page = await caller.accounts.list({ limit: 1 });
    await expect(caller.accounts.list({ sort: "revenue", cursor: page.nextCursor })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.accounts.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.accounts.list({ limit: 500 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lists owners and segments for the filters", async () => {
    const db = createTestDb();
    const ann = addUser(db, "account_manager", "Ann");
    addUser(db, "executive", "Eve");
    insertAccount(db, { name: "x", segment: "smb" });
    insertAccount(db, { name: "y", segment: "enterprise" });
    insertAccount(db, { name: "z", segment: "smb" });
    insertAccount(db, { name: "w" });
    const options = await callerFor(db, ann).accounts.filterOptions();
    expect(options.segments).toEqual(["enterprise", "smb"]);
    expect(options.owners).toEqual([{ id: ann.id, name: "Ann" }]);
  });
});
