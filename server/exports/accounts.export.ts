// CSV exports from the accounts list (issue #10 §3, §4): the accounts the filters show (or the rows ticked, or
// everything matching but the rows unticked), in the list's sort; and the contacts of those accounts. Pages
// come from the list's own procedure (accounts.list: its filters, sort and keyset); the columns the list does
// not show (external reference, owner's email, first order, created) are read for each page's ids.
import { asc, eq, inArray } from "drizzle-orm";
import { accounts, contacts, users } from "@/db/schema";
import type { AccountListItem } from "../accounts/accounts.list";
import type { ListAccountsInput } from "../accounts/accounts.schemas";
import { EXPORT_PAGE, type ExportContext, isoDate, type ListExport, units } from "./list-export";

/** The list's view (filters and sort), and optionally the rows ticked or the rows left out of "all matching". */
export type AccountsExportInput = Omit<ListAccountsInput, "cursor" | "limit" | "sort"> & {
  sort?: ListAccountsInput["sort"];
  ids?: readonly number[];
  except?: readonly number[];
};

type Cursor = { list: string; left: number | null };

/** One page of the list as the page shows it, narrowed to the selection. */
async function listPage(ctx: ExportContext, input: AccountsExportInput, cursor: unknown) {
  const { ids, except, ...view } = input;
  const at = cursor as Cursor | null;
  const page = await ctx.caller.accounts.list({ ...view, cursor: at?.list ?? null, limit: EXPORT_PAGE });
  let items = page.items;
  let left = at?.left ?? (ids ? new Set(ids).size : null);
  if (ids) {
    const wanted = new Set(ids);
    items = items.filter((a) => wanted.has(a.id));
    left = (left ?? 0) - items.length;
  } else if (except?.length) {
    const out = new Set(except);
    items = items.filter((a) => !out.has(a.id));
  }
  // Ticked rows: stop once every one was found.
  const done = page.nextCursor === null || (left !== null && left <= 0);
  return { items, nextCursor: done ? null : ({ list: page.nextCursor, left } as Cursor) };
}

type AccountRow = AccountListItem & {
  externalRef: string | null;
  ownerEmail: string | null;
  firstOrderAt: number | null;
  createdAt: number | null;
};

export const accountsExport: ListExport<AccountsExportInput, AccountRow> = {
  file: "accounts",
  async page(ctx, input, cursor) {
    const page = await listPage(ctx, input, cursor);
    if (!page.items.length) return { items: [], nextCursor: page.nextCursor };
    const more = new Map(
      ctx.db
        .select({
          id: accounts.id,
          externalRef: accounts.externalRef,
          ownerEmail: users.email,
          firstOrderAt: accounts.firstOrderAt,
          createdAt: accounts.createdAt,
        })
        .from(accounts)
        .leftJoin(users, eq(users.id, accounts.ownerId))
        .where(
          inArray(
            accounts.id,
            page.items.map((a) => a.id),
          ),
        )
        .all()
        .map((r) => [r.id, r]),
    );
    const items = page.items.map((a) => {
      const m = more.get(a.id);
      return {
        ...a,
        externalRef: m?.externalRef ?? null,
        ownerEmail: m?.ownerEmail ?? null,
        firstOrderAt: m?.firstOrderAt ?? null,
        createdAt: m?.createdAt ?? null,
      };
    });
    return { items, nextCursor: page.nextCursor };
  },
  columns: [
    { en: "Name", zh: "名称", cell: (a) => a.name },
    { en: "Kind", zh: "类型", cell: (a) => a.kind },
    { en: "External reference", zh: "外部编号", cell: (a) => a.externalRef },
    { en: "Rung", zh: "阶梯", cell: (a) => a.rung },
    { en: "Status", zh: "状态", cell: (a) => a.status },
    { en: "Level", zh: "关系层次", cell: (a) => a.level },
    { en: "Segment", zh: "细分市场", cell: (a) => a.segment },
    { en: "Industry", zh: "行业", cell: (a) => a.industry },
    { en: "Owner", zh: "负责人", cell: (a) => a.ownerName },
    { en: "Owner email", zh: "负责人邮箱", cell: (a) => a.ownerEmail },
    { en: "First order", zh: "首次下单", cell: (a) => isoDate(a.firstOrderAt) },
    { en: "Last order", zh: "最近下单", cell: (a) => isoDate(a.lastOrderAt) },
    { en: "Orders", zh: "订单数", cell: (a) => a.orderCount },
    { en: "Revenue", zh: "收入", cell: (a) => units(a.revenue) },
    { en: "Margin", zh: "毛利", cell: (a) => units(a.margin) },
    { en: "Created", zh: "创建日期", cell: (a) => isoDate(a.createdAt) },
  ],
};

type ContactRow = {
  accountName: string;
  accountRef: string | null;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  externalRef: string | null;
};

/** The contacts of the accounts the list shows, account by account in the list's order. */
export const contactsExport: ListExport<AccountsExportInput, ContactRow> = {
  file: "contacts",
  async page(ctx, input, cursor) {
    const page = await listPage(ctx, input, cursor);
    if (!page.items.length) return { items: [], nextCursor: page.nextCursor };
    const byAccount = new Map<number, ContactRow[]>();
    const rows = ctx.db
      .select({
        accountId: contacts.accountId,
        accountName: accounts.name,
        accountRef: accounts.externalRef,
        name: contacts.name,
        title: contacts.title,
        email: contacts.email,
        phone: contacts.phone,
        externalRef: contacts.externalRef,
      })
      .from(contacts)
      .innerJoin(accounts, eq(accounts.id, contacts.accountId))
      .where(
        inArray(
          contacts.accountId,
          page.items.map((a) => a.id),
        ),
      )
      .orderBy(asc(contacts.name), asc(contacts.id))
      .all();
    for (const { accountId, ...row } of rows)
      byAccount.set(accountId, [...(byAccount.get(accountId) ?? []), row]);
    return { items: page.items.flatMap((a) => byAccount.get(a.id) ?? []), nextCursor: page.nextCursor };
  },
  columns: [
    { en: "Account", zh: "客户", cell: (c) => c.accountName },
    { en: "Account reference", zh: "客户外部编号", cell: (c) => c.accountRef },
    { en: "Contact", zh: "联系人", cell: (c) => c.name },
    { en: "Title", zh: "职务", cell: (c) => c.title },
    { en: "Email", zh: "邮箱", cell: (c) => c.email },
    { en: "Phone", zh: "电话", cell: (c) => c.phone },
    { en: "Contact reference", zh: "联系人外部编号", cell: (c) => c.externalRef },
  ],
};
