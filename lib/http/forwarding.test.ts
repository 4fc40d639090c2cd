// Where a request came from and where it was addressed: X-Forwarded-* only from a trusted proxy,
// and a state-changing request only from the portal's own origin.
import { describe, expect, it } from "vitest";
import { checkOrigin, clientAddress, publicOrigin, type ForwardingPolicy } from "./forwarding";
import { contentSecurityPolicy, newNonce } from "./security-headers";

const direct: ForwardingPolicy = { trustProxy: false, origins: [] };
const behindProxy: ForwardingPolicy = { trustProxy: true, origins: [] };
const configured: ForwardingPolicy = { trustProxy: false, origins: ["https://cases.demo.invalid"] };
const h = (init: Record<string, string>) => new Headers(init);

describe("the request's public origin", () => {
  it("comes from the Host header when no proxy is trusted, whatever X-Forwarded-* claim", () => {
    const headers = h({ host: "localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(publicOrigin(headers, direct)).toBe("http://localhost:3000");
  });

  it("comes from a trusted proxy's forwarded host and scheme", () => {
    const headers = h({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "cases.demo.invalid",
      "x-forwarded-proto": "https",
    });
    expect(publicOrigin(headers, behindProxy)).toBe("https://cases.demo.invalid");
  });

  it("is the configured origin for its host, which says HTTPS even without a trusted proxy", () => {
    expect(publicOrigin(h({ host: "cases.demo.invalid" }), configured)).toBe("https://cases.demo.invalid");
  });

  it("is the first configured origin when a proxy in front rewrote the Host to an internal name", () => {
    expect(publicOrigin(h({ host: "portal-1.internal:3000" }), configured)).toBe("https://cases.demo.invalid");
  });
});

describe("a state-changing request", () => {
  const post = (headers: Record<string, string>, policy: ForwardingPolicy = direct) =>
    checkOrigin("POST", h({ host: "localhost:3000", ...headers }), policy);

  it("passes from the portal's own origin, or with no Origin when the browser says same-origin", () => {
    expect(post({ origin: "http://localhost:3000" })).toEqual({ ok: true });
    expect(post({ "sec-fetch-site": "same-origin" })).toEqual({ ok: true });
  });

  it("is refused with no Origin, a foreign one, an opaque one or one that is not an origin", () => {
    expect(post({})).toEqual({ ok: false, reason: "missing-origin" });
    expect(post({ "sec-fetch-site": "cross-site" })).toEqual({ ok: false, reason: "missing-origin" });
    expect(post({ origin: "http://evil.example" })).toEqual({ ok: false, reason: "foreign-origin" });
    expect(post({ origin: "https://localhost:3000" })).toEqual({ ok: false, reason: "foreign-origin" });
    expect(post({ origin: "null" })).toEqual({ ok: false, reason: "opaque-origin" });
    expect(post({ origin: "::::" })).toEqual({ ok: false, reason: "malformed-origin" });
    expect(post({ origin: "http://localhost:3000/path" })).toEqual({ ok: false, reason: "malformed-origin" });
    expect(post({ origin: "http://evil.example", "sec-fetch-site": "same-origin" })).toMatchObject({ ok: false });
  });

  it("from a foreign origin is refused even when X-Forwarded-Host matches it, unless the proxy is trusted", () => {
    const forged = { origin: "http://evil.example", "x-forwarded-host": "evil.example" };
    expect(post(forged)).toEqual({ ok: false, reason: "foreign-origin" });
    const proxied = {
      origin: "https://cases.demo.invalid",
      "x-forwarded-host": "cases.demo.invalid",
      "x-forwarded-proto": "https",
    };
    expect(post(proxied, behindProxy)).toEqual({ ok: true });
  });

  it("must come from a configured origin when PORTAL_ORIGINS is set, whatever the Host says", () => {
    expect(post({ origin: "https://cases.demo.invalid" }, configured)).toEqual({ ok: true });
    expect(post({ origin: "http://localhost:3000" }, configured)).toEqual({ ok: false, reason: "foreign-origin" });
  });

  it("is any of POST, PUT, PATCH and DELETE; reads pass without an Origin", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "post"]) {
      expect(checkOrigin(method, h({ host: "localhost:3000" }), direct).ok, method).toBe(false);
    }
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(checkOrigin(method, h({ host: "localhost:3000" }), direct).ok, method).toBe(true);
    }
  });
});

describe("the client address", () => {
  it("is the last X-Forwarded-For entry: the one the portal's server or the trusted proxy wrote", () => {
    expect(clientAddress(h({ "x-forwarded-for": "192.0.2.9" }))).toBe("192.0.2.9");
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6, 198.51.100.4" }))).toBe("198.51.100.4");
  });

  it("is normalised, and 'unknown' when it is not an address", () => {
    expect(clientAddress(h({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientAddress(h({ "x-forwarded-for": "[2001:DB8::1]:443" }))).toBe("2001:db8::1");
    expect(clientAddress(h({ "x-forwarded-for": "192.0.2.9:5123" }))).toBe("192.0.2.9");
    expect(clientAddress(h({ "x-forwarded-for": "<script>" }))).toBe("unknown");
    expect(clientAddress(h({}))).toBe("unknown");
  });
});

describe("the Content Security Policy", () => {
  it("allows only nonced scripts and what they load, no plugins, base tags or framing", () => {
    const nonce = newNonce();
    const csp = contentSecurityPolicy({ nonce, dev: false, https: false });
    expect(csp).toContain(`script-src 'nonce-${nonce}' 'strict-dynamic'`);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("upgrades insecure requests over HTTPS and lets forms reach the identity provider", () => {
    const csp = contentSecurityPolicy({
      nonce: "n",
      dev: false,
      https: true,
      formTargets: ["https://login.microsoftonline.com"],
    });
    expect(csp).toContain("upgrade-insecure-requests");
    expect(csp).toContain("form-action 'self' https://login.microsoftonline.com");
  });

  it("uses a fresh 128-bit nonce each time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
