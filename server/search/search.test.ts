import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { complaints, contacts, deals } from "@/db/schema";
import { complaintInput } from "../complaints/complaints.fixtures";
import { insertTestAccount, T0 } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { referencePrefixes } from "./search.rules";

function addDeal(db: Db, accountId: number, ownerId: string, title: string) {
  return db
    .insert(deals)
    .values({ accountId, ownerId, title, amount: 1000, stage: "qualify", createdAt: T0, updatedAt: T0 })
    .returning({ id: deals.id })
    .get().id;
}

function setup() {
  const db = createTestDb();
  const manager = addUser(db, "account_manager", "Mei Manager");
  const other = addUser(db, "account_manager", "Max Other");
  const agent = addUser(db, "service_agent", "Sara Service");
  const lead = addUser(db, "sales_lead", "Leo Lead");
  const northwind = insertTestAccount(db, { ownerId: manager.id, name: "Northwind Traders" });
  const north = insertTestAccount(db, { ownerId: other.id, name: "North Bakery" });
  insertTestAccount(db, { ownerId: other.id, name: "Southern Northwind Ltd" });
  const dragon = insertTestAccount(db, { ownerId: null, name: "华南龙腾贸易" });
  db.insert(contacts)
    .values([
      {
        accountId: northwind,
        name: "Patricia Anderson",
        email: "pat@northwind.test",
        createdAt: T0,
        updatedAt: T0,
      },
      { accountId: dragon, name: "王芳", email: "wang.fang@longteng.test", createdAt: T0, updatedAt: T0 },
    ])
    .run();
  addDeal(db, northwind, manager.id, "Pallet racking for the new warehouse");
  addDeal(db, north, other.id, "Pallet wrap supply");
  return { db, manager, other, agent, lead, northwind, north, dragon };
}

describe("the command palette's look-up", () => {
  it("finds accounts by name, names starting with the text first, in any case", async () => {
    const { db, agent } = setup();
    const found = await callerFor(db, agent).search.palette({ q: "NORTH" });
    expect(found.accounts.map((a) => a.name)).toEqual([
      "North Bakery",
      "Northwind Traders",
      "Southern Northwind Ltd",
    ]);
    expect(found.accounts[1]).toMatchObject({ ownerName: "Mei Manager", rung: "suspect" });
  });

  it("finds contacts by part of their name or email, and Chinese names of two characters", async () => {
    const { db, agent, northwind, dragon } = setup();
    const c = callerFor(db, agent).search;
    expect((await c.palette({ q: "anders" })).contacts).toEqual([
      expect.objectContaining({
        name: "Patricia Anderson",
        accountId: northwind,
        accountName: "Northwind Traders",
      }),
    ]);
    expect((await c.palette({ q: "longteng.test" })).contacts.map((x) => x.name)).toEqual(["王芳"]);
    expect((await c.palette({ q: "王芳" })).contacts.map((x) => x.accountId)).toEqual([dragon]);
    expect((await c.palette({ q: "龙腾" })).accounts.map((x) => x.name)).toEqual(["华南龙腾贸易"]);
    expect((await c.palette({ q: "th" })).accounts.map((x) => x.name)).toEqual([]);
    expect((await c.palette({ q: "华南" })).accounts.map((x) => x.name)).toEqual(["华南龙腾贸易"]);
    expect((await c.palette({ q: "龙腾贸" })).accounts.map((x) => x.name)).toEqual(["华南龙腾贸易"]);
  });

  it("finds one or two Chinese characters anywhere in a name, the first names A–Z first", async () => {
    const { db, agent } = setup();
    // Inserted Z–A: a look-up that took the first matches in the order they were written would offer the last.
    for (let i = 59; i >= 0; i--)
      insertTestAccount(db, { ownerId: null, name: `贸易${String(i).padStart(2, "0")}龙` });
    const c = callerFor(db, agent).search;
    expect((await c.palette({ q: "龙" })).accounts.map((x) => x.name)).toEqual([
      "华南龙腾贸易",
      "贸易00龙",
      "贸易01龙",
      "贸易02龙",
      "贸易03龙",
    ]);
    // Names starting with the text come first, then the others A–Z.
    expect((await c.palette({ q: "贸易", limit: 3 })).accounts.map((x) => x.name)).toEqual([
      "贸易00龙",
      "贸易01龙",
      "贸易02龙",
    ]);
    expect((await c.palette({ q: "易5" })).accounts.map((x) => x.name)).toEqual([
      "贸易50龙",
      "贸易51龙",
      "贸易52龙",
      "贸易53龙",
      "贸易54龙",
    ]);
  });

  it("finds deals by title, an account manager only their own and their accounts'", async () => {
    const { db, manager, lead } = setup();
    expect((await callerFor(db, lead).search.palette({ q: "pallet" })).deals.map((d) => d.title)).toEqual([
      "Pallet racking for the new warehouse",
      "Pallet wrap supply",
    ]);
    expect((await callerFor(db, manager).search.palette({ q: "pallet" })).deals).toEqual([
      expect.objectContaining({
        title: "Pallet racking for the new warehouse",
        accountName: "Northwind Traders",
      }),
    ]);
  });

  it("finds complaints by the start of their reference, typed any way; account managers only their accounts'", async () => {
    const { db, agent, manager, northwind, north } = setup();
    const mine = await callerFor(db, agent).complaints.create(complaintInput(northwind, 1));
    const theirs = await callerFor(db, agent).complaints.create({
      ...complaintInput(north, 1),
      contactId: null,
    });
    const ref = mine.reference;
    for (const q of [
      ref,
      ref.toLowerCase(),
      ref.slice(0, 6),
      ref.slice(2, 6).toLowerCase(),
      ref.replace("-", ""),
    ]) {
      const found = await callerFor(db, agent).search.palette({ q });
      expect([q, found.complaints.map((c) => c.reference)]).toEqual([q, [ref]]);
    }
    expect((await callerFor(db, manager).search.palette({ q: theirs.reference })).complaints).toEqual([]);
    expect((await callerFor(db, manager).search.palette({ q: ref })).complaints).toEqual([
      expect.objectContaining({ id: mine.id, accountName: "Northwind Traders" }),
    ]);
  });

  it("keeps up with renames through the indexes", async () => {
    const { db, agent } = setup();
    db.update(contacts)
      .set({ name: "Patricia Nakamura" })
      .where(eq(contacts.name, "Patricia Anderson"))
      .run();
    const c = callerFor(db, agent).search;
    expect((await c.palette({ q: "anderson" })).contacts).toEqual([]);
    expect((await c.palette({ q: "nakamura" })).contacts.map((x) => x.name)).toEqual(["Patricia Nakamura"]);
    db.delete(deals).run();
    expect((await c.palette({ q: "pallet" })).deals).toEqual([]);
  });

  it("takes quotes, percent signs and control characters as text; refuses an empty look-up and signed-out callers", async () => {
    const { db, agent } = setup();
    const c = callerFor(db, agent).search;
    const odd = await c.palette({ q: '"north" OR 1=1 %\u0000' });
    expect(odd).toEqual({ accounts: [], contacts: [], deals: [], complaints: [] });
    await expect(c.palette({ q: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.palette({ q: "x".repeat(101) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(db, null).search.palette({ q: "north" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect(db.select().from(complaints).all()).toEqual([]);
  });
});

describe("reading a complaint reference", () => {
  it("accepts it with or without C-, in any case; never with letters references do not use", () => {
    expect(referencePrefixes("C-7KQ2-M9")).toEqual(["C-7KQ2-M9"]);
    expect(referencePrefixes("7kq2")).toEqual(["C-7KQ2"]);
    expect(referencePrefixes("c7kq")).toEqual(["C-C7KQ", "C-7KQ"]);
    expect(referencePrefixes("hello")).toEqual([]);
    expect(referencePrefixes("x")).toEqual([]);
    expect(referencePrefixes("Io10")).toEqual([]);
  });
});
