"use server";
// Records officer: change the retention hold, with a reason; audited and flagged.
import { authorizedAction } from "@/lib/actions";
import { setRetentionHold } from "./index";
import { retentionHoldSchema } from "./schemas";

// Turn the retention hold on or off
export const setRetentionHoldAction = authorizedAction(
  "retention.setHold",
  retentionHoldSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const result = await setRetentionHold(tx, actor.id, { active: input.active === "on", reason: input.reason });
    auditDetail({ ...result, reason: input.reason });
    return result;
  },
  { revalidate: () => ["/admin/retention"] },
);
