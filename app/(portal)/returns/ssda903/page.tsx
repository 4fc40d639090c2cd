// The SSDA903 return for a collection year, checked before it leaves: how many rows each table
// has, every problem the portal's validation found (by child, with the place to fix it), and the
// download of the Department's files. Read from the reporting replica when one is configured.
import type { Metadata } from "next";
import { ProblemList, tableWords } from "@/components/returns/problem-list";
import { ButtonLink, Card, Notice, PageHeader, Pagination } from "@/components/ui";
import { requireView } from "@/lib/access/view";
import { authority } from "@/lib/authority";
import { checkReturn, collectionYearOf, selectableYears } from "@/lib/ssda903/queries";
import { collectionYear, tablesForYear } from "@/lib/ssda903/tables";

export const metadata: Metadata = { title: "SSDA903 return" };

const PER_PAGE = 100;
const yearWords = (endYear: number) => `1 April ${endYear - 1} to 31 March ${endYear}`;

export default async function Ssda903Page({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reports, audit } = await requireView("ssda903.view");
  const raw = await searchParams;
  const years = selectableYears();
  // By default the last year that has ended: the one the Department is collecting.
  const fallback = collectionYearOf().endYear - 1;
  const asked = Number(typeof raw.year === "string" ? raw.year : fallback);
  const year = collectionYear(years.some((y) => y.endYear === asked) ? asked : fallback);
  const page = Math.max(1, Number(typeof raw.page === "string" ? raw.page : 1) || 1);
  const { problems, counts } = await checkReturn(reports, year);
  await audit({ year: year.endYear, problems: problems.length });
  const pages = Math.max(1, Math.ceil(problems.length / PER_PAGE));
  const shown = problems.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const children = new Set(problems.map((p) => p.child)).size;

  return (
    <>
      <PageHeader
        title="SSDA903 return"
        caption={`Children looked after, ${yearWords(year.endYear)}, for ${authority().name} (${authority().laCode})`}
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Choose the collection year">
        <div>
          <label htmlFor="year" className="block font-semibold">
            Collection year
          </label>
          <select
            id="year"
            name="year"
            defaultValue={String(year.endYear)}
            className="mt-1 block rounded border border-slate-600 px-3 py-2"
          >
            {years.map((y) => (
              <option key={y.endYear} value={y.endYear}>
                {yearWords(y.endYear)}
                {y.endYear === collectionYearOf().endYear ? " (in progress)" : ""}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-600 px-4 py-2 font-semibold">
          Check this year
        </button>
      </form>

      {problems.length === 0 ? (
        <Notice tone="success" title="No problems found">
          The portal checked the year against the Department&apos;s rules and found nothing to put right.
        </Notice>
      ) : (
        <Notice tone="warning" title={`${problems.length} problems for ${children} children`}>
          Put them right in each child&apos;s record before sending the return; the list updates as you do.
        </Notice>
      )}

      <div className="mb-6 grid gap-4 md:grid-cols-2">
        <Card title="What the return holds">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Rows in each table of the return</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-2 py-1">
                  Table
                </th>
                <th scope="col" className="px-2 py-1">
                  Rows
                </th>
              </tr>
            </thead>
            <tbody>
              {tablesForYear(year).map((t) => (
                <tr key={t} className="border-t border-slate-200">
                  <th scope="row" className="px-2 py-1 font-normal">
                    {tableWords(t)} <span className="text-slate-700">({t}.csv)</span>
                  </th>
                  <td className="px-2 py-1">{counts[t] ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="Download for the Department">
          <p className="mb-3 text-sm">
            One CSV file per table, with the Department&apos;s columns in its order, in one ZIP. The download is
            recorded in the audit log.
          </p>
          <ButtonLink href={`/returns/ssda903/download?year=${year.endYear}`}>
            Download the return ({year.endYear - 1}/{String(year.endYear).slice(2)})
          </ButtonLink>
        </Card>
      </div>

      {problems.length > 0 ? (
        <>
          <h2 className="mb-3 text-xl font-bold">Problems to put right</h2>
          <ProblemList problems={shown} />
          <Pagination
            page={page}
            pages={pages}
            hrefFor={(n) => `/returns/ssda903?year=${year.endYear}&page=${n}`}
            label="Pages of problems"
          />
        </>
      ) : null}
    </>
  );
}
