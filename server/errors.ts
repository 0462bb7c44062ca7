import { TRPCError } from "@trpc/server";

/** A refusal tied to form fields: the client shows each message beside its field. */
export class FieldError extends TRPCError {
  readonly fieldErrors: Record<string, string[]>;
  constructor(
    code: "BAD_REQUEST" | "CONFLICT",
    fieldErrors: Record<string, string[]>,
    message = Object.values(fieldErrors).flat()[0] ?? "Invalid input",
  ) {
    super({ code, message });
    this.fieldErrors = fieldErrors;
  }
}

export function notFound(what: string): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: `${what} not found` });
}

export function forbidden(message = "You are not allowed to do this."): TRPCError {
  return new TRPCError({ code: "FORBIDDEN", message });
}

/** True when better-sqlite3 refused a write for a UNIQUE constraint on the named column(s). */
export function isUniqueViolation(error: unknown, column?: string): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (e?.code !== "SQLITE_CONSTRAINT_UNIQUE") return false;
  return column ? (e.message ?? "").includes(column) : true;
}

/**
 * True when SQLite gave up waiting for another connection's write lock (busy_timeout ran out): an import or a
 * backup holds it. Nothing was written; the caller may try again in a moment.
 */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_BUSY_SNAPSHOT" || code === "SQLITE_LOCKED";
}

export const BUSY_MESSAGE = "The database is busy with another change (an import?). Try again in a moment.";

/** The answer to a write that met a busy database: 503, a plain sentence, never a 500. */
export function busy(): TRPCError {
  return new TRPCError({ code: "SERVICE_UNAVAILABLE", message: BUSY_MESSAGE });
}
