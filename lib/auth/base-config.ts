// The part of the next-auth configuration that needs no database: used by the proxy to read the
// session cookie (and slide its 30-minute idle expiry) without loading the database driver.
import type { NextAuthConfig } from "next-auth";

const idleMinutes = Number(process.env.SESSION_IDLE_MINUTES ?? 30) || 30;

export const baseAuthConfig = {
  trustHost: true,
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: idleMinutes * 60, updateAge: 0 },
  providers: [],
  callbacks: {
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sessionVersion === "number") session.sessionVersion = token.sessionVersion;
      return session;
    },
  },
} satisfies NextAuthConfig;
