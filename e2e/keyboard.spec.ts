// Keyboard only (issue #16): a sales lead signs in, skips to the content, moves an account up the ladder from
// the board, records a complaint and reads a cohort cell's details without touching the mouse. Every control
// is reached with Tab (the helper fails when Tab never gets there) and worked with Enter, typing and arrow keys.
import type { Locator, Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, test, unique } from "./fixtures";

/** Presses Tab until `target` has focus; with `within`, focus must never leave that element on the way. */
async function tabTo(
  page: Page,
  target: Locator,
  { within, max = 150 }: { within?: Locator; max?: number } = {},
) {
  await target.waitFor();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
    if (within) {
      // Focus in the browser's toolbar leaves document.activeElement on the body: outside too.
      const outside = await within.evaluate((box) => !box.contains(document.activeElement));
      expect(outside, "nothing outside the dialog takes focus").toBe(false);
    }
  }
  throw new Error(`Tab did not reach ${target} in ${max} presses`);
}

/** Changes a focused <select> with the arrow keys until the option `label` is chosen. */
async function chooseWithArrows(page: Page, select: Locator, label: string) {
  await expect(select).toBeFocused();
  for (let i = 0; i < 24; i++) {
    const chosen = await select.evaluate(
      (s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? "",
    );
    if (chosen === label) return;
    await page.keyboard.press(i < 12 ? "ArrowDown" : "ArrowUp");
  }
  throw new Error(`the arrow keys never chose "${label}"`);
}

test("keyboard only: skip to the content, move an account up the ladder, record a complaint, read a cohort cell", async ({
  page,
}) => {
  test.setTimeout(180_000);

  // Sign in.
  await page.goto("/sign-in");
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(DEMO.lead);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));

  // The first Tab on a page is the skip link; it puts focus on the main content, past the navigation.
  await page.goto("/ladder?owner=u-am-1");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  const main = page.getByRole("main");
  await expect(main).toBeFocused();
  await page.keyboard.press("Tab");
  expect(await main.evaluate((m) => m.contains(document.activeElement) && m !== document.activeElement)).toBe(
    true,
  );

  // Pick a card: a repeat customer. Esc closes its Move dialog and gives focus back to the card's button.
  const repeat = page.getByRole("region", { name: "Repeat customer", exact: true });
  const cards = repeat.getByRole("listitem");
  await expect(cards.first()).toBeVisible();
  const other = cards.nth(1);
  const otherName = ((await other.getByRole("link").textContent()) ?? "").trim();
  const otherMove = other.getByRole("button", { name: `Move ${otherName}…` });
  await tabTo(page, otherMove);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Move this account" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(otherMove).toBeFocused();

  // Move the first card to Client: choose the rung, give the evidence and the reason, confirm.
  const card = cards.first();
  const name = ((await card.getByRole("link").textContent()) ?? "").trim();
  const move = card.getByRole("button", { name: `Move ${name}…` });
  // Back to it with Shift+Tab: the other card's link, then this card's Move button.
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await expect(move).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  const to = dialog.getByLabel("Move to");
  await expect(to).toBeFocused();
  await chooseWithArrows(page, to, "Client");
  await tabTo(page, dialog.getByLabel("Evidence", { exact: true }), { within: dialog });
  await chooseWithArrows(
    page,
    dialog.getByLabel("Evidence", { exact: true }),
    "Manager's judgement (client)",
  );
  await tabTo(page, dialog.getByLabel("What the judgement rests on"), { within: dialog });
  await page.keyboard.type("Buys every range we launch and asks for us by name");
  await tabTo(page, dialog.getByRole("textbox", { name: "Reason", exact: true }), { within: dialog });
  await page.keyboard.type("Treats us as their supplier of choice");
  // Focus goes round inside the dialog: Tab from its last control (Save) lands on its first (Move to), never on
  // the page behind or the browser's toolbar (where Chromium's native modal lets it go), and Shift+Tab from the
  // first comes back to the last.
  const save = dialog.getByRole("button", { name: "Save" });
  await tabTo(page, save, { within: dialog });
  await page.keyboard.press("Tab");
  await expect(to).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(save).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: `${name}: Moved to Client.` })).toBeVisible();
  const client = page.getByRole("region", { name: "Client", exact: true });
  await expect(client.getByRole("link", { name, exact: true })).toBeVisible();
  // Focus carries on from the card in its new column.
  await expect(client.getByRole("button", { name: `Move ${name}…` })).toBeFocused();

  // Record a complaint for that account. Sending the empty form first: the error is announced and tied to
  // the search field.
  await page.goto("/complaints/new");
  const submit = page.getByRole("button", { name: "Record complaint" });
  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  const search = page.getByLabel("Find the account");
  await expect(search).toHaveAttribute("aria-invalid", "true");
  const errorId = (await search.getAttribute("aria-describedby")) ?? "";
  const error = page.locator(`[id="${errorId}"]`);
  await expect(error).toHaveText("Choose an account first.");
  await expect(error).toHaveAttribute("role", "alert");

  await tabTo(page, search);
  await page.keyboard.type(name.slice(0, 12));
  await tabTo(page, page.getByRole("button", { name, exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("intake-account")).toHaveText(name);
  await expect(page.getByRole("button", { name: "Change" })).toBeFocused();
  const description = unique("Keyboard-only complaint: the second delivery arrived without its invoice");
  await tabTo(page, page.getByLabel("What happened"));
  await page.keyboard.type(description);
  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/complaints\/\d+$/);
  await expect(page.getByText(description)).toBeVisible();
  // The promised times say their state in words, not only in colour.
  await expect(page.getByText(/On time|Due soon|Breached|Kept/).first()).toBeVisible();

  // Read a cohort cell's details: one Tab stop into the heatmap, then the arrow keys.
  await page.goto("/executive/cohorts");
  const stop = page.locator('[role="gridcell"][tabindex="0"]');
  await tabTo(page, stop);
  const detail = page.getByTestId("heatmap-detail");
  const first = ((await detail.textContent()) ?? "").trim();
  expect(first).not.toMatch(/^Point at a cell/);
  await page.keyboard.press("ArrowRight");
  const focused = page.locator('[role="gridcell"]:focus');
  await expect(focused).toHaveCount(1);
  await expect(detail).not.toHaveText(first);
  // What the screen reader reads with the cell is what the sighted reader sees below the grid.
  const spoken = ((await focused.locator(".sr-only").textContent()) ?? "").trim();
  expect(spoken.length).toBeGreaterThan(0);
  await expect(detail).toHaveText(spoken);
});
