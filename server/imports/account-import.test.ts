import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, auditLog, contacts, ladderMoves } from "@/db/schema";
import type { SessionUser } from "../context";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { runAccountImport } from "./account-import.queries";
import { guessAccountMapping } from "./account-import.schemas";
import { readCsvHead } from "./import.parse";

const NOW = Date.UTC(2026, 5, 30, 12);

let db: Db;
let lead: SessionUser;
let manager: SessionUser;
beforeEach(() => {
  db = createTestDb();
  lead = addUser(db, "sales_lead");
  manager = addUser(db, "account_manager", "Wang Fang");
});

const header = "Account ID,Company,Contact Name,Title,Email,Phone,Segment,Industry,Owner Email";
const file = (...rows: string[]) => [header, ...rows].join("\n");
const GOOD = () =>
  file(
    `A-1,"Acme Trading, Ltd.",Li Na,Buyer,li.na@acme.example,+86 21 5555 0101,Corporate,Wholesale,${manager.email}`,
    `A-1,"Acme Trading, Ltd.",Tom Baker,Finance Director,tom@acme.example,,Corporate,Wholesale,`,
    "A-2,北京华信科技有限公司,张伟,采购经理,zhang.wei@huaxin.example,010-5555 0199,Corporate,科技,",
    "P-3,,王芳,,wang.fang@mail.example,139 1234 5678,Consumer,,",
  );

function run(csv: string, extra: Partial<Parameters<typeof runAccountImport>[2]> = {}) {
  return runAccountImport(db, lead, {
    fileName: "accounts.csv",
    csv,
    mapping: { account_ref: "Account ID", ...guessAccountMapping(readCsvHead(csv).header) },
    now: NOW,
    ...extra,
  });
}
const byRef = (ref: string) => db.select().from(accounts).where(eq(accounts.externalRef, ref)).get();
const contactsOf = (ref: string) =>
  db
    .select({ name: contacts.name, title: contacts.title, email: contacts.email, phone: contacts.phone })
    .from(contacts)
    .where(eq(contacts.accountId, byRef(ref)?.id ?? 0))
    .orderBy(contacts.id)
    .all();
const snapshot = () => ({
  accounts: db.select().from(accounts).all(),
  contacts: db.select().from(contacts).all(),
  moves: db.select().from(ladderMoves).all(),
});

describe("guessing the columns", () => {
  it("recognises common English and Chinese headers", () => {
    expect(guessAccountMapping(header.split(","))).toEqual({
      account_ref: "Account ID",
      company: "Company",
      contact_name: "Contact Name",
      contact_title: "Title",
      contact_email: "Email",
      contact_phone: "Phone",
      segment: "Segment",
      industry: "Industry",
      owner_email: "Owner Email",
    });
    expect(guessAccountMapping(["客户编号", "客户名称", "联系人", "职位", "邮箱", "电话", "行业"])).toEqual({
      account_ref: "客户编号",
      account_name: "客户名称",
      contact_name: "联系人",
      contact_title: "职位",
      contact_email: "邮箱",
      contact_phone: "电话",
      industry: "行业",
    });
  });
});

describe("importing accounts and contacts", () => {
  it("creates each account once with all its contacts, a person when the row names no company", () => {
    const result = run(GOOD());
    expect(result.errors).toEqual([]);
    expect(result.summary).toEqual({
      rowsRead: 4,
      rowsSkipped: 0,
      accountsInFile: 3,
      accountsCreated: 3,
      accountsUpdated: 0,
      accountsUnchanged: 0,
      contactsCreated: 4,
      contactsUpdated: 0,
      contactsUnchanged: 0,
    });
    expect(byRef("A-1")).toMatchObject({
      name: "Acme Trading, Ltd.",
      kind: "company",
      segment: "Corporate",
      industry: "Wholesale",
      ownerId: manager.id,
      rung: "suspect",
      status: "active",
    });
    expect(contactsOf("A-1")).toEqual([
      { name: "Li Na", title: "Buyer", email: "li.na@acme.example", phone: "+86 21 5555 0101" },
      { name: "Tom Baker", title: "Finance Director", email: "tom@acme.example", phone: null },
    ]);
    expect(byRef("A-2")).toMatchObject({ name: "北京华信科技有限公司", kind: "company", ownerId: null });
    expect(byRef("P-3")).toMatchObject({ name: "王芳", kind: "person" });
    expect(contactsOf("P-3")).toEqual([
      { name: "王芳", title: null, email: "wang.fang@mail.example", phone: "139 1234 5678" },
    ]);
    // On the ladder from the import, by the importer; one audit entry for the file.
    const moves = db
      .select()
      .from(ladderMoves)
      .where(eq(ladderMoves.accountId, byRef("A-2")?.id ?? 0))
      .all();
    expect(moves.map((m) => [m.fromRung, m.toRung, m.reason, m.byUserId, m.at])).toEqual([
      [null, "suspect", "import", lead.id, NOW],
    ]);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "accounts.import")).all()).toHaveLength(1);
  });

  it("importing the same file again changes nothing and says so", () => {
    run(GOOD());
    const before = snapshot();
    const again = run(GOOD(), { now: NOW + 60_000 });
    expect(again.summary).toMatchObject({
      accountsCreated: 0,
      accountsUpdated: 0,
      accountsUnchanged: 3,
      contactsCreated: 0,
      contactsUpdated: 0,
      contactsUnchanged: 4,
    });
    expect(again.changes).toEqual([]);
    expect(snapshot()).toEqual(before);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "accounts.import")).all()).toHaveLength(1);
  });

  it("a re-import updates the fields that changed, lists each change, and leaves other rows alone", () => {
    run(GOOD());
    const untouched = byRef("A-2");
    const changed = file(
      `A-1,"Acme Trading, Ltd.",Li Na,Head of Purchasing,li.na@acme.example,+86 21 5555 0101,Enterprise,Wholesale,${manager.email}`,
      "A-2,北京华信科技有限公司,张伟,采购经理,zhang.wei@huaxin.example,010-5555 0199,Corporate,科技,",
      "P-3,,王芳,,,,,,",
      "N-4,New Co,,,,,,,",
    );
    const result = run(changed, { now: NOW + 60_000 });
    expect(result.summary).toMatchObject({
      accountsCreated: 1,
      accountsUpdated: 1,
      accountsUnchanged: 2,
      contactsCreated: 0,
      contactsUpdated: 1,
      contactsUnchanged: 2,
    });
    expect(result.changes).toEqual([
      { ref: "A-1", contact: null, field: "segment", before: "Corporate", after: "Enterprise" },
      { ref: "A-1", contact: "Li Na", field: "title", before: "Buyer", after: "Head of Purchasing" },
    ]);
    expect(byRef("A-1")).toMatchObject({ segment: "Enterprise", updatedAt: NOW + 60_000 });
    // Empty cells keep what is stored; Tom Baker, not in this file, stays.
    expect(contactsOf("P-3")[0]).toMatchObject({ email: "wang.fang@mail.example" });
    expect(contactsOf("A-1").map((c) => c.name)).toEqual(["Li Na", "Tom Baker"]);
    expect(byRef("A-2")).toEqual(untouched);
  });

  it("refuses a file with bad rows, listing each with its line, and writes nothing", () => {
    const bad = file(
      "A-1,Acme,Li Na,,not-an-email,,,,",
      ",No Ref Inc,,,,,,,",
      "A-3,Beta,,,,,,,nobody@example.com",
      "A-4,Gamma,,,,,Retail,,",
      "A-4,Gamma,Bo,,,,Wholesale,,",
      "A-5,,,Buyer,,,,,",
    );
    const result = run(bad);
    expect(result.applied).toBe(false);
    expect(result.errors).toEqual([
      { line: 2, reason: 'contact email "not-an-email": Enter a valid email address.' },
      { line: 3, reason: "missing account reference (Account ID)" },
      { line: 4, reason: 'owner "nobody@example.com" is not an active account manager, sales lead or admin' },
      { line: 6, reason: 'segment "Wholesale" differs from "Retail" on line 5 for account A-4' },
      {
        line: 7,
        reason:
          "no name: the row names neither an account, a company nor a contact; a contact needs a name (Contact Name)",
      },
    ]);
    expect(snapshot()).toEqual({ accounts: [], contacts: [], moves: [] });
  });

  it("with allowPartial imports the good rows and reports the skipped ones", () => {
    const result = run(file("A-1,Acme,,,,,,,", ",No Ref,,,,,,,"), { allowPartial: true });
    expect(result).toMatchObject({ applied: true, summary: { accountsCreated: 1, rowsSkipped: 1 } });
    expect(result.errors).toHaveLength(1);
  });

  it("a dry run reports exactly what the import would do and changes nothing", () => {
    const dry = run(GOOD(), { dryRun: true });
    expect(dry).toMatchObject({
      applied: false,
      dryRun: true,
      summary: { accountsCreated: 3, contactsCreated: 4 },
    });
    expect(snapshot()).toEqual({ accounts: [], contacts: [], moves: [] });
  });

  it("refuses malformed CSV with the line where it goes wrong", () => {
    const result = run(`${header}\nA-1,"Acme,Li Na,,,,,,\n`);
    expect(result.errors).toEqual([{ line: 2, reason: expect.stringContaining("never closed") }]);
  });

  it("is planned before the write and checked inside it: an account created, renamed or given a contact meanwhile is matched, not duplicated", () => {
    run(GOOD());
    // Between the plan and the write transaction another user creates N-4 (the file would create it), renames
    // A-2 (the plan saw the file's name stored) and adds the contact Ana Ruiz to A-1 (the plan would add her).
    const changed = file(
      `A-1,"Acme Trading, Ltd.",Ana Ruiz,Buyer,ana@acme.example,,,,`,
      "A-2,北京华信科技有限公司,张伟,采购总监,,,,,",
      "N-4,New Co,,,,,Retail,,",
    );
    const result = run(changed, {
      now: NOW + 60_000,
      afterPlan: () => {
        db.insert(accounts)
          .values({
            externalRef: "N-4",
            name: "New Co",
            searchName: "new co",
            kind: "company",
            rungSince: NOW,
            statusSince: NOW,
            createdAt: NOW,
            updatedAt: NOW,
          })
          .run();
        db.update(accounts)
          .set({ name: "Huaxin", searchName: "huaxin" })
          .where(eq(accounts.externalRef, "A-2"))
          .run();
        db.insert(contacts)
          .values({
            accountId: byRef("A-1")?.id ?? 0,
            name: "Ana Ruiz",
            email: "ana@acme.example",
            createdAt: NOW,
            updatedAt: NOW,
          })
          .run();
      },
    });
    expect(result.summary).toMatchObject({
      accountsCreated: 0,
      accountsUpdated: 2,
      accountsUnchanged: 1,
      contactsCreated: 0,
      contactsUpdated: 2,
      contactsUnchanged: 0,
    });
    expect(result.changes).toEqual([
      { ref: "A-2", contact: null, field: "name", before: "Huaxin", after: "北京华信科技有限公司" },
      { ref: "N-4", contact: null, field: "segment", before: null, after: "Retail" },
      { ref: "A-1", contact: "Ana Ruiz", field: "title", before: null, after: "Buyer" },
      { ref: "A-2", contact: "张伟", field: "title", before: "采购经理", after: "采购总监" },
    ]);
    expect(db.select().from(accounts).where(eq(accounts.externalRef, "N-4")).all()).toHaveLength(1);
    expect(byRef("N-4")).toMatchObject({ name: "New Co", segment: "Retail" });
    expect(byRef("A-2")?.name).toBe("北京华信科技有限公司");
    expect(contactsOf("A-1").map((c) => [c.name, c.title])).toEqual([
      ["Li Na", "Buyer"],
      ["Tom Baker", "Finance Director"],
      ["Ana Ruiz", "Buyer"],
    ]);
  });

  it("an update writes only the columns that changed: a new segment leaves the name (and its search entry) alone", () => {
    run(GOOD());
    // Counts writes of the search name (each one re-indexes the name for search and in the name-sorted indexes).
    db.$client.exec(`CREATE TEMP TABLE name_writes (id INTEGER);
      CREATE TEMP TRIGGER count_name_writes AFTER UPDATE OF search_name ON main.accounts
      BEGIN INSERT INTO name_writes VALUES (new.id); END;`);
    const nameWrites = () => db.$client.prepare("SELECT count(*) FROM name_writes").pluck().get();
    const result = run(file(`A-1,"Acme Trading, Ltd.",,,,,Enterprise,,`), { now: NOW + 60_000 });
    expect(result.summary).toMatchObject({ accountsUpdated: 1 });
    expect(byRef("A-1")).toMatchObject({
      segment: "Enterprise",
      name: "Acme Trading, Ltd.",
      updatedAt: NOW + 60_000,
    });
    expect(nameWrites()).toBe(0);
    // A new name is written, and found by search under it.
    run(file("A-1,Acme Group,,,,,,,"), { now: NOW + 120_000 });
    expect(nameWrites()).toBe(1);
    expect(
      db.$client.prepare("SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH 'group'").pluck().all(),
    ).toEqual([byRef("A-1")?.id]);
  });

  it("takes a stated kind over the guess, and changes an existing account's kind only when the file states it", () => {
    const csv = ["Ref,Name,Type,Segment", "K-1,Zhao Lei,个人,", "K-2,Delta,company,Consumer"].join("\n");
    run(csv);
    expect([byRef("K-1")?.kind, byRef("K-2")?.kind]).toEqual(["person", "company"]);
    // Without a kind or company column, a consumer segment guesses "person", but a stored kind stays.
    run(["Ref,Name,Segment", "K-2,Delta,Consumer"].join("\n"));
    expect(byRef("K-2")?.kind).toBe("company");
  });
});

describe("referrals", () => {
  it("records who referred an account, from the file or the CRM, through the referrals domain", () => {
    const csv = [
      "Ref,Company,Referred by",
      "A-1,Acme,",
      "B-2,Beta,A-1",
      "C-3,Gamma,OLD-9",
      "D-4,Delta,NOBODY",
    ].join("\n");
    const old = run(["Ref,Company", "OLD-9,Old Friend"].join("\n"));
    expect(old.errors).toEqual([]);
    const refused = run(csv);
    expect(refused.errors).toEqual([
      { line: 5, reason: 'referrer "NOBODY" is no account in the file or the CRM' },
    ]);
    run(csv.replace(",NOBODY", ","));
    expect(byRef("B-2")?.referredByAccountId).toBe(byRef("A-1")?.id);
    expect(byRef("C-3")?.referredByAccountId).toBe(byRef("OLD-9")?.id);
    // Changing the referrer on a re-import is listed like any other change.
    const again = run(["Ref,Company,Referred by", "B-2,Beta,OLD-9"].join("\n"));
    expect(again.changes).toEqual([
      { ref: "B-2", contact: null, field: "referrer", before: "A-1", after: "OLD-9" },
    ]);
  });
});

describe("who may import accounts", () => {
  it("sales leads and admins; everyone else is refused by the server", async () => {
    for (const role of ALL_ROLES) {
      const call = callerFor(db, addUser(db, role)).imports.accounts({
        fileName: "a.csv",
        csv: GOOD(),
        mapping: { account_ref: "Account ID", company: "Company" },
        dryRun: true,
        allowPartial: false,
      });
      if (role === "sales_lead" || role === "admin")
        await expect(call).resolves.toMatchObject({ dryRun: true });
      else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
