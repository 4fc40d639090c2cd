// Retention: the normal earliest destruction date of a record, and the hold that overrides it.
import { addYears, differenceInYears, format, parseISO } from "date-fns";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Queryable, type Tx } from "@/db/client";
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

/**
 * The normal retention of a foster carer's or children's home's own record. A foster carer's
 * record is kept for at least 10 years from the date their approval ends (the Fostering Services
 * (England) Regulations 2011, regulation 32(1)): a date only once approval has ended. The
 * Children's Homes (England) Regulations 2015 bind the home's provider (each child's case record:
 * regulation 36), not the authority's own record of a home, for which we found no set period: the
 * authority's retention schedule decides, so no date is given here.
 */
export function carerRecordRetention(
  kind: "foster_carer" | "childrens_home",
  approvalEndedOn: string | null,
): { earliest: string | null; rule: string } {
  if (kind === "childrens_home")
    return {
      earliest: null,
      rule: "No period is set here for the authority's own record of a children's home: the authority's retention schedule applies. (The home keeps each child's case record until the child's 75th birthday, or for 15 years after the death of a child who died before 18: Children's Homes (England) Regulations 2015, regulation 36.)",
    };
  const rule =
    "at least 10 years from the date approval ends (Fostering Services (England) Regulations 2011, regulation 32)";
  return approvalEndedOn
    ? { earliest: format(addYears(parseISO(approvalEndedOn), 10), "yyyy-MM-dd"), rule }
    : { earliest: null, rule };
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

/**
 * Changes the hold through the database's own function (the portal's login has no INSERT or
 * UPDATE on the table): it checks that the actor is an active records officer with a reason and
 * writes who, why and when on the hold. The caller's audit event commits in the same transaction.
 */
export async function setRetentionHold(tx: Tx, actorId: string, input: { active: boolean; reason: string }) {
  const [row] = rowsOf<{ was_active: boolean; is_active: boolean }>(
    await tx.execute(
      sql`select was_active, is_active from set_retention_hold(${actorId}::uuid, ${input.active}, ${input.reason})`,
    ),
  );
  if (!row) throw new Error("set_retention_hold returned no row");
  return { wasActive: row.was_active, active: row.is_active };
}
