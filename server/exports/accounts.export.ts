// CSV export of the accounts list with its current filters (issue #10 §4): the same filters as the list and
// its bulk changes (accounts.selection.ts), in name order. Rows come from an iterating statement and leave in
// chunks, so 100k accounts are never held in memory at once. Money in currency units, dates as ISO dates,
// every cell through lib/csv.ts (formula-looking text neutralised), UTF-8 with a byte-order mark.
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, type Locale, users } from "@/db/schema";
import { CSV_BOM, type CsvCell, csvLine } from "@/lib/csv";
import type { AccountFilter } from "../accounts/accounts.schemas";
import { accountWhere } from "../accounts/accounts.selection";
import type { Actor } from "../auth/permissions";

const HEADERS = {
  en: [
    "Name",
    "Kind",
    "External reference",
    "Rung",
    "Status",
    "Level",
    "Segment",
    "Industry",
    "Owner",
    "Owner email",
    "First order",
    "Last order",
    "Orders",
    "Revenue",
    "Margin",
    "Created",
  ],
  zh: [
    "名称",
    "类型",
    "外部编号",
    "阶梯",
    "状态",
    "关系层次",
    "细分市场",
    "行业",
    "负责人",
    "负责人邮箱",
    "首次下单",
    "最近下单",
    "订单数",
    "收入",
    "毛利",
    "创建日期",
  ],
} as const;

const isoDate = (ms: unknown) => (typeof ms === "number" ? new Date(ms).toISOString().slice(0, 10) : null);
const units = (minor: unknown) => (typeof minor === "number" ? minor / 100 : null);

/** The lines of the file, header first, each ending in CRLF; the first carries the byte-order mark. */
export function* accountsCsv(db: Db, actor: Actor, filter: AccountFilter, locale: Locale): Generator<string> {
  yield `${CSV_BOM}${csvLine([...HEADERS[locale === "zh" ? "zh" : "en"]])}\r\n`;
  const where = accountWhere(db, actor, filter);
  if (!where) return;
  const query = db
    .select({
      name: accounts.name,
      kind: accounts.kind,
      externalRef: accounts.externalRef,
      rung: accounts.rung,
      status: accounts.status,
      level: accounts.level,
      segment: accounts.segment,
      industry: accounts.industry,
      owner: users.name,
      ownerEmail: users.email,
      firstOrderAt: accounts.firstOrderAt,
      lastOrderAt: accounts.lastOrderAt,
      orderCount: accounts.orderCount,
      revenue: accounts.revenue,
      margin: accounts.margin,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .where(where)
    .orderBy(asc(accounts.searchName), asc(accounts.id))
    .toSQL();
  const rows = db.$client
    .prepare(query.sql)
    .raw()
    .iterate(...(query.params as unknown[]));
  for (const r of rows as Iterable<unknown[]>) {
    const cells: CsvCell[] = [...(r.slice(0, 10) as CsvCell[])];
    cells.push(isoDate(r[10]), isoDate(r[11]), r[12] as number, units(r[13]), units(r[14]), isoDate(r[15]));
    yield `${csvLine(cells)}\r\n`;
  }
}

/** A stream of the lines, sent in chunks of about 500 rows. */
export function csvStream(lines: Generator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      let chunk = "";
      for (let i = 0; i < 500; i += 1) {
        const next = lines.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += next.value;
      }
      controller.enqueue(encoder.encode(chunk));
    },
    cancel() {
      lines.return(undefined);
    },
  });
}
