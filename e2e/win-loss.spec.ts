import { DEMO, expect, signIn, test, unique } from "./fixtures";

const thisMonth = () => new Date().toISOString().slice(0, 7);

test("a lost deal is reviewed by a sales lead, and the gap, the pipeline and the follow-up show it", async ({
  page,
  browser,
}) => {
  // Two people, four pages and a dashboard: longer than one page's journey.
  test.slow();
  const account = unique("Harbor Freight Lines");
  const buyer = unique("Bea Buyer");
  const deal = unique("Fleet renewal");
  const action = unique("Monthly visit plan");
  // A segment of its own keeps this test's deal apart from the demo deals on the dashboard.
  const segment = unique("E2E segment");

  // The manager opens and loses a deal on an account of theirs, blaming price.
  await signIn(page, DEMO.manager);
  await page.goto("/accounts/new");
  await page.getByRole("textbox", { name: /^Name/ }).fill(account);
  await page.getByRole("textbox", { name: /^Segment/ }).fill(segment);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: account })).toBeVisible();
  await page.getByRole("button", { name: "Add contact" }).click();
  const contactForm = page.getByRole("form", { name: "New contact" });
  await contactForm.getByLabel("Name").fill(buyer);
  await contactForm.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByRole("button", { name: `Edit ${buyer}` })).toBeVisible();

  await page.getByRole("button", { name: "New deal" }).click();
  const dealForm = page.getByRole("form", { name: "New deal" });
  await dealForm.getByLabel("Amount").fill("25000");
  await dealForm.getByRole("button", { name: "Open deal" }).click();
  await expect(dealForm.getByText("Give the deal a title.")).toBeVisible();
  await dealForm.getByLabel("Title").fill(deal);
  await dealForm.getByRole("button", { name: "Open deal" }).click();
  await page.getByRole("link", { name: deal }).click();
  await expect(page.getByRole("heading", { level: 1, name: deal })).toBeVisible();

  await page.getByRole("button", { name: "Move to Proposal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Moved to Proposal." })).toBeVisible();
  await page.getByRole("button", { name: "Close deal" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Outcome").selectOption({ label: "Lost" });
  await dialog.getByRole("button", { name: "Close deal" }).click();
  await expect(dialog.getByText("Choose a reason.")).toBeVisible();
  await dialog.getByLabel("Your primary reason").selectOption({ label: "Price" });
  // Not on the competitor list: typed as another competitor.
  await dialog.getByLabel("Competitor (when lost to one)").selectOption({ label: "Another competitor…" });
  await dialog.getByLabel("Competitor's name").fill("Rival Haulage");
  await dialog.getByRole("button", { name: "Close deal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deal closed as Lost." })).toBeVisible();
  const dealUrl = page.url();

  // The owner may not review their own deal.
  await expect(page.getByRole("link", { name: "Review this deal" })).toHaveCount(0);

  // A sales lead takes it from the review queue and records what the buyer said.
  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, DEMO.lead);
  await lead.goto("/win-loss/reviews");
  await lead.getByRole("link", { name: `Review: ${deal}` }).click();
  await expect(lead.getByRole("heading", { name: "The customer" })).toBeVisible();
  await expect(lead.getByRole("region", { name: "The business examined" })).toContainText("Price");
  await lead.getByLabel("Buyer you spoke to").selectOption({ label: buyer });
  await lead.getByLabel("The buyer's primary reason").selectOption({ label: "Relationship" });
  await lead
    .getByLabel("The buyer's words")
    .fill("Your rival's rep visited every month; nobody from you called.");
  await lead.getByRole("button", { name: "Add an action" }).click();
  await lead.getByLabel("Action 1", { exact: true }).fill(action);
  await lead.getByLabel("Owner", { exact: true }).selectOption({ label: "Mia Manager" });
  await lead.getByRole("button", { name: "Save review" }).click();
  // Back to the queue for the next deal; the reviewed one is a link away.
  await expect(lead).toHaveURL(/\/win-loss\/reviews\?saved=/);
  await expect(
    lead.getByText("Review saved. The next deal waiting for a review is at the top"),
  ).toBeVisible();
  await expect(lead.getByRole("link", { name: `Review: ${deal}` })).toHaveCount(0);
  await lead.getByRole("link", { name: "Open the reviewed deal" }).click();
  await expect(lead).toHaveURL(dealUrl);
  const review = lead.getByRole("region", { name: "Independent review" });
  await expect(review).toContainText("Owner and buyer differ");
  await expect(review).toContainText(action);

  // The dashboard, narrowed to this month, this manager and the test's segment.
  const filters = new URLSearchParams({ from: thisMonth(), to: thisMonth(), owner: "u-am-1", segment });
  await lead.goto(`/win-loss?${filters}`);
  const matrix = lead.getByRole("table", { name: "Owner's reason (rows) × buyer's reason (columns)" });
  const priceRow = matrix.getByRole("row").filter({ has: lead.getByRole("rowheader", { name: "Price" }) });
  // allTextContents does not wait: the matrix may still be streaming in when the page first answers.
  await expect(matrix.getByRole("columnheader", { name: "Relationship", exact: true })).toBeVisible();
  const columns = await matrix.getByRole("columnheader").allTextContents();
  const relationship = columns.indexOf("Relationship");
  expect(relationship).toBeGreaterThanOrEqual(0);
  await expect(priceRow.getByRole("cell").nth(relationship)).toHaveText("1");
  await expect(lead.getByTestId("agreement-rate")).toHaveText("0.0%");
  await expect(lead.getByRole("table", { name: "Win-back pipeline" })).toContainText(deal);

  // Clicking the lost-to-price bar's row lists the deal.
  await lead
    .getByRole("region", { name: "Why deals were lost" })
    .getByRole("button", { name: "Show as table" })
    .click();
  await lead
    .getByRole("region", { name: "Why deals were lost" })
    .getByRole("button", { name: "Price", exact: true })
    .first()
    .click();
  await expect(lead.getByRole("region", { name: /^Deals behind:/ })).toContainText(deal);
  await leadContext.close();

  // The action is on the manager's follow-ups.
  await page.goto("/follow-ups");
  const task = page.getByRole("row").filter({ hasText: action });
  for (let i = 0; i < 20 && (await task.count()) === 0; i++) {
    const more = page.getByRole("button", { name: "Show more" });
    if ((await more.count()) === 0) break;
    await more.click();
  }
  await expect(task).toBeVisible();
});

test("an executive reads the dashboard but cannot open deals; an account manager is kept out of it", async ({
  page,
}) => {
  await signIn(page, DEMO.executive);
  await page.goto("/win-loss?grain=quarter");
  await expect(page.getByRole("heading", { level: 1, name: "Win/loss" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Win rate over time" })).toBeVisible();
  await page.goto("/deals");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Close deal" })).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, DEMO.manager);
  const response = await page.goto("/win-loss");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Win/loss" })).toHaveCount(0);
});
