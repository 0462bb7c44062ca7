// npm run restore -- FILE [--db DATABASE]: puts a backup back. Refuses while a server holds the database (stop
// it first); the database it replaces is kept beside it as <DATABASE>.before-restore-<time>.
import { parseArgs } from "node:util";
import { databasePath } from "@/db/client";
import { restoreDatabase } from "./backup";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { db: { type: "string" } } });
const file = positionals[0];
if (!file) {
  console.error("Usage: npm run restore -- FILE [--db DATABASE]");
  process.exit(2);
}
const target = values.db ?? databasePath();
try {
  const { check, keptAs } = await restoreDatabase({ from: file, target });
  console.log(
    `Restored ${file} into ${target}: integrity ${check.integrity}; ${check.accounts} accounts, ${check.orders} orders, ${check.contacts} contacts, ${check.users} users.`,
  );
  if (keptAs) console.log(`The database it replaced is kept as ${keptAs}.`);
} catch (error) {
  console.error(`Restore refused: ${(error as Error).message}`);
  process.exitCode = 1;
}
