// Automated accessibility checks (axe, WCAG 2.0 to 2.2 A and AA) on the pages people use most.
import { expect, test } from "@playwright/test";
import { authFile, childPath } from "./support/demo";
import { expectNoAxeViolations } from "./support/pages";

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
