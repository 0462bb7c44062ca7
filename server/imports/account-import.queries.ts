// Applying an accounts-and-contacts file (issue #10 §2), with the order import's guarantees: the file is read
// and checked before the write (bad rows with their lines; nothing written unless allowPartial); the write is
// one immediate transaction of set-wise statements; a dry run performs it and rolls it back, so its summary is
// exact. Idempotent by the external reference: a re-import updates the fields that changed and lists them; an
// unchanged row writes nothing. An empty cell leaves the stored value as it is (a file cannot erase by omission).
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { type StepTrace, timed } from "@/lib/step-trace";
import { searchNameOf } from "../accounts/accounts.queries";
import { recordAudit } from "../audit/audit.queries";
import { ACCOUNT_CREATORS, type Actor } from "../auth/permissions";
import { recomputeRecommendedLevels } from "../levels/recommend.queries";
import { type FileAccount, readAccountLines } from "./account-import.parse";
import { type FieldChange, type Stored, writeContacts, writeReferrals } from "./account-import.related";
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
    /** Bench hook: milliseconds per step (lib/step-trace.ts). */
    trace?: StepTrace;
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

  let summary: AccountImportSummary | null = null;
  let changes: FieldChange[] = [];
  try {
    timed(trace, "write transaction", () =>
      inTransaction(db, (t) => {
        const written = writeAccounts(t, actor, fileAccounts, ownerIds, now, trace);
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

function writeAccounts(
  t: Db,
  actor: Actor | null,
  fileAccounts: FileAccount[],
  ownerIds: Map<string, string>,
  now: number,
  trace?: StepTrace,
): {
  summary: Omit<AccountImportSummary, "rowsRead" | "rowsSkipped">;
  changes: FieldChange[];
  errors: RowError[];
} {
  const refs = fileAccounts.map((a) => a.ref);
  const stored = new Map(
    timed(trace, "tx:match accounts", () =>
      t.all<Stored>(sql`
        SELECT id, external_ref AS ref, name, kind, segment, industry, owner_id AS ownerId,
          referred_by_account_id AS referredBy FROM accounts
        WHERE external_ref IN (SELECT value FROM json_each(${JSON.stringify(refs)}))`),
    ).map((a) => [a.ref, a]),
  );
  const changes: FieldChange[] = [];
  const emailOf = new Map([...ownerIds].map(([email, id]) => [id, email]));
  const toCreate: FileAccount[] = [];
  const toUpdate: unknown[][] = [];
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
    if (ACCOUNT_FIELDS.some((f) => after[f] !== before[f])) {
      toUpdate.push([
        before.id,
        after.name,
        searchNameOf(after.name),
        after.kind,
        after.segment,
        after.industry,
        after.ownerId,
      ]);
      if (after.segment !== before.segment) segments.add(before.segment).add(after.segment);
    }
  }

  const idByRef = new Map([...stored.values()].map((a) => [a.ref, a.id]));
  if (toCreate.length)
    timed(trace, "tx:create accounts", () => {
      const rows = toCreate.map((a) => [
        a.ref,
        a.name,
        searchNameOf(a.name),
        a.kind,
        a.segment,
        a.industry,
        a.ownerEmail ? (ownerIds.get(a.ownerEmail) ?? null) : null,
      ]);
      const created = t.all<{ id: number; ref: string }>(sql`
      INSERT INTO accounts (external_ref, name, search_name, kind, segment, industry, owner_id, rung, rung_since,
        status, status_since, created_at, updated_at)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, 'suspect',
        ${now}, 'active', ${now}, ${now}, ${now}
      FROM json_each(${JSON.stringify(rows)}) ORDER BY key
      RETURNING id, external_ref AS ref`);
      for (const r of created) idByRef.set(r.ref, r.id);
      t.run(sql`
      INSERT INTO ladder_moves (account_id, from_rung, to_rung, from_status, to_status, at, by_user_id, reason, evidence)
      SELECT value ->> 0, NULL, 'suspect', NULL, 'active', ${now}, ${actor?.id ?? null}, 'import',
        json_object('externalRef', value ->> 1)
      FROM json_each(${JSON.stringify(created.sort((a, b) => a.id - b.id).map((r) => [r.id, r.ref]))}) ORDER BY key`);
    });
  if (toUpdate.length)
    timed(trace, "tx:update accounts", () => {
      t.run(sql`
      UPDATE accounts SET name = u.value ->> 1, search_name = u.value ->> 2, kind = u.value ->> 3,
        segment = u.value ->> 4, industry = u.value ->> 5, owner_id = u.value ->> 6, updated_at = ${now}
      FROM json_each(${JSON.stringify(toUpdate)}) AS u WHERE accounts.id = u.value ->> 0`);
    });

  const referrals = timed(trace, "tx:referrals", () =>
    writeReferrals(t, actor, fileAccounts, idByRef, stored, changes, now),
  );
  const contacts = timed(trace, "tx:contacts", () =>
    writeContacts(t, fileAccounts, idByRef, stored, changes, now),
  );
  if (segments.size)
    timed(trace, "tx:levels", () => recomputeRecommendedLevels(t, { asOf: now, segments: [...segments] }));
  return {
    summary: {
      accountsInFile: fileAccounts.length,
      accountsCreated: toCreate.length,
      accountsUpdated: toUpdate.length,
      accountsUnchanged: fileAccounts.length - toCreate.length - toUpdate.length,
      ...contacts,
    },
    changes,
    errors: referrals.errors,
  };
}
