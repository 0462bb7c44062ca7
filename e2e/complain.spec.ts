import { expect, test, unique } from "./fixtures";

// The public complaint page (issue #5): no sign-in, a reference and a promised reply time, and a status page
// that shows the complaint only to the email it was filed with.

test("a customer files a complaint and looks it up with the reference and their email", async ({ page }) => {
  const email = `${unique("dana").replaceAll(" ", ".")}@example.test`;
  await page.goto("/complain");
  await expect(page.getByRole("heading", { name: "Tell us what went wrong" })).toBeVisible();
  await page.getByLabel("Your name").fill("Dana Walker");
  await page.getByLabel("Your email").fill(email);
  await page.getByLabel("Company or account name").fill(unique("Walker Bakery"));
  await page.getByLabel("What is it about?").selectOption("delivery");
  await page.getByLabel("What happened?").fill("The oven arrived a week late and dented.");
  await page.getByLabel("What would you like us to do?").fill("Replace it");
  // The form refuses submissions faster than a person can type (the minimum fill time).
  await page.waitForTimeout(3_200);
  await page.getByRole("button", { name: "Send complaint" }).click();

  const reference = page.getByTestId("complaint-reference");
  await expect(reference).toHaveText(/^C-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const ref = (await reference.textContent()) ?? "";
  await expect(page.getByText(/We will reply within 24 hours/)).toBeVisible();

  await page.getByRole("link", { name: "Check the status" }).click();
  await expect(page.getByLabel("Reference")).toHaveValue(ref);
  await page.getByLabel("Email").fill("someone.else@example.test");
  await page.getByRole("button", { name: "Show status" }).click();
  await expect(page.getByText("We found no complaint with this reference and email address.")).toBeVisible();

  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Show status" }).click();
  const result = page.getByRole("region", { name: `Complaint ${ref}` });
  await expect(result.getByText("Received", { exact: true })).toBeVisible();
  await expect(result.getByText(`Your reference is ${ref}`)).toBeVisible();
});

test("a form sent faster than a person can fill it is refused", async ({ page }) => {
  await page.goto("/complain");
  await page.getByLabel("Your name").fill("Quick Bot");
  await page.getByLabel("Your email").fill(`${unique("bot").replaceAll(" ", ".")}@example.test`);
  await page.getByLabel("What happened?").fill("Buy cheap watches");
  await page.getByRole("button", { name: "Send complaint" }).click();
  await expect(page.getByText("We could not accept this form.")).toBeVisible();
  await expect(page.getByTestId("complaint-reference")).toHaveCount(0);
});
