// Turning entry values into text for people: views, parents' views, dates and flags.
import { formatUkDate } from "@/lib/dates";
import { formSpec, parentViewText, VIEWS_STATUS, type FormSection } from "@/lib/sections";
export type EntryFormValues = Record<string, unknown> & { data: Record<string, unknown> };

export function formatValue(value: unknown): string {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatUkDate(value);
  if (value === null || value === undefined || value === "") return "Not recorded";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map(formatValue).join("\n");
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("status" in v) {
      if ("relationship" in v)
        return parentViewText({
          name: String(v.name ?? ""),
          relationship: String(v.relationship ?? ""),
          status: String(v.status ?? ""),
          text: String(v.text ?? ""),
        });
      const status = VIEWS_STATUS.find((s) => s.value === v.status)?.label ?? "";
      return `${status}${v.text ? `: ${String(v.text)}` : ""}` || "Not recorded";
    }
    return Object.values(v).map(formatValue).join(", ");
  }
  return String(value);
}

const isoToUk = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatUkDate(v) : v);

/** A stored entry as the form shows it: ISO dates back to dd/mm/yyyy. */
export function entryToFormValues(
  section: FormSection,
  entry: {
    title: string;
    occurredOn: string;
    data: Record<string, unknown>;
    confidentiality: string;
    significant: boolean;
    childProperty: boolean;
  },
): EntryFormValues {
  const spec = formSpec(section);
  const data: Record<string, unknown> = {};
  for (const field of spec.fields)
    data[field.name] =
      field.kind === "date"
        ? (isoToUk(entry.data[field.name]) ?? "")
        : (entry.data[field.name] ?? emptyValue(field.kind));
  return {
    title: entry.title,
    occurredOn: formatUkDate(entry.occurredOn),
    data,
    confidentiality: entry.confidentiality,
    significant: entry.significant,
    childProperty: entry.childProperty,
    amendReason: "",
  };
}

function emptyValue(kind: string): unknown {
  if (kind === "views") return { status: "", text: "" };
  if (kind === "parentViews") return [];
  if (kind === "boolean") return false;
  return "";
}

/** A blank form for a new entry in a section; fields that say so start with the signed-in person's name. */
export function blankFormValues(section: FormSection, signedInName?: string): EntryFormValues {
  const spec = formSpec(section);
  return {
    title: "",
    occurredOn: "",
    data: Object.fromEntries(
      spec.fields.map((f) => [
        f.name,
        "prefillSignedIn" in f && f.prefillSignedIn && signedInName ? signedInName : emptyValue(f.kind),
      ]),
    ),
    confidentiality: spec.defaultConfidentiality,
    significant: false,
    childProperty: spec.childPropertyByDefault ?? false,
  };
}
