import { readFile } from "node:fs/promises";
import { DEMO, expect, signIn, test } from "./fixtures";

test("an executive reads the complaints dashboard, narrows it by channel and downloads a chart's data", async ({
  page,
}) => {
  await signIn(page, DEMO.executive);
  await page.getByRole("link", { name: "Complaints dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Complaints dashboard" })).toBeVisible();
  const repurchase = page.getByRole("region", { name: "Repurchase by outcome" });
  await expect(repurchase).toBeVisible();
  await expect(repurchase).toContainText("within 180 days after the complaint");

  // A filter goes into the URL, and the page reads it back.
  const filters = page.getByRole("form", { name: "Dashboard filters" });
  await filters.getByLabel("Channel").selectOption({ label: "Email" });
  await filters.getByLabel("Period").selectOption({ label: "Last 24 months" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]channel=email/);
  await expect(page).toHaveURL(/[?&]months=24/);
  await expect(filters.getByLabel("Channel")).toHaveValue("email");

  // The table view and the CSV of one chart.
  await repurchase.getByRole("button", { name: "Show as table" }).click();
  await expect(repurchase.getByRole("table")).toContainText("Resolved quickly");
  const download = page.waitForEvent("download");
  await repurchase.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("repurchase-by-outcome.csv");
  const csv = await readFile((await file.path()) as string, "utf8");
  expect(csv).toContain("outcome,accounts,bought_again,rate,literature");
  expect(csv).toContain("resolved_quickly");

  await expect(page.getByRole("region", { name: "Complaints per month by channel" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Root causes (Pareto)" })).toBeVisible();
});

test("an account manager cannot open the complaints dashboard", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await expect(page.getByRole("link", { name: "Complaints dashboard" })).toHaveCount(0);
  const response = await page.goto("/complaints/dashboard");
  expect(response?.status()).toBe(404);
});
