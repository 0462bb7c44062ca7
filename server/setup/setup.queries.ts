// First run (issue #10 §1): on a database without users, the set-up page (or `npm run user:create`) creates the
// first admin. Once anyone exists, set-up is over: the page answers 404 and the procedure refuses.
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/demo-users";
import { recordAudit } from "../audit/audit.queries";
import { createUserWithPassword } from "../users/create-user";
import type { SetupInput } from "./setup.schemas";

export function isSetupNeeded(db: Db): boolean {
  return !db.select({ id: users.id }).from(users).limit(1).get();
}

/**
 * Whether the demo company's sign-ins work here (its admin exists and is active): only then does the sign-in page
 * mention the demo password. A company that started without the demo never sees it.
 */
export function demoSignInsExist(db: Db): boolean {
  const demoAdmin = DEMO_USERS.find((user) => user.role === "admin");
  if (!demoAdmin) return false;
  return !!db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, demoAdmin.email), eq(users.active, true)))
    .get();
}

function setupDone(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "Ladder CRM is already set up. Please sign in." });
}

/** Creates the first admin; refused (NOT_FOUND) once a user exists, also when two set-ups race. */
export async function createFirstAdmin(db: Db, input: SetupInput): Promise<{ id: string; email: string }> {
  if (!isSetupNeeded(db)) throw setupDone();
  const id = await createUserWithPassword(
    db,
    { name: input.name, email: input.email, role: "admin", locale: input.locale, password: input.password },
    (tx, newId) =>
      recordAudit(tx, {
        actorId: null,
        action: "user.setup",
        entity: "user",
        entityId: newId,
        after: { name: input.name, email: input.email, role: "admin", locale: input.locale, active: true },
      }),
    // Checked again inside the write transaction: of two set-ups racing, only the first creates anyone.
    (tx) => {
      if (!isSetupNeeded(tx)) throw setupDone();
    },
  );
  return { id, email: input.email };
}
