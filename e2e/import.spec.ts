import { readFileSync } from "node:fs";
import path from "node:path";
import { DEMO, expect, signIn, test } from "./fixtures";

test("a sales lead imports an order file: checks it, imports it, and finds the accounts on their rungs", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Import" })
    .click();
  await page
    .getByLabel("CSV file")
    .setInputFiles(path.join(process.cwd(), "e2e", "fixtures", "orders-sample.csv"));
  // The mapping is guessed from the Superstore-like header.
  await expect(page.getByLabel("Customer reference")).toHaveValue("Customer ID");
  await expect(page.getByLabel("Margin (profit)")).toHaveValue("Profit");

  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await expect(page.getByText("Dry run: this is what the import would do.")).toBeVisible();

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported.", { exact: true })).toBeVisible();
  const perRung = page.getByRole("list", { name: "Imported accounts per rung" });
  await expect(perRung).toContainText("Repeat customer: 3");
  await expect(perRung).toContainText("First-time buyer: 4");

  // Brosina Hoffman: three orders (one of three lines) → repeat customer.
  await page.goto("/accounts?q=Brosina");
  const row = page.getByRole("row").filter({ hasText: "Brosina Hoffman Design" });
  await expect(row).toContainText("Repeat customer");
  // Claire Gute: one order of two lines, a year ago → first-time buyer, lapsed.
  await page.goto("/accounts?q=Claire%20Gute");
  await expect(page.getByRole("row").filter({ hasText: "Claire Gute Trading" })).toContainText(
    "First-time buyer",
  );
});

test("an account manager cannot import: the page says so and the server refuses", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Import" }),
  ).toHaveCount(0);
  const upload = await page.request.post("/api/import/orders", {
    headers: { origin: new URL(page.url()).origin },
    multipart: { file: { name: "o.csv", mimeType: "text/csv", buffer: Buffer.from("a\n1") }, options: "{}" },
  });
  expect(upload.status()).toBe(403);
  const response = await page.request.post("/api/trpc/imports.run", {
    data: {
      json: {
        fileName: "x.csv",
        csv: "a\n1",
        mapping: {
          account_ref: "a",
          account_name: "a",
          order_ref: "a",
          ordered_at: "a",
          amount: "a",
          margin: "a",
        },
        dryRun: true,
        allowPartial: false,
      },
    },
  });
  expect(response.status()).toBe(403);
});

test("a sales lead imports accounts and contacts, then imports the file again with one change", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/import");
  await page.getByRole("radio", { name: /Accounts and contacts/ }).check();
  await expect(page).toHaveURL(/kind=accounts/);
  await page
    .getByLabel("CSV file")
    .setInputFiles(path.join(process.cwd(), "e2e", "fixtures", "accounts-sample.csv"));
  // The mapping is guessed from the header.
  await expect(page.getByLabel("Customer reference")).toHaveValue("Account ID");
  await expect(page.getByLabel("Company (optional)", { exact: true })).toHaveValue("Company");
  await expect(page.getByLabel("Owner's email (optional)")).toHaveValue("Owner Email");

  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await expect(page.getByText("Dry run: this is what the import would do.")).toBeVisible();
  const result = page.getByRole("region", { name: "Import result" });
  await expect(result.getByRole("definition").nth(3)).toHaveText("3"); // accounts created
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported.", { exact: true })).toBeVisible();

  // The same file with one contact's title changed: only that change, listed.
  const changed = readFileSync(
    path.join(process.cwd(), "e2e", "fixtures", "accounts-sample.csv"),
    "utf8",
  ).replace("Finance Director", "Chief Financial Officer");
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "accounts.csv", mimeType: "text/csv", buffer: Buffer.from(changed) });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("1 change", { exact: true })).toBeVisible();
  await expect(result.getByRole("row").filter({ hasText: "Chen Jie" })).toContainText(
    "Chief Financial Officer",
  );

  // The person without a company is a person, with their contact details.
  await page.goto("/accounts?q=赵雷");
  await page.getByRole("link", { name: "赵雷" }).click();
  await expect(page.getByText("zhao.lei@mail.example")).toBeVisible();
});

test("an upload over 20 MB is refused before it is read", async ({ page }) => {
  await signIn(page, DEMO.lead);
  await page.goto("/import");
  const post = (bytes: number) =>
    page.request.post("/api/import/orders", {
      headers: { origin: new URL(page.url()).origin },
      multipart: {
        file: { name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(bytes, 97) },
        options: "{}",
      },
    });
  // Just over 20 MB (under the 21 MB the server in front of Next lets through to this route): the import
  // route's own check answers, in words the page shows.
  const response = await post(20.5 * 1024 * 1024);
  expect(response.status()).toBe(413);
  expect((await response.json()).message).toMatch(/larger than 20 MB/);
});
