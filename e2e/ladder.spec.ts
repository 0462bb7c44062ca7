import { DEMO, expect, signIn, test } from "./fixtures";

test("a manager promotes a repeat customer to member with evidence and sees it in the history", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/accounts?owner=u-am-1&rung=repeat&status=active");
  const first = page.getByRole("table").getByRole("link").first();
  const name = (await first.textContent())?.trim() ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  const ladder = page.getByRole("region", { name: "The ladder" });
  await expect(ladder.locator('[aria-current="step"]')).toContainText("Repeat customer");
  await ladder.getByRole("button", { name: "Record evidence…" }).click();
  const record = page.getByRole("dialog", { name: "Record evidence for a higher rung" });
  await record.getByLabel("Evidence").selectOption({ label: "Membership enrolment (member)" });
  // Without the programme the server refuses and says why; nothing moves.
  await record.getByLabel("Enrolled on").fill("2026-10-01");
  await record.getByRole("button", { name: "Save" }).click();
  await expect(record.getByText("Name the membership programme.")).toBeVisible();
  await record.getByLabel("Programme").fill("Gold Club");
  await record.getByRole("button", { name: "Save" }).click();
  await expect(
    ladder.getByText("Evidence recorded: confirm it to move the account to Member."),
  ).toBeVisible();

  await ladder.getByRole("button", { name: "Confirm move" }).click();
  const confirm = page.getByRole("dialog", { name: "Confirm the move to Member" });
  await confirm.getByLabel("Reason").fill("Enrolled at the autumn event");
  await confirm.getByRole("button", { name: "Confirm move" }).click();
  await expect(ladder.locator('[aria-current="step"]')).toContainText("Member");
  const history = page.getByRole("region", { name: "Ladder history" });
  await expect(history).toContainText("Repeat customer → Member");
  await expect(history).toContainText("Enrolled at the autumn event");
});

test("an executive sees the ladder but no move buttons, and the server refuses a direct move", async ({
  page,
}) => {
  await signIn(page, DEMO.executive);
  await page.goto("/accounts?rung=prospect");
  await page.getByRole("table").getByRole("link").first().click();
  const ladder = page.getByRole("region", { name: "The ladder" });
  await expect(ladder.locator('[aria-current="step"]')).toContainText("Prospect");
  await expect(ladder.getByText("Your role reads the ladder")).toBeVisible();
  await expect(ladder.getByRole("button")).toHaveCount(0);

  const id = Number(new URL(page.url()).pathname.split("/").pop());
  const response = await page.request.post("/api/trpc/ladder.move", {
    data: { json: { accountId: id, toRung: "suspect", reason: "Executive override" } },
  });
  expect(response.status()).toBe(403);
  await page.reload();
  await expect(ladder.locator('[aria-current="step"]')).toContainText("Prospect");
});

test("the ladder board counts every column, loads more, and moves an account from the board with a reason", async ({
  page,
}) => {
  await signIn(page, DEMO.lead);
  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "Ladder board" })
    .click();
  const repeat = page.getByRole("region", { name: "Repeat customer", exact: true });
  const countText = (await repeat.locator("header span").textContent()) ?? "";
  const repeatCount = Number(countText.replace(/\D/g, ""));
  expect(repeatCount).toBeGreaterThan(20);
  await expect(repeat.getByRole("listitem")).toHaveCount(20);
  await repeat.getByRole("button", { name: "Load more" }).click();
  await expect(repeat.getByRole("listitem")).toHaveCount(Math.min(40, repeatCount));

  const prospects = page.getByRole("region", { name: "Prospect", exact: true });
  const prospectCount = Number(
    ((await prospects.locator("header span").textContent()) ?? "").replace(/\D/g, ""),
  );
  const card = prospects.getByRole("listitem").first();
  const name = ((await card.getByRole("link").textContent()) ?? "").trim();
  await card.getByRole("button", { name: `Move ${name}…` }).press("Enter");
  const dialog = page.getByRole("dialog", { name: "Move this account" });
  await dialog.getByLabel("Move to").selectOption({ label: "Suspect" });
  await dialog.getByLabel("Reason").fill("No reply since the first meeting");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(prospects.locator("header span")).toHaveText(
    prospectCount - 1 === 1 ? "1 account" : `${prospectCount - 1} accounts`,
  );
  await expect(
    page.getByRole("region", { name: "Suspect", exact: true }).getByRole("link", { name }),
  ).toBeVisible();
});

test("a manager is offered only what the server accepts: no evidence on a first-time buyer, no Move on others' cards", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  // Any of the manager's first-time buyers, active or lapsed: evidence is closed by the rung alone. (The 120-account
  // seed gives her one active first-time buyer; on 2026-12-02 the running app listed none active, and the test
  // that asked for an active one found nothing to click.)
  await page.goto("/accounts?owner=u-am-1&rung=first_time");
  await page.getByRole("table").getByRole("link").first().click();
  const ladder = page.getByRole("region", { name: "The ladder" });
  await expect(ladder.locator('[aria-current="step"]')).toContainText("First-time buyer");
  await expect(ladder.getByRole("button", { name: "Record evidence…" })).toHaveCount(0);
  await expect(
    ladder.getByText("Evidence for the upper rungs is recorded from repeat customer up"),
  ).toBeVisible();

  await page.goto("/ladder");
  const prospects = page.getByRole("region", { name: "Prospect", exact: true });
  await expect(prospects.getByRole("listitem").first()).toBeVisible();
  const cards = prospects.getByRole("listitem");
  const mine = cards.filter({ hasText: "Mia Manager" });
  const others = cards.filter({ hasNotText: "Mia Manager" });
  expect(await others.count()).toBeGreaterThan(0);
  await expect(others.getByRole("button", { name: /^Move / })).toHaveCount(0);
  if ((await mine.count()) > 0)
    await expect(mine.first().getByRole("button", { name: /^Move / })).toBeVisible();
});
