// The proxy in front of every request, called as Next.js calls it: what it refuses (403 for
// another origin, 400 for a body React cannot decode), the headers it sets, what it tells the
// rest of the app about the request, and next-auth's cookies over HTTP and HTTPS.
import { and, desc, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
// Exported by next/server as a type only; the proxy is handed one by Next.js.
import { NextFetchEvent } from "next/dist/server/web/spec-extension/fetch-event";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { DEMO_PASSWORD, demoUserId } from "@/scripts/seed/demo";
import { createTestDb } from "../helpers/db";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());
afterEach(() => vi.unstubAllEnvs());

type Settings = { TRUST_PROXY?: string; PORTAL_ORIGINS?: string };

/** The proxy and next-auth's route handlers as a server started with these settings would run them. */
async function portal(settings: Settings = {}) {
  vi.resetModules();
  vi.stubEnv("AUTH_SECRET", "proxy-test-secret-not-used-anywhere-else");
  vi.stubEnv("AUTH_TRUST_HOST", "true");
  vi.stubEnv("TRUST_PROXY", settings.TRUST_PROXY ?? "");
  vi.stubEnv("PORTAL_ORIGINS", settings.PORTAL_ORIGINS ?? "");
  const proxy = (await import("@/proxy")).default;
  const auth = await import("@/lib/auth/handlers");
  return {
    call(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) {
      const headers = { host: "localhost:3000", "x-forwarded-for": "127.0.0.1", ...init.headers };
      const request = new NextRequest(`http://localhost:3000${path}`, { ...init, headers });
      return proxy(request, new NextFetchEvent({ request, page: "/", context: undefined }));
    },
    auth,
  };
}

/** A request header the proxy passes on to the page, action or route (Next's override mechanism). */
const downstream = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);
const passedOn = (response: Response) => response.headers.get("x-middleware-next") === "1";

const signInAction = { "next-action": "7f00000000000000000000000000000000000000aa" };
const SAME = "http://localhost:3000";

describe("every page's response", () => {
  it("carries a strict CSP whose fresh nonce is passed on for Next.js to put on its scripts", async () => {
    const { call } = await portal();
    const first = await call("/sign-in");
    const csp = first.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(downstream(first, "content-security-policy")).toBe(csp);
    expect(downstream(first, "x-nonce")).toBe(nonce);
    const second = await call("/sign-in");
    expect(second.headers.get("content-security-policy")).not.toContain(`'nonce-${nonce}'`);
    // Plain HTTP: no HSTS, no upgrade.
    expect(first.headers.get("strict-transport-security")).toBeNull();
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("ignores X-Forwarded-* from anyone when no proxy is trusted", async () => {
    const { call } = await portal();
    const response = await call("/sign-in", {
      headers: { "x-forwarded-proto": "https", "x-forwarded-host": "evil.example", forwarded: "for=6.6.6.6" },
    });
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(downstream(response, "x-forwarded-proto")).toBe("http");
    expect(downstream(response, "x-forwarded-host")).toBe("localhost:3000");
    expect(downstream(response, "x-forwarded-for")).toBe("127.0.0.1");
    expect(downstream(response, "forwarded")).toBeNull();
  });

  it("behind a trusted proxy on HTTPS adds HSTS and upgrades, and sends the signed-out to its https sign-in page", async () => {
    const { call } = await portal({ TRUST_PROXY: "true" });
    const forwarded = {
      "x-forwarded-proto": "https",
      "x-forwarded-host": "cases.demo.invalid",
      "x-forwarded-for": "203.0.113.5, 10.0.0.2",
    };
    const response = await call("/children", { headers: forwarded });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("https://cases.demo.invalid/sign-in?callbackUrl=%2Fchildren");
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d{8}/);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const page = await call("/sign-in", { headers: forwarded });
    expect(downstream(page, "x-forwarded-proto")).toBe("https");
    expect(downstream(page, "x-forwarded-host")).toBe("cases.demo.invalid");
    expect(downstream(page, "x-forwarded-for")).toBe("10.0.0.2");
  });

  it("is on HTTPS when PORTAL_ORIGINS says so for the host, even with no trusted proxy", async () => {
    const { call } = await portal({ PORTAL_ORIGINS: "https://cases.demo.invalid" });
    const response = await call("/sign-in", { headers: { host: "cases.demo.invalid" } });
    expect(response.headers.get("strict-transport-security")).toBeTruthy();
    expect(downstream(response, "x-forwarded-proto")).toBe("https");
  });
});

describe("a state-changing request", () => {
  const action = (headers: Record<string, string>, body = "[]") => ({
    method: "POST",
    headers: { ...signInAction, "content-type": "text/plain;charset=UTF-8", ...headers },
    body,
  });

  it("is refused with 403 without an Origin, from a foreign one, or from Origin: null", async () => {
    const { call } = await portal();
    expect((await call("/sign-in", action({}))).status).toBe(403);
    expect((await call("/sign-in", action({ origin: "http://evil.example" }))).status).toBe(403);
    expect((await call("/sign-in", action({ origin: "null" }))).status).toBe(403);
    expect((await call("/children", { method: "DELETE" })).status).toBe(403);
    expect((await call("/children", { method: "PUT", body: "x" })).status).toBe(403);
  });

  it("from a foreign origin is refused even with X-Forwarded-Host to match, unless the proxy is trusted", async () => {
    const forged = { origin: "http://evil.example", "x-forwarded-host": "evil.example" };
    const untrusted = await portal();
    expect((await untrusted.call("/sign-in", action(forged))).status).toBe(403);
    // A trusted proxy says the browser addressed evil.example, so that is the page's own origin.
    const trusted = await portal({ TRUST_PROXY: "true" });
    expect(passedOn(await trusted.call("/sign-in", action(forged)))).toBe(true);
  });

  it("must come from PORTAL_ORIGINS when they are set, and then the page is told that origin", async () => {
    const { call } = await portal({ PORTAL_ORIGINS: "https://cases.demo.invalid" });
    expect((await call("/sign-in", action({ origin: SAME }))).status).toBe(403);
    const ok = await call("/sign-in", action({ origin: "https://cases.demo.invalid", host: "cases.demo.invalid" }));
    expect(passedOn(ok)).toBe(true);
    // Behind a proxy that rewrites Host to an internal name, Next.js and next-auth still see the public origin.
    const internal = await call("/sign-in", action({ origin: "https://cases.demo.invalid", host: "portal-1:3000" }));
    expect(passedOn(internal)).toBe(true);
    expect(downstream(internal, "x-forwarded-host")).toBe("cases.demo.invalid");
    expect(downstream(internal, "x-forwarded-proto")).toBe("https");
  });

  it("with a body React cannot decode is refused with 400; a well-formed same-origin one goes on", async () => {
    const { call } = await portal();
    const malformed = await call("/sign-in", action({ origin: SAME }, "{{{not json"));
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).toMatch(/Malformed request/);
    const garbage = await call("/sign-in", {
      method: "POST",
      headers: { origin: SAME, "content-type": "multipart/form-data; boundary=xyz" },
      body: "garbage",
    });
    expect(garbage.status).toBe(400);
    expect(passedOn(await call("/sign-in", action({ origin: SAME }, '[{},"$K1"]')))).toBe(true);
    expect(passedOn(await call("/sign-in", action({ "sec-fetch-site": "same-origin" })))).toBe(true);
  });

  it("to next-auth's own routes needs the portal's origin too", async () => {
    const { call } = await portal();
    expect((await call("/api/auth/signout", { method: "POST", body: "a=b" })).status).toBe(403);
    const same = await call("/api/auth/signout", { method: "POST", headers: { origin: SAME }, body: "a=b" });
    expect(passedOn(same)).toBe(true);
    expect(same.headers.get("content-security-policy")).toBeTruthy();
  });
});

describe("signing in through next-auth's own route", () => {
  /** The CSRF token and cookie next-auth wants, then the credentials, with the headers the proxy passes on. */
  async function signIn(headers: Record<string, string>, password = DEMO_PASSWORD) {
    const { auth } = await portal();
    const base = (headers["x-forwarded-proto"] ?? "http") === "https" ? "https://localhost:3000" : SAME;
    const csrf = await auth.GET(new NextRequest(`${base}/api/auth/csrf`, { headers }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return auth.POST(
      new NextRequest(`${base}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded", origin: base },
        body: new URLSearchParams({ email: "social.worker2@demo.invalid", password, csrfToken, callbackUrl: "/" }),
      }),
    );
  }
  const sessionCookie = (response: Response) =>
    response.headers.getSetCookie().find((c) => /authjs\.session-token=/.test(c)) ?? "";

  it("sets a Secure __Secure- session cookie over HTTPS, and a plain one over HTTP", async () => {
    const secure = sessionCookie(await signIn({ "x-forwarded-proto": "https", host: "localhost:3000" }));
    expect(secure).toMatch(/^__Secure-authjs\.session-token=/);
    expect(secure).toMatch(/;\s*Secure/i);
    expect(secure).toMatch(/HttpOnly/i);
    const plain = sessionCookie(await signIn({ "x-forwarded-proto": "http", host: "localhost:3000" }));
    expect(plain).toMatch(/^authjs\.session-token=/);
    expect(plain).not.toMatch(/;\s*Secure/i);
  });

  it("keeps the session cookie Secure when the proxy slides it on an HTTPS request", async () => {
    const cookie = sessionCookie(await signIn({ "x-forwarded-proto": "https", host: "cases.demo.invalid" })).split(
      ";",
    )[0];
    const { call } = await portal({ TRUST_PROXY: "true" });
    const https = { "x-forwarded-proto": "https", "x-forwarded-host": "cases.demo.invalid", cookie: cookie ?? "" };
    const page = await call("/children", { headers: https });
    expect(passedOn(page)).toBe(true);
    const slid = sessionCookie(page);
    expect(slid).toMatch(/^__Secure-authjs\.session-token=/);
    expect(slid).toMatch(/;\s*Secure/i);
  });

  it("counts the client address the proxy passed on, in the audit log", async () => {
    await signIn({ "x-forwarded-for": "198.51.100.77", "x-forwarded-proto": "http", host: "localhost:3000" });
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, demoUserId("sw2")), eq(auditEvents.action, "auth.signIn")))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event?.outcome).toBe("allowed");
    expect(event?.detail).toMatchObject({ address: "198.51.100.77" });
  });
});

describe("what the proxy never sees", () => {
  it("the favicon and the icons are public files, never a redirect to sign in; pages still pass through it", async () => {
    await portal();
    const { config } = await import("@/proxy");
    // Next.js anchors each matcher to the whole path, as here.
    const matchers = config.matcher.map((m) => new RegExp(`^${m}$`));
    const seen = (path: string) => matchers.some((m) => m.test(path));
    for (const path of ["/favicon.ico", "/icon.svg", "/apple-icon.png", "/_next/static/chunks/app.js"])
      expect(seen(path), path).toBe(false);
    for (const path of ["/", "/sign-in", "/children", "/audit", "/icon.svg.html", "/children/x/documents"])
      expect(seen(path), path).toBe(true);
  });
});
