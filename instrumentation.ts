// Applies pending migrations when the server starts, before the first request, and starts the hourly
// lapse and cadence jobs (server/ladder/lapse.job.ts, server/levels/cadence.job.ts) and the complaint breach job
// (server/complaints/breach.job.ts), the survey schedule (server/surveys/survey.job.ts) — one run at a time, each
// in slices that let requests through (server/jobs/background-job.ts) —, the outbox sender when SMTP_URL is set (server/complaints/outbox.job.ts),
// the webhook deliveries (server/webhooks/delivery.job.ts),
// and scheduled backups when BACKUP_DIR is set (server/backup/backup.ts), in the Node.js runtime only; WAL
// checkpoints run on a worker thread (db/checkpoint.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./db/client");
    getDb();
    // WAL checkpoints on a worker thread, not inside whichever request commits past 1,000 WAL pages.
    const { startCheckpointer } = await import("./db/checkpoint");
    startCheckpointer(getDb());
    // Lapse first (the jobs' runs are queued in the order they start): an account that lapsed should not get a
    // cadence task for being merely quiet.
    const { startLapseJob } = await import("./server/ladder/lapse.job");
    startLapseJob(getDb);
    const { startCadenceJob } = await import("./server/levels/cadence.job");
    startCadenceJob(getDb);
    const { startBreachJob } = await import("./server/complaints/breach.job");
    startBreachJob(getDb);
    const { startSurveyJob } = await import("./server/surveys/survey.job");
    startSurveyJob(getDb);
    const { startOutboxJob } = await import("./server/complaints/outbox.job");
    startOutboxJob(getDb);
    const { startWebhookDeliveryJob } = await import("./server/webhooks/delivery.job");
    startWebhookDeliveryJob(getDb);
    // The database is marked as held by this server (npm run restore refuses meanwhile); scheduled backups
    // when BACKUP_DIR is set.
    const { databasePath } = await import("./db/client");
    const { markServerRunning, startBackupJob } = await import("./server/backup/backup");
    const { backupOnWorker } = await import("./server/backup/backup-on-worker");
    markServerRunning(databasePath());
    startBackupJob(databasePath(), backupOnWorker);
  }
}
