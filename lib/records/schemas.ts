// zod schemas for section entries, built from the section specs: the same schema validates the
// form in the browser (react-hook-form) and the server action.
import { z } from "zod";
import { CONFIDENTIALITY } from "./constants";
import { id, optionalUkDate, pastUkDate, requiredText, ukDate } from "@/lib/validation";
import {
  blankWhatDoesNotApply,
  fieldApplies,
  FORM_SECTIONS,
  formSpec,
  VIEWS_STATUS,
  type FieldSpec,
  type FormSection,
} from "@/lib/sections";

const viewsStatus = z.enum(VIEWS_STATUS.map((v) => v.value) as [string, ...string[]], {
  error: "Choose whether the views were given, sought or not sought",
});
const MAX_VIEWS = 20000;

function viewsText(v: { status: string; text: string }, ctx: z.RefinementCtx) {
  if ((v.status === "given" || v.status === "not_sought") && v.text === "") {
    ctx.addIssue({
      code: "custom",
      path: ["text"],
      message: v.status === "given" ? "Record the views that were given" : "Say why views were not sought",
    });
  }
}

/** The child's views: what they were, or why they were not sought. Shared by every form that records views. */
export const views = (required: boolean) =>
  z
    .object({
      status: required ? viewsStatus : z.union([viewsStatus, z.literal("")]).default(""),
      text: z.string().trim().max(MAX_VIEWS, `Must be ${MAX_VIEWS} characters or fewer`).default(""),
    })
    .superRefine(viewsText);

/**
 * Each parent's views, or that they were sought and not given: each names a person linked to the
 * child (`personId`), whose name and relationship the server takes from the record. Rows left
 * blank for someone without parental responsibility are dropped; the server refuses a row naming
 * nobody linked, and (on decisions) a missing parent with parental responsibility. Views recorded
 * before people were linked (free text with a name) stay readable in their versions.
 */
export const parentViews = () =>
  z
    .array(
      z.object({
        personId: z.union([id, z.literal("")]).default(""),
        name: z.string().trim().max(200).default(""),
        relationship: z.string().trim().max(100).default(""),
        status: z.union([viewsStatus, z.literal("")]).default(""),
        text: z.string().trim().max(MAX_VIEWS, `Must be ${MAX_VIEWS} characters or fewer`).default(""),
      }),
    )
    .max(12, "Record at most 12 people's views here")
    .default([]);

function fieldSchema(field: FieldSpec, strict: boolean): z.ZodType {
  const label = field.label.toLowerCase();
  // A conditional field is checked as optional here; whether it applies, and so whether it is
  // required, depends on the other fields (see `conditional` below).
  if ((field.kind === "text" || field.kind === "select") && field.when)
    return fieldSchema({ ...field, when: undefined, required: false }, strict);
  switch (field.kind) {
    case "text":
    case "textarea":
      if (field.kind === "text" && field.integer) {
        const { min, max } = field.integer;
        return z
          .string()
          .trim()
          .default("")
          .refine((v) => v === "" || (/^\d{1,4}$/.test(v) && Number(v) >= min && Number(v) <= max), {
            message: `Enter a whole number from ${min} to ${max}`,
          });
      }
      return field.required
        ? requiredText(label, field.max ?? 20000, field.missing)
        : z
            .string()
            .trim()
            .max(field.max ?? 20000)
            .default("");
    case "date":
      return field.required ? ukDate(label, field.missing) : optionalUkDate(label);
    case "select": {
      const values = field.options.map((o) => o.value) as [string, ...string[]];
      return field.required
        ? z.enum(values, { error: field.missing ?? `Select ${label}` })
        : z.union([z.enum(values), z.literal("")]).default("");
    }
    case "boolean":
      return z.boolean().default(false);
    case "views":
      return views(strict);
    case "parentViews":
      return parentViews();
  }
}

/**
 * Fields that apply only when another holds certain values, in the spec's order (a condition may
 * rest on another conditional field): one that does not apply is blanked, so a stale value never
 * outlives a change of type; one that applies and is required must be filled in.
 */
function requireWhatApplies(fields: readonly FieldSpec[]) {
  return (input: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const data = blankWhatDoesNotApply(fields, input);
    for (const f of fields)
      if (
        (f.kind === "text" || f.kind === "select") &&
        f.when &&
        f.required &&
        fieldApplies(f, data) &&
        data[f.name] === ""
      )
        ctx.addIssue({ code: "custom", path: [f.name], message: f.missing ?? `Enter ${f.label.toLowerCase()}` });
  };
}

/** Decisions must record the child's and each parent's views; elsewhere they are optional. */
function dataSchema(section: FormSection) {
  const spec = formSpec(section);
  const strict = section === "decisions";
  return z
    .object(Object.fromEntries(spec.fields.map((f) => [f.name, fieldSchema(f, strict)])))
    .superRefine(requireWhatApplies(spec.fields))
    .transform((data) => blankWhatDoesNotApply(spec.fields, data));
}

const common = (section: FormSection) => {
  const spec = formSpec(section);
  return {
    childId: id,
    occurredOn: (spec.occurredOnIs === "past" ? pastUkDate : ukDate)(spec.dateLabel.toLowerCase(), spec.dateMissing),
    title: requiredText(spec.titleLabel.toLowerCase(), 200, spec.titleMissing),
    confidentiality: z.enum(CONFIDENTIALITY).default(spec.defaultConfidentiality),
    significant: z.boolean().default(false),
    childProperty: z.boolean().default(spec.childPropertyByDefault ?? false),
    data: dataSchema(section),
  };
};

export function createEntrySchema(section: FormSection) {
  return z.object(common(section));
}

export function amendEntrySchema(section: FormSection) {
  return z.object({
    ...common(section),
    entryId: id,
    /** The version the person started from: a newer one means someone else saved first. */
    baseVersion: z.number().int().min(1),
    amendReason: z.string().trim().min(5, "Say why this is being amended (at least 5 characters)").max(2000),
  });
}

export type CreateEntryInput = z.output<ReturnType<typeof createEntrySchema>>;
export type AmendEntryInput = z.output<ReturnType<typeof amendEntrySchema>>;

export const markSignificantSchema = z.object({ childId: id, rowId: id, significant: z.boolean() });
export const MAX_DRAFT_CHARS = 200_000;
export const saveDraftSchema = z.object({
  childId: id,
  formKey: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[a-zA-Z]+:[a-z0-9-]+$/),
  data: z
    .record(z.string(), z.unknown())
    .refine((d) => JSON.stringify(d).length <= MAX_DRAFT_CHARS, "This draft is too long to save"),
});

/** The records officer seals a misfiled entry: retained, hidden from everyone else, with a reason. */
export const sealEntrySchema = z.object({
  childId: id,
  // Sections kept as entries (and duplicate entries, each copy sealed on its own); a care plan's
  // versions follow their own lifecycle and are not sealed here.
  section: z.enum(["duplicates", ...FORM_SECTIONS] as [
    FormSection | "duplicates",
    ...Array<FormSection | "duplicates">,
  ]),
  entryId: id,
  reason: z
    .string()
    .trim()
    .min(20, "Say why the entry is sealed, for example which record it belongs on (at least 20 characters)")
    .max(2000),
});
