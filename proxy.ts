// Sends the signed-out to the sign-in page and keeps the idle timer sliding (next-auth re-issues
// the session cookie on each request). Not where authorization happens: that is lib/access.
import { NextResponse } from "next/server";
import NextAuth from "next-auth";
import { baseAuthConfig } from "@/lib/auth/base-config";

const { auth } = NextAuth(baseAuthConfig);

export default auth((req) => {
  const { pathname, search } = req.nextUrl;
  if (!req.auth && !pathname.startsWith("/sign-in")) {
    const url = new URL("/sign-in", req.nextUrl.origin);
    if (pathname !== "/") url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  // The layout marks the current navigation item from this.
  const headers = new Headers(req.headers);
  headers.set("x-pathname", pathname);
  return NextResponse.next({ request: { headers } });
});

export const config = {
  // Not the upload route: Next buffers in memory every request body the proxy sees, and an upload
  // must stream to storage. The route checks the session and the policy itself, before reading.
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|children/[^/]+/documents/upload$).*)"],
};
