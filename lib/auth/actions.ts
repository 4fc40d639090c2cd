"use server";
// Signing in and out through next-auth, and keeping a session alive from the idle warning. One
// generic message for every failed sign-in; the attempts are audited by the credentials check.
import { eq, sql } from "drizzle-orm";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { sessionAction } from "@/lib/actions";
import { homeFor } from "@/lib/navigation";
import { signIn, signOut } from "./config";
import { GENERIC_SIGN_IN_ERROR } from "./messages";

export interface SignInState {
  error?: string;
  email?: string;
  /** Counts failed attempts, so the error summary takes focus again on each one. */
  attempt?: number;
}

function safeCallback(path: string): string {
  // Only same-site paths: never an open redirect (a backslash is a slash to browsers).
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

/** The signed-in person's landing page, from their role (the session cookie is not readable yet). */
async function landingFor(email: string): Promise<string> {
  const [row] = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      organisationId: users.organisationId,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row ? homeFor(row) : "/";
}

// Sign in with email and password
export const signInAction = sessionAction(
  "auth.signIn",
  async (_ctx, prev: SignInState, formData: FormData): Promise<SignInState> => {
    const attempt = (typeof prev?.attempt === "number" ? prev.attempt : 0) + 1;
    // Anything can be posted to an action: what is not the form is a failed sign-in, not a crash.
    if (!(formData instanceof FormData)) return { error: GENERIC_SIGN_IN_ERROR, attempt };
    const field = (name: string) => {
      const value = formData.get(name);
      return typeof value === "string" ? value : "";
    };
    const email = field("email").slice(0, 320);
    const callback = safeCallback(field("callbackUrl"));
    try {
      await signIn("credentials", { email, password: field("password"), redirect: false });
    } catch (error) {
      if (error instanceof AuthError) return { error: GENERIC_SIGN_IN_ERROR, email, attempt };
      throw error;
    }
    // Straight to the page itself (the caseload, or the role's first page), so the address bar
    // shows where the person is rather than staying on "/" behind a second redirect.
    redirect(callback === "/" ? await landingFor(email) : callback);
  },
);

// Sign in through the council's identity provider
export const signInWithEntraAction = sessionAction("auth.signIn", async () => {
  await signIn("microsoft-entra-id", { redirectTo: "/" });
});

// Sign out
export const signOutAction = sessionAction("session.signOut", async () => {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
});

// Confirm the session is still valid (and so extend it): it reads and writes nothing; the request
// itself lets the proxy re-issue the session cookie
export const keepSessionAliveAction = sessionAction(
  "session.keepAlive",
  async ({ actor }): Promise<{ signedIn: boolean }> => ({ signedIn: actor !== null }),
);
