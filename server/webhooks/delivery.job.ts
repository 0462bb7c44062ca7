// Sends webhook deliveries in the background: shortly after an event is queued, and every few seconds for
// retries that have come due. One runner per process; runs never overlap; a failure is logged and retried.
import type { Db } from "@/db/client";
import { sendDueDeliveries } from "./delivery.queries";
import { onWebhookEventsQueued } from "./webhooks.emit";

const INTERVAL = 5_000;
const globalForJob = globalThis as unknown as { webhookDeliveryTimer?: ReturnType<typeof setInterval> };

export function startWebhookDeliveryJob(getDb: () => Db): void {
  if (globalForJob.webhookDeliveryTimer) return;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const result = await sendDueDeliveries(getDb());
        // A full batch means more are due: go on at once.
        if (result.sent >= 100) again = true;
      } while (again);
    } catch (error) {
      console.error("[webhooks] delivery run failed:", error);
    } finally {
      running = false;
    }
  };
  globalForJob.webhookDeliveryTimer = setInterval(run, INTERVAL);
  globalForJob.webhookDeliveryTimer.unref?.();
  onWebhookEventsQueued(() => void run());
  void run();
}
