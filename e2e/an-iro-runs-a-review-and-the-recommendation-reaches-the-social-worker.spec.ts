// An IRO schedules a review (inviting the people on the child's record), records it with the
// child's and each parent's views, signs it off with a recommendation; the recommendation is on
// the social worker's work tray with its due date, and the team manager's compliance table counts
// the review as held on time.
import { expect, test, type Page } from "@playwright/test";
import { authFile, childPath } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";
import { hoursAgo } from "./support/when";

/** The team's reviews held on time in the month of `ukDate` (dd/mm/yyyy), from the compliance table. */
async function reviewsOnTime(page: Page, ukDate: string) {
  await page.goto("/team");
  const [d, m, y] = ukDate.split("/").map(Number) as [number, number, number];
  const month = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  const cell = page
    .getByRole("row", { name: new RegExp(`^${month}`) })
    .getByRole("cell")
    .first();
  const text = (await cell.textContent()) ?? "";
  const found = /^(\d+) of (\d+)/.exec(text);
  return found ? { onTime: Number(found[1]), due: Number(found[2]) } : { onTime: 0, due: 0 };
}

test("an IRO runs a review and the recommendation reaches the social worker's work tray", async ({ browser }) => {
  // A long journey through four pages, as two people.
  test.setTimeout(150_000);
  const when = hoursAgo(26);
  const tm = await browser.newContext({ storageState: authFile("tm1") });
  const team = await tm.newPage();
  const before = await reviewsOnTime(team, when.date);

  const iro = await browser.newContext({ storageState: authFile("iro1") });
  const page = await iro.newPage();
  // Child 16: North, the demo social worker's, reviewed by this IRO.
  await page.goto(`${childPath(16)}/reviews`);
  await expect(page.getByRole("heading", { name: "The next review" })).toBeVisible();
  await expect(page.getByText(/\(Care Planning Regulations 2010, reg 33\)/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  const schedule = page.getByRole("form", { name: "Schedule a review" });
  await schedule.getByLabel("Date", { exact: true }).fill(when.date);
  await schedule.getByLabel("Time").fill("10:00");
  await schedule.getByLabel("Where").fill("The foster home (fictional)");
  // Invitees are ticked from the child's record: the child, each parent, the carers, the professionals.
  const invited = schedule.getByRole("group", { name: "Who is invited" });
  await invited.getByLabel(/\(the child\)$/).check();
  await invited.getByLabel(/\(Mother, parental responsibility\)$/).check();
  await invited.getByLabel(/\(Social worker\)$/).check();
  await schedule.getByLabel("Anyone else invited").fill("The child's advocate (fictional)");
  await schedule.getByRole("button", { name: "Schedule the review" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^Review on / })).toBeVisible();

  const rec = page.getByRole("form", { name: "Record the review" });
  await rec.getByLabel("Held on").fill(when.date);
  await rec.getByLabel("How the child took part").selectOption({ label: "Attended and spoke for themselves (PN1)" });
  await rec
    .getByLabel("When and how you spoke to the child before the review")
    .fill("At school last week (fictional).");
  const child = rec.getByRole("group", { name: "The child's views" });
  await child.getByLabel("Their views").selectOption({ label: "Views given" });
  await child.getByLabel("What they said").fill("I like my school and want to stay here (fictional).");
  for (const who of ["The carer's views", "The social worker's views"]) {
    await rec.getByRole("group", { name: who }).getByLabel("Their views").selectOption({ label: "Sought, not given" });
  }
  // Each parent linked to the child has a row: the mother's views given, the father's sought.
  const parents = rec.getByRole("group", { name: "Each parent's views" });
  await parents
    .getByLabel(/^[A-Za-z]+ .*'s views$/)
    .first()
    .selectOption({ label: "Views given" });
  await parents
    .getByLabel(/^In .*'s words, or why not$/)
    .first()
    .fill("Wants the child to keep going to the same school (fictional).");
  const rows = parents.getByLabel(/^[A-Za-z]+ .*'s views$/);
  for (let i = 1; i < (await rows.count()); i++) await rows.nth(i).selectOption({ label: "Sought, not given" });
  await rec.getByLabel("Your assessment of the care plan").fill("The plan meets the child's needs (fictional).");
  await rec.getByLabel("Progress since the last review").fill("Settled, attending school every day (fictional).");
  await rec.getByRole("button", { name: "Save the record of the review" }).click();
  await expect(page.getByText("Held: waiting for the IRO to sign it off")).toBeVisible();

  const sign = page.getByRole("form", { name: "Sign off the review" });
  await sign.getByLabel("What").fill("Arrange a swimming club place (fictional)");
  await sign.getByLabel("Owner").selectOption({ label: "Alex Rowan (demo)" });
  await sign.getByLabel("Due by").fill(hoursAgo(-24 * 3).date);
  await expectNoAxeViolations(page);
  await sign.getByRole("button", { name: "Sign off the review" }).click();
  await expect(page.getByText(/^Signed off /)).toBeVisible();
  await expect(page.getByText("Recommendation: Arrange a swimming club place (fictional)")).toBeVisible();
  // Each person's views under their name, the role said once.
  await expect(page.getByText("Views of the child", { exact: true })).toBeVisible();
  await expect(page.getByText("Views of the carer", { exact: true })).toBeVisible();
  const viewTerms = await page.locator("dt").filter({ hasText: /views/i }).allInnerTexts();
  expect(viewTerms.length).toBeGreaterThan(3);
  for (const term of viewTerms) expect(term).toMatch(/^Views of (the child|the carer|the social worker|[A-Z].+)$/);
  await expectNoAxeViolations(page);
  await shot(page, "review-signed-off");

  // The report is in the documents.
  await page.goto(`${childPath(16)}/documents`);
  await expect(page.getByText(`Review report, ${when.date}`)).toBeVisible();

  const sw = await browser.newContext({ storageState: authFile("sw1") });
  const tray = await sw.newPage();
  await tray.goto("/work");
  const owned = tray.getByRole("list", { name: "Decisions and recommendations you own" });
  await expect(
    owned.getByText("Review recommendation: Arrange a swimming club place (fictional)", { exact: false }),
  ).toBeVisible();
  await expect(owned.getByText("Due soon").first()).toBeVisible();
  await expectNoAxeViolations(tray);
  await shot(tray, "work-tray-social-worker");

  // The team manager's compliance table counts it: one more review held by its due date this month.
  const after = await reviewsOnTime(team, when.date);
  expect(after.onTime).toBe(before.onTime + 1);
  expect(after.due).toBe(before.due + 1);
  await expectNoAxeViolations(team);
  await iro.close();
  await sw.close();
  await tm.close();
});
