import { DEMO, expect, signIn, test } from "./fixtures";

test("a manager sees practised vs recommended on an account page and changes the practised level", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/levels");
  const table = page.getByRole("table", {
    name: "Accounts whose practised level differs from the recommendation",
  });
  // Largest stake first, with the count per gap as filters.
  await expect(
    page.getByRole("group", { name: "Levels apart" }).getByRole("button", { name: /^All \(\d+\)$/ }),
  ).toBeVisible();
  const stakes = (await table.locator("tbody tr td:nth-child(6)").allTextContents()).map((s) =>
    Number(s.replace(/[^0-9.]/g, "")),
  );
  expect(stakes.length).toBeGreaterThan(0);
  expect(stakes).toEqual([...stakes].sort((a, b) => b - a));
  await table.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/accounts\/\d+$/);
  const card = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Relationship level" }) });
  await expect(card.getByText("Practised", { exact: true })).toBeVisible();
  await expect(card.getByText("Recommended", { exact: true })).toBeVisible();
  await expect(
    card.getByText(/^The level practised is \d+ levels? (below|above) the recommendation\. At stake: /),
  ).toBeVisible();
  await expect(card.getByRole("region", { name: "Why this recommendation" })).toContainText("customers in");

  const select = card.getByLabel("Level practised");
  const current = await select.inputValue();
  const target = current === "partnership" ? "basic" : "partnership";
  await select.selectOption(target);
  await card.getByRole("button", { name: "Set level" }).click();
  const label = target === "partnership" ? "Partnership" : "Basic";
  await expect(card.getByRole("status")).toHaveText(`Level practised set to ${label}.`);
  await expect(card.getByTestId("level-practised")).toHaveText(label);
});

test("starting a win-back from the win-back list puts a task on the manager's follow-ups", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/win-back");
  const start = page.getByRole("button", { name: /^Start win-back for / }).first();
  const accessible = (await start.getAttribute("aria-label")) ?? "";
  const name = accessible.replace("Start win-back for ", "");
  await start.click();
  await expect(page.getByRole("status").filter({ hasText: "Win-back task created for" })).toContainText(name);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row.getByText("Win-back open")).toBeVisible();

  await page.goto("/follow-ups");
  const task = page.getByRole("row").filter({ hasText: "Win back this customer" }).filter({ hasText: name });
  // Cadence tasks come first (overdue, then by due date); page on until the new task shows.
  for (let i = 0; i < 20 && (await task.count()) === 0; i++) {
    const more = page.getByRole("button", { name: "Load more" });
    if ((await more.count()) === 0) break;
    await more.click();
    await page.waitForLoadState("networkidle");
  }
  await expect(task).toBeVisible();
});

test("an admin changes a setting, and an inconsistent one is refused beside its field", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/settings");
  const lapse = page.getByLabel("Days without an order before an account lapses");
  await lapse.fill("400");
  const lapseCard = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Lapse window" }) });
  await lapseCard.getByRole("button", { name: "Save" }).click();
  await expect(lapseCard.getByRole("status")).toHaveText("Lapse window saved.");
  await page.reload();
  await expect(page.getByLabel("Days without an order before an account lapses")).toHaveValue("400");

  await page.getByLabel("“Medium” customers from").fill("5000");
  const thresholds = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Level thresholds (Kotler's matrix)" }) });
  await thresholds.getByRole("button", { name: "Save" }).click();
  await expect(thresholds.getByRole("alert")).toHaveText("“Medium” must start below “many”.");
});

test("settings are not there for a manager", async ({ page }) => {
  await signIn(page, DEMO.manager);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Overdue contacts" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  const response = await page.goto("/admin/settings");
  expect(response?.status()).toBe(404);
});
