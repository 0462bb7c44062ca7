// Listening to customers (issue #13): a detractor's answer in Chinese becomes the owner's follow-up and is
// closed with a note, and the feedback dashboard's loops to close and time to close move with it; a promoter's
// answer suggests the advocate move, which the manager confirms; a service agent records feedback from a phone
// call and turns it into a complaint in one step.
import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, signIn, test, unique } from "./fixtures";

async function createAccount(page: Page, name: string) {
  await page.goto("/accounts/new");
  await page.getByRole("textbox", { name: /^Name/ }).fill(name);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

async function addContact(page: Page, name: string, email: string) {
  await page.getByRole("button", { name: "Add contact" }).click();
  const form = page.getByRole("form", { name: "New contact" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByRole("button", { name: `Edit ${name}` })).toBeVisible();
}

async function addOrder(page: Page, date: string, amount: string) {
  await page.getByRole("button", { name: "Add order" }).click();
  const form = page.getByRole("form", { name: "Add order" });
  await form.getByLabel("Order date").fill(date);
  await form.getByLabel("Amount").fill(amount);
  await form.getByLabel("Margin").fill("100.00");
  await form.getByRole("button", { name: "Save order" }).click();
  await expect(form).toHaveCount(0);
}

/** Sends the relationship survey as a link to hand over, and returns the link. */
async function handOverSurvey(page: Page, contact: string): Promise<string> {
  const card = page.getByRole("region", { name: "Surveys" });
  await card.getByRole("button", { name: "Send a survey" }).click();
  const dialog = page.getByRole("dialog", { name: "Send the relationship survey" });
  await expect(dialog.getByLabel("To")).toContainText(contact);
  await dialog.getByLabel("A link I hand over myself (chat, a visit)").check();
  await dialog.getByRole("button", { name: "Send" }).click();
  const link = await dialog.getByTestId("survey-link").inputValue();
  await dialog.getByRole("button", { name: "Close" }).click();
  return link;
}

/** The customer opens the link in a browser of their own (no sign-in), on a phone when asked. */
async function asCustomer(browser: Browser, link: string, act: (page: Page) => Promise<void>, phone = false) {
  const context = await browser.newContext({
    locale: "en-US",
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  await page.goto(link);
  await act(page);
  await context.close();
}

/** The feedback dashboard's survey loops ("Waiting and closing", read from its table view) as a lead sees them. */
async function loopFigures(lead: Page) {
  await lead.goto("/feedback");
  const card = lead.getByRole("region", { name: "Waiting and closing" });
  await card.getByRole("button", { name: "Show as table" }).click();
  const value = async (measure: string) => {
    const row = card
      .getByRole("row")
      .filter({ has: lead.getByRole("rowheader", { name: measure, exact: true }) });
    return ((await row.getByRole("cell").textContent()) ?? "").trim();
  };
  const count = async (measure: string) => Number((await value(measure)).replace(/[^\d]/g, ""));
  return {
    open: await count("Loops to close"),
    closed: await count("Surveys: loops closed"),
    median: await value("Surveys: time to close the loop (median)"),
  };
}

test("a detractor answers in Chinese, the owner sees the follow-up and closes the loop; the dashboard counts it", async ({
  page,
  browser,
  baseURL,
}) => {
  // Three visits to the dashboard, which takes seconds to open on a loaded machine.
  test.setTimeout(150_000);
  const account = unique("Listening Detractor");
  const contact = `王芳 ${Date.now().toString(36)}`;
  await signIn(page, DEMO.manager);
  await createAccount(page, account);
  await addContact(page, contact, `${Date.now()}@example.cn`);
  const link = await handOverSurvey(page, contact);

  // A sales lead keeps the feedback dashboard open beside: its loops before the answer.
  const leadContext = await browser.newContext({ baseURL, locale: "en-US" });
  const lead = await leadContext.newPage();
  await signIn(lead, DEMO.lead);
  const before = await loopFigures(lead);

  await asCustomer(
    browser,
    link,
    async (customer) => {
      await expect(customer.getByText("您有多大可能向朋友或同事推荐")).toBeVisible();
      await customer.getByRole("radio", { name: "3 分" }).check({ force: true });
      await customer.getByLabel("如果您希望我们改变一件事，那会是什么？").fill("交货太慢了，希望准时送达。");
      await customer.getByRole("button", { name: "提交我的回答" }).click();
      await expect(customer.getByRole("heading", { name: "谢谢您！" })).toBeVisible();
      await expect(customer.getByText("我们的同事会尽快与您联系")).toBeVisible();
      // One answer per link.
      await customer.reload();
      await expect(customer.getByRole("heading", { name: "此问卷已经回答过了" })).toBeVisible();
    },
    true,
  );

  await page
    .getByRole("navigation", { name: "Main navigation" })
    .getByRole("link", { name: "My follow-ups" })
    .click();
  await expect(
    page.getByRole("row").filter({ hasText: `Close the loop: ${contact} scored 3/10` }),
  ).toBeVisible();

  // The detractor's answer opened one more loop to close.
  expect((await loopFigures(lead)).open).toBe(before.open + 1);

  await page.goto("/feedback/answers");
  const answer = page.getByRole("listitem").filter({ hasText: account });
  await expect(answer).toContainText("交货太慢了");
  const closeLoop = answer.getByRole("button", { name: "Close the loop" });
  await closeLoop.click();
  const dialog = page.getByRole("dialog", { name: "How was the loop closed?" });
  // Esc closes the dialog and gives focus back to the button that opened it.
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(closeLoop).toBeFocused();
  await closeLoop.click();
  await dialog
    .getByLabel("What you did and what the customer said")
    .fill("Called 王芳, new delivery slot agreed.");
  await dialog.getByRole("button", { name: "Close the loop" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: account })).toHaveCount(0);
  await page.goto(`/feedback/answers?view=answers&mine=1`);
  await expect(page.getByRole("listitem").filter({ hasText: account })).toContainText(
    "Called 王芳, new delivery slot agreed.",
  );

  // The dashboard moved: one loop fewer to close, one more closed and counted in the time to close.
  const after = await loopFigures(lead);
  expect(after.open).toBe(before.open);
  expect(after.closed).toBe(before.closed + 1);
  expect(after.median).toMatch(/\d/);
  await leadContext.close();
});

test("a promoter's answer suggests the advocate move and the manager confirms it", async ({
  page,
  browser,
}) => {
  const account = unique("Listening Promoter");
  await signIn(page, DEMO.manager);
  await createAccount(page, account);
  await addOrder(page, "2026-01-15", "1200.00");
  await addOrder(page, "2026-03-20", "800.00");
  await addContact(page, "Carol Promoter", `carol.${Date.now()}@example.com`);
  const link = await handOverSurvey(page, "Carol Promoter");

  await asCustomer(browser, link, async (customer) => {
    await customer.getByRole("radio", { name: "Score 10" }).check({ force: true });
    await customer.getByRole("button", { name: "Send my answer" }).click();
    await expect(customer.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  });

  await page.reload();
  const ladder = page.getByRole("region", { name: "The ladder" });
  const waiting = ladder.getByRole("region", { name: "Evidence waiting for a decision" });
  await expect(waiting).toContainText("Scored 10/10 (Carol Promoter)");
  await ladder.getByRole("button", { name: "Confirm move" }).click();
  const confirm = page.getByRole("dialog", { name: "Confirm the move to Advocate" });
  await confirm.getByLabel("Reason").fill("Scored 10 and recommends us");
  await confirm.getByRole("button", { name: "Confirm move" }).click();
  await expect(page.getByRole("region", { name: "Ladder history" })).toContainText(
    "Scored 10 and recommends us",
  );
});

test("a service agent records feedback from a phone call and turns it into a complaint", async ({ page }) => {
  const account = unique("Listening Phone");
  await signIn(page, DEMO.manager);
  await createAccount(page, account);
  await addContact(page, "Dan Caller", `dan.${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, DEMO.agent);
  await page.goto("/feedback/new");
  await page.getByLabel("Find the account").fill(account);
  await page.getByRole("button", { name: account }).click();
  await page
    .getByLabel("What the customer said")
    .fill("The valves you sent leak after a week, second batch now.");
  await page.getByLabel("Who said it").selectOption({ label: "Dan Caller" });
  await page.getByLabel("Through which part of the company").selectOption({ label: "Customer service" });
  await page.getByLabel("How").selectOption({ label: "Phone call" });
  await page.getByLabel("Theme").selectOption({ label: "Product quality" });
  await page.getByRole("button", { name: "Record feedback" }).click();
  await expect(page.getByText("Feedback recorded. Thank you for passing it on.")).toBeVisible();
  await page.getByRole("link", { name: "Open it" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Feedback from ${account}` })).toBeVisible();
  await page.getByRole("button", { name: "Turn into a complaint" }).click();
  const dialog = page.getByRole("dialog", { name: "Turn this problem into a complaint" });
  await expect(dialog.getByLabel("Complaint category")).toHaveValue("product_quality");
  await dialog.getByLabel("Severity").selectOption("high");
  await dialog.getByRole("button", { name: "Turn into a complaint" }).click();
  await expect(page.getByText(/Complaint .+ created\./)).toBeVisible();
  await page.getByRole("link", { name: "Open the complaint" }).click();
  await expect(page.getByText("The valves you sent leak after a week, second batch now.")).toBeVisible();
});
