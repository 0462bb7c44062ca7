// Test helpers: a fresh in-memory database with migrations applied, users per role, and tRPC callers.
import { type Db, openDb } from "@/db/client";
import { type Role, users } from "@/db/schema";
import type { SessionUser } from "../context";
import { createCaller } from "../root";

export function createTestDb(): Db {
  return openDb(":memory:");
}

let counter = 0;

/** Inserts a user (no password: callers tests act as the user directly) and returns its session shape. */
export function addUser(db: Db, role: Role, name?: string): SessionUser {
  counter += 1;
  const id = `test-${role}-${counter}`;
  const user = {
    id,
    name: name ?? `${role} ${counter}`,
    email: `${id}@test.local`,
    role,
    locale: "en" as const,
  };
  db.insert(users)
    .values({ ...user, emailVerified: true, active: true })
    .run();
  return user;
}

export function callerFor(db: Db, user: SessionUser | null) {
  return createCaller({ db, user });
}

export const ALL_ROLES: readonly Role[] = [
  "account_manager",
  "sales_lead",
  "service_agent",
  "executive",
  "admin",
];
