// Signed-in layout: header with the role's navigation, then the page.
import { headers } from "next/headers";
import { PortalHeader } from "@/components/layout/portal-header";
import { SessionTimeout } from "@/components/layout/session-timeout";
import { env } from "@/lib/env";
import { requireActor } from "@/lib/auth/session";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const path = (await headers()).get("x-pathname") ?? undefined;
  return (
    <>
      <PortalHeader actor={actor} currentPath={path} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <SessionTimeout idleMinutes={env.SESSION_IDLE_MINUTES} />
    </>
  );
}
