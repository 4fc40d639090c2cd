// The records officer has no caseload: they find a child by name, reference or date of birth (the
// results show only those), and open the record through break-glass from the result; the
// breadcrumb leads back to the search.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { authFile, childPath, demoChildName } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";

const CHILD = 20; // North; nothing else the journeys do opens it through break-glass
const REFERENCE = `DEMO-${1001 + CHILD}`;

test.use({ storageState: authFile("ro") });

test("the records officer finds a child by surname, by reference and by date of birth, seeing only those", async ({
  page,
}) => {
  const { firstName, lastName } = demoChildName(CHILD);
  await page.goto("/find-a-child");
  await expectNoAxeViolations(page);
  const search = page.getByRole("searchbox", { name: "Name, reference or date of birth" });
  await search.fill(lastName);
  await page.getByRole("button", { name: "Search" }).click();
  const table = page.getByRole("table", { name: "Children matching the search" });
  const row = table.getByRole("row").filter({ hasText: REFERENCE });
  await expect(row).toContainText(`${firstName} ${lastName}`);
  await expect(table.getByRole("columnheader")).toHaveText(["Name", "Reference", "Date of birth", "Action"]);
  const born = (await row.getByRole("cell").nth(2).innerText()).trim();
  expect(born).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  // Nothing from the record itself: no worker, no legal status, no address.
  await expect(page.getByRole("main")).not.toContainText("Example Road");
  await expect(page.getByRole("main")).not.toContainText("Allocated");
  await expectNoAxeViolations(page);
  await shot(page, "find-a-child-results");

  await search.fill(REFERENCE.toLowerCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await search.fill(born);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(table.getByRole("row").filter({ hasText: REFERENCE })).toHaveCount(1);
});

test("break-glass from a search result opens the record, and the breadcrumb leads back to the search", async ({
  page,
}) => {
  await page.goto(`/find-a-child?q=${REFERENCE}`);
  await page.getByRole("link", { name: /Open with break-glass access/ }).click();
  await expect(page).toHaveURL(`${childPath(CHILD)}/break-glass`);
  // The way back is the records officer's search, not a caseload they do not have.
  await expect(page.getByRole("link", { name: "Cancel and go back to find a child" })).toHaveAttribute(
    "href",
    "/find-a-child",
  );
  await page
    .getByLabel("Why do you need to see this record?")
    .fill("Subject access request from the child's solicitor, ref SAR-2026-17 (fictional)");
  await page.getByRole("button", { name: /break-glass/i }).click();
  await expect(page).toHaveURL(childPath(CHILD));
  await expect(page.getByText("Break-glass access: this visit is logged for review")).toBeVisible();
  const breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(breadcrumb.getByRole("link")).toHaveText("Find a child");
  await breadcrumb.getByRole("link", { name: "Find a child" }).click();
  await expect(page).toHaveURL("/find-a-child");
});

test("a record that is not available leads the records officer back to their search", async ({ page }) => {
  await page.goto(`/children/${randomUUID()}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record not available");
  await page.getByRole("link", { name: "Back to find a child" }).click();
  await expect(page).toHaveURL("/find-a-child");
});
