"use server";
// Server actions for a child's care plan: start a version, save the draft, submit, approve, return.
import { authorizedAction } from "@/lib/actions";
import {
  approveCarePlan,
  returnCarePlan,
  saveCarePlanDraft,
  startCarePlanVersion,
  submitCarePlan,
} from "@/lib/care-plans/commands";
import {
  approveCarePlanSchema,
  returnCarePlanSchema,
  saveCarePlanDraftSchema,
  startCarePlanVersionSchema,
  submitCarePlanSchema,
} from "@/lib/care-plans/schemas";

const paths = (childId: string) => [
  `/children/${childId}/care-plan`,
  `/children/${childId}/care-plan/edit`,
  `/children/${childId}/chronology`,
];

function accessOf<T>(access: T | null): T {
  if (!access) throw new Error("access checked by the wrapper");
  return access;
}

// Start a new version of the care plan from the approved one
export const startCarePlanVersionAction = authorizedAction(
  {
    action: "carePlan.startVersion",
    permission: "carePlan.write",
    schema: startCarePlanVersionSchema,
    child: { id: (i) => i.childId, section: "carePlan" },
    revalidate: (i) => paths(i.childId),
  },
  async ({ tx, actor, access, auditDetail }) => {
    const result = await startCarePlanVersion(tx, actor, accessOf(access));
    auditDetail({ entryId: result.entryId, version: result.version, created: result.created });
    return result;
  },
);

// Save the care plan draft (starting the plan if there is none)
export const saveCarePlanDraftAction = authorizedAction(
  {
    action: "carePlan.saveDraft",
    permission: "carePlan.write",
    schema: saveCarePlanDraftSchema,
    child: { id: (i) => i.childId, section: "carePlan" },
    revalidate: (i) => paths(i.childId),
  },
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await saveCarePlanDraft(tx, actor, accessOf(access), input);
    auditDetail({
      entryId: result.entryId,
      version: result.version,
      lockVersion: result.lockVersion,
      created: result.created,
    });
    return result;
  },
);

// Submit a care plan draft for a manager's approval
export const submitCarePlanAction = authorizedAction(
  {
    action: "carePlan.submit",
    permission: "carePlan.submit",
    schema: submitCarePlanSchema,
    child: { id: (i) => i.childId, section: "carePlan" },
    revalidate: (i) => paths(i.childId),
  },
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await submitCarePlan(tx, actor, accessOf(access), input);
    auditDetail({ entryId: result.entryId, version: result.version });
    return result;
  },
);

// Approve a care plan version
export const approveCarePlanAction = authorizedAction(
  {
    action: "carePlan.approve",
    permission: "carePlan.approve",
    schema: approveCarePlanSchema,
    child: { id: (i) => i.childId, section: "carePlan" },
    revalidate: (i) => [...paths(i.childId), `/children/${i.childId}/decisions`],
  },
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await approveCarePlan(tx, actor, accessOf(access), input);
    auditDetail({
      entryId: result.entryId,
      version: result.version,
      superseded: result.superseded,
      decisionEntryId: result.decisionEntryId,
    });
    return result;
  },
);

// Return a submitted care plan to draft with a comment
export const returnCarePlanAction = authorizedAction(
  {
    action: "carePlan.return",
    permission: "carePlan.approve",
    schema: returnCarePlanSchema,
    child: { id: (i) => i.childId, section: "carePlan" },
    revalidate: (i) => paths(i.childId),
  },
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await returnCarePlan(tx, actor, accessOf(access), input);
    auditDetail({ entryId: result.entryId, version: result.version, comment: input.comment });
    return result;
  },
);
