// Applies pending migrations to DATABASE_PATH and, when the database holds no users, seeds the demo company.
import { databasePath, openDb } from "./client";
import { users } from "./schema";
import { seedDemo } from "./seed/seed";

const db = openDb(databasePath());
console.log(`Database ready at ${databasePath()}`);
const hasUsers = db.select({ id: users.id }).from(users).limit(1).all().length > 0;
if (!hasUsers && process.env.SEED_DEMO !== "0") {
  await seedDemo(db, { accounts: Number(process.env.SEED_ACCOUNTS ?? 300), seed: 42, log: console.log });
}
db.$client.close();
