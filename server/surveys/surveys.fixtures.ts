// Test set-up for surveys and feedback: people in every role, a repeat customer owned by a manager with two
// contacts (one Chinese), and helpers to put a survey in place without the schedule.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, contacts, type Level, type Rung, type SurveyKind } from "@/db/schema";
import { insertTestAccount, T0 } from "../test/fixtures";
import { addUser, createTestDb } from "../test/harness";
import { insertSurvey } from "./survey-send.queries";

export { T0 };

export function setupListening() {
  const db = createTestDb();
  const manager = addUser(db, "account_manager", "Manager Mei");
  const otherManager = addUser(db, "account_manager", "Manager Max");
  const lead = addUser(db, "sales_lead", "Lead Li");
  const agent = addUser(db, "service_agent", "Agent Ann");
  const admin = addUser(db, "admin", "Admin Ada");
  const executive = addUser(db, "executive", "Exec Eve");
  const accountId = insertCustomer(db, { ownerId: manager.id, name: "Acme", rung: "repeat" });
  const contactId = insertContact(db, accountId, "Carol Buyer", "Carol@Acme.test");
  const zhContactId = insertContact(db, accountId, "王芳", "wang@acme.test");
  return { db, manager, otherManager, lead, agent, admin, executive, accountId, contactId, zhContactId };
}

export function insertCustomer(
  db: Db,
  p: { ownerId: string | null; name: string; rung?: Rung; level?: Level; orderCount?: number; at?: number },
): number {
  const id = insertTestAccount(db, { ownerId: p.ownerId, name: p.name, rung: p.rung ?? "repeat", at: p.at });
  db.update(accounts)
    .set({ level: p.level ?? "accountable", orderCount: p.orderCount ?? 2, revenue: 0 })
    .where(eq(accounts.id, id))
    .run();
  return id;
}

export function insertContact(db: Db, accountId: number, name: string, email: string | null): number {
  return db
    .insert(contacts)
    .values({ accountId, name, email, createdAt: T0, updatedAt: T0 })
    .returning({ id: contacts.id })
    .get().id;
}

/** A survey sent at `at` (default T0) and its token. */
export function givenSurvey(
  db: Db,
  p: { accountId: number; contactId: number | null; kind?: SurveyKind; at?: number; email?: string | null },
) {
  return insertSurvey(
    db,
    {
      kind: p.kind ?? "nps",
      accountId: p.accountId,
      contactId: p.contactId,
      contactName: null,
      email: p.email ?? null,
      locale: "en",
      sourceKey: null,
      sentById: null,
    },
    p.at ?? T0,
  );
}
