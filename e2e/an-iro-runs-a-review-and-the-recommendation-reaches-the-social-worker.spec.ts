// An IRO schedules a review, records it with the child's views, signs it off with a
// recommendation; the recommendation is on the social worker's work tray, with its due date.
import { expect, test } from "@playwright/test";
import { authFile, childPath } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";
import { hoursAgo } from "./support/when";

test("an IRO runs a review and the recommendation reaches the social worker's work tray", async ({ browser }) => {
  // A long journey through four pages, as two people.
  test.setTimeout(150_000);
  const iro = await browser.newContext({ storageState: authFile("iro1") });
  const page = await iro.newPage();
  // Child 16: North, the demo social worker's, reviewed by this IRO.
  await page.goto(`${childPath(16)}/reviews`);
  await expect(page.getByRole("heading", { name: "The next review" })).toBeVisible();
  await expect(page.getByText(/\(Care Planning Regulations 2010, reg 33\)/).first()).toBeVisible();
  await expectNoAxeViolations(page);

  const schedule = page.getByRole("form", { name: "Schedule a review" });
  const when = hoursAgo(26);
  await schedule.getByLabel("Date", { exact: true }).fill(when.date);
  await schedule.getByLabel("Time").fill("10:00");
  await schedule.getByLabel("Where").fill("The foster home (fictional)");
  await schedule.getByLabel("Who is invited").fill("The child\nThe foster carers (fictional)");
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
  for (const who of ["A parent's views", "The carer's views", "The social worker's views"]) {
    await rec.getByRole("group", { name: who }).getByLabel("Their views").selectOption({ label: "Sought, not given" });
  }
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
  await iro.close();
  await sw.close();
});
