// Webhook endpoints and their deliveries, as the admin API page manages them (issue #15 §3). Every change is
// audited; the signing secret is generated here (Standard Webhooks "whsec_" + 32 random bytes, base64).
import { randomBytes, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type WebhookEvent, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { FieldError, notFound } from "../errors";
import { getSetting, setSetting } from "../settings/settings.queries";
import { announceQueued } from "./webhooks.emit";
import { type UrlProblem, urlProblem } from "./webhooks.rules";
import type { CreateEndpointInput, UpdateEndpointInput } from "./webhooks.schemas";
import { webhooksSettings } from "./webhooks.settings";

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

function checkUrl(db: Db, url: string): void {
  const problem: UrlProblem | null = urlProblem(url, getSetting(db, webhooksSettings.allowPrivateTargets));
  if (problem) throw new FieldError("BAD_REQUEST", { url: [`url.${problem}`] });
}

export function listEndpoints(db: Db) {
  const counts = new Map(
    db
      .all<{ id: number; pending: number; failed: number; lastAt: number | null }>(sql`
        SELECT endpoint_id AS id, sum(status = 'pending') AS pending, sum(status = 'failed') AS failed,
               max(last_attempt_at) AS lastAt
        FROM webhook_deliveries GROUP BY endpoint_id`)
      .map((r) => [r.id, r]),
  );
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      description: webhookEndpoints.description,
      events: webhookEndpoints.events,
      active: webhookEndpoints.active,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .all()
    .map((e) => ({
      ...e,
      events: JSON.parse(e.events) as WebhookEvent[],
      pending: counts.get(e.id)?.pending ?? 0,
      failed: counts.get(e.id)?.failed ?? 0,
      lastAttemptAt: counts.get(e.id)?.lastAt ?? null,
    }));
}

function findEndpoint(db: Db, id: number) {
  const e = db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).get();
  if (!e) throw notFound("Webhook endpoint");
  return { ...e, events: JSON.parse(e.events) as WebhookEvent[] };
}

/** An endpoint as the admin page shows it: the secret itself only when created or rotated, here its start. */
export function getEndpoint(db: Db, id: number) {
  const { secret, ...endpoint } = findEndpoint(db, id);
  return { ...endpoint, secretStart: secret.slice(0, 10) };
}

export function createEndpoint(db: Db, actor: Actor, input: CreateEndpointInput, now = Date.now()) {
  checkUrl(db, input.url);
  return inTransaction(db, (t) => {
    const row = t
      .insert(webhookEndpoints)
      .values({
        url: input.url,
        description: input.description,
        events: JSON.stringify([...new Set(input.events)]),
        secret: newWebhookSecret(),
        active: true,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    recordAudit(t, {
      actorId: actor.id,
      action: "webhook.create",
      entity: "webhook_endpoint",
      entityId: row.id,
      after: { url: row.url, events: input.events.join(", ") },
      at: now,
    });
    // The one time the secret is shown (and again only when rotated).
    return { ...getEndpoint(t, row.id), secret: row.secret };
  });
}

export function updateEndpoint(db: Db, actor: Actor, input: UpdateEndpointInput, now = Date.now()) {
  if (input.url !== undefined) checkUrl(db, input.url);
  return inTransaction(db, (t) => {
    const before = findEndpoint(t, input.id);
    const changes: Partial<typeof webhookEndpoints.$inferInsert> = {};
    if (input.url !== undefined && input.url !== before.url) changes.url = input.url;
    if (input.description !== undefined && input.description !== before.description)
      changes.description = input.description;
    if (input.events !== undefined) changes.events = JSON.stringify([...new Set(input.events)]);
    if (input.active !== undefined && input.active !== before.active) changes.active = input.active;
    if (Object.keys(changes).length === 0) return getEndpoint(t, input.id);
    t.update(webhookEndpoints)
      .set({ ...changes, updatedAt: now })
      .where(eq(webhookEndpoints.id, input.id))
      .run();
    recordAudit(t, {
      actorId: actor.id,
      action: "webhook.update",
      entity: "webhook_endpoint",
      entityId: input.id,
      before: Object.fromEntries(
        Object.keys(changes).map((k) => [
          k,
          k === "events" ? before.events.join(", ") : before[k as keyof typeof before],
        ]),
      ),
      after: { ...changes, ...(changes.events ? { events: input.events?.join(", ") } : {}) },
      at: now,
    });
    return getEndpoint(t, input.id);
  });
}

/** A new secret: the receiver must be given it before the next delivery verifies. */
export function rotateSecret(db: Db, actor: Actor, id: number, now = Date.now()) {
  return inTransaction(db, (t) => {
    findEndpoint(t, id);
    const secret = newWebhookSecret();
    t.update(webhookEndpoints).set({ secret, updatedAt: now }).where(eq(webhookEndpoints.id, id)).run();
    recordAudit(t, {
      actorId: actor.id,
      action: "webhook.rotate_secret",
      entity: "webhook_endpoint",
      entityId: id,
      at: now,
    });
    return { id, secret };
  });
}

export function deleteEndpoint(db: Db, actor: Actor, id: number, now = Date.now()) {
  return inTransaction(db, (t) => {
    const before = findEndpoint(t, id);
    t.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).run();
    recordAudit(t, {
      actorId: actor.id,
      action: "webhook.delete",
      entity: "webhook_endpoint",
      entityId: id,
      before: { url: before.url },
      at: now,
    });
    return { id };
  });
}

/** An endpoint's deliveries, newest first, keyset-paginated by id. */
export function listDeliveries(
  db: Db,
  input: {
    endpointId: number;
    status?: "pending" | "succeeded" | "failed" | null;
    cursor?: number | null;
    limit: number;
  },
) {
  findEndpoint(db, input.endpointId);
  const filters = [eq(webhookDeliveries.endpointId, input.endpointId)];
  if (input.status) filters.push(eq(webhookDeliveries.status, input.status));
  if (input.cursor) filters.push(lt(webhookDeliveries.id, input.cursor));
  const rows = db
    .select({
      id: webhookDeliveries.id,
      messageId: webhookDeliveries.messageId,
      event: webhookDeliveries.event,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      createdAt: webhookDeliveries.createdAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatus: webhookDeliveries.lastStatus,
      lastResponse: webhookDeliveries.lastResponse,
      deliveredAt: webhookDeliveries.deliveredAt,
      payload: webhookDeliveries.payload,
    })
    .from(webhookDeliveries)
    .where(and(...filters))
    .orderBy(desc(webhookDeliveries.id))
    .limit(input.limit + 1)
    .all();
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/** Tries a delivery again now; a failed one gets one more attempt. */
export function resendDelivery(db: Db, actor: Actor, id: number, now = Date.now()) {
  const result = inTransaction(db, (t) => {
    const d = t.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).get();
    if (!d) throw notFound("Delivery");
    t.update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: now })
      .where(eq(webhookDeliveries.id, id))
      .run();
    recordAudit(t, {
      actorId: actor.id,
      action: "webhook.resend",
      entity: "webhook_endpoint",
      entityId: d.endpointId,
      after: { delivery: d.messageId, event: d.event },
      at: now,
    });
    return { id };
  });
  announceQueued();
  return result;
}

/**
 * Queues a "webhook.test" delivery to one endpoint (whatever events it wants), so an admin can check the
 * receiver and its signature check; it is listed and retried like any other delivery.
 */
export function sendTestEvent(db: Db, actor: Actor, id: number, now = Date.now()) {
  const row = inTransaction(db, (t) => {
    const endpoint = findEndpoint(t, id);
    if (!endpoint.active)
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "Enable the endpoint to send it a test event.",
      });
    const messageId = `msg_${randomUUID().replaceAll("-", "")}`;
    const payload = JSON.stringify({
      type: "webhook.test",
      timestamp: new Date(now).toISOString(),
      data: { endpoint: { id, url: endpoint.url }, message: "A test event from Ladder CRM." },
    });
    const delivery = t
      .insert(webhookDeliveries)
      .values({
        endpointId: id,
        messageId,
        event: "webhook.test",
        payload,
        status: "pending",
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      })
      .returning({ id: webhookDeliveries.id })
      .get();
    recordAudit(t, {
      actorId: actor.id,
      action: "webhook.test",
      entity: "webhook_endpoint",
      entityId: id,
      after: { delivery: messageId },
      at: now,
    });
    return delivery;
  });
  announceQueued();
  return row;
}

export function getWebhookSettings(db: Db) {
  return { allowPrivateTargets: getSetting(db, webhooksSettings.allowPrivateTargets) };
}

export function saveWebhookSettings(db: Db, actor: Actor, input: { allowPrivateTargets: boolean }) {
  setSetting(db, webhooksSettings.allowPrivateTargets, input.allowPrivateTargets, actor.id);
  return getWebhookSettings(db);
}
