// Applies pending migrations when the server starts, before the first request, and starts the hourly
// cadence job (server/levels/cadence.job.ts) in the Node.js runtime only.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./db/client");
    getDb();
    const { startCadenceJob } = await import("./server/levels/cadence.job");
    startCadenceJob(getDb);
  }
}
