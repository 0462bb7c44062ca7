// Win/loss issue #4 §5: each dashboard procedure p95 ≤ 150 ms and ≤ 1.5× its raw SQL, the review queue ≤ 20 ms,
// at 100k accounts with ~300k deals and ~100k reviews, as the demo sales lead.

import { readDemoDataInfo } from "@/db/seed/seed";
import { monthOf } from "@/lib/periods";
import type { DashboardInput } from "@/server/deals/deals.schemas";
import type { BenchCase, BenchContext, Caller } from "../harness";
import { callerAs } from "./as-role";

const DASHBOARD = { p95Ms: 150, maxRatio: 1.5 };
const QUEUE = { p95Ms: 20, maxRatio: 1.5 };
const DAY = 86_400_000;

function setup(months: number, grain: DashboardInput["grain"]) {
  return async (_caller: Caller, ctx: BenchContext) => {
    const now = readDemoDataInfo(ctx.db)?.now ?? Date.now();
    ctx.state.lead = callerAs(ctx, "sales_lead");
    // The last `months` whole months before the seed's "now".
    ctx.state.range = {
      fromMonth: monthOf(now - months * 30.4 * DAY),
      toMonth: monthOf(now - 31 * DAY),
      grain,
      ownerIds: [],
    } satisfies DashboardInput;
  };
}
const lead = (ctx: BenchContext) => ctx.state.lead as Caller;
const range = (ctx: BenchContext) => ctx.state.range as DashboardInput;

export const dealsCases: BenchCase[] = [
  {
    name: "deals.winRates, 12 months by month",
    group: "win-loss",
    target: DASHBOARD,
    setup: setup(12, "month"),
    run: (_c, ctx) => lead(ctx).deals.winRates(range(ctx)),
  },
  {
    name: "deals.winRates, 3 years by quarter",
    group: "win-loss",
    target: DASHBOARD,
    setup: setup(36, "quarter"),
    run: (_c, ctx) => lead(ctx).deals.winRates(range(ctx)),
  },
  {
    name: "deals.reasons (Pareto), 12 months",
    group: "win-loss",
    target: DASHBOARD,
    setup: setup(12, "month"),
    run: (_c, ctx) => lead(ctx).deals.reasons(range(ctx)),
  },
  {
    name: "deals.gap (agreement matrix), 12 months",
    group: "win-loss",
    target: DASHBOARD,
    setup: setup(12, "month"),
    run: (_c, ctx) => lead(ctx).deals.gap(range(ctx)),
  },
  {
    name: "deals.competitors + win-back pipeline, 12 months",
    group: "win-loss",
    target: DASHBOARD,
    setup: setup(12, "month"),
    run: (_c, ctx) => lead(ctx).deals.competitors(range(ctx)),
  },
  {
    name: "deals.reviewQueue, newest first",
    group: "win-loss",
    target: QUEUE,
    setup: setup(12, "month"),
    run: (_c, ctx) => lead(ctx).deals.reviewQueue({ sort: "recent", offset: 0, limit: 25 }),
  },
  {
    name: "deals.reviewQueue, largest first",
    group: "win-loss",
    target: QUEUE,
    setup: setup(12, "month"),
    run: (_c, ctx) => lead(ctx).deals.reviewQueue({ sort: "largest", offset: 0, limit: 25 }),
  },
];

dealsCases.push(
  {
    name: "deals.list first page, everyone's (sales lead)",
    group: "win-loss",
    target: QUEUE,
    setup: setup(12, "month"),
    run: (_c, ctx) => lead(ctx).deals.list({ ownerId: "all", limit: 25 }),
  },
  {
    name: "deals.list first page, own deals (account manager)",
    group: "win-loss",
    target: QUEUE,
    run: (caller) => caller.deals.list({ ownerId: "me", limit: 25 }),
  },
  {
    name: "deals.list lost deals, everyone's (sales lead)",
    group: "win-loss",
    target: QUEUE,
    setup: setup(12, "month"),
    run: (_c, ctx) => lead(ctx).deals.list({ ownerId: "all", status: "lost", limit: 25 }),
  },
);
