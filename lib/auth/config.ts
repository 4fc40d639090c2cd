// next-auth: password sign-in and, when configured, the council's Microsoft Entra ID. JWT
// sessions with a 30-minute idle limit; who the user is (role, team, active) is re-read from
// the database on every request by lib/auth/session.ts, never trusted from the token.
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { recordAudit, recordAuditNow } from "@/lib/audit";
import { entraConfigured, env } from "@/lib/env";
import { clientAddress } from "@/lib/http/forwarding";
import { baseAuthConfig } from "./base-config";
import { verifyCredentials } from "./credentials";

// Whatever arrives is tried (an address that is not an email is simply unknown), so every
// attempt is audited, throttled and answered in the same time; only the lengths are bounded.
const credentialsSchema = z.object({
  email: z.string().max(320).catch(""),
  password: z.string().max(1024).catch(""),
});

const providers: NextAuthConfig["providers"] = [
  Credentials({
    credentials: {
      email: { label: "Email address", type: "email" },
      password: { label: "Password", type: "password" },
    },
    async authorize(raw, request) {
      const { email, password } = credentialsSchema.safeParse(raw).data ?? { email: "", password: "" };
      // The proxy has put the client's address (the socket's, or a trusted proxy's) here.
      const address = clientAddress(request.headers);
      const outcome = await verifyCredentials(getDb(), { email, password, address });
      return outcome.ok ? { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name } : null;
    },
  }),
];
if (entraConfigured) {
  providers.push(
    MicrosoftEntraID({
      clientId: env.AUTH_MICROSOFT_ENTRA_ID_ID,
      clientSecret: env.AUTH_MICROSOFT_ENTRA_ID_SECRET,
      issuer: env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
    }),
  );
}

async function activeUserByEmail(email: string) {
  const [user] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), eq(users.active, true), isNull(users.deletedAt)))
    .limit(1);
  return user;
}

export const authConfig = {
  ...baseAuthConfig,
  providers,
  // A wrong password is an expected outcome (audited), not a server error worth a stack trace.
  logger: {
    error(error: Error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  callbacks: {
    ...baseAuthConfig.callbacks,
    // No self-registration: an identity-provider sign-in must match an active account.
    async signIn({ user, account }) {
      if (!account || account.type === "credentials") return true;
      const email = user.email;
      const known = email ? await activeUserByEmail(email) : undefined;
      await recordAuditNow(getDb(), {
        actorId: known?.id ?? null,
        action: "auth.signIn",
        outcome: known ? "allowed" : "refused",
        detail: { method: account.provider, ...(known ? {} : { reason: "no-matching-account" }) },
      });
      return Boolean(known);
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const found =
          account.type === "credentials" ? user.id : user.email ? (await activeUserByEmail(user.email))?.id : undefined;
        if (found) {
          const [row] = await getDb()
            .select({ sessionVersion: users.sessionVersion })
            .from(users)
            .where(eq(users.id, found))
            .limit(1);
          token.uid = found;
          token.sessionVersion = row?.sessionVersion ?? 0;
        }
      }
      return token;
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      const uid = token && typeof token.uid === "string" ? token.uid : null;
      if (!uid) return;
      // Every copy of this session (and any cookie a late request re-issues) stops working now.
      await getDb().transaction(async (tx) => {
        // Only a current session moves the version on: signing out of a stale tab must not end a newer sign-in.
        const version = token && typeof token.sessionVersion === "number" ? token.sessionVersion : -1;
        await tx
          .update(users)
          .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
          .where(and(eq(users.id, uid), eq(users.sessionVersion, version)));
        await recordAudit(tx, { actorId: uid, action: "auth.signOut" });
      });
    },
  },
} satisfies NextAuthConfig;

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
