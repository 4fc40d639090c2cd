// A bare signed-in page: the session check and the portal layout, no child data. `npm run bench`
// measures every other page as a ratio to this one, so machine speed cancels out.
import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Baseline" };

export default async function BaselinePage() {
  const actor = await requireActor();
  return <h1 className="text-2xl font-bold">Signed in as {actor.name}</h1>;
}
