// The form to choose any two versions to compare, shared by care plans and section entries.
import { Button } from "@/components/ui";

export function CompareVersionsForm({
  action,
  versions,
  a,
  b,
}: {
  action: string;
  versions: readonly number[];
  a?: number;
  b?: number;
}) {
  const select = "mt-1 block rounded border border-slate-600 px-3 py-2";
  const choices = [
    { id: "compare-a", name: "a", label: "Compare version", value: a ?? versions.at(-2) },
    { id: "compare-b", name: "b", label: "with version", value: b ?? versions.at(-1) },
  ];
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-4">
      {choices.map((c) => (
        <div key={c.id}>
          <label htmlFor={c.id} className="block font-semibold">
            {c.label}
          </label>
          <select id={c.id} name={c.name} defaultValue={String(c.value ?? "")} className={select}>
            {versions.map((v) => (
              <option key={v} value={v}>
                Version {v}
              </option>
            ))}
          </select>
        </div>
      ))}
      <Button type="submit" variant="secondary">
        Compare versions
      </Button>
    </form>
  );
}
