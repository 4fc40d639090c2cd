// The records officer's search for a child outside any caseload: name, reference and date of
// birth only, each result leading to break-glass access (a reason, logged and reviewed). Every
// search is audited with what was searched for and how many matched.
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, Notice, PageHeader } from "@/components/ui";
import { requireView } from "@/lib/access/view";
import { searchChildren } from "@/lib/break-glass/queries";
import { formatUkDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Find a child" };

export default async function FindChildPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, audit } = await requireView("child.search");
  const params = await searchParams;
  const search = typeof params.q === "string" ? params.q : "";
  const result = await searchChildren(db, search);
  if (result.search) await audit({ search: result.search, results: result.items.length });

  return (
    <>
      <PageHeader title="Find a child" caption="To open a child's record through break-glass access" />
      <Notice tone="info">
        Search by name, reference or date of birth. Results show only the name, reference and date of birth. Opening a
        record needs a reason; it is read-only, logged and listed for review.
      </Notice>
      <form role="search" className="mb-4 flex flex-wrap items-end gap-2" action="/find-a-child">
        <div>
          <label htmlFor="q" className="block font-semibold">
            Name, reference or date of birth
          </label>
          <p id="q-hint" className="text-sm text-slate-700">
            For example, Amira Khan, DEMO-1001 or 27/03/2014
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
      </form>
      {!result.search ? null : result.items.length === 0 ? (
        <EmptyState title="No children match that search">
          Check the spelling, search for part of the name or reference, or type the date of birth as dd/mm/yyyy.
        </EmptyState>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700" aria-live="polite">
            {result.more
              ? `More than ${result.items.length} children match: showing the first ${result.items.length}. Narrow the search.`
              : `${result.items.length} ${result.items.length === 1 ? "child matches" : "children match"} “${result.search}”`}
          </p>
          <div className="overflow-x-auto rounded border border-slate-300 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Children matching the search</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Reference
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Date of birth
                  </th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((child) => (
                  <tr key={child.id} className="border-t border-slate-200">
                    <td className="px-3 py-2 font-semibold">{child.name}</td>
                    <td className="px-3 py-2">{child.reference}</td>
                    <td className="px-3 py-2">{formatUkDate(child.dateOfBirth)}</td>
                    <td className="px-3 py-2">
                      <Link href={`/children/${child.id}/break-glass`}>
                        Open with break-glass access<span className="sr-only">: {child.name}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
