// The feedback dashboard (issue #13 §4): a sales lead reads NPS over time, whether satisfaction predicts
// staying, themes and who shares feedback; filters go into the URL; every chart has a table and a CSV.
import { readFile } from "node:fs/promises";
import { DEMO, expect, signIn, test } from "./fixtures";

test("a sales lead reads the feedback dashboard, narrows it in the URL and downloads a chart's data", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Feedback dashboard" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Feedback dashboard" })).toBeVisible();

  const nps = page.getByRole("region", { name: "Net Promoter Score per month" });
  await expect(nps).toContainText("NPS = % promoters (9–10) − % detractors (0–6)");
  await nps.getByRole("button", { name: "Show as table" }).click();
  await expect(nps.getByRole("table")).toContainText("Promoters");

  const staying = page.getByRole("region", { name: "Repurchase and defection within 180 days, by answer" });
  await expect(staying).toContainText("of promoters defected within 180 days");
  await staying.getByRole("button", { name: "Show as table" }).click();
  await expect(staying.getByRole("table")).toContainText("Detractor");
  await expect(page.getByRole("region", { name: "Promoters who defected" })).toBeVisible();

  const themes = page.getByRole("region", { name: "Feedback themes" });
  await expect(themes).toContainText("running share");
  const download = page.waitForEvent("download");
  await themes.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  const csv = await readFile((await file.path()) as string, "utf8");
  expect(csv).toContain("product_quality");
  await expect(page.getByRole("region", { name: "Who shares feedback" })).toContainText("Sara Service");
  await expect(page.getByRole("region", { name: "Waiting and closing" })).toContainText("median");
  await expect(page.getByRole("region", { name: "New accounts that came by referral" })).toContainText("63%");

  // Filters go into the URL and the page reads them back.
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Period").selectOption({ label: "Last 36 months" });
  await expect(page).toHaveURL(/[?&]months=36/);
  await filters.getByLabel("Interface (themes)").selectOption({ label: "Customer service" });
  await expect(page).toHaveURL(/[?&]interface=service/);
  await expect(page.getByRole("region", { name: "Feedback themes through Customer service" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Period")).toHaveValue("36");
});

test("an account manager does not see the feedback dashboard", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await expect(
    page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Feedback dashboard" }),
  ).toHaveCount(0);
  const response = await page.goto("/feedback");
  expect(response?.status()).toBe(404);
});
