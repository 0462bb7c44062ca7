import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import { requireEditableAccount } from "../auth/account-access";
import type { Actor } from "../auth/permissions";
import { FieldError, notFound } from "../errors";
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

/**
 * A contact from another system, by its external reference (the REST API): created on the account, or updated
 * with the fields given. A reference already used on another account is a conflict.
 */
export function upsertContactByRef(
  db: Db,
  actor: Actor,
  input: { accountId: number; externalRef: string; fields: Omit<UpdateContactInput, "id" | "externalRef"> },
): { contact: typeof contacts.$inferSelect; created: boolean } {
  return inTransaction(db, (t) => {
    const existing = t.select().from(contacts).where(eq(contacts.externalRef, input.externalRef)).get();
    if (existing && existing.accountId !== input.accountId) {
      throw new FieldError("CONFLICT", {
        externalRef: ["Another account already has a contact with this reference."],
      });
    }
    if (existing) {
      const same = Object.entries(input.fields).every(
        ([k, v]) => v === undefined || existing[k as keyof typeof existing] === v,
      );
      // Sending the same contact again changes nothing: no write, no audit entry.
      if (same) return { contact: existing, created: false };
      const contact = updateContact(t, actor, { ...input.fields, id: existing.id });
      return { contact, created: false };
    }
    const { name, ...rest } = input.fields;
    if (!name) throw new FieldError("BAD_REQUEST", { name: ["Enter a name."] });
    const contact = createContact(t, actor, {
      title: null,
      email: null,
      phone: null,
      notes: null,
      ...rest,
      name,
      accountId: input.accountId,
      externalRef: input.externalRef,
    });
    return { contact, created: true };
  });
}
