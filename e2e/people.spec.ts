// People without the demo's passwords: invitations, forgotten and changed passwords, signing someone out
// everywhere, and the set-up page that exists only on an empty database.
import Database from "better-sqlite3";
import { DEMO, expect, signIn, test, unique } from "./fixtures";

/** The newest link mailed to an address, read from the outbox as an SMTP server would receive it. */
function linkFromOutbox(to: string): string {
  const db = new Database(process.env.DATABASE_PATH ?? "", { readonly: true });
  try {
    const row = db.prepare("SELECT body FROM outbox WHERE `to` = ? ORDER BY id DESC LIMIT 1").get(to) as
      | { body: string }
      | undefined;
    const link = row?.body.match(/https?:\/\/\S+\/set-password\?token=\S+/)?.[0];
    if (!link) throw new Error(`no link mailed to ${to}`);
    return new URL(link).pathname + new URL(link).search;
  } finally {
    db.close();
  }
}

test("the set-up page does not exist once the company has users", async ({ page }) => {
  const response = await page.goto("/setup");
  expect(response?.status()).toBe(404);
});

test("an admin invites a manager, who chooses a password from the link and signs in", async ({
  page,
  browser,
}) => {
  const name = unique("Invitee");
  const email = `${name.split(" ")[1]}@example.com`;
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  await page.getByRole("button", { name: "Invite user" }).click();
  const form = page.getByRole("form", { name: "Invite a user" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("account_manager");
  await form.getByRole("button", { name: "Send invitation" }).click();

  const panel = page.getByRole("region", { name: `Invitation for ${name}` });
  await expect(panel).toContainText("sends no email");
  const link = await panel.getByLabel("One-time link").inputValue();
  expect(link).toContain("/set-password?token=");
  await page.getByLabel("Search").fill(name);
  await expect(page.getByRole("row")).toHaveCount(2);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Invited");

  const invitee = await browser.newPage();
  await invitee.goto(new URL(link).pathname + new URL(link).search);
  await expect(invitee.getByRole("heading", { name: "Welcome to Ladder CRM" })).toBeVisible();
  await invitee.getByLabel("New password").fill("short");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByText("The password needs 10 to 128 characters.")).toBeVisible();
  await invitee.getByLabel("New password").fill("invitees-password-1");
  await invitee.getByLabel("Type it again").fill("invitees-password-1");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByText("Your password is set. Sign in with it.")).toBeVisible();
  await signIn(invitee, email, "invitees-password-1");
  await expect(invitee.getByRole("navigation", { name: "Main navigation" })).toBeVisible();

  // The link was used: opening it again says so.
  await invitee.goto(new URL(link).pathname + new URL(link).search);
  await expect(invitee.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await invitee.close();
});

// Li Ming's password is this spec's to change: no other spec signs in as him.
const LI = "li.ming@ladder.demo";

test("a forgotten password is reset from the emailed link, and the new one is changed again on the account page", async ({
  page,
}) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(LI);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText(`If a user with the email ${LI} exists`)).toBeVisible();

  await page.goto(linkFromOutbox(LI));
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password").fill("lis-reset-password");
  await page.getByLabel("Type it again").fill("lis-reset-password");
  await page.getByRole("button", { name: "Set password" }).click();
  await signIn(page, LI, "lis-reset-password");
  // Li Ming reads Chinese; this spec switches him to English to use the English labels.
  await page.getByLabel("语言").selectOption("en");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.goto("/account");
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password").fill("lis-demo-again-1");
  await form.getByLabel("Type it again").fill("lis-demo-again-1");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This is not your current password.")).toBeVisible();
  await form.getByLabel("Current password").fill("lis-reset-password");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password has been changed.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, LI, "lis-demo-again-1");
});

test("an admin signs a user out on every device", async ({ page, browser }) => {
  const agent = await browser.newPage();
  await signIn(agent, DEMO.agent);
  await signIn(page, DEMO.admin);
  await page.goto("/admin/users");
  await page.getByLabel("Search").fill(DEMO.agent);
  // The search has narrowed the table to the agent (header row + one).
  await expect(page.getByRole("row")).toHaveCount(2);
  const row = page.getByRole("row", { name: new RegExp(DEMO.agent) });
  await row.getByRole("button", { name: /Sign out .* everywhere/ }).click();
  await page.getByRole("button", { name: "Yes, sign out" }).click();
  // Other specs signed in as the agent too: every one of those sessions ends.
  await expect(page.getByRole("status")).toContainText(/signed out on every device \(\d+ sessions? ended\)/);
  await agent.goto("/complaints");
  await expect(agent).toHaveURL(/\/sign-in/);
  await agent.close();
});
