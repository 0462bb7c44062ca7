import { describe, expect, it } from "vitest";
import { auditLog, settings } from "@/db/schema";
import { addUser, createTestDb } from "../test/harness";
import { getSetting, setSetting } from "./settings.queries";

describe("settings", () => {
  it("falls back to the documented defaults when nothing is stored", () => {
    const db = createTestDb();
    expect(getSetting(db, "lapseWindowDays")).toBe(365);
    expect(getSetting(db, "levelThresholds")).toEqual({
      manyCustomersAtLeast: 1000,
      mediumCustomersAtLeast: 100,
      highMarginAtLeast: 0.3,
      mediumMarginAtLeast: 0.1,
    });
  });

  it("stores a valid change and audits it", () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    setSetting(db, "lapseWindowDays", 180, admin.id);
    expect(getSetting(db, "lapseWindowDays")).toBe(180);
    const audit = db.select().from(auditLog).all();
    expect(audit.map((a) => [a.action, a.entityId, JSON.parse(a.changes ?? "{}")])).toEqual([
      ["settings.update", "lapseWindowDays", { value: [365, 180] }],
    ]);
  });

  it("refuses inconsistent thresholds and keeps the old value", () => {
    const db = createTestDb();
    expect(() =>
      setSetting(
        db,
        "levelThresholds",
        {
          manyCustomersAtLeast: 100,
          mediumCustomersAtLeast: 500,
          highMarginAtLeast: 0.3,
          mediumMarginAtLeast: 0.1,
        },
        null,
      ),
    ).toThrow(/below “many”/);
    expect(getSetting(db, "levelThresholds").manyCustomersAtLeast).toBe(1000);
  });

  it("a malformed stored value falls back to the default instead of breaking the rules", () => {
    const db = createTestDb();
    db.insert(settings).values({ key: "lapseWindowDays", value: '"soon"', updatedAt: 0 }).run();
    expect(getSetting(db, "lapseWindowDays")).toBe(365);
  });
});
