// One entry of a carer's or home's record: each version with the reason for each change, which
// children's records hold a copy (and of which version), and placing a duplicate entry on the
// records of children placed there, past or present.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CarerEntryForm, DuplicateEntryForm } from "@/components/carers/carer-forms";
import { Badge, Card, SummaryList } from "@/components/ui";
import { loadCarerPage } from "@/lib/carers/page";
import { copiesOfCarerEntry, getCarerEntryVersions, placedChildren } from "@/lib/carers/queries";
import { CARER_ENTRY_KIND_LABELS } from "@/lib/carers/schemas";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Carer's record entry" };

export default async function CarerEntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ carerRecordId: string; entryId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { carerRecordId, entryId } = await params;
  const query = await searchParams;
  const page = await loadCarerPage(carerRecordId, "carerEntries.view");
  const [versions, copies, placed] = await Promise.all([
    getCarerEntryVersions(page.db, page.actor, page.access, entryId),
    copiesOfCarerEntry(page.db, page.actor, page.access, entryId),
    placedChildren(page.db, page.actor, page.access),
  ]);
  const latest = versions.at(-1);
  if (!latest) notFound();
  const shown = versions.find((v) => v.entry.version === Number(query.version)) ?? latest;
  const e = shown.entry;
  const withoutCopy = placed
    .filter((c) => !copies.some((x) => x.childId === c.childId))
    .map((c) => ({ childId: c.childId, name: `${c.firstName} ${c.lastName}` }));

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/carers">Carers and homes</Link> <span aria-hidden="true">›</span>{" "}
        <Link href={`/carers/${carerRecordId}`}>{page.summary.record.name}</Link> <span aria-hidden="true">›</span>{" "}
        <span>{e.title}</span>
      </nav>
      <h1 className="text-2xl font-bold">{e.title}</h1>
      <p className="mb-4 text-slate-700">
        {CARER_ENTRY_KIND_LABELS[e.kind]} · {formatUkDate(e.occurredOn)} · version {e.version} of {versions.length}
        {e.version !== latest.entry.version ? " (an earlier version)" : ""}
      </p>
      <Card>
        <SummaryList
          items={[{ term: "What happened", value: <span className="whitespace-pre-wrap">{e.details}</span> }]}
        />
      </Card>

      <section aria-labelledby="copies" className="mt-6">
        <h2 id="copies" className="mb-2 text-lg font-bold">
          Duplicate entries on children&apos;s records
        </h2>
        {copies.length === 0 ? (
          <p>No child&apos;s record has a copy of this entry.</p>
        ) : (
          <ul className="list-disc pl-5">
            {copies.map((c) => (
              <li key={c.childId}>
                {c.firstName} {c.lastName}: a copy of version {c.sourceVersion}{" "}
                {c.sourceVersion !== latest.entry.version ? (
                  <Badge tone="amber">The copy shows the source changed</Badge>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {page.may("carerEntry.duplicate") && withoutCopy.length > 0 ? (
          <div className="mt-3 max-w-3xl">
            <Card title="Place a duplicate entry on a child's record" headingLevel={3}>
              <p className="mb-2 text-sm text-slate-700">
                For something on this record that concerns a child placed here. The copy says where it came from; anyone
                who may read the child&apos;s record reads it.
              </p>
              <DuplicateEntryForm carerRecordId={carerRecordId} entryId={entryId} placed={withoutCopy} />
            </Card>
          </div>
        ) : null}
      </section>

      {page.may("carerEntry.amend") ? (
        <details className="mt-6 max-w-3xl rounded border border-slate-300 bg-white p-3">
          <summary className="cursor-pointer font-semibold">Amend this entry</summary>
          <div className="mt-2">
            <CarerEntryForm
              carerRecordId={carerRecordId}
              amend={{
                entryId,
                baseVersion: latest.entry.version,
                kind: latest.entry.kind,
                occurredOn: formatUkDate(latest.entry.occurredOn),
                title: latest.entry.title,
                details: latest.entry.details,
              }}
            />
          </div>
        </details>
      ) : null}

      <section aria-labelledby="history" className="mt-6">
        <h2 id="history" className="mb-2 text-lg font-bold">
          History
        </h2>
        <ol className="space-y-2">
          {[...versions].reverse().map((v) => (
            <li key={v.entry.id} className="rounded border border-slate-300 bg-white p-3">
              <p>
                <Link
                  href={`/carers/${carerRecordId}/entries/${entryId}?version=${v.entry.version}`}
                  aria-current={v.entry.version === e.version ? "true" : undefined}
                  className="font-semibold"
                >
                  Version {v.entry.version}
                </Link>{" "}
                by {v.authorName}, {formatUkDateTime(v.entry.createdAt)}
              </p>
              <p className="text-sm">{v.entry.amendReason ?? "First recorded."}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
