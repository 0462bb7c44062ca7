import { DEMO, expect, signIn, test } from "./fixtures";

test("an executive reads the ladder report: rungs, climbs and moves, as charts and tables, for a chosen period", async ({
  page,
}) => {
  await signIn(page, DEMO.executive);
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Ladder report" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Ladder report" })).toBeVisible();

  const rungs = page.getByRole("region", { name: "Accounts and revenue per rung now" });
  await expect(rungs.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await rungs.getByRole("button", { name: "Show as table" }).click();
  const rungTable = rungs.getByRole("table", { name: "Accounts and revenue per rung now" });
  await expect(rungTable.getByRole("rowheader", { name: "Repeat customer" })).toBeVisible();
  // The demo company has repeat customers: their row shows a count above zero.
  const repeatTotal = await rungTable
    .getByRole("row", { name: /Repeat customer/ })
    .getByRole("cell")
    .nth(3)
    .textContent();
  expect(Number(repeatTotal)).toBeGreaterThan(0);

  const climbs = page.getByRole("region", { name: "Climbing the ladder" });
  await climbs.getByRole("button", { name: "Show as table" }).click();
  await expect(climbs.getByRole("rowheader", { name: "First-time buyer → Repeat customer" })).toBeVisible();

  // A three-month period shows exactly three months of moves.
  await page.getByLabel("From (month)").fill("2026-01");
  await page.getByLabel("To (month, included)").fill("2026-03");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/from=2026-01&to=2026-04/);
  const moves = page.getByRole("region", { name: "Moves up, down and off the ladder" });
  await moves.getByRole("button", { name: "Show as table" }).click();
  await expect(moves.getByRole("table").getByRole("rowheader")).toHaveText(["2026-01", "2026-02", "2026-03"]);

  // A start after the end is refused in the form, and the report stays as it was.
  await page.getByLabel("From (month)").fill("2026-06");
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByText("Choose a start month before the end month")).toBeVisible();
  await expect(page).toHaveURL(/from=2026-01&to=2026-04/);
});
