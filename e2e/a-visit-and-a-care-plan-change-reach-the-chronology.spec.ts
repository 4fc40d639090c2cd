// The record's everyday journey: a social worker records a visit with the child's views and
// drafts a change to the care plan; a team manager approves it; both care plan versions and the
// decision then appear in the chronology, and the record's pages pass axe.
import { expect, test, type Page } from "@playwright/test";
import { account, authFile, childPath, demoChildName } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";

// Child 1 is allocated to social.worker2 and managed by team.manager; the demo gives them an approved plan (version 1).
const CHILD = 1;
const name = demoChildName(CHILD);
const stamp = Date.now().toString(36);

test.describe.configure({ mode: "serial" });

async function openAs(browser: import("@playwright/test").Browser, key: "sw2" | "tm1"): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(key), viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

test("a social worker records a visit with the child's views", async ({ browser }) => {
  const page = await openAs(browser, "sw2");
  await page.goto(`${childPath(CHILD)}/visits`);
  await expect(page.getByRole("heading", { name: "Visits", level: 2 })).toBeVisible();
  await page.getByRole("link", { name: "Add a visit" }).click();
  await expect(page.getByRole("heading", { name: "Add a visit" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Title").fill(`Statutory visit ${stamp}`);
  await page.getByLabel("Date of visit").fill("20/11/2026");
  await page.getByLabel("Visited by").fill(account("sw2").name);
  await page.getByLabel("Type of visit").selectOption("Statutory visit");
  await page.getByLabel("Child seen alone").selectOption("Yes");
  await page.getByRole("radio", { name: "Views given" }).check();
  await page
    .getByLabel("In their words, or why not")
    .fill(`I want to stay with my carers and see my sister at weekends (${stamp}).`);
  await page.getByLabel("Observations").fill(`${name.firstName} was relaxed and showed me their room.`);
  await expect(page.getByRole("status").filter({ hasText: "Draft saved at" })).toBeVisible({ timeout: 15_000 });
  await page.getByRole("button", { name: "Save visit" }).click();

  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}\?saved=created$/);
  await expect(page.getByRole("status").filter({ hasText: "Visit saved" })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Statutory visit ${stamp}` })).toBeVisible();
  await expect(page.getByText(`see my sister at weekends (${stamp})`)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "visit-recorded");
  await page.context().close();
});

test("a social worker drafts a change to the approved care plan and submits it", async ({ browser }) => {
  const page = await openAs(browser, "sw2");
  await page.goto(`${childPath(CHILD)}/care-plan`);
  await expect(page.getByText(/version 1/i).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Start a new version" }).click();
  await expect(page).toHaveURL(/\/care-plan\/edit$/);
  const outcomes = page.getByLabel("Planned outcomes and how they will be met");
  await outcomes.fill(`Move to weekly contact with her sister from January (${stamp}).`);
  await expectNoAxeViolations(page);

  // A draft may be incomplete, a plan submitted for approval may not: without its health plan and
  // personal education plan it is saved but not submitted, and the summary leads to each missing part.
  const health = page.getByLabel("Health plan", { exact: true });
  const education = page.getByLabel("Personal education plan", { exact: true });
  const [healthText, educationText] = [await health.inputValue(), await education.inputValue()];
  const title = await page.title();
  await health.fill("");
  await education.fill("");
  await page.getByRole("button", { name: "Save and submit for approval" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Your draft was saved but not submitted");
  await expect(page).toHaveTitle(`Error: ${title}`);
  await expect(page).toHaveURL(/\/care-plan\/edit$/);
  const missingHealth = summary.getByRole("link", { name: "Enter the health plan" });
  const missingEducation = summary.getByRole("link", { name: "Enter the personal education plan" });
  await expect(missingHealth).toBeVisible();
  await expect(missingEducation).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "care-plan-incomplete");
  await missingEducation.click();
  await expect(education).toBeFocused();
  await missingHealth.click();
  await expect(health).toBeFocused();
  await health.fill(healthText);
  await education.fill(educationText);

  await page.getByRole("button", { name: "Save and submit for approval" }).click();
  await expect(page).toHaveURL(/\/care-plan$/, { timeout: 15_000 });
  await expect(page.getByRole("heading", { name: "Version 2: waiting for approval" })).toBeVisible();
  await page.context().close();
});

test("a team manager approves it, and both versions and the decision are in the chronology", async ({ browser }) => {
  const page = await openAs(browser, "tm1");
  await page.goto(`${childPath(CHILD)}/care-plan`);
  // Approving is a decision: it asks for the views of each parent with parental responsibility.
  const parents = page.getByLabel(/'s views$/);
  for (let i = 0; i < (await parents.count()); i++) await parents.nth(i).selectOption("sought_not_given");
  await page
    .getByLabel("Reasons for approving version 2")
    .fill("Weekly sibling contact agreed at the review; the child asked for it.");
  await page.getByRole("button", { name: "Approve version 2" }).click();
  await expect(page.getByRole("heading", { name: "The plan in force: version 2" })).toBeVisible({ timeout: 15_000 });
  await shot(page, "care-plan-approved");

  await page.goto(`${childPath(CHILD)}/care-plan/compare?a=1&b=2`);
  await expect(page.getByText(/parts? of the plan changed between version 1 and version 2/)).toBeVisible();
  // The new words are marked as added (with words for screen readers, not colour alone).
  await expect(page.locator("ins").filter({ hasText: "weekly" }).first()).toBeVisible();
  await expect(page.locator("ins").filter({ hasText: stamp }).first()).toBeAttached();
  await expectNoAxeViolations(page);

  await page.goto(`${childPath(CHILD)}/chronology`);
  const events = page.getByRole("listitem");
  await expect(events.filter({ hasText: "Care plan version 2 approved" })).toHaveCount(1);
  await expect(events.filter({ hasText: "Version 2, approved and in force" })).toHaveCount(1);
  await expect(events.filter({ hasText: "Version 1, superseded by a later plan" })).toHaveCount(1);
  const visit = events.filter({ hasText: `Statutory visit ${stamp}` });
  await expect(visit).toHaveCount(1);
  await expect(visit).toContainText("Child's views:");
  await expectNoAxeViolations(page);
  await shot(page, "chronology");

  // The decision can be found again by searching, and the section filter narrows to decisions.
  await page.getByLabel("Section", { exact: true }).selectOption("decisions");
  await page.getByLabel("Search", { exact: true }).fill("version 2 approved");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Care plan version 2 approved" })).toHaveCount(1);
  await expect(page.getByRole("listitem").filter({ hasText: `Statutory visit ${stamp}` })).toHaveCount(0);

  await page.goto(childPath(CHILD));
  await shot(page, "child-record");
  await page.context().close();
});
