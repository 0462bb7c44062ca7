// The REST API as an admin and another system meet it: a key made on the API page (its secret shown once), a
// script posting an account and orders with it, the account page showing the new rung, the audit log naming the
// key, the key revoked, and the reference page generated from the OpenAPI document.
import { DEMO, expect, signIn, test, unique } from "./fixtures";

test("an admin creates a key, a script posts orders with it, and the account page shows the new rung", async ({
  page,
  request,
}) => {
  const keyName = unique("ERP");
  const ref = `E2E-${Date.now().toString(36)}`;
  await signIn(page, DEMO.admin);
  await page.goto("/admin/api");
  await expect(page.getByRole("heading", { name: "API", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "New API key" }).click();
  const form = page.getByRole("form", { name: "New API key" });
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("Enter a name.")).toBeVisible();
  await form.getByLabel("Name").fill(keyName);
  await form.getByRole("checkbox", { name: /Write orders/ }).check();
  await form.getByRole("checkbox", { name: /Write accounts and contacts/ }).check();
  await form.getByRole("button", { name: "Create key" }).click();
  const secret = await page.getByLabel("API key", { exact: true }).inputValue();
  expect(secret).toMatch(/^lcrm_/);
  const row = page.getByRole("row").filter({ hasText: keyName });
  await expect(row).toContainText("Write orders");
  await expect(row).toContainText("Never");

  // The other system.
  const headers = { authorization: `Bearer ${secret}` };
  const put = await request.put(`/api/v1/accounts/${ref}`, { headers, data: { name: "Huang & Sons, “HK”" } });
  expect(put.status()).toBe(201);
  const { id } = await put.json();
  const orders = {
    orders: [
      { accountRef: ref, externalRef: `${ref}-1`, orderedAt: "2026-10-01", amount: 120000, margin: 30000 },
      { accountRef: ref, externalRef: `${ref}-2`, orderedAt: "2026-11-01", amount: 80000, margin: 20000 },
    ],
  };
  const first = await request.post("/api/v1/orders", { headers, data: orders });
  expect(first.status()).toBe(200);
  expect((await first.json()).summary.created).toBe(2);
  const again = await request.post("/api/v1/orders", { headers, data: orders });
  expect((await again.json()).summary).toMatchObject({ created: 0, unchanged: 2 });
  const bad = await request.post("/api/v1/orders", {
    headers,
    data: { orders: [{ ...orders.orders[0], amount: -1 }] },
  });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error).toMatchObject({ code: "validation_failed", field: "orders[0].amount" });

  await page.goto(`/accounts/${id}`);
  await expect(page.getByRole("heading", { name: "Huang & Sons, “HK”" })).toBeVisible();
  await expect(page.getByText("Repeat customer").first()).toBeVisible();

  await page.goto("/admin/audit");
  await expect(page.getByText(`API key “${keyName}”`).first()).toBeVisible();

  // Revoked: the next request is refused.
  await page.goto("/admin/api");
  await page.getByRole("button", { name: `Revoke the key ${keyName}` }).click();
  await page.getByRole("button", { name: `Revoke ${keyName} now` }).click();
  await expect(page.getByRole("row").filter({ hasText: keyName })).toContainText("Revoked");
  const refused = await request.get(`/api/v1/accounts/${ref}`, { headers });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("revoked_api_key");
});

test("the API reference lists every endpoint from the OpenAPI document", async ({ page, request }) => {
  const doc = await (await request.get("/api/v1/openapi.json")).json();
  expect(doc.openapi).toBe("3.1.0");
  await signIn(page, DEMO.admin);
  await page.goto("/admin/api/reference");
  await expect(page.getByRole("heading", { name: "API reference" })).toBeVisible();
  const contents = page.getByRole("navigation", { name: "Endpoints" });
  for (const path of Object.keys(doc.paths)) await expect(contents).toContainText(path);
  await expect(page.getByRole("heading", { name: /post\s*\/api\/v1\/orders/i })).toBeVisible();
  // What a webhook receiver needs: the headers, the check, every event.
  const webhooks = page.getByRole("region", { name: "Webhooks" });
  await expect(webhooks).toContainText("webhook-signature");
  await expect(webhooks).toContainText("new Webhook(");
  for (const event of ["account.moved", "deal.closed", "complaint.breached"])
    await expect(webhooks.getByRole("rowheader", { name: event })).toBeVisible();
});

test("the API page does not exist for someone who is not an admin", async ({ page }) => {
  await signIn(page, DEMO.lead);
  const response = await page.goto("/admin/api");
  expect(response?.status()).toBe(404);
});
