// Every account signs in through the real sign-in page once; the journeys reuse that state.
import { expect, test as setup } from "@playwright/test";
import { account, authFile, SIGN_IN_KEYS } from "./support/demo";
import { signIn } from "./support/pages";

for (const key of SIGN_IN_KEYS) {
  setup(`${account(key).name} signs in through the sign-in page`, async ({ page }) => {
    await signIn(page, account(key).email);
    await expect(page).not.toHaveURL(/\/sign-in/);
    await expect(page.getByRole("banner")).toContainText(account(key).name);
    await page.context().storageState({ path: authFile(key) });
  });
}
