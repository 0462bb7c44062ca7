// npm run seed -- --accounts N --seed S [--orders M] [--db FILE] [--reset] [--now YYYY-MM-DD]
import { parseArgs } from "node:util";
import { databasePath, openDb } from "../client";
import { seedDemo } from "./seed";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "300" },
    seed: { type: "string", default: "42" },
    orders: { type: "string" },
    db: { type: "string" },
    now: { type: "string" },
    reset: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log(
    "Usage: npm run seed -- --accounts N --seed S [--orders M] [--db FILE] [--reset] [--now YYYY-MM-DD]",
  );
  process.exit(0);
}

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number, got "${raw}".`);
    process.exit(2);
  }
  return n;
}

const accounts = positiveInt("accounts", values.accounts);
const seed = positiveInt("seed", values.seed);
const orders = values.orders === undefined ? undefined : positiveInt("orders", values.orders);
let now: number | undefined;
if (values.now) {
  now = Date.parse(`${values.now}T00:00:00Z`);
  if (Number.isNaN(now)) {
    console.error(`--now must be a date like 2026-01-31, got "${values.now}".`);
    process.exit(2);
  }
}
const file = values.db ?? databasePath();
const db = openDb(file);
console.log(`Seeding ${file}`);
try {
  await seedDemo(db, { accounts, seed, orders, now, reset: values.reset, log: console.log });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
