"use server";
// Keeping a session alive from the idle warning. It reads and writes nothing: the request itself
// lets the proxy re-issue the session cookie, and the answer says whether the session still counts.
import { currentActor } from "@/lib/auth/session";

// Confirm the session is still valid (and so extend it)
export async function keepSessionAliveAction(): Promise<{ signedIn: boolean }> {
  return { signedIn: (await currentActor()) !== null };
}
