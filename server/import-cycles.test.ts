// No two server domains import each other, directly or through others (docs/architecture.md rule 13): a domain
// is a folder under server/, and files directly in server/ (trpc, errors, context…) are each their own node.
// Tests and test fixtures may reach across domains and are left out. Type-only imports count too: a cycle of
// types is still two domains that must change together.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const SERVER = path.join(ROOT, "server");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    if (!/\.tsx?$/.test(name) || /\.(test|fixtures)\.tsx?$/.test(name)) return [];
    return full.startsWith(path.join(SERVER, "test") + path.sep) ? [] : [full];
  });
}

const SPECIFIER = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return null;
}

/** "ladder" for server/ladder/…, "trpc.ts" for server/trpc.ts; null outside server/. */
function nodeOf(file: string): string | null {
  const rel = path.relative(SERVER, file);
  if (rel.startsWith("..")) return null;
  return rel.split(path.sep)[0] ?? null;
}

/** Domain → domains it imports, with one file-level example per edge for the failure message. */
function domainGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(SERVER)) {
    const from = nodeOf(file) as string;
    const edges = graph.get(from) ?? new Map<string, string>();
    graph.set(from, edges);
    for (const m of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      const target = resolve(file, (m[1] ?? m[2]) as string);
      const to = target && nodeOf(target);
      if (to && to !== from && !edges.has(to))
        edges.set(to, `${path.relative(ROOT, file)} → ${path.relative(ROOT, target as string)}`);
    }
  }
  return graph;
}

/** Every cycle through the graph's strongly connected components (Tarjan), as the example edges around it. */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const info = new Map<string, { index: number; low: number; onStack: boolean }>();
  const components: string[][] = [];
  const visit = (v: string) => {
    info.set(v, { index, low: index, onStack: true });
    index += 1;
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!info.has(w)) {
        visit(w);
        const vi = info.get(v) as { low: number };
        vi.low = Math.min(vi.low, (info.get(w) as { low: number }).low);
      } else if (info.get(w)?.onStack) {
        const vi = info.get(v) as { low: number };
        vi.low = Math.min(vi.low, (info.get(w) as { index: number }).index);
      }
    }
    const vi = info.get(v) as { index: number; low: number };
    if (vi.low === vi.index) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        (info.get(w) as { onStack: boolean }).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!info.has(v)) visit(v);
  return components.map((c) =>
    c.flatMap((a) => c.filter((b) => graph.get(a)?.has(b)).map((b) => graph.get(a)?.get(b) as string)),
  );
}

describe("server domains", () => {
  it("import each other in one direction only (no import cycle between domains)", () => {
    expect(cycles(domainGraph())).toEqual([]);
  });

  it("the check sees a cycle when there is one", () => {
    const graph = new Map([
      ["accounts", new Map([["levels", "accounts/a.ts → levels/b.ts"]])],
      ["levels", new Map([["accounts", "levels/b.ts → accounts/a.ts"]])],
      ["ladder", new Map([["accounts", "ladder/c.ts → accounts/a.ts"]])],
    ]);
    expect(cycles(graph)).toEqual([["accounts/a.ts → levels/b.ts", "levels/b.ts → accounts/a.ts"]]);
  });
});
