import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "ladder-demo";

export const DEMO = {
  admin: "admin@ladder.demo",
  manager: "manager@ladder.demo",
  otherManager: "sam@ladder.demo",
  lead: "lead@ladder.demo",
  agent: "agent@ladder.demo",
  executive: "exec@ladder.demo",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** A name no other test run has used, so tests seed their own data and never collide. */
export function unique(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

export const test = base;
export { expect };
