// The records officer manages accounts (there is no self-registration): adds a user, who signs
// in with the one-time temporary password; changes their role and team; resets the password;
// deactivates the account only after a reason and a confirmation; reactivates it. Each change is
// in the audit log with its reason.
import { expect, test } from "@playwright/test";
import { account, authFile } from "./support/demo";
import { expectNoAxeViolations, mainNavigation, shot, signIn } from "./support/pages";

test.use({ storageState: authFile("ro") });

const EMAIL = `e2e.newstarter.${Date.now()}@demo.invalid`;
const NAME = "Robin Newstarter";

test("a records officer adds a user, changes their team, resets their password, deactivates and reactivates them", async ({
  page,
  browser,
}) => {
  await page.goto("/admin/users");
  await expect(page.getByRole("main").getByRole("button", { name: /Deactivate/ })).toHaveCount(0);
  await page.getByRole("link", { name: "Add a user" }).click();
  await expect(page).toHaveURL("/admin/users/new");
  await expectNoAxeViolations(page);

  // Nothing filled in: the error summary names each field.
  await page.getByRole("button", { name: "Add the user" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter the person's full name" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Full name").fill(NAME);
  await page.getByLabel("Work email address").fill(EMAIL);
  await page.getByLabel("Role").selectOption({ label: "Social worker" });
  await page.getByLabel("Team").selectOption({ label: "North Locality Team (demo)" });
  await page.getByLabel("Why is this account needed?").fill("New starter in the North team (fictional e2e)");
  await page.getByRole("button", { name: "Add the user" }).click();
  const password = (await page.getByTestId("temporary-password").innerText()).trim();
  expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
  await shot(page, "user-added");

  // The new person signs in with it and lands on their caseload.
  const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const newcomer = await fresh.newPage();
  await signIn(newcomer, EMAIL, password);
  await expect(newcomer).toHaveURL("/children");
  await expect(mainNavigation(newcomer).getByRole("link", { name: "Children" })).toBeVisible();

  // Change the role and team.
  await page.getByRole("link", { name: `Go to ${NAME}'s account` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NAME);
  await expectNoAxeViolations(page);
  await page.getByLabel("Team").selectOption({ label: "South Locality Team (demo)" });
  await page.getByLabel("Reason for the change").fill("Moved to the South team from today (fictional e2e)");
  await page.getByRole("button", { name: "Change role and team" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Role and team changed" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("South");

  // Reset the password: a new one is shown once, and the newcomer's session ends.
  await page.getByLabel("Reason for the reset").fill("Forgot the password; identity checked by phone (fictional)");
  await page.getByRole("button", { name: "Reset the password" }).click();
  await expect(page.getByTestId("temporary-password")).toBeVisible();
  await newcomer.goto("/children");
  await expect(newcomer).toHaveURL(/\/sign-in/);
  await fresh.close();

  // Deactivation asks for a reason, then for confirmation, before anything happens.
  await page.getByRole("button", { name: "Deactivate the account" }).click();
  await expect(
    page.getByRole("alert").getByRole("link", { name: "Give the reason for this change (at least 10 characters)" }),
  ).toBeVisible();
  await page
    .getByLabel("Reason for deactivating the account")
    .fill("Left the authority on 30 November (fictional e2e)");
  await page.getByRole("button", { name: "Deactivate the account" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Deactivate ${NAME}?` });
  await expect(confirm).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Active");
  await expectNoAxeViolations(page);
  await shot(page, "user-deactivate-confirm");
  await confirm.getByRole("button", { name: "No, keep the account active" }).click();
  await expect(confirm).toHaveCount(0);
  await page.getByRole("button", { name: "Deactivate the account" }).click();
  await page.getByRole("button", { name: `Yes, deactivate ${NAME}` }).click();
  await expect(page.getByRole("main").getByText("Deactivated", { exact: true }).first()).toBeVisible();

  // Reactivation, with a reason.
  await page.getByLabel("Reason for reactivating the account").fill("Returned to the South team (fictional e2e)");
  await page.getByRole("button", { name: "Reactivate the account" }).click();
  await expect(page.getByRole("heading", { name: "Deactivate the account" })).toBeVisible();

  // Every change is in the audit log, in words.
  await page.goto(`/audit?user=${encodeURIComponent(account("ro").email)}`);
  const table = page.getByRole("table", { name: /Audit events/ });
  for (const words of [
    "Added a user",
    "Changed a user's role or team",
    "Reset a user's password",
    "Deactivated or reactivated a user",
  ]) {
    await expect(table.getByRole("row").filter({ hasText: words }).first()).toBeVisible();
  }
  // With the reason given and the person it was done to, by name.
  const deactivated = table
    .getByRole("row")
    .filter({ hasText: "Reason: Left the authority on 30 November (fictional e2e)" });
  await expect(deactivated.first()).toContainText(`Deactivated: ${NAME}`);
  const moved = table
    .getByRole("row")
    .filter({ hasText: "Reason: Moved to the South team from today (fictional e2e)" });
  await expect(moved.first()).toContainText("Changed a user's role or team");
  await expect(moved.first()).toContainText(`Person: ${NAME}`);
  await expect(
    table.getByRole("row").filter({ hasText: "Reason: Returned to the South team (fictional e2e)" }).first(),
  ).toContainText(`Reactivated: ${NAME}`);
  await expectNoAxeViolations(page);
});

test("nobody can register themselves: the sign-in page offers no way to, and others cannot add users", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: authFile("tm1") });
  const page = await context.newPage();
  await page.goto("/admin/users/new");
  await expect(page).toHaveURL("/children");
  await context.close();
  const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signInPage = await anonymous.newPage();
  await signInPage.goto("/sign-in");
  await expect(signInPage.getByRole("link", { name: /register|sign up|create an account/i })).toHaveCount(0);
  await anonymous.close();
});
