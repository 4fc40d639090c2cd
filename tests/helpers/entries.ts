// Fictional entry input for a section, as a person would type it in the form.
import { formSpec, type FieldSpec, type FormSection } from "@/lib/sections";

/** A valid value for each field, as typed in the form. */
export function sample(field: FieldSpec, n = 1): unknown {
  switch (field.kind) {
    case "text":
    case "textarea":
      if (field.kind === "text" && field.integer) return String(field.integer.min);
      return `Fictional ${field.label.toLowerCase()} ${n}`.slice(0, "max" in field && field.max ? field.max : 200);
    case "date":
      return "14/10/2026";
    case "select":
      return field.options[0]?.value ?? "";
    case "boolean":
      return true;
    case "views":
      return { status: "given", text: `The child said they feel safe (${n})` };
    case "parentViews":
      // Chosen from the people linked to the child: none unless the test links someone (entryInput's parentViews).
      return [];
  }
}

/** `parentViews`: what a parents' views field holds, for a child the test has linked parents to. */
export function entryInput(childId: string, section: FormSection, n = 1, parentViews: unknown[] = []) {
  const spec = formSpec(section);
  return {
    childId,
    title: `Fictional ${spec.singular} ${n}`,
    occurredOn: "15/10/2026",
    confidentiality: spec.defaultConfidentiality,
    significant: false,
    childProperty: false,
    data: Object.fromEntries(spec.fields.map((f) => [f.name, f.kind === "parentViews" ? parentViews : sample(f, n)])),
  };
}
