// One entry: its latest version, every earlier version with the reason for each change, and a
// side-by-side comparison of any two versions.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { EntryDocuments } from "@/components/documents/entry-documents";
import { CompareVersionsForm } from "@/components/records/compare-versions-form";
import { SealEntryForm } from "@/components/records/seal-entry-form";
import { VersionDiff } from "@/components/records/version-diff";
import { Badge, ButtonLink, Card, SummaryList } from "@/components/ui";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import { formatValue } from "@/lib/records/format";
import { loadSectionPage } from "@/lib/records/page";
import { diffEntryVersions, entryAmendable, getEntryVersions } from "@/lib/records/queries";
import { legalStatusesFromOrders } from "@/lib/episodes/court-orders";
import { sectionHref } from "@/lib/sections";
import { LEGAL_STATUS, label } from "@/lib/ssda903/codes";

export const metadata: Metadata = { title: "Entry" };

export default async function EntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ childId: string; section: string; entryId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { childId, section: path, entryId } = await params;
  const query = await searchParams;
  const page = await loadSectionPage(childId, path);
  const { spec } = page;
  const versions = await getEntryVersions(page.db, page.actor, page.access, page.section, entryId);
  const latest = versions[versions.length - 1];
  if (!latest) notFound();
  const shown = versions.find((v) => v.version === Number(query.version)) ?? latest;
  const labels = Object.fromEntries([
    ["title", spec.titleLabel],
    ["occurredOn", spec.dateLabel],
    ...spec.fields.map((f) => [f.name, f.label]),
  ]);
  const a = versions.find((v) => v.version === Number(query.a));
  const b = versions.find((v) => v.version === Number(query.b));
  const base = `/children/${childId}/${spec.path}/${entryId}`;
  const sealed = latest.confidentiality === "sealed";
  const mayAmend =
    !sealed && page.may(`${page.section}.amend`) && entryAmendable(page.actor, page.access, latest) === "ok";
  const maySeal = !sealed && page.may("entry.seal");
  const brought =
    page.section === "courtOrders" && page.may("episodes.view")
      ? (await legalStatusesFromOrders(page.db, page.access, [entryId])).get(entryId)
      : undefined;

  return (
    <ChildRecordShell page={page} current={page.section}>
      <nav aria-label="Back" className="mb-2 text-sm">
        <Link href={`/children/${childId}/${spec.path}`}>All {spec.label.toLowerCase()}</Link>
      </nav>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 className="text-xl font-bold">{shown.title}</h2>
          <p className="text-slate-700">
            {spec.dateLabel}: {formatUkDate(shown.occurredOn)} · version {shown.version} of {versions.length}
            {shown.version !== latest.version ? " (an earlier version)" : ""}
          </p>
          {brought ? (
            <p>
              Legal status it brought: {label(LEGAL_STATUS, brought.legalStatus)}, from{" "}
              {formatUkDate(brought.startDate)} (<Link href={sectionHref(childId, "episodes")}>episodes of care</Link>)
            </p>
          ) : null}
          <div className="mt-1 flex flex-wrap gap-1">
            {shown.confidentiality === "restricted" ? <Badge tone="red">Restricted</Badge> : null}
            {shown.confidentiality === "sealed" ? <Badge tone="red">Sealed: misfiled</Badge> : null}
            {shown.significant ? <Badge tone="amber">Significant</Badge> : null}
            {shown.childProperty ? <Badge tone="purple">Child&apos;s property</Badge> : null}
            {shown.providerSubmitted ? <Badge tone="blue">Provider-submitted</Badge> : null}
          </div>
        </div>
        {mayAmend ? <ButtonLink href={`${base}/amend`}>Amend</ButtonLink> : null}
      </div>

      {sealed ? (
        <p role="status" className="mb-4 border-l-4 border-red-700 bg-red-50 p-3">
          Sealed as misfiled. Only records officers can see it; nothing has been deleted.
          <span className="block">Reason: {latest.sealedReason}</span>
        </p>
      ) : null}
      <Card>
        <SummaryList
          items={spec.fields.map((f) => ({
            term: f.label,
            value: <span className="whitespace-pre-wrap">{formatValue(shown.data[f.name])}</span>,
          }))}
        />
      </Card>
      <EntryDocuments page={page} entryId={entryId} />
      {maySeal ? (
        <details className="mt-4 rounded border border-red-300 bg-white p-3">
          <summary className="cursor-pointer font-semibold text-red-800">Seal this entry as misfiled</summary>
          <SealEntryForm childId={childId} section={page.section} entryId={entryId} />
        </details>
      ) : null}

      <section className="mt-6" aria-labelledby="history">
        <h3 id="history" className="mb-2 text-lg font-bold">
          History
        </h3>
        <ol className="space-y-2">
          {[...versions].reverse().map((v) => (
            <li key={v.id} className="rounded border border-slate-300 bg-white p-3">
              <p>
                <Link
                  href={`${base}?version=${v.version}`}
                  aria-current={v.version === shown.version ? "true" : undefined}
                  className="font-semibold"
                >
                  Version {v.version}
                </Link>{" "}
                by {v.authorName}, {formatUkDateTime(v.createdAt)}
              </p>
              {v.amendReason ? (
                <p className="text-sm">Reason for change: {v.amendReason}</p>
              ) : (
                <p className="text-sm text-slate-700">First recorded.</p>
              )}
            </li>
          ))}
        </ol>
        {versions.length > 1 ? (
          <div className="mt-4">
            <CompareVersionsForm
              action={base}
              versions={versions.map((v) => v.version)}
              a={a?.version}
              b={b?.version}
            />
          </div>
        ) : null}
        {a && b ? (
          <div className="mt-4">
            <VersionDiff
              title={`Changes from version ${a.version} to version ${b.version}`}
              diffs={diffEntryVersions(a, b, labels)}
            />
          </div>
        ) : null}
      </section>
    </ChildRecordShell>
  );
}
