import { DEMO, expect, signIn, test, unique } from "./fixtures";

test("every page has a favicon", async ({ page }) => {
  await page.goto("/sign-in");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  expect((await page.request.get(href ?? "")).status()).toBe(200);
  expect((await page.request.get("/favicon.ico")).status()).toBe(200);
});

test("the audit log reads in words: no raw action names, no empty rows for saves that changed nothing", async ({
  page,
}) => {
  const name = unique("Audit Harbor");
  await signIn(page, DEMO.admin);
  await page.goto("/accounts/new");
  await page.getByRole("textbox", { name: /^Name/ }).fill(name);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop();

  // Renamed once, then saved again without a change.
  let current = name;
  for (const next of [`${name} Ltd`, `${name} Ltd`]) {
    await page.goto(`/accounts/${id}/edit`);
    // Filled only once the form is hydrated with the saved name (a fill before that was lost or doubled).
    await page.waitForLoadState("networkidle");
    const box = page.getByRole("textbox", { name: /^Name/ });
    await expect(box).toHaveValue(current);
    await box.fill(next);
    await expect(box).toHaveValue(next);
    current = next;
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: next })).toBeVisible();
  }

  await page.goto("/admin/audit");
  const rows = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Account #${id}` }) });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Account edited");
  // "old → new" on screen; a screen reader hears "old, new" (the arrow is hidden from it).
  await expect(rows.nth(0)).toContainText(`Name: ${name} → , ${name} Ltd`);
  await expect(rows.nth(1)).toContainText("Account created");
  await expect(page.getByText("No field changes")).toHaveCount(0);
  await expect(page.getByText("account.update")).toHaveCount(0);
});
