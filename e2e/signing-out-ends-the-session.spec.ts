// Signing out returns to the sign-in page with a confirmation, and protected pages then need a new sign-in.
import { expect, test } from "@playwright/test";
import { account } from "./support/demo";
import { shot, signIn } from "./support/pages";

test("after signing out, the sign-in page confirms it and the caseload asks for sign-in again", async ({ page }) => {
  // No link prefetches: one in flight at sign-out may set the (now refused) cookie again, which
  // would only make this journey's timing noisy.
  await page.route("**/*", (route) =>
    route.request().headers()["next-router-prefetch"] ? route.abort() : route.continue(),
  );
  await signIn(page, account("sw2").email);
  await expect(page).toHaveURL("/children");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
  await shot(page, "signed-out");

  for (const path of ["/children", "/audit", "/"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("heading", { name: "Sign in to case records" })).toBeVisible();
  }
});

test("a session cookie from before signing out no longer opens the portal", async ({ page, playwright }) => {
  // Sessions are JWTs, so signing out records the time on the account and the server refuses any
  // session issued before it: a copied cookie, or one a late request set again.
  await signIn(page, account("sw2").email);
  await expect(page).toHaveURL("/children");
  const session = (await page.context().cookies()).find((c) => c.name.includes("session-token"));
  expect(session).toBeDefined();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toHaveText("You have signed out.");

  const replay = await playwright.request.newContext({
    baseURL: new URL(page.url()).origin,
    extraHTTPHeaders: { cookie: `${session?.name}=${session?.value}` },
    maxRedirects: 0,
  });
  const response = await replay.get("/children");
  expect(response.status(), "the old cookie must not open the caseload").toBe(307);
  expect(response.headers().location ?? "").toContain("/sign-in");
  await replay.dispose();
});

test("signing in from a protected page's address returns to that page", async ({ page }) => {
  await page.goto("/children?q=ashdown");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email address").fill(account("tm2").email);
  await page.getByLabel("Password").fill("Demo-password-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/children?q=ashdown");
});
