// The public sign-in page. No self-registration: accounts are created by a records officer.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { entraConfigured } from "@/lib/env";
import { signInWithEntraAction } from "@/lib/auth/actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await currentActor()) redirect("/");
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : "/";
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Demo authority · fictional data</p>
      <h1 className="mb-2 text-3xl font-bold">Sign in to case records</h1>
      <p className="mb-6 text-slate-700">
        Children looked after: the case record. Use the account your authority gave you.
      </p>
      {params.signedOut ? (
        <p role="status" className="mb-4 border-l-4 border-green-700 bg-green-50 p-3">
          You have signed out.
        </p>
      ) : null}
      {params.expired ? (
        <p role="status" className="mb-4 border-l-4 border-amber-600 bg-amber-50 p-3">
          Your session ended after a period without activity. Sign in again: any draft you were writing has been kept.
        </p>
      ) : null}
      <div className="rounded border border-slate-300 bg-white p-6 shadow-sm">
        <SignInForm callbackUrl={callbackUrl} />
        {entraConfigured ? (
          <form action={signInWithEntraAction} className="mt-4 border-t border-slate-200 pt-4">
            <button
              type="submit"
              className="min-h-11 w-full rounded px-4 py-2 font-semibold ring-1 ring-slate-500 hover:bg-slate-100"
            >
              Sign in with your council account (Microsoft)
            </button>
          </form>
        ) : null}
      </div>
    </main>
  );
}
