"use server";
// Server actions for a child's care plan: start a version, save the draft, submit, approve, return.
import { authorizedAction } from "@/lib/actions";
import { sectionHref } from "@/lib/sections";
import { approveCarePlan, returnCarePlan, saveCarePlanDraft, startCarePlanVersion, submitCarePlan } from "./commands";
import {
  approveCarePlanSchema,
  returnCarePlanSchema,
  saveCarePlanDraftSchema,
  startCarePlanVersionSchema,
  submitCarePlanSchema,
} from "./schemas";

const paths = (childId: string) => [
  sectionHref(childId, "carePlan"),
  `${sectionHref(childId, "carePlan")}/edit`,
  sectionHref(childId, "chronology"),
];

// Start a new version of the care plan from the approved one
export const startCarePlanVersionAction = authorizedAction(
  "carePlan.startVersion",
  startCarePlanVersionSchema,
  async ({ tx, actor, access, auditDetail }) => {
    const result = await startCarePlanVersion(tx, actor, access);
    auditDetail({ entryId: result.entryId, version: result.version, created: result.created });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Save the care plan draft (starting the plan if there is none)
export const saveCarePlanDraftAction = authorizedAction(
  "carePlan.saveDraft",
  saveCarePlanDraftSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await saveCarePlanDraft(tx, actor, access, input);
    auditDetail({
      entryId: result.entryId,
      version: result.version,
      lockVersion: result.lockVersion,
      created: result.created,
    });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Submit a care plan draft for a manager's approval
export const submitCarePlanAction = authorizedAction(
  "carePlan.submit",
  submitCarePlanSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await submitCarePlan(tx, actor, access, input);
    auditDetail({ entryId: result.entryId, version: result.version, iroId: result.namedIro.id });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Approve a care plan version
export const approveCarePlanAction = authorizedAction(
  "carePlan.approve",
  approveCarePlanSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await approveCarePlan(tx, actor, access, input);
    auditDetail({
      entryId: result.entryId,
      version: result.version,
      superseded: result.superseded,
      decisionEntryId: result.decisionEntryId,
    });
    return result;
  },
  { revalidate: (i) => [...paths(i.childId), sectionHref(i.childId, "decisions")] },
);

// Return a submitted care plan to draft with a comment
export const returnCarePlanAction = authorizedAction(
  "carePlan.return",
  returnCarePlanSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await returnCarePlan(tx, actor, access, input);
    auditDetail({ entryId: result.entryId, version: result.version, comment: input.comment });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);
