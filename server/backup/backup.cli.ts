// npm run backup -- FILE [--db DATABASE]: a consistent copy of the database while the server keeps running.
import { parseArgs } from "node:util";
import { databasePath } from "@/db/client";
import { backupDatabaseFile } from "./backup";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { db: { type: "string" } } });
const file = positionals[0];
if (!file) {
  console.error("Usage: npm run backup -- FILE [--db DATABASE]");
  process.exit(2);
}
const source = values.db ?? databasePath();
const started = performance.now();
try {
  const check = await backupDatabaseFile(source, file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Backed up ${source} to ${file} in ${seconds} s: integrity ${check.integrity}; ${check.accounts} accounts, ${check.orders} orders, ${check.contacts} contacts, ${check.users} users.`,
  );
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
