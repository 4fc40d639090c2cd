// Root layout: language, skip link and global styles.
import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Children looked after: case records", template: "%s · Case records" },
  description: "Case records for children looked after (fictional demo authority).",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, the not-found page too: each response carries a fresh CSP
  // nonce (set by proxy.ts) that Next.js must put on the page's scripts.
  await connection();
  return (
    <html lang="en-GB">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
        >
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
