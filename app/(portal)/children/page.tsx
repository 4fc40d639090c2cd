// The caseload: exactly the children the access policy lets this person see, searchable and paginated.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge, ButtonLink, Card, EmptyState, PageHeader, Pagination } from "@/components/ui";
import { allows, can } from "@/lib/access";
import { listAwaitingApproval } from "@/lib/care-plans/queries";
import { requireView } from "@/lib/access/view";
import { listCaseload } from "@/lib/children/queries";
import { ageInYears, formatUkDateTime } from "@/lib/dates";
import { label, LEGAL_STATUS, PLACEMENT } from "@/lib/ssda903/codes";

export const metadata: Metadata = { title: "Children" };

export default async function CaseloadPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Someone with no caseload (the records officer) finds a child by searching instead.
  const { actor, db } = await requireView("caseload.view", "/find-a-child");
  const params = await searchParams;
  const search = typeof params.q === "string" ? params.q : "";
  const page = Number(typeof params.page === "string" ? params.page : "1") || 1;
  const [result, awaiting] = await Promise.all([
    listCaseload(db, actor, { search, page }),
    listAwaitingApproval(db, actor),
  ]);
  const hrefFor = (p: number) =>
    `/children?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(p) })}`;
  const showStaff = actor.role !== "provider";

  return (
    <>
      <PageHeader
        title="Children"
        caption={
          actor.role === "provider"
            ? "Children with an active arrangement with your organisation"
            : "Children you can see"
        }
        actions={
          allows(actor, null, "child.create") ? (
            <ButtonLink href="/children/new">Create a child&apos;s record</ButtonLink>
          ) : null
        }
      />
      {can(actor, "carePlan.approve") ? (
        <div className="mb-4">
          <Card title={`Waiting for your approval (${awaiting.length})`}>
            {awaiting.length === 0 ? (
              <p>No care plans are waiting for approval.</p>
            ) : (
              <ul className="space-y-2">
                {awaiting.map((a) => (
                  <li key={`${a.childId}-${a.version}`}>
                    <Link href={`/children/${a.childId}/care-plan`} className="font-semibold">
                      Care plan version {a.version} for {a.firstName} {a.lastName}
                    </Link>{" "}
                    <span className="text-sm text-slate-700">
                      ({a.reference}), submitted {formatUkDateTime(a.submittedAt)} by {a.submittedByName ?? "unknown"}
                      {a.submittedBy === actor.id ? ": you submitted it, so another manager approves it" : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      ) : null}
      <form role="search" className="mb-4 flex flex-wrap items-end gap-2" action="/children">
        <div>
          <label htmlFor="q" className="block font-semibold">
            Search by name, reference or date of birth
          </label>
          <p id="q-hint" className="text-sm text-slate-700">
            For example, Amira, DEMO-1001 or 27/03/2014
          </p>
          <input
            id="q"
            name="q"
            type="search"
            aria-describedby="q-hint"
            defaultValue={search}
            className="mt-1 w-72 rounded border border-slate-600 px-3 py-2"
          />
        </div>
        <button
          type="submit"
          className="min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          Search
        </button>
        {search ? (
          <Link href="/children" className="py-2">
            Clear search
          </Link>
        ) : null}
      </form>
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {result.total === 1 ? "1 child" : `${result.total} children`}
        {search ? ` matching “${search}”` : ""}
      </p>
      {result.items.length === 0 ? (
        <EmptyState title={search ? "No children match that search" : "No children to show"}>
          {search
            ? "Check the spelling, search for part of the name or reference, or type the date of birth as dd/mm/yyyy."
            : "When children are allocated to you, or arrangements start, they appear here."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-300 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Children, sorted by surname</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Name
                </th>
                <th scope="col" className="px-3 py-2">
                  Age
                </th>
                <th scope="col" className="px-3 py-2">
                  Legal status and placement
                </th>
                {showStaff ? (
                  <th scope="col" className="px-3 py-2">
                    Markers
                  </th>
                ) : null}
                {showStaff ? (
                  <th scope="col" className="px-3 py-2">
                    Allocated worker
                  </th>
                ) : null}
                {showStaff ? (
                  <th scope="col" className="px-3 py-2">
                    IRO
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {result.items.map((child) => (
                <tr key={child.id} className="border-t border-slate-200">
                  <td className="px-3 py-2">
                    <Link href={`/children/${child.id}`} className="font-semibold">
                      {child.name}
                    </Link>
                    <span className="block text-xs text-slate-600">{child.reference}</span>
                    {child.allocatedToMe ? <Badge tone="blue">Allocated to you</Badge> : null}
                  </td>
                  <td className="px-3 py-2">{ageInYears(child.dateOfBirth)}</td>
                  <td className="px-3 py-2">
                    {child.legalStatus && child.lookedAfter ? (
                      <>
                        {label(LEGAL_STATUS, child.legalStatus)}
                        {child.placement ? (
                          <span className="block text-xs text-slate-700">{label(PLACEMENT, child.placement)}</span>
                        ) : null}
                      </>
                    ) : child.legalStatus ? (
                      <span className="text-slate-700">No longer looked after</span>
                    ) : (
                      <span className="text-slate-700">Not looked after</span>
                    )}
                  </td>
                  {showStaff ? (
                    <td className="px-3 py-2">
                      {child.cpInForce ? <Badge tone="red">Child Protection Plan</Badge> : null}
                      {child.openMarkers > 0 ? (
                        <Badge tone="amber">
                          {child.openMarkers} marker task{child.openMarkers === 1 ? "" : "s"} open
                        </Badge>
                      ) : null}
                    </td>
                  ) : null}
                  {showStaff ? <td className="px-3 py-2">{child.workerName ?? "Not allocated"}</td> : null}
                  {showStaff ? <td className="px-3 py-2">{child.iroName ?? "Not allocated"}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={result.page} pages={result.pages} hrefFor={hrefFor} label="Caseload pages" />
    </>
  );
}
