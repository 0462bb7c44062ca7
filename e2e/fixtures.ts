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

type Goto = Page["goto"];
type Reload = Page["reload"];
const patched = new WeakSet<object>();

/**
 * Every page's goto and reload wait for the app to hydrate (html[data-hydrated], set by the root provider's
 * effect) when the answer is an HTML page: on a fast machine a test otherwise types into server-rendered inputs
 * that hydration then resets (a search box left empty, '365' + '400' in a number field). Patched on the Page
 * prototype so pages from browser.newPage() wait too.
 */
function waitForHydration(page: Page) {
  const proto = Object.getPrototypeOf(page) as Page;
  if (patched.has(proto)) return;
  patched.add(proto);
  const afterLoad = async (self: Page, response: Awaited<ReturnType<Goto>>) => {
    const type = response?.headers()["content-type"] ?? "";
    if (type.includes("text/html")) await self.locator("html[data-hydrated]").waitFor({ state: "attached" });
    return response;
  };
  const goto = proto.goto;
  proto.goto = async function (this: Page, ...args: Parameters<Goto>) {
    return afterLoad(this, await goto.apply(this, args));
  };
  const reload = proto.reload;
  proto.reload = async function (this: Page, ...args: Parameters<Reload>) {
    return afterLoad(this, await reload.apply(this, args));
  };
}

export const test = base.extend<Record<never, never>, { hydrationWait: undefined }>({
  hydrationWait: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      waitForHydration(await context.newPage());
      await context.close();
      await use(undefined);
    },
    { scope: "worker", auto: true },
  ],
});
export { expect };
