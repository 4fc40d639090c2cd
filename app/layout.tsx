// Root layout: language, skip link and global styles.
import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Children looked after: case records", template: "%s · Case records" },
  description: "Case records for children looked after (fictional demo authority).",
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
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
