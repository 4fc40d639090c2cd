// Every version of a care plan in a table.
import Link from "next/link";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import type { CarePlanVersion } from "@/lib/care-plans/queries";
import { CarePlanStatusBadge } from "./care-plan-view";

export function CarePlanVersionsTable({ childId, versions }: { childId: string; versions: CarePlanVersion[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Every version of the care plan, newest first</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-2 py-2">
              Version
            </th>
            <th scope="col" className="px-2 py-2">
              Status
            </th>
            <th scope="col" className="px-2 py-2">
              Plan date
            </th>
            <th scope="col" className="px-2 py-2">
              Written by
            </th>
            <th scope="col" className="px-2 py-2">
              Submitted
            </th>
            <th scope="col" className="px-2 py-2">
              Approved
            </th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr key={v.id} className="border-t border-slate-200">
              <td className="whitespace-nowrap px-2 py-2">
                <Link href={`/children/${childId}/care-plan/versions/${v.version}`}>Version {v.version}</Link>
              </td>
              <td className="whitespace-nowrap px-2 py-2">
                <CarePlanStatusBadge status={v.status} />
              </td>
              <td className="px-2 py-2">{formatUkDate(v.content.planDate)}</td>
              <td className="px-2 py-2">{v.authorName}</td>
              <td className="px-2 py-2">
                {v.submittedAt ? `${formatUkDateTime(v.submittedAt)} by ${v.submittedByName ?? "unknown"}` : "—"}
              </td>
              <td className="px-2 py-2">
                {v.approvedAt ? `${formatUkDateTime(v.approvedAt)} by ${v.approvedByName ?? "unknown"}` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A plain GET form: works without JavaScript, and the comparison has its own address. */
