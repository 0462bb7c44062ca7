// tsx bench/write-profile.ts --db COPY [--lines N --variants "base;trigger:NAME;index:NAME,NAME;…" --rounds N]
// Prices the triggers and indexes a bulk write pays (issue #11 §1): the order import of bench/import-files.ts
// (N lines, as npm run bench:import-load imports it) runs once per variant and round on the given database, each
// run inside an outer transaction that is rolled back, so every run starts from the same database and the copy
// is not changed. A variant drops triggers and indexes inside that transaction first ("base" drops nothing;
// "trigger:a,b" and "index:c" may be combined with "+"). Prints the write transaction's steps per variant
// (milliseconds, the median of the rounds) and the load average. Statement work only: the COMMIT and the WAL
// are not in it (bench/api-profile.ts times those for an API batch).
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { openDb } from "@/db/client";
import type { StepTrace } from "@/lib/step-trace";
import { runImport } from "@/server/imports/import.queries";
import { ORDER_FILE_MAPPING } from "@/server/imports/import.schemas";
import { percentile } from "./harness";
import { orderFile } from "./import-files";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    lines: { type: "string", default: "100000" },
    variants: { type: "string", default: "base" },
    rounds: { type: "string", default: "1" },
  },
});
if (!values.db) throw new Error("--db FILE (a copy of bench/bench.db)");
const db = openDb(values.db, { migrate: false });
const sqlite = db.$client;
const csv = orderFile(Number(values.lines));
const mapping = { ...ORDER_FILE_MAPPING, category: "Category" };

function drop(variant: string) {
  if (variant === "base") return;
  for (const part of variant.split("+")) {
    const [kind, names] = part.split(":") as [string, string];
    for (const name of names.split(",")) {
      const type = kind === "trigger" ? "trigger" : "index";
      const found = sqlite
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = ? AND name = ?")
        .pluck()
        .get(type, name);
      if (!found) throw new Error(`no ${type} ${name}`);
      sqlite.exec(`DROP ${type.toUpperCase()} "${name}"`);
    }
  }
}

const variants = values.variants.split(";").filter(Boolean);
const runs = new Map<string, StepTrace[]>(variants.map((v) => [v, []]));
for (let round = 0; round < Number(values.rounds); round++)
  for (const variant of variants) {
    const trace: StepTrace = {};
    sqlite.exec("BEGIN IMMEDIATE");
    try {
      drop(variant);
      const t0 = performance.now();
      runImport(db, null, { fileName: "orders.csv", csv, mapping, trace });
      trace.total = performance.now() - t0;
    } finally {
      sqlite.exec("ROLLBACK");
    }
    runs.get(variant)?.push(trace);
    console.log(`${variant}: ${Math.round(trace["write transaction"] ?? 0)} ms in the write transaction`);
  }

const steps = [...new Set(variants.flatMap((v) => (runs.get(v) ?? []).flatMap((t) => Object.keys(t))))];
const table = Object.fromEntries(
  steps.map((step) => [
    step,
    Object.fromEntries(
      variants.map((v) => [
        v.slice(0, 40),
        Math.round(
          percentile(
            (runs.get(v) ?? []).map((t) => t[step] ?? 0).sort((a, b) => a - b),
            50,
          ),
        ),
      ]),
    ),
  ]),
);
console.table(table);
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}`,
);
sqlite.close();
