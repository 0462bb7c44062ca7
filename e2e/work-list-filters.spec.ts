// The work lists keep their filters in the URL (#12 §5): a reload keeps the filter chosen, and Back returns to
// the filter chosen before (each choice is a history entry), as the accounts and deals lists do.
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
