// Foundation issue #2 §7: the accounts list (first page, 1,000 rows deep, name search, filters) and the
// account page, at 100k accounts / ~1M orders.
import type { BenchCase, Caller } from "../harness";

const LIST = { p95Ms: 20, maxRatio: 1.5 };
const PAGE = 50;

async function walkToDeepCursor(caller: Caller, pages: number): Promise<string | null> {
  let cursor: string | null = null;
  for (let i = 0; i < pages; i++) {
    const page = await caller.accounts.list({ limit: PAGE, cursor });
    if (!page.nextCursor)
      throw new Error(`The list ended after ${i + 1} pages; the bench needs a larger database.`);
    cursor = page.nextCursor;
  }
  return cursor;
}

export const accountsCases: BenchCase[] = [
  {
    name: "accounts.list first page",
    group: "foundation",
    target: LIST,
    run: (caller) => caller.accounts.list({ limit: PAGE }),
  },
  {
    name: "accounts.list 1,000 rows deep (21st page)",
    group: "foundation",
    target: LIST,
    setup: async (caller, ctx) => {
      ctx.state.deepCursor = await walkToDeepCursor(caller, 20);
    },
    run: (caller, ctx) => caller.accounts.list({ limit: PAGE, cursor: ctx.state.deepCursor as string }),
  },
  {
    name: "accounts.list search English word",
    group: "foundation",
    target: LIST,
    run: (caller, ctx) => caller.accounts.list({ limit: PAGE, q: ctx.sample.englishWord }),
  },
  {
    name: "accounts.list search Chinese 2-char name",
    group: "foundation",
    target: LIST,
    run: (caller, ctx) => caller.accounts.list({ limit: PAGE, q: ctx.sample.chinese2 }),
  },
  {
    name: "accounts.list search Chinese 4-char name",
    group: "foundation",
    target: LIST,
    run: (caller, ctx) => caller.accounts.list({ limit: PAGE, q: ctx.sample.chinese4 }),
  },
  {
    name: "accounts.list filter rung + owner",
    group: "foundation",
    target: LIST,
    run: (caller, ctx) => caller.accounts.list({ limit: PAGE, rung: "repeat", ownerId: ctx.sample.ownerId }),
  },
  {
    name: "accounts.list filter status lapsed",
    group: "foundation",
    target: LIST,
    run: (caller) => caller.accounts.list({ limit: PAGE, status: "lapsed" }),
  },
  {
    name: "accounts.list sort by revenue desc",
    group: "foundation",
    target: LIST,
    run: (caller) => caller.accounts.list({ limit: PAGE, sort: "revenue", dir: "desc" }),
  },
  {
    name: "account page (get with ladder history + orders)",
    group: "foundation",
    target: LIST,
    run: async (caller, ctx) => {
      const id = ctx.sample.richAccountId;
      await caller.accounts.get({ id });
      await caller.orders.listForAccount({ accountId: id, limit: PAGE });
    },
  },
];
