import path from "node:path";
import { DEMO, expect, signIn, test } from "./fixtures";

test("a sales lead imports an order file: checks it, imports it, and finds the accounts on their rungs", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Import orders" })
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
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Import orders" }),
  ).toHaveCount(0);
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
