// Test fixtures: accounts inserted directly with the figures a test needs.
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { searchNameOf } from "./accounts.queries";

export function insertAccount(
  db: Db,
  fields: Partial<typeof accounts.$inferInsert> & { name: string },
): number {
  const now = Date.now();
  return db
    .insert(accounts)
    .values({
      kind: "company",
      rungSince: now,
      statusSince: now,
      createdAt: now,
      updatedAt: now,
      ...fields,
      searchName: searchNameOf(fields.name),
    })
    .returning({ id: accounts.id })
    .get().id;
}

export function invalidFields(error: unknown): string[] {
  if (!(error instanceof TRPCError) || error.code !== "BAD_REQUEST") return [];
  if (!(error.cause instanceof ZodError)) return [];
  return error.cause.issues.map((i) => i.path.join("."));
}
