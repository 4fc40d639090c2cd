// A foster carer household's or children's home's own record: its summary for everyone the policy
// lets in; its entries, the children placed there (from the episodes) and every version of its
// details only for those who may read the whole record.
import type { Metadata } from "next";
import Link from "next/link";
import { AmendCarerRecordForm, CarerEntryForm } from "@/components/carers/carer-forms";
import { Badge, Card, EmptyState, SummaryList } from "@/components/ui";
import { loadCarerPage } from "@/lib/carers/page";
import { getCarerVersions, listCarerEntries, placedChildren } from "@/lib/carers/queries";
import { CARER_ENTRY_KIND_LABELS, CARER_KIND_LABELS } from "@/lib/carers/schemas";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Carer's record" };

const ages = (from: number | null, to: number | null) =>
  from === null && to === null ? "Not recorded" : `${from ?? 0} to ${to ?? 18}`;

export default async function CarerRecordPage({ params }: { params: Promise<{ carerRecordId: string }> }) {
  const { carerRecordId } = await params;
  const page = await loadCarerPage(carerRecordId, "carerRecord.view");
  const { record, details: d, supervisorName } = page.summary;
  const readsRecord = page.may("carerEntries.view");
  const [entries, children, versions] = await Promise.all([
    listCarerEntries(page.db, page.actor, page.access),
    placedChildren(page.db, page.actor, page.access),
    getCarerVersions(page.db, page.actor, page.access),
  ]);
  const home = record.kind === "childrens_home";

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/carers">Carers and homes</Link> <span aria-hidden="true">›</span> <span>{record.name}</span>
      </nav>
      <div className="mb-4 border-b border-slate-300 pb-4">
        <h1 className="text-2xl font-bold">{record.name}</h1>
        <p className="text-slate-700">
          {CARER_KIND_LABELS[record.kind]} · a record of its own, separate from any child&apos;s
        </p>
        {readsRecord ? null : (
          <Badge tone="amber">Summary only: you see this because a child allocated to you is placed here</Badge>
        )}
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Summary">
          <SummaryList
            items={[
              {
                term: home ? "Registered manager" : "Foster carers",
                value: (d?.carers ?? []).join(", ") || "Not recorded",
              },
              { term: "Address", value: d?.address ?? "Not recorded" },
              { term: "Postcode", value: d?.postcode ?? record.postcode ?? "" },
              { term: home ? "Ofsted URN" : "Ofsted URN of the fostering service", value: d?.urn ?? record.urn ?? "" },
              { term: home ? "Provider" : "Fostering service", value: d?.provider ?? "" },
              { term: "Supervising social worker", value: supervisorName ?? "Not recorded" },
            ]}
          />
        </Card>
        <Card title={home ? "Registration" : "Approval"}>
          <SummaryList
            items={[
              ...(home ? [] : [{ term: "Type of approval", value: d?.approvalType ?? "Not recorded" }]),
              { term: "Terms", value: d?.approvalTerms ?? "Not recorded" },
              { term: "Number of children", value: d?.approvedPlaces ? String(d.approvedPlaces) : "Not recorded" },
              { term: "Ages", value: ages(d?.ageFrom ?? null, d?.ageTo ?? null) },
              ...(home ? [] : [{ term: "Approved on", value: formatUkDate(d?.approvedOn) || "Not recorded" }]),
              ...(readsRecord && !home ? [{ term: "Household", value: d?.household ?? "Not recorded" }] : []),
            ]}
          />
        </Card>
      </div>

      {readsRecord ? (
        <>
          <section aria-labelledby="placed" className="mt-6">
            <h2 id="placed" className="mb-2 text-lg font-bold">
              Children placed here, past and present
            </h2>
            <p className="mb-2 text-sm text-slate-700">From the children&apos;s episodes of care.</p>
            {children.length === 0 ? (
              <EmptyState title="No child has been placed here" />
            ) : (
              <ul className="list-disc pl-5">
                {children.map((c) => (
                  <li key={c.childId}>
                    {c.firstName} {c.lastName} ({c.reference}), from {formatUkDate(c.from)}
                    {c.current ? (
                      <>
                        {" "}
                        <Badge tone="green">Placed here now</Badge>
                      </>
                    ) : (
                      ` to ${formatUkDate(c.to)}`
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="entries" className="mt-6">
            <h2 id="entries" className="mb-2 text-lg font-bold">
              Entries
            </h2>
            {entries.length === 0 ? (
              <EmptyState title="No entries yet" />
            ) : (
              <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white">
                {entries.map(({ entry: e, authorName }) => (
                  <li key={e.id} className="p-3">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <Link href={`/carers/${carerRecordId}/entries/${e.entryId}`} className="font-semibold">
                        {e.title}
                      </Link>
                      <span className="text-sm text-slate-700">{formatUkDate(e.occurredOn)}</span>
                    </div>
                    <p className="text-sm text-slate-700">
                      {CARER_ENTRY_KIND_LABELS[e.kind]} · recorded by {authorName}
                      {e.version > 1 ? ` · amended (version ${e.version})` : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {page.may("carerEntry.create") ? (
            <div className="mt-6 max-w-3xl">
              <Card title="Record an entry">
                <CarerEntryForm carerRecordId={carerRecordId} />
              </Card>
            </div>
          ) : null}

          <section aria-labelledby="versions" className="mt-6">
            <h2 id="versions" className="mb-2 text-lg font-bold">
              History of the record&apos;s details
            </h2>
            <ol className="space-y-2">
              {[...versions].reverse().map(({ version: v, authorName }) => (
                <li key={v.id} className="rounded border border-slate-300 bg-white p-3 text-sm">
                  <span className="font-semibold">Version {v.version}</span> by {authorName ?? "the demo seed"},{" "}
                  {formatUkDateTime(v.createdAt)}. {v.amendReason ?? "First recorded."}
                </li>
              ))}
            </ol>
            {d && page.may("carerRecord.amend") ? (
              <details className="mt-3 max-w-3xl rounded border border-slate-300 bg-white p-3">
                <summary className="cursor-pointer font-semibold">Change the record&apos;s details</summary>
                <AmendCarerRecordForm
                  carerRecordId={carerRecordId}
                  version={d.version}
                  details={{
                    kind: record.kind,
                    carers: d.carers.join("\n"),
                    household: d.household ?? "",
                    address: d.address ?? "",
                    postcode: d.postcode ?? "",
                    urn: d.urn ?? "",
                    provider: d.provider ?? "",
                    approvalType: d.approvalType ?? "",
                    approvalTerms: d.approvalTerms ?? "",
                    approvedPlaces: d.approvedPlaces === null ? "" : String(d.approvedPlaces),
                    ageFrom: d.ageFrom === null ? "" : String(d.ageFrom),
                    ageTo: d.ageTo === null ? "" : String(d.ageTo),
                    approvedOn: formatUkDate(d.approvedOn),
                  }}
                />
              </details>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
