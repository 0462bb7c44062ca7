// The CSV exports of the lists (issue #10 §4), through the same procedures as the lists: rows, order, the
// reader's language, money in units, inert formulas, and what each role may see.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { contacts, type Level } from "@/db/schema";
import { insertAccount } from "../accounts/accounts.fixtures";
import type { SessionUser } from "../context";
import { insertTestTask } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { accountsExport, contactsExport } from "./accounts.export";
import { exportContext, exportText, type ListExport } from "./list-export";
import { auditExport, complaintsExport, dealsExport } from "./records.export";
import { followUpsExport, levelsExport, overdueExport, winbackExport } from "./work.export";

const YEAR = 365 * 86_400_000;
const FORMULA = '=HYPERLINK("http://x")';

/** Three accounts that stand on every list: lapsed, proactive without contact, practised above the advice. */
function setup() {
  const db = createTestDb();
  const admin = addUser(db, "admin", "Admin Ada");
  const lead = addUser(db, "sales_lead", "Lead Li");
  const agent = addUser(db, "service_agent", "Agent Ann");
  const mei = addUser(db, "account_manager", "Manager Mei");
  const max = addUser(db, "account_manager", "Manager Max");
  const old = Date.now() - 3 * YEAR;
  const common = {
    level: "proactive" as Level,
    recommendedLevel: "basic" as Level,
    yearlyMargin: 10_000,
    status: "lapsed" as const,
    rung: "repeat" as const,
    createdAt: old,
    lastOrderAt: old,
    orderCount: 2,
  };
  const wang = insertAccount(db, {
    ...common,
    name: "王伟贸易",
    ownerId: mei.id,
    revenue: 123_456,
    margin: -2_050,
  });
  const formula = insertAccount(db, { ...common, name: FORMULA, ownerId: max.id, revenue: 900 });
  const acme = insertAccount(db, { ...common, name: "Acme, Ltd.", ownerId: null, revenue: 50_000 });
  return { db, admin, lead, agent, mei, max, wang, formula, acme };
}

async function rows<I, R>(
  list: ListExport<I, R>,
  db: ReturnType<typeof createTestDb>,
  user: SessionUser,
  input: I,
) {
  const text = await exportText(list, exportContext(db, user), input);
  expect(text.startsWith("\uFEFF")).toBe(true);
  return text.slice(1).trimEnd().split("\r\n");
}

async function refused(call: Promise<unknown>): Promise<string | undefined> {
  return call.then(
    () => undefined,
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );
}

describe("list exports", () => {
  it("accounts: the list's filters and sort, ticked rows or all but the unticked, units and inert formulas", async () => {
    const { db, lead, mei, wang, formula, acme } = setup();
    const all = await rows(accountsExport, db, lead, { sort: "revenue" });
    expect(all[0]?.startsWith("Name,Kind,External reference,Rung,")).toBe(true);
    expect(all.slice(1).map((l) => l.split(",")[0])).toEqual([
      "王伟贸易",
      '"Acme',
      `"'=HYPERLINK(""http://x"")"`,
    ]);
    expect(all[1]).toContain(",Manager Mei,");
    expect(all[1]).toContain(",2,1234.56,-20.5,");
    expect(await rows(accountsExport, db, lead, { sort: "name", dir: "desc" })).toHaveLength(4);

    const ticked = await rows(accountsExport, db, lead, { sort: "name", ids: [acme, wang] });
    expect(ticked.slice(1).map((l) => l.split(",")[0])).toEqual(['"Acme', "王伟贸易"]);
    const allBut = await rows(accountsExport, db, lead, { sort: "name", except: [formula] });
    expect(allBut).toHaveLength(3);

    const zh = await rows(accountsExport, db, { ...mei, locale: "zh" }, { sort: "name", ownerId: "me" });
    expect(zh[0]?.startsWith("名称,类型,外部编号,阶梯,")).toBe(true);
    expect(zh.slice(1).map((l) => l.split(",")[0])).toEqual(["王伟贸易"]);
  });

  it("accounts: 250 rows over three pages, each once, in name order", async () => {
    const { db, lead } = setup();
    for (let i = 0; i < 250; i += 1) insertAccount(db, { name: `Bulk ${String(i).padStart(3, "0")}` });
    const lines = await rows(accountsExport, db, lead, { sort: "name", q: "bulk" });
    expect(lines).toHaveLength(251);
    expect(lines[1]?.startsWith("Bulk 000,")).toBe(true);
    expect(lines[250]?.startsWith("Bulk 249,")).toBe(true);
  });

  it("contacts: the contacts of the accounts the filters show", async () => {
    const { db, lead, wang, formula } = setup();
    for (const [accountId, name] of [
      [wang, "王芳"],
      [wang, "Li Lei"],
      [formula, "-2+3"],
    ] as const) {
      db.insert(contacts).values({ accountId, name, email: "x@y.test", createdAt: 0, updatedAt: 0 }).run();
    }
    const lines = await rows(contactsExport, db, lead, { sort: "name" });
    expect(lines[0]).toBe("Account,Account reference,Contact,Title,Email,Phone,Contact reference");
    expect(lines.slice(1)).toEqual([
      `"'=HYPERLINK(""http://x"")",,'-2+3,,x@y.test,,`,
      "王伟贸易,,Li Lei,,x@y.test,,",
      "王伟贸易,,王芳,,x@y.test,,",
    ]);
    expect(await rows(contactsExport, db, lead, { sort: "name", segment: "none such" })).toHaveLength(1);
  });

  it("deals: an account manager's file holds only the deals they may see", async () => {
    const { db, lead, mei, max, wang, formula } = setup();
    const caller = callerFor(db, lead);
    await caller.deals.create({ accountId: wang, ownerId: mei.id, title: "王伟 pallets", amount: 250_050 });
    await caller.deals.create({ accountId: formula, ownerId: max.id, title: "=SUM(1+1)", amount: 100 });
    const all = await rows(dealsExport, db, lead, { ownerId: "all" });
    expect(all).toHaveLength(3);
    expect(all.join("\n")).toContain("'=SUM(1+1)");
    const mine = await rows(dealsExport, db, mei, { ownerId: "all" });
    expect(mine.slice(1).map((l) => l.split(",").slice(0, 3))).toEqual([
      ["王伟 pallets", "王伟贸易", "Manager Mei"],
    ]);
    expect(mine[1]).toContain(",2500.5,");
  });

  it("complaints: each queue as the role sees it; a queue the role may not open is refused", async () => {
    const { db, agent, mei, max, wang } = setup();
    const contactId = db
      .insert(contacts)
      .values({ accountId: wang, name: "王芳", createdAt: 0, updatedAt: 0 })
      .returning({ id: contacts.id })
      .get().id;
    await callerFor(db, agent).complaints.create({
      accountId: wang,
      contactId,
      channel: "phone",
      category: "delivery",
      severity: "medium",
      description: "The pallet arrived late.",
      customerRequest: "Replace it",
      handlerId: agent.id,
    });
    const queue = await rows(complaintsExport, db, agent, { queue: "mine" });
    expect(queue).toHaveLength(2);
    expect(queue[1]?.split(",")[1]).toBe("王伟贸易");
    expect(await rows(complaintsExport, db, mei, { queue: "mine" })).toHaveLength(2);
    expect(await rows(complaintsExport, db, max, { queue: "mine" })).toHaveLength(1);
    expect(await refused(exportText(complaintsExport, exportContext(db, mei), { queue: "unassigned" }))).toBe(
      "FORBIDDEN",
    );
  });

  it("follow-ups: the reader's own open tasks, overdue first", async () => {
    const { db, mei, max, wang, formula } = setup();
    const now = Date.now();
    insertTestTask(db, {
      accountId: wang,
      assigneeId: mei.id,
      dueAt: now - 3 * 86_400_000,
      title: "@call back",
    });
    insertTestTask(db, { accountId: wang, assigneeId: mei.id, dueAt: now + 86_400_000, title: "回电话" });
    insertTestTask(db, { accountId: formula, assigneeId: max.id, dueAt: now, title: "Max's task" });
    const lines = await rows(followUpsExport, db, mei, {});
    expect(lines[0]).toBe("Task,Account,Rung,Due,Days overdue");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2))).toEqual([
      ["'@call back", "王伟贸易"],
      ["回电话", "王伟贸易"],
    ]);
    expect(lines[1]?.endsWith(",3")).toBe(true);
  });

  it("win-back, overdue and levels: account managers start on their own; overdue refuses another owner", async () => {
    const { db, lead, mei, max } = setup();
    for (const list of [winbackExport, overdueExport, levelsExport] as ListExport<object, unknown>[]) {
      const everyone = await rows(list, db, lead, {});
      expect(everyone).toHaveLength(4);
      expect(everyone.join("\n")).toContain(`"'=HYPERLINK(""http://x"")"`);
      const own = await rows(list, db, mei, {});
      expect(own.slice(1).map((l) => l.split(",")[0])).toEqual(["王伟贸易"]);
    }
    expect((await rows(winbackExport, db, lead, {}))[1]).toContain("王伟贸易,lapsed,repeat,,");
    expect((await rows(levelsExport, db, lead, { gap: 3 }))[1]).toContain(",proactive,basic,3,100,300,");
    expect((await rows(levelsExport, db, lead, { gap: 1 })).length).toBe(1);
    expect(await refused(exportText(overdueExport, exportContext(db, mei), { ownerId: max.id }))).toBe(
      "FORBIDDEN",
    );
  });

  it("audit log: admins only, newest first", async () => {
    const { db, admin, lead, wang } = setup();
    await callerFor(db, lead).accounts.bulkChange({
      selection: { ids: [wang] },
      change: { field: "segment", value: "零售" },
    });
    const lines = await rows(auditExport, db, admin, { entity: "account" });
    expect(lines[0]).toBe('When (UTC),Who,Action,Record type,Record,"Changes (before, after)"');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,Lead Li,account.update,account,${wang},`);
    expect(lines[1]).toContain("零售");
    expect(await refused(exportText(auditExport, exportContext(db, lead), {}))).toBe("FORBIDDEN");
  });
});
