import { DEMO, expect, signIn, test } from "./fixtures";

// Issue #12 §1: a page answers with its data in its own response. A dashboard whose figures must be computed
// streams them (header first, figures as soon as they are computed), so this checks the whole response: it
// already holds the figures, and the browser asks the server for none of them again. Viewed again with nothing
// written since, the figures come from the report cache inside the page's shell, with no streamed part (React
// shows a streamed part no sooner than 300 ms after the shell: app/_trpc/server.tsx, Streamed).

const DASHBOARDS = [
  { who: DEMO.agent, url: "/complaints/dashboard", text: "Repurchase by outcome" },
  { who: DEMO.lead, url: "/win-loss", text: "Win rate over time" },
  { who: DEMO.lead, url: "/feedback", text: "Net Promoter Score per month" },
  { who: DEMO.executive, url: "/executive", text: "Repeat-purchase retention" },
  { who: DEMO.executive, url: "/executive/cohorts", text: "Share of each cohort ordering in later periods" },
  { who: DEMO.executive, url: "/executive/value", text: "Lifetime value by rung" },
  { who: DEMO.manager, url: "/reports/ladder", text: "Accounts and revenue per rung now" },
] as const;

for (const { who, url, text } of DASHBOARDS) {
  test(`${url} answers with its figures in its own response and fetches none again`, async ({ page }) => {
    await signIn(page, who);
    const html = await (await page.request.get(url)).text();
    // The figures' data is in the response (React Query's dehydrated state, streamed in after the header).
    expect(html).toContain(text);
    expect(html).toMatch(/dehydratedAt/);
    expect(html).not.toMatch(/status[\\"]+:[\\"]+(error|pending)/);

    // Again: in its shell (a background job's write or the minute turning may make one more view compute).
    let inShell = false;
    for (let i = 0; i < 3 && !inShell; i++) {
      const again = await (await page.request.get(url)).text();
      expect(again).toContain(text);
      inShell = !again.includes("<!--$?-->");
    }
    expect(inShell).toBe(true);

    const fetched: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/trpc/")) fetched.push(request.url());
    });
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText(text).first()).toBeVisible();
    expect(fetched).toEqual([]);
  });
}

test("the account page arrives whole: deals, complaints, activities, level and tasks without a second request", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/accounts");
  const href = await page.getByRole("table").getByRole("link").first().getAttribute("href");
  expect(href).toMatch(/^\/accounts\/\d+$/);
  const fetched: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/trpc/")) fetched.push(request.url());
  });
  await page.goto(href as string);
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tasks" })).toBeVisible();
  expect(fetched).toEqual([]);
});

// Every other main page, as its usual role: nothing is fetched again once the page has loaded.
const PAGES = [
  {
    who: DEMO.manager,
    urls: ["/follow-ups", "/accounts", "/ladder", "/deals", "/overdue", "/win-back", "/levels"],
  },
  {
    who: DEMO.manager,
    urls: ["/reports/ladder", "/feedback/items", "/feedback/answers", "/feedback/advocates", "/account"],
  },
  { who: DEMO.lead, urls: ["/win-loss/reviews", "/import"] },
  { who: DEMO.agent, urls: ["/complaints", "/complaints/new"] },
  { who: DEMO.executive, urls: ["/executive/ladder", "/executive/what-if"] },
  { who: DEMO.admin, urls: ["/admin/users", "/admin/settings", "/admin/api", "/admin/audit"] },
] as const;

for (const { who, urls } of PAGES) {
  test(`${urls.join(", ")} fetch nothing after they load`, async ({ page }) => {
    await signIn(page, who);
    const fetched: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/trpc/")) fetched.push(request.url().split("?")[0] ?? "");
    });
    for (const url of urls) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(fetched, url).toEqual([]);
    }
  });
}
