// Two care plan versions side by side, word by word. Removed words are struck through in <del>,
// added words underlined in <ins>, each announced in words too: never colour alone.
import type { FieldDiff } from "@/lib/records/queries";

function Removed({ value }: { value: string }) {
  return (
    <del className="bg-red-100 text-red-900 decoration-2">
      <span className="sr-only">[removed: </span>
      {value}
      <span className="sr-only">]</span>
    </del>
  );
}

function Added({ value }: { value: string }) {
  return (
    <ins className="bg-green-100 font-semibold text-green-900 underline decoration-2">
      <span className="sr-only">[added: </span>
      {value}
      <span className="sr-only">]</span>
    </ins>
  );
}

export function VersionDiff({ diff, older, newer }: { diff: FieldDiff[]; older: number; newer: number }) {
  const changed = diff.filter((d) => d.changed);
  const same = diff.filter((d) => !d.changed);
  return (
    <div>
      <p className="mb-2">
        {changed.length === 0
          ? "The two versions are the same."
          : `${changed.length} of ${diff.length} parts of the plan changed between version ${older} and version ${newer}.`}
      </p>
      <p className="mb-4 text-sm text-slate-700">
        Key: <Removed value="struck-through text" /> was in version {older} and removed;{" "}
        <Added value="underlined text" /> was added in version {newer}.
      </p>
      {changed.map((d) => (
        <section key={d.field} className="mb-6">
          <h3 className="mb-2 text-base font-bold">{d.field}</h3>
          <div className="grid gap-4 md:grid-cols-2">
            <div className="rounded border border-slate-300 bg-white p-3">
              <p className="mb-1 text-sm font-semibold text-slate-700">Version {older}</p>
              <p className="whitespace-pre-wrap">
                {d.parts
                  .filter((p) => !p.added)
                  .map((p, i) => (p.removed ? <Removed key={i} value={p.value} /> : <span key={i}>{p.value}</span>))}
              </p>
            </div>
            <div className="rounded border border-slate-300 bg-white p-3">
              <p className="mb-1 text-sm font-semibold text-slate-700">Version {newer}</p>
              <p className="whitespace-pre-wrap">
                {d.parts
                  .filter((p) => !p.removed)
                  .map((p, i) => (p.added ? <Added key={i} value={p.value} /> : <span key={i}>{p.value}</span>))}
              </p>
            </div>
          </div>
        </section>
      ))}
      {same.length > 0 ? (
        <p className="text-sm text-slate-700">Unchanged: {same.map((d) => d.field).join(", ")}.</p>
      ) : null}
    </div>
  );
}
