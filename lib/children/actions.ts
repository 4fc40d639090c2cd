"use server";
// Creating a child's record (a social worker or team manager), with possible duplicates first.
import { authorizedAction } from "@/lib/actions";
import { createChild } from "./commands";
import { markSameChild } from "./same-child";
import { createChildSchema, markSameChildSchema } from "./schemas";

// Create a child's record
export const createChildAction = authorizedAction(
  "child.create",
  createChildSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const result = await createChild(tx, actor, input);
    auditDetail({
      childId: result.childId,
      reference: result.reference,
      teamId: result.teamId,
      duplicatesShown: result.duplicatesShown,
    });
    return result;
  },
  { revalidate: () => ["/children", "/team"] },
);

// Mark two records as the same child (records officer): the named record is closed, the other in use
export const markSameChildAction = authorizedAction(
  "child.markSameChild",
  markSameChildSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const result = await markSameChild(tx, actor, {
      sealedChildId: input.childId,
      inUseChildId: input.inUseChildId,
      reason: input.reason,
    });
    auditDetail({ ...result, inUseChildId: input.inUseChildId, reason: input.reason });
    return result;
  },
  { revalidate: () => ["/children", "/admin/same-child"] },
);
