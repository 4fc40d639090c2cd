// A section of a child's record: its entries, newest first, with the way to add one.
import type { Metadata } from "next";
import Link from "next/link";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { Badge, ButtonLink, EmptyState, Pagination } from "@/components/ui";
import { formatUkDate } from "@/lib/dates";
import { loadSectionPage } from "@/lib/records/page";
import { addLabel } from "@/lib/sections";
import { listSectionEntries } from "@/lib/records/queries";
import { legalStatusesFromOrders } from "@/lib/episodes/court-orders";
import { LEGAL_STATUS, label } from "@/lib/ssda903/codes";

export const metadata: Metadata = { title: "Record section" };

export default async function SectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ childId: string; section: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { childId, section: path } = await params;
  const page = await loadSectionPage(childId, path);
  const { spec } = page;
  const pageNumber = Number((await searchParams).page) || 1;
  const result = await listSectionEntries(page.db, page.actor, page.access, spec.key, { page: pageNumber });
  const mayWrite = page.may(`${spec.key}.create`);
  // A court order shows the legal status it brought (from the episode that links to it).
  const broughtBy =
    spec.key === "courtOrders" && page.may("episodes.view")
      ? await legalStatusesFromOrders(
          page.db,
          page.access,
          result.items.map((i) => i.entryId),
        )
      : new Map<string, { legalStatus: string; startDate: string }>();
  const base = `/children/${childId}/${spec.path}`;

  return (
    <ChildRecordShell page={page} current={spec.key}>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 className="text-xl font-bold">{spec.label}</h2>
          <p className="text-slate-700">{spec.description}</p>
        </div>
        {mayWrite ? <ButtonLink href={`${base}/new`}>{addLabel(spec.key)}</ButtonLink> : null}
      </div>
      {result.items.length === 0 ? (
        <EmptyState title={`No ${spec.label.toLowerCase()} recorded yet`}>
          {mayWrite ? `Use "${addLabel(spec.key)}" to record the first one.` : null}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white">
          {result.items.map((item) => (
            <li key={item.id} className="p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`${base}/${item.entryId}`} className="font-semibold">
                  {item.title}
                </Link>
                <span className="text-sm text-slate-700">{formatUkDate(item.occurredOn)}</span>
              </div>
              {broughtBy.has(item.entryId) ? (
                <p className="text-sm">
                  Legal status it brought: {label(LEGAL_STATUS, broughtBy.get(item.entryId)?.legalStatus)}, from{" "}
                  {formatUkDate(broughtBy.get(item.entryId)?.startDate)}
                </p>
              ) : null}
              <p className="text-sm text-slate-700">
                Recorded by {item.authorName}
                {item.version > 1 ? ` · amended (version ${item.version})` : ""}
              </p>
              <div className="mt-1 flex flex-wrap gap-1">
                {item.confidentiality === "restricted" ? <Badge tone="red">Restricted</Badge> : null}
                {item.confidentiality === "sealed" ? <Badge tone="red">Sealed: misfiled</Badge> : null}
                {item.significant ? <Badge tone="amber">Significant</Badge> : null}
                {item.childProperty ? <Badge tone="purple">Child&apos;s property</Badge> : null}
                {item.providerSubmitted ? <Badge tone="blue">Provider-submitted</Badge> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={result.page}
        pages={result.pages}
        hrefFor={(p) => `${base}?page=${p}`}
        label={`${spec.label} pages`}
      />
    </ChildRecordShell>
  );
}
