import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditLog, settings } from "@/db/schema";
import { ladderSettings } from "../ladder/ladder.settings";
import { levelsSettings } from "../levels/levels.settings";
import { addUser, createTestDb } from "../test/harness";
import { getSetting, type SettingDefinition, setSetting } from "./settings.queries";

describe("settings", () => {
  it("falls back to the documented defaults when nothing is stored", () => {
    const db = createTestDb();
    expect(getSetting(db, ladderSettings.lapseWindowDays)).toBe(365);
    expect(getSetting(db, levelsSettings.levelThresholds)).toEqual({
      manyCustomersAtLeast: 1000,
      mediumCustomersAtLeast: 100,
      highMarginAtLeast: 0.3,
      mediumMarginAtLeast: 0.1,
    });
  });

  it("stores a valid change and audits it", () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    setSetting(db, ladderSettings.lapseWindowDays, 180, admin.id);
    expect(getSetting(db, ladderSettings.lapseWindowDays)).toBe(180);
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
        levelsSettings.levelThresholds,
        {
          manyCustomersAtLeast: 100,
          mediumCustomersAtLeast: 500,
          highMarginAtLeast: 0.3,
          mediumMarginAtLeast: 0.1,
        },
        null,
      ),
    ).toThrow(/below “many”/);
    expect(getSetting(db, levelsSettings.levelThresholds).manyCustomersAtLeast).toBe(1000);
  });

  it("a malformed stored value falls back to the default instead of breaking the rules", () => {
    const db = createTestDb();
    db.insert(settings).values({ key: "lapseWindowDays", value: '"soon"', updatedAt: 0 }).run();
    expect(getSetting(db, ladderSettings.lapseWindowDays)).toBe(365);
  });
});

describe("settings declared by the domains", () => {
  it("each key is declared once, by one domain, with a default its own schema accepts", async () => {
    const files = readdirSync("server", { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".settings.ts"),
    );
    const keys: string[] = [];
    for (const file of files) {
      const module = (await import(path.resolve("server", file))) as Record<string, Record<string, unknown>>;
      for (const group of Object.values(module))
        for (const setting of Object.values(group) as SettingDefinition<unknown>[]) {
          keys.push(setting.key);
          expect(setting.schema.safeParse(setting.default).success, setting.key).toBe(true);
        }
    }
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
