"use client";
// Shown when a save was refused because the draft changed underneath the person: their text and
// the saved text side by side, part by part, with a choice of which to carry on from.
import Link from "next/link";
import { Button } from "@/components/ui";
import { CARE_PLAN_TEXT_FIELDS, carePlanStatusPhrase, viewsStatusLabel } from "@/lib/care-plans/fields";
import type { CarePlanConflict, CarePlanContent } from "@/lib/care-plans/schemas";
import { parentViewText } from "@/lib/sections";

type Base = NonNullable<CarePlanConflict["current"]>;

function parts(c: CarePlanContent): Array<{ label: string; text: string }> {
  return [
    { label: "Title", text: c.title },
    { label: "Plan date", text: c.planDate },
    ...CARE_PLAN_TEXT_FIELDS.map((f) => ({ label: f.label, text: c[f.name] })),
    {
      label: "The child's views and wishes",
      text: `${viewsStatusLabel(c.childViews.status)}${c.childViews.text ? `: ${c.childViews.text}` : ""}`,
    },
    {
      label: "Parents' views",
      text: c.parentViews.map((p) => parentViewText(p)).join("\n"),
    },
  ];
}

export function ConflictPanel({
  childId,
  message,
  details,
  onUseMine,
  onUseSaved,
}: {
  childId: string;
  message: string;
  details: CarePlanConflict;
  onUseMine: (base: Base) => void;
  onUseSaved: (base: Base) => void;
}) {
  const current = details.current;
  const mine = parts(details.yours);
  const saved = current ? parts(current.content) : [];
  const differing = mine
    .map((m, i) => ({ label: m.label, mine: m.text, saved: saved[i]?.text ?? "" }))
    .filter((p) => p.mine.trim() !== p.saved.trim());
  const editable = current?.status === "draft";
  return (
    <section role="alert" aria-labelledby="conflict-heading" className="mb-6 border-l-4 border-red-700 bg-red-50 p-4">
      <h2 id="conflict-heading" className="text-lg font-bold">
        Your changes were not saved: both versions are kept
      </h2>
      <p className="mb-2">{message}</p>
      {current ? (
        <p className="mb-4">
          The saved plan is version {current.version} ({carePlanStatusPhrase(current.status)}).{" "}
          {differing.length === 0
            ? "Its text is the same as yours."
            : `${differing.length} part${differing.length === 1 ? "" : "s"} differ:`}
        </p>
      ) : null}
      {differing.map((d) => (
        <div key={d.label} className="mb-4">
          <h3 className="mb-1 font-bold">{d.label}</h3>
          <div className="grid gap-3 md:grid-cols-2">
            <div className="rounded border border-slate-300 bg-white p-3">
              <p className="mb-1 text-sm font-semibold">Your text (not saved to the plan)</p>
              <p className="whitespace-pre-wrap">{d.mine || <span className="text-slate-600">Empty</span>}</p>
            </div>
            <div className="rounded border border-slate-300 bg-white p-3">
              <p className="mb-1 text-sm font-semibold">The saved text (saved by someone else)</p>
              <p className="whitespace-pre-wrap">{d.saved || <span className="text-slate-600">Empty</span>}</p>
            </div>
          </div>
        </div>
      ))}
      {current && editable ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={() => onUseMine(current)}>
            Put my text in the form, to save over theirs
          </Button>
          <Button type="button" variant="secondary" onClick={() => onUseSaved(current)}>
            Load the saved text into the form
          </Button>
        </div>
      ) : (
        <p>
          <Link href={`/children/${childId}/care-plan`}>Go back to the care plan</Link>. Your text is kept as your draft
          and is offered back when you next edit the plan.
        </p>
      )}
    </section>
  );
}
