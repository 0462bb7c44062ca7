import { readFileSync } from "node:fs";
import { DEMO, expect, signIn, test } from "./fixtures";

test("a sales lead changes the segment of two accounts, sees the count, and exports them to CSV", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/accounts?segment=Retail");
  await expect(page.getByText(/\d+ accounts match/)).toBeVisible();

  const rows = page.getByRole("row");
  const first = (await rows.nth(1).getByRole("link").textContent()) ?? "";
  await rows.nth(1).getByRole("checkbox").check();
  await rows.nth(2).getByRole("checkbox").check();
  const bar = page.getByRole("region", { name: "Bulk changes" });
  await expect(bar).toContainText("2 accounts selected");
  await bar.getByLabel("Change").selectOption("segment");
  await bar.getByLabel("New segment").fill("批量 Bulk");
  await bar.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByRole("status")).toHaveText("2 accounts changed.");

  await page.goto(`/accounts?segment=${encodeURIComponent("批量 Bulk")}`);
  await expect(page.getByText("2 accounts match")).toBeVisible();
  await expect(page.getByRole("link", { name: first, exact: true })).toBeVisible();

  const csv = await page.request.get(`/api/export/accounts?segment=${encodeURIComponent("批量 Bulk")}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").trimEnd().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines.slice(1).every((l) => l.includes(",批量 Bulk,"))).toBe(true);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    `/api/export/accounts?segment=${encodeURIComponent("批量 Bulk").replaceAll("%20", "+")}`,
  );
});

test("an account manager may set levels in bulk but not assign owners", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.goto("/accounts?owner=me");
  await page.getByRole("row").nth(1).getByRole("checkbox").check();
  const bar = page.getByRole("region", { name: "Bulk changes" });
  await expect(bar.getByLabel("Change").locator("option")).toHaveText(["Level", "Segment", "Rung"]);
});

test("a sales lead qualifies a suspect as a prospect in bulk, with a reason, and exports the ticked rows", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page.goto("/accounts?rung=suspect");
  const row = page.getByRole("row").nth(1);
  const name = (await row.getByRole("link").textContent()) ?? "";
  await row.getByRole("checkbox").check();
  const bar = page.getByRole("region", { name: "Bulk changes" });
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    bar.getByRole("link", { name: "Export the selected to CSV" }).click(),
  ]);
  const lines = readFileSync((await file.path()) as string, "utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(",suspect,");

  await bar.getByLabel("Change").selectOption("rung");
  await expect(bar.getByLabel("New rung").locator("option")).toHaveText([
    "Choose…",
    "Suspect",
    "Prospect",
    "Disqualified",
  ]);
  await bar.getByLabel("New rung").selectOption("prospect");
  await expect(bar.getByRole("button", { name: "Apply to selected" })).toBeDisabled();
  await bar.getByLabel("Reason").fill("Met them at the trade fair");
  await bar.getByRole("button", { name: "Apply to selected" }).click();
  await expect(page.getByRole("status")).toHaveText("1 account changed.");
  await page.goto(`/accounts?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row").filter({ hasText: name }).first()).toContainText("Prospect");
});
