// Webhooks end to end on real SQLite and a real local HTTP receiver: events queued by the domains, signed
// deliveries verified with standardwebhooks' own verifier, retries with back-off, private-address refusal,
// and a queue that outlives the process that wrote it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { createOrder } from "../orders/orders.queries";
import { fieldErrorsOf, insertTestAccount } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { receiver } from "../test/webhook-receiver";
import { sendDueDeliveries } from "./delivery.queries";
import { RETRY_DELAYS_MS } from "./webhooks.rules";

async function setup(events: string[] = ["account.moved"]) {
  const db = createTestDb();
  const admin = addUser(db, "admin");
  const caller = callerFor(db, admin);
  await caller.webhooks.saveSettings({ allowPrivateTargets: true });
  const hook = await receiver();
  const endpoint = await caller.webhooks.create({
    url: hook.url,
    events: events as never,
    description: "CRM",
  });
  const accountId = insertTestAccount(db, { ownerId: null, name: "Acme 华东" });
  return { db, admin, caller, hook, endpoint, accountId };
}

const order = (accountId: number, ref: string) => ({
  accountId,
  externalRef: ref,
  orderedAt: Date.now() - 86_400_000,
  amount: 10_000,
  margin: 2_000,
  category: null,
});

describe("webhook events", () => {
  it("a first order queues account.moved for the endpoints that want it, naming the account", async () => {
    const s = await setup(["account.moved"]);
    await s.caller.webhooks.create({ url: s.hook.url, events: ["deal.closed"] });
    createOrder(s.db, s.admin, order(s.accountId, "A-1"));
    const queued = s.db.select().from(webhookDeliveries).all();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ endpointId: s.endpoint.id, event: "account.moved", status: "pending" });
    expect(JSON.parse(queued[0]?.payload as string)).toMatchObject({
      type: "account.moved",
      data: {
        account: { id: s.accountId, name: "Acme 华东" },
        fromRung: "suspect",
        toRung: "first_time",
        reason: "order",
      },
    });
  });

  it("a write that rolls back queues nothing", async () => {
    const s = await setup();
    expect(() =>
      inTransaction(s.db, (t) => {
        createOrder(t, s.admin, order(s.accountId, "A-1"));
        throw new Error("changed my mind");
      }),
    ).toThrow("changed my mind");
    expect(s.db.select().from(webhookDeliveries).all()).toHaveLength(0);
  });
});

describe("webhook deliveries", () => {
  it("are signed so that standardwebhooks' verifier accepts them", async () => {
    const s = await setup();
    createOrder(s.db, s.admin, order(s.accountId, "A-1"));
    const run = await sendDueDeliveries(s.db);
    expect(run).toMatchObject({ sent: 1, delivered: 1 });
    const [got] = s.hook.received;
    const secret = s.endpoint.secret;
    const verified = new Webhook(secret).verify(got?.body as string, got?.headers as Record<string, string>);
    expect(verified).toMatchObject({ type: "account.moved", data: { toRung: "first_time" } });
    // A tampered body or another secret does not verify.
    expect(() =>
      new Webhook(secret).verify(
        String(got?.body).replace("first_time", "partner"),
        got?.headers as Record<string, string>,
      ),
    ).toThrow();
    const [row] = s.db.select().from(webhookDeliveries).all();
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, lastStatus: 200, lastResponse: "ok" });
  });

  it("a failing endpoint is tried again with back-off, keeps the last answer, and succeeds later", async () => {
    const s = await setup();
    const flaky = await receiver([500, 503, 200]);
    await s.caller.webhooks.update({ id: s.endpoint.id, url: flaky.url });
    createOrder(s.db, s.admin, order(s.accountId, "A-1"));
    const t0 = Date.now();
    await sendDueDeliveries(s.db, { now: t0 });
    let [row] = s.db.select().from(webhookDeliveries).all();
    expect(row).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatus: 500,
      lastResponse: "receiver is down",
    });
    expect(row?.nextAttemptAt).toBe(t0 + RETRY_DELAYS_MS[1]);
    // Not due yet: nothing is sent.
    expect((await sendDueDeliveries(s.db, { now: t0 + 1_000 })).sent).toBe(0);
    await sendDueDeliveries(s.db, { now: t0 + RETRY_DELAYS_MS[1] });
    [row] = s.db.select().from(webhookDeliveries).all();
    expect(row).toMatchObject({ status: "pending", attempts: 2, lastStatus: 503 });
    expect(row?.nextAttemptAt).toBe(t0 + RETRY_DELAYS_MS[1] + RETRY_DELAYS_MS[2]);
    await sendDueDeliveries(s.db, { now: t0 + RETRY_DELAYS_MS[1] + RETRY_DELAYS_MS[2] });
    [row] = s.db.select().from(webhookDeliveries).all();
    expect(row).toMatchObject({ status: "succeeded", attempts: 3, lastStatus: 200 });
    // Every attempt carried the same webhook-id, so the receiver can tell a repeat.
    expect(new Set(flaky.received.map((r) => r.headers["webhook-id"])).size).toBe(1);
  });

  it("gives up after the schedule (over 24 hours), and a resend tries once more", async () => {
    const s = await setup();
    const down = await receiver([500]);
    await s.caller.webhooks.update({ id: s.endpoint.id, url: down.url });
    createOrder(s.db, s.admin, order(s.accountId, "A-1"));
    let at = Date.now();
    for (const delay of RETRY_DELAYS_MS) {
      at += delay;
      await sendDueDeliveries(s.db, { now: at });
    }
    const [row] = s.db.select().from(webhookDeliveries).all();
    expect(row).toMatchObject({ status: "failed", attempts: RETRY_DELAYS_MS.length, nextAttemptAt: null });
    expect(down.received).toHaveLength(RETRY_DELAYS_MS.length);
    await s.caller.webhooks.resend({ id: row?.id as number });
    await sendDueDeliveries(s.db);
    expect(down.received).toHaveLength(RETRY_DELAYS_MS.length + 1);
    const page = await s.caller.webhooks.deliveries({ endpointId: s.endpoint.id });
    expect(page.items[0]).toMatchObject({
      status: "failed",
      attempts: RETRY_DELAYS_MS.length + 1,
      lastStatus: 500,
    });
  });

  it("survive a restart: a queue written by one connection is sent by the next", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "ladder-webhooks-"));
    try {
      const file = path.join(dir, "crm.db");
      const first = openDb(file);
      const admin = addUser(first, "admin");
      const caller = callerFor(first, admin);
      await caller.webhooks.saveSettings({ allowPrivateTargets: true });
      const hook = await receiver();
      await caller.webhooks.create({ url: hook.url, events: ["account.moved"] });
      createOrder(first, admin, order(insertTestAccount(first, { ownerId: null }), "A-1"));
      first.$client.close();
      const second = openDb(file);
      expect(await sendDueDeliveries(second)).toMatchObject({ delivered: 1 });
      expect(hook.received).toHaveLength(1);
      second.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("webhook addresses", () => {
  it("loopback and private URLs are refused unless an admin allows them", async () => {
    const db = createTestDb();
    const caller = callerFor(db, addUser(db, "admin")).webhooks;
    for (const url of ["http://127.0.0.1:9/x", "http://localhost/x", "http://10.0.0.8/", "http://[::1]/"])
      expect(await fieldErrorsOf(caller.create({ url, events: ["deal.closed"] })), url).toEqual({
        url: ["url.private"],
      });
    expect(
      await fieldErrorsOf(caller.create({ url: "ftp://example.com/", events: ["deal.closed"] })),
    ).toEqual({
      url: ["url.scheme"],
    });
    await caller.saveSettings({ allowPrivateTargets: true });
    await expect(
      caller.create({ url: "http://127.0.0.1:9/x", events: ["deal.closed"] }),
    ).resolves.toMatchObject({
      url: "http://127.0.0.1:9/x",
    });
  });

  it("a delivery to a private address is not sent once private targets are no longer allowed", async () => {
    const s = await setup();
    const byName = await s.caller.webhooks.create({
      url: s.hook.url.replace("127.0.0.1", "localhost"),
      events: ["account.moved"],
    });
    await s.caller.webhooks.saveSettings({ allowPrivateTargets: false });
    createOrder(s.db, s.admin, order(s.accountId, "A-1"));
    await sendDueDeliveries(s.db);
    expect(s.hook.received).toHaveLength(0);
    const rows = s.db.select().from(webhookDeliveries).all();
    expect(rows.map((r) => [r.endpointId, r.status, r.lastStatus])).toEqual([
      [s.endpoint.id, "pending", null],
      [byName.id, "pending", null],
    ]);
    expect(rows[0]?.lastResponse).toMatch(/refused: 127\.0\.0\.1 is a private or loopback address/);
    expect(rows[1]?.lastResponse).toMatch(/refused: localhost resolves to (127\.0\.0\.1|::1)/);
  });

  it("only admins manage endpoints", async () => {
    const db = createTestDb();
    for (const role of ALL_ROLES.filter((r) => r !== "admin")) {
      const c = callerFor(db, addUser(db, role)).webhooks;
      await expect(c.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.create({ url: "https://example.com/", events: ["deal.closed"] })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });
});
