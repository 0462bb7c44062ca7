// The contacts and referrals of imported accounts (issue #10 §2), written after the accounts themselves.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { recordReferral } from "../advocates/referrals.queries";
import type { Actor } from "../auth/permissions";
import { FieldError } from "../errors";
import type { FileAccount, FileContact } from "./account-import.parse";
import type { RowError } from "./import.parse";

/** One changed field: of an account (contact null) or of one of its contacts. */
export type FieldChange = {
  ref: string;
  contact: string | null;
  field: string;
  before: string | null;
  after: string | null;
};

/** An account of the file as stored before the import. */
export type Stored = {
  id: number;
  ref: string;
  name: string;
  kind: string;
  segment: string | null;
  industry: string | null;
  ownerId: string | null;
  referredBy: number | null;
};

type StoredContact = FileContact & { id: number; accountId: number };
const CONTACT_FIELDS = ["name", "title", "email", "phone"] as const;

/**
 * Who referred each account, through the referrals domain's own hook (recordReferral: audited, and the referrer
 * proposed as an advocate). A referral the domain refuses (one that would go both ways) is a row error.
 */
export function writeReferrals(
  t: Db,
  actor: Actor | null,
  fileAccounts: FileAccount[],
  idByRef: Map<string, number>,
  stored: Map<string, Stored>,
  changes: FieldChange[],
  now: number,
): { errors: RowError[] } {
  const wanted = fileAccounts.filter((a) => a.referrerRef);
  if (wanted.length === 0) return { errors: [] };
  const outside = new Set(wanted.map((a) => a.referrerRef as string).filter((r) => !idByRef.has(r)));
  const refOf = new Map([...stored.values()].map((s) => [s.id, s.ref]));
  // The referrers outside the file, and the references of the accounts' present referrers (to list changes).
  const present = wanted.map((a) => stored.get(a.ref)?.referredBy).filter((id): id is number => id != null);
  for (const r of t.all<{ id: number; ref: string }>(
    sql`SELECT id, external_ref AS ref FROM accounts
        WHERE external_ref IN (SELECT value FROM json_each(${JSON.stringify([...outside])}))
          OR id IN (SELECT value FROM json_each(${JSON.stringify(present)}))`,
  )) {
    if (outside.has(r.ref)) idByRef.set(r.ref, r.id);
    refOf.set(r.id, r.ref);
  }
  const errors: RowError[] = [];
  for (const a of wanted) {
    const accountId = idByRef.get(a.ref) as number;
    const referrerId = idByRef.get(a.referrerRef as string) as number;
    const before = stored.get(a.ref)?.referredBy ?? null;
    if (before === referrerId) continue;
    try {
      recordReferral(t, { accountId, referrerId, actorId: actor?.id ?? null }, now);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      errors.push({ line: a.line, reason: `referrer "${a.referrerRef}": ${error.message}` });
      continue;
    }
    if (stored.has(a.ref)) {
      const was = before === null ? null : (refOf.get(before) ?? String(before));
      changes.push({ ref: a.ref, contact: null, field: "referrer", before: was, after: a.referrerRef });
    }
  }
  return { errors };
}

/** An account's contacts as stored, keyed by the account's id. */
export type StoredContacts = Map<number, StoredContact[]>;

/** The contacts of the matched accounts, as stored (a read: the plan is made before the write transaction). */
export function readContacts(db: Db, stored: Map<string, Stored>): StoredContacts {
  const matchedIds = [...stored.values()].map((a) => a.id);
  const existing: StoredContacts = new Map();
  for (const c of db.all<StoredContact>(sql`
    SELECT id, account_id AS accountId, name, title, email, phone FROM contacts
    WHERE account_id IN (SELECT value FROM json_each(${JSON.stringify(matchedIds)}))`)) {
    const list = existing.get(c.accountId);
    if (list) list.push(c);
    else existing.set(c.accountId, [c]);
  }
  return existing;
}

/** Whether two reads of the matched accounts' contacts agree (the plan still holds). */
export function sameContacts(a: StoredContacts, b: StoredContacts): boolean {
  if (a.size !== b.size) return false;
  for (const [accountId, list] of a) {
    const other = b.get(accountId);
    if (!other || other.length !== list.length) return false;
    for (const [i, c] of list.entries()) {
      const o = other[i] as StoredContact;
      if (o.id !== c.id || CONTACT_FIELDS.some((f) => o[f] !== c[f])) return false;
    }
  }
  return true;
}

/** What the file does to contacts; a new account's contacts are known by its reference until it has an id. */
export type ContactPlan = {
  /** [account reference, name, title, email, phone] */
  toCreate: [string, string, string | null, string | null, string | null][];
  /** [contact id, name, title, email, phone] */
  toUpdate: unknown[][];
  unchanged: number;
  changes: FieldChange[];
};

/**
 * Contacts are matched within their account by email, or by name when the file gives no email. Pure: worked out
 * from the stored contacts before the write transaction.
 */
export function planContacts(
  fileAccounts: FileAccount[],
  stored: Map<string, Stored>,
  existing: StoredContacts,
): ContactPlan {
  const plan: ContactPlan = { toCreate: [], toUpdate: [], unchanged: 0, changes: [] };
  for (const a of fileAccounts) {
    const accountId = stored.get(a.ref)?.id;
    const theirs = (accountId !== undefined && existing.get(accountId)) || [];
    for (const c of a.contacts) {
      const match =
        theirs.find((s) => c.email && s.email?.toLowerCase() === c.email) ??
        theirs.find((s) => (!s.email || !c.email) && s.name.toLowerCase() === c.name.toLowerCase());
      if (!match) {
        plan.toCreate.push([a.ref, c.name, c.title, c.email, c.phone]);
        continue;
      }
      const after = { ...match };
      for (const field of CONTACT_FIELDS) {
        const value = c[field];
        if (value === null || value === match[field]) continue;
        after[field] = value;
        plan.changes.push({ ref: a.ref, contact: match.name, field, before: match[field], after: value });
      }
      if (CONTACT_FIELDS.some((f) => after[f] !== match[f]))
        plan.toUpdate.push([match.id, after.name, after.title, after.email, after.phone]);
      else plan.unchanged += 1;
    }
  }
  return plan;
}

/** The planned contact writes, inside the write transaction (idByRef has the new accounts' ids by then). */
export function writeContacts(t: Db, plan: ContactPlan, idByRef: Map<string, number>, now: number) {
  if (plan.toCreate.length) {
    const rows = plan.toCreate.map(([ref, ...rest]) => [idByRef.get(ref) as number, ...rest]);
    t.run(sql`
      INSERT INTO contacts (account_id, name, title, email, phone, created_at, updated_at)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, ${now}, ${now}
      FROM json_each(${JSON.stringify(rows)}) ORDER BY key`);
  }
  if (plan.toUpdate.length) {
    t.run(sql`
      UPDATE contacts SET name = u.value ->> 1, title = u.value ->> 2, email = u.value ->> 3, phone = u.value ->> 4,
        updated_at = ${now}
      FROM json_each(${JSON.stringify(plan.toUpdate)}) AS u WHERE contacts.id = u.value ->> 0`);
  }
  return {
    contactsCreated: plan.toCreate.length,
    contactsUpdated: plan.toUpdate.length,
    contactsUnchanged: plan.unchanged,
  };
}
