// Arrangements for the authority's functions to be discharged by an independent fostering
// provider or a provider of social work services. They decide provider users' access.
import type { Metadata } from "next";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { Badge, Card, EmptyState } from "@/components/ui";
import { listArrangements, listProviderOrganisations } from "@/lib/arrangements/queries";
import { loadChildPage } from "@/lib/children/page";
import { formatUkDate, formatUkDateTime, todayIso } from "@/lib/dates";
import { AmendArrangementForm, NewArrangementForm } from "./arrangement-forms";

export const metadata: Metadata = { title: "Provider arrangements" };

export default async function ArrangementsPage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const page = await loadChildPage(childId, "arrangements");
  const [{ current, superseded }, orgs] = await Promise.all([
    listArrangements(page.db, page.access),
    listProviderOrganisations(page.db),
  ]);
  const mayWrite = page.may("arrangements.create");
  const today = todayIso();
  return (
    <ChildRecordShell page={page} current="arrangements">
      <h2 className="mb-1 text-xl font-bold">Provider arrangements</h2>
      <p className="mb-4 text-slate-700">
        A provider&apos;s staff can see this child only while an arrangement is active; access ends on the
        arrangement&apos;s end date with no action from anyone.
      </p>
      {current.length === 0 ? <EmptyState title="No provider arrangements" /> : null}
      <ul className="space-y-3">
        {current.map((a) => {
          const active = a.startDate <= today && (!a.endDate || a.endDate > today);
          return (
            <li key={a.id}>
              <Card>
                <p className="font-semibold">
                  {a.organisation} {active ? <Badge tone="green">Active</Badge> : <Badge>Not active</Badge>}
                </p>
                <p>{a.functions}</p>
                <p className="text-sm text-slate-700">
                  From {formatUkDate(a.startDate)}
                  {a.endDate ? ` to ${formatUkDate(a.endDate)}` : ", no end date"}. Recorded by{" "}
                  {a.authorName ?? "the system"}, {formatUkDateTime(a.createdAt)}.
                  {a.amendReason ? ` Changed because: ${a.amendReason}` : ""}
                </p>
                {mayWrite ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer font-semibold text-brand-700">Change this arrangement</summary>
                    <AmendArrangementForm
                      childId={childId}
                      arrangement={{
                        id: a.id,
                        functions: a.functions,
                        startDate: formatUkDate(a.startDate),
                        endDate: formatUkDate(a.endDate),
                      }}
                    />
                  </details>
                ) : null}
              </Card>
            </li>
          );
        })}
      </ul>
      {superseded.length > 0 ? (
        <details className="mt-4">
          <summary className="cursor-pointer font-semibold">Earlier versions ({superseded.length})</summary>
          <ul className="mt-2 list-disc pl-5">
            {superseded.map((a) => (
              <li key={a.id}>
                {a.organisation}: {a.functions}, from {formatUkDate(a.startDate)}
                {a.endDate ? ` to ${formatUkDate(a.endDate)}` : ""} (replaced {formatUkDateTime(a.supersededAt)})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {mayWrite ? (
        <div className="mt-6 max-w-2xl">
          <Card title="Record a new arrangement">
            <NewArrangementForm childId={childId} organisations={orgs} />
          </Card>
        </div>
      ) : null}
    </ChildRecordShell>
  );
}
