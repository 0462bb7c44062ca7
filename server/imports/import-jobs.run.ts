// The two imports behind one call, for the worker thread and for in-memory databases (tests).
import type { Db } from "@/db/client";
import type { Actor } from "../auth/permissions";
import { runAccountImport } from "./account-import.queries";
import { runImport } from "./import.queries";
import type { ImportJob, ImportJobResult } from "./import-jobs";

export function runImportJobInline(db: Db, actor: Actor | null, job: ImportJob): ImportJobResult {
  return job.kind === "orders"
    ? { kind: "orders", ...runImport(db, actor, job.input) }
    : { kind: "accounts", ...runAccountImport(db, actor, job.input) };
}
