// Grants time-limited, read-only, logged access to a child outside the person's caseload.
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { breakGlassGrants, children } from "@/db/schema";
import { BREAK_GLASS_HOURS, type Actor } from "@/lib/access";
import { AppError } from "@/lib/errors";

export async function grantBreakGlass(
  tx: Tx,
  actor: Actor,
  input: { childId: string; reason: string },
  now = new Date(),
) {
  const [child] = await tx
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.id, input.childId), isNull(children.deletedAt)))
    .limit(1);
  if (!child) throw new AppError("forbidden:child");
  const expiresAt = new Date(now.getTime() + BREAK_GLASS_HOURS * 3600_000);
  const [grant] = await tx
    .insert(breakGlassGrants)
    .values({ userId: actor.id, childId: input.childId, reason: input.reason, expiresAt })
    .returning({ id: breakGlassGrants.id });
  return { grantId: grant?.id, expiresAt: expiresAt.toISOString() };
}

/** Marks a grant reviewed: once, and never by the person who used the access. */
export async function reviewBreakGlass(tx: Tx, actor: Actor, input: { grantId: string }) {
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
  if (!row) {
    throw new AppError(
      "not-found",
      "That access has already been reviewed, or it is your own: another records officer must review it.",
    );
  }
  return row;
}
