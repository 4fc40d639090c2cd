"use server";
// Signing in and out through next-auth, and keeping a session alive from the idle warning. One
// generic message for every failed sign-in; the attempts are audited by the credentials check.
import { AuthError } from "next-auth";
import { sessionAction } from "@/lib/actions";
import { signIn, signOut } from "./config";
import { GENERIC_SIGN_IN_ERROR } from "./messages";

export interface SignInState {
  error?: string;
  email?: string;
}

function safeCallback(path: string): string {
  // Only same-site paths: never an open redirect (a backslash is a slash to browsers).
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

// Sign in with email and password
export const signInAction = sessionAction(
  "auth.signIn",
  async (_ctx, _prev: SignInState, formData: FormData): Promise<SignInState> => {
    // Anything can be posted to an action: what is not the form is a failed sign-in, not a crash.
    if (!(formData instanceof FormData)) return { error: GENERIC_SIGN_IN_ERROR };
    const field = (name: string) => {
      const value = formData.get(name);
      return typeof value === "string" ? value : "";
    };
    const email = field("email").slice(0, 320);
    try {
      await signIn("credentials", {
        email,
        password: field("password"),
        redirectTo: safeCallback(field("callbackUrl")),
      });
    } catch (error) {
      if (error instanceof AuthError) return { error: GENERIC_SIGN_IN_ERROR, email };
      throw error; // the redirect after a successful sign-in
    }
    return {};
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
