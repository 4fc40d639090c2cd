// Child Protection Plans: whether one is in force, each plan's category, start and end, and the
// forms to start or end one. Restricted: providers never reach this page.
import type { Metadata } from "next";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { EndCpPlanForm, StartCpPlanForm } from "@/components/episodes/cp-plan-forms";
import { Badge, Card, EmptyState } from "@/components/ui";
import { loadChildPage } from "@/lib/children/page";
import { formatUkDate } from "@/lib/dates";
import { listCpPlans } from "@/lib/episodes/queries";
import { CP_CATEGORIES } from "@/lib/episodes/schemas";

export const metadata: Metadata = { title: "Child protection" };

export default async function ChildProtectionPage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const page = await loadChildPage(childId, "childProtection");
  const plans = await listCpPlans(page.db, page.access);
  const current = plans.find((p) => p.endDate === null) ?? null;
  const categoryOf = (c: string) => CP_CATEGORIES[c as keyof typeof CP_CATEGORIES] ?? c;

  return (
    <ChildRecordShell page={page} current="childProtection">
      <h2 className="mb-2 text-xl font-bold">Child protection</h2>
      <p className="mb-4">
        {current ? (
          <Badge tone="red">A Child Protection Plan is in force ({categoryOf(current.category)})</Badge>
        ) : (
          "No Child Protection Plan is in force."
        )}
      </p>
      {plans.length === 0 ? (
        <EmptyState title="No Child Protection Plans recorded" />
      ) : (
        <ul className="mb-6 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
          {plans.map((p) => (
            <li key={p.id} className="p-3">
              <p className="font-semibold">{categoryOf(p.category)}</p>
              <p className="text-sm text-slate-700">
                From {formatUkDate(p.startDate)}
                {p.endDate ? ` to ${formatUkDate(p.endDate)}: ${p.endReason}` : ", in force"}
              </p>
            </li>
          ))}
        </ul>
      )}
      {page.may("childProtection.start") && !current ? (
        <Card title="Start a Child Protection Plan">
          <StartCpPlanForm childId={childId} />
        </Card>
      ) : null}
      {page.may("childProtection.end") && current ? (
        <Card title="End the Child Protection Plan">
          <EndCpPlanForm childId={childId} planId={current.id} />
        </Card>
      ) : null}
    </ChildRecordShell>
  );
}
