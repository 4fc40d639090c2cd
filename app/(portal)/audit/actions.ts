"use server";
// Records officer's actions on the audit log.
import { z } from "zod";
import { and, eq, isNull, ne } from "drizzle-orm";
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
    const first = result.problems[0];
    auditDetail({
      ok: result.ok,
      chains: result.chains,
      events: result.events,
      checkpoint: result.newestCheckpoint?.seq ?? null,
      problems: result.problems.length,
      ...(first ? { first: { kind: first.kind, chainKey: first.chainKey, seq: first.seq } } : {}),
    });
    return result;
  },
);

// Mark a break-glass access as reviewed
export const reviewBreakGlassAction = authorizedAction(
  {
    action: "breakGlass.review",
    permission: "breakGlass.review",
    schema: z.object({ grantId: id }),
    revalidate: () => ["/audit"],
  },
  async ({ tx, actor, input, auditDetail }) => {
    // Reviewed once, and never by the person who used the access.
    const [row] = await tx
      .update(breakGlassGrants)
      .set({ reviewedBy: actor.id, reviewedAt: new Date() })
      .where(
        and(
          eq(breakGlassGrants.id, input.grantId),
          isNull(breakGlassGrants.reviewedAt),
          ne(breakGlassGrants.userId, actor.id),
        ),
      )
      .returning({ id: breakGlassGrants.id, childId: breakGlassGrants.childId });
    if (!row)
      throw new AppError(
        "not-found",
        "That access has already been reviewed, or it is your own: another records officer must review it.",
      );
    auditDetail({ grantId: row.id, childId: row.childId });
    return row;
  },
);
