// A scheduled backup on its own thread: reading a large database file in one step would otherwise stop the
// server's single thread for as long as the copy takes. Started by backup-on-worker.ts; answers with one message.
import { parentPort, workerData } from "node:worker_threads";
import { backupDatabaseFile } from "./backup";

const { source, file } = workerData as { source: string; file: string };
backupDatabaseFile(source, file).then(
  (check) => parentPort?.postMessage({ ok: true, check }),
  (error: Error) => parentPort?.postMessage({ ok: false, message: error.message }),
);
