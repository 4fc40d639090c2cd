// A record section, a care plan version and the chronology print as the record itself: no
// navigation or controls, the child's name and reference at the top of every page, entries whole.
import { expect, test, type Page } from "@playwright/test";
import { account, authFile, childPath, demoChildName } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";

test.use({ storageState: authFile("sw1") });

const CHILD = 0;
const REFERENCE = `DEMO-${1001 + CHILD}`;

async function expectPrintable(page: Page, name: string) {
  await expect(page.getByRole("button", { name: /^Print/ })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const { firstName, lastName } = demoChildName(CHILD);
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Sections of the record" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeHidden();
  await expect(page.getByRole("button", { name: /^Print/ })).toBeHidden();
  const head = page.locator(".print-running-head");
  await expect(head).toBeVisible();
  await expect(head).toContainText(`${firstName} ${lastName} · ${REFERENCE}`);
  // The running head is a table header group: the browser repeats it at the top of every page.
  expect(await head.evaluate((el) => getComputedStyle(el).display)).toBe("table-header-group");
  expect(
    await page
      .locator(".print-entry")
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside),
  ).toBe("avoid");
  await expectNoAxeViolations(page);
  await shot(page, `print-${name}`);
  // The browser really prints it (A4), and a page count is in the PDF's page objects.
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect((pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length).toBeGreaterThan(0);
  await page.emulateMedia({ media: "screen" });
}

test("the chronology prints with the child's name and reference on each page", async ({ page }) => {
  await page.goto(`${childPath(CHILD)}/chronology`);
  await expectPrintable(page, "chronology");
});

test("a care plan version prints with every statutory part", async ({ page }) => {
  await page.goto(`${childPath(CHILD)}/care-plan/versions/1`);
  for (const part of [
    "Plan for permanence",
    "Health plan",
    "Personal education plan",
    "Placement plan",
    "Contingency plan",
  ]) {
    await expect(page.getByRole("heading", { name: part, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("main")).not.toContainText("(optional)");
  // The IRO the plan names (reg 5(d)), stored with the version when it was submitted, on paper too.
  const namedIro = page.getByTestId("named-iro");
  await expect(namedIro).toHaveText(`Independent Reviewing Officer: ${account("iro1").name}`);
  await page.emulateMedia({ media: "print" });
  await expect(namedIro).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await expectPrintable(page, "care-plan-version");
});

test("a record section prints as a list of its entries", async ({ page }) => {
  await page.goto(`${childPath(CHILD)}/visits`);
  await expectPrintable(page, "visits");
});
