"use server";
// Creating a child's record (a social worker or team manager), with possible duplicates first.
import { authorizedAction } from "@/lib/actions";
import { createChild } from "./commands";
import { createChildSchema } from "./schemas";

// Create a child's record
export const createChildAction = authorizedAction(
  "child.create",
  createChildSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const result = await createChild(tx, actor, input);
    auditDetail({ childId: result.childId, reference: result.reference, duplicatesShown: result.duplicatesShown });
    return result;
  },
  { revalidate: () => ["/children", "/team"] },
);
