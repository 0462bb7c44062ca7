// Every list keeps its filters in the URL (#12 §5, §1 of the everyday work): a reload keeps the filter chosen,
// and Back returns to the filter chosen before (each choice is a history entry, app/_lib/use-url-view.ts) rather
// than leaving the page. A search box is one step however it was typed (app/_lib/use-search-box.ts).
import { DEMO, expect, signIn, test } from "./fixtures";

test("win-back: the status filter survives a reload, and Back returns to the one before", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/win-back");
  const status = page.getByLabel("Status");
  await status.selectOption("lapsed");
  await expect(page).toHaveURL(/\/win-back\?status=lapsed$/);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    "/api/export/win-back?status=lapsed",
  );
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("lapsed");
  await expect(page.getByRole("table").getByText("Lost", { exact: true })).toHaveCount(0);

  await page.getByLabel("Status").selectOption("lost");
  await expect(page).toHaveURL(/status=lost$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/win-back\?status=lapsed$/);
  await expect(page.getByLabel("Status")).toHaveValue("lapsed");
});

test("overdue contacts: the owner chosen survives a reload, and Back returns to the one before", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/overdue");
  const owner = page.getByLabel("Owner");
  await expect(owner).toHaveValue("all");
  await owner.selectOption({ index: 1 });
  const first = await owner.inputValue();
  await expect(page).toHaveURL(`/overdue?owner=${first}`);
  await page.reload();
  await expect(page.getByLabel("Owner")).toHaveValue(first);

  await page.getByLabel("Owner").selectOption({ index: 2 });
  const second = await page.getByLabel("Owner").inputValue();
  await expect(page).toHaveURL(`/overdue?owner=${second}`);
  await page.goBack();
  await expect(page).toHaveURL(`/overdue?owner=${first}`);
  await expect(page.getByLabel("Owner")).toHaveValue(first);
  await page.goBack();
  await expect(page.getByLabel("Owner")).toHaveValue("all");
});

test("levels: the gap chosen survives a reload, and Back returns to it after choosing all", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/levels");
  const gaps = page.getByRole("group", { name: "Levels apart" });
  const gap = gaps.getByRole("button", { name: /^\d levels?: [1-9]/ }).first();
  const name = (await gap.textContent()) ?? "";
  const levels = name.slice(0, 1);
  await gap.click();
  await expect(page).toHaveURL(`/levels?gap=${levels}`);
  await expect(gaps.getByRole("button", { name })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(gaps.getByRole("button", { name })).toHaveAttribute("aria-pressed", "true");
  const table = page.getByRole("table", {
    name: "Accounts whose practised level differs from the recommendation",
  });
  const shown = await table.locator("tbody tr td:nth-child(4)").allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  expect(new Set(shown)).toEqual(new Set([levels]));

  await gaps.getByRole("button", { name: /^All \(\d+\)$/ }).click();
  await expect(page).toHaveURL("/levels");
  await page.goBack();
  await expect(page).toHaveURL(`/levels?gap=${levels}`);
  await expect(gaps.getByRole("button", { name })).toHaveAttribute("aria-pressed", "true");
});

test("audit log: the record type survives a reload, and Back returns to the one before", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/audit");
  await page.getByLabel("Record type").selectOption("deal");
  await expect(page).toHaveURL("/admin/audit?entity=deal");
  await page.reload();
  await expect(page.getByLabel("Record type")).toHaveValue("deal");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    "/api/export/audit?entity=deal",
  );

  await page.getByLabel("Record type").selectOption("user");
  await expect(page).toHaveURL("/admin/audit?entity=user");
  await page.goBack();
  await expect(page).toHaveURL("/admin/audit?entity=deal");
  await expect(page.getByLabel("Record type")).toHaveValue("deal");
});

test("accounts: Back steps through the filters chosen, and a search typed in two goes is one step", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/accounts");
  await page.getByLabel("Status").selectOption("lapsed");
  await expect(page).toHaveURL("/accounts?status=lapsed");
  const search = page.getByLabel("Search by name");
  await search.fill("a");
  await expect(page).toHaveURL("/accounts?q=a&status=lapsed");
  await search.fill("an");
  await expect(page).toHaveURL("/accounts?q=an&status=lapsed");
  await page.reload();
  await expect(page.getByLabel("Search by name")).toHaveValue("an");
  await expect(page.getByLabel("Status")).toHaveValue("lapsed");

  await page.goBack();
  await expect(page).toHaveURL("/accounts?status=lapsed");
  await expect(page.getByLabel("Search by name")).toHaveValue("");
  await expect(page.getByLabel("Status")).toHaveValue("lapsed");
  await page.goBack();
  await expect(page).toHaveURL("/accounts");
  await expect(page.getByLabel("Status")).toHaveValue("");
});

test("deals: Back returns to the status chosen before the search, then to none", async ({ page }) => {
  await signIn(page, DEMO.lead);
  await page.goto("/deals");
  await page.getByLabel("Status").selectOption("won");
  await expect(page).toHaveURL(/\/deals\?status=won$/);
  await page.getByLabel("Search title or account").fill("a");
  await expect(page).toHaveURL(/\/deals\?status=won&q=a$/);
  await page.reload();
  await expect(page.getByLabel("Search title or account")).toHaveValue("a");

  await page.goBack();
  await expect(page).toHaveURL(/\/deals\?status=won$/);
  await expect(page.getByLabel("Search title or account")).toHaveValue("");
  await expect(page.getByLabel("Status")).toHaveValue("won");
  await page.goBack();
  await expect(page).toHaveURL(/\/deals$/);
  await expect(page.getByLabel("Status")).toHaveValue("");
});

test("feedback: the tab, the kind and the words searched are each a step Back returns through", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/feedback/items");
  const tab = (name: string) => page.getByRole("tab", { name });
  await tab("Waiting for action").click();
  await expect(page).toHaveURL("/feedback/items?view=waiting");
  await page.getByLabel("Kind", { exact: true }).selectOption("problem");
  await expect(page).toHaveURL("/feedback/items?view=waiting&sentiment=problem");
  await page.getByLabel("Search the customer's words").fill("late");
  await page.getByLabel("Search the customer's words").press("Enter");
  await expect(page).toHaveURL("/feedback/items?view=waiting&sentiment=problem&q=late");
  await page.reload();
  await expect(page.getByLabel("Search the customer's words")).toHaveValue("late");
  await expect(tab("Waiting for action")).toHaveAttribute("aria-selected", "true");

  await page.goBack();
  await expect(page).toHaveURL("/feedback/items?view=waiting&sentiment=problem");
  await expect(page.getByLabel("Search the customer's words")).toHaveValue("");
  await page.goBack();
  await expect(page.getByLabel("Kind", { exact: true })).toHaveValue("");
  await page.goBack();
  await expect(page).toHaveURL("/feedback/items");
  await expect(tab("All feedback")).toHaveAttribute("aria-selected", "true");
});

test("complaints: Back returns to the department and the queue chosen before", async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.goto("/complaints");
  const tab = (name: string) => page.getByRole("tab", { name });
  await tab("Unassigned").click();
  await expect(page).toHaveURL("/complaints?queue=unassigned");
  await tab("Department queue").click();
  await expect(page).toHaveURL("/complaints?queue=department&department=customer_service");
  await page.getByLabel("Department", { exact: true }).selectOption("logistics");
  await expect(page).toHaveURL("/complaints?queue=department&department=logistics");
  await page.reload();
  await expect(page.getByLabel("Department", { exact: true })).toHaveValue("logistics");

  await page.goBack();
  await expect(page).toHaveURL("/complaints?queue=department&department=customer_service");
  await expect(page.getByLabel("Department", { exact: true })).toHaveValue("customer_service");
  await page.goBack();
  await expect(page).toHaveURL("/complaints?queue=unassigned");
  await expect(tab("Unassigned")).toHaveAttribute("aria-selected", "true");
});

test("feedback dashboard: each filter is a step Back returns from, and the figures follow it", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/feedback");
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Relationship level").selectOption("accountable");
  await expect(page).toHaveURL(/\/feedback\?level=accountable$/);
  await filters.getByLabel("Interface (themes)").selectOption({ label: "Customer service" });
  await expect(page.getByRole("region", { name: "Feedback themes through Customer service" })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/feedback\?level=accountable$/);
  await expect(filters.getByLabel("Interface (themes)")).toHaveValue("");
  await expect(page.getByRole("region", { name: "Feedback themes", exact: true })).toBeVisible();
  await page.goBack();
  await expect(filters.getByLabel("Relationship level")).toHaveValue("");
  await page.reload();
  await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Relationship level")).toHaveValue("");
});

test("ladder board: the owner chosen survives a reload, and Back returns to every owner", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/ladder");
  const owner = page.getByLabel("Owner");
  await owner.selectOption({ index: 1 });
  const chosen = await owner.inputValue();
  await expect(page).toHaveURL(`/ladder?owner=${chosen}`);
  await page.reload();
  await expect(page.getByLabel("Owner")).toHaveValue(chosen);
  await page.goBack();
  await expect(page).toHaveURL("/ladder");
  await expect(page.getByLabel("Owner")).toHaveValue("");
});

test("advocates: the 'mine only' switch is a step Back returns from", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/feedback/advocates");
  const mine = page.getByRole("checkbox");
  await expect(mine).toBeChecked();
  await mine.uncheck();
  await expect(page).toHaveURL("/feedback/advocates?mine=0");
  await page.goBack();
  await expect(page).toHaveURL("/feedback/advocates");
  await expect(page.getByRole("checkbox")).toBeChecked();
});
