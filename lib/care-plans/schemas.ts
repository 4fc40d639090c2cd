// zod schemas for the care plan: one for the draft form (used by react-hook-form's zodResolver
// and by the save action), and one for each lifecycle step. Also the plain shape of a plan's
// content and the conversions between what is stored and what the form shows.
import { z } from "zod";
import { formatUkDate } from "@/lib/dates";
import { parentViews as parentViewsSchema, views } from "@/lib/records/schemas";
import { id, requiredText, ukDate } from "@/lib/validation";
import { CARE_PLAN_TEXT_FIELDS, type CarePlanTextField } from "./fields";

const MAX_TEXT = 20000;

function text(name: CarePlanTextField) {
  const f = CARE_PLAN_TEXT_FIELDS.find((x) => x.name === name) ?? CARE_PLAN_TEXT_FIELDS[0];
  return z
    .string({ error: `Enter ${f.enter}` })
    .trim()
    .max(MAX_TEXT, `${f.label} must be ${MAX_TEXT} characters or fewer`);
}
const required = (name: CarePlanTextField) =>
  text(name).min(1, `Enter ${CARE_PLAN_TEXT_FIELDS.find((x) => x.name === name)?.enter ?? name}`);
const optional = (name: CarePlanTextField) => text(name).default("");

/** Every statutory part of the plan, each made by one rule (required for submission, optional in a draft). */
const textFields = <T extends z.ZodType>(make: (name: CarePlanTextField) => T) => ({
  permanencePlan: make("permanencePlan"),
  needs: make("needs"),
  outcomes: make("outcomes"),
  healthPlan: make("healthPlan"),
  educationPlan: make("educationPlan"),
  emotionalDevelopment: make("emotionalDevelopment"),
  identity: make("identity"),
  contactPlan: make("contactPlan"),
  socialPresentation: make("socialPresentation"),
  selfCare: make("selfCare"),
  placementPlan: make("placementPlan"),
  contingencyPlan: make("contingencyPlan"),
});

const head = {
  title: requiredText("a title, for example Care plan", 200),
  planDate: ukDate("the plan date"),
};

/**
 * A plan submitted for approval (and approved): every statutory part, the child's views and
 * wishes, and each parent's views or that they were sought and not given (reg 5(e)).
 */
export const carePlanContentSchema = z.object({
  ...head,
  ...textFields(required),
  childViews: views(true),
  parentViews: parentViewsSchema(),
});

/** A draft may be incomplete: only its title and plan date are needed to save it. */
const draftContentShape = {
  ...head,
  ...textFields(optional),
  childViews: views(false),
  parentViews: parentViewsSchema(),
};

/**
 * The draft form. `entryId` and `version` are null before the first version exists; `lockVersion`
 * is the draft's lock version when the form was loaded: a newer one means someone else saved.
 */
export const saveCarePlanDraftSchema = z.object({
  childId: id,
  entryId: id.nullable(),
  version: z.number().int().min(1).nullable(),
  lockVersion: z.number().int().min(0),
  ...draftContentShape,
});
export type SaveCarePlanDraftInput = z.output<typeof saveCarePlanDraftSchema>;
export type CarePlanFormValues = z.input<typeof saveCarePlanDraftSchema>;

export const startCarePlanVersionSchema = z.object({ childId: id });

/** A lifecycle step on one version, as the person saw it (its lock version). */
const versionRef = { childId: id, entryId: id, version: z.number().int().min(1), lockVersion: z.number().int().min(0) };

export const submitCarePlanSchema = z.object(versionRef);

export const approveCarePlanSchema = z.object({
  ...versionRef,
  /** The views of every parent with parental responsibility on this decision, chosen from the linked people. */
  parentViews: parentViewsSchema(),
  comment: z
    .string({ error: "Give the reasons for approving this plan" })
    .trim()
    .min(10, "Give the reasons for approving this plan (at least 10 characters)")
    .max(5000, "Keep the reasons under 5000 characters"),
});

export const returnCarePlanSchema = z.object({
  ...versionRef,
  comment: z
    .string({ error: "Say what needs to change" })
    .trim()
    .min(10, "Say what needs to change (at least 10 characters)")
    .max(5000, "Keep the comment under 5000 characters"),
});

export type SubmitCarePlanInput = z.output<typeof submitCarePlanSchema>;
export type ApproveCarePlanInput = z.output<typeof approveCarePlanSchema>;
export type ReturnCarePlanInput = z.output<typeof returnCarePlanSchema>;

export interface CarePlanViews {
  status: string;
  text: string;
}
export interface CarePlanParentView {
  /** The linked person; empty on views typed before people were linked. */
  personId: string;
  name: string;
  relationship: string;
  status: string;
  text: string;
}

/** A plan's content. Stored with the plan date as ISO; in the form as dd/mm/yyyy. */
export interface CarePlanContent extends Record<CarePlanTextField, string> {
  title: string;
  planDate: string;
  childViews: CarePlanViews;
  parentViews: CarePlanParentView[];
}

/** What a refused save returns, so the person sees their text beside the one that is saved. */
export interface CarePlanConflict {
  yours: CarePlanContent;
  current: { entryId: string; version: number; lockVersion: number; status: string; content: CarePlanContent } | null;
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** Reads a stored version's content, tolerating anything missing (nothing stored is ever rewritten). */
export function readCarePlanContent(row: {
  title: string;
  occurredOn: string;
  data: Record<string, unknown>;
}): CarePlanContent {
  const data = row.data;
  const views = (data.childViews ?? {}) as Partial<CarePlanViews>;
  const parents = Array.isArray(data.parentViews) ? (data.parentViews as Array<Partial<CarePlanParentView>>) : [];
  return {
    title: row.title,
    planDate: str(data.planDate) || row.occurredOn,
    ...(Object.fromEntries(CARE_PLAN_TEXT_FIELDS.map((f) => [f.name, str(data[f.name])])) as Record<
      CarePlanTextField,
      string
    >),
    childViews: { status: str(views.status), text: str(views.text) },
    parentViews: parents.map((p) => ({
      personId: str(p.personId),
      name: str(p.name),
      relationship: str(p.relationship),
      status: str(p.status),
      text: str(p.text),
    })),
  };
}

/** The stored `data` of a version: everything but the title (which has its own column). */
export function carePlanData(content: CarePlanContent): Record<string, unknown> {
  const { title: _title, ...data } = content;
  return data;
}

/** Stored content (ISO plan date) as the form shows it (dd/mm/yyyy). */
export function toFormContent(content: CarePlanContent): CarePlanContent {
  return { ...content, planDate: formatUkDate(content.planDate) || content.planDate };
}

/** The content part of validated form input (the plan date already ISO). */
export function contentOfInput(input: CarePlanContent): CarePlanContent {
  return {
    title: input.title,
    planDate: input.planDate,
    ...(Object.fromEntries(CARE_PLAN_TEXT_FIELDS.map((f) => [f.name, input[f.name]])) as Record<
      CarePlanTextField,
      string
    >),
    childViews: { status: input.childViews.status, text: input.childViews.text },
    parentViews: input.parentViews.map((p) => ({
      personId: p.personId,
      name: p.name,
      relationship: p.relationship,
      status: p.status,
      text: p.text,
    })),
  };
}

export function emptyCarePlanContent(planDateUk: string): CarePlanContent {
  return {
    title: "Care plan",
    planDate: planDateUk,
    ...(Object.fromEntries(CARE_PLAN_TEXT_FIELDS.map((f) => [f.name, ""])) as Record<CarePlanTextField, string>),
    childViews: { status: "", text: "" },
    parentViews: [],
  };
}
