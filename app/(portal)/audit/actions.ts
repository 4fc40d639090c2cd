"use server";
// Records officer's actions on the audit log.
import { z } from "zod";
import { eq } from "drizzle-orm";
import { breakGlassGrants } from "@/db/schema";
import { authorizedAction } from "@/lib/actions";
import { verifyAuditChains } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { id } from "@/lib/validation";

// Verify every audit chain and record that it was checked
export const verifyAuditAction = authorizedAction(
  { action: "audit.verify", permission: "audit.read", schema: z.object({}) },
  async ({ tx, auditDetail }) => {
    const result = await verifyAuditChains(tx);
    auditDetail({ ok: result.ok, chains: result.chains, events: result.events, problems: result.problems.length });
    return result;
  },
);

// Mark a break-glass access as reviewed
export const reviewBreakGlassAction = authorizedAction(
  { action: "breakGlass.review", permission: "breakGlass.review", schema: z.object({ grantId: id }), revalidate: () => ["/audit"] },
  async ({ tx, actor, input, auditDetail }) => {
    const [row] = await tx.update(breakGlassGrants).set({ reviewedBy: actor.id, reviewedAt: new Date() }).where(eq(breakGlassGrants.id, input.grantId)).returning({ id: breakGlassGrants.id, childId: breakGlassGrants.childId });
    if (!row) throw new AppError("not-found");
    auditDetail({ grantId: row.id, childId: row.childId });
    return row;
  },
);
