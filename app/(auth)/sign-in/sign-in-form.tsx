"use client";
// The sign-in form: labelled fields, one generic error in the GOV.UK error summary, which takes
// focus on each failed attempt and puts "Error: " before the page's title.
import { useActionState } from "react";
import { FormError } from "@/components/forms/fields";
import { signInAction, type SignInState } from "@/lib/auth/actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {});

  return (
    <form action={action} className="space-y-4" noValidate>
      <FormError message={state.error ? { message: state.error, fields: [], attempt: state.attempt ?? 1 } : null} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="email" className="block font-semibold">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          className="mt-1 block w-full rounded border border-slate-600 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded border border-slate-600 px-3 py-2"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="min-h-11 w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
