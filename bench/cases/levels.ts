// Ladder issue #3 §5: the win-back list, and the levels lists (overdue contacts, practised ≠ recommended),
// at 100k accounts / ~1M orders. The overdue list for everyone runs as the demo sales lead.
import type { BenchCase, BenchContext, Caller } from "../harness";
import { callerAs } from "./as-role";

const LIST = { p95Ms: 20, maxRatio: 1.5 };
const PAGE = 50;

function leadCaller(ctx: BenchContext): Caller {
  return callerAs(ctx, "sales_lead");
}

export const levelsCases: BenchCase[] = [
  {
    name: "winback.list first page, all owners",
    group: "ladder",
    target: LIST,
    run: (caller) => caller.winback.list({ ownerId: "all", limit: PAGE }),
  },
  {
    name: "winback.list 5th page, all owners",
    group: "ladder",
    target: LIST,
    setup: async (caller, ctx) => {
      let cursor = null;
      for (let i = 0; i < 4; i++)
        cursor = (await caller.winback.list({ ownerId: "all", limit: PAGE, cursor })).nextCursor;
      ctx.state.winbackCursor = cursor;
    },
    run: (caller, ctx) =>
      caller.winback.list({ ownerId: "all", limit: PAGE, cursor: ctx.state.winbackCursor as never }),
  },
  {
    name: "winback.list own accounts, lost only",
    group: "ladder",
    target: LIST,
    run: (caller) => caller.winback.list({ status: "lost", limit: PAGE }),
  },
  {
    name: "levels.overdue own accounts",
    group: "ladder",
    target: LIST,
    run: (caller) => caller.levels.overdue({ limit: PAGE }),
  },
  {
    name: "levels.overdue all owners (sales lead)",
    group: "ladder",
    target: LIST,
    setup: async (_caller, ctx) => {
      ctx.state.lead = leadCaller(ctx);
    },
    run: (_caller, ctx) => (ctx.state.lead as Caller).levels.overdue({ ownerId: "all", limit: PAGE }),
  },
  {
    name: "levels.mismatches own accounts",
    group: "ladder",
    target: LIST,
    run: (caller) => caller.levels.mismatches({ limit: PAGE }),
  },
  {
    name: "levels.mismatches all owners by stake, with counts per gap (sales lead)",
    group: "ladder",
    target: LIST,
    setup: async (_caller, ctx) => {
      ctx.state.lead = leadCaller(ctx);
    },
    run: (_caller, ctx) => (ctx.state.lead as Caller).levels.mismatches({ ownerId: "all", limit: PAGE }),
  },
  {
    name: "levels.mismatches all owners, two levels apart, 3rd page (sales lead)",
    group: "ladder",
    target: LIST,
    setup: async (_caller, ctx) => {
      const lead = leadCaller(ctx);
      ctx.state.lead = lead;
      let cursor = null;
      for (let i = 0; i < 2; i++)
        cursor = (await lead.levels.mismatches({ ownerId: "all", gap: 2, limit: PAGE, cursor })).nextCursor;
      ctx.state.stakeCursor = cursor;
    },
    run: (_caller, ctx) =>
      (ctx.state.lead as Caller).levels.mismatches({
        ownerId: "all",
        gap: 2,
        limit: PAGE,
        cursor: ctx.state.stakeCursor as never,
      }),
  },
  {
    name: "levels.forAccount (account page card)",
    group: "ladder",
    target: LIST,
    run: (caller, ctx) => caller.levels.forAccount({ accountId: ctx.sample.richAccountId }),
  },
];
