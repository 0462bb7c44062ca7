import { DEMO, expect, signIn, test, unique } from "./fixtures";

// One keystroke to anything, and lists that keep their filters (issue #12 §5).

test("a manager reaches an account and logs a call from the keyboard alone (Ctrl+K)", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/accounts?owner=u-am-1");
  const first = page.getByRole("table").getByRole("link").first();
  const name = ((await first.textContent()) ?? "").trim();

  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Search and act" });
  const box = palette.getByRole("combobox");
  await expect(box).toHaveAccessibleName("Search accounts, contacts, deals and complaints");
  await expect(box).toBeFocused();
  await box.fill(name.slice(0, 6));
  const option = palette.getByRole("option", {
    name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
  });
  await expect(option).toBeVisible();
  // Walk to it with the arrows (it may not be the first hit), then → for its actions.
  for (let i = 0; i < 20 && (await option.getAttribute("aria-selected")) !== "true"; i++) {
    await box.press("ArrowDown");
  }
  await expect(option).toHaveAttribute("aria-selected", "true");
  await box.press("ArrowRight");
  await expect(palette.getByRole("listbox", { name: "Actions" })).toBeVisible();
  await expect(box).toHaveAccessibleName(`Choose what to do with ${name}`);
  await expect(palette.getByRole("option")).toHaveText([
    `Open ${name}`,
    "Log a call",
    "New task",
    "New deal",
    "Record a complaint",
  ]);
  await box.press("ArrowDown");
  await expect(palette.getByRole("option", { name: "Log a call" })).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\?do=call$/);
  const summary = page.getByRole("form", { name: "Log an activity" }).getByLabel("Summary");
  await expect(summary).toBeFocused();
  await summary.fill(unique("Called from the palette"));
  await page.getByRole("button", { name: "Log activity" }).click();
  await expect(page.getByText("Activity logged")).toBeVisible();
});

test("a service agent opens a complaint by typing the start of its reference", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.goto("/complaints");
  const link = page.getByRole("link", { name: /^C-[A-Z2-9]{4}-[A-Z2-9]{4}$/ }).first();
  const reference = ((await link.textContent()) ?? "").trim();

  await page.getByRole("button", { name: /Search…/ }).click();
  const box = page.getByRole("dialog", { name: "Search and act" }).getByRole("combobox");
  await box.fill(reference.slice(2, 7).toLowerCase());
  await expect(page.getByRole("option", { name: new RegExp(reference) })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /result/ })).toBeVisible();
  await box.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
});

test("the deals filters survive a visit and Back, and a saved view brings them back later", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/deals");
  await page.getByLabel("Status").selectOption({ label: "Won" });
  await expect(page).toHaveURL(/status=won/);
  const deal = page.getByRole("table").getByRole("link").first();
  await expect(deal).toBeVisible();
  await deal.click();
  await expect(page).toHaveURL(/\/deals\/\d+$/);
  await page.goBack();
  await expect(page).toHaveURL(/status=won/);
  await expect(page.getByLabel("Status")).toHaveValue("won");

  const viewName = unique("Won deals");
  await page.getByRole("button", { name: "Save view…" }).click();
  await page.getByLabel("Name of this view").fill(viewName);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(`Saved “${viewName}”.`)).toBeVisible();

  await page.goto("/deals");
  await expect(page.getByLabel("Status")).toHaveValue("");
  await page.getByLabel("Saved views").selectOption({ label: viewName });
  await expect(page).toHaveURL(/status=won/);
  await expect(page.getByLabel("Status")).toHaveValue("won");
});

test("the accounts list sorts from its column headers, kept in the URL", async ({ page }) => {
  await signIn(page, DEMO.lead);
  await page.goto("/accounts");
  const revenue = page.getByRole("columnheader", { name: /Revenue/ });
  await expect(revenue).toHaveAttribute("aria-sort", "none");
  await revenue.getByRole("button").click();
  await expect(page).toHaveURL(/sort=revenue/);
  await expect(revenue).toHaveAttribute("aria-sort", "descending");
  await revenue.getByRole("button").click();
  await expect(page).toHaveURL(/sort=revenue&dir=asc/);
  await expect(revenue).toHaveAttribute("aria-sort", "ascending");
  await page.reload();
  await expect(page.getByRole("columnheader", { name: /Revenue/ })).toHaveAttribute("aria-sort", "ascending");
});
