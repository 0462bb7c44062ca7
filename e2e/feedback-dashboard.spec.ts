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

test("a sales lead breaks NPS down by owner for one relationship level and reads every owner's row", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/feedback?months=36&level=accountable&by=owner");
  const filters = page.getByRole("form", { name: "Filters" });
  await expect(filters.getByLabel("Relationship level")).toHaveValue("accountable");
  const card = page.getByRole("region", { name: "NPS and CSAT by owner" });
  // The chart draws a bar per owner (not the empty state), and the table lists them. (At 1280 px the table of
  // nine columns scrolls inside its half-width card: see the screenshot; not asserted yet.)
  await expect(card).not.toContainText("No answers to group in this period.");
  await expect(card.locator("svg .recharts-bar-rectangle").first()).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/feedback-by-owner-one-level.png", fullPage: false });
  await card.getByRole("button", { name: "Show as table" }).click();
  const table = card.getByRole("table");
  expect(await table.getByRole("row").count()).toBeGreaterThan(2);
  await card.screenshot({ path: "test-results/feedback-by-owner-one-level-table.png" });
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
