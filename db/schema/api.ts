// The REST API's keys (owned by better-auth's api-key plugin, model "apikey") and outgoing webhooks (issue #15).
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

const nowMs = sql`(cast(unixepoch('subsecond') * 1000 as integer))`;

/**
 * API keys as @better-auth/api-key stores them: the key itself only as a SHA-256 hash, `start` its first
 * characters for the list, `permissions` the scopes as JSON ({"api":["read",…]}), `referenceId` the admin who
 * created it. A revoked key is disabled, not deleted, so the audit log keeps its name.
 */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    configId: text("config_id").notNull().default("default"),
    name: text("name"),
    start: text("start"),
    referenceId: text("reference_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    prefix: text("prefix"),
    key: text("key").notNull(),
    refillInterval: integer("refill_interval"),
    refillAmount: integer("refill_amount"),
    lastRefillAt: integer("last_refill_at", { mode: "timestamp_ms" }),
    enabled: integer("enabled", { mode: "boolean" }).default(true),
    rateLimitEnabled: integer("rate_limit_enabled", { mode: "boolean" }).default(true),
    rateLimitTimeWindow: integer("rate_limit_time_window"),
    rateLimitMax: integer("rate_limit_max"),
    requestCount: integer("request_count").default(0),
    remaining: integer("remaining"),
    lastRequest: integer("last_request", { mode: "timestamp_ms" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).default(nowMs).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).default(nowMs).notNull(),
    permissions: text("permissions"),
    metadata: text("metadata"),
  },
  (t) => [
    index("api_keys_key_idx").on(t.key),
    index("api_keys_reference_idx").on(t.referenceId),
    index("api_keys_config_idx").on(t.configId),
  ],
);

export const WEBHOOK_EVENTS = [
  "account.moved",
  "account.lapsed",
  "account.lost",
  "account.won_back",
  "deal.closed",
  "deal.reviewed",
  "complaint.received",
  "complaint.breached",
  "complaint.closed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** What a delivery can carry: a subscribed event, or the admin's "send test event" (sent whatever is subscribed). */
export const DELIVERY_EVENTS = [...WEBHOOK_EVENTS, "webhook.test"] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

/** Where events go: an http(s) URL, the events it wants, and its signing secret (Standard Webhooks "whsec_…"). */
export const webhookEndpoints = sqliteTable("webhook_endpoints", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  url: text("url").notNull(),
  description: text("description"),
  /** JSON array of WebhookEvent. */
  events: text("events").notNull(),
  secret: text("secret").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdById: text("created_by_id").references(() => users.id),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The outgoing queue: one row per event and endpoint, written in the transaction that recorded the event and
 * sent later by the delivery job (so a request never waits for a receiver, and a restart loses nothing).
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** The webhook-id header: the same on every attempt, so a receiver can ignore a repeat. */
    messageId: text("message_id").notNull(),
    event: text("event", { enum: DELIVERY_EVENTS }).notNull(),
    /** The JSON body sent, exactly as signed. */
    payload: text("payload").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"),
    lastAttemptAt: integer("last_attempt_at"),
    /** HTTP status of the last attempt; null when it got no answer (refused, timed out, blocked). */
    lastStatus: integer("last_status"),
    /** The start of the last answer's body, or why there was none. */
    lastResponse: text("last_response"),
    createdAt: integer("created_at").notNull(),
    deliveredAt: integer("delivered_at"),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
  ],
);
