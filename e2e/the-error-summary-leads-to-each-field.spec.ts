// The GOV.UK error summary: a form with problems lists each one as a link, takes focus, and puts
// "Error:" before the page title; each link moves focus to its field. Visited by starts as the
// signed-in worker, and a saved visit says so.
import { expect, test } from "@playwright/test";
import { account, authFile, childPath } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";

const CHILD = 18; // North, allocated to social.worker (sw1)

test.use({ storageState: authFile("sw1") });

test("a visit with missing answers lists each problem, and each link moves focus to its field", async ({ page }) => {
  await page.goto(`${childPath(CHILD)}/visits/new`);
  await expect(page.getByRole("heading", { name: "Add a visit" })).toBeVisible();
  const visitedBy = page.getByLabel("Visited by");
  await expect(visitedBy).toHaveValue(account("sw1").name);
  const title = await page.title();

  await visitedBy.fill("");
  await page.getByRole("button", { name: /^Save/ }).click();

  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(`Error: ${title}`);
  const links = summary.getByRole("link");
  await expect(links.filter({ hasText: "Enter the name of the person who visited the child" })).toBeVisible();
  await expect(links.filter({ hasText: "Select whether the child was seen alone" })).toBeVisible();
  await expect(links.filter({ hasText: "Enter the date of the visit" })).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText("Some of the information needs correcting");
  await expectNoAxeViolations(page);
  await shot(page, "error-summary-visit");

  await links.filter({ hasText: "Enter the name of the person who visited the child" }).click();
  await expect(visitedBy).toBeFocused();
  await links.filter({ hasText: "Select whether the child was seen alone" }).click();
  await expect(page.getByLabel("Child seen alone")).toBeFocused();
  await links.filter({ hasText: "Enter the date of the visit" }).click();
  await expect(page.getByLabel("Date of visit")).toBeFocused();
});

test("a complete visit saves and says so", async ({ page }) => {
  // Another of the worker's children: the journey above leaves an autosaved draft on its own.
  await page.goto(`${childPath(8)}/visits/new`);
  await page.getByLabel("Title", { exact: true }).fill("Statutory visit at the carers' home (e2e)");
  await page.getByLabel("Date of visit").fill("02/11/2026");
  await page.getByLabel("Type of visit").selectOption("Statutory visit");
  await page.getByLabel("Child seen alone").selectOption("Yes");
  await page.getByLabel("Observations").fill("Settled and chatty; showed me her new bike (fictional).");
  await page.getByRole("button", { name: /^Save/ }).click();
  const banner = page.getByRole("status").filter({ hasText: "Visit saved" });
  await expect(banner).toBeVisible();
  await expect(page).toHaveURL(/saved=created/);
  await expect(page.getByRole("main")).toContainText(account("sw1").name);
  await expectNoAxeViolations(page);
});
