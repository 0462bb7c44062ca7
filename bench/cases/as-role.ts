// A caller acting as the first user with a role, for cases that need someone other than the bench's user.
import type { Role } from "@/db/schema";
import type { SessionUser } from "@/server/context";
import { createCaller } from "@/server/root";
import type { BenchContext, Caller } from "../harness";

export function callerAs(ctx: BenchContext, role: Role): Caller {
  const user = ctx.db.$client
    .prepare("SELECT id, name, email, role, locale FROM users WHERE role = ? ORDER BY id LIMIT 1")
    .get(role) as SessionUser;
  return createCaller({ db: ctx.db, user });
}
