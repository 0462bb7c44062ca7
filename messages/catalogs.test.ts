import { describe, expect, it } from "vitest";
import { catalogs } from "./index";

function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe("message catalogs", () => {
  it("English and Simplified Chinese have exactly the same keys", () => {
    expect(keys(catalogs.zh).sort()).toEqual(keys(catalogs.en).sort());
  });

  it("no Chinese string is left in English or empty", () => {
    const leftovers = keys(catalogs.zh).filter((key) => {
      const zh = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogs.zh);
      const en = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalogs.en);
      // Language names and placeholders-only strings may legitimately match.
      return (
        zh === "" ||
        (zh === en &&
          !key.startsWith("common.languages") &&
          /[a-z]{3,}/i.test(String(en).replace(/\{[^}]*\}/g, "")))
      );
    });
    expect(leftovers).toEqual([]);
  });
});
