// Executive issue #6: revenue and lifetime value by rung and by level at 100k accounts (p95 ≤ 300 ms),
// run as the demo executive.
import type { SessionUser } from "@/server/context";
import { createCaller } from "@/server/root";
import type { BenchCase, Caller } from "../harness";

export const executiveCases: BenchCase[] = [
  {
    name: "executive.value (by rung and by level)",
    group: "executive",
    target: { p95Ms: 300, maxRatio: 1.5 },
    setup: async (_caller, ctx) => {
      const exec = ctx.db.$client
        .prepare(
          "SELECT id, name, email, role, locale FROM users WHERE role = 'executive' ORDER BY id LIMIT 1",
        )
        .get() as SessionUser;
      ctx.state.exec = createCaller({ db: ctx.db, user: exec });
    },
    run: (_caller, ctx) => (ctx.state.exec as Caller).executive.value(),
  },
];
