// A supervising social worker records an incident on a foster carer household's own record and
// places a duplicate entry on the records of the two siblings placed there; each child's social
// worker sees the copy on their child's record with where it came from (and that the carer's
// record itself is not theirs to open); when the source is amended the copy says so and is brought
// up to date as a new version. Every new page passes axe.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { authFile, childPath, demoChildName, type DemoUserKey } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";

// Siblings 0 (sw1's) and 1 (sw2's) are placed together with the Linden household in the demo (scripts/seed/journeys.ts).
const HOUSEHOLD = "The Linden household, Brightwater foster carers (fictional)";
const stamp = Date.now().toString(36);
const title = `Incident at the household ${stamp} (fictional)`;
const siblings = [0, 1].map((n) => ({ n, ...demoChildName(n) }));

test.describe.configure({ mode: "serial" });

async function openAs(browser: Browser, key: DemoUserKey): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(key), viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

const today = () =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(new Date());

test("a supervising social worker records an incident on the foster carers' record and places a copy on both siblings' records", async ({
  browser,
}) => {
  const page = await openAs(browser, "ssw");
  await page.goto("/carers");
  await expect(page.getByRole("heading", { name: "Foster carers and children's homes" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "carers-list");
  await page.getByRole("link", { name: HOUSEHOLD }).click();
  await expect(page.getByRole("heading", { name: HOUSEHOLD, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Children placed here, past and present" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "carer-record");

  await page.getByLabel("Kind of entry").selectOption("incident");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Date it happened").fill(today());
  await page
    .getByLabel("What happened")
    .fill("A window was broken during a game; both children were safe (fictional).");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/\/carers\/[0-9a-f-]{36}\/entries\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  for (const s of siblings) await page.getByLabel(`${s.firstName} ${s.lastName}`, { exact: true }).check();
  await page.getByRole("button", { name: "Place duplicate entries" }).click();
  const copies = page.getByRole("region", { name: "Duplicate entries on children's records" });
  for (const s of siblings)
    await expect(copies.getByText(`${s.firstName} ${s.lastName}: a copy of version 1`)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "carer-entry-with-duplicates");
  await page.context().close();
});

for (const [i, key] of (["sw1", "sw2"] as const).entries()) {
  test(`the social worker of sibling ${i + 1} (${key}) sees the copy on the child's record with where it came from`, async ({
    browser,
  }) => {
    const s = siblings[i];
    if (!s) throw new Error("two siblings");
    const page = await openAs(browser, key);
    await page.goto(`${childPath(s.n)}/duplicates`);
    await expect(page.getByRole("heading", { name: "Duplicate entries", level: 2 })).toBeVisible();
    await expectNoAxeViolations(page);
    const item = page.getByRole("listitem").filter({ hasText: title });
    await expect(item).toContainText(`From ${HOUSEHOLD}, version 1`);
    await item.getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { name: title, level: 2 })).toBeVisible();
    const source = page.locator("section").filter({ has: page.getByRole("heading", { name: "Where it came from" }) });
    await expect(source).toContainText(HOUSEHOLD);
    await expect(source).toContainText("Sam Hollis (demo)");
    await expect(source).toContainText("The source is on another record that is not available to you.");
    await expect(page.getByText("both children were safe")).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, `duplicate-entry-${key}`);
    await page.goto(`${childPath(s.n)}/people`);
    await expect(page.getByRole("heading", { name: "Family and people" })).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, `family-and-people-${key}`);
    await page.context().close();
  });
}

test("when the source is amended the copy says so, and the child's worker brings it up to date as a new version", async ({
  browser,
}) => {
  const ssw = await openAs(browser, "ssw");
  await ssw.goto("/carers");
  await ssw.getByRole("link", { name: HOUSEHOLD }).click();
  await ssw.getByRole("link", { name: title }).click();
  await ssw.getByText("Amend this entry").click();
  await ssw
    .getByLabel("What happened")
    .fill("A window was broken during a game; the glazier came the same day (fictional).");
  await ssw.getByLabel("Why are you amending this?").fill("Added what happened next (fictional)");
  await ssw.getByRole("button", { name: "Save amendment" }).click();
  await expect(ssw.getByText("version 2 of 2")).toBeVisible();
  await ssw.context().close();

  const page = await openAs(browser, "sw1");
  const s = siblings[0];
  if (!s) throw new Error("two siblings");
  await page.goto(`${childPath(s.n)}/duplicates`);
  const item = page.getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText("The source has changed");
  await item.getByRole("link", { name: title }).click();
  await expect(page.getByText("The source has changed")).toBeVisible();
  await expect(page.getByText("both children were safe")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Bring this copy up to date" }).click();
  await expect(page.getByText("the glazier came the same day")).toBeVisible();
  await expect(page.getByText("version 2 of 2 of this copy")).toBeVisible();
  await expect(page.getByText(/Brought up to date with version 2 of the source/)).toBeVisible();
  await shot(page, "duplicate-entry-brought-up-to-date");
  await page.context().close();
});
