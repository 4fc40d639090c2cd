// Whatever the reason a sign-in fails, the person is told the same thing, so nothing leaks.
import { expect, test, type Page } from "@playwright/test";
import { GENERIC_SIGN_IN_ERROR } from "../lib/auth/messages";
import { account } from "./support/demo";
import { shot, signIn } from "./support/pages";

// Next's route announcer is also an alert; the form's error summary is the one with a heading line.
const signInProblem = (page: Page) => page.getByRole("alert").filter({ hasText: "There is a problem" });

async function expectGenericRefusal(page: Page, email: string) {
  const alert = signInProblem(page);
  await expect(alert).toContainText("There is a problem");
  await expect(alert).toContainText(GENERIC_SIGN_IN_ERROR);
  await expect(alert).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Sign in/);
  await expect(page).toHaveURL(/\/sign-in/);
  // The email address is kept so it can be corrected; the password is not.
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  return (await alert.innerText()).trim();
}

test("a wrong password, a deactivated account and an unknown address all get the same message", async ({ page }) => {
  // iro2 is used for the wrong password so no other journey's account moves towards its lock.
  await signIn(page, account("iro2").email, "not-the-password-2026");
  const wrongPassword = await expectGenericRefusal(page, account("iro2").email);
  await shot(page, "sign-in-refused");

  await signIn(page, account("gone").email);
  const deactivated = await expectGenericRefusal(page, account("gone").email);

  await signIn(page, "nobody.here@demo.invalid", "Demo-password-2026");
  const unknown = await expectGenericRefusal(page, "nobody.here@demo.invalid");

  expect(deactivated).toBe(wrongPassword);
  expect(unknown).toBe(wrongPassword);
});

test("a deactivated account cannot reach a protected page", async ({ page }) => {
  await signIn(page, account("gone").email);
  await expect(signInProblem(page)).toContainText(GENERIC_SIGN_IN_ERROR);
  await page.goto("/children");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fchildren/);
});
