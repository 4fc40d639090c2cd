// Records found to be the same child (records officer): find the two records by reference, say
// which stays in use, and close the other. Records are never merged; both stay, cross-referenced.
import type { Metadata } from "next";
import Link from "next/link";
import { SameChildForm } from "@/components/children/same-child-form";
import { TextInput } from "@/components/forms/fields";
import { Button, Card, EmptyState, Notice, PageHeader, Pagination, SummaryList } from "@/components/ui";
import { requireView } from "@/lib/access/view";
import { listSameChildLinks, recordByReference, type RecordIdentity } from "@/lib/children/same-child";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Records of the same child" };

function Identity({ title, record }: { title: string; record: RecordIdentity }) {
  return (
    <Card title={title}>
      <SummaryList
        items={[
          { term: "Reference", value: record.reference },
          { term: "Name", value: record.name },
          { term: "Date of birth", value: formatUkDate(record.dateOfBirth) },
        ]}
      />
    </Card>
  );
}

export default async function SameChildPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { db, audit } = await requireView("sameChild.view");
  const query = await searchParams;
  const closedRef = (query.closed ?? "").trim();
  const inUseRef = (query.inUse ?? "").trim();
  const pageNumber = Math.max(1, Number(query.page) || 1);
  const [closed, inUse, links] = await Promise.all([
    closedRef ? recordByReference(db, closedRef) : Promise.resolve(null),
    inUseRef ? recordByReference(db, inUseRef) : Promise.resolve(null),
    listSameChildLinks(db, pageNumber),
  ]);
  // A lookup by reference shows children's identities: audited with what was asked and what was found.
  if (closedRef || inUseRef)
    await audit({ lookup: { closed: closedRef, inUse: inUseRef }, found: [closed?.id, inUse?.id].filter(Boolean) });
  const problems = [
    closedRef && !closed ? `No record has the reference ${closedRef}.` : null,
    inUseRef && !inUse ? `No record has the reference ${inUseRef}.` : null,
    closed && inUse && closed.id === inUse.id ? "Those are the same record: give two different references." : null,
    closed?.sealedInFavourOf ? `${closed.reference} is already closed in favour of ${closed.sealedInFavourOf}.` : null,
    inUse?.sealedInFavourOf
      ? `${inUse.reference} is itself closed: the record in use is ${inUse.sealedInFavourOf}.`
      : null,
  ].filter((p): p is string => p !== null);

  return (
    <>
      <PageHeader
        title="Records of the same child"
        caption="When two records turn out to be one child, one stays in use and the other is closed: it stays readable and takes nothing new. Records are never merged."
      />
      {query.marked ? (
        <Notice tone="success" title="Marked as the same child">
          {query.marked} is closed. Both records show the cross-reference, and the marking is in the audit log.
        </Notice>
      ) : null}
      <Card title="Find the two records">
        <form method="get" className="grid gap-2 sm:grid-cols-2" aria-label="Find the two records">
          <TextInput
            id="closed"
            name="closed"
            label="Reference of the record to close"
            hint="For example, DEMO-1001"
            defaultValue={closedRef}
          />
          <TextInput
            id="inUse"
            name="inUse"
            label="Reference of the record to keep in use"
            hint="For example, DEMO-1002"
            defaultValue={inUseRef}
          />
          <div>
            <Button type="submit">Find the records</Button>
          </div>
        </form>
      </Card>
      {problems.length > 0 ? (
        <Notice tone="error" title="These records cannot be marked">
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {closed && inUse && problems.length === 0 ? (
        <>
          <div className="grid gap-4 md:grid-cols-2">
            <Identity title="To be closed" record={closed} />
            <Identity title="To stay in use" record={inUse} />
          </div>
          <Card title="Confirm">
            <SameChildForm
              closed={{ id: closed.id, reference: closed.reference }}
              inUse={{ id: inUse.id, reference: inUse.reference }}
            />
          </Card>
        </>
      ) : null}
      <h2 className="mb-2 mt-6 text-xl font-bold">Marked so far</h2>
      {links.rows.length === 0 ? (
        <EmptyState title="No records have been marked as the same child" />
      ) : (
        <div className="overflow-x-auto rounded border border-slate-300 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Records marked as the same child, newest first</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Closed
                </th>
                <th scope="col" className="px-3 py-2">
                  In use
                </th>
                <th scope="col" className="px-3 py-2">
                  Why
                </th>
                <th scope="col" className="px-3 py-2">
                  Marked by
                </th>
              </tr>
            </thead>
            <tbody>
              {links.rows.map((l) => (
                <tr key={l.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">{l.sealedReference}</td>
                  <td className="px-3 py-2">{l.inUseReference}</td>
                  <td className="px-3 py-2">{l.reason}</td>
                  <td className="px-3 py-2">
                    {l.markedBy}
                    <span className="block text-slate-700">{formatUkDateTime(l.markedAt)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={pageNumber}
        pages={links.hasMore ? pageNumber + 1 : pageNumber}
        hrefFor={(p) => `/admin/same-child?page=${p}`}
        label="Pages of markings"
      />
      <p className="mt-4 text-sm">
        <Link href="/audit">The audit log</Link> keeps every marking on both children&apos;s records.
      </p>
    </>
  );
}
