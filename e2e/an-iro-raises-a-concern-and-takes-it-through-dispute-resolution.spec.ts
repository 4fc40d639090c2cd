// Between reviews an IRO writes a monitoring note (after the error summary leads to the empty
// field), raises a concern about the care plan, records the informal stage's outcome and escalates
// it to the team manager stage, and records a referral to Cafcass; the open stage, with its due
// date and the rule behind it, is on the team manager's work tray.
import { expect, test } from "@playwright/test";
import { addWorkingDays } from "../lib/timescales/calendar";
import { authFile, childPath } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";
import { hoursAgo } from "./support/when";

const uk = (iso: string) => iso.split("-").reverse().join("/");

test("an IRO raises a concern about the care plan and takes it through dispute resolution", async ({ browser }) => {
  test.setTimeout(120_000);
  const iro = await browser.newContext({ storageState: authFile("iro1") });
  const page = await iro.newPage();
  // Child 12: North (team manager tm1), reviewed by this IRO; no other journey uses it.
  await page.goto(`${childPath(12)}/reviews`);
  await page.getByRole("link", { name: "IRO monitoring notes and disputes about the care plan" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "IRO monitoring and disputes" })).toBeVisible();
  await expect(page.getByText("No concerns about the care plan have been raised")).toBeVisible();
  await expect(page.getByText("No monitoring notes yet")).toBeVisible();
  await expectNoAxeViolations(page);

  // An empty note: the error summary takes focus and its link leads to the field.
  const note = page.getByRole("form", { name: "Write a monitoring note" });
  await note.getByRole("button", { name: "Save the note" }).click();
  const summary = note.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await summary.getByRole("link", { name: "Write the monitoring note" }).click();
  await expect(note.getByLabel("Monitoring note")).toBeFocused();
  await note
    .getByLabel("Monitoring note")
    .fill("Spoke to the child at school; contact with her brother has not restarted (fictional).");
  await note.getByRole("button", { name: "Save the note" }).click();
  await expect(page.getByText("Monitoring note saved")).toBeVisible();
  await expect(page.getByRole("list", { name: "Monitoring notes" })).toContainText(
    "contact with her brother has not restarted",
  );

  const raise = page.getByRole("form", { name: "Raise a concern about the care plan" });
  await raise
    .getByLabel("Your concern about the care plan")
    .fill("The care plan does not say how and when contact with her brother will restart (fictional).");
  await raise.getByRole("button", { name: "Raise the concern" }).click();
  await expect(page.getByText("Concern raised", { exact: true })).toBeVisible();
  const today = hoursAgo(0).date;
  const todayIso = today.split("/").reverse().join("-");
  const dispute = page.getByRole("article", { name: `Concern raised ${today} by Robin Vale (demo)` });
  await expect(dispute.getByText("Stage 1: Informal resolution")).toBeVisible();
  await expect(
    dispute.getByText(
      `Due by ${uk(addWorkingDays(todayIso, 5))}: within 5 working days of the stage opening on ${today}`,
    ),
  ).toBeVisible();
  await expect(
    dispute.getByText(`To be resolved by ${uk(addWorkingDays(todayIso, 20))}: within 20 working days`),
  ).toBeVisible();

  // The informal stage's outcome, and on to the team manager.
  const outcome = dispute.getByRole("form", { name: "Record the outcome of the informal resolution stage" });
  await outcome
    .getByLabel("What came of the informal resolution stage")
    .fill("Discussed with the social worker, who does not agree the plan needs changing (fictional).");
  await outcome.getByLabel("Not resolved: escalate to the team manager stage").check();
  await outcome.getByRole("button", { name: "Record the outcome" }).click();
  await expect(page.getByText("Outcome recorded and the concern escalated")).toBeVisible();
  await expect(dispute.getByText("Stage 2: Team manager")).toBeVisible();
  await expect(dispute.getByText("Discussed with the social worker, who does not agree")).toBeVisible();

  // A referral to Cafcass at the team manager stage.
  await dispute.getByText("Record a referral to Cafcass").click();
  const cafcass = dispute.getByRole("form", { name: "Record a referral to Cafcass" });
  await cafcass
    .getByLabel("Why the concern was referred to Cafcass, and what was sent")
    .fill("The child's wish to see her brother is being overlooked; the care plan and notes were sent (fictional).");
  await cafcass.getByRole("button", { name: "Record the referral to Cafcass" }).click();
  await expect(page.getByText("Referral to Cafcass recorded")).toBeVisible();
  await expect(dispute.locator("p").filter({ hasText: "Referred to Cafcass" })).toContainText(
    "at the team manager stage: The child's wish to see her brother is being overlooked",
  );
  await expectNoAxeViolations(page);
  await shot(page, "iro-dispute-escalated-and-referred");

  // The team manager's work tray shows the open stage, when it is due and why.
  const tm = await browser.newContext({ storageState: authFile("tm1") });
  const tray = await tm.newPage();
  await tray.goto("/work");
  const disputes = tray.getByRole("list", { name: "Disputes about a care plan" });
  await expect(disputes.getByText("Care plan dispute, team manager stage", { exact: false })).toBeVisible();
  await expect(disputes.getByText(/within 5 working days of the stage opening/)).toBeVisible();
  await expectNoAxeViolations(tray);
  await shot(tray, "work-tray-team-manager-dispute");
  await iro.close();
  await tm.close();
});
