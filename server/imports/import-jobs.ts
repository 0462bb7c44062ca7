// Imports run off the request thread (issue #11 §1): on a worker thread with its own connection when the
// database is a file, one import at a time (a second waits its turn rather than for SQLite's lock). The worker
// parses, checks and plans outside the write transaction; the write itself is one short transaction.
import { Worker } from "node:worker_threads";
import type { Db } from "@/db/client";
import type { StepTrace } from "@/lib/step-trace";
import type { Actor } from "../auth/permissions";
import { busy } from "../errors";
import type { AccountImportResult } from "./account-import.queries";
import type { AccountColumnMapping } from "./account-import.schemas";
import type { ImportResult } from "./import.queries";
import type { ColumnMapping } from "./import.schemas";
import { runImportJobInline } from "./import-jobs.run";

type Common = {
  fileName: string;
  csv: string;
  dryRun: boolean;
  allowPartial: boolean;
  /** Bench hook, inline runs only (lib/step-trace.ts): milliseconds per step of the import. */
  trace?: StepTrace;
};
export type ImportJob =
  | { kind: "orders"; input: Common & { mapping: ColumnMapping } }
  | { kind: "accounts"; input: Common & { mapping: AccountColumnMapping } };
export type ImportJobResult =
  | ({ kind: "orders" } & ImportResult)
  | ({ kind: "accounts" } & AccountImportResult);
export type ImportJobAnswer =
  | { ok: true; result: ImportJobResult }
  | { ok: false; busy: boolean; message: string };

let queue: Promise<unknown> = Promise.resolve();

/** Runs an import job and resolves with its result; a busy database rejects with the tRPC 503 "busy" error. */
export function runImportJob(db: Db, actor: Actor | null, job: ImportJob): Promise<ImportJobResult> {
  const file = db.$client.name;
  if (db.$client.memory || !file) return Promise.resolve(runImportJobInline(db, actor, job));
  const run = queue.then(() => onWorker(file, actor, job));
  queue = run.catch(() => undefined);
  return run;
}

function onWorker(file: string, actor: Actor | null, job: ImportJob): Promise<ImportJobResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./import.worker.ts", import.meta.url), {
      workerData: { file, actor: actor ? { id: actor.id, role: actor.role } : null, job },
    });
    let answered = false;
    worker.once("message", (answer: ImportJobAnswer) => {
      answered = true;
      if (answer.ok) resolve(answer.result);
      else if (answer.busy) reject(busy());
      else reject(new Error(`import failed: ${answer.message}`));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (!answered) reject(new Error(`import worker stopped (exit ${code}) without an answer`));
    });
  });
}
