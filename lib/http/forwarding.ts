// Where a request was addressed and who sent it. X-Forwarded-Host, -Proto and -For are believed
// only when a trusted reverse proxy sets them (TRUST_PROXY); otherwise anyone could claim any
// host, scheme or address. Web APIs only: the proxy (proxy.ts) and route code both use it.

export interface ForwardingPolicy {
  /** A reverse proxy in front sets the X-Forwarded-* headers, and nothing reaches the portal around it. */
  trustProxy: boolean;
  /** The portal's public origins (PORTAL_ORIGINS); empty: the request's own origin. */
  origins: readonly string[];
}

const firstValue = (value: string | null): string | undefined => value?.split(",")[0]?.trim() || undefined;
const lastValue = (value: string | null): string | undefined => value?.split(",").at(-1)?.trim() || undefined;

/** The host (and port) the request was addressed to. */
export function requestHost(headers: Headers, policy: ForwardingPolicy): string | undefined {
  const forwarded = policy.trustProxy ? firstValue(headers.get("x-forwarded-host")) : undefined;
  return (forwarded ?? headers.get("host") ?? undefined)?.toLowerCase();
}

/**
 * The origin the browser used for this request. With PORTAL_ORIGINS set it is one of them: the
 * one for this host, or the first when the request names an internal host (a proxy that rewrites
 * Host); it says whether the site is on HTTPS even when no trusted proxy says so. Otherwise it is
 * built from the host and, from a trusted proxy only, the forwarded scheme. The portal's own
 * Node server never terminates TLS, so without either the scheme is http.
 */
export function publicOrigin(headers: Headers, policy: ForwardingPolicy): string {
  const host = requestHost(headers, policy);
  const configured = policy.origins.find((o) => new URL(o).host === host) ?? policy.origins[0];
  if (configured) return configured;
  const proto = policy.trustProxy ? firstValue(headers.get("x-forwarded-proto"))?.toLowerCase() : undefined;
  if (host) {
    try {
      return new URL(`${proto === "https" ? "https" : "http"}://${host}`).origin;
    } catch {
      // A Host header that is not a host: fall through to the configured or a harmless default.
    }
  }
  return "http://localhost";
}

export const isHttpsOrigin = (origin: string) => origin.startsWith("https:");

/**
 * The client's address: the last X-Forwarded-For entry. The portal's server (scripts/serve.mjs)
 * replaces that header with the socket's address unless TRUST_PROXY is set; a trusted proxy
 * appends the address it saw, so its entry is the last. Anything that is not an IP address is
 * reported as "unknown" rather than stored.
 */
export function clientAddress(headers: Headers): string {
  let value = lastValue(headers.get("x-forwarded-for")) ?? "";
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d+)?$/i.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  if (v4WithPort?.[1]) value = v4WithPort[1];
  value = value.toLowerCase().replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/, "$1");
  return /^[0-9a-f:.]{2,45}$/.test(value) && /[.:]/.test(value) ? value : "unknown";
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type OriginVerdict =
  { ok: true } | { ok: false; reason: "missing-origin" | "opaque-origin" | "malformed-origin" | "foreign-origin" };

/**
 * Cross-site request forgery guard for every state-changing request (server actions, route
 * handlers, next-auth's own POST routes): the browser's Origin must be one of the portal's
 * origins. A request without Origin passes only when the browser says it is same-origin
 * (Sec-Fetch-Site, which pages cannot set); `Origin: null` (sandboxed frames, some redirects)
 * never passes.
 */
export function checkOrigin(method: string, headers: Headers, policy: ForwardingPolicy): OriginVerdict {
  if (!STATE_CHANGING.has(method.toUpperCase())) return { ok: true };
  const origin = headers.get("origin");
  if (origin === null) {
    return headers.get("sec-fetch-site") === "same-origin" ? { ok: true } : { ok: false, reason: "missing-origin" };
  }
  if (origin.trim() === "null") return { ok: false, reason: "opaque-origin" };
  let normalised: string;
  try {
    normalised = new URL(origin).origin;
  } catch {
    return { ok: false, reason: "malformed-origin" };
  }
  // An origin is scheme://host[:port] exactly; anything more is not what a browser sends.
  if (normalised === "null" || normalised !== origin.trim().toLowerCase().replace(/\/$/, "")) {
    return { ok: false, reason: "malformed-origin" };
  }
  return allowedOrigins(headers, policy).includes(normalised) ? { ok: true } : { ok: false, reason: "foreign-origin" };
}

const allowedOrigins = (headers: Headers, policy: ForwardingPolicy): readonly string[] =>
  policy.origins.length > 0 ? policy.origins : [publicOrigin(headers, policy)];

/** The request's Origin when it is one of the portal's own: then it is exactly where the browser was. */
export function ownOrigin(headers: Headers, policy: ForwardingPolicy): string | null {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return null;
  try {
    const normalised = new URL(origin).origin;
    return allowedOrigins(headers, policy).includes(normalised) ? normalised : null;
  } catch {
    return null;
  }
}
