import { describe, expect, it } from "vitest";
import { insertTestAccount } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { nameLabelsFor } from "./name-labels.queries";

describe("labels per language for the names a company types", () => {
  it("an admin labels a segment and a stage; readers get the label in their language, the name elsewhere", async () => {
    const db = createTestDb();
    const admin = callerFor(db, addUser(db, "admin"));
    const id = insertTestAccount(db, { ownerId: null, name: "Acme" });
    db.$client.prepare("UPDATE accounts SET segment = 'Retail' WHERE id = ?").run(id);
    const listed = await admin.nameLabels.list();
    // The default stages come labelled in Chinese by migration 0016; the segment in use has no label yet.
    expect(listed).toEqual(
      expect.arrayContaining([
        { kind: "stage", name: "Qualifying", labels: { zh: "资格审查" } },
        { kind: "segment", name: "Retail", labels: {} },
      ]),
    );
    await admin.nameLabels.save({ kind: "segment", name: "Retail", labels: { zh: " 零售 ", en: "" } });
    expect(nameLabelsFor(db, "zh").segment).toEqual({ Retail: "零售" });
    expect(nameLabelsFor(db, "en").segment).toEqual({});
    // Clearing a label removes it: the name shows again.
    await admin.nameLabels.save({ kind: "segment", name: "Retail", labels: {} });
    expect(nameLabelsFor(db, "zh").segment).toEqual({});
  });

  it("only admins edit labels; a label too long gets a field message", async () => {
    const db = createTestDb();
    const lead = callerFor(db, addUser(db, "sales_lead"));
    await expect(
      lead.nameLabels.save({ kind: "stage", name: "Proposal", labels: { zh: "方案" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = callerFor(db, addUser(db, "admin"));
    await expect(
      admin.nameLabels.save({ kind: "stage", name: "Proposal", labels: { zh: "x".repeat(61) } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
