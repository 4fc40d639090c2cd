// Grants time-limited, read-only, logged access to a child outside the person's caseload.
import { and, eq, isNull } from "drizzle-orm";
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
