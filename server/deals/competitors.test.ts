import { describe, expect, it } from "vitest";
import { competitors as competitorsTable, deals } from "@/db/schema";
import { fieldErrorsOf, insertTestAccount, T0 } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { competitorsAndPipeline } from "./dashboard.queries";

function setUp() {
  const db = createTestDb();
  const admin = callerFor(db, addUser(db, "admin"));
  const am = addUser(db, "account_manager");
  const accountId = insertTestAccount(db, { ownerId: am.id });
  const lose = async (competitor: { competitorId?: number; competitorOther?: string }) => {
    const deal = await callerFor(db, am).deals.create({ accountId, title: "Shelving", amount: 10_000 });
    await callerFor(db, am).deals.close({
      dealId: deal.id,
      outcome: "lost",
      closedAt: T0,
      ownerReason: "price",
      ...competitor,
    });
    return deal.id;
  };
  const competitorOf = (id: number) => {
    const d = db
      .select()
      .from(deals)
      .all()
      .find((x) => x.id === id);
    return [d?.competitorId ?? null, d?.competitorOther ?? null];
  };
  return { db, admin, am, lose, competitorOf };
}

describe("the competitor list", () => {
  it("a name typed that is on the list (any case or spacing) is that entry; another stays 'other'", async () => {
    const { admin, lose, competitorOf } = setUp();
    const brightline = await admin.competitors.create({ name: "Brightline" });
    expect(competitorOf(await lose({ competitorOther: "  brightline " }))).toEqual([brightline.id, null]);
    expect(competitorOf(await lose({ competitorId: brightline.id }))).toEqual([brightline.id, null]);
    expect(competitorOf(await lose({ competitorOther: "Brightline Supply" }))).toEqual([
      null,
      "Brightline Supply",
    ]);
  });

  it("adding an 'other' name to the list brings its deals along; a duplicate name is refused", async () => {
    const { admin, lose, competitorOf } = setUp();
    const a = await lose({ competitorOther: "Harbor Traders" });
    const b = await lose({ competitorOther: "harbor traders" });
    const listed = await admin.competitors.create({ name: "Harbor Traders" });
    expect(listed.deals).toBe(2);
    expect([competitorOf(a), competitorOf(b)]).toEqual([
      [listed.id, null],
      [listed.id, null],
    ]);
    expect(await fieldErrorsOf(admin.competitors.create({ name: "HARBOR traders" }))).toEqual({
      name: ["That competitor is already on the list."],
    });
    expect((await admin.competitors.list()).others).toEqual([]);
  });

  it("merging a duplicate moves its deals and leaves one bar on the dashboard", async () => {
    const { db, admin, lose } = setUp();
    const keep = await admin.competitors.create({ name: "Brightline" });
    const dup = await admin.competitors.create({ name: "Brightline Supply" });
    await lose({ competitorId: keep.id });
    await lose({ competitorId: dup.id });
    await lose({ competitorId: dup.id });
    const range = { fromMonth: "2024-01", toMonth: "2026-12", grain: "month" as const, ownerIds: [] };
    expect(competitorsAndPipeline(db, range).competitors.map((c) => [c.competitor, c.n])).toEqual([
      ["Brightline Supply", 2],
      ["Brightline", 1],
    ]);
    // Renaming onto another entry's name is refused: that is a merge.
    expect(await fieldErrorsOf(admin.competitors.rename({ id: dup.id, name: "brightline" }))).toEqual({
      name: ["Another entry has that name: merge the two instead."],
    });
    const merged = await admin.competitors.merge({ fromId: dup.id, intoId: keep.id });
    expect(merged.moved).toBe(2);
    expect(competitorsAndPipeline(db, range).competitors.map((c) => [c.competitor, c.n])).toEqual([
      ["Brightline", 3],
    ]);
    expect(
      db
        .select()
        .from(competitorsTable)
        .all()
        .map((c) => c.name),
    ).toEqual(["Brightline"]);
  });

  it("only admins keep the list; everyone may read it; a bad merge gets a field message", async () => {
    const { db, admin, am } = setUp();
    const x = await admin.competitors.create({ name: "Apex" });
    await expect(callerFor(db, am).competitors.create({ name: "Y" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(db, am).competitors.list()).resolves.toMatchObject({ list: [{ name: "Apex" }] });
    expect(await fieldErrorsOf(admin.competitors.merge({ fromId: x.id, intoId: x.id }))).toEqual({
      intoId: ["Choose another competitor to merge into."],
    });
    expect(await fieldErrorsOf(admin.competitors.create({ name: "  " }))).toEqual({
      name: ["Enter the competitor's name."],
    });
  });
});
