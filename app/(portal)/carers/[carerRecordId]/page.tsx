// A foster carer household's or children's home's own record: its summary (with its retention and
// the latest approval review) for everyone the policy lets in; its entries, the children placed
// there (from the episodes) and every version of its details (each readable with ?version=N) only
// for those who may read the whole record.
import type { Metadata } from "next";
import Link from "next/link";
import { AmendCarerRecordForm, CarerEntryForm } from "@/components/carers/carer-forms";
import { Badge, Card, EmptyState, SummaryList } from "@/components/ui";
import { loadCarerPage } from "@/lib/carers/page";
import {
  getCarerVersions,
  latestApprovalReview,
  listCarerEntries,
  placedChildren,
  supervisingWorkerChoices,
} from "@/lib/carers/queries";
import { CARER_ENTRY_KIND_LABELS, CARER_KIND_LABELS } from "@/lib/carers/schemas";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import { carerRecordRetention, getRetentionHold } from "@/lib/retention";

export const metadata: Metadata = { title: "Carer's record" };

const ages = (from: number | null, to: number | null) =>
  from === null && to === null ? "Not recorded" : `${from ?? 0} to ${to ?? 18}`;

export default async function CarerRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ carerRecordId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { carerRecordId } = await params;
  const query = await searchParams;
  const page = await loadCarerPage(carerRecordId, "carerRecord.view");
  const { record, details: latest } = page.summary;
  const readsRecord = page.may("carerEntries.view");
  const mayAmend = page.may("carerRecord.amend");
  const [entries, children, versions, review, hold, supervisors] = await Promise.all([
    listCarerEntries(page.db, page.actor, page.access),
    placedChildren(page.db, page.actor, page.access),
    getCarerVersions(page.db, page.actor, page.access),
    latestApprovalReview(page.db, page.access),
    getRetentionHold(page.db),
    mayAmend ? supervisingWorkerChoices(page.db) : Promise.resolve([]),
  ]);
  const home = record.kind === "childrens_home";
  // An earlier version of the details, for those who read the whole record; otherwise the current one.
  const earlier = versions.find((v) => v.version.version === Number(query.version) && !!v.version.supersededAt);
  const d = earlier?.version ?? latest;
  const supervisorName = earlier ? earlier.supervisorName : page.summary.supervisorName;
  const retention = carerRecordRetention(record.kind, latest?.approvalEndedOn ?? null);

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
      {earlier ? (
        <div role="status" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          <p className="font-semibold">
            You are reading version {earlier.version.version} of {versions.length}, an earlier version of the
            record&apos;s details.
          </p>
          <p className="text-sm">
            Recorded by {earlier.authorName ?? "the demo seed"} on {formatUkDateTime(earlier.version.createdAt)}.{" "}
            {earlier.version.amendReason ?? "First recorded."}{" "}
            <Link href={`/carers/${carerRecordId}`}>Read the current version</Link>
          </p>
        </div>
      ) : null}

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
              { term: home ? "Link worker" : "Supervising social worker", value: supervisorName ?? "Not recorded" },
              {
                term: "Retention",
                value: (
                  <>
                    {retention.earliest
                      ? `Normal earliest destruction date ${formatUkDate(retention.earliest)}: kept ${retention.rule}.`
                      : home
                        ? retention.rule
                        : `Kept ${retention.rule}; approval has not ended, so there is no date yet.`}{" "}
                    {hold.active ? (
                      <strong>
                        The retention hold is in force and overrides it: this record will not be destroyed.
                      </strong>
                    ) : null}
                  </>
                ),
              },
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
              ...(home
                ? []
                : [
                    { term: "Approved on", value: formatUkDate(d?.approvedOn) || "Not recorded" },
                    ...(d?.approvalEndedOn
                      ? [{ term: "Approval ended on", value: formatUkDate(d.approvalEndedOn) }]
                      : []),
                    {
                      term: "Latest approval review",
                      value: review ? (
                        readsRecord ? (
                          <Link href={`/carers/${carerRecordId}/entries/${review.entryId}`}>
                            {formatUkDate(review.occurredOn)}
                          </Link>
                        ) : (
                          formatUkDate(review.occurredOn)
                        )
                      ) : (
                        "None recorded"
                      ),
                    },
                  ]),
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
                  <Link
                    href={v.supersededAt ? `/carers/${carerRecordId}?version=${v.version}` : `/carers/${carerRecordId}`}
                    aria-current={v.version === d?.version ? "true" : undefined}
                    className="font-semibold"
                  >
                    Version {v.version}
                    {v.supersededAt ? "" : " (current)"}
                  </Link>{" "}
                  by {authorName ?? "the demo seed"}, {formatUkDateTime(v.createdAt)}.{" "}
                  {v.amendReason ?? "First recorded."}
                </li>
              ))}
            </ol>
            {latest && mayAmend ? (
              <details className="mt-3 max-w-3xl rounded border border-slate-300 bg-white p-3">
                <summary className="cursor-pointer font-semibold">Change the record&apos;s details</summary>
                <AmendCarerRecordForm
                  carerRecordId={carerRecordId}
                  version={latest.version}
                  supervisingWorkerId={latest.supervisingWorkerId ?? ""}
                  supervisors={supervisors}
                  details={{
                    kind: record.kind,
                    carers: latest.carers.join("\n"),
                    household: latest.household ?? "",
                    address: latest.address ?? "",
                    postcode: latest.postcode ?? "",
                    urn: latest.urn ?? "",
                    provider: latest.provider ?? "",
                    approvalType: latest.approvalType ?? "",
                    approvalTerms: latest.approvalTerms ?? "",
                    approvedPlaces: latest.approvedPlaces === null ? "" : String(latest.approvedPlaces),
                    ageFrom: latest.ageFrom === null ? "" : String(latest.ageFrom),
                    ageTo: latest.ageTo === null ? "" : String(latest.ageTo),
                    approvedOn: formatUkDate(latest.approvedOn),
                    approvalEndedOn: formatUkDate(latest.approvalEndedOn),
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
