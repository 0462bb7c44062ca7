// The command palette's look-up (issue #12 §5): accounts, contacts, deals and complaints by name, email or
// reference, a few of each, every one on an index so the whole look-up stays within the list budget at 100k
// accounts (bench/cases/search.ts):
// - accounts: names starting with the text on accounts_name_idx, then names containing it on accounts_fts
//   (for one or two Chinese characters, account_name_grams in name order, as the accounts list does);
// - contacts: name or email containing it on contacts_fts (3+ characters), or a name starting with it on
//   contacts_name_idx (1–2 characters: Chinese names are often two);
// - deals: titles containing it on deals_fts (3+ characters);
// - complaints: references starting with it on complaints_reference_uq.
// Each reader sees what their role lets them open: account managers only their own deals and their
// accounts' complaints (as the lists do); every role reads accounts and contacts.
import type { Statement } from "better-sqlite3";
import type { Db } from "@/db/client";
import { preparedPerDb } from "@/db/prepared";
import { nameGramOf } from "@/lib/name-grams";
import type { Actor } from "../auth/permissions";
import { casePrefixes, ftsPhrase, PREFIX_END, referencePrefixes, TRIGRAM_MIN } from "./search.rules";

type Input = { q: string; limit: number };

export type AccountHit = {
  id: number;
  name: string;
  rung: string;
  status: string;
  ownerId: string | null;
  ownerName: string | null;
};
export type ContactHit = {
  id: number;
  name: string;
  email: string | null;
  accountId: number;
  accountName: string;
  accountOwnerId: string | null;
};
export type DealHit = { id: number; title: string; status: string; accountId: number; accountName: string };
export type ComplaintHit = {
  id: number;
  reference: string;
  status: string;
  accountId: number;
  accountName: string;
};

// Oversampling for the filters applied after the index (an account manager's deals, names already found).
const SAMPLE = 40;

const ACCOUNT_FIELDS = `a.id, a.name, a.rung, a.status, a.owner_id AS ownerId, u.name AS ownerName
  FROM accounts a LEFT JOIN users u ON u.id = a.owner_id`;

function prepare<T>(sql: string) {
  return preparedPerDb((db: Db) => db.$client.prepare(sql) as Statement<unknown[], T>);
}

const accountsByPrefix = prepare<AccountHit>(
  `SELECT ${ACCOUNT_FIELDS} WHERE a.search_name >= ? AND a.search_name < ? ORDER BY a.search_name, a.id LIMIT ?`,
);
const accountsByGram = prepare<AccountHit>(
  `SELECT ${ACCOUNT_FIELDS} WHERE a.id IN (SELECT account_id FROM account_name_grams WHERE gram = ?
     ORDER BY search_name, account_id LIMIT ?)`,
);
const accountsByText = prepare<AccountHit>(
  `SELECT ${ACCOUNT_FIELDS} WHERE a.id IN (SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH ? LIMIT ?)`,
);
const contactsByText = prepare<ContactHit>(
  `SELECT c.id, c.name, c.email, c.account_id AS accountId, a.name AS accountName, a.owner_id AS accountOwnerId
   FROM contacts c JOIN accounts a ON a.id = c.account_id
   WHERE c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT ?)`,
);
const contactsByPrefix = prepare<ContactHit>(
  `SELECT c.id, c.name, c.email, c.account_id AS accountId, a.name AS accountName, a.owner_id AS accountOwnerId
   FROM contacts c JOIN accounts a ON a.id = c.account_id
   WHERE c.name >= ? AND c.name < ? ORDER BY c.name, c.id LIMIT ?`,
);
const dealsByText = prepare<DealHit & { ownerId: string; accountOwnerId: string | null }>(
  `SELECT d.id, d.title, d.status, d.account_id AS accountId, a.name AS accountName, d.owner_id AS ownerId,
     a.owner_id AS accountOwnerId
   FROM deals d JOIN accounts a ON a.id = d.account_id
   WHERE d.id IN (SELECT rowid FROM deals_fts WHERE deals_fts MATCH ? LIMIT ?)`,
);
const dealsOfManagerByText = prepare<DealHit>(
  `SELECT d.id, d.title, d.status, d.account_id AS accountId, a.name AS accountName
   FROM deals_fts f JOIN deals d ON d.id = f.rowid JOIN accounts a ON a.id = d.account_id
   WHERE deals_fts MATCH ? AND (d.owner_id = ? OR a.owner_id = ?) LIMIT ?`,
);
const complaintsByReference = prepare<ComplaintHit & { accountOwnerId: string | null }>(
  `SELECT c.id, c.reference, c.status, c.account_id AS accountId, a.name AS accountName,
     a.owner_id AS accountOwnerId
   FROM complaints c JOIN accounts a ON a.id = c.account_id
   WHERE c.reference >= ? AND c.reference < ? ORDER BY c.reference LIMIT ?`,
);

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

function findAccounts(db: Db, q: string, limit: number): AccountHit[] {
  const needle = q.toLowerCase();
  const starting = accountsByPrefix(db).all(needle, needle + PREFIX_END, limit);
  if (starting.length >= limit) return starting;
  const gram = nameGramOf(needle);
  // One or two Latin letters mean the start of a name; one or two Chinese characters are a word anywhere in it.
  if ([...needle].length < TRIGRAM_MIN && !gram) return starting;
  const seen = new Set(starting.map((a) => a.id));
  const containing = (
    gram ? accountsByGram(db).all(gram, SAMPLE) : accountsByText(db).all(ftsPhrase(needle), SAMPLE)
  )
    .filter((a) => !seen.has(a.id))
    .sort(byName);
  return [...starting, ...containing].slice(0, limit);
}

function findContacts(db: Db, q: string, limit: number): ContactHit[] {
  if ([...q].length >= TRIGRAM_MIN) {
    return contactsByText(db).all(ftsPhrase(q), SAMPLE).sort(byName).slice(0, limit);
  }
  const found = new Map<number, ContactHit>();
  for (const prefix of casePrefixes(q)) {
    for (const c of contactsByPrefix(db).all(prefix, prefix + PREFIX_END, limit)) found.set(c.id, c);
  }
  return [...found.values()].sort(byName).slice(0, limit);
}

function findDeals(db: Db, actor: Actor, q: string, limit: number): DealHit[] {
  if ([...q].length < TRIGRAM_MIN) return [];
  const rows =
    actor.role === "account_manager"
      ? dealsOfManagerByText(db).all(ftsPhrase(q), actor.id, actor.id, limit)
      : dealsByText(db)
          .all(ftsPhrase(q), SAMPLE)
          .map(({ ownerId: _o, accountOwnerId: _a, ...deal }) => deal);
  return rows.sort((a, b) => a.title.localeCompare(b.title)).slice(0, limit);
}

function findComplaints(db: Db, actor: Actor, q: string, limit: number): ComplaintHit[] {
  const found: ComplaintHit[] = [];
  for (const prefix of referencePrefixes(q)) {
    for (const row of complaintsByReference(db).all(prefix, prefix + PREFIX_END, SAMPLE)) {
      if (actor.role === "account_manager" && row.accountOwnerId !== actor.id) continue;
      const { accountOwnerId: _a, ...hit } = row;
      if (!found.some((f) => f.id === hit.id)) found.push(hit);
    }
  }
  return found.slice(0, limit);
}

export function searchEverything(db: Db, actor: Actor, input: Input) {
  const { q, limit } = input;
  return {
    accounts: findAccounts(db, q, limit),
    contacts: findContacts(db, q, limit),
    deals: findDeals(db, actor, q, limit),
    complaints: findComplaints(db, actor, q, limit),
  };
}
