// Applying an accounts-and-contacts file (issue #10 §2), with the order import's guarantees: the file is read
// and checked before the write (bad rows with their lines; nothing written unless allowPartial); the write is
// one immediate transaction of set-wise statements; a dry run performs it and rolls it back, so its summary is
// exact. Idempotent by the external reference: a re-import updates the fields that changed and lists them; an
// unchanged row writes nothing. An empty cell leaves the stored value as it is (a file cannot erase by omission).
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { bulkWrite, SET_WISE_MIN_ROWS } from "@/db/bulk-rollups";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { type StepTrace, timed } from "@/lib/step-trace";
import { searchNameOf } from "../accounts/accounts.queries";
import { recordAudit } from "../audit/audit.queries";
import { ACCOUNT_CREATORS, type Actor } from "../auth/permissions";
import { recomputeRecommendedLevels } from "../levels/recommend.queries";
import { type FileAccount, readAccountLines } from "./account-import.parse";
import {
  type ContactPlan,
  type FieldChange,
  planContacts,
  readContacts,
  type Stored,
  type StoredContacts,
  sameContacts,
  writeContacts,
  writeReferrals,
} from "./account-import.related";
import type { AccountColumnMapping } from "./account-import.schemas";
import { CsvFormatError, type RowError, readCsv } from "./import.parse";

export type AccountImportSummary = {
  rowsRead: number;
  rowsSkipped: number;
  accountsInFile: number;
  accountsCreated: number;
  accountsUpdated: number;
  accountsUnchanged: number;
  contactsCreated: number;
  contactsUpdated: number;
  contactsUnchanged: number;
};

export type { FieldChange };

export type AccountImportResult = {
  applied: boolean;
  dryRun: boolean;
  summary: AccountImportSummary | null;
  errors: RowError[];
  /** The first MAX_CHANGES changes; changeCount says how many there were in all. */
  changes: FieldChange[];
  changeCount: number;
};

export const MAX_CHANGES = 1000;

class DryRun extends Error {}
class Refused extends Error {}

export function runAccountImport(
  db: Db,
  actor: Actor | null,
  input: {
    fileName: string;
    csv: string;
    mapping: AccountColumnMapping;
    dryRun?: boolean;
    allowPartial?: boolean;
    now?: number;
    /** Test hook: called between the plan and the write transaction (another user's write lands there). */
    afterPlan?: () => void;
    /** Bench hook: milliseconds per step (lib/step-trace.ts). */
    trace?: StepTrace;
    /** Test hook: the rollups set-wise or through their triggers (default: set-wise from SET_WISE_MIN_ROWS). */
    setWiseRollups?: boolean;
  },
): AccountImportResult {
  const trace = input.trace;
  const now = input.now ?? Date.now();
  const dryRun = input.dryRun ?? false;
  const refused = (errors: RowError[]): AccountImportResult => ({
    applied: false,
    dryRun,
    summary: null,
    errors,
    changes: [],
    changeCount: 0,
  });
  let table: ReturnType<typeof readCsv>;
  try {
    table = timed(trace, "read csv", () => readCsv(input.csv));
  } catch (error) {
    if (error instanceof CsvFormatError) return refused([{ line: error.line, reason: error.reason }]);
    throw error;
  }
  const missing = Object.values(input.mapping).filter(
    (c): c is string => Boolean(c) && !table.header.includes(c as string),
  );
  if (missing.length) return refused([{ line: 1, reason: `columns not in the file: ${missing.join(", ")}` }]);
  const read = timed(trace, "check lines", () => readAccountLines(table, input.mapping));
  const errors = timed(trace, "check owners and referrers", () => [
    ...read.errors,
    ...unknownOwners(db, read.accounts),
    ...unknownReferrers(db, read.accounts),
  ]);
  if (errors.length && !input.allowPartial) return refused(errors.sort((a, b) => a.line - b.line));
  const skipped = new Set(errors.map((e) => e.line));
  const fileAccounts = read.accounts.filter((a) => !skipped.has(a.line));
  const ownerIds = ownerIdsByEmail(db);

  // Planning reads only, before the write transaction; inside it the plan is checked and, if the database
  // changed under it meanwhile (an account or contact of the file written by someone else), made again there.
  const refsJson = JSON.stringify(fileAccounts.map((a) => a.ref));
  const planned = timed(trace, "plan", () => planAccounts(db, fileAccounts, ownerIds, refsJson));
  input.afterPlan?.();

  let summary: AccountImportSummary | null = null;
  let changes: FieldChange[] = [];
  try {
    timed(trace, "write transaction", () =>
      inTransaction(db, (t) => {
        const plan = timed(trace, "tx:check plan", () =>
          planStillHolds(t, planned, refsJson) ? planned : planAccounts(t, fileAccounts, ownerIds, refsJson),
        );
        // A large file keeps the rollups set-wise (db/bulk-rollups.ts): the accounts it updates and creates.
        const updated = [...plan.toUpdate.values()].flatMap((g) => g.rows.map((r) => r[0] as number));
        const written = bulkWrite(t, updated, () => writeAccounts(t, actor, fileAccounts, plan, now, trace), {
          setWise: input.setWiseRollups ?? plan.toCreate.length + plan.updatedCount >= SET_WISE_MIN_ROWS,
          trace,
        });
        if (written.errors.length) {
          errors.push(...written.errors);
          if (!input.allowPartial) throw new Refused();
        }
        const done = { rowsRead: table.rows.length, rowsSkipped: skipped.size, ...written.summary };
        summary = done;
        changes = written.changes;
        if (dryRun) throw new DryRun();
        if (done.accountsCreated + done.accountsUpdated + done.contactsCreated + done.contactsUpdated > 0) {
          const sha256 = createHash("sha256").update(input.csv).digest("hex");
          recordAudit(t, {
            actorId: actor?.id ?? null,
            action: "accounts.import",
            entity: "account_import",
            entityId: input.fileName,
            after: { fileName: input.fileName, sha256, ...done },
            at: now,
          });
        }
      }),
    );
  } catch (error) {
    if (error instanceof Refused) return refused(errors.sort((a, b) => a.line - b.line));
    if (!(error instanceof DryRun)) throw error;
  }
  return {
    applied: !dryRun,
    dryRun,
    summary,
    errors: errors.sort((a, b) => a.line - b.line),
    changes: changes.slice(0, MAX_CHANGES),
    changeCount: changes.length,
  };
}

/** Active users who may own accounts, by email. */
function ownerIdsByEmail(db: Db): Map<string, string> {
  const rows = db
    .select({ id: users.id, email: users.email, role: users.role, active: users.active })
    .from(users)
    .all();
  return new Map(
    rows
      .filter((u) => u.active && ACCOUNT_CREATORS.includes(u.role))
      .map((u) => [u.email.toLowerCase(), u.id]),
  );
}

function unknownOwners(db: Db, fileAccounts: FileAccount[]): RowError[] {
  const owners = ownerIdsByEmail(db);
  return fileAccounts
    .filter((a) => a.ownerEmail && !owners.has(a.ownerEmail))
    .map((a) => ({
      line: a.line,
      reason: `owner "${a.ownerEmail}" is not an active account manager, sales lead or admin`,
    }));
}

/** A referrer must be an account in the file or one already stored. */
function unknownReferrers(db: Db, fileAccounts: FileAccount[]): RowError[] {
  const inFile = new Set(fileAccounts.map((a) => a.ref));
  const wanted = [
    ...new Set(fileAccounts.map((a) => a.referrerRef).filter((r): r is string => !!r && !inFile.has(r))),
  ];
  if (wanted.length === 0) return [];
  const stored = new Set(
    db
      .all<{ ref: string }>(
        sql`SELECT external_ref AS ref FROM accounts WHERE external_ref IN (SELECT value FROM json_each(${JSON.stringify(wanted)}))`,
      )
      .map((r) => r.ref),
  );
  return fileAccounts
    .filter((a) => a.referrerRef && !inFile.has(a.referrerRef) && !stored.has(a.referrerRef))
    .map((a) => ({
      line: a.line,
      reason: `referrer "${a.referrerRef}" is no account in the file or the CRM`,
    }));
}

const ACCOUNT_FIELDS = ["name", "kind", "segment", "industry", "ownerId"] as const;
type AccountField = (typeof ACCOUNT_FIELDS)[number];
/** The columns each field writes (the name also writes its search form). */
const COLUMNS: Record<AccountField, string[]> = {
  name: ["name", "search_name"],
  kind: ["kind"],
  segment: ["segment"],
  industry: ["industry"],
  ownerId: ["owner_id"],
};

/** What the file will write, worked out from the database as it stood before the write transaction. */
type AccountPlan = {
  /** The file's accounts already stored, by reference, as read. */
  stored: Map<string, Stored>;
  /** Their contacts as read. */
  storedContacts: StoredContacts;
  toCreate: FileAccount[];
  /** [reference, name, search name, kind, segment, industry, owner id] of each account to create, as JSON. */
  createRows: string;
  /**
   * Updates grouped by the fields they change: each group is one statement that sets only those columns (an
   * UPDATE that sets an indexed column rewrites its index entries even when the value is the same, and a new
   * search name is re-indexed for search), rows [id, name, search name, kind, segment, industry, owner id].
   */
  toUpdate: Map<string, { fields: AccountField[]; rows: unknown[][] }>;
  updatedCount: number;
  /** Segments whose accounts' recommended levels the write changes (sizes move). */
  segments: Set<string | null>;
  /** The accounts' own field changes, in file order. */
  changes: FieldChange[];
  contacts: ContactPlan;
};

function readStored(db: Db, refsJson: string): Map<string, Stored> {
  return new Map(
    db
      .all<Stored>(sql`
        SELECT id, external_ref AS ref, name, kind, segment, industry, owner_id AS ownerId,
          referred_by_account_id AS referredBy FROM accounts
        WHERE external_ref IN (SELECT value FROM json_each(${refsJson}))`)
      .map((a) => [a.ref, a]),
  );
}

/** Reads only: which accounts and contacts exist, and what the file changes in them. */
function planAccounts(
  db: Db,
  fileAccounts: FileAccount[],
  ownerIds: Map<string, string>,
  refsJson: string,
): AccountPlan {
  const stored = readStored(db, refsJson);
  const storedContacts = readContacts(db, stored);
  const changes: FieldChange[] = [];
  const emailOf = new Map([...ownerIds].map(([email, id]) => [id, email]));
  const toCreate: FileAccount[] = [];
  const toUpdate: AccountPlan["toUpdate"] = new Map();
  let updatedCount = 0;
  const segments = new Set<string | null>();
  for (const a of fileAccounts) {
    const before = stored.get(a.ref);
    const wanted = {
      name: a.name,
      kind: a.kind,
      segment: a.segment,
      industry: a.industry,
      ownerId: a.ownerEmail ? (ownerIds.get(a.ownerEmail) ?? null) : null,
    };
    if (!before) {
      toCreate.push(a);
      segments.add(a.segment);
      continue;
    }
    const after = { ...before };
    for (const field of ACCOUNT_FIELDS) {
      const value = wanted[field];
      if (value === null || value === before[field]) continue;
      if (field === "kind" && !a.kindStated) continue;
      after[field] = value as never;
      const show = (v: string | null) => (field === "ownerId" && v ? (emailOf.get(v) ?? v) : v);
      changes.push({ ref: a.ref, contact: null, field, before: show(before[field]), after: show(value) });
    }
    const fields = ACCOUNT_FIELDS.filter((f) => after[f] !== before[f]);
    if (fields.length) {
      const key = fields.join(",");
      const group = toUpdate.get(key) ?? { fields, rows: [] };
      toUpdate.set(key, group);
      group.rows.push([
        before.id,
        after.name,
        searchNameOf(after.name),
        after.kind,
        after.segment,
        after.industry,
        after.ownerId,
      ]);
      updatedCount += 1;
      if (after.segment !== before.segment) segments.add(before.segment).add(after.segment);
    }
  }
  const createRows = JSON.stringify(
    toCreate.map((a) => [
      a.ref,
      a.name,
      searchNameOf(a.name),
      a.kind,
      a.segment,
      a.industry,
      a.ownerEmail ? (ownerIds.get(a.ownerEmail) ?? null) : null,
    ]),
  );
  const contacts = planContacts(fileAccounts, stored, storedContacts);
  return {
    stored,
    storedContacts,
    toCreate,
    createRows,
    toUpdate,
    updatedCount,
    segments,
    changes,
    contacts,
  };
}

/** Inside the write transaction: are the accounts and contacts the plan was made from still as they were? */
function planStillHolds(t: Db, plan: AccountPlan, refsJson: string): boolean {
  const stored = readStored(t, refsJson);
  if (stored.size !== plan.stored.size) return false;
  for (const [ref, now] of stored) {
    const then = plan.stored.get(ref);
    if (!then || then.id !== now.id || then.referredBy !== now.referredBy) return false;
    if (ACCOUNT_FIELDS.some((f) => then[f] !== now[f])) return false;
  }
  return sameContacts(plan.storedContacts, readContacts(t, stored));
}

function writeAccounts(
  t: Db,
  actor: Actor | null,
  fileAccounts: FileAccount[],
  plan: AccountPlan,
  now: number,
  trace?: StepTrace,
): {
  summary: Omit<AccountImportSummary, "rowsRead" | "rowsSkipped">;
  changes: FieldChange[];
  errors: RowError[];
} {
  const { stored, toCreate } = plan;
  const changes = [...plan.changes];
  const idByRef = new Map([...stored.values()].map((a) => [a.ref, a.id]));
  if (toCreate.length)
    timed(trace, "tx:create accounts", () => {
      const created = t.all<{ id: number; ref: string }>(sql`
      INSERT INTO accounts (external_ref, name, search_name, kind, segment, industry, owner_id, rung, rung_since,
        status, status_since, created_at, updated_at)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, 'suspect',
        ${now}, 'active', ${now}, ${now}, ${now}
      FROM json_each(${plan.createRows}) ORDER BY key
      RETURNING id, external_ref AS ref`);
      for (const r of created) idByRef.set(r.ref, r.id);
      t.run(sql`
      INSERT INTO ladder_moves (account_id, from_rung, to_rung, from_status, to_status, at, by_user_id, reason, evidence)
      SELECT value ->> 0, NULL, 'suspect', NULL, 'active', ${now}, ${actor?.id ?? null}, 'import',
        json_object('externalRef', value ->> 1)
      FROM json_each(${JSON.stringify(created.sort((a, b) => a.id - b.id).map((r) => [r.id, r.ref]))}) ORDER BY key`);
    });
  if (plan.updatedCount)
    timed(trace, "tx:update accounts", () => {
      const position: Record<string, number> = {
        name: 1,
        search_name: 2,
        kind: 3,
        segment: 4,
        industry: 5,
        owner_id: 6,
      };
      for (const { fields, rows } of plan.toUpdate.values()) {
        const set = fields
          .flatMap((f) => COLUMNS[f])
          .map((column) => sql.raw(`${column} = u.value ->> ${position[column]}`));
        t.run(sql`
        UPDATE accounts SET ${sql.join(set, sql`, `)}, updated_at = ${now}
        FROM json_each(${JSON.stringify(rows)}) AS u WHERE accounts.id = u.value ->> 0`);
      }
    });

  const referrals = timed(trace, "tx:referrals", () =>
    writeReferrals(t, actor, fileAccounts, idByRef, stored, changes, now),
  );
  const contacts = timed(trace, "tx:contacts", () => writeContacts(t, plan.contacts, idByRef, now));
  changes.push(...plan.contacts.changes);
  if (plan.segments.size)
    timed(trace, "tx:levels", () =>
      recomputeRecommendedLevels(t, { asOf: now, segments: [...plan.segments] }),
    );
  return {
    summary: {
      accountsInFile: fileAccounts.length,
      accountsCreated: toCreate.length,
      accountsUpdated: plan.updatedCount,
      accountsUnchanged: fileAccounts.length - toCreate.length - plan.updatedCount,
      ...contacts,
    },
    changes,
    errors: referrals.errors,
  };
}
