// The webhook admin procedures as the admin screen calls them: who may call them, what bad input gets back,
// the secret shown only when made, the test event, and every change in the audit log.
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { auditLog, webhookDeliveries } from "@/db/schema";
import { createOrder } from "../orders/orders.queries";
import { fieldErrorsOf, insertTestAccount } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { receiver } from "../test/webhook-receiver";
import { sendDueDeliveries } from "./delivery.queries";

function adminSetup() {
  const db = createTestDb();
  const admin = addUser(db, "admin", "Ada Admin");
  return { db, admin, hooks: callerFor(db, admin).webhooks };
}

describe("webhook admin procedures: who may call them", () => {
  it("every procedure refuses each role but admin, and refuses a signed-out caller", async () => {
    const { db, hooks } = adminSetup();
    const endpoint = await hooks.create({ url: "https://hooks.example.com/crm", events: ["deal.closed"] });
    const calls = (c: ReturnType<typeof callerFor>["webhooks"]) => [
      c.list(),
      c.get({ id: endpoint.id }),
      c.create({ url: "https://example.com/", events: ["deal.closed"] }),
      c.update({ id: endpoint.id, active: false }),
      c.rotateSecret({ id: endpoint.id }),
      c.delete({ id: endpoint.id }),
      c.deliveries({ endpointId: endpoint.id }),
      c.resend({ id: 1 }),
      c.sendTest({ id: endpoint.id }),
      c.settings(),
      c.saveSettings({ allowPrivateTargets: true }),
    ];
    for (const role of ALL_ROLES.filter((r) => r !== "admin")) {
      for (const call of calls(callerFor(db, addUser(db, role)).webhooks))
        await expect(call, role).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const call of calls(callerFor(db, null).webhooks))
      await expect(call).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // Nothing any of them tried changed the endpoint or the setting.
    expect(await hooks.get({ id: endpoint.id })).toMatchObject({ active: true, url: endpoint.url });
    expect(await hooks.settings()).toEqual({ allowPrivateTargets: false });
  });
});

describe("webhook admin procedures: bad input", () => {
  it("says which field is wrong: empty, not a URL, another scheme, credentials, no event, too long", async () => {
    const { hooks } = adminSetup();
    const cases: [Parameters<typeof hooks.create>[0], Record<string, string[]>][] = [
      [{ url: "  ", events: ["deal.closed"] }, { url: ["required"] }],
      [{ url: "hooks.example.com/crm", events: ["deal.closed"] }, { url: ["url.invalid"] }],
      [{ url: "ftp://example.com/", events: ["deal.closed"] }, { url: ["url.scheme"] }],
      [{ url: "https://user:pw@example.com/", events: ["deal.closed"] }, { url: ["url.credentials"] }],
      [{ url: "https://example.com/", events: [] }, { events: ["chooseEvent"] }],
      [{ url: `https://example.com/${"a".repeat(2000)}`, events: ["deal.closed"] }, { url: ["tooLong"] }],
      [
        { url: "https://example.com/", events: ["deal.closed"], description: "d".repeat(201) },
        { description: ["tooLong"] },
      ],
    ];
    for (const [input, errors] of cases)
      expect(await fieldErrorsOf(hooks.create(input)), input.url).toEqual(errors);
    await expect(
      hooks.create({ url: "https://example.com/", events: ["order.created" as never] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await hooks.list()).toEqual([]);
  });

  it("a private address is refused on update too, and allowed once the setting allows it", async () => {
    const { hooks } = adminSetup();
    const endpoint = await hooks.create({ url: "https://hooks.example.com/", events: ["deal.closed"] });
    expect(await fieldErrorsOf(hooks.update({ id: endpoint.id, url: "http://192.168.1.20/hook" }))).toEqual({
      url: ["url.private"],
    });
    expect((await hooks.get({ id: endpoint.id })).url).toBe("https://hooks.example.com/");
    await hooks.saveSettings({ allowPrivateTargets: true });
    expect(await hooks.update({ id: endpoint.id, url: "http://192.168.1.20/hook" })).toMatchObject({
      url: "http://192.168.1.20/hook",
    });
  });

  it("an endpoint or delivery that does not exist is 404, not a 500", async () => {
    const { hooks } = adminSetup();
    await expect(hooks.get({ id: 99 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(hooks.update({ id: 99, active: false })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(hooks.delete({ id: 99 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(hooks.deliveries({ endpointId: 99 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(hooks.resend({ id: 99 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(hooks.sendTest({ id: 99 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(hooks.get({ id: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("webhook admin procedures: what the screen does", () => {
  it("the secret is shown when the endpoint is made and when it is rotated, never when it is read", async () => {
    const { hooks } = adminSetup();
    const created = await hooks.create({ url: "https://hooks.example.com/", events: ["account.moved"] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const read = await hooks.get({ id: created.id });
    expect(read).not.toHaveProperty("secret");
    expect(read.secretStart).toBe(created.secret.slice(0, 10));
    expect(JSON.stringify(await hooks.list())).not.toContain(created.secret);
    const rotated = await hooks.rotateSecret({ id: created.id });
    expect(rotated.secret).not.toBe(created.secret);
    expect((await hooks.get({ id: created.id })).secretStart).toBe(rotated.secret.slice(0, 10));
  });

  it("a test event is queued for the endpoint, signed with its secret, and listed as delivered", async () => {
    const { db, hooks } = adminSetup();
    await hooks.saveSettings({ allowPrivateTargets: true });
    const hook = await receiver([200], "thanks");
    const endpoint = await hooks.create({ url: hook.url, events: ["complaint.closed"] });
    await hooks.sendTest({ id: endpoint.id });
    expect(await sendDueDeliveries(db)).toMatchObject({ sent: 1, delivered: 1 });
    const [got] = hook.received;
    expect(
      new Webhook(endpoint.secret).verify(got?.body as string, got?.headers as Record<string, string>),
    ).toMatchObject({ type: "webhook.test", data: { endpoint: { id: endpoint.id, url: hook.url } } });
    const page = await hooks.deliveries({ endpointId: endpoint.id });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      event: "webhook.test",
      status: "succeeded",
      attempts: 1,
      lastStatus: 200,
      lastResponse: "thanks",
    });
  });

  it("a disabled endpoint gets no test event and no deliveries; enabled again, it does", async () => {
    const { db, admin, hooks } = adminSetup();
    await hooks.saveSettings({ allowPrivateTargets: true });
    const hook = await receiver();
    const endpoint = await hooks.create({ url: hook.url, events: ["account.moved"] });
    await hooks.update({ id: endpoint.id, active: false });
    await expect(hooks.sendTest({ id: endpoint.id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const accountId = insertTestAccount(db, { ownerId: null });
    createOrder(db, admin, {
      accountId,
      externalRef: "W-1",
      orderedAt: Date.now() - 86_400_000,
      amount: 5_000,
      margin: 1_000,
      category: null,
    });
    expect(await hooks.deliveries({ endpointId: endpoint.id })).toEqual({ items: [], nextCursor: null });
    await hooks.update({ id: endpoint.id, active: true });
    await hooks.sendTest({ id: endpoint.id });
    expect(await sendDueDeliveries(db)).toMatchObject({ delivered: 1 });
  });

  it("deliveries page newest first with a cursor, and filter by status", async () => {
    const { db, hooks } = adminSetup();
    const endpoint = await hooks.create({ url: "https://hooks.example.com/", events: ["deal.closed"] });
    for (let i = 0; i < 5; i++) await hooks.sendTest({ id: endpoint.id });
    const first = await hooks.deliveries({ endpointId: endpoint.id, limit: 2 });
    const second = await hooks.deliveries({ endpointId: endpoint.id, limit: 2, cursor: first.nextCursor });
    const third = await hooks.deliveries({ endpointId: endpoint.id, limit: 2, cursor: second.nextCursor });
    const ids = [...first.items, ...second.items, ...third.items].map((d) => d.id);
    expect(ids).toHaveLength(5);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(third.nextCursor).toBeNull();
    db.update(webhookDeliveries)
      .set({ status: "failed" })
      .where(eq(webhookDeliveries.id, ids[0] as number))
      .run();
    const failed = await hooks.deliveries({ endpointId: endpoint.id, status: "failed" });
    expect(failed.items.map((d) => d.id)).toEqual([ids[0]]);
  });

  it("deleting an endpoint removes its deliveries; every change is audited under the admin", async () => {
    const { db, admin, hooks } = adminSetup();
    const endpoint = await hooks.create({ url: "https://hooks.example.com/", events: ["deal.closed"] });
    await hooks.update({ id: endpoint.id, events: ["deal.closed", "deal.reviewed"], description: "ERP" });
    await hooks.sendTest({ id: endpoint.id });
    await hooks.rotateSecret({ id: endpoint.id });
    await hooks.delete({ id: endpoint.id });
    expect(await hooks.list()).toEqual([]);
    expect(db.select().from(webhookDeliveries).all()).toEqual([]);
    const actions = db
      .select({ action: auditLog.action, actor: auditLog.actorId })
      .from(auditLog)
      .all()
      .filter((r) => r.action.startsWith("webhook."));
    expect(actions.map((r) => r.action)).toEqual([
      "webhook.create",
      "webhook.update",
      "webhook.test",
      "webhook.rotate_secret",
      "webhook.delete",
    ]);
    expect(new Set(actions.map((r) => r.actor))).toEqual(new Set([admin.id]));
  });
});
