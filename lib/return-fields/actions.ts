"use server";
// Server actions for the return's own facts on a child's record: the child's details for the
// return, contact with a care leaver, and adoption milestones. Each is audited with what it wrote.
import { authorizedAction } from "@/lib/actions";
import { sectionHref } from "@/lib/sections";
import { recordAdoptionMilestones, recordCareLeaverContact, recordReturnDetails } from "./commands";
import { adoptionMilestonesSchema, careLeaverContactSchema, returnDetailsSchema } from "./schemas";

const paths = (childId: string) => [sectionHref(childId, "summary"), sectionHref(childId, "episodes")];

// Record the child's details for the children looked after return (previous permanence, motherhood)
export const recordReturnDetailsAction = authorizedAction(
  "child.recordReturnDetails",
  returnDetailsSchema,
  async ({ tx, input, access, auditDetail }) => {
    const result = await recordReturnDetails(tx, access, input);
    auditDetail(result);
    return { childId: input.childId };
  },
  { revalidate: (i) => paths(i.childId) },
);

// Record contact with a care leaver around a birthday (or correct it)
export const recordCareLeaverContactAction = authorizedAction(
  "careLeaver.recordContact",
  careLeaverContactSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await recordCareLeaverContact(tx, actor, access, input);
    auditDetail({
      ...result,
      contactedOn: input.contactedOn,
      inTouch: input.inTouch,
      activity: input.activity,
      accommodation: input.accommodation,
      ...(input.amendReason ? { reason: input.amendReason } : {}),
    });
    return result;
  },
  { revalidate: (i) => paths(i.childId) },
);

// Record the child's adoption milestones (a new version of them)
export const recordAdoptionMilestonesAction = authorizedAction(
  "adoption.recordMilestones",
  adoptionMilestonesSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const result = await recordAdoptionMilestones(tx, actor, access, input);
    auditDetail({ ...result, ...(input.amendReason ? { reason: input.amendReason } : {}) });
    return { milestonesId: result.milestonesId, version: result.version };
  },
  { revalidate: (i) => paths(i.childId) },
);
