// One version of the care plan, read as it was: every version stays readable, whatever its status.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { PrintButton } from "@/components/ui/print-button";
import { CarePlanMeta, CarePlanStatusBadge, CarePlanView, NamedIro } from "@/components/care-plans/care-plan-view";
import { Card, Notice } from "@/components/ui";
import { getCarePlanVersion } from "@/lib/care-plans/queries";
import { loadChildPage } from "@/lib/children/page";

export const metadata: Metadata = { title: "Care plan version" };

export default async function CarePlanVersionPage({
  params,
}: {
  params: Promise<{ childId: string; version: string }>;
}) {
  const { childId, version: raw } = await params;
  const page = await loadChildPage(childId, "carePlan");
  const number = /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  const found = Number.isInteger(number) ? await getCarePlanVersion(page.db, page.actor, page.access, number) : null;
  if (!found) notFound();
  const { plan, version } = found;
  const base = `/children/${childId}/care-plan`;
  const index = plan.versions.findIndex((v) => v.version === version.version);
  const previous = plan.versions[index - 1];
  const next = plan.versions[index + 1];

  return (
    <ChildRecordShell page={page} current="carePlan">
      <nav aria-label="Care plan" className="mb-2 text-sm">
        <Link href={base}>Care plan</Link> <span aria-hidden="true">›</span> <span>Version {version.version}</span>
      </nav>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-bold">
          {version.content.title}: version {version.version} <CarePlanStatusBadge status={version.status} />
        </h2>
        <PrintButton label="Print this version" />
      </div>
      {version.status === "superseded" ? (
        <Notice tone="info" title="This version has been superseded">
          It is kept as it was approved.{" "}
          {plan.current ? (
            <Link href={`${base}/versions/${plan.current.version}`}>
              Read the plan in force (version {plan.current.version})
            </Link>
          ) : null}
        </Notice>
      ) : null}
      {version.status === "returned" ? (
        <Notice tone="info" title="Returned by the manager">
          This is the version as it was submitted and read. It was never in force; the work continues in version{" "}
          {version.version + 1}.
        </Notice>
      ) : null}
      {version.status === "draft" || version.status === "submitted" ? (
        <Notice tone="warning" title="Not yet approved">
          This version is not in force until a team manager approves it.
        </Notice>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card>
            {page.access.redactions.hidesStaffContacts ? null : (
              <NamedIro version={version} allocatedIroName={plan.iroName} />
            )}
            <CarePlanView content={version.content} headingLevel={3} />
          </Card>
        </div>
        <div>
          <Card title="About this version" headingLevel={3}>
            <CarePlanMeta version={version} />
            <ul className="mt-4 space-y-1">
              {previous ? (
                <li>
                  <Link href={`${base}/compare?a=${previous.version}&b=${version.version}`}>
                    What changed since version {previous.version}
                  </Link>
                </li>
              ) : null}
              {previous ? (
                <li>
                  <Link href={`${base}/versions/${previous.version}`}>Previous: version {previous.version}</Link>
                </li>
              ) : null}
              {next ? (
                <li>
                  <Link href={`${base}/versions/${next.version}`}>Next: version {next.version}</Link>
                </li>
              ) : null}
            </ul>
          </Card>
        </div>
      </div>
    </ChildRecordShell>
  );
}
