// The records officer searches the audit log by person, action, outcome, child and dates, pages
// through it, exports the filtered view as CSV (and the export is itself in the log), and reads
// everything held on one child with who has looked at it (a subject access request).
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { account, authFile, childPath } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";

test.use({ storageState: authFile("ro") });

const CHILD = 0;
const REFERENCE = `DEMO-${1001 + CHILD}`;

test.beforeAll(async ({ browser }) => {
  // Something to find: the allocated worker opens the child's visits.
  const context = await browser.newContext({ storageState: authFile("sw1") });
  const page = await context.newPage();
  await page.goto(`${childPath(CHILD)}/visits`);
  await context.close();
});

test("filters by person, action, child and dates show only matching events, in words", async ({ page }) => {
  await page.goto("/audit");
  await page.getByLabel("Person").fill("social.worker@demo.invalid");
  await page.getByLabel("What happened").selectOption({ label: "Opened the visits section" });
  await page.getByLabel("Outcome").selectOption("allowed");
  await page.getByLabel("Child").fill(REFERENCE);
  const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London" }).format(new Date());
  await page.getByLabel("From").fill(today);
  await page.getByLabel("To").fill(today);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/user=social\.worker/);
  const rows = page.getByRole("table", { name: /Audit events/ }).getByRole("row");
  await expect(rows.nth(1)).toBeVisible();
  const count = await rows.count();
  for (let i = 1; i < count; i++) {
    await expect(rows.nth(i)).toContainText(account("sw1").name);
    await expect(rows.nth(i)).toContainText("Opened the visits section");
    await expect(rows.nth(i)).toContainText(REFERENCE);
  }
  await expect(page.getByRole("main")).not.toContainText("visits.view");
  await expectNoAxeViolations(page);
  await shot(page, "audit-filtered");

  // A date range long ago matches nothing; a date that is not real is named on its field.
  await page.getByLabel("From").fill("01/01/2001");
  await page.getByLabel("To").fill("31/12/2001");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No events match these filters")).toBeVisible();
  await page.getByLabel("From").fill("31/02/2026");
  await page.getByRole("button", { name: "Apply filters" }).click();
  const summary = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "There is a problem" }) });
  const problem = summary.getByRole("link", { name: "The date from must be a real date, like 27/03/2026" });
  await expect(problem).toBeVisible();
  // The GOV.UK error summary: it has focus, the title says there is an error, the link leads to the field.
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Audit log/);
  await expectNoAxeViolations(page);
  await problem.click();
  await expect(page.getByLabel("From")).toBeFocused();
  await page.getByLabel("From").fill("");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveTitle(/^Audit log/);
});

test("the log pages back and forth through older and newer events", async ({ page, browser }) => {
  // More than a page of events, whatever else has run: the worker opens the child's sections.
  const worker = await browser.newContext({ storageState: authFile("sw1") });
  for (let i = 0; i < 55; i++) await worker.request.get(`${childPath(CHILD)}/visits`);
  await worker.close();
  await page.goto("/audit");
  const firstRow =
    (await page
      .getByRole("table", { name: /Audit events/ })
      .getByRole("row")
      .nth(1)
      .textContent()) ?? "";
  await page.getByRole("link", { name: "Older events" }).click();
  await expect(page).toHaveURL(/before=\d+/);
  await page.getByRole("link", { name: "Newer events" }).click();
  await expect(page).toHaveURL(/after=\d+/);
  await expect(
    page
      .getByRole("table", { name: /Audit events/ })
      .getByRole("row")
      .nth(1),
  ).toHaveText(firstRow);
});

test("a filtered view exports as CSV, and the export is in the log, flagged", async ({ page }) => {
  await page.goto(`/audit?user=${encodeURIComponent("social.worker@demo.invalid")}&action=visits.view`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export these events as CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const chunks = (await (await download.createReadStream()).toArray()) as Buffer[];
  const text = Buffer.concat(chunks).toString("utf8");
  const rows = parse(text.replace(/^\uFEFF/, "")) as string[][];
  expect(rows[0]).toContain("What happened");
  expect(rows.length).toBeGreaterThan(1);
  for (const row of rows.slice(1)) {
    expect(row[5]).toBe("Opened the visits section");
    expect(row[4]).toBe("social.worker@demo.invalid");
  }

  await page.goto("/audit?action=audit.export&flagged=1");
  const exportRow = page
    .getByRole("table", { name: /Audit events/ })
    .getByRole("row")
    .nth(1);
  await expect(exportRow).toContainText("Exported the audit log");
  await expect(exportRow).toContainText(account("ro").name);
  await expect(exportRow).toContainText("Flagged");
});

test("the subject access view shows what is held on a child and who has looked at it, and prints cleanly", async ({
  page,
}) => {
  await page.goto(`/audit?child=${REFERENCE}`);
  await page
    .getByRole("link", { name: new RegExp(`^${REFERENCE}`) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Subject access:");
  await expect(page.getByRole("heading", { name: /^Entries held \(\d+\)$/ })).toBeVisible();
  // Everything else held, each with its count: reviews, the IRO's work, people, siblings, care events.
  for (const kind of [
    "Reviews",
    "Review decisions and recommendations",
    "The IRO's monitoring notes",
    "The IRO's disputes about the care plan",
    "People linked to the child",
    "Sibling links",
    "Missing and away from placement",
    "CP and CLA marker tasks",
    "Allocations",
    "Unaccompanied asylum-seeking child status",
    "Contact with the care leaver",
    "Adoption milestones",
    "Duplicate entries from other records",
  ])
    await expect(page.getByRole("heading", { level: 3, name: new RegExp(`^${kind} \\(\\d+\\)$`) })).toBeVisible();
  const lookers = page.getByRole("table", { name: "People who have looked at or changed the record" });
  await expect(lookers.getByRole("row").filter({ hasText: account("sw1").name })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "subject-access");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByText(`· ${REFERENCE} · confidential`)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "subject-access-print");
});
