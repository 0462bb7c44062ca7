// Executive issue #6 at 100k accounts (p95 ≤ 300 ms, tRPC/raw ≤ 1.5), run as the demo executive:
// lifetime value by rung and by level, the overview, the quarterly cohort heatmap and the ladder over time.
import { lastPeriods, rangeLabels } from "@/lib/periods";
import type { SessionUser } from "@/server/context";
import { createCaller } from "@/server/root";
import type { BenchCase, BenchContext, Caller } from "../harness";

const TARGET = { p95Ms: 300, maxRatio: 1.5 };

async function asExecutive(_caller: Caller, ctx: BenchContext) {
  const exec = ctx.db.$client
    .prepare("SELECT id, name, email, role, locale FROM users WHERE role = 'executive' ORDER BY id LIMIT 1")
    .get() as SessionUser;
  ctx.state.exec = createCaller({ db: ctx.db, user: exec });
}
const exec = (ctx: BenchContext) => ctx.state.exec as Caller;
const now = Date.now();

export const executiveCases: BenchCase[] = [
  {
    name: "executive.value (by rung and by level)",
    group: "executive",
    target: TARGET,
    setup: asExecutive,
    run: (_caller, ctx) => exec(ctx).executive.value(),
  },
  {
    name: "executive.overview (12 months vs 12 before)",
    group: "executive",
    target: TARGET,
    setup: asExecutive,
    run: (_caller, ctx) => exec(ctx).executive.overview(rangeLabels(lastPeriods(now, "month", 12))),
  },
  {
    name: "executive.overview (4 quarters vs 4 before)",
    group: "executive",
    target: TARGET,
    setup: asExecutive,
    run: (_caller, ctx) => exec(ctx).executive.overview(rangeLabels(lastPeriods(now, "quarter", 4))),
  },
  {
    name: "executive.cohorts (quarterly, 12 quarters)",
    group: "executive",
    target: TARGET,
    setup: asExecutive,
    run: (_caller, ctx) => exec(ctx).executive.cohorts(rangeLabels(lastPeriods(now, "quarter", 12))),
  },
  {
    name: "executive.cohorts (monthly, 36 months)",
    group: "executive",
    target: TARGET,
    setup: asExecutive,
    run: (_caller, ctx) => exec(ctx).executive.cohorts(rangeLabels(lastPeriods(now, "month", 36))),
  },
  {
    name: "executive.ladder (over time, 36 months)",
    group: "executive",
    target: TARGET,
    setup: asExecutive,
    run: (_caller, ctx) => exec(ctx).executive.ladder(rangeLabels(lastPeriods(now, "month", 36))),
  },
];
