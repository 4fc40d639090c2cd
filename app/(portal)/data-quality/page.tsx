// Data quality all year: the problems the SSDA903 return would have if the year in progress were
// sent today, for the team manager's own team (every team, or one, for the records officer), each
// with the place to put it right, so they are fixed when they happen and not in March.
import type { Metadata } from "next";
import { ProblemList } from "@/components/returns/problem-list";
import { Notice, PageHeader, Pagination } from "@/components/ui";
import { can } from "@/lib/access";
import { requireView } from "@/lib/access/view";
import { checkReturn, collectionYearOf, teamChoices } from "@/lib/ssda903/queries";

export const metadata: Metadata = { title: "Data quality" };

const PER_PAGE = 100;

export default async function DataQualityPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, db, reports, audit } = await requireView("dataQuality.view");
  const raw = await searchParams;
  const year = collectionYearOf();
  // The records officer sees every team (or chooses one); a team manager sees their own team only.
  const everyTeam = can(actor, "return.export");
  const teams = everyTeam ? await teamChoices(db) : [];
  const askedTeam = typeof raw.team === "string" ? raw.team : "";
  const teamId = everyTeam ? (teams.some((t) => t.id === askedTeam) ? askedTeam : null) : actor.teamId;
  const page = Math.max(1, Number(typeof raw.page === "string" ? raw.page : 1) || 1);
  const { problems } =
    teamId || everyTeam
      ? await checkReturn(reports, year, teamId ? { teamId } : {})
      : { problems: [] as Awaited<ReturnType<typeof checkReturn>>["problems"] };
  await audit({ year: year.endYear, team: teamId, problems: problems.length });
  const pages = Math.max(1, Math.ceil(problems.length / PER_PAGE));
  const qs = (n: number) =>
    `/data-quality?${new URLSearchParams({ ...(teamId && everyTeam ? { team: teamId } : {}), page: String(n) })}`;

  return (
    <>
      <PageHeader
        title="Data quality"
        caption={`What the children looked after return would say today, 1 April ${year.endYear - 1} to 31 March ${year.endYear}`}
      />
      {everyTeam ? (
        <form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Choose a team">
          <div>
            <label htmlFor="team" className="block font-semibold">
              Team
            </label>
            <select
              id="team"
              name="team"
              defaultValue={teamId ?? ""}
              className="mt-1 block rounded border border-slate-600 px-3 py-2"
            >
              <option value="">Every team</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-slate-600 px-4 py-2 font-semibold">
            Show
          </button>
        </form>
      ) : null}
      {problems.length === 0 ? (
        <Notice tone="success" title="No open problems">
          Nothing in this year&apos;s records breaks the Department&apos;s rules so far.
        </Notice>
      ) : (
        <>
          <Notice tone="warning" title={`${problems.length} open problems`}>
            Each links to the place in the child&apos;s record to put it right.
          </Notice>
          <ProblemList problems={problems.slice((page - 1) * PER_PAGE, page * PER_PAGE)} />
          <Pagination page={page} pages={pages} hrefFor={qs} label="Pages of problems" />
        </>
      )}
    </>
  );
}
