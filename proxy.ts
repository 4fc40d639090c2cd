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
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico).*)"],
};
