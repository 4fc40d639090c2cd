// The care plan's fields, labels and lifecycle words, shared by the form, the pages and the
// server (no database imports, so the browser may load it too).
import type { EntryStatus } from "@/lib/records/constants";
import { VIEWS_STATUS } from "@/lib/sections";

/**
 * The parts of a care plan, following the Care Planning, Placement and Case Review (England)
 * Regulations 2010, regulation 5 and Schedule 1. A draft may leave any of them empty; a plan
 * submitted for approval must have every one (with the child's and parents' views, reg 5(e), and
 * the named IRO, reg 5(d), which comes from the child's allocation).
 */
export const CARE_PLAN_TEXT_FIELDS = [
  {
    name: "permanencePlan",
    label: "Plan for permanence",
    enter: "the plan for permanence",
    hint: "The long-term plan for the child's upbringing: where and with whom they will grow up.",
    regulation: "reg 5(a)",
  },
  {
    name: "needs",
    label: "Summary of the child's needs",
    enter: "a summary of the child's needs",
    hint: "Health, education, identity, family and social relationships, emotional and behavioural development.",
    regulation: "reg 5(b)",
  },
  {
    name: "outcomes",
    label: "Planned outcomes and how they will be met",
    enter: "the planned outcomes and how they will be met",
    hint: "What should change for the child, by when, and who will do what.",
    regulation: "reg 5(b)",
  },
  {
    name: "healthPlan",
    label: "Health plan",
    enter: "the health plan",
    hint: "State of health and health history, arrangements for medical and dental care, planned changes and who promotes the child's health (Schedule 1, paragraph 1).",
    regulation: "reg 5(b)(i)",
  },
  {
    name: "educationPlan",
    label: "Personal education plan",
    enter: "the personal education plan",
    hint: "Education and training history, current arrangements and planned changes, leisure interests (Schedule 1, paragraph 2).",
    regulation: "reg 5(b)(ii)",
  },
  {
    name: "emotionalDevelopment",
    label: "Emotional and behavioural development",
    enter: "the arrangements for the child's emotional and behavioural development",
    hint: "How the child's emotional and behavioural needs will be met.",
    regulation: "reg 5(b)(iii)",
  },
  {
    name: "identity",
    label: "Identity",
    enter: "the arrangements for the child's identity",
    hint: "With particular regard to religious persuasion, racial origin, and cultural and linguistic background.",
    regulation: "reg 5(b)(iv)",
  },
  {
    name: "contactPlan",
    label: "Family and social relationships, and contact",
    enter: "the arrangements for family and social relationships and contact",
    hint: "Contact with parents, siblings and others, its purpose and how it will be kept under review (Schedule 1, paragraph 3).",
    regulation: "reg 5(b)(v)",
  },
  {
    name: "socialPresentation",
    label: "Social presentation",
    enter: "the arrangements for the child's social presentation",
    hint: "How the child presents to others: appearance, behaviour in company, and the support they need.",
    regulation: "reg 5(b)(vi)",
  },
  {
    name: "selfCare",
    label: "Self-care skills",
    enter: "the arrangements for the child's self-care skills",
    hint: "The practical skills for independence the child is learning, for their age.",
    regulation: "reg 5(b)(vii)",
  },
  {
    name: "placementPlan",
    label: "Placement plan",
    enter: "the placement plan",
    hint: "Where the child lives, why this placement, and the day-to-day arrangements that support it (regulation 9 and Schedule 2).",
    regulation: "reg 5(c)",
  },
  {
    name: "contingencyPlan",
    label: "Contingency plan",
    enter: "the contingency plan",
    hint: "What happens if the plan for permanence or the placement does not work out.",
    regulation: "statutory guidance",
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
  approved: { label: "Approved: the plan in force", tone: "green" },
  superseded: { label: "Superseded", tone: "grey" },
};

export function carePlanStatus(status: string): { label: string; tone: "grey" | "blue" | "green" | "amber" } {
  return CARE_PLAN_STATUS[status as CarePlanStatus] ?? { label: status, tone: "grey" };
}

/** The status inside a sentence: "Version 2 (approved and in force)". */
export const CARE_PLAN_STATUS_PHRASE: Record<CarePlanStatus, string> = {
  draft: "a draft",
  submitted: "submitted for approval",
  returned: "returned by the manager",
  approved: "approved and in force",
  superseded: "superseded by a later plan",
};

export function carePlanStatusPhrase(status: string): string {
  return CARE_PLAN_STATUS_PHRASE[status as CarePlanStatus] ?? status;
}

/** formKey of the autosaved draft: the plan's entry id, or "new" before the first version exists. */
export function carePlanFormKey(entryId: string | null): string {
  return `carePlan:${entryId ?? "new"}`;
}

export function viewsStatusLabel(status: string): string {
  return VIEWS_STATUS.find((v) => v.value === status)?.label ?? (status ? status : "Not recorded");
}

/**
 * The IRO a version names (reg 5(d)), in words: the name stored when it was submitted; for a
 * draft, whoever is allocated now (named when it is submitted); a version submitted before the
 * name was kept with it says so rather than guess.
 */
export function namedIroWords(
  version: { status: string; namedIro: { name: string } | null },
  allocatedIroName: string | null,
): string {
  if (version.namedIro) return version.namedIro.name;
  if (version.status === "draft")
    return allocatedIroName
      ? `${allocatedIroName} (named in the plan when it is submitted)`
      : "None allocated yet: one is needed before the plan is submitted";
  return "Not recorded with this version";
}
