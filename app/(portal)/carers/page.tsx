// Foster carers' and children's homes' records: separate from children's records. A supervising
// social worker sees the records they supervise (and opens new ones); team managers see them all;
// a social worker sees those where a child allocated to them is placed now (the summary only).
import type { Metadata } from "next";
import Link from "next/link";
import { CreateCarerRecordForm } from "@/components/carers/carer-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui";
import { allows } from "@/lib/access";
import { requireView } from "@/lib/access/view";
import { listCarerRecords } from "@/lib/carers/queries";
import { CARER_KIND_LABELS } from "@/lib/carers/schemas";

export const metadata: Metadata = { title: "Carers and homes" };

export default async function CarersPage() {
  const { actor, db } = await requireView("carers.list");
  const records = await listCarerRecords(db, actor);
  const mayCreate = allows(actor, null, "carerRecord.create");
  return (
    <>
      <PageHeader title="Foster carers and children's homes" />
      <p className="mb-4 max-w-3xl text-slate-700">
        Each household and home has its own record, separate from the children&apos;s. Where something on it concerns a
        child placed there, a duplicate entry is placed on the child&apos;s record.
      </p>
      {records.length === 0 ? (
        <EmptyState title="No records to show">
          You see the records of carers and homes you supervise, or where a child allocated to you is placed.
        </EmptyState>
      ) : (
        <div className="mb-6 overflow-x-auto">
          <table className="w-full border border-slate-300 bg-white text-left text-sm">
            <caption className="sr-only">Carers and homes</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Kind
                </th>
                <th scope="col" className="px-3 py-2">
                  Postcode
                </th>
                <th scope="col" className="px-3 py-2">
                  Supervised by
                </th>
                <th scope="col" className="px-3 py-2">
                  Children placed now
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">
                    <Link href={`/carers/${r.id}`}>{r.name}</Link>
                  </td>
                  <td className="px-3 py-2">{CARER_KIND_LABELS[r.kind]}</td>
                  <td className="px-3 py-2">{r.postcode}</td>
                  <td className="px-3 py-2">{r.supervisorName ?? "Not recorded"}</td>
                  <td className="px-3 py-2">{r.placedNow}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayCreate ? (
        <details className="rounded border border-slate-300 bg-white p-3">
          <summary className="cursor-pointer font-semibold">Open a new record</summary>
          <div className="mt-3 max-w-3xl">
            <Card>
              <CreateCarerRecordForm />
            </Card>
          </div>
        </details>
      ) : null}
    </>
  );
}
