"use server";
// Break-glass: time-limited, read-only access to a child outside one's caseload, with a reason.
import { authorizedAction } from "@/lib/actions";
import { grantBreakGlass, reviewBreakGlass } from "./commands";
import { breakGlassSchema, reviewBreakGlassSchema } from "./schemas";

// Request break-glass access to a child's record
export const requestBreakGlassAction = authorizedAction(
  "breakGlass.grant",
  breakGlassSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const grant = await grantBreakGlass(tx, actor, input);
    auditDetail({ reason: input.reason, expiresAt: grant.expiresAt });
    return grant;
  },
);

// Mark a break-glass access as reviewed (records officer; never one's own)
export const reviewBreakGlassAction = authorizedAction(
  "breakGlass.review",
  reviewBreakGlassSchema,
  async ({ tx, actor, input, auditDetail }) => {
    const row = await reviewBreakGlass(tx, actor, input);
    auditDetail({ grantId: row.id, childId: row.childId });
    return row;
  },
  { revalidate: () => ["/audit"] },
);
