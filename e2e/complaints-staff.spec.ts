import type { Browser, Locator, Page } from "@playwright/test";
import { DEMO, expect, signIn, test, unique } from "./fixtures";

// Staff handling of a complaint from the public page (issue #5): the service agent works it through the
// workflow, a remedy above the approval limit waits for the sales lead, and the customer sees it closed.

async function fileComplaint(page: Page, email: string): Promise<string> {
  await page.goto("/complain");
  await page.getByLabel("Your name").fill("Robin Customer");
  await page.getByLabel("Your email").fill(email);
  await page.getByLabel("Company or account name").fill(unique("Robin Bakery"));
  await page.getByLabel("What is it about?").selectOption("delivery");
  await page.getByLabel("What happened?").fill("The mixer arrived two weeks late and the box was crushed.");
  await page.getByLabel("What would you like us to do?").fill("Money back for the delay");
  // The form refuses submissions faster than a person can type (the minimum fill time).
  await page.waitForTimeout(3_200);
  await page.getByRole("button", { name: "Send complaint" }).click();
  const reference = page.getByTestId("complaint-reference");
  await expect(reference).toHaveText(/^C-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  return ((await reference.textContent()) ?? "").trim();
}

/** Opens a complaint from a queue, paging with "Load more" until its row shows. */
async function openFromQueue(page: Page, url: string, reference: string) {
  await page.goto(url);
  const link = page.getByRole("link", { name: reference, exact: true });
  const more = page.getByRole("button", { name: "Load more" });
  for (let i = 0; i < 40 && !(await link.isVisible()); i++) {
    await expect(more.or(link)).toBeVisible();
    if (await link.isVisible()) break;
    await more.click();
    await expect(more.or(link)).toBeVisible();
  }
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: reference })).toBeVisible();
}

/** Takes one workflow step: its button, then its dialog's form. */
async function step(page: Page, action: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByRole("button", { name: action, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: action });
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByRole("button", { name: action, exact: true }).click();
  await expect(page.getByText(`${action}: done.`)).toBeVisible();
  await expect(dialog).toHaveCount(0);
}

async function staffPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** This month's web-form delivery complaints that ended "resolved quickly", as the complaints dashboard counts them. */
async function resolvedQuicklyThisMonth(page: Page): Promise<number> {
  await page.goto("/complaints/dashboard?months=1&channel=web_form&category=delivery");
  const card = page.getByRole("region", { name: "How complaints ended, per month" });
  await card.getByRole("button", { name: "Show as table" }).click();
  const headers = await card.getByRole("columnheader").allTextContents();
  const column = headers.indexOf("Resolved quickly");
  // The table has a column per outcome that occurs: none yet means none counted.
  if (column < 0) return 0;
  // Row cells follow the period's row header, so the cell index is one less than the column header's.
  return Number(
    await card
      .getByRole("row")
      .last()
      .getByRole("cell")
      .nth(column - 1)
      .textContent(),
  );
}

test("an agent handles a public complaint to closing, with a sales lead approving the remedy", async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const exec = await staffPage(browser, DEMO.executive);
  const quickBefore = await resolvedQuicklyThisMonth(exec);
  const email = `${unique("robin").replaceAll(" ", ".")}@example.test`;
  const reference = await fileComplaint(page, email);

  // Delivery complaints go to logistics; the agent finds it in that department's queue.
  const agent = await staffPage(browser, DEMO.agent);
  await openFromQueue(agent, "/complaints?queue=department&department=logistics", reference);
  const header = agent.getByTestId("complaint-header");
  await expect(header.getByText("Received", { exact: true })).toBeVisible();
  await expect(header.getByText("Logistics")).toBeVisible();

  await step(agent, "Acknowledge", async (d) => {
    await d
      .getByLabel("Message to the customer")
      .fill("Thank you, Robin. We are looking into the delay now.");
  });
  await expect(header.getByText("Acknowledged", { exact: true })).toBeVisible();

  await step(agent, "Route", async (d) => {
    await d.getByLabel("Handler").selectOption({ label: "Sara Service" });
    await d.getByLabel("Severity").selectOption({ label: "High" });
  });
  await expect(header.getByText("Sara Service")).toBeVisible();

  await step(agent, "Start investigation");
  await expect(header.getByText("Investigating", { exact: true })).toBeVisible();

  await step(agent, "Record findings", async (d) => {
    await d.getByLabel("Root cause").selectOption({ label: "Late delivery" });
    await d.getByLabel("What you found").fill("The carrier held the parcel at the depot for nine days.");
    await d.getByLabel("Responsible party").selectOption({ label: "Delivery partner" });
  });

  // An internal note for colleagues; the customer never sees it.
  await agent
    .getByRole("textbox", { name: "Text", exact: true })
    .fill("Called the carrier: the depot confirms the hold.");
  await agent.getByRole("button", { name: "Add", exact: true }).click();
  await expect(agent.getByText("Called the carrier: the depot confirms the hold.")).toBeVisible();

  await step(agent, "Propose remedy", async (d) => {
    await d.getByLabel("Remedy").selectOption({ label: "Discount" });
    await d.getByLabel("Value").fill("600.00");
    await expect(d.getByText(/Above the approval limit of \$500\.00/)).toBeVisible();
    await d.getByLabel("Description").fill("60% off the next order for the trouble.");
  });
  await expect(header.getByText("Awaiting approval", { exact: true })).toBeVisible();
  // The agent cannot approve their own remedy: no such step is offered.
  await expect(agent.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);

  // The sales lead, in their own browser session, approves from the awaiting-approval queue.
  const lead = await staffPage(browser, DEMO.lead);
  await openFromQueue(lead, "/complaints?queue=awaiting_approval", reference);
  await step(lead, "Approve", async (d) => {
    await d.getByLabel("Note (optional)").fill("Fair, given the delay.");
  });
  await expect(lead.getByText(/Approved by Leo Lead/)).toBeVisible();

  await agent.reload();
  await expect(header.getByText("Approved", { exact: true })).toBeVisible();
  await step(agent, "Carry out");
  await step(agent, "Request confirmation");
  await expect(header.getByText("Awaiting confirmation", { exact: true })).toBeVisible();
  await step(agent, "Record confirmation", async (d) => {
    await d.getByLabel("How the customer confirmed").selectOption({ label: "Phone" });
    await d.getByLabel("What the customer said").fill("Happy with the discount, thanks for calling.");
  });
  await step(agent, "Close");
  await expect(header.getByText("Closed", { exact: true })).toBeVisible();
  await expect(agent.getByTestId("complaint-outcome")).toContainText("Resolved quickly");
  await expect(agent.getByText("Internal", { exact: true }).first()).toBeVisible();
  await expect(agent.getByText("To the customer", { exact: true }).first()).toBeVisible();

  // The customer's status page shows it closed.
  await page.goto(`/complain/status?ref=${reference}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Show status" }).click();
  const result = page.getByRole("region", { name: `Complaint ${reference}` });
  await expect(result.getByText("Closed", { exact: true })).toBeVisible();

  // The complaints dashboard counts it as resolved quickly.
  expect(await resolvedQuicklyThisMonth(exec)).toBe(quickBefore + 1);
});

test("an agent records a phone complaint from the account page; an executive reads it without steps", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.agent);
  await page.goto("/accounts");
  const first = page.getByRole("table").getByRole("link").first();
  const name = (await first.textContent())?.trim() ?? "";
  await first.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const card = page.getByRole("region", { name: "Complaints" });
  await card.getByRole("link", { name: "Record a complaint" }).click();

  await expect(page.getByRole("heading", { name: "Record a complaint" })).toBeVisible();
  await expect(page.getByTestId("intake-account")).toHaveText(name);
  await page.getByLabel("Contact", { exact: true }).selectOption({ label: "A new contact…" });
  await page.getByRole("textbox", { name: "Contact name" }).fill("Pat Caller");
  await page.getByLabel("Channel").selectOption({ label: "Phone" });
  await page.getByLabel("Category").selectOption({ label: "Staff attitude" });
  await page.getByLabel("Severity").selectOption({ label: "High" });
  // Without what happened, the server refuses and the message sits beside that field.
  await page.getByRole("button", { name: "Record complaint" }).click();
  const description = page.getByRole("textbox", { name: "What happened" });
  await expect(description).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Please fill this in.")).toBeVisible();
  await description.fill("The driver was rude on the phone when the customer asked about the delivery.");
  await page.getByRole("textbox", { name: "What the customer asks for" }).fill("An apology");
  await page.getByRole("button", { name: "Record complaint" }).click();

  await page.waitForURL(/\/complaints\/\d+$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^C-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const reference = ((await heading.textContent()) ?? "").trim();
  const header = page.getByTestId("complaint-header");
  await expect(header.getByText("Received", { exact: true })).toBeVisible();
  await expect(header.getByText("Sara Service")).toBeVisible();
  await expect(header.getByText("Pat Caller")).toBeVisible();
  await expect(page.getByRole("button", { name: "Acknowledge", exact: true })).toBeVisible();
  await expect(page.getByText("Complaint recorded")).toBeVisible();

  // The account page lists it, linking back to the complaint.
  await page.getByRole("link", { name, exact: true }).click();
  const listed = page.getByRole("region", { name: "Complaints" }).getByRole("link", { name: reference });
  await expect(listed).toBeVisible();
  const href = (await listed.getAttribute("href")) ?? "";

  const exec = await staffPage(browser, DEMO.executive);
  await exec.goto(href);
  await expect(exec.getByRole("heading", { level: 1, name: reference })).toBeVisible();
  await expect(exec.getByText("You can read this complaint")).toBeVisible();
  await expect(exec.getByRole("button", { name: "Acknowledge", exact: true })).toHaveCount(0);
});
