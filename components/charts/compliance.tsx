// Compliance per month as a table (the accessible data) and a small bar chart of the same
// figures, drawn as plain SVG: reviews, visits and health assessments done by their due date.
import type { MonthCompliance, ComplianceMeasure } from "@/lib/timescales/compliance";

const MEASURES: Array<{ key: ComplianceMeasure; label: string; colour: string }> = [
  { key: "reviews", label: "Reviews on time", colour: "#1d4f91" },
  { key: "visits", label: "Visits on time", colour: "#00703c" },
  { key: "health", label: "Health assessments on time", colour: "#b58840" },
];

const monthName = (m: string) =>
  new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${m}-01T12:00:00Z`),
  );
const pct = (c: { due: number; onTime: number }) => (c.due === 0 ? null : Math.round((100 * c.onTime) / c.due));

export function ComplianceTable({ months }: { months: MonthCompliance[] }) {
  const chrono = [...months].reverse();
  const width = 560;
  const height = 160;
  const group = width / Math.max(chrono.length, 1);
  const bar = (group - 16) / MEASURES.length;
  return (
    <>
      <table className="mb-4 w-full text-left text-sm">
        <caption className="sr-only">Compliance by month: items done by their due date, of those due</caption>
        <thead className="bg-slate-100">
          <tr>
            <th scope="col" className="px-3 py-2">
              Month
            </th>
            {MEASURES.map((m) => (
              <th key={m.key} scope="col" className="px-3 py-2">
                {m.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 font-normal">
                {monthName(m.month)}
              </th>
              {MEASURES.map((x) => {
                const c = m.counts[x.key];
                const p = pct(c);
                return (
                  <td key={x.key} className="px-3 py-2">
                    {c.due === 0 ? "None due" : `${c.onTime} of ${c.due} (${p}%)`}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <figure>
        <svg
          role="img"
          aria-labelledby="compliance-chart-title"
          viewBox={`0 0 ${width} ${height + 24}`}
          className="w-full max-w-xl"
        >
          <title id="compliance-chart-title">
            Percentage on time by month, oldest first: the figures in the table above
          </title>
          {chrono.map((m, i) =>
            MEASURES.map((x, j) => {
              const p = pct(m.counts[x.key]) ?? 0;
              const h = (p / 100) * height;
              return (
                <rect
                  key={`${m.month}-${x.key}`}
                  x={i * group + 8 + j * bar}
                  y={height - h}
                  width={bar - 2}
                  height={h}
                  fill={x.colour}
                />
              );
            }),
          )}
          {chrono.map((m, i) => (
            <text
              key={m.month}
              x={i * group + group / 2}
              y={height + 16}
              textAnchor="middle"
              fontSize="11"
              fill="#1f2937"
            >
              {monthName(m.month).slice(0, 3)}
            </text>
          ))}
        </svg>
        <figcaption className="mt-1 flex flex-wrap gap-4 text-sm">
          {MEASURES.map((x) => (
            <span key={x.key}>
              <svg aria-hidden="true" viewBox="0 0 12 12" className="mr-1 inline-block h-3 w-3">
                <rect width="12" height="12" fill={x.colour} />
              </svg>
              {x.label}
            </span>
          ))}
        </figcaption>
      </figure>
    </>
  );
}
