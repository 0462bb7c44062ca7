import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER, openDb } from "@/db/client";
import { ALL_RUNGS, isUpperRung, RUNGS, rungBelow, rungBelowSql, rungIndex, rungPositionSql } from "./ladder";

describe("the ladder's order", () => {
  it("climbs from suspect to partner, with disqualified beside the climb", () => {
    expect(rungIndex("suspect")).toBe(0);
    expect(rungIndex("repeat")).toBe(3);
    expect(rungIndex("partner")).toBe(7);
    expect(rungIndex("disqualified")).toBe(-1);
    expect(rungBelow("first_time")).toBe("prospect");
    expect(rungBelow("suspect")).toBeNull();
    expect(rungBelow("disqualified")).toBeNull();
    expect(ALL_RUNGS.filter(isUpperRung)).toEqual(["client", "member", "advocate", "partner"]);
  });

  it("orders rungs in SQL exactly as in TypeScript", () => {
    const db = openDb(":memory:");
    for (const rung of ALL_RUNGS) {
      const row = db.$client
        .prepare(
          `SELECT ${rungPositionSql("r")} AS position, ${rungBelowSql("r")} AS below FROM (SELECT ? AS r)`,
        )
        .get(rung) as { position: number | null; below: string | null };
      expect(row.position ?? -1).toBe(rungIndex(rung));
      expect(row.below).toBe(rungBelow(rung));
    }
  });

  it("every rung CASE in the migrations and the database's triggers is the one generated from RUNGS", () => {
    const db = openDb(":memory:");
    const live = db.$client
      .prepare("SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'view') AND sql IS NOT NULL")
      .all() as { name: string; sql: string }[];
    const files = readdirSync(MIGRATIONS_FOLDER)
      .filter((f) => f.endsWith(".sql"))
      .map((f) => ({ name: f, sql: readFileSync(path.join(MIGRATIONS_FOLDER, f), "utf8") }));
    const rungNames = new RegExp(`'(${RUNGS.join("|")})'`);
    const checked = { live: 0, files: 0 };
    for (const [source, list] of [
      ["live", live],
      ["files", files],
    ] as const) {
      for (const { name, sql } of list) {
        for (const match of sql.matchAll(/\(CASE ([\w.]+) (WHEN [^()]*? )END\)/g)) {
          const [expression, column] = match as unknown as [string, string];
          if (!rungNames.test(expression)) continue;
          checked[source] += 1;
          expect([rungPositionSql(column), rungBelowSql(column)], `${name}: ${expression}`).toContain(
            expression,
          );
        }
      }
    }
    // The ladder-report trigger orders rungs in five places, its backfill in five more: a test that finds
    // nothing to check fails.
    expect(checked.live).toBeGreaterThanOrEqual(5);
    expect(checked.files).toBeGreaterThanOrEqual(10);
  });
});
