// `npm run user:create` (issue #10 §1): creates a user from the command line, e.g. the first admin of a
// company that starts without the demo. The password comes from standard input, or is generated and printed
// once. Validated like the admin's form; audited as done by the system.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "../audit/audit.queries";
import { createUserWithPassword } from "./create-user";
import { createUserInput } from "./users.schemas";

export type UserCreateArgs = { email?: string; name?: string; role?: string; locale?: string };
export type UserCreateResult =
  | { ok: true; id: string; email: string; generatedPassword: string | null }
  | { ok: false; errors: string[] };

/** 18 random bytes as base64url: 24 characters, well over the 10-character minimum. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

export async function createUserFromCli(
  db: Db,
  args: UserCreateArgs,
  passwordFromStdin: string | null,
): Promise<UserCreateResult> {
  const generatedPassword = passwordFromStdin ? null : generatePassword();
  const parsed = createUserInput.safeParse({
    name: args.name ?? "",
    email: args.email ?? "",
    role: args.role ?? "",
    locale: args.locale ?? "en",
    password: passwordFromStdin ?? generatedPassword,
  });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`) };
  }
  const input = parsed.data;
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
    return { ok: false, errors: [`--email: A user with the email ${input.email} already exists.`] };
  }
  const after = {
    name: input.name,
    email: input.email,
    role: input.role,
    locale: input.locale,
    active: true,
  };
  const id = await createUserWithPassword(db, input, (tx, newId) =>
    recordAudit(tx, { actorId: null, action: "user.create", entity: "user", entityId: newId, after }),
  );
  return { ok: true, id, email: input.email, generatedPassword };
}
