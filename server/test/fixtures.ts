// Test rows inserted directly, for tests that need accounts and contacts without going through their routers.
import { ZodError, z } from "zod";
import type { Db } from "@/db/client";
import { accounts, contacts, type Rung, tasks } from "@/db/schema";

export const T0 = Date.UTC(2025, 5, 10, 9, 0, 0); // a fixed "now" for tests: 2025-06-10 09:00 UTC

export function insertTestAccount(
  db: Db,
  params: { ownerId: string | null; name?: string; rung?: Rung; at?: number },
): number {
  const name = params.name ?? "Test account";
  const at = params.at ?? T0;
  const row = db
    .insert(accounts)
    .values({
      kind: "company",
      name,
      searchName: name.toLowerCase(),
      ownerId: params.ownerId,
      rung: params.rung ?? "suspect",
      rungSince: at,
      statusSince: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: accounts.id })
    .get();
  return row.id;
}

export function insertTestContact(db: Db, params: { accountId: number; name?: string }): number {
  return db
    .insert(contacts)
    .values({
      accountId: params.accountId,
      name: params.name ?? "Test contact",
      createdAt: T0,
      updatedAt: T0,
    })
    .returning({ id: contacts.id })
    .get().id;
}

export function insertTestTask(
  db: Db,
  params: { accountId: number; assigneeId: string; dueAt: number; title?: string; doneAt?: number | null },
): number {
  return db
    .insert(tasks)
    .values({
      accountId: params.accountId,
      assigneeId: params.assigneeId,
      dueAt: params.dueAt,
      title: params.title ?? "Test task",
      doneAt: params.doneAt ?? null,
      createdAt: T0,
    })
    .returning({ id: tasks.id })
    .get().id;
}

/** The per-field messages a refused call sends to the browser (zod input errors or a FieldError). */
export async function fieldErrorsOf(call: Promise<unknown>): Promise<Record<string, string[] | undefined>> {
  const error = await call.then(
    () => {
      throw new Error("expected the call to be refused");
    },
    (e: unknown) => e,
  );
  if (error && typeof error === "object" && "fieldErrors" in error) {
    return (error as { fieldErrors: Record<string, string[]> }).fieldErrors;
  }
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof ZodError) return z.flattenError(cause).fieldErrors as Record<string, string[]>;
  throw error;
}
