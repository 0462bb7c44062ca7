// The command palette (issue #12 §5): one look-up over accounts, contacts, deals and complaints must fit the
// list budget at 100k accounts, for a manager (their own deals) and a lead (everyone's), for an English word,
// a Chinese name, a single letter, part of an email, part of a deal title and the start of a reference.
import type { BenchCase, BenchContext } from "../harness";
import { callerAs } from "./as-role";

const LIST = { p95Ms: 20, maxRatio: 1.5 };

function pick(ctx: BenchContext, sql: string): string {
  const value = ctx.db.$client.prepare(sql).pluck().get() as string | undefined;
  if (!value) throw new Error(`The bench database has nothing for: ${sql}`);
  return value;
}

async function dealWord(_caller: unknown, ctx: BenchContext) {
  const title = pick(ctx, "SELECT title FROM deals ORDER BY id LIMIT 1 OFFSET 20000");
  ctx.state.title = title.split(/\s+/).find((w) => w.length >= 5) ?? title.slice(0, 6);
}

export const searchCases: BenchCase[] = [
  {
    name: "search.palette English word (manager)",
    group: "palette",
    target: LIST,
    run: (caller, ctx) => caller.search.palette({ q: ctx.sample.englishWord }),
  },
  {
    name: "search.palette English word (sales lead)",
    group: "palette",
    target: LIST,
    run: (_caller, ctx) => callerAs(ctx, "sales_lead").search.palette({ q: ctx.sample.englishWord }),
  },
  {
    name: "search.palette Chinese 2-char name",
    group: "palette",
    target: LIST,
    run: (caller, ctx) => caller.search.palette({ q: ctx.sample.chinese2 }),
  },
  {
    name: "search.palette one letter",
    group: "palette",
    target: LIST,
    run: (caller) => caller.search.palette({ q: "m" }),
  },
  {
    name: "search.palette part of an email",
    group: "palette",
    target: LIST,
    setup: async (_caller, ctx) => {
      const email = pick(
        ctx,
        "SELECT email FROM contacts WHERE email IS NOT NULL ORDER BY id LIMIT 1 OFFSET 5000",
      );
      ctx.state.email = email.slice(0, Math.max(4, email.indexOf("@")));
    },
    run: (caller, ctx) => caller.search.palette({ q: ctx.state.email as string }),
  },
  {
    name: "search.palette part of a deal title (sales lead)",
    group: "palette",
    target: LIST,
    setup: dealWord,
    run: (_caller, ctx) => callerAs(ctx, "sales_lead").search.palette({ q: ctx.state.title as string }),
  },
  {
    name: "search.palette part of a deal title (manager)",
    group: "palette",
    target: LIST,
    setup: dealWord,
    run: (caller, ctx) => caller.search.palette({ q: ctx.state.title as string }),
  },
  {
    name: "search.palette start of a complaint reference",
    group: "palette",
    target: LIST,
    setup: async (_caller, ctx) => {
      ctx.state.reference = pick(
        ctx,
        "SELECT reference FROM complaints ORDER BY id LIMIT 1 OFFSET 1000",
      ).slice(0, 6);
    },
    run: (_caller, ctx) =>
      callerAs(ctx, "service_agent").search.palette({ q: ctx.state.reference as string }),
  },
];
