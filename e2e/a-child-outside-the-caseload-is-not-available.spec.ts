// A direct address to a child the person may not see reveals nothing, looks exactly like a child
// that does not exist, and the refusal is in the audit log.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { account, authFile, childPath, demoChildName } from "./support/demo";
import { findAuditRow, shot } from "./support/pages";

// Child 10 is in the North team; south.worker is not.
const NORTH_CHILD = 10;

async function notAvailable(page: Page, path: string) {
  const response = await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Record not available");
  return { status: response?.status(), main: await page.getByRole("main").innerText(), html: await page.content() };
}

test.describe("as a South social worker", () => {
  test.use({ storageState: authFile("sw3") });

  test("opening a North child's address says the record is not available, reveals nothing, and is audited as refused", async ({
    page,
    browser,
  }) => {
    const { firstName, lastName } = demoChildName(NORTH_CHILD);
    const refused = await notAvailable(page, childPath(NORTH_CHILD));
    await shot(page, "record-not-available");
    await expect(page.getByRole("main")).toContainText("You do not have access to this record, or it does not exist.");
    for (const part of [firstName, lastName, `DEMO-${1001 + NORTH_CHILD}`]) {
      expect(refused.html, `the page must not reveal "${part}"`).not.toContain(part);
    }

    // A child that does not exist gives exactly the same page.
    const missing = await notAvailable(page, `/children/${randomUUID()}`);
    expect(missing.status).toBe(refused.status);
    expect(missing.main).toBe(refused.main);
    // The way back is the worker's caseload.
    await expect(page.getByRole("link", { name: "Back to children" })).toHaveAttribute("href", "/children");

    // The records officer finds the refused view of this child by this person.
    const ro = await browser.newContext({ storageState: authFile("ro") });
    const audit = await ro.newPage();
    await audit.goto("/audit");
    const row = await findAuditRow(audit, [
      account("sw3").name,
      "Opened the overview section",
      "Refused",
      `DEMO-${1001 + NORTH_CHILD}`,
    ]);
    await expect(row).toBeVisible();
    await shot(audit, "audit-refused-view");
    await ro.close();
  });

  test("an address that is not a child id at all gives the same page", async ({ page }) => {
    const refused = await notAvailable(page, childPath(NORTH_CHILD));
    const nonsense = await notAvailable(page, "/children/not-a-real-id");
    expect(nonsense.status).toBe(refused.status);
    expect(nonsense.main).toBe(refused.main);
  });

  test("a South child in the person's own team opens normally", async ({ page }) => {
    const { firstName, lastName } = demoChildName(30);
    await page.goto(childPath(30));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${firstName} ${lastName}`);
  });
});
