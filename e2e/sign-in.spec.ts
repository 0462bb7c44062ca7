import { DEMO, expect, signIn, test } from "./fixtures";

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.manager);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText(
    "Email or password is incorrect.",
  );
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signed-out visitors are sent to sign-in, and signing out ends the session", async ({ page }) => {
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, DEMO.manager);
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/accounts");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the navigation fits the role", async ({ page }) => {
  await signIn(page, DEMO.executive);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Accounts" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "My follow-ups" })).toHaveCount(0);
});

test("switching to 简体中文 changes the interface text and is remembered for the user", async ({
  page,
  context,
}) => {
  await signIn(page, DEMO.agent);
  await page.getByLabel("Language").selectOption("zh");
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "客户", exact: true }),
  ).toBeVisible();
  // Remembered per user: a fresh browser without the cookie still gets Chinese after signing in.
  await context.clearCookies();
  await signIn(page, DEMO.agent);
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});
