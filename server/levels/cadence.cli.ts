// Runs the cadence job (and, with --levels, the recommended-level recompute) once, as of now or a date:
//   node_modules/.bin/tsx server/levels/cadence.cli.ts [--db FILE] [--as-of YYYY-MM-DD] [--levels]
import { parseArgs } from "node:util";
import { databasePath, openDb } from "@/db/client";
import { ensureCadenceTasks } from "./cadence.queries";
import { recomputeRecommendedLevels } from "./recommend.queries";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    "as-of": { type: "string" },
    levels: { type: "boolean", default: false },
  },
});
const asOf = values["as-of"] ? Date.parse(`${values["as-of"]}T00:00:00Z`) : Date.now();
if (Number.isNaN(asOf)) {
  console.error(`--as-of must be a date like 2026-01-31, got "${values["as-of"]}".`);
  process.exit(2);
}
const db = openDb(values.db ?? databasePath());
try {
  if (values.levels) {
    const started = performance.now();
    const changed = recomputeRecommendedLevels(db, { asOf });
    console.log(`Recommended levels: ${changed} changed (${Math.round(performance.now() - started)} ms).`);
  }
  const started = performance.now();
  const created = ensureCadenceTasks(db, { asOf });
  console.log(
    `Cadence tasks: ${created.checkIns} check-ins, ${created.contacts} contacts, ${created.reviews} reviews created (${Math.round(performance.now() - started)} ms).`,
  );
} finally {
  db.$client.close();
}
