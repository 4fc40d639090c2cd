// The response headers that tell the browser what a page may do: a strict Content Security Policy
// with a fresh nonce per request (Next.js puts it on its own scripts), and HSTS over HTTPS. The
// headers that never vary (Permissions-Policy, Cross-Origin-Opener-Policy, ...) are set for every
// path, static files included, in next.config.js.

export interface CspOptions {
  nonce: string;
  /** Development: React needs eval for its error overlays and the dev server's inline styles. */
  dev: boolean;
  https: boolean;
  /** Origins a form may submit or redirect to besides the portal (the council's identity provider). */
  formTargets?: readonly string[];
}

/** 128 random bits, base64: what CSP asks of a nonce. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, dev, https, formTargets = [] }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts the nonced ones load are trusted, nothing else; no host allow-list.
    ["script-src", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["frame-src", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'", ...formTargets],
    ["frame-ancestors", "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Two years, subdomains included: a browser that has seen the portal over HTTPS never tries HTTP again. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
