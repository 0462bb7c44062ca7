// CSV exports of the lists (issue #10 §4): the "Export CSV" link on a list downloads what the list shows,
// with its filters, for the person signed in.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test } from "./fixtures";

/** Clicks the link and returns the downloaded file's lines (byte-order mark checked and dropped). */
async function download(page: Page, name: string): Promise<{ file: string; lines: string[] }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  const bytes = readFileSync((await file.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return { file: file.suggestedFilename(), lines: bytes.toString("utf8").slice(1).trimEnd().split("\r\n") };
}

test("a sales lead downloads the won deals and the lapsed accounts to win back, as the lists filter them", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/deals?status=won");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    "/api/export/deals?status=won",
  );
  const deals = await download(page, "Export CSV");
  expect(deals.file).toMatch(/^deals-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(deals.lines[0]).toBe(
    "Deal,Account,Owner,Stage,Status,Amount,Expected close,Created,Closed,Owner's reason,Reviewed",
  );
  expect(deals.lines.length).toBeGreaterThan(1);
  // Every row is a won deal, its amount in currency units.
  for (const line of deals.lines.slice(1)) expect(line).toMatch(/,won,\d+(\.\d{1,2})?,/);

  await page.goto("/win-back");
  await page.getByLabel("Status").selectOption("lapsed");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    "/api/export/win-back?status=lapsed",
  );
  const winback = await download(page, "Export CSV");
  expect(winback.lines[0]?.startsWith("Account,Status,Rung,Lost reason,Last order,")).toBe(true);
  expect(winback.lines.length).toBeGreaterThan(1);
  for (const line of winback.lines.slice(1)) expect(line).toContain(",lapsed,");
});

test("an account manager downloads their follow-ups; the audit log is refused to them, a bad link explained", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/follow-ups");
  const tasks = await download(page, "Export CSV");
  expect(tasks.lines[0]).toBe("Task,Account,Rung,Due,Days overdue");
  expect(tasks.lines.length).toBeGreaterThan(1);
  const refused = await page.request.get("/api/export/audit");
  expect(refused.status()).toBe(403);
  const notAList = await page.request.get("/api/export/passwords");
  expect(notAList.status()).toBe(404);
  const badFilter = await page.request.get("/api/export/levels?gap=9");
  expect(badFilter.status()).toBe(400);
});
