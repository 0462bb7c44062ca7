import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";

function setup() {
  const db = createTestDb();
  const mei = addUser(db, "account_manager", "Mei");
  const leo = addUser(db, "sales_lead", "Leo");
  return { db, mei: callerFor(db, mei).views, leo: callerFor(db, leo).views };
}

describe("saved views", () => {
  it("keeps a person's named filter sets per list, newest first", async () => {
    const { mei } = setup();
    await mei.save({ list: "accounts", name: "My clients", query: "rung=client&owner=me" });
    await mei.save({ list: "accounts", name: "Lapsed, by revenue", query: "?status=lapsed&sort=revenue" });
    await mei.save({ list: "deals", name: "Open", query: "status=open" });
    const views = await mei.list({ list: "accounts" });
    expect(views.map((v) => [v.name, v.query])).toEqual([
      ["Lapsed, by revenue", "status=lapsed&sort=revenue"],
      ["My clients", "rung=client&owner=me"],
    ]);
    expect((await mei.list({ list: "deals" })).map((v) => v.name)).toEqual(["Open"]);
  });

  it("saving under the same name replaces the filters", async () => {
    const { mei } = setup();
    const first = await mei.save({ list: "accounts", name: "Mine", query: "owner=a" });
    const again = await mei.save({ list: "accounts", name: "Mine", query: "owner=b" });
    expect(again).toEqual({ id: first.id, replaced: true });
    expect((await mei.list({ list: "accounts" })).map((v) => v.query)).toEqual(["owner=b"]);
  });

  it("are private: nobody else lists or deletes them", async () => {
    const { mei, leo } = setup();
    const { id } = await mei.save({ list: "accounts", name: "Mine", query: "owner=a" });
    expect(await leo.list({ list: "accounts" })).toEqual([]);
    await expect(leo.delete({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await mei.delete({ id });
    expect(await mei.list({ list: "accounts" })).toEqual([]);
  });

  it("asks for a name, refuses an unknown list and control characters, and caps each list at 50", async () => {
    const { mei } = setup();
    expect(await fieldErrorsOf(mei.save({ list: "accounts", name: "  ", query: "a=b" }))).toEqual({
      name: ["required"],
    });
    expect(await fieldErrorsOf(mei.save({ list: "accounts", name: "x", query: "a=\u0007" }))).toEqual({
      query: ["invalid"],
    });
    await expect(mei.save({ list: "moon" as "accounts", name: "x", query: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    for (let i = 0; i < 50; i++) await mei.save({ list: "deals", name: `View ${i}`, query: `q=${i}` });
    expect(await fieldErrorsOf(mei.save({ list: "deals", name: "One more", query: "" }))).toEqual({
      name: ["tooMany"],
    });
  });
});
