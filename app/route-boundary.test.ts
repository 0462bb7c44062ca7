// A route's `_components` folder is private to that route and the routes below it. Shared UI lives where every
// user can reach it: `app/_components/` (primitives, the report kit) or `app/(crm)/_components/` (pieces of
// the signed-in app shared by several pages). This test fails when a file imports another route's components.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const APP = path.join(ROOT, "app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    // This file names forbidden imports in its own examples.
    return /\.tsx?$/.test(name) && full !== import.meta.filename ? [full] : [];
  });
}

/** The folder an import points into, or null for packages. */
function target(from: string, spec: string): string | null {
  if (spec.startsWith("@/")) return path.join(ROOT, spec.slice(2));
  if (spec.startsWith(".")) return path.resolve(path.dirname(from), spec);
  return null;
}

/** Imports of a `_components` folder whose owning route is not the importing file's route or one above it. */
function crossRouteImports(files: readonly string[], read: (file: string) => string): string[] {
  const found: string[] = [];
  for (const file of files) {
    const source = read(file);
    for (const [, spec = ""] of source.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']/g)) {
      const resolved = target(file, spec);
      if (!resolved) continue;
      const parts = resolved.split(path.sep);
      const at = parts.lastIndexOf("_components");
      if (at < 0) continue;
      const owner = parts.slice(0, at).join(path.sep);
      const fromDir = path.dirname(file);
      if (fromDir !== owner && !fromDir.startsWith(`${owner}${path.sep}`)) {
        found.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
    }
  }
  return found;
}

describe("route boundaries", () => {
  it("no file under one route imports another route's _components", () => {
    expect(crossRouteImports(sourceFiles(APP), (f) => readFileSync(f, "utf8"))).toEqual([]);
  });

  it("notices a route reaching into a sibling route's components, and allows its own and the shared ones", () => {
    const file = path.join(APP, "(crm)/win-loss/_components/card.tsx");
    const sources: Record<string, string> = {
      [file]: [
        'import { DealTable } from "@/app/(crm)/deals/_components/deal-table";',
        'import { useMoney } from "../../accounts/_components/format";',
        'import { Drill } from "./drill";',
        'import { Forbidden } from "@/app/(crm)/_components/forbidden";',
        'import { ChartCard } from "@/app/_components/report/chart-card";',
      ].join("\n"),
    };
    expect(crossRouteImports([file], (f) => sources[f] ?? "")).toEqual([
      "app/(crm)/win-loss/_components/card.tsx imports @/app/(crm)/deals/_components/deal-table",
      "app/(crm)/win-loss/_components/card.tsx imports ../../accounts/_components/format",
    ]);
  });
});
