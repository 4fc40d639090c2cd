// Runs before every request (static files aside). In order: refuses state-changing requests from
// another origin (403) and server-action bodies React could not decode (400); tells everything
// downstream the request's real host, scheme and client address (X-Forwarded-* from a trusted
// proxy only); puts a fresh CSP nonce on the request, so Next.js marks its scripts with it, and
// the policy on the response; sends the signed-out to the sign-in page and keeps the idle timer
// sliding (next-auth re-issues the session cookie on each request). Not where authorization
// happens: that is lib/access.
import { NextRequest, NextResponse, type NextFetchEvent } from "next/server";
import NextAuth, { type NextAuthRequest } from "next-auth";
import { baseAuthConfig } from "@/lib/auth/base-config";
import { entraConfigured, env } from "@/lib/env";
import { checkPagePost } from "@/lib/http/action-body";
import {
  checkOrigin,
  clientAddress,
  isHttpsOrigin,
  ownOrigin,
  publicOrigin,
  type ForwardingPolicy,
} from "@/lib/http/forwarding";
import { contentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers";

const { auth } = NextAuth(baseAuthConfig);

const policy: ForwardingPolicy = { trustProxy: env.TRUST_PROXY, origins: env.PORTAL_ORIGINS };
const formTargets =
  entraConfigured && env.AUTH_MICROSOFT_ENTRA_ID_ISSUER ? [new URL(env.AUTH_MICROSOFT_ENTRA_ID_ISSUER).origin] : [];

interface RequestFacts {
  origin: string;
  https: boolean;
  csp: string;
}

function decorate(response: Response, facts: RequestFacts): Response {
  response.headers.set("Content-Security-Policy", facts.csp);
  if (facts.https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

function refuse(status: 400 | 403, message: string, facts: RequestFacts): Response {
  return decorate(
    new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } }),
    facts,
  );
}

// The signed-out go to the sign-in page; everyone else continues with the request headers set above.
const signedInOnly = auth((req: NextAuthRequest, _event: NextFetchEvent) => {
  const { pathname, search, origin } = req.nextUrl;
  if (!req.auth && !pathname.startsWith("/sign-in")) {
    const url = new URL("/sign-in", origin);
    if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return NextResponse.next({ request: { headers: new Headers(req.headers) } });
});

export default async function proxy(req: NextRequest, event: NextFetchEvent): Promise<Response> {
  // A request from one of the portal's own pages says exactly where the browser was.
  const origin = ownOrigin(req.headers, policy) ?? publicOrigin(req.headers, policy);
  const https = isHttpsOrigin(origin);
  const nonce = newNonce();
  const facts: RequestFacts = {
    origin,
    https,
    csp: contentSecurityPolicy({ nonce, dev: env.NODE_ENV === "development", https, formTargets }),
  };

  const verdict = checkOrigin(req.method, req.headers, policy);
  if (!verdict.ok)
    return refuse(
      403,
      `Refused: ${verdict.reason}. Requests that change anything must come from the portal's own pages.`,
      facts,
    );

  const { pathname } = req.nextUrl;
  const isAuthRoute = pathname === "/api/auth" || pathname.startsWith("/api/auth/");
  if (req.method === "POST" && !pathname.startsWith("/api/")) {
    const body = await checkPagePost(req);
    if (!body.ok) return refuse(400, `Malformed request: ${body.reason}.`, facts);
  }

  // What the pages, server actions, route handlers and next-auth are told about this request.
  const headers = new Headers(req.headers);
  const publicUrl = new URL(origin);
  headers.set("x-forwarded-host", publicUrl.host);
  headers.set("x-forwarded-proto", https ? "https" : "http");
  headers.set("x-forwarded-for", clientAddress(req.headers));
  headers.delete("forwarded");
  headers.delete("x-real-ip");
  // Next.js reads the nonce from the request's policy and applies it to the scripts it renders.
  headers.set("content-security-policy", facts.csp);
  headers.set("x-nonce", nonce);
  // The layout marks the current navigation item from this.
  headers.set("x-pathname", pathname);

  if (isAuthRoute) return decorate(NextResponse.next({ request: { headers } }), facts);

  // next-auth reads the session (and chooses its cookie's name and Secure flag) from the same facts.
  const forAuth = new NextRequest(new URL(`${pathname}${req.nextUrl.search}`, publicUrl), { headers });
  return decorate((await signedInOnly(forAuth, event)) ?? NextResponse.next({ request: { headers } }), facts);
}

export const config = {
  // Not the upload route: Next buffers in memory every request body the proxy sees, and an upload
  // must stream to storage. The route checks the origin, the session and the policy itself, before reading.
  // Not the icons (app/favicon.ico, app/icon.svg, an apple-icon if one is added): the signed-out
  // sign-in page asks for them, and they are public files, never a redirect to sign in.
  matcher: [
    "/((?!_next/static|_next/image|favicon\\.ico$|icon\\.svg$|apple-icon\\.png$|children/[^/]+/documents/upload$).*)",
  ],
};
