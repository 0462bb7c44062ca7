// Orders flowing in and events flowing out (issue #15): an admin makes an API key and registers a webhook to a
// receiver this test runs on localhost (refused until the admin allows private addresses), a script posts
// orders, the account page shows the new rung, the receiver gets the ladder-move event signed so that
// standardwebhooks' own verifier accepts it, and the endpoint's deliveries list shows it delivered and resends it.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { DEMO, expect, signIn, test, unique } from "./fixtures";

/** Serious and critical WCAG 2.1 A/AA findings on what the page shows now (as e2e/a11y.spec.ts counts them). */
async function axeFindings(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

type Received = { headers: IncomingHttpHeaders; body: string };

let server: Server | undefined;
test.afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

async function startReceiver() {
  const received: Received[] = [];
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.setHeader("content-type", "text/plain");
      res.end("received by the e2e receiver");
    });
  });
  await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/ladder-hooks`, received };
}

test("an API key, a webhook to a local receiver, orders posted by a script: the rung moves and the signed event arrives", async ({
  page,
  request,
}) => {
  // A long journey (two pages of forms, a script, deliveries waited for, a resend, a test event).
  test.setTimeout(150_000);
  const keyName = unique("Shop");
  const ref = `WH-${Date.now().toString(36)}`;
  const receiver = await startReceiver();
  await signIn(page, DEMO.admin);

  // 1. The API key, made on the API page.
  await page.goto("/admin/api");
  await page.getByRole("button", { name: "New API key" }).click();
  const keyForm = page.getByRole("form", { name: "New API key" });
  await keyForm.getByLabel("Name").fill(keyName);
  await keyForm.getByRole("checkbox", { name: /Write orders/ }).check();
  await keyForm.getByRole("checkbox", { name: /Write accounts and contacts/ }).check();
  await keyForm.getByRole("button", { name: "Create key" }).click();
  const apiKey = await page.getByLabel("API key", { exact: true }).inputValue();
  expect(apiKey).toMatch(/^lcrm_/);

  // 2. The webhook, reached from the navigation. A loopback URL is refused while private addresses are not allowed.
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Webhooks" })
    .click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  const setting = page.getByRole("checkbox", {
    name: "Allow endpoints on this machine or the private network",
  });
  if (await setting.isChecked()) {
    await setting.uncheck();
    await page.getByRole("form", { name: "Private addresses" }).getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
  }
  await page.getByRole("button", { name: "New endpoint" }).click();
  const form = page.getByRole("form", { name: "New webhook endpoint" });
  // Checked in the browser first: nothing typed, then not a URL, then no event.
  await form.getByRole("button", { name: "Create endpoint" }).click();
  await expect(form.getByText("Enter the URL.")).toBeVisible();
  await form.getByLabel("URL").fill("erp.example.com/hooks");
  await form.getByRole("checkbox", { name: /Account moved on the ladder/ }).uncheck();
  await form.getByRole("button", { name: "Create endpoint" }).click();
  await expect(form.getByText("Enter a full URL, starting with https:// or http://.")).toBeVisible();
  await expect(form.getByText("Choose at least one event.")).toBeVisible();
  await form.getByLabel("URL").fill(receiver.url);
  await form.getByLabel("Description").fill("E2E receiver");
  await form.getByRole("checkbox", { name: /Account moved on the ladder/ }).check();
  await form.getByRole("checkbox", { name: /Deal closed/ }).check();
  await form.getByRole("button", { name: "Create endpoint" }).click();
  await expect(form.getByText(/This address is on this machine or a private network/)).toBeVisible();
  await expect(form.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");

  await setting.check();
  await page.getByRole("form", { name: "Private addresses" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await form.getByRole("button", { name: "Create endpoint" }).click();
  const signingSecret = await page.getByLabel("Signing secret", { exact: true }).inputValue();
  expect(signingSecret).toMatch(/^whsec_/);
  const endpointRow = page.getByRole("row").filter({ hasText: receiver.url });
  await expect(endpointRow).toContainText("Enabled");
  await expect(endpointRow).toContainText("Account moved on the ladder, Deal closed");
  expect(await axeFindings(page)).toEqual([]);

  // 3. The other system: an account and two orders.
  const headers = { authorization: `Bearer ${apiKey}` };
  const put = await request.put(`/api/v1/accounts/${ref}`, { headers, data: { name: "Webhook 测试 Ltd" } });
  expect(put.status()).toBe(201);
  const { id } = await put.json();
  const posted = await request.post("/api/v1/orders", {
    headers,
    data: {
      orders: [
        { accountRef: ref, externalRef: `${ref}-1`, orderedAt: "2026-10-01", amount: 90000, margin: 20000 },
        { accountRef: ref, externalRef: `${ref}-2`, orderedAt: "2026-11-05", amount: 60000, margin: 15000 },
      ],
    },
  });
  expect(posted.status()).toBe(200);
  expect((await posted.json()).summary.created).toBe(2);

  // 4. The account page shows the new rung.
  await page.goto(`/accounts/${id}`);
  await expect(page.getByRole("heading", { name: "Webhook 测试 Ltd" })).toBeVisible();
  await expect(page.getByText("Repeat customer").first()).toBeVisible();

  // 5. The receiver got the ladder move, and standardwebhooks' own verifier accepts its signature.
  type Move = { type: string; data: { account: { ref: string }; toRung: string } };
  const verifier = new Webhook(signingSecret);
  const moves = () =>
    receiver.received
      .map((r) => verifier.verify(r.body, r.headers as Record<string, string>) as Move)
      .filter((e) => e.type === "account.moved" && e.data.account.ref === ref);
  await expect.poll(() => moves().map((e) => e.data.toRung), { timeout: 20_000 }).toContain("repeat");
  expect(moves().find((e) => e.data.toRung === "repeat")?.data).toMatchObject({
    account: { id, ref, name: "Webhook 测试 Ltd" },
    toRung: "repeat",
  });
  // A body changed on the way does not verify.
  const raw = receiver.received.find((r) => r.body.includes('"toRung":"repeat"')) as Received;
  expect(() =>
    verifier.verify(
      raw.body.replace('"toRung":"repeat"', '"toRung":"partner"'),
      raw.headers as Record<string, string>,
    ),
  ).toThrow();

  // 6. The endpoint's deliveries: delivered, with the receiver's answer; a resend reaches it again.
  await page.goto("/admin/api/webhooks");
  await page.getByRole("link", { name: `Deliveries and settings of ${receiver.url}` }).click();
  const deliveries = page.getByRole("table", { name: `Deliveries to ${receiver.url}` });
  const movedRow = deliveries.getByRole("row").filter({ hasText: "account.moved" }).first();
  await expect(movedRow).toContainText("Delivered");
  await expect(movedRow).toContainText("200");
  await expect(movedRow).toContainText("received by the e2e receiver");
  const before = receiver.received.length;
  await movedRow.getByRole("button", { name: /^Resend the Account moved on the ladder delivery/ }).click();
  await expect(page.getByText("Queued again")).toBeVisible();
  await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(before);
  const resent = receiver.received.at(-1) as Received;
  expect(
    receiver.received.filter((r) => r.headers["webhook-id"] === resent.headers["webhook-id"]),
  ).toHaveLength(2);

  // A test event, listed and delivered.
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText(/Test event queued/)).toBeVisible();
  await expect(deliveries.getByRole("row").filter({ hasText: "webhook.test" })).toContainText("Delivered", {
    timeout: 20_000,
  });
  expect(await axeFindings(page)).toEqual([]);

  // Cleaned up: deleted, and private addresses refused again.
  await page.getByRole("button", { name: "Delete endpoint" }).click();
  await page.getByRole("button", { name: `Delete ${receiver.url} now` }).click();
  await expect(page).toHaveURL(/\/admin\/api\/webhooks$/);
  await expect(page.getByRole("row").filter({ hasText: receiver.url })).toHaveCount(0);
  await setting.uncheck();
  await page.getByRole("form", { name: "Private addresses" }).getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
});

test("the webhooks page in Chinese: its words, a field message, no serious accessibility findings", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  const setLocale = (locale: "en" | "zh") =>
    page.request.post("/api/trpc/users.setLocale", {
      data: { json: { locale } },
      headers: { origin: new URL(page.url()).origin },
    });
  expect((await setLocale("zh")).ok()).toBe(true);
  try {
    await page.goto("/admin/api/webhooks");
    await expect(page.getByRole("heading", { name: "Webhook 推送", level: 1 })).toBeVisible();
    await page.getByRole("button", { name: "新建端点" }).click();
    const form = page.getByRole("form", { name: "新建 Webhook 端点" });
    await form.getByRole("button", { name: "创建端点" }).click();
    await expect(form.getByText("请输入 URL。")).toBeVisible();
    expect(await axeFindings(page)).toEqual([]);
  } finally {
    await setLocale("en");
  }
});

test("the webhooks page does not exist for someone who is not an admin", async ({ page }) => {
  await signIn(page, DEMO.lead);
  expect((await page.goto("/admin/api/webhooks"))?.status()).toBe(404);
  expect((await page.goto("/admin/api/webhooks/1"))?.status()).toBe(404);
});
