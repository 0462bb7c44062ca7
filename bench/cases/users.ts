// A baseline: the cheapest authed procedure, with no SQL. Shows the fixed cost of a tRPC call.
import type { BenchCase } from "../harness";

export const usersCases: BenchCase[] = [
  {
    name: "users.me (tRPC overhead, no SQL)",
    group: "foundation",
    target: {},
    run: (caller) => caller.users.me(),
  },
];
