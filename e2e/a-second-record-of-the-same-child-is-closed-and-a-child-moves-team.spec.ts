// A records officer finds two records of the same child by reference, keeps one in use and closes
// the other: the closed record stays readable, says which record is in use, and offers nothing to
// add. A team manager transfers a child to another team, and stops managing them at once.
import { expect, test, type Browser } from "@playwright/test";
import { authFile } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";

async function newRecord(
  browser: Browser,
  key: "sw1" | "tm1",
  lastName: string,
  notDuplicate?: string,
  dateOfBirth = "03/05/2014",
) {
  const context = await browser.newContext({ storageState: authFile(key) });
  const page = await context.newPage();
  await page.goto("/children/new");
  const form = page.getByRole("form", { name: "Create a child's record" });
  await form.getByLabel("Legal first name").fill("Quinn");
  await form.getByLabel("Legal last name").fill(lastName);
  await form.getByLabel("Date of birth").fill(dateOfBirth);
  await form.getByLabel("Sex").selectOption({ label: "Male" });
  await form.getByLabel("Ethnicity").selectOption({ label: "White British" });
  await form.getByLabel("Unique Pupil Number").fill("UN4");
  await form.getByRole("button", { name: "Create the record" }).click();
  if (notDuplicate) {
    // The worker is shown the first record as a possible duplicate, and (wrongly) says why this is another child.
    await expect(page.getByText("This may be a child who already has a record", { exact: true })).toBeVisible();
    await form.getByLabel("Why is this a different child?").fill(notDuplicate);
    await form.getByRole("button", { name: "Create the record" }).click();
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Quinn ${lastName}`);
  const reference = (await page.getByText(/^DEMO-\d+ · Born/).textContent())?.split(" ")[0] ?? "";
  return { context, page, url: page.url(), reference };
}

test("a records officer closes a second record of the same child in favour of the first", async ({ browser }) => {
  const first = await newRecord(browser, "sw1", "Sametest (fictional)");
  const second = await newRecord(
    browser,
    "sw1",
    "Sametest-Twice (fictional)",
    "The referral gave a different surname and school (fictional)",
  );

  const ro = await browser.newContext({ storageState: authFile("ro") });
  const page = await ro.newPage();
  await page.goto("/audit");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Same child" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Records of the same child");
  await page.getByLabel("Reference of the record to close").fill(second.reference);
  await page.getByLabel("Reference of the record to keep in use").fill(first.reference);
  await page.getByRole("button", { name: "Find the records" }).click();
  // Only what is needed to tell the records apart: name, reference and date of birth.
  await expect(page.getByText("Quinn Sametest-Twice (fictional)")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: `Close ${second.reference} and keep ${first.reference} in use` }).click();
  await expect(page.getByRole("alert").getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await page.getByRole("link", { name: "Say how you know these are the same child, in a sentence or two" }).click();
  await expect(page.getByLabel("How you know these are the same child")).toBeFocused();
  await page
    .getByLabel("How you know these are the same child")
    .fill("The school confirmed one pupil with both spellings of the surname (fictional).");
  await page.getByRole("button", { name: `Close ${second.reference} and keep ${first.reference} in use` }).click();
  await expect(page.getByText("Marked as the same child")).toBeVisible();
  await expect(page.getByRole("cell", { name: second.reference, exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "same-child-marked");

  // The worker: the closed record is readable, names the record in use, and offers nothing to add.
  await second.page.goto(`${second.url}/visits`);
  await expect(second.page.getByText("This record is closed")).toBeVisible();
  await expect(second.page.getByRole("link", { name: first.reference })).toBeVisible();
  await expect(second.page.getByRole("link", { name: /^Add a/ })).toHaveCount(0);
  await expectNoAxeViolations(second.page);
  await shot(second.page, "same-child-closed-record");
  await first.page.goto(first.url);
  await expect(first.page.getByText("Also recorded under another reference")).toBeVisible();
  await first.page.goto(`${first.url}/visits`);
  await expect(first.page.getByRole("link", { name: /^Add a/ })).toBeVisible();
  for (const c of [first.context, second.context, ro]) await c.close();
});

test("a team manager transfers a child to another team and no longer manages them", async ({ browser }) => {
  const made = await newRecord(browser, "tm1", "Movetest-Elsewhere (fictional)", undefined, "17/09/2012");
  const page = made.page;
  await page.getByText("Transfer to another team").click();
  const form = page.getByRole("form", { name: "Transfer to another team" });
  await form.getByLabel("Transfer to").selectOption({ label: "South Locality Team (demo)" });
  const today = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London" }).format(new Date());
  await form.getByLabel("From").fill(today);
  await expectNoAxeViolations(page);
  await form.getByRole("button", { name: "Transfer the child" }).click();
  // The record now belongs to the South team: its manager sees it, this one no longer can.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Quinn Movetest-Elsewhere (fictional)");
  const south = await browser.newContext({ storageState: authFile("tm2") });
  const southPage = await south.newPage();
  await southPage.goto(made.url);
  await expect(southPage.getByRole("heading", { level: 1 })).toHaveText("Quinn Movetest-Elsewhere (fictional)");
  await expect(southPage.getByText("South Locality Team (demo)", { exact: true })).toBeVisible();
  await expectNoAxeViolations(southPage);
  await made.context.close();
  await south.close();
});
