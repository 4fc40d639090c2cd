// Automated accessibility checks (axe, WCAG 2.0 to 2.2 A and AA) on the pages people use most.
import { expect, test } from "@playwright/test";
import { authFile, childPath } from "./support/demo";
import { expectNoAxeViolations } from "./support/pages";
import { hoursAgo } from "./support/when";

test("the sign-in page, and its error state, have no accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill("nobody.here@demo.invalid");
  await page.getByLabel("Password").fill("wrong-password-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe("as a North social worker", () => {
  test.use({ storageState: authFile("sw1") });

  test("the caseload page has no accessibility violations", async ({ page }) => {
    await page.goto("/children");
    await expectNoAxeViolations(page);
  });

  test("a child's overview page has no accessibility violations", async ({ page }) => {
    await page.goto(childPath(0));
    await expect(page.getByRole("heading", { name: "Episodes of care" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("as a North team manager", () => {
  test.use({ storageState: authFile("tm1") });

  test("the child protection page, as a plan starts and ends, has no accessibility violations", async ({ page }) => {
    // Child 18 (North) has no Child Protection Plan in the demo and no other journey uses it.
    await page.goto(`${childPath(18)}/child-protection`);
    await expect(page.getByText("No Child Protection Plan is in force.")).toBeVisible();
    await expectNoAxeViolations(page);

    const start = page.getByRole("form", { name: "Start a Child Protection Plan" });
    const started = hoursAgo(3);
    await start.getByLabel("Date", { exact: true }).fill(started.date);
    await start.getByLabel("Time").fill(started.time);
    await start.getByLabel("Category").selectOption({ label: "Physical abuse" });
    await start.getByRole("button", { name: "Record the plan" }).click();
    await expect(page.getByText("A Child Protection Plan is in force (Physical abuse)")).toBeVisible();
    await expectNoAxeViolations(page);

    const end = page.getByRole("form", { name: "End the Child Protection Plan" });
    // Ending it without a reason shows the error summary, which must meet the standard too.
    await end.getByRole("button", { name: "Record the end of the plan" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
    await expectNoAxeViolations(page);
    const ended = hoursAgo(1);
    await end.getByLabel("Date", { exact: true }).fill(ended.date);
    await end.getByLabel("Time").fill(ended.time);
    await end.getByLabel("Why the plan ended").fill("Child protection conference ended the plan (fictional)");
    await end.getByRole("button", { name: "Record the end of the plan" }).click();
    await expect(page.getByText("No Child Protection Plan is in force.")).toBeVisible();
    await expect(page.getByText(/to \d{2}\/\d{2}\/\d{4}: Child protection conference ended the plan/)).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe("as a South social worker", () => {
  test.use({ storageState: authFile("sw3") });

  test("the record-not-available and break-glass pages have no accessibility violations", async ({ page }) => {
    await page.goto(childPath(14));
    await expect(page.getByRole("heading", { name: "Record not available" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(`${childPath(14)}/break-glass`);
    await expectNoAxeViolations(page);
  });
});

test.describe("as the records officer", () => {
  test.use({ storageState: authFile("ro") });

  for (const path of ["/audit", "/admin/users", "/admin/retention"]) {
    test(`the ${path} page has no accessibility violations`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
