import { DEMO, expect, signIn, test } from "./fixtures";

const WANG_FANG = "wang.fang@ladder.demo";

test("system-written text reads in the reader's language: task titles in English, segments in Chinese", async ({
  page,
  browser,
}) => {
  // An English reader: no Chinese system text among the follow-ups.
  await signIn(page, DEMO.manager);
  await page.goto("/follow-ups");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const english = (await page.locator("main").textContent()) ?? "";
  for (const chinese of ["保住业务", "赢回：", "定期联系", "售后回访电话"])
    expect(english).not.toContain(chinese);

  // A Chinese reader (王芳's saved language is Chinese): segments by their Chinese label.
  const zh = await browser.newContext({ locale: "zh-CN" });
  const wang = await zh.newPage();
  await wang.goto("/sign-in");
  await wang.getByLabel(/邮箱|Email/).fill(WANG_FANG);
  await wang.getByLabel(/密码|Password/).fill("ladder-demo");
  await wang.getByRole("button", { name: /登录|Sign in/ }).click();
  await wang.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await wang.goto("/accounts?owner=u-am-2");
  const table = wang.getByRole("table");
  await expect(table).toBeVisible();
  // The segment column only (account names such as "Windmill Manufacturing plc" are the company's own).
  const segments = await table.evaluate((t) => {
    const headers = [...t.querySelectorAll("thead th")].map((th) => th.textContent?.trim());
    const column = headers.indexOf("细分市场");
    return [...t.querySelectorAll("tbody tr")].map((tr) => tr.children[column]?.textContent?.trim() ?? "");
  });
  expect(segments.length).toBeGreaterThan(0);
  // The demo's segments read in Chinese; a segment someone typed in another spec (e.g. a bulk change) is
  // shown as typed, so only the demo's English names must not appear.
  expect(segments.some((s) => /^(零售|制造业|酒店餐饮|医疗健康|教育|公共部门|个人消费者)$/.test(s))).toBe(
    true,
  );
  for (const segment of segments)
    expect(segment).not.toMatch(
      /^(Retail|Manufacturing|Hospitality|Healthcare|Education|Public sector|Consumer)$/,
    );
  await wang.goto("/follow-ups");
  const follow = (await wang.locator("main").textContent()) ?? "";
  for (const englishTitle of ["Regular contact (every", "Check-in call after order", "Keep the business:"])
    expect(follow).not.toContain(englishTitle);
  await zh.close();
});

test("an admin gives a segment its own Chinese label and a Chinese reader sees it", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/settings");
  const row = page.getByRole("form", { name: "Labels of Education" });
  await row.getByLabel("Chinese").fill("教育培训");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("status")).toHaveText("Saved.");

  const zh = await browser.newContext({ locale: "zh-CN" });
  const wang = await zh.newPage();
  await wang.goto("/sign-in");
  await wang.getByLabel(/邮箱|Email/).fill(WANG_FANG);
  await wang.getByLabel(/密码|Password/).fill("ladder-demo");
  await wang.getByRole("button", { name: /登录|Sign in/ }).click();
  await wang.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  await wang.goto("/accounts?segment=Education");
  await expect(wang.getByRole("table").getByText("教育培训").first()).toBeVisible();
  await zh.close();
});
