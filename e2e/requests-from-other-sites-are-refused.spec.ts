// A request that changes anything is accepted only from the portal's own pages: the real sign-in
// works, while the same server action replayed without an Origin, from another site, with a
// forged X-Forwarded-Host or from an opaque origin is refused (403), and a body React cannot
// decode is a 400, never a server error.
import { expect, test, type APIRequestContext, type Request } from "@playwright/test";
import { account } from "./support/demo";

interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** The sign-in form's server action exactly as the browser sent it, after it worked. */
async function captureSignIn(page: import("@playwright/test").Page): Promise<CapturedAction> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(account("prov2").email);
  await page.getByLabel("Password").fill("Demo-password-2026");
  const sent = page.waitForRequest((r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Sign in" }).click();
  const request = await sent;
  // The legitimate, same-origin action still works: the browser is signed in and moves on.
  await expect(page).not.toHaveURL(/\/sign-in/);
  await expect(page.getByRole("banner")).toContainText(account("prov2").name);
  const headers = await request.allHeaders();
  expect(headers["origin"]).toBe(new URL(page.url()).origin);
  return { url: request.url(), headers, body: request.postDataBuffer() ?? Buffer.alloc(0) };
}

function replay(api: APIRequestContext, action: CapturedAction, headers: Record<string, string>, body?: string) {
  const keep = ["next-action", "content-type", "accept", "next-router-state-tree"];
  const base = Object.fromEntries(Object.entries(action.headers).filter(([name]) => keep.includes(name)));
  return api.post(action.url, {
    headers: { ...base, ...headers, ...(body === undefined ? {} : { "content-type": "text/plain;charset=UTF-8" }) },
    data: body ?? action.body,
    maxRedirects: 0,
  });
}

test("a server action is refused unless it comes from the portal's own origin", async ({ page, request }) => {
  const action = await captureSignIn(page);
  const own = new URL(action.url).origin;

  expect((await replay(request, action, {})).status(), "no Origin").toBe(403);
  expect((await replay(request, action, { origin: "https://evil.example" })).status(), "foreign Origin").toBe(403);
  const forged = await replay(request, action, {
    origin: "https://evil.example",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
  });
  expect(forged.status(), "foreign Origin with a matching X-Forwarded-Host").toBe(403);
  expect((await replay(request, action, { origin: "null" })).status(), "Origin: null").toBe(403);

  // From the portal's own origin the same request is accepted again, and a malformed one is a 400.
  expect((await replay(request, action, { origin: own })).status(), "same origin").toBe(200);
  const malformed = await replay(request, action, { origin: own }, "{{{not json");
  expect(malformed.status(), "malformed body").toBe(400);
  expect(await malformed.text()).toContain("Malformed request");
});

test("bad input gets a 4xx answer, never a server error", async ({ page, request }) => {
  const action = await captureSignIn(page);
  const own = new URL(action.url).origin;
  const bodies = ['["$1"]', '"not a list"', '[{},"not a form"]', "", `[${"[".repeat(300)}${"]".repeat(300)}]`];
  for (const body of bodies) {
    const response = await replay(request, action, { origin: own }, body);
    expect(response.status(), body.slice(0, 40)).toBeLessThan(500);
  }
  const garbage = await request.post(action.url, {
    headers: { origin: own, "content-type": "multipart/form-data; boundary=xyz" },
    data: "garbage",
    maxRedirects: 0,
  });
  expect(garbage.status()).toBe(400);
  const unknownAction = await request.post(action.url, {
    headers: { origin: own, "next-action": "7f0000000000000000000000000000000000000000", "content-type": "text/plain" },
    data: "[]",
    maxRedirects: 0,
  });
  expect(unknownAction.status()).toBeGreaterThanOrEqual(400);
  expect(unknownAction.status()).toBeLessThan(500);
});

test("next-auth's own routes refuse a POST from another site", async ({ request, baseURL }) => {
  const signOut = await request.post("/api/auth/signout", { form: { csrfToken: "x" }, maxRedirects: 0 });
  expect(signOut.status()).toBe(403);
  const credentials = await request.post("/api/auth/callback/credentials", {
    headers: { origin: "https://evil.example" },
    form: { email: account("prov2").email, password: "Demo-password-2026", csrfToken: "x" },
    maxRedirects: 0,
  });
  expect(credentials.status()).toBe(403);
  // From the portal's own origin the route answers as usual (here: a redirect for the missing CSRF token).
  const own = await request.post("/api/auth/signout", {
    headers: { origin: new URL(baseURL ?? "http://localhost").origin },
    form: { csrfToken: "x" },
    maxRedirects: 0,
  });
  expect(own.status()).toBeLessThan(400);
});
