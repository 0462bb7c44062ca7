// /setup (issue #16 and #10 §1) exists only while the database has no user, so the main e2e server (the demo
// company) answers 404 there. This spec starts a server of its own on an empty temp database (SEED_DEMO=0, the
// already-built app, scripts/serve.ts as `npm start` runs it) on the main e2e port + 100 (E2E_SETUP_PORT to
// choose another): axe finds no serious or critical WCAG 2.1 AA violation on /setup in English and Chinese (the
// empty form and the form sent empty), then the first admin is created and signed in, and /setup answers 404.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { e2eEnv, migrate, startServer } from "../scripts/e2e-server.mjs";
import { axeFindings } from "./axe";
import { expect, test } from "./fixtures";

const port = Number(process.env.E2E_SETUP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 100);

test.describe.configure({ mode: "serial", timeout: 120_000 });

let dataDir = "";
let origin = "";
let stop: () => Promise<void> = async () => {};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = mkdtempSync(path.join(tmpdir(), "ladder-setup-e2e-"));
  const env = e2eEnv({ port, dbFile: path.join(dataDir, "ladder.db"), extra: { SEED_DEMO: "0" } });
  expect(migrate(env, "pipe"), "migrating the empty database").toBe(0);
  ({ origin, stop } = await startServer(env));
});

test.afterAll(async () => {
  await stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openSetup(browser: Browser, lang: "en" | "zh"): Promise<Page> {
  const context = await browser.newContext({
    baseURL: origin,
    locale: lang === "zh" ? "zh-CN" : "en-US",
    viewport: { width: 1280, height: 800 },
  });
  await context.addCookies([{ name: "ladder_locale", value: lang, url: origin }]);
  const page = await context.newPage();
  const response = await page.goto("/setup");
  expect(response?.status(), "/setup answers on an empty database").toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", lang === "zh" ? "zh-CN" : "en");
  return page;
}

for (const lang of ["en", "zh"] as const) {
  test(`/setup has no serious or critical WCAG 2.1 AA violation (${lang === "zh" ? "中文" : "English"})`, async ({
    browser,
  }) => {
    const page = await openSetup(browser, lang);
    await expect(
      page.getByRole("heading", { name: lang === "zh" ? "设置 Ladder CRM" : "Set up Ladder CRM" }),
    ).toBeVisible();
    expect(await axeFindings(page, `/setup in ${lang}`), `axe on /setup in ${lang}`).toEqual([]);
    // The form sent empty: each field's error tied to it and announced.
    await page.locator("form button[type=submit]").click();
    await expect(page.locator("[aria-invalid=true]").first()).toBeVisible();
    expect(
      await axeFindings(page, `/setup (errors shown) in ${lang}`),
      `axe on /setup (errors) in ${lang}`,
    ).toEqual([]);
    await page.context().close();
  });
}

test("the first admin is created on /setup and signed in; then /setup answers 404", async ({ browser }) => {
  const page = await openSetup(browser, "en");
  await page.getByRole("textbox", { name: "Your name" }).fill("Ada Admin");
  await page.getByRole("textbox", { name: "Email" }).fill("ada@example.com");
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("first-admin-pass-1");
  await page.getByRole("textbox", { name: "Type it again" }).fill("first-admin-pass-1");
  await page.getByRole("button", { name: "Create the admin account" }).click();
  await page.waitForURL((url) => url.pathname !== "/setup" && !url.pathname.startsWith("/sign-in"));
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  const again = await page.goto("/setup");
  expect(again?.status()).toBe(404);
  // Signed out too: nobody can create a second first admin.
  expect((await fetch(`${origin}/setup`)).status).toBe(404);
  await page.context().close();
});
