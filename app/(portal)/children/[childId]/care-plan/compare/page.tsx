// Two versions of the care plan side by side, with the words removed and added marked.
import type { Metadata } from "next";
import Link from "next/link";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { CompareVersionsForm } from "@/components/records/compare-versions-form";
import { VersionDiff } from "@/components/care-plans/version-diff";
import { Card, EmptyState, Notice } from "@/components/ui";
import { carePlanStatusPhrase } from "@/lib/care-plans/fields";
import { diffCarePlanVersions, getCarePlan } from "@/lib/care-plans/queries";
import { loadChildPage } from "@/lib/children/page";

export const metadata: Metadata = { title: "Compare care plan versions" };

const versionParam = (v: string | string[] | undefined) =>
  typeof v === "string" && /^\d{1,6}$/.test(v) ? Number(v) : null;

export default async function CompareCarePlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ childId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { childId } = await params;
  const query = await searchParams;
  const page = await loadChildPage(childId, "carePlan");
  const plan = await getCarePlan(page.db, page.actor, page.access);
  const base = `/children/${childId}/care-plan`;
  const a = versionParam(query.a);
  const b = versionParam(query.b);
  const first = plan.versions.find((v) => v.version === a);
  const second = plan.versions.find((v) => v.version === b);
  const [older, newer] =
    first && second ? (first.version <= second.version ? [first, second] : [second, first]) : [undefined, undefined];

  return (
    <ChildRecordShell page={page} current="carePlan">
      <nav aria-label="Care plan" className="mb-2 text-sm">
        <Link href={base}>Care plan</Link> <span aria-hidden="true">›</span> <span>Compare versions</span>
      </nav>
      <h2 className="mb-4 text-xl font-bold">
        {older && newer ? `Compare version ${older.version} with version ${newer.version}` : "Compare versions"}
      </h2>
      {plan.versions.length < 2 ? (
        <EmptyState title="There is only one version of the care plan you can see, so there is nothing to compare." />
      ) : (
        <>
          <div className="mb-6">
            <CompareVersionsForm
              action={`/children/${childId}/care-plan/compare`}
              versions={plan.versions.map((v) => v.version)}
              a={older?.version ?? a ?? undefined}
              b={newer?.version ?? b ?? undefined}
            />
          </div>
          {(a !== null || b !== null) && !(older && newer) ? (
            <Notice tone="error" title="Those versions cannot be compared">
              Choose two versions from the list.
            </Notice>
          ) : null}
          {older && newer ? (
            older.version === newer.version ? (
              <Notice tone="info" title="That is the same version twice">
                Choose two different versions to see what changed.
              </Notice>
            ) : (
              <Card>
                <p className="mb-4 text-sm text-slate-700">
                  <Link href={`${base}/versions/${older.version}`}>Version {older.version}</Link> (
                  {carePlanStatusPhrase(older.status)}) and{" "}
                  <Link href={`${base}/versions/${newer.version}`}>version {newer.version}</Link> (
                  {carePlanStatusPhrase(newer.status)}).
                </p>
                <VersionDiff diff={diffCarePlanVersions(older, newer)} older={older.version} newer={newer.version} />
              </Card>
            )
          ) : null}
        </>
      )}
    </ChildRecordShell>
  );
}
