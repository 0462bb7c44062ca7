import { DEMO, expect, signIn, test, unique } from "./fixtures";

test("an executive runs the service what-if on the company's figures and saves a scenario", async ({
  page,
}) => {
  await signIn(page, DEMO.executive);
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Service what-if" })
    .click();
  const baseline = page.getByRole("group", { name: "Baseline" });
  const scenario = page.getByRole("group", { name: "Scenario" });
  // Literature defaults: 10,000 customers, 25% with a problem, 4% of them complain.
  await expect(baseline.getByLabel("Customers", { exact: true })).toHaveValue("10000");
  const results = page.getByRole("region", { name: "Customers and revenue lost to problems" });
  await expect(results).toContainText("Won back by the scenario");

  await page.getByRole("button", { name: "Use our figures" }).click();
  await expect(page.getByText("come from this company's data")).toBeVisible();
  await expect(baseline.getByLabel("Customers", { exact: true })).not.toHaveValue("10000");

  // An outcome mix that does not add up is called out.
  const mix = scenario.getByRole("group", { name: "How complaints ended (%)" });
  await mix.getByLabel("Resolved quickly", { exact: true }).fill("90");
  await expect(scenario.getByRole("alert")).toContainText("not 100%");
  await mix.getByLabel("Resolved quickly", { exact: true }).fill("50");
  await expect(scenario.getByRole("alert")).toHaveCount(0);

  const name = unique("Free hotline");
  await page.getByLabel("Scenario name").fill(name);
  await page.getByRole("button", { name: "Save the scenario" }).click();
  await expect(page.getByText("Scenario saved.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Saved scenarios" }).getByText(name)).toBeVisible();
});

test("an account manager has no what-if and the server refuses its procedures", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/executive/what-if");
  await expect(page.getByRole("group", { name: "Baseline" })).toHaveCount(0);
  const response = await page.request.get("/api/trpc/executive.scenarios");
  expect(response.status()).toBe(403);
});

test("an executive sees lifetime value by rung and by level, with the table behind the chart", async ({
  page,
}) => {
  await signIn(page, DEMO.executive);
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Lifetime value" })
    .click();
  const byRung = page.getByRole("region", { name: "Lifetime value by rung" });
  await expect(byRung.getByText(/Expected lifetime = 1 ÷ yearly defection/)).toBeVisible();
  await byRung.getByRole("button", { name: "Show as table" }).click();
  const repeat = byRung.getByRole("row", { name: /Repeat customer/ });
  expect(Number((await repeat.getByRole("cell").first().textContent())?.replace(/\D/g, ""))).toBeGreaterThan(
    0,
  );
  await expect(page.getByRole("region", { name: "Lifetime value by relationship level" })).toBeVisible();
});
