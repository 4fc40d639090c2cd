// Retention: the normal earliest destruction date of a record, and the hold that overrides it.
import { addYears, differenceInYears, format, parseISO } from "date-fns";
import { eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { retentionHold } from "@/db/schema";

/**
 * A looked-after child's case record is kept until their 75th birthday, or for 15 years after
 * death if the child died before 18. The hold, while active, overrides both.
 */
export function earliestDestructionDate(dateOfBirth: string, dateOfDeath?: string | null): string {
  const dob = parseISO(dateOfBirth);
  if (dateOfDeath && differenceInYears(parseISO(dateOfDeath), dob) < 18)
    return format(addYears(parseISO(dateOfDeath), 15), "yyyy-MM-dd");
  return format(addYears(dob, 75), "yyyy-MM-dd");
}

export async function getRetentionHold(db: Queryable) {
  const [row] = await db.select().from(retentionHold).where(eq(retentionHold.id, 1)).limit(1);
  // No row means the hold applies (the database says the same).
  return (
    row ?? {
      id: 1,
      active: true,
      reason: "No decision recorded: the hold applies.",
      changedBy: null,
      changedAt: new Date(0),
    }
  );
}

export async function setRetentionHold(tx: Tx, actorId: string, input: { active: boolean; reason: string }) {
  const before = await getRetentionHold(tx);
  await tx
    .insert(retentionHold)
    .values({ id: 1, active: input.active, reason: input.reason, changedBy: actorId, changedAt: new Date() })
    .onConflictDoUpdate({
      target: retentionHold.id,
      set: { active: input.active, reason: input.reason, changedBy: actorId, changedAt: new Date() },
    });
  return { wasActive: before.active, active: input.active };
}
