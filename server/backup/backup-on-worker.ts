// Runs backupDatabaseFile on a worker thread (backup.worker.ts).
import { Worker } from "node:worker_threads";
import type { BackupCheck } from "./backup";

export function backupOnWorker(source: string, file: string): Promise<BackupCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./backup.worker.ts", import.meta.url), {
      workerData: { source, file },
    });
    worker.once("message", (answer: { ok: true; check: BackupCheck } | { ok: false; message: string }) => {
      if (answer.ok) resolve(answer.check);
      else reject(new Error(answer.message));
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`backup worker stopped (exit ${code})`));
    });
  });
}
