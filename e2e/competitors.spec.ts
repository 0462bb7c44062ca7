import { DEMO, expect, signIn, test } from "./fixtures";

test("an admin adds a name typed as 'other' to the competitor list and merges it into the entry it duplicates", async ({
  page,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto("/admin/settings");
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Competitors" }) });
  const others = card.getByRole("region", { name: "Names typed as another competitor" });
  await others.getByRole("button", { name: "Add Brightline Supply to the list" }).click();
  await expect(card.getByRole("status")).toContainText("Brightline Supply added");
  await expect(card.getByRole("list", { name: "Competitors" })).toContainText("Brightline Supply");

  const merge = card.getByRole("form", { name: "Merge a duplicate" });
  await merge.getByLabel("Duplicate").selectOption({ label: "Brightline Supply" });
  await merge.getByLabel("Keep").selectOption({ label: "Brightline" });
  await merge.getByRole("button", { name: "Merge" }).click();
  await expect(card.getByRole("status")).toContainText("Merged into Brightline");
  await expect(card.getByRole("list", { name: "Competitors" })).not.toContainText("Brightline Supply");

  // The duplicate's name cannot come back as a second entry by another spelling.
  await card.getByLabel("Competitor's name").fill("  brightline ");
  await card.getByRole("button", { name: "Add to the list" }).last().click();
  await expect(card.getByText("That competitor is already on the list.")).toBeVisible();
});
