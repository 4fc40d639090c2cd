// Parents' views on a form, one row per person linked to the child (chosen, never typed): the
// rows a form starts with, and the views typed before people were linked (shown, not resubmitted).
// Pure: shared by pages and client forms.

export interface ParentChoice {
  personId: string;
  name: string;
  relationshipLabel: string;
  parentalResponsibility: boolean;
}

export interface ParentViewRow {
  personId: string;
  status: string;
  text: string;
}

type Stored = { personId?: unknown; name?: unknown; relationship?: unknown; status?: unknown; text?: unknown };

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** A row for each linked person, holding what was recorded for them before (by person). */
export function parentViewRows(parents: readonly ParentChoice[], existing: unknown): ParentViewRow[] {
  const items = Array.isArray(existing) ? (existing as Stored[]) : [];
  return parents.map((p) => {
    const found = items.find((i) => i.personId === p.personId);
    return { personId: p.personId, status: str(found?.status), text: str(found?.text) };
  });
}

/** Views recorded with a typed name before people were linked: kept readable in their version. */
export function typedParentViews(
  existing: unknown,
): Array<{ name: string; relationship: string; status: string; text: string }> {
  const items = Array.isArray(existing) ? (existing as Stored[]) : [];
  return items
    .filter((i) => !str(i.personId))
    .map((i) => ({ name: str(i.name), relationship: str(i.relationship), status: str(i.status), text: str(i.text) }));
}
