import { readFile } from "node:fs/promises";
import { DEMO, expect, signIn, test } from "./fixtures";

test("an executive reads the overview by month and quarter, then the cohort heatmap and its CSV", async ({
  page,
}) => {
  await signIn(page, DEMO.executive);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await nav.getByRole("link", { name: "Executive overview" }).click();
  await expect(page.getByRole("heading", { name: "Executive overview" })).toBeVisible();
  const headlines = page.getByRole("list", { name: "Headline figures" });
  await expect(headlines.getByText("Repeat-purchase retention")).toBeVisible();
  await expect(headlines.getByText(/÷ active customers \(first-time buyer and above\)/)).toBeVisible();
  const acquisition = page.getByRole("region", { name: /Acquisition vs retention/ });
  await expect(acquisition.getByRole("figure", { name: /Acquisition vs retention/ })).toBeVisible();

  await page.getByRole("button", { name: "Quarter" }).click();
  await expect(page).toHaveURL(/grain=quarter/);
  await expect(page.getByRole("button", { name: "Quarter" })).toHaveAttribute("aria-pressed", "true");
  await acquisition.getByRole("button", { name: "Show as table" }).click();
  await expect(acquisition.getByRole("columnheader", { name: "Quarter" })).toBeVisible();
  await expect(acquisition.getByRole("rowheader", { name: /^\d{4}-Q[1-4]$/ }).first()).toBeVisible();
  await page.getByRole("button", { name: "Month" }).click();
  await expect(page).toHaveURL(/grain=month/);

  await nav.getByRole("link", { name: "Cohorts" }).click();
  const heatmap = page.getByRole("region", { name: /Share of each cohort ordering in later periods/ });
  await expect(heatmap.getByRole("row").nth(1)).toContainText("100%");
  // Columns say how much later; a cell's details are reached by keyboard: Tab lands on the first cell, the
  // arrow keys move, and the details show below the grid (and are read with the cell).
  const grid = heatmap.getByRole("grid");
  await expect(grid.getByRole("columnheader", { name: "1 month later" })).toBeVisible();
  await heatmap.getByRole("button", { name: "Download CSV" }).focus();
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toContainText("(First month)");
  await page.keyboard.press("ArrowRight");
  await expect(page.locator(":focus")).toContainText(
    /Cohort \d{4}-\d{2} \(\d+ accounts\), \d{4}-\d{2} \(1 month later\)/,
  );
  await expect(heatmap.getByTestId("heatmap-detail")).toContainText("(1 month later)");
  // The cumulative view: who came back within N months.
  await heatmap.getByRole("button", { name: "Came back" }).click();
  const cameBack = page.getByRole("region", { name: /came back within N periods/ });
  await expect(cameBack.getByRole("columnheader", { name: "Within 3 months" })).toBeVisible();
  await cameBack.getByRole("button", { name: "Revenue" }).click();
  const revenue = page.getByRole("region", { name: /Cohort revenue in later periods/ });
  await expect(revenue).toBeVisible();

  const download = page.waitForEvent("download");
  await revenue.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^cohorts-month-.*\.csv$/);
  const csv = await readFile((await file.path()) as string, "utf8");
  expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
    "cohort,cohort_size,offset,period,accounts_ordering,retention,revenue_usd,revenue_retention,came_back_so_far,came_back_share",
  );
  expect(csv.split("\r\n").length).toBeGreaterThan(2);

  await nav.getByRole("link", { name: "Ladder over time" }).click();
  await expect(
    page.getByRole("region", { name: "Accounts per rung at the end of each period" }),
  ).toBeVisible();
});

test("an account manager gets the forbidden page and the server refuses the executive trends", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await expect(
    page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Executive overview" }),
  ).toHaveCount(0);
  for (const path of ["/executive", "/executive/cohorts", "/executive/ladder"]) {
    await page.goto(path);
    await expect(page.getByText("Your role does not allow this.")).toBeVisible();
  }
  const response = await page.request.get("/api/trpc/executive.cohorts");
  expect(response.status()).toBe(403);
});
