"use client";
// Parents' views on a form: one row per person linked to the child (chosen, never typed), each
// with views given, sought and not given, or not sought with the reason.
import { Select, TextArea } from "@/components/forms/fields";
import type { ParentChoice } from "@/lib/people/views";
import { VIEWS_STATUS } from "@/lib/sections";

export function ParentViewRows({
  name,
  idPrefix,
  parents,
  register,
  errorAt,
  legend = "Parents' views",
  hint,
}: {
  /** The form field holding the rows, e.g. "parentViews". */
  name: string;
  idPrefix: string;
  parents: readonly ParentChoice[];
  register: (path: string) => object;
  errorAt: (path: string) => { message?: string } | undefined;
  legend?: string;
  hint?: string;
}) {
  const listError = errorAt(name) ?? errorAt(`${name}.root`);
  return (
    <fieldset className="mb-4 rounded border border-slate-300 p-3">
      <legend className="px-1 font-semibold">{legend}</legend>
      {hint ? <p className="mb-2 text-sm text-slate-700">{hint}</p> : null}
      {listError?.message ? <p className="font-semibold text-red-800">{listError.message}</p> : null}
      {parents.length === 0 ? (
        <p className="text-sm text-slate-700">No parents are linked to this child (see Family and people).</p>
      ) : null}
      {parents.map((p, i) => (
        <div key={p.personId} className="mb-3 border-b border-slate-200 pb-3">
          <input type="hidden" {...register(`${name}.${i}.personId`)} />
          <p className="font-semibold">
            {p.name} ({p.relationshipLabel}){p.parentalResponsibility ? ", parental responsibility" : ""}
          </p>
          <Select
            id={`${idPrefix}-${i}-status`}
            label={`${p.name}'s views`}
            options={[
              { value: "", label: p.parentalResponsibility ? "Choose" : "Not recorded" },
              ...VIEWS_STATUS.filter((s) => s.value !== "too_young"),
            ]}
            error={errorAt(`${name}.${i}.status`) ?? errorAt(`${name}.${i}.personId`)}
            {...register(`${name}.${i}.status`)}
          />
          <TextArea
            id={`${idPrefix}-${i}-text`}
            label={`In ${p.name}'s words, or why not`}
            rows={2}
            error={errorAt(`${name}.${i}.text`)}
            {...register(`${name}.${i}.text`)}
          />
        </div>
      ))}
    </fieldset>
  );
}
