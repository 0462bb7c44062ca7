// Runs one import on its own thread with its own connection to the database file (issue #11 §1): parsing,
// checking and planning a 20 MB file take seconds of CPU that would otherwise stop every other request on the
// server's single thread. Started by import-jobs.ts; answers with one message.
import { parentPort, workerData } from "node:worker_threads";
import { openDb } from "@/db/client";
import { IMPORT_BUSY_TIMEOUT_MS } from "@/db/write-wait";
import { isBusy } from "../errors";
import type { ImportJob, ImportJobAnswer } from "./import-jobs";
import { runImportJobInline } from "./import-jobs.run";

const { file, actor, job } = workerData as {
  file: string;
  actor: { id: string; role: never } | null;
  job: ImportJob;
};
let answer: ImportJobAnswer;
const db = openDb(file, { migrate: false, busyTimeoutMs: IMPORT_BUSY_TIMEOUT_MS });
try {
  answer = { ok: true, result: runImportJobInline(db, actor, job) };
} catch (error) {
  answer = { ok: false, busy: isBusy(error), message: (error as Error).message };
} finally {
  db.$client.close();
}
parentPort?.postMessage(answer);
