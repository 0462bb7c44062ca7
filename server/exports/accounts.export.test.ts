import { describe, expect, it } from "vitest";
import { insertAccount } from "../accounts/accounts.fixtures";
import { addUser, createTestDb } from "../test/harness";
import { accountsCsv, csvStream } from "./accounts.export";

/** The file as bytes decoded, keeping the byte-order mark (Response.text() would drop it). */
async function text(stream: ReadableStream<Uint8Array>) {
  const bytes = await new Response(stream).arrayBuffer();
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

describe("accounts CSV export", () => {
  it("writes the filtered accounts with a byte-order mark, money in currency units, ISO dates and inert formulas", async () => {
    const db = createTestDb();
    const lead = addUser(db, "sales_lead", "Lena Lead");
    const day = Date.UTC(2025, 2, 7, 15, 0);
    insertAccount(db, {
      name: "王伟贸易",
      segment: "Retail",
      ownerId: lead.id,
      revenue: 123_456,
      margin: -2_050,
      lastOrderAt: day,
    });
    insertAccount(db, { name: '=HYPERLINK("http://x")', segment: "Retail" });
    insertAccount(db, { name: "Acme, Ltd.", segment: "Wholesale" });

    const csv = await text(csvStream(accountsCsv(db, lead, { segment: "Retail" }, "en")));
    expect(csv.startsWith("\uFEFFName,Kind,External reference,")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(3);
    // Sorted by name: "=HYPERLINK" before "王伟贸易"; the formula is text now (leading apostrophe).
    expect(
      lines[1]?.startsWith(`"'=HYPERLINK(""http://x"")",company,,suspect,active,reactive,Retail,,,,,,0,0,0,`),
    ).toBe(true);
    expect(lines[2]).toContain("王伟贸易,company,,suspect,active,reactive,Retail,,Lena Lead,");
    expect(lines[2]).toContain(",,2025-03-07,0,1234.56,-20.5,");

    const mine = await text(csvStream(accountsCsv(db, lead, { ownerId: "me" }, "zh")));
    expect(mine.split("\r\n")[0]).toBe(
      "\uFEFF名称,类型,外部编号,阶梯,状态,关系层次,细分市场,行业,负责人,负责人邮箱,首次下单,最近下单,订单数,收入,毛利,创建日期",
    );
    expect(mine.trimEnd().split("\r\n")).toHaveLength(2);

    const none = await text(csvStream(accountsCsv(db, lead, { q: "no such name" }, "en")));
    expect(none.trimEnd().split("\r\n")).toHaveLength(1);
  });

  it("streams 2,000 accounts in chunks, each row once", async () => {
    const db = createTestDb();
    const user = addUser(db, "executive");
    const insert = db.$client.prepare(
      "INSERT INTO accounts (kind, name, search_name, rung, rung_since, status, status_since, level, created_at, updated_at) VALUES ('company', ?, ?, 'suspect', 0, 'active', 0, 'reactive', 0, 0)",
    );
    db.$client.transaction(() => {
      for (let i = 0; i < 2_000; i += 1)
        insert.run(`Account ${String(i).padStart(4, "0")}`, `account ${String(i).padStart(4, "0")}`);
    })();
    const reader = csvStream(accountsCsv(db, user, {}, "en")).getReader();
    let chunks = 0;
    let all = "";
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks += 1;
      all += decoder.decode(value, { stream: true });
    }
    const rows = all.trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(2_000);
    expect(rows[0]?.startsWith("Account 0000,")).toBe(true);
    expect(rows[1_999]?.startsWith("Account 1999,")).toBe(true);
    expect(chunks).toBeGreaterThan(3);
  });
});
