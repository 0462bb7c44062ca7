import type { Page } from "@playwright/test";
import { DEMO, expect, signIn, test, unique } from "./fixtures";

// The phone-size project (390 × 844, playwright.config.ts): the journeys whose layout changes on a phone.

async function fitsTheScreen(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a manager on a phone: the menu behind a button, accounts as stacked rows, one rung of the board", async ({
  page,
}) => {
  await signIn(page, DEMO.manager);
  await page.goto("/accounts");
  await fitsTheScreen(page);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Ladder board" })).toBeHidden();

  // Each account is a stacked row: name, rung, owner, last order; status, level, segment and revenue wait for
  // a wider screen.
  const row = page.getByRole("table").getByRole("row").nth(1);
  await expect(row.getByRole("rowheader").getByRole("link")).toBeVisible();
  // (The DataTable labels each stacked value with its column's name from data-label, drawn by CSS.)
  await expect(row.locator('[data-label="Rung"]')).toBeVisible();
  await expect(row.locator('[data-label="Owner"]')).toBeVisible();
  await expect(row.locator('[data-label="Last order"]')).toBeVisible();
  await expect(row.locator('[data-label="Revenue"]')).toBeHidden();

  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await nav.getByRole("link", { name: "Ladder board" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ladder board" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
  await fitsTheScreen(page);

  // One rung at a time, chosen with the picker.
  const columns = page.getByRole("region", { name: "Ladder columns" });
  await expect(columns.getByRole("heading", { name: "Suspect" })).toBeVisible();
  await expect(columns.getByRole("heading", { name: "Client" })).toBeHidden();
  await page.getByLabel("Rung shown").selectOption("client");
  await expect(columns.getByRole("heading", { name: "Client" })).toBeVisible();
  await expect(columns.getByRole("heading", { name: "Suspect" })).toBeHidden();

  // The palette from the header's search button.
  await page.getByRole("button", { name: /Search…/ }).click();
  const palette = page.getByRole("dialog", { name: "Search and act" });
  await palette.getByRole("combobox").fill("a");
  // A tap on an account lists what can be done with it, opening it first.
  await palette.getByRole("group", { name: "Accounts" }).getByRole("option").first().click();
  await palette.getByRole("option", { name: /^Open / }).click();
  await expect(page).toHaveURL(/\/accounts\/\d+$/);
  await fitsTheScreen(page);
});

test("a customer files a complaint on a phone and checks its status", async ({ page }) => {
  await page.goto("/complain");
  await fitsTheScreen(page);
  await page.getByLabel("Your name").fill("Kim Phone");
  await page.getByLabel("Your email").fill(`${unique("kim").replaceAll(" ", ".")}@example.test`);
  await page.getByLabel("What is it about?").selectOption("service");
  await page.getByLabel("What happened?").fill("Nobody called back after the installation.");
  await page.waitForTimeout(3_200);
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByTestId("complaint-reference")).toHaveText(/^C-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await fitsTheScreen(page);
});

/**
 * The right edges of the values in the first stacked rows of the page's table (the column's name sits left, drawn
 * by CSS; the value right): one line per row whose values do not all end at the same x.
 */
async function misalignedValues(page: Page): Promise<string[]> {
  return page.getByRole("table").evaluate((table) => {
    const rows = [...table.querySelectorAll("tbody tr")].slice(0, 5);
    return rows.flatMap((row, i) => {
      const edges = [...row.querySelectorAll("td[data-label]")]
        .filter((td) => (td as HTMLElement).offsetParent !== null && td.textContent?.trim())
        .map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return {
            label: td.getAttribute("data-label"),
            right: Math.round(range.getBoundingClientRect().right),
          };
        });
      const max = Math.max(...edges.map((e) => e.right));
      const off = edges.filter((e) => max - e.right > 2);
      return off.length
        ? [`row ${i + 1}: ${off.map((e) => `${e.label} ends at ${e.right}, not ${max}`)}`]
        : [];
    });
  });
}

test("stacked rows put every value on the right, whatever the column's desktop width", async ({ page }) => {
  await signIn(page, DEMO.manager);
  for (const path of ["/overdue", "/win-back", "/accounts", "/follow-ups"]) {
    await page.goto(path);
    await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
    expect(await misalignedValues(page), path).toEqual([]);
  }
});
