#!/usr/bin/env node
// `npm run fuzz -- --runs 10000 [--seed N]`: the fuzz test of `npm test` (server/http/fuzz.test.ts) with more
// generated requests, or another seed.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string" }, seed: { type: "string" } } });
const env = { ...process.env };
if (values.runs) env.FUZZ_RUNS = values.runs;
if (values.seed) env.FUZZ_SEED = values.seed;
const result = spawnSync("node_modules/.bin/vitest", ["run", "server/http/fuzz.test.ts"], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
