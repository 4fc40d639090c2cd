// The year's return checked before it leaves: built from the record (one set-based pass), run
// through the Department's rules, each problem tied to the child's record and the place to fix
// it. The data-quality page is the same check of the year in progress, for one team's children.
import { asc, isNull, sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "@/db/client";
import { teams } from "@/db/schema";
import { authority } from "@/lib/authority";
import { todayIso } from "@/lib/dates";
import { buildReturn, type BuiltReturn } from "./export";
import { collectionYear, type CollectionYear, type Problem } from "./tables";
import { validateReturn } from "./validate";

export interface ReturnProblem extends Problem {
  childId: string | null;
  childName: string;
  teamId: string | null;
  /** The place in the record to put it right. */
  href: string | null;
}

export interface CheckedReturn {
  built: BuiltReturn;
  problems: ReturnProblem[];
  counts: Record<string, number>;
}

/** Every team, for the records officer's choice on the data-quality page. */
export async function teamChoices(db: Queryable) {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(isNull(teams.deletedAt))
    .orderBy(asc(teams.name));
}

/** The collection year that includes `today` (it ends on the next 31 March). */
export function collectionYearOf(today = todayIso()): CollectionYear {
  const [y, m] = today.split("-").map(Number) as [number, number];
  return collectionYear(m >= 4 ? y + 1 : y);
}

/** The years a records officer may choose: the one in progress and the four before it. */
export function selectableYears(today = todayIso()): CollectionYear[] {
  const current = collectionYearOf(today).endYear;
  return [0, 1, 2, 3, 4].map((i) => collectionYear(current - i));
}

export async function checkReturn(
  db: Queryable,
  year: CollectionYear,
  scope: { teamId?: string } = {},
): Promise<CheckedReturn> {
  const built = await buildReturn(db, year, scope);
  const ids = [...built.childIds.values()];
  const people =
    ids.length === 0
      ? []
      : rowsOf<{ id: string; name: string; team_id: string | null }>(
          await db.execute(
            sql`select id, first_name || ' ' || last_name as name, team_id from children
              where id in (select unnest(string_to_array(${ids.join(",")}, ','))::uuid)`,
          ),
        );
  const byId = new Map(people.map((p) => [p.id, p]));
  const problems = validateReturn(built.tables, year, { laCode: authority().laCode }).map((p): ReturnProblem => {
    const source = built.sources[p.table][p.row];
    const childId = source?.childId || built.childIds.get(p.child) || null;
    const child = childId ? byId.get(childId) : undefined;
    return {
      ...p,
      childId,
      childName: child?.name ?? p.child,
      teamId: child?.team_id ?? null,
      href: childId ? `/children/${childId}${source?.section ? `/${source.section}` : ""}` : null,
    };
  });
  problems.sort((a, b) => a.childName.localeCompare(b.childName) || a.table.localeCompare(b.table) || a.row - b.row);
  const counts = Object.fromEntries(Object.entries(built.tables).map(([t, rows]) => [t, rows.length]));
  return { built, problems, counts };
}
