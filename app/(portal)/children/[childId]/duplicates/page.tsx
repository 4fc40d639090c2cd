// Duplicate entries on a child's record: copies of entries from carers' and homes' records, and
// entries recorded once for several siblings, each saying where it came from and whether its
// source has changed since.
import type { Metadata } from "next";
import Link from "next/link";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { RecordSharedEntryForm } from "@/components/duplicates/duplicate-forms";
import { Badge, Card, EmptyState } from "@/components/ui";
import { loadChildPage } from "@/lib/children/page";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import { listDuplicates, sharedEntryChoices } from "@/lib/duplicates/queries";

export const metadata: Metadata = { title: "Duplicate entries" };

export default async function DuplicatesPage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const page = await loadChildPage(childId, "duplicates");
  const items = await listDuplicates(page.db, page.actor, page.access);
  const choices = page.may("sharedEntry.record") ? await sharedEntryChoices(page.db, page.actor, page.access) : [];

  return (
    <ChildRecordShell page={page} current="duplicates">
      <div className="mb-4">
        <h2 className="text-xl font-bold">Duplicate entries</h2>
        <p className="text-slate-700">
          Copies of entries from a foster carer&apos;s or children&apos;s home&apos;s record, and entries recorded once
          for several siblings. Each copy belongs to this child&apos;s record only and says where it came from.
        </p>
      </div>
      {items.length === 0 ? (
        <EmptyState title="No duplicate entries on this record" />
      ) : (
        <ul className="mb-6 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
          {items.map(({ entry: e, sourceAuthorName, sourceChanged }) => (
            <li key={e.id} className="p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={`/children/${childId}/duplicates/${e.entryId}`} className="font-semibold">
                  {e.title}
                </Link>
                <span className="text-sm text-slate-700">{formatUkDate(e.occurredOn)}</span>
              </div>
              <p className="text-sm text-slate-700">
                From {e.sourceReference}, version {e.sourceVersion} by {sourceAuthorName ?? "unknown"},{" "}
                {formatUkDateTime(e.sourceRecordedAt)}
              </p>
              <div className="mt-1 flex flex-wrap gap-1">
                <Badge tone="blue">
                  {e.sourceKind === "shared_entry" ? "Shared with siblings" : "Duplicate entry"}
                </Badge>
                {sourceChanged ? <Badge tone="amber">The source has changed</Badge> : null}
                {e.confidentiality === "restricted" ? <Badge tone="red">Restricted</Badge> : null}
                {e.confidentiality === "sealed" ? <Badge tone="red">Sealed: misfiled</Badge> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {choices.length > 1 ? (
        <Card title="Record an entry for several siblings" headingLevel={3}>
          <p className="mb-3 text-sm text-slate-700">
            For a joint contact session or a shared letter: recorded once, with a copy on each chosen child&apos;s
            record. Each copy has its own confidentiality and can be sealed on its own.
          </p>
          <RecordSharedEntryForm childId={childId} childrenToCopy={choices} />
        </Card>
      ) : null}
    </ChildRecordShell>
  );
}
