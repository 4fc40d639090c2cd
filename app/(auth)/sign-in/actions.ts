"use server";
// Sign-in and sign-out through next-auth. One generic message for every failed sign-in.
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth/config";
import { GENERIC_SIGN_IN_ERROR } from "@/lib/auth/messages";

export interface SignInState {
  error?: string;
  email?: string;
}

function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  // Only same-site paths: never an open redirect.
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

// Sign in with email and password
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeCallback(formData.get("callbackUrl")),
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
