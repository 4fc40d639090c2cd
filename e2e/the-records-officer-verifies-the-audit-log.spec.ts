// The records officer checks the audit log's integrity from the audit page: every event of every
// chain, its HMAC, and the database against the signed checkpoints outside it.
import { expect, test } from "@playwright/test";
import { authFile } from "./support/demo";
import { shot } from "./support/pages";

test("the records officer verifies the audit log and is told it is intact", async ({ browser }) => {
  const ro = await browser.newContext({ storageState: authFile("ro") });
  const page = await ro.newPage();
  await page.goto("/audit");
  await page.getByRole("button", { name: "Verify the audit chains" }).click();
  const status = page.getByRole("status").filter({ hasText: /Intact|Tampering/ });
  await expect(status).toContainText(/Intact: \d+ events in \d+ chains verified/);
  await expect(status).not.toContainText("Tampering detected");
  await shot(page, "audit-verified");
});
