// One duplicate entry: what it says, where it came from (record, entry, version, author, time) with
// a link back when this person may open the source, whether the source has changed since (bring it
// up to date as a new version, never silently), and every version of the copy.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { AmendSharedEntryForm, RefreshDuplicateButton } from "@/components/duplicates/duplicate-forms";
import { SealEntryForm } from "@/components/records/seal-entry-form";
import { Badge, Card, Notice, SummaryList } from "@/components/ui";
import { loadChildPage } from "@/lib/children/page";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import { getDuplicate } from "@/lib/duplicates/queries";
import { formatValue } from "@/lib/records/format";

export const metadata: Metadata = { title: "Duplicate entry" };

export default async function DuplicatePage({
  params,
  searchParams,
}: {
  params: Promise<{ childId: string; entryId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { childId, entryId } = await params;
  const query = await searchParams;
  const page = await loadChildPage(childId, "duplicates");
  const copy = await getDuplicate(page.db, page.actor, page.access, entryId);
  if (!copy) notFound();
  const latest = copy.latest.entry;
  const shown = copy.versions.find((v) => v.entry.version === Number(query.version)) ?? copy.latest;
  const e = shown.entry;
  const sealed = latest.confidentiality === "sealed";
  const mayRefresh = !sealed && copy.sourceChanged && page.may("duplicates.refresh");
  const mayAmendShared = !sealed && copy.shared && page.may("sharedEntry.amend");

  return (
    <ChildRecordShell page={page} current="duplicates">
      <nav aria-label="Back" className="mb-2 text-sm">
        <Link href={`/children/${childId}/duplicates`}>All duplicate entries</Link>
      </nav>
      <h2 className="text-xl font-bold">{e.title}</h2>
      <p className="mb-2 text-slate-700">
        {formatUkDate(e.occurredOn)} · version {e.version} of {copy.versions.length} of this copy
      </p>
      <div className="mb-3 flex flex-wrap gap-1">
        <Badge tone="blue">{e.sourceKind === "shared_entry" ? "Shared with siblings" : "Duplicate entry"}</Badge>
        {e.confidentiality === "restricted" ? <Badge tone="red">Restricted</Badge> : null}
        {e.confidentiality === "sealed" ? <Badge tone="red">Sealed: misfiled</Badge> : null}
      </div>
      {sealed ? (
        <p role="status" className="mb-4 border-l-4 border-red-700 bg-red-50 p-3">
          This copy is sealed as misfiled. Only records officers can see it; nothing has been deleted.
          <span className="block">Reason: {latest.sealedReason}</span>
        </p>
      ) : null}
      {copy.sourceChanged && !sealed ? (
        <Notice tone="warning" title="The source has changed">
          <p>
            This copy holds version {latest.sourceVersion} of the source; the source is now at version{" "}
            {copy.sourceLatestVersion}. The copy has not changed: it is brought up to date only as a new version.
          </p>
          {mayRefresh ? (
            <div className="mt-2">
              <RefreshDuplicateButton childId={childId} entryId={entryId} baseVersion={latest.version} />
            </div>
          ) : null}
        </Notice>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="What it says" headingLevel={3}>
          <SummaryList
            items={[
              { term: "Kind", value: formatValue(e.data.kind) },
              { term: "Details", value: <span className="whitespace-pre-wrap">{formatValue(e.data.details)}</span> },
            ]}
          />
        </Card>
        <Card title="Where it came from" headingLevel={3}>
          <SummaryList
            items={[
              { term: "Record", value: e.sourceReference ?? "" },
              { term: "Entry", value: e.title },
              { term: "Version of the source", value: String(e.sourceVersion ?? "") },
              { term: "Written by", value: shown.sourceAuthorName ?? "Unknown" },
              { term: "Written at", value: formatUkDateTime(e.sourceRecordedAt) },
              { term: "Placed on this record by", value: `${shown.authorName}, ${formatUkDateTime(e.createdAt)}` },
            ]}
          />
          <p className="mt-2">
            {e.sourceKind === "shared_entry" ? (
              "Recorded once for several siblings; each has their own copy on their own record."
            ) : copy.sourceHref ? (
              <Link href={copy.sourceHref}>Open the source entry on {e.sourceReference}</Link>
            ) : (
              <span>The source is on another record that is not available to you.</span>
            )}
          </p>
        </Card>
      </div>

      {mayAmendShared && copy.shared ? (
        <details className="mt-4 rounded border border-slate-300 bg-white p-3">
          <summary className="cursor-pointer font-semibold">Amend the shared entry</summary>
          <AmendSharedEntryForm
            childId={childId}
            shared={{
              sharedEntryId: latest.sourceEntryId ?? "",
              version: copy.shared.version,
              kind: copy.shared.kind,
              occurredOn: formatUkDate(copy.shared.occurredOn),
              title: copy.shared.title,
              details: copy.shared.details,
            }}
          />
        </details>
      ) : null}
      {!sealed && page.may("entry.seal") ? (
        <details className="mt-4 rounded border border-red-300 bg-white p-3">
          <summary className="cursor-pointer font-semibold text-red-800">Seal this copy as misfiled</summary>
          <SealEntryForm childId={childId} section="duplicates" entryId={entryId} />
        </details>
      ) : null}

      <section className="mt-6" aria-labelledby="history">
        <h3 id="history" className="mb-2 text-lg font-bold">
          History of this copy
        </h3>
        <ol className="space-y-2">
          {[...copy.versions].reverse().map((v) => (
            <li key={v.entry.id} className="rounded border border-slate-300 bg-white p-3">
              <p>
                <Link
                  href={`/children/${childId}/duplicates/${entryId}?version=${v.entry.version}`}
                  aria-current={v.entry.version === e.version ? "true" : undefined}
                  className="font-semibold"
                >
                  Version {v.entry.version}
                </Link>{" "}
                by {v.authorName}, {formatUkDateTime(v.entry.createdAt)} (source version {v.entry.sourceVersion})
              </p>
              <p className="text-sm">{v.entry.amendReason ?? "First placed on this record."}</p>
            </li>
          ))}
        </ol>
      </section>
    </ChildRecordShell>
  );
}
