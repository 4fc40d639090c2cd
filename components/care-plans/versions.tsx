// Every version of a care plan in a table, and the form to compare any two of them.
import Link from "next/link";
import { Button } from "@/components/ui";
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
            <th scope="col" className="px-2 py-2">Version</th>
            <th scope="col" className="px-2 py-2">Status</th>
            <th scope="col" className="px-2 py-2">Plan date</th>
            <th scope="col" className="px-2 py-2">Written by</th>
            <th scope="col" className="px-2 py-2">Submitted</th>
            <th scope="col" className="px-2 py-2">Approved</th>
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
              <td className="px-2 py-2">{v.submittedAt ? `${formatUkDateTime(v.submittedAt)} by ${v.submittedByName ?? "unknown"}` : "—"}</td>
              <td className="px-2 py-2">{v.approvedAt ? `${formatUkDateTime(v.approvedAt)} by ${v.approvedByName ?? "unknown"}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A plain GET form: works without JavaScript, and the comparison has its own address. */
export function CompareVersionsForm({ childId, versions, a, b }: { childId: string; versions: CarePlanVersion[]; a?: number; b?: number }) {
  const latest = versions.at(-1)?.version;
  const previous = versions.at(-2)?.version;
  const select = "mt-1 block rounded border border-slate-600 px-3 py-2";
  return (
    <form method="get" action={`/children/${childId}/care-plan/compare`} className="flex flex-wrap items-end gap-4">
      <div>
        <label htmlFor="compare-a" className="block font-semibold">
          Compare version
        </label>
        <select id="compare-a" name="a" defaultValue={String(a ?? previous ?? "")} className={select}>
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              Version {v.version}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="compare-b" className="block font-semibold">
          with version
        </label>
        <select id="compare-b" name="b" defaultValue={String(b ?? latest ?? "")} className={select}>
          {versions.map((v) => (
            <option key={v.version} value={v.version}>
              Version {v.version}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Compare versions
      </Button>
    </form>
  );
}
