// Any address the portal does not have. Next.js's built-in page uses inline styles, which the
// Content Security Policy refuses, so the portal has its own.
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-16">
      <h1 className="mb-2 text-2xl font-bold">Page not found</h1>
      <p className="mb-4">There is no page at this address. Check it, or start again from your home page.</p>
      <Link href="/">Go to your home page</Link>
    </main>
  );
}
