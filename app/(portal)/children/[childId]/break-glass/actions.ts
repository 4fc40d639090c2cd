"use server";
// Break-glass: time-limited, read-only access to a child outside one's caseload, with a reason.
import { authorizedAction } from "@/lib/actions";
import { breakGlassSchema } from "@/lib/break-glass/schemas";
import { grantBreakGlass } from "@/lib/break-glass/commands";

// Request break-glass access to a child's record
export const requestBreakGlassAction = authorizedAction(
  {
    action: "breakGlass.grant",
    permission: "breakGlass.use",
    schema: breakGlassSchema,
    subjectChild: (i) => i.childId,
    flagged: true,
  },
  async ({ tx, actor, input, auditDetail }) => {
    const grant = await grantBreakGlass(tx, actor, input);
    auditDetail({ reason: input.reason, expiresAt: grant.expiresAt });
    return grant;
  },
);
