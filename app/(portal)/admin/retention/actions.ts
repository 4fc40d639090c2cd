"use server";
// Records officer: change the retention hold, with a reason; audited.
import { authorizedAction } from "@/lib/actions";
import { setRetentionHold } from "@/lib/retention";
import { retentionHoldSchema } from "@/lib/retention/schemas";

// Turn the retention hold on or off
export const setRetentionHoldAction = authorizedAction(
  {
    action: "retention.setHold",
    permission: "retention.manage",
    schema: retentionHoldSchema,
    revalidate: () => ["/admin/retention"],
    flagged: true,
  },
  async ({ tx, actor, input, auditDetail }) => {
    const result = await setRetentionHold(tx, actor.id, { active: input.active === "on", reason: input.reason });
    auditDetail({ ...result, reason: input.reason });
    return result;
  },
);
