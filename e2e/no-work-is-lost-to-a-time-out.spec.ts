// Social workers' commonest complaint: an assessment lost to a time-out. Long forms autosave to
// the server, the idle limit is announced before it arrives, and after signing in again the
// draft is offered back.
import { expect, test } from "@playwright/test";
import { account, authFile, childPath } from "./support/demo";
import { expectNoAxeViolations, shot, signIn } from "./support/pages";

const CHILD = 2; // allocated to social.worker

test("a session close to its idle limit warns, and staying signed in keeps the work", async ({ browser }) => {
  const context = await browser.newContext({ storageState: authFile("sw1") });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(`${childPath(CHILD)}/visits/new`);
  await page.getByLabel("Observations").fill("Long observations typed over half an hour (fictional).");
  // The autosave fires (and counts as activity); then the person stops for 26 minutes.
  await page.clock.runFor(2000);
  await expect(page.getByRole("status").filter({ hasText: "Draft saved at" })).toBeVisible({ timeout: 15_000 });
  await page.clock.fastForward("26:00");
  const dialog = page.getByRole("dialog", { name: "Your session will end soon" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("Drafts of long forms are saved as you type");
  await expectNoAxeViolations(page);
  await shot(page, "session-warning");
  await dialog.getByRole("button", { name: "Stay signed in" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("Observations")).toHaveValue("Long observations typed over half an hour (fictional).");
  await context.close();
});

test("a visit being typed when the session ends is there after signing in again", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account("sw1").email);
  await expect(page).toHaveURL("/children");
  const text = `Half-written visit notes kept through a time-out ${Date.now().toString(36)} (fictional).`;
  await page.goto(`${childPath(CHILD)}/visits/new`);
  await page.getByLabel("Title").fill("Visit before the time-out");
  await page.getByLabel("Observations").fill(text);
  await expect(page.getByRole("status").filter({ hasText: "Draft saved at" })).toBeVisible({ timeout: 15_000 });

  // The session ends (its cookie is gone): the next page asks for sign-in.
  await context.clearCookies();
  await page.goto(`${childPath(CHILD)}/visits/new`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email address").fill(account("sw1").email);
  await page.getByLabel("Password").fill("Demo-password-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${childPath(CHILD)}/visits/new$`));
  await expect(page.getByText(/Your unsaved draft from .* has been restored/)).toBeVisible();
  await expect(page.getByLabel("Observations")).toHaveValue(text);
  await expect(page.getByLabel("Title")).toHaveValue("Visit before the time-out");
  await context.close();
});
