// A letter filed on the wrong child: the records officer opens the record with break-glass,
// seals the entry with the reason, and the allocated worker no longer sees it. Nothing is deleted.
import { expect, test } from "@playwright/test";
import { authFile, childPath } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";

const CHILD = 5; // allocated to social.worker2; the demo gives each child a letter from school

test("the records officer seals a misfiled letter, and the allocated worker no longer sees it", async ({ browser }) => {
  const ro = await browser.newContext({ storageState: authFile("ro") });
  const page = await ro.newPage();
  await page.goto(`${childPath(CHILD)}/break-glass`);
  await page
    .getByLabel("Why do you need to see this record?")
    .fill("Report of a letter filed on the wrong child's record: checking to seal it.");
  await page.getByRole("button", { name: "Open the record with break-glass access" }).click();
  await expect(page).toHaveURL(childPath(CHILD));
  await page.goto(`${childPath(CHILD)}/correspondence`);
  await page.getByRole("link", { name: "Letter from school about trip" }).click();
  await page.getByText("Seal this entry as misfiled").click();
  await page
    .getByLabel("Why is this entry misfiled?")
    .fill("This letter is about a sibling's school trip; it belongs on the sibling's record.");
  await page.getByRole("button", { name: "Seal this entry" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sealed as misfiled" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "entry-sealed");
  await ro.close();

  const worker = await browser.newContext({ storageState: authFile("sw2") });
  const list = await worker.newPage();
  await list.goto(`${childPath(CHILD)}/correspondence`);
  await expect(list.getByRole("heading", { name: "Correspondence", level: 2 })).toBeVisible();
  await expect(list.getByRole("link", { name: "Letter from school about trip" })).toHaveCount(0);
  await worker.close();
});
