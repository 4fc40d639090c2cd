"use client";
// Warns before the 30-minute idle limit ends the session, offers to stay signed in, and when it
// ends sends the person to sign in again (their autosaved drafts are waiting for them).
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { SESSION_ACTIVITY_EVENT } from "@/components/forms/use-autosave";
import { keepSessionAliveAction } from "@/lib/auth/actions";

export function SessionTimeout({ idleMinutes, warnMinutes = 5 }: { idleMinutes: number; warnMinutes?: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());
  const dialogRef = useRef<HTMLDialogElement>(null);
  const touch = useCallback(() => setLastActivity(Date.now()), []);

  // A page load or any server request restarts the server's idle timer.
  useEffect(() => touch(), [pathname, touch]);
  useEffect(() => {
    window.addEventListener(SESSION_ACTIVITY_EVENT, touch);
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    return () => {
      window.removeEventListener(SESSION_ACTIVITY_EVENT, touch);
      clearInterval(tick);
    };
  }, [touch]);

  const remainingMs = lastActivity + idleMinutes * 60_000 - now;
  const warn = remainingMs <= warnMinutes * 60_000;
  const expired = remainingMs <= 0;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (warn && !expired && !dialog.open) dialog.showModal();
    if (!warn && dialog.open) dialog.close();
  }, [warn, expired]);

  useEffect(() => {
    if (expired) router.push(`/sign-in?expired=1&callbackUrl=${encodeURIComponent(pathname ?? "/")}`);
  }, [expired, pathname, router]);

  async function staySignedIn() {
    // Any request re-issues the cookie with a fresh expiry; the answer says whether the session (not revoked, account active) still counts.
    const { signedIn } = await keepSessionAliveAction();
    if (signedIn) touch();
    else router.push(`/sign-in?expired=1&callbackUrl=${encodeURIComponent(pathname ?? "/")}`);
  }

  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="session-timeout-title"
      className="m-auto max-w-md rounded border border-slate-400 p-6 shadow-xl backdrop:bg-slate-900/50"
    >
      <h2 id="session-timeout-title" className="mb-2 text-xl font-bold">
        Your session will end soon
      </h2>
      <p className="mb-4">
        You have been inactive for a while. For security, you will be signed out in about {minutes} minute
        {minutes === 1 ? "" : "s"}. Drafts of long forms are saved as you type and will be here when you sign in again.
      </p>
      <button
        type="button"
        onClick={staySignedIn}
        className="min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
      >
        Stay signed in
      </button>
    </dialog>
  );
}
