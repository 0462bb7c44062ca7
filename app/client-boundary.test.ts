// Server code (pages, layouts, server components) may take React components from a "use client" module, but
// no other value: a constant or function exported from a client module reaches the server as a client
// reference. `DEALS_PAGE` imported that way made the deals prefetch send `limit: <function>`, which failed
// validation and was retried a second later: six pages answered after 1.0 s without their data.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const APP = path.join(ROOT, "app");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function isClientModule(source: string): boolean {
  return /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(source);
}

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Value imports (not `type`) that are not PascalCase components. */
function nonComponentValues(names: string): string[] {
  return names
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n && !n.startsWith("type "))
    .map((n) => (n.split(/\s+as\s+/)[0] ?? "").trim())
    .filter((n) => !/^[A-Z](?=.*[a-z])[A-Za-z0-9]*$/.test(n));
}

function findBoundaryViolations(): string[] {
  const violations: string[] = [];
  for (const file of sourceFiles(APP)) {
    const source = readFileSync(file, "utf8");
    if (isClientModule(source)) continue;
    for (const [, typeOnly, names = "", spec = ""] of source.matchAll(
      /import\s+(type\s+)?\{([^}]*)\}\s+from\s+["']([^"']+)["']/g,
    )) {
      if (typeOnly) continue;
      const target = resolveImport(file, spec);
      if (!target || !isClientModule(readFileSync(target, "utf8"))) continue;
      for (const name of nonComponentValues(names)) {
        violations.push(`${path.relative(ROOT, file)} imports ${name} from client module ${spec}`);
      }
    }
  }
  return violations;
}

describe("server and client module boundary", () => {
  it("server code takes only components from client modules, never constants or functions", () => {
    expect(findBoundaryViolations()).toEqual([]);
  });
});
