// Deterministic demo data: the same seed and sizes always give the same company.

import { createUserWithPassword } from "@/server/users/create-user";
import type { Db } from "../client";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

export type SeedOptions = { accounts: number; seed: number; log?: (line: string) => void };

export async function seedDemoUsers(db: Db): Promise<void> {
  for (const u of DEMO_USERS) await createUserWithPassword(db, { ...u, password: DEMO_PASSWORD });
}

export async function seedDemo(db: Db, options: SeedOptions): Promise<void> {
  const log = options.log ?? (() => {});
  await seedDemoUsers(db);
  log(`Seeded ${DEMO_USERS.length} demo users (password: ${DEMO_PASSWORD}).`);
}
