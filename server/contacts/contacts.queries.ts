import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import { requireEditableAccount } from "../auth/account-access";
import type { Actor } from "../auth/permissions";
import { notFound } from "../errors";
import type { CreateContactInput, UpdateContactInput } from "./contacts.schemas";

// Contacts follow their account: whoever may edit the account may add, change and remove its contacts.

export function createContact(db: Db, actor: Actor, input: CreateContactInput) {
  const now = Date.now();
  return inTransaction(db, (t) => {
    requireEditableAccount(t, actor, input.accountId);
    const row = t
      .insert(contacts)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning()
      .get();
    recordAudit(t, {
      actorId: actor.id,
      action: "contact.create",
      entity: "contact",
      entityId: row.id,
      after: input,
      at: now,
    });
    return row;
  });
}

function requireContact(db: Db, id: number) {
  const contact = db.select().from(contacts).where(eq(contacts.id, id)).get();
  if (!contact) throw notFound("Contact");
  return contact;
}

export function updateContact(db: Db, actor: Actor, input: UpdateContactInput) {
  const { id, ...fields } = input;
  const now = Date.now();
  return inTransaction(db, (t) => {
    const before = requireContact(t, id);
    requireEditableAccount(t, actor, before.accountId);
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const row = t
      .update(contacts)
      .set({ ...changes, updatedAt: now })
      .where(eq(contacts.id, id))
      .returning()
      .get();
    recordAudit(t, {
      actorId: actor.id,
      action: "contact.update",
      entity: "contact",
      entityId: id,
      before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]])),
      after: changes,
      at: now,
    });
    return row;
  });
}

export function deleteContact(db: Db, actor: Actor, id: number): { id: number } {
  const now = Date.now();
  return inTransaction(db, (t) => {
    const before = requireContact(t, id);
    requireEditableAccount(t, actor, before.accountId);
    t.delete(contacts).where(eq(contacts.id, id)).run();
    const { createdAt: _c, updatedAt: _u, ...fields } = before;
    recordAudit(t, {
      actorId: actor.id,
      action: "contact.delete",
      entity: "contact",
      entityId: id,
      before: fields,
      at: now,
    });
    return { id };
  });
}
