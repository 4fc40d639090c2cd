// A social worker records that a looked-after child went missing, then the child's return and the
// return interview; the episodes page lists the period in words, and shows the court order behind
// the legal status and the child's unaccompanied asylum-seeking status where there is one.
import { expect, test } from "@playwright/test";
import { authFile, childPath } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";
import { hoursAgo } from "./support/when";

test("a worker records a missing period and the child's return with the return interview", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("sw1") });
  const page = await context.newPage();
  // Child 14: North, allocated to the demo social worker, in foster care under a care order.
  await page.goto(`${childPath(14)}/episodes`);
  await expect(page.getByRole("heading", { name: "Missing and away from placement" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Order: Care order, made/ }).first()).toBeVisible();

  const form = page.getByRole("form", { name: "Record a missing or away period" });
  await form.getByLabel("What happened").selectOption({ label: "Missing from placement" });
  // Nothing chosen about the return interview yet: the message names the field.
  await form.getByLabel("Has the child come back?").selectOption({ label: "Yes" });
  const started = hoursAgo(20);
  const back = hoursAgo(8);
  const startFields = form.getByRole("group", { name: "When it started" });
  await startFields.getByLabel("Date", { exact: true }).fill(started.date);
  await startFields.getByLabel("Time").fill(started.time);
  const backFields = form.getByRole("group", { name: "When the child came back" });
  await backFields.getByLabel("Date", { exact: true }).fill(back.date);
  await backFields.getByLabel("Time").fill(back.time);
  await form.getByRole("button", { name: "Record the period" }).click();
  // The error summary links to the field.
  await expect(form.getByRole("link", { name: "Say whether the child was offered a return interview" })).toBeVisible();

  await form.getByLabel("Was the child offered a return interview?").selectOption({ label: "Yes" });
  await form.getByLabel("Did the child accept it?").selectOption({ label: "Yes" });
  await form.getByRole("button", { name: "Record the period" }).click();
  const list = page.getByRole("region", { name: "Missing and away from placement" });
  await expect(list.getByText("Return interview offered, accepted")).toBeVisible();

  // Away now: the period stays open until the return is recorded.
  await form.getByLabel("What happened").selectOption({ label: "Away from placement without authorisation" });
  await form.getByLabel("Has the child come back?").selectOption({ label: "Not yet" });
  const away = hoursAgo(2);
  await startFields.getByLabel("Date", { exact: true }).fill(away.date);
  await startFields.getByLabel("Time").fill(away.time);
  await form.getByRole("button", { name: "Record the period" }).click();
  await expect(list.getByText("Not yet back")).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "episodes-missing-period-open");

  await list.getByText("Record the child's return").click();
  const ret = page.getByRole("form", { name: "Record the child's return" });
  const now = hoursAgo(0.5);
  await ret.getByLabel("Date", { exact: true }).fill(now.date);
  await ret.getByLabel("Time").fill(now.time);
  await ret.getByLabel("Was the child offered a return interview?").selectOption({ label: "No" });
  await ret.getByRole("button", { name: "Record the return" }).click();
  await expect(list.getByText("No return interview offered")).toBeVisible();
  await expect(list.getByText("Not yet back")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await context.close();
});

test("an unaccompanied asylum-seeking child's status shows on the episodes page", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("sw3") });
  const page = await context.newPage();
  // Child 31: South, sixteen, unaccompanied since becoming looked after.
  await page.goto(`${childPath(31)}/episodes`);
  await expect(page.getByText(/^An unaccompanied asylum-seeking child since \d\d\/\d\d\/\d{4}\.$/)).toBeVisible();
  await expect(page.getByText("Record that the status ceased")).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});
