// Side-by-side comparison of two versions, field by field. Changes are marked with <del>/<ins>
// and words for screen readers, never by colour alone.
import type { FieldDiff } from "@/lib/records/queries";

export function VersionDiff({ title, diffs }: { title: string; diffs: FieldDiff[] }) {
  const changed = diffs.filter((d) => d.changed);
  return (
    <section aria-label={title} className="rounded border border-slate-300 bg-white p-4">
      <h4 className="mb-2 text-lg font-bold">{title}</h4>
      {changed.length === 0 ? (
        <p>The two versions are the same.</p>
      ) : (
        <p className="mb-2">
          {changed.length} field{changed.length === 1 ? "" : "s"} changed.
        </p>
      )}
      <table className="w-full table-fixed text-left text-sm">
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="w-1/5 px-2 py-2">
              Field
            </th>
            <th scope="col" className="px-2 py-2">
              Before
            </th>
            <th scope="col" className="px-2 py-2">
              After
            </th>
          </tr>
        </thead>
        <tbody>
          {diffs.map((d) => (
            <tr key={d.field} className={`border-t border-slate-200 align-top ${d.changed ? "" : "text-slate-600"}`}>
              <th scope="row" className="px-2 py-2 font-semibold">
                {d.field}
                {d.changed ? <span className="block text-xs font-normal">changed</span> : null}
              </th>
              <td className="whitespace-pre-wrap px-2 py-2">
                {d.parts
                  .filter((p) => !p.added)
                  .map((p, i) =>
                    p.removed ? (
                      <del key={i} className="bg-red-100 text-red-900">
                        <span className="sr-only">[removed: </span>
                        {p.value}
                        <span className="sr-only">]</span>
                      </del>
                    ) : (
                      <span key={i}>{p.value}</span>
                    ),
                  )}
              </td>
              <td className="whitespace-pre-wrap px-2 py-2">
                {d.parts
                  .filter((p) => !p.removed)
                  .map((p, i) =>
                    p.added ? (
                      <ins key={i} className="bg-green-100 text-green-900">
                        <span className="sr-only">[added: </span>
                        {p.value}
                        <span className="sr-only">]</span>
                      </ins>
                    ) : (
                      <span key={i}>{p.value}</span>
                    ),
                  )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
