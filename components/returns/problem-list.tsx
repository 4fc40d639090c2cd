// The problems the portal's validation found, child by child: each with the table, the fields and
// the Department's rule, in words, and a link to the place in the record to put it right.
import Link from "next/link";
import type { ReturnProblem } from "@/lib/ssda903/queries";

const TABLE_WORDS: Record<string, string> = {
  header: "Child's details",
  episodes: "Episodes of care",
  reviews: "Reviews",
  uasc: "Unaccompanied asylum-seeking status",
  oc2: "Outcomes after 12 months looked after",
  oc3: "Care leavers",
  ad1: "Adoption",
  placed_for_adoption: "Decisions to place for adoption",
  previous_permanence: "Previous permanence",
  missing: "Missing and away periods",
  sw_episodes: "Social workers",
  dolo: "Deprivation of liberty orders",
};

export const tableWords = (table: string) => TABLE_WORDS[table] ?? table;

export function ProblemList({ problems }: { problems: readonly ReturnProblem[] }) {
  const byChild = new Map<string, ReturnProblem[]>();
  for (const p of problems) {
    const key = p.childId ?? p.child;
    byChild.set(key, [...(byChild.get(key) ?? []), p]);
  }
  return (
    <ul className="space-y-4" aria-label="Problems by child">
      {[...byChild.values()].map((list) => {
        const first = list[0];
        if (!first) return null;
        return (
          <li key={first.childId ?? first.child} className="rounded border border-slate-300 bg-white p-4">
            <h3 className="mb-2 font-bold">
              {first.childName} <span className="font-normal text-slate-700">({first.child})</span>
            </h3>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Problems in {first.childName}&apos;s return data</caption>
              <thead className="bg-slate-100">
                <tr>
                  <th scope="col" className="px-2 py-1">
                    Problem
                  </th>
                  <th scope="col" className="px-2 py-1">
                    Where
                  </th>
                  <th scope="col" className="px-2 py-1">
                    Rule
                  </th>
                  <th scope="col" className="px-2 py-1">
                    <span className="sr-only">Put it right</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={`${p.rule}:${p.table}:${p.row}`} className="border-t border-slate-200">
                    <td className="px-2 py-1">{p.message}</td>
                    <td className="px-2 py-1">
                      {tableWords(p.table)}, row {p.row + 1}
                      {p.fields.length ? <span className="block text-slate-700">{p.fields.join(", ")}</span> : null}
                    </td>
                    <td className="px-2 py-1">{p.rule}</td>
                    <td className="px-2 py-1">
                      {p.href ? (
                        <Link href={p.href}>
                          Put it right<span className="sr-only"> for {first.childName}</span>
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        );
      })}
    </ul>
  );
}
