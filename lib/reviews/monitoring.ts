// The IRO's monitoring notes on a child's case between reviews: append-only (a correction is a
// later note), optionally about one of the child's reviews. Runs in the caller's transaction (the
// action wrapper adds the audit event) under the child's lock.
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { iroMonitoringNotes, reviews } from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";
import { lockChild } from "@/lib/children/lock";
import { AppError } from "@/lib/errors";

export async function writeMonitoringNote(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { note: string; reviewId: string | null },
  now = new Date(),
) {
  await lockChild(tx, access.childId);
  if (input.reviewId) {
    const [review] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.reviewId, input.reviewId), eq(reviews.childId, access.childId)))
      .limit(1);
    if (!review) {
      const message = "Choose one of this child's reviews, or none";
      throw new AppError("invalid:input", message, { reviewId: [message] });
    }
  }
  const [row] = await tx
    .insert(iroMonitoringNotes)
    .values({
      childId: access.childId,
      authorId: actor.id,
      writtenAt: now,
      note: input.note,
      reviewId: input.reviewId,
    })
    .returning({ id: iroMonitoringNotes.id });
  if (!row) throw new Error("insert returned no row");
  return { noteId: row.id };
}
