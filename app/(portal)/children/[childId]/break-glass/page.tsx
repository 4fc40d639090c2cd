// Asks for a reason before opening a child's record outside the person's caseload.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Notice, PageHeader } from "@/components/ui";
import { BREAK_GLASS_HOURS } from "@/lib/access";
import { authorizedView } from "@/lib/access/view";
import { childrenBackLink } from "@/lib/navigation";
import { BreakGlassForm } from "./break-glass-form";

export const metadata: Metadata = { title: "Break-glass access" };

export default async function BreakGlassPage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const view = await authorizedView("breakGlass.grant", childId);
  if (!view.ok) redirect(view.refusal === "signed-out" ? "/sign-in" : childrenBackLink(view.actor).href);
  const back = childrenBackLink(view.actor);
  return (
    <div className="max-w-2xl">
      <PageHeader title="Break-glass access" />
      <Notice tone="warning" title="This access is logged and reviewed">
        Use break-glass only when you need a record outside your caseload, for example in an emergency. Access is
        read-only and lasts {BREAK_GLASS_HOURS} hours. Your name, the time and your reason are recorded in the audit log
        and listed for the records officer to review.
      </Notice>
      <BreakGlassForm childId={childId} />
      <p className="mt-4">
        <Link href={back.href}>Cancel and go back to {back.label.toLowerCase()}</Link>
      </p>
    </div>
  );
}
