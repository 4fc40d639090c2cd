// Reads of the return's own facts for the child's pages, and the current rows for the export.
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { adoptionMilestones, careLeaverContacts, children, users } from "@/db/schema";
import type { ChildAccess } from "@/lib/access";
import { careLeaverStatus } from "./commands";

export async function returnDetails(db: Queryable, access: ChildAccess) {
  const [row] = await db
    .select({
      sex: children.sex,
      dateOfBirth: children.dateOfBirth,
      previousPermanence: children.previousPermanence,
      previousPermanenceLa: children.previousPermanenceLa,
      previousPermanenceDate: children.previousPermanenceDate,
      isMother: children.isMother,
      motherChildDob: children.motherChildDob,
    })
    .from(children)
    .where(eq(children.id, access.childId))
    .limit(1);
  return row ?? null;
}

/** The current contact for each birthday, with whether the child is a care leaver the return asks about. */
export async function careLeaverContactsOf(db: Queryable, access: ChildAccess, dateOfBirth: string) {
  const [status, contacts] = await Promise.all([
    careLeaverStatus(db, access.childId, dateOfBirth),
    db
      .select({ contact: careLeaverContacts, recordedBy: users.name })
      .from(careLeaverContacts)
      .leftJoin(users, eq(users.id, careLeaverContacts.recordedBy))
      .where(and(eq(careLeaverContacts.childId, access.childId), isNull(careLeaverContacts.supersededAt)))
      .orderBy(asc(careLeaverContacts.age)),
  ]);
  return { status, contacts };
}

/** Every version of the child's adoption milestones, newest (the current one) first. */
export async function adoptionMilestoneVersions(db: Queryable, access: ChildAccess) {
  return db
    .select({ milestones: adoptionMilestones, recordedBy: users.name })
    .from(adoptionMilestones)
    .leftJoin(users, eq(users.id, adoptionMilestones.recordedBy))
    .where(eq(adoptionMilestones.childId, access.childId))
    .orderBy(desc(adoptionMilestones.version));
}

/**
 * For the return: the latest contact per child and birthday, and the current milestones per
 * child, each one row where superseded_at is null (a partial unique index keeps it one).
 */
export function currentCareLeaverContacts(db: Queryable) {
  return db
    .select()
    .from(careLeaverContacts)
    .where(and(isNull(careLeaverContacts.supersededAt), isNull(careLeaverContacts.deletedAt)));
}

export function currentAdoptionMilestones(db: Queryable) {
  return db
    .select()
    .from(adoptionMilestones)
    .where(and(isNull(adoptionMilestones.supersededAt), isNull(adoptionMilestones.deletedAt)));
}
