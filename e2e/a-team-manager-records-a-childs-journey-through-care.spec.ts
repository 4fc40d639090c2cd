// A team manager creates a child's record (seeing a possible duplicate first), links the child's
// mother, records the child becoming looked after, a change of placement and ceasing care (each
// decision with the mother's views), allocates a social worker and ends that allocation, sees the
// CLA marker tasks on the team dashboard, actions one, and sees a breach listed.
import { expect, test, type Page } from "@playwright/test";
import { authFile, demoChildName } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";
import { hoursAgo } from "./support/when";

async function recordEvent(page: Page, what: string, at: { date: string; time: string }, fill: () => Promise<void>) {
  const form = page.getByRole("form", { name: "Record an event" });
  await form.getByLabel("What happened").selectOption({ label: what });
  await form.getByLabel("Date", { exact: true }).fill(at.date);
  await form.getByLabel("Time").fill(at.time);
  await fill();
  await form.getByRole("button", { name: "Record the event" }).click();
}

test("a team manager records a new child's journey through care and actions the markers", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("tm1") });
  const page = await context.newPage();

  // A new record: first a name and date of birth that look like an existing child's.
  await page.goto("/children");
  await page.getByRole("link", { name: "Create a child's record" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create a child's record");
  await expectNoAxeViolations(page);
  const twin = demoChildName(3);
  const form = page.getByRole("form", { name: "Create a child's record" });
  await form.getByLabel("Legal first name").fill(twin.firstName);
  await form.getByLabel("Legal last name").fill(twin.lastName);
  await form.getByLabel("Date of birth").fill("01/01/2015");
  await form.getByLabel("Sex").selectOption({ label: "Female" });
  await form.getByLabel("Ethnicity").selectOption({ label: "White British" });
  await form.getByLabel("Unique Pupil Number").fill("UN4");
  await form.getByRole("button", { name: "Create the record" }).click();
  // The demo child's date of birth differs, so this one is new; a second try with the same details is not.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${twin.firstName} ${twin.lastName}`);
  const childUrl = page.url();

  await page.goto("/children/new");
  const again = page.getByRole("form", { name: "Create a child's record" });
  await again.getByLabel("Legal first name").fill(twin.firstName);
  await again.getByLabel("Legal last name").fill(twin.lastName);
  await again.getByLabel("Date of birth").fill("01/01/2015");
  await again.getByLabel("Sex").selectOption({ label: "Female" });
  await again.getByLabel("Ethnicity").selectOption({ label: "White British" });
  await again.getByLabel("Unique Pupil Number").fill("UN4");
  await again.getByRole("button", { name: "Create the record" }).click();
  await expect(page.getByText("This may be a child who already has a record", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`${twin.firstName} ${twin.lastName}`) })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "new-child-possible-duplicate");

  // The child's mother, who holds parental responsibility: placement changes and the end of care ask for her views.
  const mother = "Morgan Example (fictional)";
  await page.goto(`${childUrl}/people`);
  await page.getByLabel("First name").fill("Morgan");
  await page.getByLabel("Last name").fill("Example (fictional)");
  await page.getByLabel("Relationship to the child").selectOption({ label: "Mother" });
  await page.getByLabel("Holds parental responsibility").check();
  await page.getByLabel("Linked from").fill(hoursAgo(24 * 30).date);
  await page.getByRole("button", { name: "Link this person" }).click();
  await expect(page.getByText(mother).first()).toBeVisible();

  // The child becomes looked after three days ago: the CLA marker was due two days ago.
  await page.goto(`${childUrl}/episodes`);
  await expect(page.getByText("Not looked after at present.")).toBeVisible();
  await recordEvent(page, "Starts to be looked after", hoursAgo(72), async () => {
    const f = page.getByRole("form", { name: "Record an event" });
    await f
      .getByLabel("Legal status", { exact: true })
      .selectOption({ label: "Accommodated under s20 (single period) (V2)" });
    await f.getByLabel("Category of need").selectOption({ label: "Family in acute stress (N4)" });
    await f
      .getByLabel("Placement type")
      .selectOption({ label: "Foster placement with other foster carer (other) (U6)" });
    await f.getByLabel("Placement provider").selectOption({ label: "Own authority (PR1)" });
    await f.getByLabel("Placement postcode").fill("TA1 1DY");
  });
  await expect(page.getByText(/Looked after since/)).toBeVisible();
  await expect(page.getByRole("cell", { name: "Started to be looked after" })).toBeVisible();

  await recordEvent(page, "Change of placement", hoursAgo(30), async () => {
    const f = page.getByRole("form", { name: "Record an event" });
    await f
      .getByLabel("Placement type")
      .selectOption({ label: "Foster placement with other foster carer (long-term) (U4)" });
    await f.getByLabel("Placement provider").selectOption({ label: "Own authority (PR1)" });
    await f
      .getByLabel("Reason for the change of placement")
      .selectOption({ label: "Change to or carrying out of the care plan (CARPL)" });
  });
  // Without the mother's views the decision is refused, naming her.
  await expect(
    page.getByRole("alert").getByText(`Record the views of every parent with parental responsibility: ${mother}`),
  ).toBeVisible();
  await page
    .getByRole("form", { name: "Record an event" })
    .getByLabel(`${mother}'s views`)
    .selectOption({ label: "Views given" });
  await page
    .getByRole("form", { name: "Record an event" })
    .getByLabel(`In ${mother}'s words, or why not`)
    .fill("Wants the child to stay near the school (fictional).");
  await page.getByRole("form", { name: "Record an event" }).getByRole("button", { name: "Record the event" }).click();
  await expect(page.getByRole("cell", { name: "Change of placement and carer only" })).toBeVisible();

  await recordEvent(page, "Ceases to be looked after", hoursAgo(2), async () => {
    const f = page.getByRole("form", { name: "Record an event" });
    await f
      .getByLabel("Why the child ceased to be looked after")
      .selectOption({ label: "Returned home as planned (E4A)" });
    await f.getByLabel(`${mother}'s views`).selectOption({ label: "Sought, not given" });
  });
  await expect(page.getByText("Not looked after at present.")).toBeVisible();
  await expect(page.getByText("CLA marker update: ceased to be looked after", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "episodes-of-care");

  // Allocating a social worker from the overview.
  await page.goto(childUrl);
  const allocate = page.getByRole("form", { name: "Allocate a social worker" });
  await allocate.getByLabel("Social worker").selectOption({ label: "Jordan Hale (demo)" });
  await allocate.getByLabel("From").fill(hoursAgo(1).date);
  await allocate.getByRole("button", { name: "Allocate the social worker" }).click();
  await expect(page.getByText("Jordan Hale (demo)").first()).toBeVisible();
  await expectNoAxeViolations(page);

  // Ending the allocation on its own: a date and a reason, then a confirmation, since access ends at once.
  await page.getByText("End an allocation", { exact: true }).click();
  const end = page.getByRole("form", { name: "End the social worker's allocation" });
  await end.getByLabel("Ends on").fill(hoursAgo(0).date);
  await end.getByLabel("Why Jordan Hale (demo)'s allocation ends").selectOption({ label: "The worker left the role" });
  await end.getByRole("button", { name: "End the allocation" }).click();
  const confirm = page.getByRole("alertdialog", { name: "End Jordan Hale (demo)'s allocation?" });
  await expect(confirm).toBeVisible();
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Yes, end the allocation" }).click();
  await expect(
    page.locator("dt", { hasText: "Allocated social worker" }).locator("xpath=following-sibling::dd[1]"),
  ).toHaveText("Not allocated");
  await page.getByText("Allocation history").click();
  await expect(page.getByText(/Social worker: Jordan Hale \(demo\), from .* \(The worker left the role/)).toBeVisible();

  // The team dashboard: the overdue start marker is a breach; actioning it makes it "actioned late".
  await page.goto("/team");
  await expectNoAxeViolations(page);
  const breaches = page.locator("section").filter({ has: page.getByRole("heading", { name: /^Breaches/ }) });
  await expect(
    breaches.getByRole("listitem").filter({ hasText: "CLA marker: started to be looked after" }),
  ).toBeVisible();
  await expect(breaches.getByText("Overdue").first()).toBeVisible();
  await shot(page, "team-dashboard");
  await page.goto(`${childUrl}/episodes`);
  await page.getByRole("button", { name: /^Mark as actioned\s*:\s*CLA marker: started to be looked after$/ }).click();
  await expect(page.getByText("Actioned late", { exact: true })).toBeVisible();
  await page.goto("/team");
  await expect(breaches.getByText("Actioned late").first()).toBeVisible();
  await context.close();
});
