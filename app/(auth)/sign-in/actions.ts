"use server";
// Sign-in and sign-out through next-auth. One generic message for every failed sign-in.
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/config";
import { GENERIC_SIGN_IN_ERROR } from "@/lib/auth/messages";

export interface SignInState {
  error?: string;
  email?: string;
}

function safeCallback(path: string): string {
  // Only same-site paths: never an open redirect (a backslash is a slash to browsers).
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

// Sign in with email and password
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
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
}

// Sign in through the council's identity provider
export async function signInWithEntraAction() {
  await signIn("microsoft-entra-id", { redirectTo: "/" });
}

// Sign out
export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
