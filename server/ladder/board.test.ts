import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts } from "@/db/schema";
import { insertTestAccount } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";

describe("the ladder board", () => {
  it("counts each column (active rungs, lapsed, lost) and pages a column by name", async () => {
    const db = createTestDb();
    const mia = addUser(db, "account_manager");
    const sam = addUser(db, "account_manager");
    const names = ["Delta", "alpha", "Charlie", "bravo", "Echo"];
    for (const name of names) insertTestAccount(db, { ownerId: mia.id, name, rung: "repeat" });
    insertTestAccount(db, { ownerId: sam.id, name: "Foxtrot", rung: "repeat" });
    const lapsed = insertTestAccount(db, { ownerId: mia.id, name: "Golf", rung: "client" });
    db.update(accounts).set({ status: "lapsed" }).where(eq(accounts.id, lapsed)).run();
    insertTestAccount(db, { ownerId: sam.id, name: "Hotel", rung: "suspect" });
    const caller = callerFor(db, addUser(db, "executive"));

    expect(await caller.ladder.boardCounts({})).toEqual({ repeat: 6, lapsed: 1, suspect: 1 });
    expect(await caller.ladder.boardCounts({ ownerId: mia.id })).toEqual({ repeat: 5, lapsed: 1 });

    const first = await caller.ladder.column({ column: "repeat", ownerId: mia.id, limit: 2 });
    expect(first.items.map((c) => c.name)).toEqual(["alpha", "bravo"]);
    const second = await caller.ladder.column({
      column: "repeat",
      ownerId: mia.id,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.items.map((c) => c.name)).toEqual(["Charlie", "Delta"]);
    const third = await caller.ladder.column({
      column: "repeat",
      ownerId: mia.id,
      limit: 2,
      cursor: second.nextCursor,
    });
    expect(third).toEqual({ items: [expect.objectContaining({ name: "Echo" })], nextCursor: null });

    // The lapsed column holds lapsed accounts whatever rung they reached.
    const off = await caller.ladder.column({ column: "lapsed", limit: 10 });
    expect(off.items).toEqual([expect.objectContaining({ name: "Golf", rung: "client", status: "lapsed" })]);
  });

  it("offers Move only on cards the reader may move: a manager their own accounts, a lead every one", async () => {
    const db = createTestDb();
    const mia = addUser(db, "account_manager");
    const sam = addUser(db, "account_manager");
    insertTestAccount(db, { ownerId: mia.id, name: "Mine", rung: "prospect" });
    insertTestAccount(db, { ownerId: sam.id, name: "Sam's", rung: "prospect" });
    const movable = async (user: ReturnType<typeof addUser>) =>
      Object.fromEntries(
        (await callerFor(db, user).ladder.column({ column: "prospect", limit: 10 })).items.map((c) => [
          c.name,
          c.canMove,
        ]),
      );
    expect(await movable(mia)).toEqual({ Mine: true, "Sam's": false });
    expect(await movable(addUser(db, "sales_lead"))).toEqual({ Mine: true, "Sam's": true });
    expect(await movable(addUser(db, "executive"))).toEqual({ Mine: false, "Sam's": false });
    // And the server refuses what the board does not offer.
    const samsId = db.select().from(accounts).where(eq(accounts.name, "Sam's")).get()?.id as number;
    await expect(
      callerFor(db, mia).ladder.move({ accountId: samsId, toRung: "suspect", reason: "x" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an unknown column with a field message", async () => {
    const db = createTestDb();
    const caller = callerFor(db, addUser(db, "executive"));
    // biome-ignore lint/suspicious/noExplicitAny: a bad value a browser could send
    await expect(caller.ladder.column({ column: "vip" as any, limit: 5 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
