// The care plan's fields, labels and lifecycle words, shared by the form, the pages and the
// server (no database imports, so the browser may load it too).
import type { EntryStatus } from "@/lib/records/constants";
import { VIEWS_STATUS } from "@/lib/sections";

export const CARE_PLAN_TEXT_FIELDS = [
  {
    name: "needs",
    label: "Summary of the child's needs",
    enter: "a summary of the child's needs",
    hint: "Health, education, identity, family and social relationships, emotional and behavioural development.",
    required: true,
  },
  {
    name: "outcomes",
    label: "Planned outcomes and how they will be met",
    enter: "the planned outcomes and how they will be met",
    hint: "What should change for the child, by when, and who will do what.",
    required: true,
  },
  {
    name: "placementPlan",
    label: "Placement plan",
    enter: "the placement plan",
    hint: "Where the child lives, why this placement, and the arrangements that support it.",
    required: false,
  },
  {
    name: "healthPlan",
    label: "Health plan",
    enter: "the health plan",
    hint: "From the latest health assessment: appointments, treatment and who is responsible.",
    required: false,
  },
  {
    name: "educationPlan",
    label: "Personal education plan",
    enter: "the personal education plan",
    hint: "School or setting, targets and support agreed at the PEP meeting.",
    required: false,
  },
  {
    name: "contactPlan",
    label: "Contact plan",
    enter: "the contact plan",
    hint: "Contact with parents, siblings and others, and its purpose.",
    required: false,
  },
  {
    name: "contingencyPlan",
    label: "Contingency plan",
    enter: "the contingency plan",
    hint: "What happens if the plan or the placement does not work out.",
    required: false,
  },
] as const;

export type CarePlanTextField = (typeof CARE_PLAN_TEXT_FIELDS)[number]["name"];

/** Field labels for the version diff (keys of the stored content). */
export const CARE_PLAN_LABELS: Record<string, string> = {
  title: "Title",
  occurredOn: "Plan date",
  planDate: "Plan date",
  ...Object.fromEntries(CARE_PLAN_TEXT_FIELDS.map((f) => [f.name, f.label])),
  childViews: "The child's views and wishes",
  parentViews: "Parents' views",
};

export type CarePlanStatus = Extract<EntryStatus, "draft" | "submitted" | "returned" | "approved" | "superseded">;

export const CARE_PLAN_STATUS: Record<CarePlanStatus, { label: string; tone: "grey" | "blue" | "green" | "amber" }> = {
  draft: { label: "Draft", tone: "amber" },
  submitted: { label: "Submitted for approval", tone: "blue" },
  returned: { label: "Returned by the manager", tone: "grey" },
  approved: { label: "Approved (current plan)", tone: "green" },
  superseded: { label: "Superseded", tone: "grey" },
};

export function carePlanStatus(status: string): { label: string; tone: "grey" | "blue" | "green" | "amber" } {
  return CARE_PLAN_STATUS[status as CarePlanStatus] ?? { label: status, tone: "grey" };
}

/** formKey of the autosaved draft: the plan's entry id, or "new" before the first version exists. */
export function carePlanFormKey(entryId: string | null): string {
  return `carePlan:${entryId ?? "new"}`;
}

export function viewsStatusLabel(status: string): string {
  return VIEWS_STATUS.find((v) => v.value === status)?.label ?? (status ? status : "Not recorded");
}
