// Every page arrives with a strict Content Security Policy (a fresh nonce per response, on every
// script Next.js renders) and the other protective headers, and works under it: no violation is
// reported while people use the main pages.
import { expect, test, type Page, type Response } from "@playwright/test";
import { account, authFile, childPath } from "./support/demo";
import { signIn } from "./support/pages";

/** Violations reported by the browser, collected from before the first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && /Content Security Policy|Permissions-Policy|Refused to/i.test(text)) {
      console.push(text);
    }
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])),
  ];
}

function nonceOf(response: Response | null): string {
  const csp = response?.headers()["content-security-policy"] ?? "";
  return /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
}

async function expectProtectiveHeaders(response: Response | null) {
  expect(response, "the page answered").not.toBeNull();
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  const nonce = nonceOf(response);
  expect(nonce.length).toBeGreaterThanOrEqual(22);
  for (const directive of [
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "default-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp, directive).toContain(directive);
  }
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // These journeys run on plain HTTP: HSTS is only sent over HTTPS (tests/integration/proxy.test.ts).
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** Every script on the page carries the response's nonce (the browser hides the attribute, not the property). */
async function expectScriptsNonced(page: Page, nonce: string) {
  const nonces = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
}

test("the sign-in page, signing in and the caseload run under the policy with no violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const first = await page.goto("/sign-in");
  await expectProtectiveHeaders(first);
  await expectScriptsNonced(page, nonceOf(first));
  const again = await page.goto("/sign-in");
  expect(nonceOf(again)).not.toBe(nonceOf(first));

  await signIn(page, account("sw2").email);
  await expect(page).toHaveURL("/children");
  await expect(page.getByRole("table", { name: /Children/ })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test.describe("as a North social worker", () => {
  test.use({ storageState: authFile("sw1") });

  test("the caseload, a child's record and its sections, by link and by address, report no violation", async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    const caseload = await page.goto("/children");
    await expectProtectiveHeaders(caseload);
    await expectScriptsNonced(page, nonceOf(caseload));
    // A client-side navigation (fetched by the nonced scripts) and direct loads of busy pages.
    await page
      .getByRole("table", { name: /Children/ })
      .getByRole("link")
      .first()
      .click();
    await expect(page.getByRole("heading", { name: "Episodes of care" })).toBeVisible();
    for (const section of ["", "/care-plan", "/chronology", "/documents", "/visits/new"]) {
      const response = await page.goto(`${childPath(0)}${section}`);
      await expectProtectiveHeaders(response);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    await expectProtectiveHeaders(missing);
    await expectScriptsNonced(page, nonceOf(missing));
    expect(await violations()).toEqual([]);
  });
});

test.describe("as the records officer", () => {
  test.use({ storageState: authFile("ro") });

  test("the audit log and the administration pages report no violation", async ({ page }) => {
    const violations = await watchViolations(page);
    for (const path of ["/audit", "/admin/users", "/admin/retention"]) {
      const response = await page.goto(path);
      await expectProtectiveHeaders(response);
      await expectScriptsNonced(page, nonceOf(response));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    expect(await violations()).toEqual([]);
  });
});
