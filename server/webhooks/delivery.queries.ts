// Sends queued webhook deliveries (issue #15 §3): each due one is signed with the endpoint's secret by the
// Standard Webhooks scheme (standardwebhooks: webhook-id, webhook-timestamp, webhook-signature headers) and
// posted; a 2xx answer delivers it, anything else schedules the next attempt (webhooks.rules RETRY_DELAYS_MS)
// until the schedule is spent. The queue lives in the database, so a restart loses nothing: pending rows are
// simply sent by the next run.
import { and, asc, eq, lte } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { getSetting } from "../settings/settings.queries";
import { postJson, type Sender } from "./send";
import { isDelivered, MAX_ATTEMPTS, nextAttemptAt } from "./webhooks.rules";
import { webhooksSettings } from "./webhooks.settings";

const TIMEOUT_MS = 10_000;
const PARALLEL = 4;

export type DeliveryRun = { sent: number; delivered: number; failed: number; retrying: number };

/** Sends up to `limit` due deliveries of active endpoints, a few at a time. */
export async function sendDueDeliveries(
  db: Db,
  params: { now?: number; limit?: number; send?: Sender; timeoutMs?: number } = {},
): Promise<DeliveryRun> {
  const now = params.now ?? Date.now();
  const send = params.send ?? postJson;
  const allowPrivate = getSetting(db, webhooksSettings.allowPrivateTargets);
  const due = db
    .select({
      id: webhookDeliveries.id,
      messageId: webhookDeliveries.messageId,
      payload: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
      url: webhookEndpoints.url,
      secret: webhookEndpoints.secret,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, now),
        eq(webhookEndpoints.active, true),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
    .limit(params.limit ?? 100)
    .all();
  const run: DeliveryRun = { sent: 0, delivered: 0, failed: 0, retrying: 0 };
  for (let i = 0; i < due.length; i += PARALLEL) {
    await Promise.all(
      due.slice(i, i + PARALLEL).map(async (d) => {
        const attemptAt = params.now ?? Date.now();
        const headers = {
          "content-type": "application/json",
          "user-agent": "LadderCRM-Webhooks/1.0",
          "webhook-id": d.messageId,
          "webhook-timestamp": Math.floor(attemptAt / 1000).toString(),
          "webhook-signature": new Webhook(d.secret).sign(d.messageId, new Date(attemptAt), d.payload),
        };
        const result = await send(d.url, d.payload, headers, {
          allowPrivate,
          timeoutMs: params.timeoutMs ?? TIMEOUT_MS,
        });
        const attempts = d.attempts + 1;
        const delivered = isDelivered(result.status);
        const next = delivered ? null : attempts >= MAX_ATTEMPTS ? null : nextAttemptAt(attempts, attemptAt);
        const status = delivered ? "succeeded" : next === null ? "failed" : "pending";
        db.update(webhookDeliveries)
          .set({
            status,
            attempts,
            lastAttemptAt: attemptAt,
            lastStatus: result.status,
            lastResponse: result.body.slice(0, 1_000),
            nextAttemptAt: next,
            deliveredAt: delivered ? attemptAt : null,
          })
          .where(eq(webhookDeliveries.id, d.id))
          .run();
        run.sent += 1;
        if (status === "succeeded") run.delivered += 1;
        else if (status === "failed") run.failed += 1;
        else run.retrying += 1;
      }),
    );
  }
  return run;
}
